"""Small painting helpers the preview's widgets share: pictures cropped to fill a rounded
rectangle, an avatar disc with the account's first character, and line icons drawn as paths
(so they look the same on every system, whatever its symbol fonts)."""

from __future__ import annotations

import math
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap

from publisher.domain.text import graphemes

AVATAR_COLORS = ("#FFB4C0", "#FFD59E", "#B9E4C9", "#B5D5FF", "#D9C2FF")


class Icon(Enum):
    HEART = "heart"
    STAR = "star"
    COMMENT = "comment"
    PIN = "pin"
    BACK = "back"
    SHARE = "share"
    BAG = "bag"


def fill_rect_with(
    painter: QPainter, pixmap: QPixmap, rect: QRectF, *, radius: float = 0.0, fit: bool = False
) -> None:
    """Draw `pixmap` covering `rect` (centre-cropped), or inside it when `fit`, clipped to a
    rounded rectangle of `radius`."""
    painter.save()
    if radius:
        clip = QPainterPath()
        clip.addRoundedRect(rect, radius, radius)
        painter.setClipPath(clip)
    width, height = pixmap.width(), pixmap.height()
    if width and height:
        scale = (min if fit else max)(rect.width() / width, rect.height() / height)
        target = QRectF(0, 0, width * scale, height * scale)
        target.moveCenter(rect.center())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
    painter.restore()


def paint_avatar(painter: QPainter, rect: QRectF, nickname: str) -> None:
    """A round avatar: the nickname's first character on a soft colour chosen by the name."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = AVATAR_COLORS[sum(map(ord, nickname)) % len(AVATAR_COLORS)] if nickname else "#E4E5E9"
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(rect)
    letters = graphemes(nickname.strip())
    if letters:
        font = QFont(painter.font())
        font.setPixelSize(max(8, int(rect.height() * 0.5)))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, letters[0].upper())
    painter.restore()


def _heart(rect: QRectF) -> QPainterPath:
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    path = QPainterPath(QPointF(x + w / 2, y + h * 0.92))
    path.cubicTo(x - w * 0.05, y + h * 0.55, x + w * 0.05, y + h * 0.02, x + w / 2, y + h * 0.28)
    path.cubicTo(x + w * 0.95, y + h * 0.02, x + w * 1.05, y + h * 0.55, x + w / 2, y + h * 0.92)
    return path


def _star(rect: QRectF) -> QPainterPath:
    centre, outer, inner = rect.center(), rect.width() / 2, rect.width() / 4.6
    path = QPainterPath()
    for point in range(10):
        radius = outer if point % 2 == 0 else inner
        angle = -math.pi / 2 + point * math.pi / 5
        spot = QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        path.moveTo(spot) if point == 0 else path.lineTo(spot)
    path.closeSubpath()
    return path


def _comment(rect: QRectF) -> QPainterPath:
    body = rect.adjusted(0, 0, 0, -rect.height() * 0.18)
    path = QPainterPath()
    path.addRoundedRect(body, body.height() * 0.45, body.height() * 0.45)
    tail = QPainterPath(QPointF(rect.x() + rect.width() * 0.3, body.bottom() - 1))
    tail.lineTo(rect.x() + rect.width() * 0.22, rect.bottom())
    tail.lineTo(rect.x() + rect.width() * 0.5, body.bottom() - 1)
    return path.united(tail)


def _pin(rect: QRectF) -> QPainterPath:
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    path = QPainterPath(QPointF(x + w / 2, y + h))
    path.cubicTo(x - w * 0.05, y + h * 0.5, x, y, x + w / 2, y)
    path.cubicTo(x + w, y, x + w * 1.05, y + h * 0.5, x + w / 2, y + h)
    hole = QPainterPath()
    hole.addEllipse(QPointF(x + w / 2, y + h * 0.36), w * 0.17, w * 0.17)
    return path.subtracted(hole)


def _back(rect: QRectF) -> QPainterPath:
    path = QPainterPath(QPointF(rect.x() + rect.width() * 0.68, rect.y()))
    path.lineTo(rect.x() + rect.width() * 0.22, rect.center().y())
    path.lineTo(rect.x() + rect.width() * 0.68, rect.bottom())
    return path


def _share(rect: QRectF) -> QPainterPath:
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    path = QPainterPath(QPointF(x + w * 0.5, y + h * 0.62))
    path.lineTo(x + w * 0.5, y)
    path.moveTo(x + w * 0.28, y + h * 0.22)
    path.lineTo(x + w * 0.5, y)
    path.lineTo(x + w * 0.72, y + h * 0.22)
    path.moveTo(x + w * 0.3, y + h * 0.42)
    path.lineTo(x + w * 0.08, y + h * 0.42)
    path.lineTo(x + w * 0.08, y + h)
    path.lineTo(x + w * 0.92, y + h)
    path.lineTo(x + w * 0.92, y + h * 0.42)
    path.lineTo(x + w * 0.7, y + h * 0.42)
    return path


def _bag(rect: QRectF) -> QPainterPath:
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    path = QPainterPath()
    path.addRoundedRect(QRectF(x + w * 0.1, y + h * 0.3, w * 0.8, h * 0.7), 2, 2)
    handle = QPainterPath(QPointF(x + w * 0.32, y + h * 0.42))
    handle.lineTo(x + w * 0.32, y + h * 0.22)
    handle.cubicTo(
        x + w * 0.32, y - h * 0.05, x + w * 0.68, y - h * 0.05, x + w * 0.68, y + h * 0.22
    )
    handle.lineTo(x + w * 0.68, y + h * 0.42)
    path.addPath(handle)
    return path


_PATHS = {
    Icon.HEART: _heart,
    Icon.STAR: _star,
    Icon.COMMENT: _comment,
    Icon.PIN: _pin,
    Icon.BACK: _back,
    Icon.SHARE: _share,
    Icon.BAG: _bag,
}


def paint_icon(
    painter: QPainter,
    icon: Icon,
    rect: QRectF,
    colour: str,
    *,
    filled: bool = False,
    stroke: float = 1.6,
) -> None:
    """A line (or filled) icon inside `rect`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), stroke)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(Qt.PenStyle.NoPen if filled else pen)
    painter.setBrush(QColor(colour) if filled else Qt.BrushStyle.NoBrush)
    painter.drawPath(_PATHS[icon](rect))
    painter.restore()
