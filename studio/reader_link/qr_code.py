"""A QR code drawn crisply: segno gives the module matrix, and QPainter fills whole device
pixels per module with the quiet zone around them — no image file in between, so no scaling
ever blurs a module edge a phone's camera has to find.

The same painting fills the widget and the PNG a creator saves.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4
"""Light modules around the symbol, as ISO/IEC 18004 asks: scanners need them to find it."""
SAVED_MODULE_PX = 12
"""Pixels per module in a saved PNG: sharp when printed or shown on another screen."""
DARK = QColor("#000000")
LIGHT = QColor("#FFFFFF")

Matrix = tuple[tuple[bool, ...], ...]


def qr_matrix(text: str) -> Matrix:
    """The modules of `text` as a regular QR code (never a Micro QR, which phones rarely read),
    error correction M or better where it fits the same size; True is dark."""
    code = segno.make_qr(text, error="m", boost_error=True)
    return tuple(tuple(bool(module) for module in row) for row in code.matrix)


@dataclass(frozen=True)
class Placement:
    """Where the symbol sits in a square of pixels: its top-left corner and a whole number of
    pixels per module."""

    left: int
    top: int
    module: int

    def centre(self, row: int, column: int) -> tuple[int, int]:
        """The pixel at the middle of a module."""
        half = self.module // 2
        return self.left + column * self.module + half, self.top + row * self.module + half


def place(modules: int, width: int, height: int) -> Placement:
    """The largest whole-pixel module that fits `modules` plus the quiet zone, centred."""
    module = max(1, min(width, height) // (modules + 2 * QUIET_ZONE))
    side = module * modules
    return Placement((width - side) // 2, (height - side) // 2, module)


def paint_matrix(painter: QPainter, matrix: Matrix, placement: Placement) -> None:
    """Fill the dark modules, a horizontal run at a time, on whole pixels."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(DARK)
    size = placement.module
    for row, modules in enumerate(matrix):
        column = 0
        while column < len(modules):
            if not modules[column]:
                column += 1
                continue
            start = column
            while column < len(modules) and modules[column]:
                column += 1
            painter.drawRect(
                QRect(
                    placement.left + start * size,
                    placement.top + row * size,
                    (column - start) * size,
                    size,
                )
            )


def qr_image(matrix: Matrix, module: int = SAVED_MODULE_PX) -> QImage:
    """The code as an image: `module` pixels per module, the quiet zone included."""
    side = (len(matrix) + 2 * QUIET_ZONE) * module
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(LIGHT)
    painter = QPainter(image)
    paint_matrix(painter, matrix, Placement(QUIET_ZONE * module, QUIET_ZONE * module, module))
    painter.end()
    return image


class QrCodeView(QWidget):
    """A square showing one text's QR code on white; `placeholder` in its middle while there
    is no text."""

    def __init__(self, side: int = 230, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(QSize(side, side))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.text = ""
        self.matrix: Matrix = ()
        self.placeholder = ""

    def set_text(self, text: str) -> None:
        self.text = text
        self.matrix = qr_matrix(text) if text else ()
        self.setToolTip(text)
        self.update()

    def placement(self, ratio: float = 1.0) -> Placement:
        """Where the symbol is painted, in device pixels at `ratio` device pixels per point."""
        return place(len(self.matrix), round(self.width() * ratio), round(self.height() * ratio))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), LIGHT)
        if self.matrix:
            # Modules on whole device pixels, also on a 125 % or 150 % screen.
            ratio = self.devicePixelRatioF()
            painter.scale(1 / ratio, 1 / ratio)
            paint_matrix(painter, self.matrix, self.placement(ratio))
        elif self.placeholder:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect().adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )
        painter.end()
