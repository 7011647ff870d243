"""The five colours of a brand style as round chips, on light pages and in the dark editor.

The kit's editor makes them clickable (`picked(role)` asks for a colour picker); elsewhere
they only show what a kit looks like.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from editor.brand import BRAND_COLOR_NAMES, BrandStyle
from studio.widgets.swatch import Swatch

_CONTEXT = "BrandSwatches"
ROLE_LABELS = {
    "primary": QT_TRANSLATE_NOOP("BrandSwatches", "Primary"),
    "secondary": QT_TRANSLATE_NOOP("BrandSwatches", "Secondary"),
    "accent": QT_TRANSLATE_NOOP("BrandSwatches", "Accent"),
    "text": QT_TRANSLATE_NOOP("BrandSwatches", "Text"),
    "background": QT_TRANSLATE_NOOP("BrandSwatches", "Background"),
}


def role_label(role: str) -> str:
    return QCoreApplication.translate(_CONTEXT, ROLE_LABELS[role])


class BrandSwatches(QWidget):
    """One chip per colour role, in the kit's order, optionally captioned."""

    picked = Signal(str)
    """A chip was clicked: the role's name."""

    def __init__(
        self,
        *,
        side: int = 36,
        captions: bool = False,
        clickable: bool = True,
        rim: str = "#D9DADF",
        parent: QWidget | None = None,
    ) -> None:
        """`rim` is the chips' thin outline, a QColor name (``#AARRGGBB`` with alpha)."""
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14 if captions else 8)
        grid.setVerticalSpacing(4)
        self.chips: dict[str, Swatch] = {}
        for column, role in enumerate(BRAND_COLOR_NAMES):
            chip = Swatch("#FFFFFF", side=side, rim=rim, clickable=clickable, parent=self)
            chip.setAccessibleName(role_label(role))
            chip.clicked.connect(lambda _checked=False, r=role: self.picked.emit(r))
            grid.addWidget(chip, 0, column, Qt.AlignmentFlag.AlignHCenter)
            self.chips[role] = chip
            if captions:
                caption = QLabel(role_label(role), self)
                caption.setObjectName("Hint")
                grid.addWidget(caption, 1, column, Qt.AlignmentFlag.AlignHCenter)
        grid.setColumnStretch(len(BRAND_COLOR_NAMES), 1)

    def set_style(self, style: BrandStyle) -> None:
        for role, chip in self.chips.items():
            color = getattr(style, role)
            chip.set_color(color)
            chip.setToolTip(f"{role_label(role)} {color}")
        self.setToolTip("  ".join(chip.toolTip() for chip in self.chips.values()))
