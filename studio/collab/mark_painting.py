"""How a region comment is drawn wherever a photo shows it (the brand's review canvas, the
creator's commented photos, the composer): a rounded box with a white halo, and its number in
a round badge at the box's corner — accent while open, grey and dashed once resolved."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from studio.style import ACCENT

DONE = "#9EA1A8"
BADGE = 20.0
"""The number badge's diameter."""


def mark_colour(done: bool) -> QColor:
    return QColor(DONE if done else ACCENT)


def paint_number_badge(painter: QPainter, circle: QRectF, number: int, done: bool) -> None:
    """The comment's number, white on its colour, in `circle`."""
    painter.setBrush(mark_colour(done))
    painter.drawEllipse(circle)
    font = QFont(painter.font())
    font.setPixelSize(11)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(number))


def paint_numbered_box(painter: QPainter, rect: QRectF, number: int, done: bool) -> None:
    """The box over `rect` and its badge on the top-left corner, kept inside the painter's
    device so a box at the photo's edge still shows its number."""
    colour = mark_colour(done)
    fill = QColor(colour)
    fill.setAlpha(28 if done else 46)
    pen = QPen(colour, 2)
    if done:
        pen.setStyle(Qt.PenStyle.DashLine)
    # A white halo under the line keeps it visible on dark and red photos alike.
    painter.setPen(QPen(QColor(255, 255, 255, 200), 4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, 4, 4)
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, 4, 4)
    centre = QPointF(max(BADGE / 2, rect.left()), max(BADGE / 2, rect.top()))
    circle = QRectF(centre.x() - BADGE / 2, centre.y() - BADGE / 2, BADGE, BADGE)
    painter.setPen(QPen(QColor("white"), 2))
    paint_number_badge(painter, circle, number, done)
