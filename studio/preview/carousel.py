"""The note page's image carousel: swipe (drag) or click the sides to move, dots below the
picture, and the "2/5" counter in the corner. Its height follows the first picture's shape
within the rules' ratios, as the platform's does; other pictures are fitted into it."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.preview.compose import counter_text, cover_aspect
from studio.preview.paint import fill_rect_with
from studio.style import ACCENT

DOTS_HEIGHT = 22
DOT = 6.0
DOT_GAP = 5.0
SWIPE_FRACTION = 0.18
"""How far (of the width) a drag must go to turn the page."""
CLICK_SLOP = 6
STAGE = "#F4F4F6"


class Carousel(QWidget):
    """`current_changed(index)` when another picture is shown."""

    current_changed = Signal(int)

    def __init__(self, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Carousel")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._width = width
        self._pictures: list[QPixmap | None] = []
        self._count = 0
        self._index = 0
        self._offset = 0.0
        """How far the strip is dragged or animated from the current picture, in pixels."""
        self._press: tuple[float, float] | None = None
        """Where a drag started (x) and the offset then (it may start mid-animation)."""
        self._placeholder = ""
        self.stage_height = width * 4 // 3
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(220)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._on_animated)
        self._font = QFont(self.font())
        self._font.setPixelSize(12)
        self._layout_height()

    # -- what it shows ---------------------------------------------------------------------

    @property
    def count(self) -> int:
        return self._count

    @property
    def current(self) -> int:
        return self._index

    @property
    def counter(self) -> str:
        return counter_text(self._index, self._count)

    def show_pictures(
        self, pictures: list[QPixmap | None], bounds: tuple[float, float], placeholder: str
    ) -> None:
        """The note's pictures in order (None where one is still loading)."""
        self._pictures = list(pictures)
        self._count = len(pictures)
        self._placeholder = placeholder
        first = pictures[0] if pictures else None
        width, height = (first.width(), first.height()) if first else (3, 4)
        self.stage_height = round(self._width / cover_aspect(width, height, bounds))
        if self._index >= self._count:
            self._index = max(0, self._count - 1)
            self.current_changed.emit(self._index)
        self._layout_height()
        self.update()

    def set_current(self, index: int, *, animate: bool = True) -> None:
        if not 0 <= index < self._count or index == self._index:
            self._settle(animate=animate)
            return
        # Keep what is on screen where it is, then slide the new picture in.
        self._offset -= (index - self._index) * self._width
        self._index = index
        self.current_changed.emit(index)
        self._settle(animate=animate)

    def next(self) -> None:
        self.set_current(self._index + 1)

    def previous(self) -> None:
        self.set_current(self._index - 1)

    def _layout_height(self) -> None:
        dots = DOTS_HEIGHT if self._count > 1 else 0
        self.setFixedSize(self._width, self.stage_height + dots)

    def _settle(self, *, animate: bool) -> None:
        self._animation.stop()
        if animate and self._offset and self.isVisible():
            self._animation.setStartValue(float(self._offset))
            self._animation.setEndValue(0.0)
            self._animation.start()
        else:
            self._offset = 0.0
            self.update()

    def _on_animated(self, value: float) -> None:
        self._offset = float(value)
        self.update()

    # -- input -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._animation.stop()
            self._press = (event.position().x(), self._offset)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._press is None:
            return
        start, offset = self._press
        offset += start - event.position().x()
        at_edge = (offset < 0 and self._index == 0) or (
            offset > 0 and self._index >= self._count - 1
        )
        self._offset = offset / 3 if at_edge else offset  # resists past the ends
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._press is None:
            return
        start, self._press = self._press[0], None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        moved = start - event.position().x()
        if abs(moved) <= CLICK_SLOP:
            self._on_clicked(event.position())
        elif moved > self._width * SWIPE_FRACTION:
            self.next()
        elif moved < -self._width * SWIPE_FRACTION:
            self.previous()
        else:
            self._settle(animate=True)

    def _on_clicked(self, point: QPointF) -> None:
        """A dot shows its picture; the left and right thirds turn the page."""
        target = self._index
        if point.y() > self.stage_height:
            dot = self._dot_at(point)
            target = self._index if dot is None else dot
        elif point.x() < self._width / 3:
            target -= 1
        elif point.x() > self._width * 2 / 3:
            target += 1
        self.set_current(target)  # the same picture settles back where it was

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Right:
            self.next()
        elif event.key() == Qt.Key.Key_Left:
            self.previous()
        else:
            super().keyPressEvent(event)

    def _dots(self) -> list[QRectF]:
        total = self._count * DOT + (self._count - 1) * DOT_GAP
        left = (self._width - total) / 2
        top = self.stage_height + (DOTS_HEIGHT - DOT) / 2
        return [QRectF(left + i * (DOT + DOT_GAP), top, DOT, DOT) for i in range(self._count)]

    def _dot_at(self, point: QPointF) -> int | None:
        for index, dot in enumerate(self._dots()):
            if dot.adjusted(-DOT_GAP / 2, -8, DOT_GAP / 2, 8).contains(point):
                return index
        return None

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        stage = QRectF(0, 0, self._width, self.stage_height)
        painter.fillRect(stage, QColor(STAGE))
        if not self._count:
            painter.setFont(self._font)
            painter.setPen(QColor("#A3A5AB"))
            painter.drawText(stage, Qt.AlignmentFlag.AlignCenter, self._placeholder)
            return
        painter.save()
        painter.setClipRect(stage)
        for index in (self._index - 1, self._index, self._index + 1):
            if not 0 <= index < self._count:
                continue
            x = (index - self._index) * self._width - self._offset
            picture = self._pictures[index]
            if picture is not None and not picture.isNull():
                # Another shape is fitted in; the same shape (give or take rounding) fills.
                aspect = picture.width() / picture.height()
                same = abs(aspect - stage.width() / stage.height()) < 0.02 * aspect
                fill_rect_with(painter, picture, stage.translated(x, 0), fit=not same)
        painter.restore()
        if self._count > 1:
            self._paint_counter(painter)
            for index, dot in enumerate(self._dots()):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(ACCENT if index == self._index else "#D9DADF"))
                painter.drawEllipse(dot)

    def _paint_counter(self, painter: QPainter) -> None:
        text = self.counter
        painter.setFont(self._font)
        width = painter.fontMetrics().horizontalAdvance(text) + 16
        pill = QRectF(self._width - width - 12, 12, width, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 110))
        painter.drawRoundedRect(pill, 11, 11)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
