"""The photo on a dark canvas: fit, 100 %, wheel zoom around the cursor, drag to pan.

The canvas only shows images it is given (the rendered preview, or the original while
"before" is held) and reports the zoom it shows; it decides nothing about the edit. A tool
(`CanvasTool`, such as the layer handles) may draw over the photo and take the mouse and
keys first; what it leaves goes to zoom and pan as usual. An overlay (the brand's comment
boxes) is only drawn over the photo, under the tool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

CANVAS_BACKGROUND = QColor("#16171A")
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
WHEEL_STEP = 1.15
_PADDING = 24


class CanvasTool(Protocol):
    """Something edited directly on the photo. Each handler returns True when it used the
    event; the canvas then leaves it alone."""

    def paint(self, painter: QPainter) -> None: ...
    def mouse_press(self, event: QMouseEvent) -> bool: ...
    def mouse_move(self, event: QMouseEvent) -> bool: ...
    def mouse_release(self, event: QMouseEvent) -> bool: ...
    def mouse_double_click(self, event: QMouseEvent) -> bool: ...
    def key_press(self, event: QKeyEvent) -> bool: ...
    def key_release(self, event: QKeyEvent) -> bool: ...


class PhotoCanvas(QWidget):
    """`zoom_changed(percent)` follows every zoom change, fit included."""

    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhotoCanvas")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._image = QImage()
        self._before = QImage()
        self._showing_before = False
        self._zoom: float | None = None  # None: fit to the window
        self._centre = QPointF()  # image point at the middle of the view, when zoomed
        self._drag_from: QPointF | None = None
        self._message = ""
        self._before_label = ""
        self._tool: CanvasTool | None = None
        self._overlay: Callable[[QPainter, QRectF], None] | None = None

    # -- what is shown ---------------------------------------------------------------------

    def set_image(self, image: QImage) -> None:
        resized = image.size() != self._image.size()
        self._image = image
        self._message = ""
        if resized:
            self._centre = QPointF(image.width() / 2, image.height() / 2)
        self.update()
        self.zoom_changed.emit(self.zoom_percent())

    def set_before(self, image: QImage, label: str) -> None:
        """The unedited photo, shown while `show_before(True)`, labelled `label`."""
        self._before, self._before_label = image, label
        self.update()

    def show_before(self, showing: bool) -> None:
        if showing != self._showing_before:
            self._showing_before = showing
            self.update()

    @property
    def showing_before(self) -> bool:
        return self._showing_before

    def show_message(self, text: str) -> None:
        """A line of text instead of the photo (loading, or what went wrong)."""
        self._message = text
        self.update()

    def image(self) -> QImage:
        return self._image

    def set_tool(self, tool: CanvasTool | None) -> None:
        """Let `tool` draw over the photo and take the mouse and keys first (None: nothing)."""
        if tool is not self._tool:
            self._tool = tool
            self.unsetCursor()
            self.update()

    def set_overlay(self, paint: Callable[[QPainter, QRectF], None] | None) -> None:
        """Draw `paint(painter, image_rect)` over the edited photo (None: nothing)."""
        self._overlay = paint
        self.update()

    def _active_tool(self) -> CanvasTool | None:
        """The tool, while the edited photo itself is on screen."""
        showing = not (self._message or self._image.isNull() or self._showing_before)
        return self._tool if showing else None

    # -- image ↔ widget --------------------------------------------------------------------

    def view_scale(self) -> float:
        """Widget pixels per image pixel."""
        return self._scale()

    def to_image(self, point: QPointF) -> QPointF:
        """A widget point in the shown image's pixels."""
        target, scale = self._target(self._image), self._scale()
        return QPointF((point.x() - target.left()) / scale, (point.y() - target.top()) / scale)

    def to_widget(self, point: QPointF) -> QPointF:
        """An image point in widget pixels."""
        target, scale = self._target(self._image), self._scale()
        return QPointF(target.left() + point.x() * scale, target.top() + point.y() * scale)

    def image_rect(self) -> QRectF:
        """Where the image is drawn, in widget pixels."""
        return self._target(self._image)

    # -- zoom and pan ----------------------------------------------------------------------

    def fit(self) -> None:
        self._zoom = None
        self.update()
        self.zoom_changed.emit(self.zoom_percent())

    def actual_size(self) -> None:
        self._set_zoom(1.0, QPointF(self.width() / 2, self.height() / 2))

    def zoom_percent(self) -> int:
        return round(self._scale() * 100)

    def _fit_scale(self, size: QSize) -> float:
        if size.isEmpty():
            return 1.0
        room_w = max(self.width() - 2 * _PADDING, 1)
        room_h = max(self.height() - 2 * _PADDING, 1)
        return min(room_w / size.width(), room_h / size.height())

    def _scale(self) -> float:
        return self._fit_scale(self._image.size()) if self._zoom is None else self._zoom

    def _target(self, image: QImage) -> QRectF:
        """Where `image` is drawn: centred when fitted, around `_centre` when zoomed."""
        if self._zoom is None or image is not self._image:
            scale = self._fit_scale(image.size())
            w, h = image.width() * scale, image.height() * scale
            return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
        scale = self._zoom
        left = self.width() / 2 - self._centre.x() * scale
        top = self.height() / 2 - self._centre.y() * scale
        return QRectF(left, top, image.width() * scale, image.height() * scale)

    def _set_zoom(self, zoom: float, anchor: QPointF) -> None:
        """Zoom so the image point under `anchor` (widget coordinates) stays under it."""
        if self._image.isNull():
            return
        old = self._scale()
        target = self._target(self._image)
        under = QPointF((anchor.x() - target.left()) / old, (anchor.y() - target.top()) / old)
        zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        self._zoom = zoom
        self._centre = QPointF(
            under.x() - (anchor.x() - self.width() / 2) / zoom,
            under.y() - (anchor.y() - self.height() / 2) / zoom,
        )
        self._clamp_centre()
        self.update()
        self.zoom_changed.emit(self.zoom_percent())

    def _clamp_centre(self) -> None:
        self._centre = QPointF(
            min(max(self._centre.x(), 0.0), float(self._image.width())),
            min(max(self._centre.y(), 0.0), float(self._image.height())),
        )

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self._set_zoom(self._scale() * WHEEL_STEP**steps, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        tool = self._active_tool()
        if tool is not None and tool.mouse_press(event):
            return
        if event.button() == Qt.MouseButton.LeftButton and self._zoom is not None:
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        tool = self._active_tool()
        if self._drag_from is None and tool is not None and tool.mouse_move(event):
            return
        if self._drag_from is None or self._zoom is None:
            return
        delta = event.position() - self._drag_from
        self._drag_from = event.position()
        self._centre -= QPointF(delta.x() / self._zoom, delta.y() / self._zoom)
        self._clamp_centre()
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        tool = self._active_tool()
        if self._drag_from is None and tool is not None and tool.mouse_release(event):
            return
        self._drag_from = None
        self.unsetCursor()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        tool = self._active_tool()
        if tool is not None and tool.mouse_double_click(event):
            return
        if self._zoom is None:
            self._set_zoom(1.0, event.position())
        else:
            self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        tool = self._active_tool()
        if tool is None or not tool.key_press(event):
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        tool = self._active_tool()
        if tool is None or not tool.key_release(event):
            super().keyReleaseEvent(event)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), CANVAS_BACKGROUND)
        image = self._before if self._showing_before and not self._before.isNull() else self._image
        if self._message or image.isNull():
            painter.setPen(QColor("#B8BAC2"))
            painter.drawText(
                self.rect().adjusted(40, 0, -40, 0),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._message,
            )
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self._scale() < 2.0)
        painter.drawImage(self._target(image), image)
        if image is self._before:
            self._paint_badge(painter, self._before_label)
        elif self._overlay is not None:
            self._overlay(painter, self._target(image))
        tool = self._active_tool()
        if tool is not None:
            tool.paint(painter)

    def _paint_badge(self, painter: QPainter, text: str) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        box = QRectF(16, 16, metrics.horizontalAdvance(text) + 24, 28)
        path = QPainterPath()
        path.addRoundedRect(box, 14, 14)
        painter.fillPath(path, QColor(0, 0, 0, 160))
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
