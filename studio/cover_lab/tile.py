"""A tile of the phone's two-column feed: the feed tile painter (`studio.preview.feed_tile`)
with the phone app's measurements, in phone points. The painter's scale turns points into
screen pixels, so the same drawing serves the real size and any zoom. Stand-in tiles
(`TilePainter.sample`) show grey shapes in place of a note, so they are never taken for one."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.cover_lab.phone import (
    AUTHOR_GAP,
    AUTHOR_ROW,
    AUTHOR_SIZE,
    BOTTOM,
    COVER_RADIUS,
    PADDING,
    TILE_WIDTH,
    TITLE_LINE,
    TITLE_SIZE,
)
from studio.preview.feed_tile import FeedTilePainter, TileMetrics, TileView

PHONE_TILE = TileMetrics(
    width=TILE_WIDTH,
    cover_radius=COVER_RADIUS,
    card=True,
    padding=PADDING,
    title_size=TITLE_SIZE,
    title_line=TITLE_LINE,
    author_gap=AUTHOR_GAP,
    author_row=AUTHOR_ROW,
    author_size=AUTHOR_SIZE,
    avatar=16.0,
    avatar_gap=5.0,
    heart=(-16.0, 3.5, 13.0, 12.0),
    heart_stroke=1.2,
    name_gap=6.0,
    bottom=BOTTOM,
)


class TilePainter(FeedTilePainter):
    """Builds the phone feed's tile views and paints them, in points."""

    def __init__(self, base: QFont) -> None:
        super().__init__(base, PHONE_TILE)

    @staticmethod
    def sample(aspect: float, word: str) -> TileView:
        """A stand-in tile: a grey cover with `word` on it and grey bars for its text."""
        return TileView(PHONE_TILE, cover=None, aspect=aspect, title_lines=("", ""), sample=word)


class TileWidget(QWidget):
    """One tile at `scale` screen pixels a point (the real size at the lab's zoom)."""

    def __init__(self, painter: TilePainter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._painter = painter
        self._scale = 1.0
        self.tile: TileView | None = None

    def show_tile(self, tile: TileView, scale: float) -> None:
        self.tile, self._scale = tile, scale
        self.setFixedSize(QSize(round(TILE_WIDTH * scale), round(tile.height * scale)))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self.tile is None:
            return
        painter = QPainter(self)
        painter.scale(self._scale, self._scale)
        self._painter.paint(painter, 0, 0, self.tile)
