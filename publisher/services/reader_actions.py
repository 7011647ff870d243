"""What every reader action shares: the public notes and accounts a reader may act on, the ids
their events get, and one reader's actions taken one at a time.

Readers have no accounts, so what a real reader could do bounds what one cookie may count:
each event id is derived from the reader, the subject, the kind and a time bucket
(`reader_event_id`), so an event counts once per bucket however often it is sent; a like, a
collect and a follow count once ever. Every action becomes an event through `events.record`,
so the studio's figures move in the same transaction.

The actions live beside this module: `reader_events` (the reader door of `POST /events`:
impressions, views, shares, product clicks), `reader_reactions` (likes, collects, follows and
the states pages show of them), `reader_comments`, `reader_orders`; what the note and product
pages show is `reader_pages`. Limits that must hold across server processes (a reader's
comments and orders) are counted in the database there; the faster per-process ones live in
`publisher.server.rate_limits`.
"""

from __future__ import annotations

import hashlib
import math
import uuid
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, func, or_, select, text
from sqlalchemy.orm import Session

from publisher.db import dialects
from publisher.db.base import Base
from publisher.db.models import (
    Account,
    MediaAsset,
    Note,
    NoteMedia,
    NoteProduct,
    NoteTopic,
    Storefront,
)
from publisher.services import events
from publisher.services.errors import NotFound
from publisher.services.reader_catalog import is_public_note
from publisher.stats_schemas import EventIn, EventKindName

_LOCK_SPACE = 0x7A63_7264
"""Advisory locks of one reader (PostgreSQL): this prefix and a hash of their id."""


@dataclass(frozen=True)
class Engagement:
    """What a reader's action teaches their interests (`Reader.learn`)."""

    kind: str
    topic_ids: tuple[uuid.UUID, ...]
    account_id: uuid.UUID


@dataclass(frozen=True)
class PublicNote:
    """What checking a reader's action on a note needs to know of it."""

    id: uuid.UUID
    account_id: uuid.UUID
    type: str
    topic_ids: tuple[uuid.UUID, ...]
    product_ids: frozenset[uuid.UUID]
    duration: float | None
    """The video's length in seconds (video notes)."""

    def engagement(self, kind: str) -> Engagement:
        return Engagement(kind, self.topic_ids, self.account_id)


def public_notes(session: Session, note_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, PublicNote]:
    """The public published notes among `note_ids` (others are left out)."""
    ids = list(set(note_ids))
    rows = session.execute(
        select(Note.id, Note.account_id, Note.type).where(Note.id.in_(ids), is_public_note())
    ).all()
    if not rows:
        return {}
    found = [row.id for row in rows]
    topics: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for note_id, topic_id in session.execute(
        select(NoteTopic.note_id, NoteTopic.topic_id)
        .where(NoteTopic.note_id.in_(found))
        .order_by(NoteTopic.note_id, NoteTopic.position)
    ):
        topics[note_id].append(topic_id)
    products: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for note_id, product_id in session.execute(
        select(NoteProduct.note_id, NoteProduct.product_id).where(NoteProduct.note_id.in_(found))
    ):
        products[note_id].add(product_id)
    durations = dict(
        session.execute(
            select(NoteMedia.note_id, MediaAsset.duration_ms)
            .join(
                MediaAsset,
                MediaAsset.sha256 == func.coalesce(NoteMedia.rendered_sha256, NoteMedia.sha256),
            )
            .where(NoteMedia.note_id.in_(found), NoteMedia.position == 0)
        ).all()
    )
    return {
        row.id: PublicNote(
            id=row.id,
            account_id=row.account_id,
            type=row.type,
            topic_ids=tuple(topics[row.id]),
            product_ids=frozenset(products[row.id]),
            duration=(durations.get(row.id) or 0) / 1000 if row.type == "video" else None,
        )
        for row in rows
    }


def public_note(session: Session, note_id: uuid.UUID) -> PublicNote:
    """Raises: NotFound `note.not_found` unless the note is public and published."""
    note = public_notes(session, [note_id]).get(note_id)
    if note is None:
        raise NotFound("note.not_found")
    return note


def is_public_account() -> ColumnElement[bool]:
    """What opens an account to readers (its page, a follow): a public published note, or an
    organization with a storefront (a brand's page has no notes to begin with). Any other
    account — one with drafts or private notes only — does not exist for a reader, so its
    follower count stays the studio's."""
    return or_(
        Account.id.in_(select(Note.account_id).where(is_public_note())),
        Account.organization_id.in_(select(Storefront.organization_id)),
    )


def reader_event_id(
    reader_id: str, subject: uuid.UUID, kind: str, bucket: str, extra: str = ""
) -> str:
    """The id a reader's event gets: the same reader, subject, kind and bucket give the same id,
    so the event counts once. `bucket` is a time bucket's number, or "ever"."""
    digest = hashlib.sha256(f"{reader_id}|{subject}|{kind}|{bucket}|{extra}".encode()).hexdigest()
    return "r" + digest[:40]


def record_once(
    session: Session, event_id: str, note_id: uuid.UUID, kind: EventKindName, now: datetime
) -> None:
    """Count one event of a reader's action, in the caller's transaction (again: nothing)."""
    events.record(session, [EventIn(id=event_id, note_id=note_id, kind=kind, ts=now)])


def insert_new(session: Session, model: type[Base], values: dict[str, Any]) -> bool:
    """Insert a row unless its key is taken (by anyone, at any moment); whether it was new
    (told by RETURNING: psycopg's rowcount of a skipped insert is not reliable)."""
    key = cast(Table, model.__table__).primary_key.columns
    statement = dialects.insert(session, model).values(**values).on_conflict_do_nothing()
    return session.execute(statement.returning(*key)).first() is not None


def one_reader_at_a_time(session: Session, reader_id: str) -> None:
    """Serialise one reader's actions that read before they write (a like against its taking
    back, comments and orders against their limits) across processes: an advisory lock held
    to the end of the transaction on PostgreSQL; SQLite's single writer does it once the
    transaction writes, so there the caller writes first."""
    if session.get_bind().dialect.name == "postgresql":
        key = (_LOCK_SPACE << 32) | zlib.crc32(reader_id.encode())
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def retry_after(moment: datetime, now: datetime) -> dict[str, int]:
    """A limit's `retry_after` parameter: whole seconds until `moment`, at least one."""
    return {"retry_after": max(1, math.ceil((moment - now).total_seconds()))}
