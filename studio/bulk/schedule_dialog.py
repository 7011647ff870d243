"""Schedule many notes across accounts: the spacing rules, a live preview of the time each note
gets on its account's clock, then what the backend did with each one.

The preview runs `publisher.domain.spacing.plan_slots` — the function the backend schedules
with — on every change of a rule, over the posts the accounts already have (loaded once when
the dialog opens). Scheduling sends the plan's rules to the backend, which plans again and
schedules note by note through its usual checks; the results show each note's time or why it
was refused.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from publisher.bulk_schemas import BulkSchedulePublic, SpacingRulesIn
from publisher.client import StudioClient
from publisher.domain.spacing import Occupied, Period, SpacingError, SpacingPlan, SpacingRules
from publisher.near_duplicate_schemas import NoteNearDuplicatesPublic
from publisher.schemas import NotePublic
from studio.bulk.bulk_dialog import BulkDialog
from studio.bulk.duplicate_check import warning_html, warning_label
from studio.bulk.labels import account_time, note_title, refusal
from studio.bulk.rows_table import TableRow
from studio.bulk.schedule_plan import (
    SCHEDULABLE,
    note_refs,
    occupied_posts,
    period_of,
    planned_notes,
    preview,
    schedulable,
)
from studio.messages import message, reason_of
from studio.models.accounts import AccountsListModel
from studio.ops import Query
from studio.tasks import Lane
from studio.widgets.card import card

if TYPE_CHECKING:
    from studio.context import AppContext

_PAGE = 500
DEFAULT_DAYS = 7
_OFFSET_MINUTES = SpacingRules().max_offset_minutes
_OCCUPYING_STATUSES = ("scheduled", "held", "published")
_NO_SPIN_BUTTONS = (
    "QDoubleSpinBox::up-button, QDoubleSpinBox::down-button { width: 0; border: none; }"
)


def calendar_posts(client: StudioClient) -> list[NotePublic]:
    """Every scheduled or held note the user sees, and the latest published ones (a post
    published today still counts towards today)."""
    posts: list[NotePublic] = []
    for status in _OCCUPYING_STATUSES:
        offset = 0
        while True:
            page = client.list_notes(status=status, offset=offset, limit=_PAGE)
            posts.extend(page.items)
            offset += len(page.items)
            if status == "published" or not page.items or offset >= page.total:
                break
    return posts


class BulkScheduleDialog(BulkDialog):
    """Opened on the selected notes; `result_page` is set once the backend answered."""

    def __init__(
        self,
        ctx: AppContext,
        accounts: AccountsListModel,
        notes: list[NotePublic],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._accounts = accounts
        self.notes = schedulable(notes)
        self.refused = [note for note in notes if note.status not in SCHEDULABLE]
        self.occupied: list[Occupied] | None = None
        self.plan: SpacingPlan | None = None
        self.result_page: BulkSchedulePublic | None = None
        self.setWindowTitle(self.tr("Schedule across accounts"))
        self.heading.setText(
            self.tr("Schedule across accounts — notes: {notes}, accounts: {accounts}").format(
                notes=len(self.notes), accounts=len({note.account_id for note in self.notes})
            )
        )
        self.resize(880, 720)
        self._build_rules()
        self.checks_box = QWidget(self)
        """Where checks of the batch go before scheduling (the near-duplicate warning): add
        them with `add_check`."""
        self.checks_layout = QVBoxLayout(self.checks_box)
        self.checks_layout.setContentsMargins(0, 0, 0, 0)
        self.checks_box.hide()
        self.body.addWidget(self.checks_box)
        self.action_button.setEnabled(False)
        self.action_button.clicked.connect(self.start_scheduling)
        self.duplicates: list[NoteNearDuplicatesPublic] | None = None
        """The batch's near-duplicate check, once answered."""
        self._load_calendar()
        self._check_duplicates()

    def _build_rules(self) -> None:
        rules_card, rules_layout = card(self, spacing=8)
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        tomorrow = QDate.currentDate().addDays(1)
        self.first_day = self.form_widget(QDateEdit(tomorrow, rules_card))
        self.last_day = self.form_widget(QDateEdit(tomorrow.addDays(DEFAULT_DAYS - 1), rules_card))
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _day: self.refresh_preview())
        form.addRow(self.tr("Days (Beijing time)"), _pair(self.first_day, self.last_day))
        defaults = SpacingRules()
        self.gap_hours = self._number(0, 24, defaults.min_gap_minutes / 60, decimals=1)
        self.gap_hours.setSingleStep(0.5)
        form.addRow(
            self.tr("At least, between two posts of an account"),
            _with_unit(self.gap_hours, self.tr("hours")),
        )
        self.per_day = self._number(1, 24, defaults.max_per_day)
        form.addRow(
            self.tr("At most, posts per account a day"),
            _with_unit(self.per_day, self.tr("posts")),
        )
        self.hours_from = self.form_widget(QTimeEdit(_qtime(defaults.window_start), rules_card))
        self.hours_to = self.form_widget(QTimeEdit(_qtime(defaults.window_end), rules_card))
        for edit in (self.hours_from, self.hours_to):
            edit.setDisplayFormat("HH:mm")
            edit.timeChanged.connect(lambda _time: self.refresh_preview())
        hours = _pair(self.hours_from, self.hours_to)
        hours.insertWidget(3, QLabel(self.tr("on each account's own clock"), rules_card))
        form.addRow(self.tr("Posting hours"), hours)
        self.vary_minutes = self.form_widget(
            QCheckBox(
                self.tr("Vary the minutes a little, so the times do not look automated"),
                rules_card,
            )
        )
        self.vary_minutes.setChecked(True)
        self.vary_minutes.toggled.connect(lambda _on: self.refresh_preview())
        form.addRow("", self.vary_minutes)
        rules_layout.addLayout(form)
        self.body.addWidget(rules_card)

    def _number(
        self, low: float, high: float, value: float, *, decimals: int = 0
    ) -> QDoubleSpinBox:
        """A number typed, wheeled or stepped with the arrow keys (no spin buttons, like the
        app's time fields), which plans again as it changes."""
        field = self.form_widget(QDoubleSpinBox(self))
        field.setRange(low, high)
        field.setDecimals(decimals)
        field.setValue(value)
        field.setStyleSheet(_NO_SPIN_BUTTONS)
        field.setFixedWidth(90)
        field.valueChanged.connect(lambda _value: self.refresh_preview())
        return field

    def add_check(self, widget: QWidget) -> None:
        """Show a check of the batch (a warning) above the preview."""
        self.checks_layout.addWidget(widget)
        self.checks_box.show()

    def _check_duplicates(self) -> None:
        """A check that cannot run says nothing: it protects reach, it never blocks work."""
        note_ids = [note.id for note in self.notes]
        if not note_ids:
            return
        Query(self._ctx, parent=self, op=lambda client: client.near_duplicates(note_ids)).success(
            self._on_duplicates
        ).failure(lambda _error: None).run()

    def _on_duplicates(self, results: list[NoteNearDuplicatesPublic]) -> None:
        self.duplicates = results
        text = warning_html(results, self.notes, self._nickname)
        if text:
            self.add_check(warning_label(text, self.checks_box))

    # -- the preview -----------------------------------------------------------------------

    def _load_calendar(self) -> None:
        self.summary.setText(self.tr("Reading the accounts' calendars…"))
        Query(self._ctx, parent=self, op=calendar_posts).success(self._on_calendar).failure(
            lambda error: self.error_label.setText(reason_of(error))
        ).run()

    def _on_calendar(self, posts: list[NotePublic]) -> None:
        self.occupied = occupied_posts(posts, self.notes)
        self.refresh_preview()

    def rules(self) -> SpacingRules:
        """The rules as the form says them.

        Raises:
            SpacingError: posting hours that end before they start.
        """
        return SpacingRules(
            min_gap_minutes=round(self.gap_hours.value() * 60),
            max_per_day=round(self.per_day.value()),
            window_start=self.hours_from.time().toPython(),
            window_end=self.hours_to.time().toPython(),
            max_offset_minutes=_OFFSET_MINUTES if self.vary_minutes.isChecked() else 0,
        )

    def period(self) -> Period:
        """The form's days.

        Raises:
            SpacingError: the last day before the first.
        """
        first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
        if last < first:
            raise SpacingError("spacing.days_reversed")
        return period_of(first, last)

    def refresh_preview(self) -> None:
        """Plan again with the form's rules and show each note's time."""
        if self.occupied is None or self.result_page is not None:
            return
        self.error_label.clear()
        try:
            rules, period = self.rules(), self.period()
        except SpacingError as error:
            self.plan = None
            self.error_label.setText(message(error.code, error.params))
            self.action_button.setEnabled(False)
            return
        planned = planned_notes(self.notes, self._accounts.timezone)
        now = datetime.now(UTC)
        self.plan = preview(planned, period, rules, self.occupied, self._ctx.rules, now)
        self._show_plan(self.plan)

    def _show_plan(self, plan: SpacingPlan) -> None:
        by_id = {str(note.id): note for note in self.notes}
        rows = [
            self._row(by_id[slot.note_id], self._time(slot.at, slot.account_id))
            for slot in sorted(plan.slots, key=lambda s: (self._nickname(s.account_id), s.at))
        ]
        rows += [
            self._row(by_id[note.note_id], message("spacing.no_room"), failed=True)
            for note in plan.unplaced
        ]
        self.table.show_rows(
            [self.tr("Account"), self.tr("Note"), self.tr("Time")],
            rows + self._refused_rows(),
            widths=(170, 300),
        )
        placed = len(plan.slots)
        text = self.tr("Notes with a time: {placed} of {total}.").format(
            placed=placed, total=len(self.notes)
        )
        if plan.unplaced:
            text += " " + self.tr(
                "Without room: {count}. Take more days, allow more posts a day or a shorter gap."
            ).format(count=len(plan.unplaced))
        self.summary.setText(text)
        self.action_button.setText(self.tr("Schedule ({count})").format(count=placed))
        self.action_button.setEnabled(placed > 0)

    def _row(self, note: NotePublic, text: str, *, failed: bool = False) -> TableRow:
        return TableRow([self._nickname(str(note.account_id)), note_title(note), text], failed)

    def _time(self, moment: datetime, account_id: str) -> str:
        return account_time(moment, self._accounts.timezone(account_id))

    def _refused_rows(self) -> list[TableRow]:
        """Selected notes no schedule takes (published, archived), said once at the end."""
        return [
            self._row(note, refusal("note.not_schedulable", {"status": note.status}), failed=True)
            for note in self.refused
        ]

    def _nickname(self, account_id: str) -> str:
        return self._accounts.nickname(account_id)

    # -- scheduling ------------------------------------------------------------------------

    def start_scheduling(self) -> None:
        period = self.period()
        rules = SpacingRulesIn.from_domain(self.rules())
        refs, connection = note_refs(self.notes), self._ctx.connection
        self.summary.setText(self.tr("Scheduling…"))
        self.run_job(
            Lane.WRITE,
            lambda _progress: connection.client().schedule_in_bulk(
                refs, start=period.start, end=period.end, rules=rules
            )[0],
            self._show_results,
        )

    def _show_results(self, answer: BulkSchedulePublic) -> None:
        self.result_page = answer
        by_id = {note.id: note for note in self.notes}
        rows = []
        for item in answer.items:
            note = by_id[item.note_id]
            if item.outcome == "scheduled" and item.at is not None:
                text = self.tr("Scheduled for {time}").format(
                    time=self._time(item.at, str(note.account_id))
                )
            elif item.error is not None:
                violations = [v.model_dump() for v in item.error.violations or ()]
                text = refusal(item.error.code, item.error.params, violations)
            else:
                text = ""
            rows.append(self._row(note, text, failed=item.outcome != "scheduled"))
        self.table.show_rows(
            [self.tr("Account"), self.tr("Note"), self.tr("Result")],
            rows + self._refused_rows(),
            widths=(170, 300),
        )
        done = sum(1 for item in answer.items if item.outcome == "scheduled")
        self.show_done_summary(
            self.tr("Scheduled: {done}. Not scheduled: {failed}.").format(
                done=done, failed=len(answer.items) - done + len(self.refused)
            )
        )


def _with_unit(field: QWidget, unit: str) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(field)
    row.addWidget(QLabel(unit, field.parentWidget()))
    row.addStretch(1)
    return row


def _pair(first: QWidget, second: QWidget) -> QHBoxLayout:
    """Two controls as a range: `first – second`."""
    row = QHBoxLayout()
    row.addWidget(first)
    row.addWidget(QLabel("–", first.parentWidget()))
    row.addWidget(second)
    row.addStretch(1)
    return row


def _qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute)
