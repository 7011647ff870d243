"""Drawing the timeline's parts: the ruler, track icons, badges, handles and the playhead.

Plain functions over a QPainter, so `TimelineView` keeps to state and gestures. Everything is
drawn in code (no icon files, no font glyphs that a machine may lack) in the editor's dark
palette; the accent red is kept for the playhead, as in every video editor.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from studio.editor.panels.panel_style import PANEL_BG, PANEL_LINE, PANEL_MUTED, PANEL_TEXT
from studio.style import ACCENT
from studio.video.timeline_scale import TimeAxis, ruler_step, ruler_ticks, tick_label

BACKGROUND = QColor(PANEL_BG)
RULER_BACKGROUND = QColor("#17181B")
LANE = QColor("#212226")
LINE = QColor(PANEL_LINE)
TEXT = QColor(PANEL_TEXT)
MUTED = QColor(PANEL_MUTED)
TICK = QColor("#45474E")
PLAYHEAD = QColor(ACCENT)
SELECTION = QColor("#FFFFFF")
CLIP_EMPTY = QColor("#2B2D33")
TEXT_OVERLAY = QColor("#E2A33A")
STICKER_OVERLAY = QColor("#9B7BEA")
SUBTITLE_OVERLAY = QColor("#3C8FE0")
MUSIC = QColor("#2D9C71")


def round_pen(color: QColor, width: float) -> QPen:
    """A solid pen with round ends, for icon strokes and markers."""
    return QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)


def font(pixels: int, *, bold: bool = False) -> QFont:
    result = QFont()
    result.setPixelSize(pixels)
    result.setBold(bold)
    return result


def draw_ruler(painter: QPainter, axis: TimeAxis, rect: QRectF, duration: float) -> None:
    """Ticks along the bottom of `rect`, labelled ``mm:ss`` (or frames when zoomed in); the
    stretch past the timeline's end is dimmed."""
    painter.fillRect(rect, RULER_BACKGROUND)
    end_x = axis.x(duration)
    if end_x < rect.right():
        painter.fillRect(QRectF(end_x, rect.top(), rect.right() - end_x, rect.height()), BACKGROUND)
    major, _minor = ruler_step(axis.pixels_per_second)
    painter.setFont(font(10))
    bottom = rect.bottom()
    for t, labelled in ruler_ticks(axis, rect.right(), duration):
        x = axis.x(t)
        if x < rect.left() - 40:
            continue
        painter.setPen(QPen(TICK if t <= duration + 1e-9 else LINE, 1))
        painter.drawLine(QPointF(x, bottom - (8 if labelled else 4)), QPointF(x, bottom))
        if labelled and x >= rect.left():
            painter.setPen(MUTED if t <= duration + 1e-9 else TICK)
            painter.drawText(
                QRectF(x + 4, rect.top() + 2, 60, rect.height() - 8),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                tick_label(t, major),
            )
    painter.setPen(QPen(LINE, 1))
    painter.drawLine(QPointF(rect.left(), bottom), QPointF(rect.right(), bottom))


def draw_playhead(painter: QPainter, x: float, top: float, bottom: float) -> None:
    """The red line from the ruler down, under a knob shaped like a shield on the ruler."""
    painter.setPen(QPen(PLAYHEAD, 1.5))
    painter.drawLine(QPointF(x, top + 12), QPointF(x, bottom))
    knob = QPainterPath()
    knob.addRoundedRect(QRectF(x - 6, top + 1, 12, 9), 2.5, 2.5)
    knob.addPolygon(
        QPolygonF([QPointF(x - 6, top + 7), QPointF(x + 6, top + 7), QPointF(x, top + 14)])
    )
    knob.setFillRule(Qt.FillRule.WindingFill)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PLAYHEAD)
    painter.drawPath(knob.simplified())


def draw_badge(painter: QPainter, anchor: QPointF, text: str, *, right: bool = False) -> QRectF:
    """A small dark pill with white text at `anchor` (its top-left, or top-right with
    `right`); returns where it went."""
    painter.setFont(font(10, bold=True))
    width = painter.fontMetrics().horizontalAdvance(text) + 10
    left = anchor.x() - width if right else anchor.x()
    rect = QRectF(left, anchor.y(), width, 15)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 150))
    painter.drawRoundedRect(rect, 7.5, 7.5)
    painter.setPen(TEXT)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return rect


def draw_muted(painter: QPainter, anchor: QPointF) -> QRectF:
    """A speaker with a cross in a dark circle at `anchor` (top-left): this clip is silent."""
    rect = QRectF(anchor.x(), anchor.y(), 15, 15)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 150))
    painter.drawEllipse(rect)
    c = rect.center()
    painter.setBrush(TEXT)
    painter.drawPolygon(
        QPolygonF(
            [
                QPointF(c.x() - 4.5, c.y() - 1.8),
                QPointF(c.x() - 2.8, c.y() - 1.8),
                QPointF(c.x() - 0.2, c.y() - 4.2),
                QPointF(c.x() - 0.2, c.y() + 4.2),
                QPointF(c.x() - 2.8, c.y() + 1.8),
                QPointF(c.x() - 4.5, c.y() + 1.8),
            ]
        )
    )
    painter.setPen(round_pen(TEXT, 1.2))
    painter.drawLine(QPointF(c.x() + 1.5, c.y() - 2), QPointF(c.x() + 4.5, c.y() + 2))
    painter.drawLine(QPointF(c.x() + 1.5, c.y() + 2), QPointF(c.x() + 4.5, c.y() - 2))
    return rect


def draw_handle(painter: QPainter, rect: QRectF, *, left: bool) -> None:
    """A trim handle: a white bar rounded on its outer side, with a dark grip line."""
    path = QPainterPath()
    path.addRoundedRect(rect, 4, 4)
    inner = QRectF(
        rect.center().x() if left else rect.left(), rect.top(), rect.width() / 2, rect.height()
    )
    path.addRect(inner)
    path.setFillRule(Qt.FillRule.WindingFill)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(SELECTION)
    painter.drawPath(path.simplified())
    painter.setPen(round_pen(QColor("#2A2B30"), 1.5))
    c = rect.center()
    painter.drawLine(QPointF(c.x(), c.y() - 7), QPointF(c.x(), c.y() + 7))


def draw_film_icon(painter: QPainter, center: QPointF) -> None:
    """The clips track's icon: a frame of film."""
    rect = QRectF(center.x() - 7, center.y() - 6, 14, 12)
    painter.setPen(QPen(MUTED, 1.3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, 2, 2)
    painter.drawLine(
        QPointF(rect.left() + 3.5, rect.top()), QPointF(rect.left() + 3.5, rect.bottom())
    )
    painter.drawLine(
        QPointF(rect.right() - 3.5, rect.top()), QPointF(rect.right() - 3.5, rect.bottom())
    )


def draw_text_icon(painter: QPainter, center: QPointF) -> None:
    """The overlays track's icon: a serif-less T."""
    painter.setPen(round_pen(MUTED, 1.6))
    painter.drawLine(
        QPointF(center.x() - 5, center.y() - 5), QPointF(center.x() + 5, center.y() - 5)
    )
    painter.drawLine(QPointF(center.x(), center.y() - 5), QPointF(center.x(), center.y() + 6))


def draw_note_icon(painter: QPainter, center: QPointF, color: QColor = MUTED) -> None:
    """The music track's icon: a beamed pair of notes."""
    painter.setPen(round_pen(color, 1.4))
    left, right = center.x() - 3, center.x() + 4
    top, bottom = center.y() - 5, center.y() + 3
    painter.drawLine(QPointF(left, top + 1.5), QPointF(left, bottom))
    painter.drawLine(QPointF(right, top), QPointF(right, bottom - 1.5))
    painter.drawLine(QPointF(left, top + 1.5), QPointF(right, top))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(QPointF(left - 1.8, bottom), 2.3, 1.8)
    painter.drawEllipse(QPointF(right - 1.8, bottom - 1.5), 2.3, 1.8)
