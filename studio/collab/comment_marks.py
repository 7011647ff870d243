"""A submitted photo with the brand's region comments drawn on it as numbered boxes.

Only draws: it is handed an image and marks (fractions of the image, as the backend stores
regions), so the collaboration view and the composer can both show where a comment points
without knowing where the picture came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.style import ACCENT, BORDER

PLACEHOLDER = "#F0F1F4"
DONE = "#9EA1A8"
BADGE = 20.0
CORNER = 10.0
FRAME = QSize(240, 320)
"""A 3:4 photo's frame beside its comments."""


@dataclass(frozen=True)
class Mark:
    """One comment's box: `number` as the list beside the photo shows it; x, y, width and
    height as fractions of the image; `done` once the creator resolved it."""

    number: int
    x: float
    y: float
    width: float
    height: float
    done: bool = False


class CommentMarks(QWidget):
    """The photo fitted into the widget (aspect kept, centred), the marks over it."""

    def __init__(self, parent: QWidget | None = None, *, box: QSize = FRAME) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self._marks: list[Mark] = []
        self._box = box
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(box)

    def set_image(self, image: QImage | QPixmap | None) -> None:
        if isinstance(image, QImage):
            image = QPixmap.fromImage(image) if not image.isNull() else None
        self._pixmap = image if image is not None and not image.isNull() else None
        self.update()

    def has_image(self) -> bool:
        return self._pixmap is not None

    def set_marks(self, marks: Sequence[Mark]) -> None:
        self._marks = list(marks)
        self.update()

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def photo_rect(self) -> QRectF:
        """Where the photo is drawn: fitted into the widget; a 3:4 frame until it arrives."""
        width, height = (self._pixmap.width(), self._pixmap.height()) if self._pixmap else (3, 4)
        area = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        scale = min(area.width() / width, area.height() / height)
        size = QSize(round(width * scale), round(height * scale))
        return QRectF(
            area.center().x() - size.width() / 2,
            area.center().y() - size.height() / 2,
            size.width(),
            size.height(),
        )

    def mark_rect(self, mark: Mark) -> QRectF:
        """The mark's box in widget coordinates."""
        photo = self.photo_rect()
        return QRectF(
            photo.left() + mark.x * photo.width(),
            photo.top() + mark.y * photo.height(),
            mark.width * photo.width(),
            mark.height * photo.height(),
        )

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        photo = self.photo_rect()
        clip = QPainterPath()
        clip.addRoundedRect(photo, CORNER, CORNER)
        painter.save()
        painter.setClipPath(clip)
        if self._pixmap is not None:
            painter.drawPixmap(photo.toRect(), self._pixmap)
        else:
            painter.fillRect(photo, QColor(PLACEHOLDER))
        painter.restore()
        painter.setPen(QPen(QColor(BORDER), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(photo, CORNER, CORNER)
        # Open marks last, so a resolved box never hides one still to do.
        for mark in sorted(self._marks, key=lambda m: not m.done):
            self._draw_mark(painter, mark)
        painter.end()

    def _draw_mark(self, painter: QPainter, mark: Mark) -> None:
        colour = QColor(DONE if mark.done else ACCENT)
        rect = self.mark_rect(mark)
        fill = QColor(colour)
        fill.setAlpha(28 if mark.done else 46)
        pen = QPen(colour, 2)
        if mark.done:
            pen.setStyle(Qt.PenStyle.DashLine)
        # A white halo under the line keeps it visible on dark and red photos alike.
        painter.setPen(QPen(QColor(255, 255, 255, 200), 4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 4, 4)
        centre = QPointF(max(BADGE / 2, rect.left()), max(BADGE / 2, rect.top()))
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(colour)
        painter.drawEllipse(centre, BADGE / 2, BADGE / 2)
        font = QFont(painter.font())
        font.setPixelSize(11)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        badge = QRectF(centre.x() - BADGE / 2, centre.y() - BADGE / 2, BADGE, BADGE)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(mark.number))


class NumberBadge(QWidget):
    """A comment's number beside its text, drawn as the photo draws it."""

    def __init__(self, number: int, done: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.done = done
        self.setFixedSize(int(BADGE) + 2, int(BADGE) + 2)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(DONE if self.done else ACCENT))
        circle = QRectF(1, 1, BADGE, BADGE)
        painter.drawEllipse(circle)
        font = QFont(painter.font())
        font.setPixelSize(11)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(self.number))
        painter.end()
