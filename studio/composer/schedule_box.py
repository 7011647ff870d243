"""Scheduling: pick a date and time in the account's time zone, see the allowed window,
Schedule or Unschedule, and read when the note is scheduled for."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.rules import RulesPack
from studio.composer.hint import HintLabel
from studio.composer.schedule_time import (
    default_plan,
    local_parts,
    planned_iso,
    window_text_parts,
)
from studio.timezones import zone


class ScheduleBox(QWidget):
    planned_changed = Signal(str)
    """The picked time, aware ISO."""
    schedule_requested = Signal()
    unschedule_requested = Signal()

    def __init__(self, rules: RulesPack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rules = rules
        self._timezone: str | None = None
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.time_edit = QTimeEdit(self)
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setMinimumWidth(76)
        self.time_edit.setToolTip(self.tr("Type the time, or scroll over the hour or minute"))
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("Hint")
        self.window_label = QLabel(self)
        self.window_label.setObjectName("Hint")
        self.window_label.setWordWrap(True)
        self.state_label = HintLabel(self)
        self.state_label.setObjectName("ScheduleState")
        self.schedule_button = QPushButton(self.tr("Schedule"), self)
        self.unschedule_button = QPushButton(self.tr("Unschedule"), self)
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.date_edit, 1)
        pick_row.addWidget(self.time_edit)
        pick_row.addWidget(self.zone_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.schedule_button, 1)
        buttons.addWidget(self.unschedule_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(pick_row)
        layout.addWidget(self.window_label)
        layout.addLayout(buttons)
        layout.addWidget(self.state_label)
        self.date_edit.dateChanged.connect(self._emit_planned)
        self.time_edit.timeChanged.connect(self._emit_planned)
        self.schedule_button.clicked.connect(self.schedule_requested)
        self.unschedule_button.clicked.connect(self.unschedule_requested)

    def show_plan(self, planned: str | None, timezone: str | None) -> None:
        """The draft's planned time (or tomorrow 20:00) in the account's zone."""
        self._timezone = timezone
        day, clock = (
            local_parts(planned, timezone) if planned else default_plan(datetime.now(UTC), timezone)
        )
        for widget in (self.date_edit, self.time_edit):
            widget.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.time_edit.setTime(QTime(clock.hour, clock.minute))
        for widget in (self.date_edit, self.time_edit):
            widget.blockSignals(False)
        self.zone_label.setText(self._zone_name())
        earliest, latest = window_text_parts(self._rules, datetime.now(UTC), timezone)
        self.window_label.setText(
            self.tr("Allowed: {earliest} to {latest}").format(earliest=earliest, latest=latest)
        )

    def show_status(self, status: str, scheduled_at: datetime | None, blocked: str) -> None:
        """Scheduled or not, and why scheduling is not possible now (empty when it is)."""
        scheduled = status == "scheduled" and scheduled_at is not None
        self.unschedule_button.setVisible(scheduled)
        self.schedule_button.setText(self.tr("Reschedule") if scheduled else self.tr("Schedule"))
        self.schedule_button.setEnabled(status in ("draft", "scheduled") and not blocked)
        self.schedule_button.setToolTip(blocked)
        if scheduled and scheduled_at is not None:
            local = scheduled_at.astimezone(zone(self._timezone)).strftime("%Y-%m-%d %H:%M")
            self.state_label.setText(
                self.tr("Scheduled for {time} ({zone})").format(time=local, zone=self._zone_name())
            )
        else:
            self.state_label.setText(blocked)

    def _zone_name(self) -> str:
        name = str(zone(self._timezone))
        return self.tr("Beijing time") if name == "Asia/Shanghai" else name

    def planned(self) -> str:
        """The picked date and time in the account's zone, as an aware ISO time."""
        day, clock = self.date_edit.date().toPython(), self.time_edit.time().toPython()
        return planned_iso(day, clock, self._timezone)

    def _emit_planned(self) -> None:
        self.planned_changed.emit(self.planned())
