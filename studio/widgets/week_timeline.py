"""The calendar's week view: seven day columns over a 24-hour axis, each note at its time.

Dropping a note on a column moves it to that day at the time under the pointer (snapped to
`SNAP_MINUTES`); a line with the time follows the drag. Widgets only show entries and emit
intent; the lane layout and the snapping are plain functions in `studio.models.calendar`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from studio.models.calendar import CalendarEntry, lanes, minutes_of_day, snapped_time
from studio.style import ACCENT, BORDER, SURFACE, TEXT_MUTED
from studio.widgets.calendar_grid import CHIP_STYLE, CalendarChip, dropped_note

HOUR_PX = 52
GUTTER_PX = 52
CHIP_MIN_PX = 40
FIRST_VISIBLE_HOUR = 8

TIMELINE_STYLE = (
    CHIP_STYLE
    + f"""
#TimelineHeading {{ color: {TEXT_MUTED}; font-size: 12px; font-weight: 600; }}
#TimelineHeading[today="true"] {{ color: {ACCENT}; }}
#TimelineHour {{ color: {TEXT_MUTED}; font-size: 11px; }}
#TimelineDrop {{ background: {ACCENT}; color: white; font-size: 11px; font-weight: 600;
    border-radius: 4px; padding: 0 4px; }}
"""
)


class DayColumn(QWidget):
    """One day's column of the week: hour lines, its notes placed by time, takes drops."""

    note_dropped = Signal(str, object, object)
    """note id, the day, the time of day under the pointer."""

    def __init__(
        self,
        day: date,
        entries: Sequence[CalendarEntry],
        *,
        today: bool,
        now: datetime | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.day = day
        self._today = today
        self._now = now
        self._drop_y: int | None = None
        self.setAcceptDrops(True)
        self.setMinimumHeight(24 * HOUR_PX)
        self.chips: list[CalendarChip] = []
        self._lanes = lanes(entries)
        for entry, _lane, _count in self._lanes:
            self.chips.append(CalendarChip(entry, compact=False, parent=self))
        self._drop_label = QLabel(self)
        self._drop_label.setObjectName("TimelineDrop")
        self._drop_label.hide()
        self._place_chips()

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        self._place_chips()

    def _place_chips(self) -> None:
        width = self.width() - 4
        for chip, (entry, lane, count) in zip(self.chips, self._lanes, strict=True):
            # A late note keeps its whole chip inside the day (23:45 would hang off the end).
            top = min(minutes_of_day(entry.at) * HOUR_PX // 60, 24 * HOUR_PX - CHIP_MIN_PX)
            lane_width = width // count
            chip.setGeometry(QRect(2 + lane * lane_width, top, lane_width - 2, CHIP_MIN_PX))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFBFB" if self._today else SURFACE))
        painter.setPen(QPen(QColor(BORDER), 1))
        for hour in range(25):
            painter.drawLine(0, hour * HOUR_PX, self.width(), hour * HOUR_PX)
        painter.drawLine(0, 0, 0, self.height())
        if self._now is not None:
            y = minutes_of_day(self._now) * HOUR_PX // 60
            painter.setPen(QPen(QColor(ACCENT), 2))
            painter.drawLine(0, y, self.width(), y)
            painter.setBrush(QColor(ACCENT))
            painter.drawEllipse(QPoint(3, y), 4, 4)
        if self._drop_y is not None:
            painter.setPen(QPen(QColor(ACCENT), 2, Qt.PenStyle.DashLine))
            painter.drawLine(0, self._drop_y, self.width(), self._drop_y)

    def time_at(self, y: float) -> time:
        return snapped_time(y * 60 / HOUR_PX)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_note(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if dropped_note(event.mimeData()) is None:
            return
        event.acceptProposedAction()
        at = self.time_at(event.position().y())
        self._drop_y = (at.hour * 60 + at.minute) * HOUR_PX // 60
        self._drop_label.setText(at.strftime("%H:%M"))
        self._drop_label.adjustSize()
        self._drop_label.move(4, max(0, self._drop_y - self._drop_label.height() - 2))
        self._drop_label.show()
        self._drop_label.raise_()
        self.update()

    def dragLeaveEvent(self, event: object) -> None:  # noqa: N802
        self._clear_drop()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._clear_drop()
        note_id = dropped_note(event.mimeData())
        if note_id is None:
            return
        event.acceptProposedAction()
        self.note_dropped.emit(str(note_id), self.day, self.time_at(event.position().y()))

    def _clear_drop(self) -> None:
        self._drop_y = None
        self._drop_label.hide()
        self.update()


class _HourGutter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(GUTTER_PX)
        self.setMinimumHeight(24 * HOUR_PX)
        for hour in range(1, 24):
            label = QLabel(f"{hour:02d}:00", self)
            label.setObjectName("TimelineHour")
            label.adjustSize()
            label.move(GUTTER_PX - label.width() - 8, hour * HOUR_PX - label.height() // 2)


class WeekTimeline(QWidget):
    """Day headings over a scrolling 24-hour grid of `DayColumn`s; rebuilt per view."""

    note_clicked = Signal(str)
    note_dropped = Signal(str, object, object)
    package_requested = Signal(str)
    public_page_requested = Signal(str)

    def __init__(self, weekdays: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(TIMELINE_STYLE)
        self._weekdays = weekdays
        self.columns: dict[date, DayColumn] = {}
        self._headings = QHBoxLayout()
        self._headings.setSpacing(0)
        self._body = QWidget()
        # Never shorter than the day, even while a refresh swaps its columns: the scroll
        # position the user chose survives reloads.
        self._body.setMinimumHeight(24 * HOUR_PX)
        self._row = QHBoxLayout(self._body)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self._body)
        # Always there, so the headings can keep its width free and stay over their columns.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self._headings.setContentsMargins(GUTTER_PX, 0, bar, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._headings)
        layout.addWidget(self.scroll, 1)
        self._scrolled = False

    def show_days(
        self,
        days: Sequence[date],
        entries: dict[date, list[CalendarEntry]],
        *,
        today: date,
        now: datetime,
    ) -> None:
        for layout in (self._headings, self._row):
            while (item := layout.takeAt(0)) is not None:
                if (widget := item.widget()) is not None:
                    widget.hide()
                    widget.deleteLater()
        self.columns = {}
        self._row.addWidget(_HourGutter(self._body))
        for name, day in zip(self._weekdays, days, strict=True):
            heading = QLabel(f"{name} {day.day}", self)
            heading.setObjectName("TimelineHeading")
            heading.setProperty("today", day == today)
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._headings.addWidget(heading, 1)
            column = DayColumn(
                day,
                entries.get(day, []),
                today=day == today,
                now=now if day == today else None,
                parent=self._body,
            )
            for chip in column.chips:
                chip.clicked.connect(self.note_clicked)
                chip.package_requested.connect(self.package_requested)
                chip.public_page_requested.connect(self.public_page_requested)
            column.note_dropped.connect(self.note_dropped)
            self._row.addWidget(column, 1)
            self.columns[day] = column

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Open on the working day rather than at midnight, once (after the first layout, when
        the scroll range is known); later views keep the scroll the user chose."""
        super().showEvent(event)
        if not self._scrolled:
            self._scrolled = True
            QTimer.singleShot(
                0,
                lambda: self.scroll.verticalScrollBar().setValue(
                    FIRST_VISIBLE_HOUR * HOUR_PX - HOUR_PX // 4  # its hour label whole
                ),
            )

    def chips_on(self, day: date) -> list[CalendarChip]:
        column = self.columns.get(day)
        return column.chips if column else []
