"""Small line icons for the editor panels, drawn in code so they match the dark panel and
stay sharp at any scale (alignment, layer order, duplicate, delete, text)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from studio.editor.panels.panel_style import PANEL_MUTED, PANEL_TEXT

_SIDE = 18
_SCALE = 3  # drawn at 3× and shown at 1×, so the lines stay crisp on high-density screens


def _icon(draw: Callable[[QPainter], None]) -> QIcon:
    icon = QIcon()
    for mode, color in ((QIcon.Mode.Normal, PANEL_TEXT), (QIcon.Mode.Disabled, "#5D6068")):
        pixmap = QPixmap(_SIDE * _SCALE, _SIDE * _SCALE)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(_SCALE, _SCALE)
        pen = QPen(QColor(color), 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        draw(painter)
        painter.end()
        pixmap.setDevicePixelRatio(_SCALE)
        icon.addPixmap(pixmap, mode)
    return icon


def align_icon(align: str) -> QIcon:
    """Four lines of alternating length, set left, centred or right."""

    def draw(painter: QPainter) -> None:
        for row, length in enumerate((12.0, 8.0, 12.0, 8.0)):
            y = 4.0 + row * 3.5
            left = {"left": 3.0, "center": 9.0 - length / 2, "right": 15.0 - length}[align]
            painter.drawLine(QPointF(left, y), QPointF(left + length, y))

    return _icon(draw)


def order_icon(up: bool) -> QIcon:
    """Two stacked cards with an arrow: bring forward (up) or send backward."""

    def draw(painter: QPainter) -> None:
        painter.drawRoundedRect(QRectF(2.5, 6.5, 8, 8), 1.5, 1.5)
        tip, tail = (3.0, 13.0) if up else (13.0, 3.0)
        painter.drawLine(QPointF(14, tail), QPointF(14, tip))
        direction = 1 if up else -1
        painter.drawLine(QPointF(14, tip), QPointF(11.5, tip + 2.5 * direction))
        painter.drawLine(QPointF(14, tip), QPointF(16.5, tip + 2.5 * direction))

    return _icon(draw)


def duplicate_icon() -> QIcon:
    def draw(painter: QPainter) -> None:
        painter.drawRoundedRect(QRectF(6.5, 6.5, 9, 9), 2, 2)
        path = QPainterPath()
        path.moveTo(3.5, 11.5)
        path.lineTo(3.5, 4.5)
        path.quadTo(3.5, 3.5, 4.5, 3.5)
        path.lineTo(11.5, 3.5)
        painter.drawPath(path)

    return _icon(draw)


def delete_icon() -> QIcon:
    def draw(painter: QPainter) -> None:
        painter.drawLine(QPointF(3, 5), QPointF(15, 5))
        painter.drawLine(QPointF(7, 5), QPointF(7.5, 3))
        painter.drawLine(QPointF(7.5, 3), QPointF(10.5, 3))
        painter.drawLine(QPointF(10.5, 3), QPointF(11, 5))
        path = QPainterPath()
        path.moveTo(4.5, 5)
        path.lineTo(5.5, 15)
        path.lineTo(12.5, 15)
        path.lineTo(13.5, 5)
        painter.drawPath(path)
        painter.drawLine(QPointF(7.8, 8), QPointF(8, 12.5))
        painter.drawLine(QPointF(10.2, 8), QPointF(10, 12.5))

    return _icon(draw)


def sticker_icon() -> QIcon:
    """A sticker with a peeled corner and a smile."""

    def draw(painter: QPainter) -> None:
        path = QPainterPath()
        path.moveTo(10.5, 15.5)
        path.lineTo(5, 15.5)
        path.quadTo(2.5, 15.5, 2.5, 13)
        path.lineTo(2.5, 5)
        path.quadTo(2.5, 2.5, 5, 2.5)
        path.lineTo(13, 2.5)
        path.quadTo(15.5, 2.5, 15.5, 5)
        path.lineTo(15.5, 10.5)
        path.closeSubpath()
        painter.drawPath(path)
        painter.drawLine(QPointF(10.5, 15.5), QPointF(10.5, 12.5))
        painter.drawLine(QPointF(10.5, 12.5), QPointF(12.5, 10.5))
        painter.drawLine(QPointF(12.5, 10.5), QPointF(15.5, 10.5))
        painter.drawPoint(QPointF(6.5, 7))
        painter.drawPoint(QPointF(11.5, 7))
        painter.drawArc(QRectF(5.5, 6.5, 6, 5), 200 * 16, 140 * 16)

    return _icon(draw)


def text_badge(size: int = 36) -> QPixmap:
    """A text layer's mark in the layer list: a "T" on a rounded tile."""
    return letter_badge("T", size, "#33353B", 0.55)


def letter_badge(letters: str, size: int, tile: str, share: float) -> QPixmap:
    """`letters` in bold on a rounded `tile`-coloured square, `share` of its side high; drawn
    at 2× for high-density screens."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(2, 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(tile))
    painter.drawRoundedRect(QRectF(0, 0, size, size), 8, 8)
    font = QFont()
    font.setPixelSize(round(size * share))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(PANEL_MUTED).lighter(150))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letters)
    painter.end()
    pixmap.setDevicePixelRatio(2)
    return pixmap
