"""The brand kit in the photo editor: the logo as a watermark, and the kit's colours.

Like the other panels, the box turns gestures into recipes (`previewed` while a slider is
dragged, `committed` once per gesture) and keeps no edit of its own. The watermark is the
recipe's `watermark` section (the kit's logo in a corner); "Use brand kit colours" replaces the
recipe's `brand` section with the current kit's style, which every text and shape naming a
colour role follows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.brand import CORNERS, DEFAULT_BRAND, Watermark
from editor.recipe import Recipe
from studio.editor.panels.panel_style import PANEL_LINE, PANEL_MUTED, PANEL_RAISED, style_panel
from studio.editor.panels.slider_row import SliderRow
from studio.style import ACCENT
from studio.widgets.brand_swatches import BrandSwatches
from studio.widgets.switch import Switch

if TYPE_CHECKING:
    from studio.context import AppContext


class CornerButton(QAbstractButton):
    """A small frame with a mark in one of its corners: where the logo goes."""

    def __init__(self, corner: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.corner = corner
        self.setCheckable(True)
        self.setFixedSize(34, 28)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.size()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        on = self.isChecked()
        edge = ACCENT if on or self.hasFocus() else ("#5A5D65" if self.underMouse() else PANEL_LINE)
        painter.setPen(QPen(QColor(edge), 1.5))
        painter.setBrush(QColor(PANEL_RAISED))
        painter.drawRoundedRect(frame, 5, 5)
        mark = QRectF(0, 0, 10, 7)
        inner = frame.adjusted(4, 4, -4, -4)
        left, top = self.corner.endswith("left"), self.corner.startswith("top")
        mark.moveLeft(inner.left() if left else inner.right() - mark.width())
        mark.moveTop(inner.top() if top else inner.bottom() - mark.height())
        painter.setPen(Qt.PenStyle.NoPen)
        mark_colour = QColor(ACCENT if on else PANEL_MUTED)
        if not self.isEnabled():
            mark_colour.setAlphaF(0.4)
        painter.setBrush(mark_colour)
        painter.drawRoundedRect(mark, 2, 2)
        painter.end()


class BrandBox(QWidget):
    previewed = Signal(object)
    """A Recipe to render while a slider is dragged; not a history step."""
    committed = Signal(object)
    """A Recipe that is one undo step."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self._brand = ctx.brand
        self._recipe = Recipe()
        self._last: Watermark | None = None
        """The watermark as last set, so switching it off and on again keeps its place."""

        title = QLabel(self.tr("Brand kit"), self)
        title.setObjectName("GroupTitle")
        self.watermark_switch = Switch(self.tr("Logo watermark"), self)
        self.watermark_switch.toggled.connect(self._on_watermark_toggled)
        self.logo_hint = QLabel(self)
        self.logo_hint.setObjectName("PanelHint")
        self.logo_hint.setWordWrap(True)

        corner_label = QLabel(self.tr("Corner"), self)
        corner_label.setObjectName("SliderName")
        self.corners = QButtonGroup(self)
        self.corner_buttons: dict[str, CornerButton] = {}
        corner_row = QHBoxLayout()
        corner_row.setContentsMargins(12, 0, 0, 0)  # in line with the sliders' names
        corner_row.setSpacing(6)
        corner_row.addWidget(corner_label, 1)
        names = {
            "top_left": self.tr("Top left"),
            "top_right": self.tr("Top right"),
            "bottom_left": self.tr("Bottom left"),
            "bottom_right": self.tr("Bottom right"),
        }
        for corner in CORNERS:
            button = CornerButton(corner, self)
            button.setToolTip(names[corner])
            button.setAccessibleName(names[corner])
            self.corners.addButton(button)
            self.corner_buttons[corner] = button
            corner_row.addWidget(button)
        self.corners.buttonClicked.connect(self._on_corner_clicked)
        self.size_row = SliderRow(
            self.tr("Size"), minimum=3, maximum=50, default=Watermark.width * 100, parent=self
        )
        self.opacity_row = SliderRow(
            self.tr("Opacity"), minimum=0, maximum=100, default=Watermark.opacity, parent=self
        )
        for row, name in ((self.size_row, "width"), (self.opacity_row, "opacity")):
            row.dragged.connect(lambda value, n=name: self.previewed.emit(self._placed(n, value)))
            row.changed.connect(lambda value, n=name: self._commit(self._placed(n, value)))
        self.placement = QWidget(self)
        placement = QVBoxLayout(self.placement)
        placement.setContentsMargins(0, 2, 0, 0)
        placement.setSpacing(4)
        placement.addLayout(corner_row)
        placement.addWidget(self.size_row)
        placement.addWidget(self.opacity_row)

        colours_title = QLabel(self.tr("Brand colours"), self)
        colours_title.setObjectName("GroupTitle")
        self.swatches = BrandSwatches(side=24, clickable=False, rim="#46FFFFFF", parent=self)
        self.use_colours_button = QPushButton(self.tr("Use brand kit colours"), self)
        self.use_colours_button.setToolTip(
            self.tr("Texts and shapes set to brand colours take the current kit's colours")
        )
        self.use_colours_button.clicked.connect(self._on_use_colours_clicked)
        self.colours_hint = QLabel(self)
        self.colours_hint.setObjectName("PanelHint")
        self.colours_hint.setWordWrap(True)
        # The button sits under the swatches: beside them it made the box wider than the
        # editor's side panel in English.
        colours_row = QHBoxLayout()
        colours_row.setSpacing(10)
        colours_row.addWidget(self.swatches)
        colours_row.addStretch(1)
        button_row = QHBoxLayout()
        button_row.addWidget(self.use_colours_button)
        button_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 12)  # the panel it sits in has its margins
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.watermark_switch)
        layout.addWidget(self.logo_hint)
        layout.addWidget(self.placement)
        layout.addWidget(colours_title)
        layout.addLayout(colours_row)
        layout.addLayout(button_row)
        layout.addWidget(self.colours_hint)
        layout.addStretch(1)
        self._brand.changed.connect(self._show)
        self._show()

    def set_recipe(self, recipe: Recipe) -> None:
        """Show `recipe`'s watermark and brand style; emits nothing."""
        self._recipe = recipe
        if recipe.watermark is not None:
            self._last = recipe.watermark
        self._show()

    # -- gestures --------------------------------------------------------------------------

    def _on_watermark_toggled(self, on: bool) -> None:
        logo = self._brand.logo_id
        if on and logo is not None:
            placed = Watermark(logo) if self._last is None else replace(self._last, logo=logo)
            self._commit(replace(self._recipe, watermark=placed))
        elif not on and self._recipe.watermark is not None:
            self._commit(replace(self._recipe, watermark=None))
        else:
            self._show()

    def _on_corner_clicked(self, button: CornerButton) -> None:
        watermark = self._recipe.watermark
        if watermark is not None and watermark.corner != button.corner:
            self._commit(replace(self._recipe, watermark=replace(watermark, corner=button.corner)))

    def _placed(self, name: str, value: float) -> Recipe:
        """The recipe with the watermark's `width` (a slider's percent) or `opacity` set."""
        watermark = self._recipe.watermark
        if watermark is None:
            return self._recipe
        amount = value / 100 if name == "width" else value
        return replace(self._recipe, watermark=replace(watermark, **{name: amount}))

    def _on_use_colours_clicked(self) -> None:
        self._commit(replace(self._recipe, brand=self._brand.style))

    def _commit(self, recipe: Recipe) -> None:
        if recipe != self._recipe:
            self.set_recipe(recipe)
            self.committed.emit(recipe)

    # -- display ---------------------------------------------------------------------------

    def _show(self) -> None:
        watermark = self._recipe.watermark
        has_logo = self._brand.logo_id is not None
        self.watermark_switch.blockSignals(True)
        self.watermark_switch.setChecked(watermark is not None)
        self.watermark_switch.blockSignals(False)
        self.watermark_switch.setEnabled(has_logo or watermark is not None)
        self.watermark_switch.update()
        if has_logo:
            self.logo_hint.setText(self.tr("The brand kit's logo, drawn above everything."))
        else:
            self.logo_hint.setText(
                self.tr("The brand kit has no logo yet: add one in Settings → Brand kit.")
            )
        self.placement.setVisible(watermark is not None)
        if watermark is not None:
            self.corner_buttons[watermark.corner].setChecked(True)
            self.size_row.set_value(round(watermark.width * 100))
            self.opacity_row.set_value(round(watermark.opacity))
        style = self._brand.style
        self.swatches.set_style(style)
        in_use = (self._recipe.brand or DEFAULT_BRAND) == style
        self.use_colours_button.setEnabled(not in_use)
        self.colours_hint.setText(
            self.tr("This photo uses the brand kit's colours.")
            if in_use
            else self.tr("This photo was made with other brand colours.")
        )
