"""Daily rollups: counting events into per-note, per-account, per-brief and hourly counters.

Counting is one pure step (`tally`: events in, counter deltas out, days on each account's own
clock) and one write (`apply`: an upsert per table that *adds* the deltas), so the same code
keeps the rollups current as events arrive and rebuilds them from the raw log. Adding inside
the database (`x = x + excluded.x`) keeps concurrent batches on several replicas exact.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import cast
from zoneinfo import ZoneInfo

from sqlalchemy import Table, delete, exists, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from publisher.db.base import Base
from publisher.db.models import (
    Account,
    AccountDailyStats,
    AccountHourlyActivity,
    BriefDailyStats,
    Collaboration,
    Event,
    Note,
    NoteDailyStats,
)
from publisher.db.models.stats import SOURCE_EVENTS
from publisher.domain.metrics import (
    COUNTERS,
    COUNTING_VERSION,
    INTERACTION_KINDS,
    EventKind,
    counter_deltas,
)
from publisher.domain.timezones import zone

log = logging.getLogger(__name__)

REBUILD_CHUNK = 50_000


@dataclass(frozen=True, eq=False)
class NoteContext:
    """What counting an event of a note needs to know about it. Hashed by identity: one
    object per note in a batch, so grouping tens of thousands of events by note never hashes
    a UUID (a Python-level call) per event."""

    note_id: uuid.UUID
    account_id: uuid.UUID
    brief_id: uuid.UUID | None
    tz: ZoneInfo


@dataclass(frozen=True, slots=True)
class CountedEvent:
    note: NoteContext
    kind: EventKind
    ts: datetime
    value: int | None
    completed: bool | None


@dataclass
class Tally:
    """Counter deltas keyed by (note, day), (account, day), (brief, day), (account, day, hour)."""

    notes: dict[tuple[uuid.UUID, date], dict[str, int]] = field(default_factory=dict)
    accounts: dict[tuple[uuid.UUID, date], dict[str, int]] = field(default_factory=dict)
    briefs: dict[tuple[uuid.UUID, date], dict[str, int]] = field(default_factory=dict)
    hours: dict[tuple[uuid.UUID, date, int], dict[str, int]] = field(default_factory=dict)


def _bump(table: dict, key: tuple, deltas: list[tuple[str, int]]) -> None:
    row = table.get(key)
    if row is None:
        row = table[key] = defaultdict(int)
    for name, amount in deltas:
        row[name] += amount


def add(counted: Tally, note: NoteContext, day: date, deltas: list[tuple[str, int]]) -> None:
    """Add one note's deltas on one day to the note's, its account's and its brief's rows."""
    _bump(counted.notes, (note.note_id, day), deltas)
    _bump(counted.accounts, (note.account_id, day), deltas)
    if note.brief_id is not None:
        _bump(counted.briefs, (note.brief_id, day), deltas)


def tally(events: Iterable[CountedEvent]) -> Tally:
    """Counter deltas of these events: grouped by note and local day first (cheap keys), then
    spread over the note's, account's and brief's rows once per note-day."""
    days: dict[tuple[NoteContext, date], dict[str, int]] = {}
    hours: dict[tuple[NoteContext, date, int], dict[str, int]] = {}
    for event in events:
        note = event.note
        local = event.ts.astimezone(note.tz)
        day = local.date()
        _bump(days, (note, day), counter_deltas(event.kind, event.value, event.completed))
        if event.kind is EventKind.VIEW:
            _bump(hours, (note, day, local.hour), _VIEWED)
        elif event.kind in INTERACTION_KINDS:
            _bump(hours, (note, day, local.hour), _INTERACTED)
    result = Tally()
    for (note, day), counts in days.items():
        add(result, note, day, list(counts.items()))
    for (note, day, hour), counts in hours.items():
        _bump(result.hours, (note.account_id, day, hour), list(counts.items()))
    return result


_VIEWED = [("views", 1)]
_INTERACTED = [("interactions", 1)]


def _insert(session: Session, table: Table):
    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
    return dialect.insert(table)


def _add(
    session: Session,
    model: type[Base],
    keys: tuple[str, ...],
    rows: list[dict],
    counters: tuple[str, ...] = COUNTERS,
) -> None:
    """Upsert that adds each counter to what the row already holds."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    statement = _insert(session, table)
    statement = statement.on_conflict_do_update(
        index_elements=list(keys),
        set_={name: table.c[name] + statement.excluded[name] for name in counters},
    )
    session.execute(statement, rows)


def _rows(
    deltas: Mapping[tuple, Mapping[str, int]],
    keys: tuple[str, ...],
    names: tuple[str, ...],
    **fixed: int,
) -> list[dict]:
    """Upsert rows in key order: two transactions adding to overlapping rows then lock them
    in the same order, so PostgreSQL never finds them waiting on each other (a deadlock)."""
    return [
        {
            **dict(zip(keys, key, strict=True)),
            **{name: deltas[key].get(name, 0) for name in names},
            **fixed,
            "counting_version": COUNTING_VERSION,
        }
        for key in sorted(deltas, key=_sortable)
    ]


def _sortable(key: tuple) -> tuple:
    return tuple(str(part) if isinstance(part, uuid.UUID) else part for part in key)


def apply(session: Session, counted: Tally, *, source: int = SOURCE_EVENTS) -> None:
    """Add a tally to the rollup tables (in the caller's transaction)."""
    for table, deltas, key in (
        (NoteDailyStats, counted.notes, "note_id"),
        (AccountDailyStats, counted.accounts, "account_id"),
        (BriefDailyStats, counted.briefs, "brief_id"),
    ):
        rows = _rows(deltas, (key, "day"), COUNTERS, source=source)
        _add(session, table, (key, "day", "source"), rows)
    hour_keys, activity = ("account_id", "day", "hour"), ("views", "interactions")
    hour_rows = _rows(counted.hours, hour_keys, activity)
    _add(session, AccountHourlyActivity, hour_keys, hour_rows, activity)


def note_contexts(session: Session, note_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, NoteContext]:
    """Account, brief and clock of each existing note (missing ones are left out)."""
    ids = list(set(note_ids))
    contexts: dict[uuid.UUID, NoteContext] = {}
    zones: dict[str, ZoneInfo] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(Note.id, Note.account_id, Account.timezone, Collaboration.brief_id)
            .join(Account, Account.id == Note.account_id)
            .outerjoin(Collaboration, Collaboration.note_id == Note.id)
            .where(Note.id.in_(ids[start : start + 500]))
        ).all()
        for note_id, account_id, tz_name, brief_id in rows:
            tz = zones.get(tz_name) or zones.setdefault(tz_name, zone(tz_name))
            contexts[note_id] = NoteContext(note_id, account_id, brief_id, tz)
    return contexts


def stale(session: Session) -> bool:
    """Whether any rollup row was counted under another definition than this code's."""
    return any(
        session.scalar(select(exists().where(table.counting_version != COUNTING_VERSION)))
        for table in (NoteDailyStats, AccountDailyStats, BriefDailyStats, AccountHourlyActivity)
    )


def rebuild(session: Session) -> int:
    """Count every raw event again (after a change of `COUNTING_VERSION`); imported figures
    stay. Returns how many events were counted. Runs in the caller's transaction."""
    for table in (NoteDailyStats, AccountDailyStats, BriefDailyStats):
        session.execute(delete(table).where(table.source == SOURCE_EVENTS))
        session.execute(update(table).values(counting_version=COUNTING_VERSION))
    session.execute(delete(AccountHourlyActivity))
    counted = 0
    last = 0
    while True:
        rows = session.execute(
            select(Event.seq, Event.note_id, Event.kind, Event.ts, Event.value, Event.completed)
            .where(Event.seq > last)
            .order_by(Event.seq)
            .limit(REBUILD_CHUNK)
        ).all()
        if not rows:
            return counted
        last = rows[-1].seq
        contexts = note_contexts(session, (row.note_id for row in rows))
        events = [
            CountedEvent(
                contexts[row.note_id], EventKind(row.kind), row.ts, row.value, row.completed
            )
            for row in rows
            if row.note_id in contexts
        ]
        apply(session, tally(events))
        counted += len(events)


REBUILD_LOCK = 0x7A68_7374_6174_7301  # any constant no other advisory lock uses


def share_counting(session: Session) -> None:
    """Taken by every transaction that counts events (on PostgreSQL): many may count at once,
    but not while a recount runs — a replica still on the old release during a rolling
    restart would otherwise count events the recount pages past, or count them twice."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock_shared(:key)"), {"key": REBUILD_LOCK})


def rebuild_if_stale(session: Session) -> None:
    """Called when a server starts: rollups of an older definition are counted again. Replicas
    starting together take turns on PostgreSQL (the second finds nothing stale), and nothing
    counts events meanwhile (`share_counting`)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REBUILD_LOCK})
    if stale(session):
        started = datetime.now(UTC)
        counted = rebuild(session)
        session.commit()
        log.info("rollups rebuilt from %d events in %s", counted, datetime.now(UTC) - started)
    else:
        session.commit()
