"""Look (调色): the photo editor's Filters, Adjust and Curves panels, on every frame of the video.

A video's look is a photo recipe's look (`VideoEdit.look`), so the photo panels edit it as they
are: this adapter shows them the edit's look as a recipe and turns the recipes they emit back
into edits. A switch at the top picks the panel; the one holding changes is marked.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from editor.recipe import Adjust, Curves, Recipe
from editor.video.edit import VideoEdit
from studio.editor.panels.adjust_panel import AdjustPanel
from studio.editor.panels.curves_panel import CurvesPanel
from studio.editor.panels.filters_panel import FiltersPanel
from studio.editor.panels.panel_style import style_panel
from studio.video.panels.parts import restyle

if TYPE_CHECKING:
    from studio.context import AppContext


class LookPanel(QWidget):
    previewed = Signal(object)
    """A VideoEdit to render while a slider or curve point is dragged; not a history step."""
    committed = Signal(object)
    """A VideoEdit that is one undo step."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self._edit = VideoEdit()
        self.filters_panel = FiltersPanel(ctx, self)
        self.adjust_panel = AdjustPanel(self)
        self.curves_panel = CurvesPanel(self)
        self.stack = QStackedWidget(self)
        self.switch_buttons: dict[QWidget, QPushButton] = {}
        group = QButtonGroup(self)
        switch = QHBoxLayout()
        switch.setContentsMargins(16, 14, 16, 0)
        switch.setSpacing(6)
        for panel, label, tip in (
            (self.filters_panel, self.tr("Filters"), self.tr("One-click looks")),
            (self.adjust_panel, self.tr("Adjust"), self.tr("Light, colour and detail")),
            (self.curves_panel, self.tr("Curves"), self.tr("Fine tone and colour curves")),
        ):
            self.stack.addWidget(panel)
            button = QPushButton(label, self)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, panel=panel: self.show_part(panel))
            group.addButton(button)
            switch.addWidget(button, 1)
            self.switch_buttons[panel] = button
            panel.previewed.connect(self._on_previewed)
            panel.committed.connect(self._on_committed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(switch)
        layout.addWidget(self.stack, 1)
        self.show_part(self.filters_panel)

    # -- the contract with the window ------------------------------------------------------

    def show_edit(self, edit: VideoEdit, **_window_state: object) -> None:
        """Show `edit`'s look in every part; emits nothing. The window's other state
        (playhead, selection…) does not change it."""
        self._edit = edit
        for panel in (self.filters_panel, self.adjust_panel, self.curves_panel):
            panel.set_recipe(edit.look)
        self._show_changed()

    def set_frame(self, picture: np.ndarray | None) -> None:
        """A frame of the video (H×W×3 uint8 RGB, screen size): the filter thumbnails are
        rendered on it and the curves show its histogram."""
        self.filters_panel.set_proxy(picture)
        self.curves_panel.set_proxy(picture)

    def show_part(self, panel: QWidget) -> None:
        """Bring one of the parts (filters, adjust, curves panel) to the front."""
        self.stack.setCurrentWidget(panel)
        self.switch_buttons[panel].setChecked(True)

    # -- from the photo panels -------------------------------------------------------------

    def _with_look(self, recipe: Recipe) -> VideoEdit:
        return replace(self._edit, look=recipe.look())

    def _on_previewed(self, recipe: Recipe) -> None:
        self.previewed.emit(self._with_look(recipe))

    def _on_committed(self, recipe: Recipe) -> None:
        edit = self._with_look(recipe)
        if edit != self._edit:
            self.show_edit(edit)
            self.committed.emit(edit)

    def _show_changed(self) -> None:
        look = self._edit.look
        for panel, changed in (
            (self.filters_panel, look.filter is not None),
            (self.adjust_panel, look.adjust != Adjust()),
            (self.curves_panel, look.curves != Curves()),
        ):
            restyle(self.switch_buttons[panel], "changed", "true" if changed else "false")
