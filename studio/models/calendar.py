"""The calendar's data: which notes fall on which day, in whose colour, and where pacing is off.

Plain Python decisions (the visible range, bucketing notes into days in each account's time
zone, the per-account palette, pacing warnings) are functions and small dataclasses, testable
without widgets; `CalendarModel` loads the notes off the UI thread and carries out moves.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from publisher.client import ClientError
from publisher.domain.rules import RulesPack
from publisher.schemas import AccountPublic, NotePublic
from studio.messages import message
from studio.ops import Mutation
from studio.quiet_read import quiet_read
from studio.timezones import zone

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

CALENDAR_STATUSES = ("scheduled", "held", "published")
# No red: the app's accent marks today and what needs attention.
PALETTE = (
    "#d946ef",
    "#3b82f6",
    "#22b573",
    "#f59e0b",
    "#8b5cf6",
    "#14b8a6",
    "#b45309",
    "#64748b",
)
_PAGE = 500


class ViewMode(Enum):
    WEEK = "week"
    MONTH = "month"


def account_colour(account_id: uuid.UUID) -> str:
    """An account's preferred colour: fixed by its id, so it holds across runs and views."""
    return PALETTE[_slot(account_id)]


def _slot(account_id: uuid.UUID) -> int:
    return hashlib.sha256(account_id.bytes).digest()[0] % len(PALETTE)


def account_colours(accounts: Iterable[AccountPublic]) -> dict[uuid.UUID, str]:
    """Colours for the visible accounts: each its preferred one, and when an older account
    already holds it, the next free one, so up to len(PALETTE) accounts never share a colour
    and adding an account never recolours the others."""
    taken: set[int] = set()
    colours = {}
    for account in sorted(accounts, key=lambda item: (item.created_at, str(item.id))):
        slot = _slot(account.id)
        free = [i for i in range(len(PALETTE)) if (slot + i) % len(PALETTE) not in taken]
        if free:
            slot = (slot + free[0]) % len(PALETTE)
        taken.add(slot)
        colours[account.id] = PALETTE[slot]
    return colours


def visible_days(mode: ViewMode, anchor: date) -> list[date]:
    """The days a view shows: Monday–Sunday of the anchor's week, or whole weeks covering
    the anchor's month (Chinese calendars start weeks on Monday)."""
    if mode is ViewMode.WEEK:
        start = anchor - timedelta(days=anchor.weekday())
        return [start + timedelta(days=i) for i in range(7)]
    first = anchor.replace(day=1)
    start = first - timedelta(days=first.weekday())
    next_month = (first + timedelta(days=32)).replace(day=1)
    end = next_month + timedelta(days=(7 - next_month.weekday()) % 7)
    return [start + timedelta(days=i) for i in range((end - start).days)]


def step(mode: ViewMode, anchor: date, direction: int) -> date:
    """The anchor one view later (`direction` 1) or earlier (-1)."""
    if mode is ViewMode.WEEK:
        return anchor + timedelta(days=7 * direction)
    first = anchor.replace(day=1)
    if direction > 0:
        return (first + timedelta(days=32)).replace(day=1)
    return (first - timedelta(days=1)).replace(day=1)


@dataclass(frozen=True)
class CalendarEntry:
    """One note placed on the calendar, at its time in its account's zone."""

    note_id: uuid.UUID
    account_id: uuid.UUID
    account_name: str
    title: str
    status: str
    version: int
    at: datetime
    """Aware, in the account's time zone."""
    colour: str
    awaiting_post: bool = False
    """Published by the studio but nobody has confirmed it is live on the platform yet."""
    collaboration: bool = False
    """The deliverable of a brand collaboration."""
    protected_until: datetime | None = None
    """A published collaboration note may not be deleted or archived before this."""

    @property
    def day(self) -> date:
        return self.at.date()

    @property
    def movable(self) -> bool:
        return self.status == "scheduled"


def note_time(note: NotePublic) -> datetime | None:
    """When a note sits on the calendar: its publication once published, else its slot."""
    if note.status == "published":
        return note.published_at or note.scheduled_at
    return note.scheduled_at


def entries_for(
    notes: Iterable[NotePublic], accounts: dict[uuid.UUID, AccountPublic]
) -> list[CalendarEntry]:
    """Calendar entries of the notes that have a time, in each account's zone, by time."""
    colours = account_colours(accounts.values())
    result = []
    for note in notes:
        at = note_time(note)
        if at is None or note.status not in CALENDAR_STATUSES:
            continue
        account = accounts.get(note.account_id)
        local = at.astimezone(zone(account.timezone if account else None))
        result.append(
            CalendarEntry(
                note_id=note.id,
                account_id=note.account_id,
                account_name=account.nickname if account else "",
                title=note.title,
                status=note.status,
                version=note.version,
                at=local,
                colour=colours.get(note.account_id) or account_colour(note.account_id),
                awaiting_post=note.status == "published" and note.posted_at is None,
                collaboration=note.collaboration_id is not None or note.collaboration,
                protected_until=note.protected_until,
            )
        )
    return sorted(result, key=lambda entry: (entry.at, str(entry.note_id)))


def by_day(entries: Iterable[CalendarEntry]) -> dict[date, list[CalendarEntry]]:
    days: dict[date, list[CalendarEntry]] = defaultdict(list)
    for entry in entries:
        days[entry.day].append(entry)
    return dict(days)


@dataclass(frozen=True)
class Pacing:
    """The rules pack's pacing thresholds (warnings only)."""

    max_per_day: int
    min_gap: timedelta

    @classmethod
    def from_rules(cls, rules: RulesPack) -> Pacing:
        return cls(
            max_per_day=int(rules.limit("pacing", "warn_max_per_day")),
            min_gap=timedelta(minutes=float(rules.limit("pacing", "warn_min_gap_minutes"))),
        )


@dataclass(frozen=True)
class PacingWarning:
    """`kind` "too_many" (params count, max) or "too_close" (params minutes, min_minutes)."""

    account_id: uuid.UUID
    account_name: str
    day: date
    kind: str
    params: dict[str, int]


def pacing_warnings(entries: Iterable[CalendarEntry], pacing: Pacing) -> list[PacingWarning]:
    """Per account and day: more notes than advised, and notes closer than the advised gap
    (one warning per day, naming the closest pair)."""
    groups: dict[tuple[uuid.UUID, date], list[CalendarEntry]] = defaultdict(list)
    for entry in entries:
        groups[(entry.account_id, entry.day)].append(entry)
    warnings = []
    ordered = sorted(groups.items(), key=lambda item: (item[0][1], str(item[0][0])))
    for (account_id, day), group in ordered:
        name = group[0].account_name
        if len(group) > pacing.max_per_day:
            params = {"count": len(group), "max": pacing.max_per_day}
            warnings.append(PacingWarning(account_id, name, day, "too_many", params))
        times = sorted(entry.at for entry in group)
        gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
        if gaps and min(gaps) < pacing.min_gap:
            params = {
                "minutes": int(min(gaps).total_seconds() // 60),
                "min_minutes": int(pacing.min_gap.total_seconds() // 60),
            }
            warnings.append(PacingWarning(account_id, name, day, "too_close", params))
    return warnings


SNAP_MINUTES = 15
CHIP_MINUTES = 45
"""How long a note's chip stands on the week's time axis: closer notes share the row."""


def minutes_of_day(at: datetime) -> int:
    return at.hour * 60 + at.minute


def snapped_time(minutes: float) -> time:
    """The time of day `minutes` after midnight, to the nearest `SNAP_MINUTES`, within the day."""
    snapped = round(minutes / SNAP_MINUTES) * SNAP_MINUTES
    snapped = max(0, min(snapped, 24 * 60 - SNAP_MINUTES))
    return time(snapped // 60, snapped % 60)


def lanes(entries: Iterable[CalendarEntry]) -> list[tuple[CalendarEntry, int, int]]:
    """Each entry with its lane and the number of lanes of its cluster: notes within
    `CHIP_MINUTES` of each other stand side by side instead of on top of one another."""
    placed: list[tuple[CalendarEntry, int, int]] = []
    cluster: list[tuple[CalendarEntry, int]] = []
    lane_ends: list[int] = []
    cluster_end = -1

    def close_cluster() -> None:
        placed.extend((entry, lane, len(lane_ends)) for entry, lane in cluster)

    for entry in sorted(entries, key=lambda item: (item.at, str(item.note_id))):
        start = minutes_of_day(entry.at)
        if cluster and start >= cluster_end:
            close_cluster()
            cluster, lane_ends = [], []
        lane = next((i for i, end in enumerate(lane_ends) if end <= start), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(0)
        lane_ends[lane] = start + CHIP_MINUTES
        cluster.append((entry, lane))
        cluster_end = max(cluster_end if len(cluster) > 1 else 0, start + CHIP_MINUTES)
    close_cluster()
    return placed


def moved_time(entry: CalendarEntry, day: date, at: time | None = None) -> datetime:
    """The entry's new slot on `day` (keeping its time of day unless `at` is given), in its
    account's zone."""
    clock = at or entry.at.timetz().replace(tzinfo=None)
    return datetime.combine(day, clock, tzinfo=entry.at.tzinfo)


def refusal_text(error: ClientError) -> str:
    """Why the server refused a move: its blocking rules when it names them, else its code."""
    blocking = [
        violation
        for violation in getattr(error, "violations", [])
        if isinstance(violation, dict) and violation.get("level") == "block"
    ]
    if not blocking:
        return message(error.code, error.params)
    return "\n".join(message(item["code"], item.get("params") or {}) for item in blocking)


def _load(
    client: StudioClient, account_id: uuid.UUID | None
) -> tuple[list[AccountPublic], list[NotePublic]]:
    """Every account (the palette covers them all, so a colour holds whichever one is shown)
    and the calendar notes of `account_id`, or of all accounts."""
    accounts = client.list_accounts()
    notes: list[NotePublic] = []
    for status in CALENDAR_STATUSES:
        offset = 0
        while True:
            page = client.list_notes(
                account_id=account_id, status=status, offset=offset, limit=_PAGE
            )
            notes.extend(page.items)
            offset += len(page.items)
            if not page.items or offset >= page.total:
                break
    return accounts, notes


class CalendarModel(QObject):
    """Every calendar note the user can see; `reload()` fetches, `move()` reschedules.

    `changed` fires after each load and after a local move; `refused(text)` carries the
    translated reason a move was refused, after the entry snapped back to where it was.
    """

    changed = Signal()
    refused = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.pacing = Pacing.from_rules(ctx.rules)
        self.accounts: dict[uuid.UUID, AccountPublic] = {}
        self.account_id: uuid.UUID | None = None
        """The one account shown; None: all of them."""
        self.entries: list[CalendarEntry] = []
        self.loaded = False
        self._generation = 0
        ctx.events.changed.connect(self._on_changed)

    def set_account(self, account_id: str | None) -> None:
        """Show one account's notes (None: every account's), from the next reload on."""
        self.account_id = uuid.UUID(account_id) if account_id else None

    def shown_accounts(self) -> list[AccountPublic]:
        """The accounts the calendar shows, by nickname: its legend."""
        shown = [a for a in self.accounts.values() if self.account_id in (None, a.id)]
        return sorted(shown, key=lambda account: account.nickname)

    def reload(self) -> None:
        """Fetch again; an answer overtaken by a newer reload is dropped."""
        self._generation += 1
        generation = self._generation
        account_id = self.account_id
        quiet_read(
            self._ctx,
            self,
            lambda client: _load(client, account_id),
            lambda result: self._on_loaded(generation, result),
        )

    def entry(self, note_id: uuid.UUID) -> CalendarEntry | None:
        return next((entry for entry in self.entries if entry.note_id == note_id), None)

    def days(self) -> dict[date, list[CalendarEntry]]:
        return by_day(self.entries)

    def awaiting_post(self) -> list[CalendarEntry]:
        """Published notes still to be posted by hand, the oldest first."""
        return [entry for entry in self.entries if entry.awaiting_post]

    def warnings(self) -> list[PacingWarning]:
        return pacing_warnings(self.entries, self.pacing)

    def move(self, note_id: uuid.UUID, day: date, at: time | None = None) -> bool:
        """Reschedule a scheduled note to `day` (and `at`); shown at once, undone if the
        server refuses. False when the note cannot move (not scheduled, same slot)."""
        entry = self.entry(note_id)
        if entry is None or not entry.movable:
            return False
        target = moved_time(entry, day, at)
        if target == entry.at:
            return False
        self._replace(replace(entry, at=target))
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: client.reschedule_note(note_id, at=target, version=entry.version),
        ).success(self._on_moved).failure(lambda error: self._on_refused(entry, error)).run()
        return True

    def _replace(self, entry: CalendarEntry) -> None:
        others = [old for old in self.entries if old.note_id != entry.note_id]
        self.entries = sorted([*others, entry], key=lambda item: (item.at, str(item.note_id)))
        self.changed.emit()

    def _on_loaded(
        self, generation: int, result: tuple[list[AccountPublic], list[NotePublic]]
    ) -> None:
        if generation != self._generation:
            return
        accounts, notes = result
        self.accounts = {account.id: account for account in accounts}
        self.entries = entries_for(notes, self.accounts)
        self.loaded = True
        self.changed.emit()

    def _on_moved(self, note: NotePublic) -> None:
        for entry in entries_for([note], self.accounts):
            self._replace(entry)

    def _on_refused(self, original: CalendarEntry, error: BaseException) -> None:
        self._replace(original)
        if isinstance(error, ClientError):
            self.refused.emit(refusal_text(error))
        self.reload()

    def _on_changed(self, changes: object, initiator: object) -> None:
        if self.loaded and initiator is not self and getattr(changes, "notes", False):
            self.reload()
