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
    EventKind,
)
from publisher.domain.roles import EDITOR_ROLES
from publisher.services import rollups
from publisher.services.access import granted_account_ids, visible_account_ids
from publisher.services.errors import Invalid, TooLarge
from publisher.services.rollups import CountedEvent
from publisher.stats_schemas import MAX_EVENTS_PER_CALL, EventIn, EventsReceipt, RejectedEvent

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
    note_ids = {event.note_id for _, event in events}
    notes = {
        row.id: row
        for start in range(0, len(note_ids), 500)
        for row in session.execute(
            select(Note.id, Note.account_id, Note.status).where(
                Note.id.in_(list(note_ids)[start : start + 500])
            )
        )
    }
    writable = writable_account_ids(session, user)
    visible = writable | _readable_account_ids(session, user)
    good: list[tuple[int, EventIn]] = []
    for index, event in events:
        code, params = _refusal(event, notes.get(event.note_id), visible, writable, now)
        if code:
            rejected.append(RejectedEvent(index=index, id=event.id, code=code, params=params))
        else:
            good.append((index, event))
    accepted, duplicates = record(session, [event for _, event in good])
    session.commit()
    rejected.sort(key=lambda refusal: refusal.index)
    return EventsReceipt(accepted=accepted, duplicates=duplicates, rejected=rejected)


def _readable_account_ids(session: Session, user: User) -> set[uuid.UUID]:
    return set(session.scalars(visible_account_ids(user)))


def _refusal(event: EventIn, note, visible, writable, now: datetime) -> tuple[str | None, dict]:
    if note is None or note.account_id not in visible:
        return "note.not_found", {}
    if note.account_id not in writable:
        return "note.forbidden", {}
    if note.status != "published":
        return "event.note_not_published", {"status": note.status}
    if event.ts > now + CLOCK_SKEW:
        return "event.in_future", {}
    kind = KIND_NAMES[event.kind]
    if kind is EventKind.ORDER:
        if event.value is None or event.value > MAX_ORDER_FEN:
            return "event.bad_value", {"kind": event.kind}
    elif kind is EventKind.VIEW:
        if event.value is not None and event.value > MAX_WATCH_SECONDS:
            return "event.bad_value", {"kind": event.kind}
        if event.completed is not None and event.value is None:
            return "event.completed_without_watch_time", {}
    elif event.value is not None or event.completed is not None:
        return "event.value_not_allowed", {"kind": event.kind}
    return None, {}


def record(session: Session, events: Sequence[EventIn]) -> tuple[int, int]:
    """Store the events whose ids are new and count them into the rollups (in the caller's
    transaction). Events of notes that do not exist are skipped. Returns (new, duplicates)."""
    contexts = rollups.note_contexts(session, (event.note_id for event in events))
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for event in events:
        if event.id in seen or event.note_id not in contexts:
            continue
        seen.add(event.id)
        rows.append(
            {
                "id": event.id,
                "note_id": event.note_id,
                "kind": KIND_NAMES[event.kind],
                "ts": event.ts,
                "value": event.value,
                "completed": event.completed,
            }
        )
    inserted = _insert_new(session, rows)
    fresh = [
        CountedEvent(row["note_id"], row["kind"], row["ts"], row["value"], row["completed"])
        for row in rows
        if row["id"] in inserted
    ]
    rollups.apply(session, rollups.tally(fresh, contexts))
    return len(fresh), len(events) - len(fresh)


def _insert_new(session: Session, rows: list[dict[str, Any]]) -> set[str]:
    """Insert the rows whose ids are not stored yet; returns the ids that were inserted."""
    if session.get_bind().dialect.name == "sqlite":
        return _insert_new_sqlite(session, rows)
    statement = (
        postgresql.insert(Event).on_conflict_do_nothing(index_elements=["id"]).returning(Event.id)
    )
    inserted: set[str] = set()
    for start in range(0, len(rows), INSERT_CHUNK):
        if chunk := rows[start : start + INSERT_CHUNK]:
            inserted.update(session.scalars(statement, chunk))
    return inserted


_COLUMNS = ("id", "note_id", "kind", "ts", "value", "completed")
_SQLITE_INSERT_OR_IGNORE = (
    f"INSERT OR IGNORE INTO events ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * 6)})"
)


def _insert_new_sqlite(session: Session, rows: list[dict[str, Any]]) -> set[str]:
    """SQLite's way, several times faster than a RETURNING per row: one `INSERT OR IGNORE` of
    the whole batch at the driver level, each value converted by its column's own type (so
    the stored form is exactly SQLAlchemy's). When the database inserted fewer rows than were
    sent, the ones it did insert are the newest by `seq`: SQLite gives a new row the largest
    rowid plus one, and the write lock this transaction holds keeps anyone else from
    inserting in between."""
    note_id = _processor(session, "note_id")
    ts = _processor(session, "ts")
    values = [
        (row["id"], note_id(row["note_id"]), row["kind"], ts(row["ts"]))
        + (row["value"], row["completed"])
        for row in rows
    ]
    if not values:
        return set()
    inserted = session.connection().exec_driver_sql(_SQLITE_INSERT_OR_IGNORE, values).rowcount
    if inserted == len(values):
        return {row["id"] for row in rows}
    newest = select(Event.id).order_by(Event.seq.desc()).limit(inserted)
    return set(session.scalars(newest)) if inserted else set()


def _processor(session: Session, column: str) -> Callable[[Any], Any]:
    processor = Event.__table__.c[column].type.bind_processor(session.get_bind().dialect)
    assert processor is not None
    return processor
