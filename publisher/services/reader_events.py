"""The reader door of `POST /events`: what a reader's page reports it showed them — tiles seen
(impressions), a note opened or a video watched (views), shares and product clicks.

The page sends `{note_id, kind, value?, completed?, product_id?}`; the server stamps the time
and an id per reader, note, kind and time bucket (`BUCKET_SECONDS`), so an impression counts
once per reader and note in ten minutes however often it is sent. Likes, follows, comments and
orders never come through here: their own endpoints know whether the reader really did them.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from sqlalchemy.orm import Session

from publisher.domain.metrics import MAX_WATCH_SECONDS
from publisher.services import events
from publisher.services.errors import Invalid, TooLarge
from publisher.services.reader_actions import (
    Engagement,
    PublicNote,
    public_notes,
    reader_event_id,
)
from publisher.stats_schemas import EventIn, EventKindName, EventsReceipt, RejectedEvent

READER_EVENT_KINDS = frozenset({"impression", "view", "share", "product_click"})
"""What the reader door takes; the other kinds come from their own endpoints."""
BUCKET_SECONDS = {"impression": 600, "view": 1800, "share": 86400, "product_click": 600}
"""How often one reader's event of each kind counts for one note (product clicks: per
product of the note)."""
MAX_READER_EVENTS = 200
WATCH_SLACK = 2.0
"""Seconds a player may report beyond a video's length (the last frame, rounding)."""
COMPLETION_SHARE = 0.9
"""A view is complete when at least this share of the video was watched."""


class ReaderEventIn(BaseModel):
    """One event as a reader's page sends it: the server adds the time and the id."""

    model_config = ConfigDict(extra="forbid")

    note_id: uuid.UUID
    kind: EventKindName
    value: int | None = Field(default=None, ge=0, le=MAX_WATCH_SECONDS)
    completed: bool | None = None
    product_id: uuid.UUID | None = None


_ITEMS = TypeAdapter(list[object])
_ITEM = TypeAdapter(ReaderEventIn)


def parse_reader_batch(body: bytes) -> tuple[list[tuple[int, ReaderEventIn]], list[RejectedEvent]]:
    """The events of a reader's batch with their positions, and the malformed ones.

    Raises:
        Invalid: `events.not_a_list` when the body is not a JSON list.
        TooLarge: `events.too_many` ({max}) beyond `MAX_READER_EVENTS`.
    """
    try:
        items = _ITEMS.validate_json(body)
    except ValidationError:
        raise Invalid("events.not_a_list") from None
    if len(items) > MAX_READER_EVENTS:
        raise TooLarge("events.too_many", {"max": MAX_READER_EVENTS})
    good: list[tuple[int, ReaderEventIn]] = []
    bad: list[RejectedEvent] = []
    for index, item in enumerate(items):
        try:
            good.append((index, _ITEM.validate_python(item)))
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"])
            bad.append(
                RejectedEvent(
                    index=index,
                    code="event.invalid",
                    params={"field": field, "reason": first["type"]},
                )
            )
    return good, bad


def _bucket(kind: str, now: datetime) -> str:
    """The number of the time bucket `now` falls in for events of `kind`."""
    return str(math.floor(now.timestamp() / BUCKET_SECONDS[kind]))


def _refusal(event: ReaderEventIn, note: PublicNote | None) -> tuple[str, dict[str, Any]] | None:
    """Why a reader's event cannot count, or None when it can."""
    if note is None:
        return "note.not_found", {}
    kind = event.kind
    if kind not in READER_EVENT_KINDS:
        return "event.kind_not_allowed", {"kind": kind}
    if kind == "product_click":
        if event.product_id is None:
            return "event.product_required", {}
        if event.product_id not in note.product_ids:
            return "event.product_not_linked", {"product_id": str(event.product_id)}
    elif event.product_id is not None:
        return "event.value_not_allowed", {"kind": kind, "field": "product_id"}
    if kind != "view":
        if event.value is not None or event.completed is not None:
            return "event.value_not_allowed", {"kind": kind}
        return None
    if event.value is None:
        return None
    if note.duration is None:
        return "event.value_not_allowed", {"kind": "view"}
    if event.value > note.duration + WATCH_SLACK:
        return "event.bad_value", {"kind": "view", "max": math.ceil(note.duration)}
    return None


def completion(event: ReaderEventIn, note: PublicNote) -> bool | None:
    """The completion a view keeps: claimed with the watch time to show for it (at least
    `COMPLETION_SHARE` of the video). A claim without it is dropped, not the view: a player
    rounding its seconds must not lose the reader's view, and a made-up claim counts nothing."""
    if not event.completed:
        return event.completed
    length, watched = note.duration or 0, event.value or 0
    return True if length and watched >= length * COMPLETION_SHARE else None


def record_reader_events(
    session: Session,
    reader_id: str,
    items: Sequence[tuple[int, ReaderEventIn]],
    rejected: list[RejectedEvent],
    *,
    now: datetime,
) -> tuple[EventsReceipt, list[Engagement]]:
    """Check a reader's events, stamp each with the time and its bucket's id, and record the
    good ones (committed). Returns the receipt and what the views, shares and product clicks
    teach the reader's interests."""
    notes = public_notes(session, {event.note_id for _, event in items})
    good: list[EventIn] = []
    taught: dict[tuple[uuid.UUID, str], Engagement] = {}
    for index, event in items:
        note = notes.get(event.note_id)
        refusal = _refusal(event, note)
        if refusal is not None:
            rejected.append(RejectedEvent(index=index, code=refusal[0], params=refusal[1]))
            continue
        assert note is not None
        extra = str(event.product_id or "")
        event_id = reader_event_id(reader_id, note.id, event.kind, _bucket(event.kind, now), extra)
        good.append(
            EventIn(
                id=event_id,
                note_id=note.id,
                kind=event.kind,
                ts=now,
                value=event.value,
                completed=completion(event, note),
            )
        )
        if event.kind != "impression":
            taught.setdefault((note.id, event.kind), note.engagement(event.kind))
    accepted, duplicates = events.record(session, good)
    session.commit()
    rejected.sort(key=lambda refusal: refusal.index)
    receipt = EventsReceipt(accepted=accepted, duplicates=duplicates, rejected=rejected)
    return receipt, list(taught.values())
