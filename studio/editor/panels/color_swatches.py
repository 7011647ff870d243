"""A row of colour swatches, a picker for any other colour, and the brand's five colours.

The value is a recipe colour: ``#RRGGBB[AA]`` or a brand role (``brand:primary``), which the
renderer resolves against the recipe's brand style — so a title set in the brand's primary
colour follows when the kit changes. The brand swatches show the style's current colours.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QConicalGradient, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from editor.brand import BRAND_COLOR_NAMES, DEFAULT_BRAND, BrandStyle
from studio.style import ACCENT

PALETTE: tuple[str, ...] = (
    "#FFFFFF",
    "#000000",
    "#FF2442",
    "#FFD23F",
    "#FFA41B",
    "#1DB16A",
    "#3B82F6",
    "#FFB8C6",
)
"""White, black, the studio's red, and the sticker set's yellows, green, blue and pink."""
_SIDE = 24


def _qcolor(value: str) -> QColor:
    """``#RRGGBBAA`` (the recipe's order) as a QColor (which reads ``#AARRGGBB``)."""
    color = QColor(value[:7])
    if len(value) == 9:
        color.setAlpha(int(value[7:9], 16))
    return color


class Swatch(QAbstractButton):
    """One round colour; a ring around it when it is the value in use. Without a colour it
    is the "any colour" picker, drawn as a colour wheel."""

    def __init__(self, color: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = color
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedSize(_SIDE + 6, _SIDE + 6)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(_SIDE + 6, _SIDE + 6)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2)
        radius = _SIDE / 2 - 3
        if self.isChecked() or self.hasFocus():
            painter.setPen(QPen(QColor(ACCENT), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, _SIDE / 2, _SIDE / 2)
        elif self.underMouse():
            radius += 1
        if self.color is None:
            wheel = QConicalGradient(centre, 90)
            for stop, hue in enumerate((0, 60, 120, 180, 240, 300, 0)):
                wheel.setColorAt(stop / 6, QColor.fromHsv(hue, 200, 255))
            painter.setBrush(wheel)
        else:
            painter.setBrush(_qcolor(self.color))
        # A faint rim, so black reads on the dark panel and white on a light one.
        painter.setPen(QPen(QColor(255, 255, 255, 70), 1))
        painter.drawEllipse(centre, radius, radius)
        if self.color is None:
            painter.setPen(QPen(QColor("white"), 2))
            arm = radius / 2
            painter.drawLine(
                QPointF(centre.x() - arm, centre.y()), QPointF(centre.x() + arm, centre.y())
            )
            painter.drawLine(
                QPointF(centre.x(), centre.y() - arm), QPointF(centre.x(), centre.y() + arm)
            )
        painter.end()


class ColorSwatches(QWidget):
    """`picked(value)` once per choice; `set_value` shows a value without emitting."""

    picked = Signal(str)

    def __init__(
        self,
        palette: Sequence[str] = PALETTE,
        *,
        brand: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._value = ""
        self.swatches: dict[str, Swatch] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for color in palette:
            self._add(row, color, color)
        self.custom = Swatch(None, self)
        self.custom.setToolTip(self.tr("Any colour…"))
        self.custom.clicked.connect(self._on_custom_clicked)
        row.addWidget(self.custom)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        if brand:
            brand_row = QHBoxLayout()
            brand_row.setContentsMargins(0, 0, 0, 0)
            brand_row.setSpacing(2)
            label = QLabel(self.tr("Brand"), self)
            label.setObjectName("PanelHint")
            label.setFixedWidth(44)
            brand_row.addWidget(label)
            for role in BRAND_COLOR_NAMES:
                self._add(brand_row, f"brand:{role}", DEFAULT_BRAND.resolve_color(f"brand:{role}"))
            brand_row.addStretch(1)
            layout.addLayout(brand_row)
            self.set_brand(DEFAULT_BRAND)

    def _add(self, row: QHBoxLayout, value: str, color: str) -> None:
        swatch = Swatch(color, self)
        swatch.setAccessibleName(value)
        swatch.clicked.connect(lambda _checked=False, value=value: self._choose(value))
        self.swatches[value] = swatch
        row.addWidget(swatch)

    def value(self) -> str:
        return self._value

    def set_value(self, value: str) -> None:
        self._value = value
        for key, swatch in self.swatches.items():
            swatch.setChecked(key == value)
        custom = bool(value) and value not in self.swatches
        self.custom.setChecked(custom)
        self.custom.setToolTip(
            self.tr("Any colour… (now {color})").format(color=value)
            if custom
            else self.tr("Any colour…")
        )

    def set_brand(self, style: BrandStyle) -> None:
        """Show the brand style's colours on the brand swatches."""
        names = {
            "primary": self.tr("Brand primary"),
            "secondary": self.tr("Brand secondary"),
            "accent": self.tr("Brand accent"),
            "text": self.tr("Brand text"),
            "background": self.tr("Brand background"),
        }
        for role in BRAND_COLOR_NAMES:
            swatch = self.swatches.get(f"brand:{role}")
            if swatch is not None:
                swatch.color = style.resolve_color(f"brand:{role}")
                swatch.setToolTip(f"{names[role]} {swatch.color}")
                swatch.update()

    def _choose(self, value: str) -> None:
        self.set_value(value)
        self.picked.emit(value)

    def _on_custom_clicked(self) -> None:
        self.set_value(self._value)  # the click toggled it; the value decides
        start = self.swatches.get(self._value)
        initial = _qcolor(start.color if start and start.color else self._value or "#FFFFFF")
        chosen = QColorDialog.getColor(initial, self, self.tr("Pick a colour"))
        if chosen.isValid():
            self._choose(chosen.name(QColor.NameFormat.HexRgb).upper())
