"""A note as a tile of a feed: the cover in its own shape (cropped to 3:4 … 4:3), up to two
lines of title ending in "…", then the author and the like count.

One painter draws the tiles of both feeds the studio shows, each with its own measurements:
the platform's web feed (`FeedTile`, here, at its real size in CSS pixels) and the phone app's
two-column feed (the cover lab's, in phone points, which the painter's scale turns into screen
pixels).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPixmap,
    QTextLayout,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.preview.compose import cover_aspect
from studio.preview.paint import Icon, fill_rect_with, paint_avatar, paint_icon

TITLE_COLOUR = "#333333"
MUTED = "#5B5C61"
PLACEHOLDER = "#F2F2F4"
SAMPLE_SHAPE = "#E6E7EB"
SAMPLE_TEXT = "#A3A5AB"


@dataclass(frozen=True)
class TileMetrics:
    """A feed's tile measurements, in the feed's own unit."""

    width: float
    cover_radius: float
    """The cover's corners (on a card, the card's)."""
    card: bool
    """True: the tile is a white card with round corners; False: only the cover is rounded."""
    padding: float
    title_size: int
    title_line: float
    author_gap: float
    """Between the title and the author row."""
    author_row: float
    author_size: int
    avatar: float
    avatar_gap: float
    """Between the avatar and the nickname."""
    heart: tuple[float, float, float, float]
    """The like icon's box (x, y, width, height) from the like count's left and the row's top."""
    heart_stroke: float
    name_gap: float
    """Between the nickname and the like icon."""
    bottom: float

    def height(self, cover_height: float, title_lines: int) -> float:
        """A tile's height for a cover `cover_height` tall and 0–2 title lines."""
        title = title_lines * self.title_line + (self.author_gap if title_lines else 0.0)
        return cover_height + self.padding + title + self.author_row + self.bottom


TILE_WIDTH = 236
"""The web feed's tile width in CSS pixels (its columns are 236 px wide on a wide window)."""
WEB_TILE = TileMetrics(
    width=TILE_WIDTH,
    cover_radius=16.0,
    card=False,
    padding=12.0,
    title_size=14,
    title_line=20.0,
    author_gap=6.0,
    author_row=20.0,
    author_size=12,
    avatar=20.0,
    avatar_gap=6.0,
    heart=(-19.0, 3.0, 15.0, 14.0),
    heart_stroke=1.3,
    name_gap=8.0,
    bottom=8.0,
)


def elided_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """`text` wrapped to `width`, at most `max_lines` lines, the last one ending in "…" when
    the text goes on (CJK wraps anywhere; Latin words wrap between words)."""
    text = " ".join(text.split())
    if not text:
        return []
    # The layout counts in UTF-16 code units (an emoji beyond the BMP is two), Python in code
    # points: its offsets are applied to the UTF-16 text.
    units = text.encode("utf-16-le")

    def cut(start: int, end: int | None = None) -> str:
        return units[2 * start : None if end is None else 2 * end].decode("utf-16-le")

    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        if len(lines) == max_lines - 1:
            metrics = QFontMetricsF(font)
            lines.append(metrics.elidedText(cut(start), Qt.TextElideMode.ElideRight, width))
            break
        lines.append(cut(start, start + length).rstrip())
    layout.endLayout()
    return lines


@dataclass(frozen=True)
class TileView:
    """What one tile shows; `aspect` is the cover's shown width / height."""

    metrics: TileMetrics
    cover: QPixmap | None
    aspect: float
    title_lines: tuple[str, ...] = ()
    nickname: str = ""
    like: str = ""
    sample: str = ""
    """Non-empty for a stand-in tile: the word written on its grey cover, grey bars for its
    text."""
    placeholder: str = ""
    """Written on the empty cover of a note without photos."""

    @property
    def cover_height(self) -> float:
        return self.metrics.width / self.aspect

    @property
    def height(self) -> float:
        return self.metrics.height(self.cover_height, len(self.title_lines))


class FeedTilePainter:
    """Builds tile views (their titles laid out in the tile's font) and paints them, with one
    feed's measurements."""

    def __init__(self, base: QFont, metrics: TileMetrics) -> None:
        self.metrics = metrics
        self.title_font = QFont(base)
        self.title_font.setPixelSize(metrics.title_size)
        self.title_font.setWeight(QFont.Weight.Medium)
        self.small_font = QFont(base)
        self.small_font.setPixelSize(metrics.author_size)

    def note(
        self,
        cover: QPixmap | None,
        size: tuple[int, int],
        bounds: tuple[float, float],
        *,
        title: str,
        nickname: str,
        like: str,
        placeholder: str = "",
    ) -> TileView:
        """A note's tile; `size` is its cover's (width, height), known before the picture."""
        if cover is not None and not cover.isNull():
            size = (cover.width(), cover.height())
        width = self.metrics.width - 2 * self.metrics.padding
        return TileView(
            self.metrics,
            cover=cover if cover is not None and not cover.isNull() else None,
            aspect=cover_aspect(*size, bounds),
            title_lines=tuple(elided_lines(title, self.title_font, width, 2)),
            nickname=nickname,
            like=like,
            placeholder=placeholder,
        )

    def paint(self, painter: QPainter, x: float, y: float, tile: TileView) -> None:
        """Paint `tile` with its top-left corner at (x, y), in the feed's unit."""
        m = self.metrics
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        cover = QRectF(x, y, m.width, tile.cover_height)
        outline = QPainterPath()
        outline.addRoundedRect(
            QRectF(x, y, m.width, tile.height) if m.card else cover, m.cover_radius, m.cover_radius
        )
        if m.card:
            painter.fillPath(outline, QColor("#FFFFFF"))
        self._paint_cover(painter, cover, outline, tile)
        top = y + tile.cover_height + m.padding
        if tile.sample:
            self._paint_sample_text(painter, x, top)
        else:
            self._paint_title(painter, x, top, tile)
        row = top + len(tile.title_lines) * m.title_line + (m.author_gap if tile.title_lines else 0)
        if tile.sample:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(SAMPLE_SHAPE))
            painter.drawEllipse(self._avatar(x, row))
            name = QRectF(x + m.padding + m.avatar + m.avatar_gap, row + 5, 50, 8)
            painter.drawRoundedRect(name, 4, 4)
        else:
            self._paint_author_row(painter, x, row, tile)
        painter.restore()

    def _paint_cover(
        self, painter: QPainter, cover: QRectF, outline: QPainterPath, tile: TileView
    ) -> None:
        """The picture, or a plain cover with the sample word or the placeholder, with the
        corners of `outline` (whatever clips the tile, such as the feed's screen, still does)."""
        painter.save()
        painter.setClipPath(outline, Qt.ClipOperation.IntersectClip)
        if tile.cover is not None:
            fill_rect_with(painter, tile.cover, cover)
        else:
            painter.fillRect(cover, QColor(SAMPLE_SHAPE if tile.sample else PLACEHOLDER))
            words = tile.sample or tile.placeholder
            if words:
                painter.setFont(self.small_font)
                painter.setPen(QColor(SAMPLE_TEXT))
                painter.drawText(cover, Qt.AlignmentFlag.AlignCenter, words)
        painter.restore()

    def _paint_title(self, painter: QPainter, x: float, top: float, tile: TileView) -> None:
        m = self.metrics
        painter.setFont(self.title_font)
        painter.setPen(QColor(TITLE_COLOUR))
        width = m.width - 2 * m.padding
        for index, line in enumerate(tile.title_lines):
            painter.drawText(
                QRectF(x + m.padding, top + index * m.title_line, width, m.title_line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                line,
            )

    def _paint_sample_text(self, painter: QPainter, x: float, top: float) -> None:
        m = self.metrics
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SAMPLE_SHAPE))
        for index, share in enumerate((0.85, 0.5)):
            bar = QRectF(x + m.padding, top + index * m.title_line + 5, m.width * share, 9)
            painter.drawRoundedRect(bar, 4.5, 4.5)

    def _avatar(self, x: float, row: float) -> QRectF:
        m = self.metrics
        return QRectF(x + m.padding, row + (m.author_row - m.avatar) / 2, m.avatar, m.avatar)

    def _paint_author_row(self, painter: QPainter, x: float, row: float, tile: TileView) -> None:
        m = self.metrics
        painter.setFont(self.small_font)
        metrics = QFontMetricsF(self.small_font)
        like_width = metrics.horizontalAdvance(tile.like)
        right = x + m.width - m.padding
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(right - like_width, row, like_width, m.author_row),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            tile.like,
        )
        heart = QRectF(*m.heart).translated(right - like_width, row)
        paint_icon(painter, Icon.HEART, heart, MUTED, stroke=m.heart_stroke)
        paint_avatar(painter, self._avatar(x, row), tile.nickname)
        name_left = x + m.padding + m.avatar + m.avatar_gap
        name_width = max(0.0, heart.left() - m.name_gap - name_left)
        painter.drawText(
            QRectF(name_left, row, name_width, m.author_row),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(tile.nickname, Qt.TextElideMode.ElideRight, name_width),
        )


class FeedTile(QWidget):
    """The web feed's tile at its real size; `title_lines` and `cover_height` say what it
    shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FeedTile")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._painter = FeedTilePainter(self.font(), WEB_TILE)
        self._show(TileView(WEB_TILE, cover=None, aspect=3 / 4))

    @property
    def title_lines(self) -> list[str]:
        return list(self._view.title_lines)

    @property
    def cover_height(self) -> int:
        return round(self._view.cover_height)

    @property
    def _cover(self) -> QPixmap | None:
        """The picture shown (None while it loads or without photos)."""
        return self._view.cover

    def show_note(
        self,
        *,
        cover: QPixmap | None,
        has_photos: bool,
        title: str,
        nickname: str,
        bounds: tuple[float, float],
        placeholder: str,
        like: str,
    ) -> None:
        """`cover` is the first photo's picture (None while it loads or without photos);
        `placeholder` is written on the empty cover of a note without photos."""
        self._show(
            self._painter.note(
                cover,
                (3, 4),
                bounds,
                title=title,
                nickname=nickname,
                like=like,
                placeholder="" if has_photos else placeholder,
            )
        )

    def _show(self, view: TileView) -> None:
        # A cover of whole pixels: its lower edge and the text below it stay sharp.
        self._view = replace(view, aspect=TILE_WIDTH / round(view.cover_height))
        self.setFixedSize(TILE_WIDTH, round(self._view.height))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.size()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self._painter.paint(painter, 0, 0, self._view)
