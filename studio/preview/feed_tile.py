"""The note as a tile of the platform's web feed, at its real size: the cover in its own shape
(cropped to 3:4 … 4:3), up to two lines of title, the author and the like count."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPixmap, QTextLayout
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.preview.compose import cover_aspect
from studio.preview.paint import Icon, fill_rect_with, paint_avatar, paint_icon

TILE_WIDTH = 236
"""The web feed's tile width in CSS pixels (its columns are 236 px wide on a wide window)."""
COVER_RADIUS = 16.0
PADDING = 12
TITLE_LINE = 20
AUTHOR_ROW = 20
TITLE_COLOUR = "#333333"
MUTED = "#5B5C61"
PLACEHOLDER = "#F2F2F4"


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


class FeedTile(QWidget):
    """Painted at the web feed's size; `title_lines` and `cover_height` say what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FeedTile")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._cover: QPixmap | None = None
        self._has_photos = False
        self._nickname = ""
        self._bounds = (0.75, 4 / 3)
        self.cover_height = round(TILE_WIDTH / self._bounds[0])
        self.title_lines: list[str] = []
        self._title_font = QFont(self.font())
        self._title_font.setPixelSize(14)
        self._title_font.setWeight(QFont.Weight.Medium)
        self._small_font = QFont(self.font())
        self._small_font.setPixelSize(12)
        self._placeholder = ""
        self._like = ""
        self._resize()

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
        """`cover` is the first photo's picture (None while it loads or without photos)."""
        self._cover = cover if cover is not None and not cover.isNull() else None
        self._has_photos = has_photos
        self._nickname = nickname
        self._bounds = bounds
        self._placeholder = placeholder
        self._like = like
        size = self._cover.size() if self._cover is not None else QSize(3, 4)
        aspect = cover_aspect(size.width(), size.height(), bounds)
        self.cover_height = round(TILE_WIDTH / aspect)
        self.title_lines = elided_lines(title, self._title_font, TILE_WIDTH - 2 * PADDING, 2)
        self._resize()
        self.update()

    def _resize(self) -> None:
        title = len(self.title_lines) * TITLE_LINE + (6 if self.title_lines else 0)
        self.setFixedSize(TILE_WIDTH, self.cover_height + PADDING + title + AUTHOR_ROW + 8)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.size()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        cover = QRectF(0, 0, TILE_WIDTH, self.cover_height)
        if self._cover is not None:
            fill_rect_with(painter, self._cover, cover, radius=COVER_RADIUS)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PLACEHOLDER))
            painter.drawRoundedRect(cover, COVER_RADIUS, COVER_RADIUS)
            if not self._has_photos:
                painter.setFont(self._small_font)
                painter.setPen(QColor("#A3A5AB"))
                painter.drawText(cover, Qt.AlignmentFlag.AlignCenter, self._placeholder)
        y = self.cover_height + PADDING
        painter.setFont(self._title_font)
        painter.setPen(QColor(TITLE_COLOUR))
        for line in self.title_lines:
            painter.drawText(
                QRectF(PADDING, y, TILE_WIDTH - 2 * PADDING, TITLE_LINE),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                line,
            )
            y += TITLE_LINE
        if self.title_lines:
            y += 6
        self._paint_author_row(painter, y)

    def _paint_author_row(self, painter: QPainter, y: float) -> None:
        painter.setFont(self._small_font)
        metrics = QFontMetricsF(self._small_font)
        like_width = metrics.horizontalAdvance(self._like)
        right = TILE_WIDTH - PADDING
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(right - like_width, y, like_width, AUTHOR_ROW),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            self._like,
        )
        heart = QRectF(right - like_width - 19, y + 3, 15, 14)
        paint_icon(painter, Icon.HEART, heart, MUTED, stroke=1.3)
        paint_avatar(painter, QRectF(PADDING, y, AUTHOR_ROW, AUTHOR_ROW), self._nickname)
        name_left = PADDING + AUTHOR_ROW + 6
        name_width = heart.left() - 8 - name_left
        painter.drawText(
            QRectF(name_left, y, name_width, AUTHOR_ROW),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(self._nickname, Qt.TextElideMode.ElideRight, name_width),
        )
