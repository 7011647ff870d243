"""Curves (曲线): the RGB tone curve and one curve per channel, edited in one square editor.

A channel switcher picks which curve the editor shows; each finished gesture commits the recipe
with that channel's new points. With the photo's proxy (`set_proxy`) the channel's histogram
is drawn behind the curve.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.recipe import CURVE_CHANNELS, IDENTITY_CURVE, CurvePoints, Recipe
from studio.editor.panels.curve_editor import CurveEditor
from studio.editor.panels.panel_style import style_panel
from studio.models.curve_points import level_histogram

_CHANNEL_COLORS = {"rgb": "#F2F2F4", "r": "#FF5A6A", "g": "#4CD07D", "b": "#4C9BFF"}


class CurvesPanel(QWidget):
    previewed = Signal(object)
    """A Recipe to render while a curve point is dragged; not a history step."""
    committed = Signal(object)
    """A Recipe that is one undo step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self._recipe = Recipe()
        self._channel = "rgb"
        self._proxy: np.ndarray | None = None

        title = QLabel(self.tr("Curves"), self)
        title.setObjectName("PanelTitle")
        self.reset_button = QPushButton(self.tr("Reset curve"), self)
        self.reset_button.setProperty("flat", "true")
        self.reset_button.setToolTip(self.tr("Make this channel's curve straight again"))
        self.reset_button.clicked.connect(self._on_reset_clicked)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.reset_button)

        labels = {
            "rgb": self.tr("RGB"),
            "r": self.tr("Red"),
            "g": self.tr("Green"),
            "b": self.tr("Blue"),
        }
        self.channel_buttons: dict[str, QPushButton] = {}
        self._channel_group = QButtonGroup(self)
        switcher = QHBoxLayout()
        switcher.setSpacing(6)
        for channel in CURVE_CHANNELS:
            button = QPushButton(labels[channel], self)
            button.setCheckable(True)
            button.setChecked(channel == self._channel)
            button.clicked.connect(lambda _checked, c=channel: self._on_channel_clicked(c))
            self._channel_group.addButton(button)
            self.channel_buttons[channel] = button
            switcher.addWidget(button)
        switcher.addStretch(1)

        self.editor = CurveEditor(self)
        self.editor.dragged.connect(self._on_editor_dragged)
        self.editor.changed.connect(self._on_editor_changed)
        hint = QLabel(
            self.tr(
                "Click to add a point, drag to move it; double-click or drag it out to remove."
            ),
            self,
        )
        hint.setObjectName("PanelHint")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(switcher)
        layout.addWidget(self.editor)
        layout.addWidget(hint)
        layout.addStretch(1)
        self._show_channel()

    def set_recipe(self, recipe: Recipe) -> None:
        """Show `recipe`'s curves; emits nothing."""
        self._recipe = recipe
        self._show_channel()

    def set_proxy(self, proxy: np.ndarray | None) -> None:
        """The photo's screen proxy (H×W×3 uint8 RGB), for the histogram behind the curve."""
        self._proxy = proxy
        self._show_histogram()

    def channel(self) -> str:
        return self._channel

    def _with_points(self, points: CurvePoints) -> Recipe:
        return replace(self._recipe, curves=replace(self._recipe.curves, **{self._channel: points}))

    def _on_editor_dragged(self, points: CurvePoints) -> None:
        self.previewed.emit(self._with_points(points))

    def _on_editor_changed(self, points: CurvePoints) -> None:
        self._recipe = self._with_points(points)
        self._show_reset()
        self.committed.emit(self._recipe)

    def _on_channel_clicked(self, channel: str) -> None:
        self._channel = channel
        self._show_channel()

    def _on_reset_clicked(self) -> None:
        if getattr(self._recipe.curves, self._channel) != IDENTITY_CURVE:
            self._recipe = self._with_points(IDENTITY_CURVE)
            self._show_channel()
            self.committed.emit(self._recipe)

    def _show_channel(self) -> None:
        self.channel_buttons[self._channel].setChecked(True)
        self.editor.set_color(QColor(_CHANNEL_COLORS[self._channel]))
        self.editor.set_points(getattr(self._recipe.curves, self._channel))
        self._show_histogram()
        self._show_reset()

    def _show_histogram(self) -> None:
        proxy = self._proxy
        self.editor.set_histogram(None if proxy is None else level_histogram(proxy, self._channel))

    def _show_reset(self) -> None:
        curves = self._recipe.curves
        self.reset_button.setEnabled(getattr(curves, self._channel) != IDENTITY_CURVE)
        for channel, button in self.channel_buttons.items():
            changed = "true" if getattr(curves, channel) != IDENTITY_CURVE else "false"
            if button.property("changed") != changed:
                button.setProperty("changed", changed)
                button.style().unpolish(button)
                button.style().polish(button)
