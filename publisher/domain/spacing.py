"""Spacing a batch of notes across accounts: one time for each note, as a careful person would
plan a week by hand.

The rules are a planner's, not the platform's (the platform only bounds the schedule window):
two posts of one account at least `min_gap_minutes` apart, at most `max_per_day` a day, inside
the account's posting hours on its own wall clock, and never on a round minute, since a
feed of posts at exactly 10:00, 14:00, 18:00 looks automated. Posts the accounts already have
(scheduled or published) occupy their slots and count towards their day.

Each account is planned on its own calendar:

1. How many of its notes fit at all, by packing them as late as possible from the end of the
   period (for "at least g apart, at most c a day" the packing that places each point at the
   latest free minute places the most). The notes that do not fit are the last ones in the
   order given, and are reported — never squeezed in against the rules.
2. Those that fit are spread evenly over the account's posting hours (the days still open,
   joined end to end), each one at the first free minute from its target. The late packing
   is a ceiling: note i never goes after where the packing put it, which keeps room for
   every note after it, so spreading never loses a note that packing could place.

Accounts are interleaved: each account's targets are shifted by its share of the spacing, so
twenty accounts do not all post at 08:05 but one after another through the day.

Pure: no clock, no database. Times are aware datetimes; the plan's are UTC, whole minutes.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from publisher.domain.checks import schedule_window
from publisher.domain.rules import RulesPack
from publisher.domain.timezones import DEFAULT_TIMEZONE, zone

SCHEDULE_MARGIN = timedelta(minutes=10)
"""Kept clear after the platform's earliest schedule time, so a slot computed now is still
allowed when the last note of a long batch is scheduled."""
_MINUTE = 60
_GRID = 10
"""Targets fall on ten-minute marks before a note's offset, so the offset alone decides the
last digit: never 0 or 5."""


class SpacingError(ValueError):
    """Rules or a period that cannot plan anything; `code` and `params` say why."""

    def __init__(self, code: str, params: dict | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.params = params or {}


@dataclass(frozen=True)
class SpacingRules:
    """How a batch is spaced; the defaults are what MCN operation guides advise."""

    min_gap_minutes: int = 240
    max_per_day: int = 2
    window_start: time = time(8, 0)
    """Posting hours on the account's wall clock: from `window_start` …"""
    window_end: time = time(22, 0)
    """… to just before `window_end`."""
    max_offset_minutes: int = 9
    """Each note is moved by 1 … this many minutes (fixed per note), so no time is round;
    0 turns it off."""

    def __post_init__(self) -> None:
        if self.min_gap_minutes < 0 or self.max_offset_minutes < 0:
            raise SpacingError("spacing.negative")
        if self.max_per_day < 1:
            raise SpacingError("spacing.max_per_day", {"value": self.max_per_day})
        if _clock(self.window_end) <= _clock(self.window_start):
            raise SpacingError("spacing.window_empty")


@dataclass(frozen=True)
class Period:
    """From `start` to just before `end` (aware)."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise SpacingError("spacing.naive_time")


@dataclass(frozen=True)
class PlannedNote:
    """A note to place: its id, its account and that account's time zone."""

    note_id: str
    account_id: str
    timezone: str = DEFAULT_TIMEZONE


@dataclass(frozen=True)
class Occupied:
    """A post an account already has (scheduled or published) at `at`."""

    account_id: str
    at: datetime


@dataclass(frozen=True)
class Slot:
    note_id: str
    account_id: str
    at: datetime
    """UTC, on a whole minute."""


@dataclass(frozen=True)
class SpacingPlan:
    slots: tuple[Slot, ...]
    """Chronological."""
    unplaced: tuple[PlannedNote, ...]
    """The notes the period cannot hold under the rules, in the order given."""

    def at(self, note_id: str) -> datetime | None:
        return next((slot.at for slot in self.slots if slot.note_id == note_id), None)


def bookable_period(period: Period, rules: RulesPack, now: datetime) -> Period:
    """`period` cut to what the platform lets be scheduled at `now` (1 hour … 14 days ahead,
    with `SCHEDULE_MARGIN`); its end may then come before its start: nothing fits."""
    earliest, latest = schedule_window(rules, now)
    return Period(max(period.start, earliest + SCHEDULE_MARGIN), min(period.end, latest))


def note_offset(note_id: str, rules: SpacingRules) -> int:
    """The note's own minutes past its target: 1 … `max_offset_minutes`, never a multiple of
    5, the same for the same note on every plan (a preview and the real scheduling agree)."""
    offsets = [minutes for minutes in range(1, rules.max_offset_minutes + 1) if minutes % 5]
    if not offsets:
        return 0
    digest = hashlib.sha256(note_id.encode()).digest()
    return offsets[int.from_bytes(digest[:4], "big") % len(offsets)]


def plan_slots(
    notes: Sequence[PlannedNote],
    period: Period,
    rules: SpacingRules | None = None,
    occupied: Iterable[Occupied] = (),
) -> SpacingPlan:
    """A time for each note that fits the rules (default: `SpacingRules()`) inside `period`,
    and the notes that do not.

    Within one account the notes take their times in the order given (the first note gets
    the earliest slot), and the ones that do not fit are the last ones.
    """
    rules = rules or SpacingRules()
    busy: dict[str, list[int]] = {}
    for post in occupied:
        busy.setdefault(post.account_id, []).append(_minutes(post.at))
    by_account: dict[str, list[PlannedNote]] = {}
    for note in notes:
        by_account.setdefault(note.account_id, []).append(note)
    start, end = _minutes_up(period.start), _minutes_up(period.end)
    slots: list[Slot] = []
    unplaced: set[str] = set()
    for index, (account_id, planned) in enumerate(by_account.items()):
        calendar = _Calendar(planned[0].timezone, start, end, rules, busy.get(account_id, ()))
        phase = (index + 0.5) / len(by_account)
        times = _plan_account(calendar, [note.note_id for note in planned], rules, phase)
        for note, at in zip(planned, times, strict=False):
            slots.append(Slot(note.note_id, account_id, _moment(at)))
        unplaced.update(note.note_id for note in planned[len(times) :])
    slots.sort(key=lambda slot: (slot.at, slot.account_id))
    return SpacingPlan(tuple(slots), tuple(note for note in notes if note.note_id in unplaced))


def _plan_account(
    calendar: _Calendar, note_ids: list[str], rules: SpacingRules, phase: float
) -> list[int]:
    """Minutes for as many of `note_ids` as fit, in order: spread evenly, below the ceiling of
    the latest packing."""
    ceilings = calendar.copy().pack_latest(len(note_ids))
    fitting = note_ids[: len(ceilings)]
    if not fitting:
        return []
    axis = calendar.open_axis()
    step = axis.length / len(fitting)
    times = []
    for index, note_id in enumerate(fitting):
        offset = note_offset(note_id, rules)
        target = axis.moment((index + phase) * step)
        if offset:
            target = target - target % _GRID + offset
        at = calendar.place_near(target, ceilings[index], offset)
        times.append(at)
    return times


@dataclass(frozen=True)
class _Window:
    day: date
    start: int
    end: int
    """Exclusive."""


@dataclass
class _Axis:
    """The open posting hours of one account joined end to end, to spread notes evenly."""

    windows: list[_Window]

    @property
    def length(self) -> int:
        return sum(window.end - window.start for window in self.windows)

    def moment(self, position: float) -> int:
        """The minute `position` minutes into the joined hours."""
        left = int(position)
        for window in self.windows:
            if left < window.end - window.start:
                return window.start + left
            left -= window.end - window.start
        return self.windows[-1].end - 1


@dataclass
class _Calendar:
    """One account's posting hours inside a period, the posts it has, and the searches for a
    free minute among them. Minutes are counted from the epoch, UTC."""

    timezone: str
    start: int
    end: int
    rules: SpacingRules
    taken: Iterable[int] = ()
    windows: list[_Window] = field(init=False)
    busy: list[int] = field(init=False)
    per_day: Counter[date] = field(init=False)

    def __post_init__(self) -> None:
        self.busy = sorted(self.taken)
        self.per_day = Counter(self.day_of(minute) for minute in self.busy)
        self.windows = list(self._windows())

    @property
    def gap(self) -> int:
        """Two posts of one account never share a minute, even with no gap asked for."""
        return max(1, self.rules.min_gap_minutes)

    def copy(self) -> _Calendar:
        return _Calendar(self.timezone, self.start, self.end, self.rules, list(self.busy))

    def _windows(self) -> Iterable[_Window]:
        if self.end <= self.start:
            return
        tz = zone(self.timezone)
        day = _moment(self.start).astimezone(tz).date() - timedelta(days=1)
        last = _moment(self.end).astimezone(tz).date()
        while day <= last:
            opens = _minutes(datetime.combine(day, self.rules.window_start, tzinfo=tz))
            closes = _minutes(datetime.combine(day, self.rules.window_end, tzinfo=tz))
            opens, closes = max(opens, self.start), min(closes, self.end)
            if opens < closes:
                yield _Window(day, opens, closes)
            day += timedelta(days=1)

    def day_of(self, minute: int) -> date:
        return _moment(minute).astimezone(zone(self.timezone)).date()

    def open_axis(self) -> _Axis:
        """The windows of the days that still have room."""
        cap = self.rules.max_per_day
        return _Axis([window for window in self.windows if self.per_day[window.day] < cap])

    def take(self, minute: int) -> None:
        insort(self.busy, minute)
        self.per_day[self.day_of(minute)] += 1

    def _clash(self, minute: int) -> tuple[int, int] | None:
        """The first and last post closer to `minute` than the gap, if any."""
        gap = self.gap
        low = bisect_left(self.busy, minute - gap + 1)
        high = bisect_left(self.busy, minute + gap) - 1
        return (self.busy[low], self.busy[high]) if low <= high else None

    def free(self, minute: int) -> bool:
        window = next((w for w in self.windows if w.start <= minute < w.end), None)
        return (
            window is not None
            and self.per_day[window.day] < self.rules.max_per_day
            and self._clash(minute) is None
        )

    def earliest(self, low: int, high: int) -> int | None:
        """The first free minute in [low, high]."""
        gap = self.gap
        for window in self.windows:
            if window.end <= low or self.per_day[window.day] >= self.rules.max_per_day:
                continue
            minute = max(low, window.start)
            while minute < window.end and minute <= high:
                clash = self._clash(minute)
                if clash is None:
                    return minute
                minute = clash[1] + gap
            if window.start > high:
                return None
        return None

    def latest(self, high: int, low: int) -> int | None:
        """The last free minute in [low, high]."""
        gap = self.gap
        for window in reversed(self.windows):
            if window.start > high or self.per_day[window.day] >= self.rules.max_per_day:
                continue
            minute = min(high, window.end - 1)
            while minute >= window.start and minute >= low:
                clash = self._clash(minute)
                if clash is None:
                    return minute
                minute = clash[0] - gap
            if window.end - 1 < low:
                return None
        return None

    def pack_latest(self, count: int) -> list[int]:
        """Place up to `count` posts each at the latest free minute; their minutes, earliest
        first. As many as fit at all."""
        placed: list[int] = []
        high = self.end - 1
        while len(placed) < count:
            minute = self.latest(high, self.start)
            if minute is None:
                break
            self.take(minute)
            placed.append(minute)
            high = minute - 1
        return placed[::-1]

    def place_near(self, target: int, ceiling: int, offset: int) -> int:
        """Take the first free minute from `target`, never after `ceiling` (the late packing's
        minute for this note, which is free whatever came before). A minute pushed back by a
        neighbour or the start of the day gets the note's offset too, and with offsets on no
        minute is left on a multiple of five."""
        minute = self.earliest(max(target, self.start), ceiling)
        if minute is None:
            minute = self.latest(ceiling - offset, self.start)
            minute = ceiling if minute is None else minute
        elif minute != target and minute + offset <= ceiling and self.free(minute + offset):
            minute += offset
        if offset and minute % 5 == 0:
            minute = next(
                (m for m in (minute + 1, minute - 1, minute + 2) if m <= ceiling and self.free(m)),
                minute,
            )
        self.take(minute)
        return minute


def _clock(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _minutes(moment: datetime) -> int:
    """Whole minutes since the epoch, rounded down."""
    return int(moment.timestamp()) // _MINUTE


def _minutes_up(moment: datetime) -> int:
    """Whole minutes since the epoch, rounded up: a period starting at 10:00:30 starts 10:01."""
    return -(-int(moment.timestamp()) // _MINUTE)


def _moment(minutes: int) -> datetime:
    return datetime.fromtimestamp(minutes * _MINUTE, UTC)
