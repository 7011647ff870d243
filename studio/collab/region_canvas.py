"""The review screen's image views: a photo fitted into its stage, the canvas the reviewer
draws a rectangle on (existing region comments shown as numbered boxes), and the onion skin
that fades one round's photo into the next's.

Regions are kept as fractions of the image's width and height, as the backend stores them, so
a box lands on the same part of the photo at any size it is shown at.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.collab.comment_marks import Mark
from studio.collab.mark_painting import paint_numbered_box
from studio.collab.regions import Region, fitted, region_between, region_rect
from studio.style import ACCENT, TEXT_MUTED

STAGE = "#F4F4F6"
VIEW_MINIMUM = QSize(160, 200)


class ImageView(QWidget):
    """A picture fitted into a soft grey stage; the placeholder while it loads or is none."""

    def __init__(self, parent: QWidget | None = None, *, minimum: QSize = VIEW_MINIMUM) -> None:
        super().__init__(parent)
        self.pixmap: QPixmap | None = None
        self.placeholder = ""
        self.setMinimumSize(minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_pixmap(self, pixmap: QPixmap | None, placeholder: str = "") -> None:
        self.pixmap = pixmap
        self.placeholder = placeholder
        self.update()

    def image_rect(self) -> QRectF:
        """Where the picture is painted (empty while there is none)."""
        if self.pixmap is None or self.pixmap.isNull():
            return QRectF()
        return fitted(QSizeF(self.pixmap.size()), QRectF(self.rect()).adjusted(8, 8, -8, -8))

    def paint_stage(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STAGE))
        painter.drawRoundedRect(QRectF(self.rect()), 12, 12)
        if self.pixmap is None or self.pixmap.isNull():
            painter.setPen(QColor(TEXT_MUTED))
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.placeholder)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.paint_stage(painter)
        if self.pixmap is not None and not self.pixmap.isNull():
            painter.drawPixmap(self.image_rect(), self.pixmap, QRectF(self.pixmap.rect()))


class RegionCanvas(ImageView):
    """Drag on the photo to draw a rectangle: `region_drawn(Region)` when one is drawn, and
    it stays as the pending box until `clear_pending()`; a click clears it
    (`region_drawn(None)`). `set_marks` shows the region comments as numbered boxes."""

    region_drawn = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, minimum=QSize(260, 320))
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.marks: tuple[Mark, ...] = ()
        self.pending: Region | None = None
        self.drawing_enabled = True
        self._press: QPointF | None = None
        self._drag: QPointF | None = None

    def set_marks(self, marks: Sequence[Mark]) -> None:
        self.marks = tuple(marks)
        self.update()

    def set_drawing_enabled(self, enabled: bool) -> None:
        self.drawing_enabled = enabled
        self.setCursor(Qt.CursorShape.CrossCursor if enabled else Qt.CursorShape.ArrowCursor)
        if not enabled:
            self.clear_pending()

    def clear_pending(self) -> None:
        self.pending = None
        self._press = self._drag = None
        self.update()

    # -- input -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self.drawing_enabled
            and self.image_rect().contains(event.position())
        ):
            self._press = self._drag = event.position()
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._press is not None:
            self._drag = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._press is None:
            return
        region = region_between(self._press, event.position(), self.image_rect())
        self._press = self._drag = None
        self.pending = region
        self.update()
        self.region_drawn.emit(region)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        image = self.image_rect()
        if image.isEmpty():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for mark in self.marks:
            paint_numbered_box(painter, region_rect(mark, image), mark.number, mark.done)
        if self._press is not None and self._drag is not None:
            self._paint_pending(painter, QRectF(self._press, self._drag).normalized() & image)
        elif self.pending is not None:
            self._paint_pending(painter, region_rect(self.pending, image))

    def _paint_pending(self, painter: QPainter, rect: QRectF) -> None:
        accent = QColor(ACCENT)
        fill = QColor(accent)
        fill.setAlpha(40)
        painter.setBrush(fill)
        painter.setPen(QPen(QColor(255, 255, 255, 220), 3))
        painter.drawRect(rect)
        pen = QPen(accent, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(rect)


class OnionSkin(ImageView):
    """One round's photo over the other's: `set_mix(0)` shows the older, 1 the newer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, minimum=QSize(240, 300))
        self.older: QPixmap | None = None
        self.mix = 0.5

    def set_pictures(self, older: QPixmap | None, newer: QPixmap | None, placeholder: str) -> None:
        self.older = older
        # The newer picture decides the frame; the older is fitted into the same one.
        self.set_pixmap(newer or older, placeholder)

    def set_mix(self, mix: float) -> None:
        self.mix = min(max(mix, 0.0), 1.0)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.paint_stage(painter)
        frame = self.image_rect()
        if frame.isEmpty():
            return
        newer = self.pixmap
        layers = [(self.older, 1.0), (newer, self.mix)] if self.older is not newer else []
        for picture, opacity in layers or [(newer, 1.0)]:
            if picture is None or picture.isNull():
                continue
            painter.setOpacity(opacity)
            painter.drawPixmap(
                fitted(QSizeF(picture.size()), frame), picture, QRectF(picture.rect())
            )
        painter.setOpacity(1.0)
