"""Event ingestion: reader actions in, counted once, rollups current in the same transaction.

`ingest` is the API's door (`POST /events`): a JSON list of up to 10,000 events, each checked
on its own — the good ones count even when others are refused, and every refusal names its
position and reason. `record` is the trusted door (the backend's own reader pages, the demo
world) and the one both go through: duplicates are dropped by the database (the event id is
unique, `ON CONFLICT DO NOTHING … RETURNING` says which rows were new), and only the new ones
are counted into the rollups, so the same batch sent twice counts once, even when two replicas
receive it at the same moment.

Speed matters here (≥ 50,000 events/s through the API on SQLite): one bulk insert, one query
for the notes of a batch, counting in Python, one upsert per rollup table.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from publisher.db.models import Account, Event, Membership, Note, User
from publisher.domain.metrics import (
    KIND_NAMES,
    MAX_ORDER_FEN,
    MAX_WATCH_SECONDS,
)
from publisher.domain.roles import EDITOR_ROLES
from publisher.services import rollups
from publisher.services.access import granted_account_ids, visible_account_ids
from publisher.services.errors import Invalid, TooLarge
from publisher.services.rollups import CountedEvent, NoteContext
from publisher.stats_schemas import (
    EARLIEST_EVENT,
    MAX_EVENTS_PER_CALL,
    EventIn,
    EventsReceipt,
    RejectedEvent,
)

CLOCK_SKEW = timedelta(minutes=5)
"""How far in the future an event's time may be (a sender's clock running ahead)."""
INSERT_CHUNK = 2_000

_BATCH = TypeAdapter(list[EventIn])
_ONE = TypeAdapter(EventIn)
_ANY_LIST = TypeAdapter(list[object])


def parse_batch(body: bytes) -> tuple[list[tuple[int, EventIn]], list[RejectedEvent]]:
    """The events of a request body with their positions, and the ones that are malformed.

    The whole list is validated at once (fast, in pydantic's core); only when that fails is
    each item validated alone to tell the good from the bad.

    Raises:
        Invalid: `events.not_a_list` when the body is not a JSON list.
        TooLarge: `events.too_many` ({max}) beyond 10,000 events.
    """
    try:
        events = _BATCH.validate_json(body)
    except ValidationError:
        pass
    else:
        _check_count(len(events))
        return list(enumerate(events)), []
    try:
        items = _ANY_LIST.validate_json(body)
    except ValidationError:
        raise Invalid("events.not_a_list") from None
    _check_count(len(items))
    good: list[tuple[int, EventIn]] = []
    bad: list[RejectedEvent] = []
    for index, item in enumerate(items):
        try:
            good.append((index, _ONE.validate_python(item)))
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"])
            event_id = item.get("id") if isinstance(item, dict) else None
            bad.append(
                RejectedEvent(
                    index=index,
                    id=event_id if isinstance(event_id, str) else None,
                    code="event.invalid",
                    params={"field": field, "reason": first["type"]},
                )
            )
    return good, bad


def _check_count(count: int) -> None:
    if count > MAX_EVENTS_PER_CALL:
        raise TooLarge("events.too_many", {"max": MAX_EVENTS_PER_CALL})


def writable_account_ids(session: Session, user: User) -> set[uuid.UUID]:
    """Accounts the user may report figures for: editor or above, directly or by a grant."""
    editor_orgs = select(Membership.organization_id).where(
        Membership.user_id == user.id, Membership.role.in_(EDITOR_ROLES)
    )
    direct = select(Account.id).where(Account.organization_id.in_(editor_orgs))
    return set(session.scalars(direct.union(granted_account_ids(editor_orgs))))


def ingest(
    session: Session,
    user: User,
    events: Sequence[tuple[int, EventIn]],
    rejected: list[RejectedEvent],
    *,
    now: datetime,
) -> EventsReceipt:
    """Check each event against what the caller may do and what makes sense, then record the
    good ones. A note the caller cannot see is `note.not_found`, one they may only read
    `note.forbidden`, as everywhere else."""
    verdicts = _note_verdicts(
        session, user, {event.note_id.int: event.note_id for _, event in events}
    )
    latest = now + CLOCK_SKEW
    good: list[EventIn] = []
    for index, event in events:
        code, params = verdicts.get(event.note_id.int) or _event_refusal(event, latest)
        if code:
            rejected.append(RejectedEvent(index=index, id=event.id, code=code, params=params))
        else:
            good.append(event)
    accepted, duplicates = record(session, good)
    session.commit()
    rejected.sort(key=lambda refusal: refusal.index)
    return EventsReceipt(accepted=accepted, duplicates=duplicates, rejected=rejected)


_Refusal = tuple[str | None, dict[str, Any]]
_FINE: _Refusal = (None, {})


def _note_verdicts(
    session: Session, user: User, note_ids: dict[int, uuid.UUID]
) -> dict[int, _Refusal]:
    """Why the caller may not send events of each note (keyed by the id's integer); notes
    they may send events of are left out."""
    ids = list(note_ids.values())
    notes = {
        note_id.int: (account_id, status)
        for start in range(0, len(ids), 500)
        for note_id, account_id, status in session.execute(
            select(Note.id, Note.account_id, Note.status).where(
                Note.id.in_(ids[start : start + 500])
            )
        )
    }
    writable = writable_account_ids(session, user)
    visible = writable | set(session.scalars(visible_account_ids(user)))
    verdicts: dict[int, _Refusal] = {}
    for key in note_ids:
        account_id, status = notes.get(key, (None, None))
        if account_id not in visible:
            verdicts[key] = ("note.not_found", {})
        elif account_id not in writable:
            verdicts[key] = ("note.forbidden", {})
        elif status != "published":
            verdicts[key] = ("event.note_not_published", {"status": status})
    return verdicts


def _event_refusal(event: EventIn, latest: datetime) -> _Refusal:
    if event.ts > latest:
        return "event.in_future", {}
    if event.ts < EARLIEST_EVENT:
        return "event.too_old", {}
    kind, value = event.kind, event.value
    if kind == "order":
        fits = value is not None and value <= MAX_ORDER_FEN and event.completed is None
        return _FINE if fits else ("event.bad_value", {"kind": kind})
    if kind == "view":
        if value is None:
            return _FINE if event.completed is None else ("event.completed_without_watch_time", {})
        return _FINE if value <= MAX_WATCH_SECONDS else ("event.bad_value", {"kind": kind})
    if value is None and event.completed is None:
        return _FINE
    return "event.value_not_allowed", {"kind": kind}


def record(session: Session, events: Sequence[EventIn]) -> tuple[int, int]:
    """Store the events whose ids are new and count them into the rollups (in the caller's
    transaction). Events of notes that do not exist are skipped. Returns (new, duplicates):
    the events counted now, and those whose id was counted before (or twice in this batch)."""
    distinct = {event.note_id.int: event.note_id for event in events}
    contexts = rollups.note_contexts(session, distinct.values())
    notes = {context.note_id.int: context for context in contexts.values()}
    kept: list[tuple[EventIn, NoteContext]] = []
    seen: set[str] = set()
    missing = 0
    for event in events:
        note = notes.get(event.note_id.int)
        if note is None:
            missing += 1
        elif event.id not in seen:
            seen.add(event.id)
            kept.append((event, note))
    kept.sort(key=lambda pair: pair[0].id)  # one lock order for every replica (no deadlock)
    rollups.share_counting(session)
    inserted = _insert_new(session, kept)
    fresh = [
        CountedEvent(note, KIND_NAMES[event.kind], event.ts, event.value, event.completed)
        for event, note in kept
        if inserted is None or event.id in inserted
    ]
    rollups.apply(session, rollups.tally(fresh))
    return len(fresh), len(events) - missing - len(fresh)


def _insert_new(session: Session, kept: list[tuple[EventIn, NoteContext]]) -> set[str] | None:
    """Insert the events whose ids are not stored yet; returns the ids inserted, or None when
    every one was."""
    if not kept:
        return None
    if session.get_bind().dialect.name == "sqlite":
        return _insert_new_sqlite(session, kept)
    statement = (
        postgresql.insert(Event).on_conflict_do_nothing(index_elements=["id"]).returning(Event.id)
    )
    rows = [
        {
            "id": event.id,
            "note_id": note.note_id,
            "kind": KIND_NAMES[event.kind],
            "ts": event.ts,
            "value": event.value,
            "completed": event.completed,
        }
        for event, note in kept
    ]
    inserted: set[str] = set()
    for start in range(0, len(rows), INSERT_CHUNK):
        inserted.update(session.scalars(statement, rows[start : start + INSERT_CHUNK]))
    return None if len(inserted) == len(rows) else inserted


_COLUMNS = ("id", "note_id", "kind", "ts", "value", "completed")
_SQLITE_INSERT_OR_IGNORE = (
    f"INSERT OR IGNORE INTO events ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * 6)})"
)


def _insert_new_sqlite(
    session: Session, kept: list[tuple[EventIn, NoteContext]]
) -> set[str] | None:
    """SQLite's way, several times faster than a RETURNING per row: one `INSERT OR IGNORE` of
    the whole batch at the driver level, each value converted by its column's own type (so
    the stored form is exactly SQLAlchemy's). When the database inserted fewer rows than were
    sent, the ones it did insert are the newest by `seq`: SQLite gives a new row the largest
    rowid plus one, and the write lock this transaction holds keeps anyone else from
    inserting in between."""
    note_id = _processor(session, "note_id")
    ts = _processor(session, "ts")
    stored_ids = {id(note): note_id(note.note_id) for _, note in kept}
    values = [
        (event.id, stored_ids[id(note)], KIND_NAMES[event.kind], ts(event.ts))
        + (event.value, event.completed)
        for event, note in kept
    ]
    inserted = session.connection().exec_driver_sql(_SQLITE_INSERT_OR_IGNORE, values).rowcount
    if inserted == len(values):
        return None
    newest = select(Event.id).order_by(Event.seq.desc()).limit(inserted)
    return set(session.scalars(newest)) if inserted else set()


def _processor(session: Session, column: str) -> Callable[[Any], Any]:
    processor = Event.__table__.c[column].type.bind_processor(session.get_bind().dialect)
    assert processor is not None
    return processor
