"""Event ingestion: `POST /events` takes a JSON list of reader actions, up to 10,000 a call."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from publisher.server.deps import CurrentUser, StateDep
from publisher.services import events
from publisher.stats_schemas import MAX_EVENTS_PER_CALL, EventIn, EventsReceipt

router = APIRouter(tags=["stats"])

MAX_EVENTS_BODY = 8 * 1024 * 1024
"""10,000 events of ~250 bytes with room to spare."""


@router.post(
    "/events",
    response_model=EventsReceipt,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "array",
                        "maxItems": MAX_EVENTS_PER_CALL,
                        "items": EventIn.model_json_schema(),
                    }
                }
            },
        }
    },
)
async def post_events(request: Request, user: CurrentUser, state: StateDep) -> EventsReceipt:
    """Record events `{id, note_id, kind, ts, value?, completed?}`; the same `id` twice counts
    once. Events of notes the caller may not change are refused one by one (`rejected`, with
    each event's position), the rest are counted.

    The body is read raw and validated in one pass rather than through FastAPI's per-field
    machinery: a batch of 10,000 must cost milliseconds, not a second."""
    body = await request.body()
    return await run_in_threadpool(_ingest, state, user, body)


def _ingest(state, user, body: bytes) -> EventsReceipt:
    parsed, rejected = events.parse_batch(body)
    with state.sessions() as session:
        return events.ingest(session, user, parsed, rejected, now=datetime.now(UTC))
