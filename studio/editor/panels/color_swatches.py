"""A row of colour swatches, a picker for any other colour, and the brand's five colours.

The value is a recipe colour: ``#RRGGBB[AA]`` or a brand role (``brand:primary``), which the
renderer resolves against the recipe's brand style — so a title set in the brand's primary
colour follows when the kit changes. The brand swatches show the style's current colours.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from editor.brand import BRAND_COLOR_NAMES, DEFAULT_BRAND, BrandStyle
from studio.widgets.swatch import Swatch, recipe_qcolor

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
        self.custom = self._swatch(None)
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

    def _swatch(self, color: str | None) -> Swatch:
        """A 24 px chip with room around it for its ring; the chosen one is ringed."""
        swatch = Swatch(color, side=30, ring=24, dot=18, parent=self)
        swatch.setCheckable(True)
        return swatch

    def _add(self, row: QHBoxLayout, value: str, color: str) -> None:
        swatch = self._swatch(color)
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
                color = style.resolve_color(f"brand:{role}")
                swatch.set_color(color)
                swatch.setToolTip(f"{names[role]} {color}")

    def _choose(self, value: str) -> None:
        self.set_value(value)
        self.picked.emit(value)

    def _on_custom_clicked(self) -> None:
        self.set_value(self._value)  # the click toggled it; the value decides
        start = self.swatches.get(self._value)
        initial = recipe_qcolor(start.color if start and start.color else self._value or "#FFFFFF")
        chosen = QColorDialog.getColor(initial, self, self.tr("Pick a colour"))
        if chosen.isValid():
            self._choose(chosen.name(QColor.NameFormat.HexRgb).upper())
