"""Crop & rotate (裁剪): ratio, turn, mirror, straighten, reset.

Follows the panels' contract: `set_recipe` shows a state without emitting; `previewed` carries
a recipe to render while the straighten slider is dragged, `committed` one undo step. What a ratio,
a turn or a mirror does to the crop rectangle is decided in `crop_frame`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.recipe import ASPECTS, MAX_STRAIGHTEN_DEGREES, Geometry, Recipe
from studio.editor.crop_frame import flipped, publishable, turned, with_aspect
from studio.editor.panels.panel_style import style_panel
from studio.editor.panels.slider_row import SliderRow


class CropPanel(QWidget):
    previewed = Signal(object)
    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self._recipe = Recipe()
        self._frame = 1.0
        self._allowed: list[str] = list(ASPECTS)
        self._tolerance = 0.0
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)

        title = QLabel(self.tr("Crop & rotate"), self)
        title.setObjectName("PanelTitle")
        layout.addWidget(title)
        layout.addWidget(self._section(self.tr("Ratio")))
        self.ratio_group = QButtonGroup(self)
        self.ratio_group.setExclusive(True)
        self.ratio_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, aspect in enumerate(ASPECTS):
            button = QPushButton(self.tr("Free") if aspect == "free" else aspect, self)
            button.setCheckable(True)
            self.ratio_group.addButton(button)
            self.ratio_buttons[aspect] = button
            button.clicked.connect(lambda _checked, chosen=aspect: self._on_ratio(chosen))
            grid.addWidget(button, index // 3, index % 3)
        layout.addLayout(grid)
        self.ratio_warning = QLabel(self)
        self.ratio_warning.setObjectName("PanelError")
        self.ratio_warning.setWordWrap(True)
        self.ratio_warning.hide()
        layout.addWidget(self.ratio_warning)

        layout.addSpacing(6)
        layout.addWidget(self._section(self.tr("Rotate")))
        turns = QHBoxLayout()
        turns.setSpacing(8)
        self.rotate_button = QPushButton(self.tr("Rotate 90°"), self)
        self.flip_h_button = QPushButton(self.tr("Flip ↔"), self)
        self.flip_v_button = QPushButton(self.tr("Flip ↕"), self)
        self.rotate_button.setToolTip(self.tr("Turn the photo a quarter clockwise"))
        self.flip_h_button.setToolTip(self.tr("Mirror left and right"))
        self.flip_v_button.setToolTip(self.tr("Mirror top and bottom"))
        for button in (self.rotate_button, self.flip_h_button, self.flip_v_button):
            turns.addWidget(button)
        layout.addLayout(turns)

        layout.addSpacing(6)
        self.straighten = SliderRow(
            self.tr("Straighten (°)"),
            minimum=-MAX_STRAIGHTEN_DEGREES,
            maximum=MAX_STRAIGHTEN_DEGREES,
            decimals=1,
            parent=self,
        )
        layout.addWidget(self.straighten)
        hint = QLabel(self.tr("The picture is cropped automatically so no corner is empty."), self)
        hint.setObjectName("PanelHint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        layout.addSpacing(6)
        self.reset_button = QPushButton(self.tr("Reset crop && rotation"), self)
        layout.addWidget(self.reset_button)
        layout.addStretch(1)

        self.rotate_button.clicked.connect(
            lambda: self._commit(turned(self._recipe.geometry, self._frame))
        )
        self.flip_h_button.clicked.connect(
            lambda: self._commit(flipped(self._recipe.geometry, horizontal=True))
        )
        self.flip_v_button.clicked.connect(
            lambda: self._commit(flipped(self._recipe.geometry, horizontal=False))
        )
        self.reset_button.clicked.connect(lambda: self._commit(Geometry()))
        self.straighten.dragged.connect(lambda angle: self.previewed.emit(self._tilted(angle)))
        self.straighten.changed.connect(lambda angle: self._commit(self._tilted(angle).geometry))

    def _section(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("GroupTitle")
        return label

    # -- the contract ----------------------------------------------------------------------

    def set_recipe(self, recipe: Recipe) -> None:
        self._recipe = recipe
        geometry = recipe.geometry
        self.ratio_buttons[geometry.aspect].setChecked(True)
        self.straighten.set_value(geometry.straighten)
        self._show_publishable()

    def set_frame_aspect(self, frame: float) -> None:
        """Pixel width / height of the straightened frame, which ratios are measured in."""
        self._frame = frame
        self._show_publishable()

    def set_publishable_ratios(self, allowed: list[str], tolerance: float) -> None:
        """The ratios the platform publishes image notes in (from the rules pack)."""
        self._allowed, self._tolerance = list(allowed), tolerance
        for aspect, button in self.ratio_buttons.items():
            refused = aspect != "free" and aspect not in allowed
            button.setToolTip(self.tr("Not accepted for image notes") if refused else "")
        self._show_publishable()

    def _show_publishable(self) -> None:
        crop = self._recipe.geometry.crop
        ok = publishable(crop, self._frame, self._allowed, self._tolerance)
        self.ratio_warning.setVisible(not ok)
        self.ratio_warning.setText(
            self.tr("Image notes are published in {ratios}: this crop would be refused.").format(
                ratios=self.tr(", ").join(self._allowed)
            )
        )

    # -- edits -----------------------------------------------------------------------------

    def _commit(self, geometry: Geometry) -> None:
        if geometry != self._recipe.geometry:
            self._recipe = replace(self._recipe, geometry=geometry)
            self.committed.emit(self._recipe)

    def _on_ratio(self, aspect: str) -> None:
        self._commit(with_aspect(self._recipe.geometry, aspect, self._frame))

    def _tilted(self, angle: float) -> Recipe:
        return replace(self._recipe, geometry=replace(self._recipe.geometry, straighten=angle))
