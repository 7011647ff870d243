"""The period bar: the last 7, 30 or 90 days at a click, any range up to 366 days in the two
date boxes, and whether figures are compared with the period just before. It only shows the
period and reports a new one; what a period is lives in `studio.analytics.periods`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from studio.analytics.periods import (
    DEFAULT_DAYS,
    MAX_DAYS,
    PRESETS,
    Period,
    custom,
    last_days,
    platform_today,
    range_text,
)

EARLIEST_YEARS = 3
"""How far back the date boxes go."""


class PeriodBar(QWidget):
    changed = Signal(object)
    """The new `Period`."""
    compare_changed = Signal(bool)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = platform_today
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PeriodBar")
        self._today = today
        self._period = last_days(DEFAULT_DAYS, today())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.preset_buttons: dict[int, QPushButton] = {}
        for days in PRESETS:
            button = QPushButton(self.tr("{days} days").format(days=days), self)
            button.setObjectName("Segment")
            button.setCheckable(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False, d=days: self.select_preset(d))
            self.preset_buttons[days] = button
            row.addWidget(button)
        row.addSpacing(10)
        self.start_edit = self._date_edit()
        self.end_edit = self._date_edit()
        self.start_edit.setToolTip(
            self.tr("First day (at most {days} days in all)").format(days=MAX_DAYS)
        )
        self.end_edit.setToolTip(self.tr("Last day"))
        row.addWidget(self.start_edit)
        row.addWidget(QLabel("–", self))
        row.addWidget(self.end_edit)
        row.addSpacing(14)
        self.compare_box = QCheckBox(self.tr("Compare with the previous period"), self)
        self.compare_box.setChecked(True)
        self.compare_box.toggled.connect(self.compare_changed)
        row.addWidget(self.compare_box)
        self.previous_label = QLabel(self)
        self.previous_label.setObjectName("Hint")
        row.addWidget(self.previous_label)
        row.addStretch(1)
        self.start_edit.dateChanged.connect(lambda _day: self._on_edited("start"))
        self.end_edit.dateChanged.connect(lambda _day: self._on_edited("end"))
        self.compare_box.toggled.connect(lambda _on: self._show())
        self._show()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy/M/d")
        return edit

    @property
    def period(self) -> Period:
        return self._period

    @property
    def compare(self) -> bool:
        return self.compare_box.isChecked()

    def select_preset(self, days: int) -> None:
        """The last `days` days up to today."""
        self._set(last_days(days, self._today()))

    def set_range(self, start: date, end: date) -> None:
        """A range of one's own (made valid: in order, up to today, at most 366 days)."""
        self._set(custom(start, end, self._today()))

    def follow_today(self) -> bool:
        """A preset moves on with the calendar (the app left open past midnight); True when
        the period changed."""
        preset = self._period.preset
        if preset is None:
            return False
        moved = last_days(preset, self._today())
        if moved == self._period:
            return False
        self._set(moved)
        return True

    def _set(self, period: Period) -> None:
        changed = period != self._period or period.preset != self._period.preset
        self._period = period
        self._show()
        if changed:
            self.changed.emit(period)

    def _on_edited(self, moved: str) -> None:
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        self._set(custom(start, end, self._today(), moved=moved))

    def _show(self) -> None:
        today, period = self._today(), self._period
        for days, button in self.preset_buttons.items():
            button.setChecked(period.preset == days)
        earliest = QDate(today - timedelta(days=365 * EARLIEST_YEARS))
        for edit, day in ((self.start_edit, period.start), (self.end_edit, period.end)):
            edit.blockSignals(True)
            edit.setDateRange(earliest, QDate(today))
            edit.setDate(QDate(day))
            edit.blockSignals(False)
        previous = period.previous()
        self.previous_label.setText(
            self.tr("vs {range}").format(range=range_text(previous, today)) if self.compare else ""
        )
