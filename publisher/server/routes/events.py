"""Event ingestion: `POST /events` takes a JSON list of reader actions, up to 10,000 a call.

A request without an Authorization header is a reader's page reporting what its reader saw
(`reader_actions.reader_door`): a different, much smaller door with its own checks (64 KB,
refused before it is read; readers with a signed id only; our own pages only)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from publisher.server.deps import StateDep, TokenDep
from publisher.server.routes.reader_actions import reader_door
from publisher.services import auth, events
from publisher.services.errors import Unauthorized
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
async def post_events(
    request: Request, state: StateDep, token: TokenDep
) -> EventsReceipt | Response:
    """Record events `{id, note_id, kind, ts, value?, completed?}`; the same `id` twice counts
    once. Events of notes the caller may not change are refused one by one (`rejected`, with
    each event's position), the rest are counted.

    The body is read raw and validated in one pass rather than through FastAPI's per-field
    machinery: a batch of 10,000 must cost milliseconds, not a second.

    Without an Authorization header this is the reader pages' door: up to 200 events
    `{note_id, kind, value?, completed?, product_id?}` (impression, view, share,
    product_click) of public notes, stamped and identified by the server per reader."""
    if "authorization" not in request.headers:
        return await reader_door(request)
    if not token:
        raise Unauthorized("auth.missing_token")
    return await run_in_threadpool(_ingest, state, token, await request.body())


def _ingest(state, token: str, body: bytes) -> EventsReceipt:
    with state.sessions() as session:
        user = auth.user_for_token(session, token, local_token=state.settings.local_token)
        parsed, rejected = events.parse_batch(body)
        return events.ingest(session, user, parsed, rejected, now=datetime.now(UTC))
