"""The crop overlay: the whole straightened frame, the crop rectangle with eight handles and
a rule-of-thirds grid, the outside dimmed.

Dragging asks `crop_frame.drag` for the new rectangle (ratio and bounds are its business) and
reports it: `crop_dragged` while the mouse moves, `crop_released` once, when it is let go —
that one is the undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from editor.recipe import Crop
from studio.editor.canvas import CANVAS_BACKGROUND
from studio.editor.crop_frame import Handle, drag

HANDLE_REACH = 14.0
"""How close (in pixels) the pointer must be to a corner or edge to grab it."""
_PADDING = 32
_CURSORS = {
    Handle.TOP_LEFT: Qt.CursorShape.SizeFDiagCursor,
    Handle.BOTTOM_RIGHT: Qt.CursorShape.SizeFDiagCursor,
    Handle.TOP_RIGHT: Qt.CursorShape.SizeBDiagCursor,
    Handle.BOTTOM_LEFT: Qt.CursorShape.SizeBDiagCursor,
    Handle.LEFT: Qt.CursorShape.SizeHorCursor,
    Handle.RIGHT: Qt.CursorShape.SizeHorCursor,
    Handle.TOP: Qt.CursorShape.SizeVerCursor,
    Handle.BOTTOM: Qt.CursorShape.SizeVerCursor,
    Handle.MOVE: Qt.CursorShape.SizeAllCursor,
}


class CropTool(QWidget):
    crop_dragged = Signal(object)
    crop_released = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CropTool")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._frame = QImage()
        self._crop = Crop()
        self._aspect = "free"
        self._grab: tuple[Handle, QPointF, Crop] | None = None

    def set_frame(self, image: QImage) -> None:
        """The straightened, uncropped photo the rectangle is drawn over."""
        self._frame = image
        self.update()

    def set_crop(self, crop: Crop, aspect: str) -> None:
        if self._grab is None:
            self._crop, self._aspect = crop, aspect
            self.update()

    @property
    def crop(self) -> Crop:
        return self._crop

    # -- geometry on screen ----------------------------------------------------------------

    def frame_rect(self) -> QRectF:
        """Where the frame is drawn, fitted into the widget."""
        if self._frame.isNull():
            return QRectF()
        room_w = max(self.width() - 2 * _PADDING, 1)
        room_h = max(self.height() - 2 * _PADDING, 1)
        scale = min(room_w / self._frame.width(), room_h / self._frame.height())
        w, h = self._frame.width() * scale, self._frame.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def crop_rect(self) -> QRectF:
        frame = self.frame_rect()
        crop = self._crop
        return QRectF(
            frame.left() + crop.x * frame.width(),
            frame.top() + crop.y * frame.height(),
            crop.w * frame.width(),
            crop.h * frame.height(),
        )

    def handle_at(self, point: QPointF) -> Handle | None:
        rect = self.crop_rect()
        if rect.isEmpty():
            return None
        near_left = abs(point.x() - rect.left()) <= HANDLE_REACH
        near_right = abs(point.x() - rect.right()) <= HANDLE_REACH
        near_top = abs(point.y() - rect.top()) <= HANDLE_REACH
        near_bottom = abs(point.y() - rect.bottom()) <= HANDLE_REACH
        inside_x = rect.left() - HANDLE_REACH <= point.x() <= rect.right() + HANDLE_REACH
        inside_y = rect.top() - HANDLE_REACH <= point.y() <= rect.bottom() + HANDLE_REACH
        sx = -1 if near_left and inside_y else 1 if near_right and inside_y else 0
        sy = -1 if near_top and inside_x else 1 if near_bottom and inside_x else 0
        if sx or sy:
            return Handle((sx, sy))
        return Handle.MOVE if rect.contains(point) else None

    # -- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        handle = self.handle_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and handle is not None:
            self._grab = (handle, event.position(), self._crop)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._grab is None:
            handle = self.handle_at(event.position())
            if handle is None:
                self.unsetCursor()
            else:
                self.setCursor(_CURSORS[handle])
            return
        handle, start, before = self._grab
        frame = self.frame_rect()
        dx = (event.position().x() - start.x()) / frame.width()
        dy = (event.position().y() - start.y()) / frame.height()
        aspect_of_frame = self._frame.width() / self._frame.height()
        self._crop = drag(before, handle, dx, dy, self._aspect, aspect_of_frame)
        self.update()
        self.crop_dragged.emit(self._crop)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._grab is not None:
            self._grab = None
            self.crop_released.emit(self._crop)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), CANVAS_BACKGROUND)
        if self._frame.isNull():
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        frame, crop = self.frame_rect(), self.crop_rect()
        painter.drawImage(frame, self._frame)
        shade = QColor(0, 0, 0, 150)
        painter.fillRect(
            QRectF(frame.left(), frame.top(), frame.width(), crop.top() - frame.top()), shade
        )
        painter.fillRect(
            QRectF(frame.left(), crop.bottom(), frame.width(), frame.bottom() - crop.bottom()),
            shade,
        )
        painter.fillRect(
            QRectF(frame.left(), crop.top(), crop.left() - frame.left(), crop.height()), shade
        )
        painter.fillRect(
            QRectF(crop.right(), crop.top(), frame.right() - crop.right(), crop.height()), shade
        )
        painter.setPen(QPen(QColor(255, 255, 255, 110), 1))
        for third in (1 / 3, 2 / 3):
            x = crop.left() + crop.width() * third
            y = crop.top() + crop.height() * third
            painter.drawLine(QPointF(x, crop.top()), QPointF(x, crop.bottom()))
            painter.drawLine(QPointF(crop.left(), y), QPointF(crop.right(), y))
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.drawRect(crop)
        self._paint_handles(painter, crop)

    def _paint_handles(self, painter: QPainter, crop: QRectF) -> None:
        painter.setPen(QPen(QColor("white"), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap))
        arm = min(18.0, crop.width() / 3, crop.height() / 3)
        for sx, x in ((1, crop.left()), (-1, crop.right())):
            for sy, y in ((1, crop.top()), (-1, crop.bottom())):
                painter.drawLine(QPointF(x, y), QPointF(x + sx * arm, y))
                painter.drawLine(QPointF(x, y), QPointF(x, y + sy * arm))
        centre = crop.center()
        half = arm / 2
        for start, end in (
            (QPointF(centre.x() - half, crop.top()), QPointF(centre.x() + half, crop.top())),
            (QPointF(centre.x() - half, crop.bottom()), QPointF(centre.x() + half, crop.bottom())),
            (QPointF(crop.left(), centre.y() - half), QPointF(crop.left(), centre.y() + half)),
            (QPointF(crop.right(), centre.y() - half), QPointF(crop.right(), centre.y() + half)),
        ):
            painter.drawLine(start, end)
