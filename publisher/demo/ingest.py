"""Feeding the generated activity through event ingestion, chunk by chunk, in time order.

Events go in through `publisher.services.events.record` — the same door the backend's reader
pages use — so they are stored idempotently and the daily rollups count them in the same
transaction. Chunks follow time, so each touches few note-days and the rollup upserts stay
small; ids grow with time (a run stamp, then a sequence), so the unique index is appended to
rather than written all over.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from publisher.demo.activity import Activity
from publisher.demo.world import EVENT_ID_PREFIX
from publisher.domain.metrics import EventKind
from publisher.services import events
from publisher.stats_schemas import EventIn

CHUNK = 40_000
_FIELDS = {"id", "note_id", "kind", "ts", "value", "completed"}
_NAMES = {int(kind): kind.name.lower() for kind in EventKind}
_COMPLETED = {-1: None, 0: False, 1: True}

Progress = Callable[[int, int, float], None]
"""Called after each chunk with (events stored, events in all, seconds so far)."""


def run_stamp(now: datetime) -> str:
    """Eight hex digits of the run's start: ids of a later run sort after an earlier one's."""
    return f"{int(now.timestamp()):08x}"


def feed(
    session: Session,
    activity: Activity,
    note_ids: list[uuid.UUID],
    *,
    stamp: str,
    progress: Progress | None = None,
) -> tuple[int, int]:
    """Record every event of `activity` (whose `note` column indexes `note_ids`), committing
    after each chunk. Returns (new, duplicates) as ingestion counted them."""
    started = time.perf_counter()
    total, new, duplicates = len(activity), 0, 0
    for start in range(0, total, CHUNK):
        end = min(total, start + CHUNK)
        batch = _events(activity, note_ids, start, end, f"{EVENT_ID_PREFIX}{stamp}-")
        added, seen = events.record(session, batch)
        session.commit()
        new, duplicates = new + added, duplicates + seen
        if progress is not None:
            progress(end, total, time.perf_counter() - started)
    return new, duplicates


def _events(
    activity: Activity, note_ids: list[uuid.UUID], start: int, end: int, prefix: str
) -> list[EventIn]:
    build = EventIn.model_construct
    columns = zip(
        range(start, end),
        activity.note[start:end].tolist(),
        activity.kind[start:end].tolist(),
        activity.ts[start:end].tolist(),
        activity.value[start:end].tolist(),
        activity.completed[start:end].tolist(),
        strict=True,
    )
    return [
        build(
            _FIELDS,
            id=f"{prefix}{seq:010d}",
            note_id=note_ids[note],
            kind=_NAMES[kind],
            ts=datetime.fromtimestamp(ts, UTC),
            value=None if value < 0 else value,
            completed=_COMPLETED[completed],
        )
        for seq, note, kind, ts, value, completed in columns
    ]
