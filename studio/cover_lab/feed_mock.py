"""A phone showing the platform's two-column feed, painted in phone points and scaled to the
screen: the note's tile first, outlined, then the account's other tiles in the waterfall order
the platform uses. Only what helps to judge a cover is drawn: the top tabs and the bottom bar
frame the feed as a phone does, and bound how much of it one screen shows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.cover_lab.phone import (
    FEED_TOP,
    GUTTER,
    SCREEN_HEIGHT,
    SCREEN_WIDTH,
    STATUS_BAR,
    TAB_BAR,
    TILE_WIDTH,
    TOP_BAR,
    column_left,
    masonry,
)
from studio.cover_lab.tile import TilePainter, TileView
from studio.preview.feed_tile import MUTED, TITLE_COLOUR
from studio.preview.phone_page import BEZEL_COLOUR
from studio.style import ACCENT

BEZEL = 11.0
SCREEN_RADIUS = 47.0
FEED_BACKGROUND = "#F5F5F5"
RING = 2.0
"""The outline around the note's own tile, drawn in the gutter so it hides nothing."""


class PhoneFeed(QWidget):
    """`show_feed(tiles)`: the first tile is the note's; `set_scale` sets pixels a point."""

    def __init__(self, painter: TilePainter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LabPhone")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._painter = painter
        self._scale = 1.0
        self.tiles: list[TileView] = []
        self._tabs: tuple[str, str, str] = ("", "", "")
        self._bar: tuple[str, ...] = ()
        self._tab_font = QFont(painter.title_font)
        self._tab_font.setPixelSize(16)
        self._bar_font = QFont(painter.small_font)
        self._bar_font.setPixelSize(10)
        self.set_scale(1.0)

    def set_words(self, *, tabs: tuple[str, str, str], bar: tuple[str, ...]) -> None:
        """The top tabs (the middle one is the feed's) and the bottom bar's items (the middle
        one is drawn as the post button, so it takes no word)."""
        self._tabs, self._bar = tabs, bar
        self.update()

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        size = QSize(
            round((SCREEN_WIDTH + 2 * BEZEL) * scale), round((SCREEN_HEIGHT + 2 * BEZEL) * scale)
        )
        self.setFixedSize(size)
        self.update()

    def show_feed(self, tiles: Sequence[TileView]) -> None:
        self.tiles = list(tiles)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(self._scale, self._scale)
        phone = QRectF(0, 0, SCREEN_WIDTH + 2 * BEZEL, SCREEN_HEIGHT + 2 * BEZEL)
        painter.setPen(QPen(QColor("#2B2C30"), 1 / self._scale))
        painter.setBrush(QColor(BEZEL_COLOUR))
        painter.drawRoundedRect(phone, SCREEN_RADIUS + BEZEL, SCREEN_RADIUS + BEZEL)
        painter.translate(BEZEL, BEZEL)
        screen = QPainterPath()
        screen.addRoundedRect(
            QRectF(0, 0, SCREEN_WIDTH, SCREEN_HEIGHT), SCREEN_RADIUS, SCREEN_RADIUS
        )
        painter.setClipPath(screen)
        painter.fillRect(QRectF(0, 0, SCREEN_WIDTH, SCREEN_HEIGHT), QColor(FEED_BACKGROUND))
        self._paint_tiles(painter)
        self._paint_top(painter)
        self._paint_bottom(painter)

    def _paint_tiles(self, painter: QPainter) -> None:
        painter.save()
        feed = QRectF(0, FEED_TOP, SCREEN_WIDTH, SCREEN_HEIGHT - FEED_TOP - TAB_BAR)
        painter.setClipRect(feed, Qt.ClipOperation.IntersectClip)
        placements = masonry([tile.height for tile in self.tiles], top=FEED_TOP + GUTTER)
        for index, (tile, place) in enumerate(zip(self.tiles, placements, strict=True)):
            left = column_left(place.column)
            if index == 0:
                ring = QRectF(left, place.top, TILE_WIDTH, tile.height)
                painter.setPen(QPen(QColor(ACCENT), RING))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                half = RING / 2  # the pen's inner edge on the tile's, its outer in the gutter
                painter.drawRoundedRect(ring.adjusted(-half, -half, half, half), 8, 8)
            self._painter.paint(painter, left, place.top, tile)
        painter.restore()

    def _paint_top(self, painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, SCREEN_WIDTH, FEED_TOP), QColor("#FFFFFF"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BEZEL_COLOUR))
        painter.drawRoundedRect(QRectF(SCREEN_WIDTH / 2 - 62, 11, 124, 34), 17, 17)  # camera
        bar = QRectF(0, STATUS_BAR, SCREEN_WIDTH, TOP_BAR)
        for index, word in enumerate(self._tabs):
            current = index == 1
            font = QFont(self._tab_font)
            font.setWeight(QFont.Weight.Bold if current else QFont.Weight.Normal)
            painter.setFont(font)
            painter.setPen(QColor(TITLE_COLOUR if current else MUTED))
            cell = QRectF(bar.center().x() - 150 + index * 100, bar.top(), 100, bar.height())
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, word)
            if current:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(ACCENT))
                painter.drawRoundedRect(
                    QRectF(cell.center().x() - 11, bar.bottom() - 7, 22, 3), 1.5, 1.5
                )
        pen = QPen(QColor(TITLE_COLOUR), 1.8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        middle = bar.center().y()
        for y in (middle - 6, middle, middle + 6):  # the menu
            painter.drawLine(QLineF(16, y, 36, y))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(SCREEN_WIDTH - 37, middle - 9, 15, 15))  # search
        painter.drawLine(QLineF(SCREEN_WIDTH - 24, middle + 4, SCREEN_WIDTH - 19, middle + 9))

    def _paint_bottom(self, painter: QPainter) -> None:
        bar = QRectF(0, SCREEN_HEIGHT - TAB_BAR, SCREEN_WIDTH, TAB_BAR)
        painter.fillRect(bar, QColor("#FFFFFF"))
        painter.fillRect(QRectF(0, bar.top(), SCREEN_WIDTH, 0.5), QColor("#E6E6E6"))
        cells = max(len(self._bar), 1)
        width = SCREEN_WIDTH / cells
        painter.setFont(self._bar_font)
        for index, word in enumerate(self._bar):
            cell = QRectF(index * width, bar.top(), width, 49)
            if index == cells // 2:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(ACCENT))
                button = QRectF(0, 0, 46, 32)
                button.moveCenter(cell.center())
                painter.drawRoundedRect(button, 10, 10)
                pen = QPen(QColor("#FFFFFF"), 2.4)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                centre = button.center()
                painter.drawLine(QLineF(centre.x() - 8, centre.y(), centre.x() + 8, centre.y()))
                painter.drawLine(QLineF(centre.x(), centre.y() - 8, centre.x(), centre.y() + 8))
                continue
            painter.setPen(QColor(TITLE_COLOUR if index == 0 else MUTED))
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, word)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(TITLE_COLOUR))
        painter.drawRoundedRect(QRectF(SCREEN_WIDTH / 2 - 67, SCREEN_HEIGHT - 13, 134, 5), 2.5, 2.5)
