"""The Calendar page: every scheduled, held and published note of every visible account.

Week (on a 24-hour axis) or month, previous/next/today; each account in its own colour; a click
opens the note in Create, a drag reschedules it — in the week to the day and time it is dropped
on, in the month to the day at the same time (the model asks the server and snaps back on
refusal); pacing warnings and the notes still to post by hand sit beside the grid.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.connection import BackendState
from studio.models.calendar import (
    CalendarModel,
    PacingWarning,
    ViewMode,
    account_colours,
    step,
    visible_days,
)
from studio.timezones import DEFAULT_TIMEZONE, zone
from studio.widgets.calendar_grid import AWAITING_POST_GLYPH, GATE, CalendarChip, CalendarGrid
from studio.widgets.week_timeline import WeekTimeline

if TYPE_CHECKING:
    from studio.context import AppContext

WEEKDAYS = (
    QT_TRANSLATE_NOOP("CalendarPage", "Mon"),
    QT_TRANSLATE_NOOP("CalendarPage", "Tue"),
    QT_TRANSLATE_NOOP("CalendarPage", "Wed"),
    QT_TRANSLATE_NOOP("CalendarPage", "Thu"),
    QT_TRANSLATE_NOOP("CalendarPage", "Fri"),
    QT_TRANSLATE_NOOP("CalendarPage", "Sat"),
    QT_TRANSLATE_NOOP("CalendarPage", "Sun"),
)
SIDE_STYLE = """
#CalendarSide QLabel { font-size: 12px; }
#CalendarWarning { background: #FFF6E5; border-radius: 8px; padding: 8px 10px; color: #8A5A00; }
#CalendarLegendDot { border-radius: 5px; min-width: 10px; max-width: 10px;
    min-height: 10px; max-height: 10px; }
QPushButton#CalendarAwaiting { text-align: left; border: none; border-radius: 8px;
    background: #FFF0F2; color: #C4132F; padding: 6px 10px; }
QPushButton#CalendarAwaiting:hover { background: #FFE1E6; }
QPushButton#CalendarToggle { border-radius: 14px; padding: 5px 14px; }
QPushButton#CalendarToggle:checked { background: #FFF0F2; color: #FF2442; border-color: #FF2442;
    font-weight: 600; }
"""


_AWAITING_SHOWN = 5


class CalendarPage(QWidget):
    """Emits `open_requested(note_id)` when a note is clicked, `package_requested(note_id)`
    when a published note's publish package is asked for, `public_page_requested(note_id)`
    for its public page."""

    open_requested = Signal(str)
    package_requested = Signal(str)
    public_page_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        self.setStyleSheet(SIDE_STYLE)
        self._ctx = ctx
        self.model = CalendarModel(ctx, self)
        self.mode = ViewMode.WEEK
        self.anchor = self._today()

        title = QLabel(self.tr("Calendar"), self)
        title.setObjectName("PageTitle")
        self.range_label = QLabel(self)
        self.range_label.setObjectName("PageSubtitle")
        self.today_button = QPushButton(self.tr("Today"), self)
        self.previous_button = QPushButton("‹", self)
        self.previous_button.setToolTip(self.tr("Previous"))
        self.next_button = QPushButton("›", self)
        self.next_button.setToolTip(self.tr("Next"))
        self.week_button = QPushButton(self.tr("Week"), self)
        self.month_button = QPushButton(self.tr("Month"), self)
        toggle = QButtonGroup(self)
        for button in (self.week_button, self.month_button):
            button.setObjectName("CalendarToggle")
            button.setCheckable(True)
            toggle.addButton(button)
        self.week_button.setChecked(True)

        header = QHBoxLayout()
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(title)
        heading.addWidget(self.range_label)
        header.addLayout(heading)
        header.addStretch(1)
        for button in (self.today_button, self.previous_button, self.next_button):
            header.addWidget(button)
        header.addSpacing(16)
        header.addWidget(self.week_button)
        header.addWidget(self.month_button)

        weekdays = [QCoreApplication.translate("CalendarPage", day) for day in WEEKDAYS]
        self.grid = CalendarGrid(weekdays, self)
        self.timeline = WeekTimeline(weekdays, self)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.timeline)
        self.views.addWidget(self.grid)
        self.side = QFrame(self)
        self.side.setObjectName("CalendarSide")
        self.side.setFixedWidth(230)
        self._side_layout = QVBoxLayout(self.side)
        self._side_layout.setContentsMargins(0, 24, 0, 0)
        self._side_layout.setSpacing(8)
        self.zone_label = QLabel(self.tr("Times in each account's time zone"), self.side)
        self.zone_label.setObjectName("Hint")
        self.zone_label.setWordWrap(True)
        self.warning_labels: list[QLabel] = []
        self._side_widgets: list[QWidget] = []
        self._side_content = QVBoxLayout()
        self._side_content.setSpacing(8)
        self._side_layout.addLayout(self._side_content)
        self._side_layout.addWidget(self.zone_label)
        self._side_layout.addStretch(1)

        body = QHBoxLayout()
        body.setSpacing(18)
        body.addWidget(self.views, 1)
        body.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addLayout(header)
        layout.addLayout(body, 1)

        self.today_button.clicked.connect(self.go_today)
        self.previous_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.week_button.clicked.connect(lambda: self.set_mode(ViewMode.WEEK))
        self.month_button.clicked.connect(lambda: self.set_mode(ViewMode.MONTH))
        for view in (self.grid, self.timeline):
            view.note_clicked.connect(self.open_requested)
            view.package_requested.connect(self.package_requested)
            view.public_page_requested.connect(self.public_page_requested)
            view.note_dropped.connect(self._on_dropped)
        self.model.changed.connect(self.refresh)
        self._refresh_pending = False
        GATE.idle.connect(self._refresh_if_pending)
        self.model.refused.connect(self._ctx.notifier.error)
        ctx.connection.state_changed.connect(lambda _state: self._reload_if_readable())
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Load when first shown (not at start-up, where other pages read first)."""
        super().showEvent(event)
        self._reload_if_readable()

    # -- navigation ------------------------------------------------------------------------

    def set_mode(self, mode: ViewMode) -> None:
        self.mode = mode
        self.week_button.setChecked(mode is ViewMode.WEEK)
        self.month_button.setChecked(mode is ViewMode.MONTH)
        self.refresh()

    def go(self, direction: int) -> None:
        self.anchor = step(self.mode, self.anchor, direction)
        self.refresh()

    def go_today(self) -> None:
        self.anchor = self._today()
        self.refresh()

    def show_date(self, day: date) -> None:
        self.anchor = day
        self.refresh()

    # -- drawing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if GATE.busy:
            # A chip's menu or drag is running: rebuild once it is over (see InteractionGate).
            self._refresh_pending = True
            return
        self._refresh_pending = False
        days = visible_days(self.mode, self.anchor)
        if self.mode is ViewMode.WEEK:
            now = datetime.now(zone(DEFAULT_TIMEZONE))
            self.timeline.show_days(days, self.model.days(), today=now.date(), now=now)
            self.views.setCurrentWidget(self.timeline)
        else:
            self.grid.show_days(
                days,
                self.model.days(),
                mode=self.mode.value,
                month=self.anchor.month,
                today=self._today(),
            )
            self.views.setCurrentWidget(self.grid)
        self.range_label.setText(self._range_text(days))
        self._show_side(set(days))

    def _range_text(self, days: list[date]) -> str:
        if self.mode is ViewMode.MONTH:
            return self.tr("{year}-{month:02d}").format(
                year=self.anchor.year, month=self.anchor.month
            )
        return self.tr("{start} – {end}").format(
            start=days[0].strftime("%Y-%m-%d"), end=days[-1].strftime("%m-%d")
        )

    def _show_side(self, days: set[date]) -> None:
        for widget in self._side_widgets:
            self._side_content.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._side_widgets = []
        self.warning_labels = []
        self.awaiting_buttons: list[QPushButton] = []
        self._show_awaiting_post()
        colours = account_colours(self.model.accounts.values())
        self._add_side(self._section(self.tr("Accounts")))
        for account in self.model.shown_accounts():
            self._add_side(self._legend_row(colours[account.id], account.nickname))
        warnings = [item for item in self.model.warnings() if item.day in days]
        self._add_side(self._section(self.tr("Pacing")))
        if not warnings:
            calm = QLabel(self.tr("No pacing issues in this view."), self.side)
            calm.setObjectName("Hint")
            calm.setWordWrap(True)
            self._add_side(calm)
        for warning in warnings:
            label = QLabel(self._warning_text(warning), self.side)
            label.setObjectName("CalendarWarning")
            label.setWordWrap(True)
            self.warning_labels.append(label)
            self._add_side(label)

    def _show_awaiting_post(self) -> None:
        """Published notes nobody has posted yet, whatever the view shows: each a link to its
        publish package."""
        awaiting = self.model.awaiting_post()
        if not awaiting:
            return
        self._add_side(self._section(self.tr("To post by hand")))
        for entry in awaiting[:_AWAITING_SHOWN]:
            title = entry.title or self.tr("(untitled)")
            button = QPushButton(self.side)
            button.setObjectName("CalendarAwaiting")
            text = f"{AWAITING_POST_GLYPH}{title}"
            width = self.side.width() - 24
            button.setText(
                button.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
            )
            button.setToolTip(
                self.tr("{account} · published {time} · open its publish package").format(
                    account=entry.account_name, time=entry.at.strftime("%m-%d %H:%M")
                )
            )
            button.clicked.connect(
                lambda _checked=False, note_id=str(entry.note_id): self.package_requested.emit(
                    note_id
                )
            )
            self.awaiting_buttons.append(button)
            self._add_side(button)
        if len(awaiting) > _AWAITING_SHOWN:
            more = QLabel(
                self.tr("+{count} more").format(count=len(awaiting) - _AWAITING_SHOWN), self.side
            )
            more.setObjectName("Hint")
            self._add_side(more)

    def _add_side(self, widget: QWidget) -> None:
        self._side_content.addWidget(widget)
        self._side_widgets.append(widget)

    def _section(self, text: str) -> QLabel:
        label = QLabel(text, self.side)
        label.setObjectName("CardTitle")
        return label

    def _legend_row(self, colour: str, name: str) -> QWidget:
        row = QWidget(self.side)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        dot = QLabel(row)
        dot.setObjectName("CalendarLegendDot")
        dot.setStyleSheet(f"background: {colour};")
        layout.addWidget(dot)
        layout.addWidget(QLabel(name, row), 1)
        return row

    def _warning_text(self, warning: PacingWarning) -> str:
        day = warning.day.strftime("%m-%d")
        if warning.kind == "too_many":
            return self.tr(
                "{account}, {day}: {count} notes in one day; at most {max} a day is advised."
            ).format(account=warning.account_name, day=day, **warning.params)
        return self.tr(
            "{account}, {day}: notes only {minutes} min apart; leave at least {min_minutes} min."
        ).format(account=warning.account_name, day=day, **warning.params)

    # -- intent ----------------------------------------------------------------------------

    def chips_on(self, day: date) -> list[CalendarChip]:
        """The chips the current view shows on `day`."""
        if self.mode is ViewMode.WEEK:
            return self.timeline.chips_on(day)
        cell = self.grid.cells.get(day)
        return cell.chips if cell else []

    def _on_dropped(self, note_id: str, day: date, at: time | None = None) -> None:
        entry = next((item for item in self.model.entries if str(item.note_id) == note_id), None)
        if entry is None:
            return
        if not entry.movable:
            self._ctx.notifier.info(self.tr("Only scheduled notes can be moved."))
            return
        self.model.move(entry.note_id, day, at)

    def show_account(self, account_id: str | None) -> None:
        """One account's notes (None: every account's, each in its colour)."""
        self.model.set_account(account_id)
        self._reload_if_readable()

    def _refresh_if_pending(self) -> None:
        if self._refresh_pending:
            self.refresh()

    def _reload_if_readable(self) -> None:
        """Connected, or offline from a team server, whose notes the app's offline copy
        still answers with (as last seen)."""
        state = self._ctx.connection.state
        if self.isVisible() and state in (BackendState.CONNECTED, BackendState.OFFLINE):
            self.model.reload()

    @staticmethod
    def _today() -> date:
        return datetime.now(zone(DEFAULT_TIMEZONE)).date()
