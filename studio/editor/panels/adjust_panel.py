"""Adjust (调节): the tone, colour and detail sliders of the recipe, in three groups.

The panel holds the recipe it was last shown and turns each slider gesture into a new recipe:
`previewed` while a handle is dragged, `committed` once per gesture. It never keeps an edit
of its own; the editor decides what the current recipe is and shows it with `set_recipe`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from editor.recipe import Adjust, Recipe
from studio.editor.panels.panel_style import style_panel
from studio.editor.panels.slider_row import SliderRow
from studio.models.adjust_sliders import ADJUST_CONTEXT, ADJUST_GROUPS


class AdjustPanel(QWidget):
    previewed = Signal(object)
    """A Recipe to render while a slider is dragged; not a history step."""
    committed = Signal(object)
    """A Recipe that is one undo step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self._recipe = Recipe()
        self.rows: dict[str, SliderRow] = {}
        title = QLabel(self.tr("Adjust"), self)
        title.setObjectName("PanelTitle")
        self.reset_button = QPushButton(self.tr("Reset all"), self)
        self.reset_button.setProperty("flat", "true")
        self.reset_button.setToolTip(self.tr("Set every slider back to 0"))
        self.reset_button.clicked.connect(self._on_reset_clicked)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.reset_button)

        body = QWidget()
        body.setObjectName("PanelBody")
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 6, 8)
        rows.setSpacing(4)
        for group in ADJUST_GROUPS:
            heading = QLabel(QCoreApplication.translate(ADJUST_CONTEXT, group.title), body)
            heading.setObjectName("GroupTitle")
            rows.addWidget(heading)
            for spec in group.sliders:
                row = SliderRow(
                    QCoreApplication.translate(ADJUST_CONTEXT, spec.label),
                    minimum=spec.minimum,
                    maximum=spec.maximum,
                    decimals=spec.decimals,
                    step=spec.step,
                    parent=body,
                )
                row.dragged.connect(lambda value, name=spec.name: self._on_row_dragged(name, value))
                row.changed.connect(lambda value, name=spec.name: self._on_row_changed(name, value))
                self.rows[spec.name] = row
                rows.addWidget(row)
        rows.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 10, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        self._show_reset()

    def set_recipe(self, recipe: Recipe) -> None:
        """Show `recipe`'s sliders; emits nothing."""
        self._recipe = recipe
        for name, row in self.rows.items():
            row.set_value(getattr(recipe.adjust, name))
        self._show_reset()

    def _on_row_dragged(self, name: str, value: float) -> None:
        self.previewed.emit(self._recipe.with_adjust(**{name: value}))

    def _on_row_changed(self, name: str, value: float) -> None:
        self._recipe = self._recipe.with_adjust(**{name: value})
        self._show_reset()
        self.committed.emit(self._recipe)

    def _on_reset_clicked(self) -> None:
        if self._recipe.adjust != Adjust():
            self.set_recipe(replace(self._recipe, adjust=Adjust()))
            self.committed.emit(self._recipe)

    def _show_reset(self) -> None:
        self.reset_button.setEnabled(self._recipe.adjust != Adjust())
