"""One labelled slider with a numeric field: the unit every editor panel is built from.

The row turns mouse and keyboard gestures into two kinds of intent: `dragged` while the
handle is held (render it, but it is not a history step) and `changed` once per gesture
(release after a drag, a typed value, an arrow-key nudge, a double-click reset). Whether a
value differs from the default is shown by a mark, so touched sliders stand out.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QSlider,
    QStyle,
    QWidget,
)

from studio.editor.panels.panel_style import PANEL_LINE
from studio.style import ACCENT

_HANDLE = 14
_KNOB = "#E4E5E8"


class ResetSlider(QSlider):
    """A horizontal slider that asks to be reset on double-click, leaves the wheel to the
    scrolling panel (so scrolling past a slider never edits the photo), and fills the groove
    from zero to its value, so how far and which way it was moved reads at a glance."""

    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        # A click on the groove does nothing: a double-click there must reset, not first jump.
        self.setPageStep(0)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(_HANDLE + 4)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.reset_requested.emit()
            event.accept()
        else:
            super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        event.ignore()

    def x_of(self, position: int) -> float:
        """Where the handle's centre is at `position`, so marks drawn beside the slider line
        up with it."""
        span = self.width() - _HANDLE
        offset = QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), position, span)
        return _HANDLE / 2 + offset

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        middle = self.height() / 2
        groove = QRectF(_HANDLE / 2, middle - 2, self.width() - _HANDLE, 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PANEL_LINE))
        painter.drawRoundedRect(groove, 2, 2)
        zero = min(max(0, self.minimum()), self.maximum())
        start, end = sorted((self.x_of(zero), self.x_of(self.value())))
        if end > start:
            painter.setBrush(QColor(ACCENT))
            painter.drawRoundedRect(QRectF(start, middle - 2, end - start, 4), 2, 2)
        handle = QColor("white") if self.isSliderDown() or self.underMouse() else QColor(_KNOB)
        painter.setBrush(handle)
        if self.hasFocus():
            painter.setPen(QPen(QColor(ACCENT), 2))
        painter.drawEllipse(
            QPointF(self.x_of(self.value()), middle), _HANDLE / 2 - 1, _HANDLE / 2 - 1
        )
        painter.end()


class SliderRow(QWidget):
    """Label, value field and slider for one number in [minimum, maximum] with a default."""

    dragged = Signal(float)
    """The value while the handle is held: preview it."""
    changed = Signal(float)
    """One finished gesture: the new value is one undo step."""

    def __init__(
        self,
        label: str,
        *,
        minimum: float,
        maximum: float,
        decimals: int = 0,
        step: float = 1.0,
        default: float = 0.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._scale = 10**decimals
        self._default = default
        self._value = default
        self._value_at_press = default
        self.mark = QWidget(self)
        self.mark.setObjectName("SliderMark")
        self.mark.setFixedSize(6, 6)
        self.name = QLabel(label, self)
        self.name.setObjectName("SliderName")
        self.field = QDoubleSpinBox(self)
        self.field.setRange(minimum, maximum)
        self.field.setDecimals(decimals)
        self.field.setSingleStep(step)
        self.field.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.field.setKeyboardTracking(False)
        self.field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.field.setFixedWidth(58)
        self.field.setAccessibleName(label)
        self.slider = ResetSlider(self)
        self.slider.setRange(round(minimum * self._scale), round(maximum * self._scale))
        self.slider.setSingleStep(max(1, round(step * self._scale)))
        self.slider.setAccessibleName(label)
        self.slider.setToolTip(self.tr("Drag, or use the arrow keys; double-click to reset"))
        self.name.setBuddy(self.field)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.mark, 0, 0, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.field, 0, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.slider, 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.slider.sliderPressed.connect(self._on_slider_pressed)
        self.slider.sliderReleased.connect(self._on_slider_released)
        self.slider.reset_requested.connect(self._on_slider_reset_requested)
        self.field.editingFinished.connect(self._on_field_editing_finished)
        self._show(default)

    def value(self) -> float:
        return self._value

    def is_changed(self) -> bool:
        return self._value != self._default

    def set_value(self, value: float) -> None:
        """Show `value` without emitting anything (the panel's state came from elsewhere)."""
        self._show(value)

    # -- gestures --------------------------------------------------------------------------

    def _on_slider_pressed(self) -> None:
        self._value_at_press = self._value

    def _on_slider_value_changed(self, position: int) -> None:
        self._show(position / self._scale, keep_slider=True)
        if self.slider.isSliderDown():
            self.dragged.emit(self._value)
        else:
            self.changed.emit(self._value)

    def _on_slider_released(self) -> None:
        if self._value != self._value_at_press:
            self.changed.emit(self._value)

    def _on_slider_reset_requested(self) -> None:
        if self._value != self._default:
            self._show(self._default)
            self.changed.emit(self._value)

    def _on_field_editing_finished(self) -> None:
        typed = round(self.field.value(), self.field.decimals())
        if typed != self._value:
            self._show(typed)
            self.changed.emit(self._value)

    # -- display ---------------------------------------------------------------------------

    def _show(self, value: float, *, keep_slider: bool = False) -> None:
        self._value = value
        if not keep_slider:
            self.slider.blockSignals(True)
            self.slider.setValue(round(value * self._scale))
            self.slider.blockSignals(False)
        self.field.blockSignals(True)
        self.field.setValue(value)
        self.field.blockSignals(False)
        changed = "true" if self.is_changed() else "false"
        for widget in (self.mark, self.name):
            if widget.property("changed") != changed:
                widget.setProperty("changed", changed)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
