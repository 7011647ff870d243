"""A submitted photo with the brand's region comments drawn on it as numbered boxes.

Only draws: it is handed an image and marks (fractions of the image, as the backend stores
regions), so the collaboration view and the composer can both show where a comment points
without knowing where the picture came from. `region_marks` turns comments into marks for every
screen; `photo_numbers` numbers them per photo, as the creator's screens show them.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from publisher.brief_schemas import CommentPublic
from studio.collab.mark_painting import BADGE, DONE, paint_number_badge, paint_numbered_box
from studio.collab.regions import fitted, region_rect
from studio.style import BORDER

__all__ = [
    "BADGE",
    "DONE",
    "FRAME",
    "CommentMarks",
    "Mark",
    "NumberBadge",
    "photo_numbers",
    "region_marks",
]

PLACEHOLDER = "#F0F1F4"
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


def photo_numbers(comments: Sequence[CommentPublic]) -> dict[uuid.UUID, int]:
    """One photo's region comments numbered 1, 2… in the order given, as the creator sees
    them: the number on the photo's box and the one beside the comment's text agree."""
    regions = [c for c in comments if c.region is not None]
    return {comment.id: index + 1 for index, comment in enumerate(regions)}


def region_marks(comments: Sequence[CommentPublic], numbers: Mapping[uuid.UUID, int]) -> list[Mark]:
    """The boxes of the region comments among `comments`, numbered by `numbers`."""
    return [
        Mark(
            numbers[c.id],
            c.region.x,
            c.region.y,
            c.region.width,
            c.region.height,
            done=c.resolved_at is not None,
        )
        for c in comments
        if c.region is not None
    ]


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
        size = QSizeF(self._pixmap.size()) if self._pixmap else QSizeF(3, 4)
        return fitted(size, QRectF(self.rect()).adjusted(1, 1, -1, -1))

    def mark_rect(self, mark: Mark) -> QRectF:
        """The mark's box in widget coordinates."""
        return region_rect(mark, self.photo_rect())

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
            paint_numbered_box(painter, self.mark_rect(mark), mark.number, mark.done)
        painter.end()


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
        paint_number_badge(painter, QRectF(1, 1, BADGE, BADGE), self.number, self.done)
        painter.end()
