"""The square tone-curve editor: click to add a point, drag to move, double-click or drag out
to remove.

The widget maps the mouse into the unit square and leaves every rule to
`studio.models.curve_points`; it draws the curve sampled through the engine, over the photo's
histogram when it has one. `dragged` carries the points while the mouse is held, `changed` the
points once the gesture ends (one undo step).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from editor.recipe import IDENTITY_CURVE, CurvePoints
from studio.models.curve_points import (
    add_point,
    can_remove,
    is_dragged_out,
    move_point,
    nearest_point,
    remove_point,
    sample_curve,
)

_MARGIN = 8
_HIT_PIXELS = 10
_POINT_RADIUS = 5
_BACKGROUND = QColor("#141518")
_GRID = QColor("#2C2E34")
_HISTOGRAM = QColor(255, 255, 255, 34)


class CurveEditor(QWidget):
    dragged = Signal(object)
    """The points (a CurvePoints tuple) while a point is being dragged."""
    changed = Signal(object)
    """The points after one finished gesture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: CurvePoints = IDENTITY_CURVE
        self._color = QColor("#F2F2F4")
        self._histogram: np.ndarray | None = None
        self._samples = sample_curve(self._points)
        self._dragging: int | None = None
        self._points_at_press: CurvePoints = self._points
        self._shown: CurvePoints = self._points
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, 160)
        # Tracking the hover lets the cursor say whether a press grabs a point or adds one.
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.CrossCursor)

    # -- state -----------------------------------------------------------------------------

    def points(self) -> CurvePoints:
        return self._shown

    def set_points(self, points: CurvePoints) -> None:
        """Show `points`, ending any drag; emits nothing."""
        self._dragging = None
        self._points = points
        self._show(points)

    def set_color(self, color: QColor) -> None:
        self._color = color
        self.update()

    def set_histogram(self, counts: np.ndarray | None) -> None:
        """256 counts of the channel's levels, drawn behind the curve; None hides it."""
        self._histogram = counts
        self.update()

    # -- geometry --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(280, 280)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width

    def square(self) -> QRectF:
        """The drawing square in widget pixels (the largest one that fits, centred)."""
        side = min(self.width(), self.height()) - 2 * _MARGIN
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def to_widget(self, x: float, y: float) -> QPointF:
        square = self.square()
        return QPointF(square.left() + x * square.width(), square.bottom() - y * square.height())

    def to_unit(self, position: QPointF) -> tuple[float, float]:
        square = self.square()
        return (
            (position.x() - square.left()) / square.width(),
            (square.bottom() - position.y()) / square.height(),
        )

    # -- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x, y = self.to_unit(event.position())
        self._points_at_press = self._points
        hit = self._hit(x, y)
        if hit is None:
            if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
                return
            points, hit = add_point(self._points, x, y)
            if hit is None:
                return
            self._points = points
            self._show(points)
            self.dragged.emit(points)
        self._dragging = hit

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x, y = self.to_unit(event.position())
        if self._dragging is None:
            over_point = self._hit(x, y) is not None
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if over_point else Qt.CursorShape.CrossCursor
            )
            return
        if can_remove(self._points, self._dragging) and is_dragged_out(x, y):
            shown = remove_point(self._points, self._dragging)
        else:
            self._points = move_point(self._points, self._dragging, x, y)
            shown = self._points
        if shown != self._shown:
            self._show(shown)
            self.dragged.emit(shown)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self._dragging is None:
            return
        self._dragging = None
        self._points = self._shown
        if self._points != self._points_at_press:
            self.changed.emit(self._points)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x, y = self.to_unit(event.position())
        hit = self._hit(x, y)
        if hit is not None and can_remove(self._points, hit):
            self._dragging = None
            self._points = remove_point(self._points, hit)
            self._show(self._points)
            self.changed.emit(self._points)

    def _hit(self, x: float, y: float) -> int | None:
        return nearest_point(self._points, x, y, _HIT_PIXELS / self.square().width())

    # -- painting --------------------------------------------------------------------------

    def _show(self, points: CurvePoints) -> None:
        self._shown = points
        self._samples = sample_curve(points)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        square = self.square()
        painter.fillRect(square, _BACKGROUND)
        self._paint_histogram(painter, square)
        painter.setPen(QPen(_GRID, 1))
        for quarter in (0.25, 0.5, 0.75):
            painter.drawLine(self.to_widget(quarter, 0), self.to_widget(quarter, 1))
            painter.drawLine(self.to_widget(0, quarter), self.to_widget(1, quarter))
        painter.setPen(QPen(_GRID, 1, Qt.PenStyle.DashLine))
        painter.drawLine(self.to_widget(0, 0), self.to_widget(1, 1))
        painter.setPen(QPen(_GRID, 1))
        painter.drawRect(square)

        curve = QPainterPath()
        last = len(self._samples) - 1
        for i, value in enumerate(self._samples):
            point = self.to_widget(i / last, float(value))
            if i == 0:
                curve.moveTo(point)
            else:
                curve.lineTo(point)
        painter.setPen(QPen(self._color, 2))
        painter.drawPath(curve)

        painter.setPen(QPen(self._color, 2))
        painter.setBrush(_BACKGROUND)
        for x, y in self._shown:
            painter.drawEllipse(self.to_widget(x, y), _POINT_RADIUS, _POINT_RADIUS)
        painter.end()

    def _paint_histogram(self, painter: QPainter, square: QRectF) -> None:
        if self._histogram is None or not self._histogram.any():
            return
        heights = np.sqrt(self._histogram / self._histogram.max())
        path = QPainterPath(self.to_widget(0, 0))
        last = len(heights) - 1
        for i, height in enumerate(heights):
            path.lineTo(self.to_widget(i / last, float(height) * 0.9))
        path.lineTo(self.to_widget(1, 0))
        path.closeSubpath()
        painter.fillPath(path, _HISTOGRAM)
