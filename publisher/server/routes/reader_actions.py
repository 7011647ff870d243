"""What readers do, as JSON: the reader door of `POST /api/v1/events` and `/api/v1/reader/…`
(like, collect, follow, comment, order). No token: the reader is their cookie.

Bodies are read raw and checked here rather than by FastAPI's validation, so that every
answer — refusals included — sets the cookies the reader is owed and speaks the API's error
shape (`{code, params}`; a 429 carries `retry_after` and a Retry-After header). Types are
strict: `{"on": "yes"}` is refused, not read as true.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, StrictBool, StrictInt, ValidationError
from starlette.concurrency import run_in_threadpool

from publisher.reader.web import Reader, reader_of, remember
from publisher.schemas import ErrorPublic
from publisher.server.rate_limits import Limit, address_of, check, reader_limits
from publisher.server.state import ServerState
from publisher.services import reader_actions
from publisher.services.errors import Invalid, ServiceError, TooLarge
from publisher.services.reader_actions import Engagement

router = APIRouter(include_in_schema=False)

PREFIX = "/api/v1/reader"
MAX_READER_BODY = 64 * 1024
"""200 reader events are ~25 KB: a reader's batch is never the 8 MB a studio's may be."""

M = TypeVar("M", bound=BaseModel)
Answer = tuple[dict[str, Any], Engagement | list[Engagement] | None]
"""An action's answer and what it taught the reader's interests."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Toggle(_Strict):
    on: StrictBool


class FollowIn(Toggle):
    note_id: uuid.UUID | None = None


class CommentIn(_Strict):
    body: str
    name: str | None = None


class OrderIn(_Strict):
    quantity: StrictInt
    note_id: uuid.UUID | None = None


def refusal(error: ServiceError) -> JSONResponse:
    """A service's refusal as the API answers it."""
    body = ErrorPublic(code=error.code, params=error.params, **error.extra)
    response = JSONResponse(body.model_dump(mode="json", exclude_none=True), error.status)
    if error.status == 429:
        response.headers["Retry-After"] = str(error.params["retry_after"])
    return response


def _invalid(error: ValidationError) -> Invalid:
    fields = [
        {"loc": ["body", *(str(part) for part in item["loc"])], "type": item["type"]}
        for item in error.errors()
    ]
    return Invalid("request.invalid", {"fields": fields})


def _id(raw: str, name: str) -> uuid.UUID:
    """A path's id, or `request.invalid` (422) for anything that is not a UUID."""
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise Invalid(
            "request.invalid", {"fields": [{"loc": ["path", name], "type": "uuid_parsing"}]}
        ) from None


async def _payload(request: Request, model: type[M]) -> M:
    try:
        return model.model_validate_json(await request.body() or b"{}")
    except ValidationError as error:
        raise _invalid(error) from None


def _limit(
    request: Request, reader: Reader, limits: tuple[Limit, ...], code: str, amount: int = 1
) -> None:
    check(limits, reader.id, address_of(request), code, amount)


async def _work(request: Request, action: Callable[..., Any], *args: Any) -> Any:
    """Run a service action in a session on a worker thread, at the current time."""
    state: ServerState = request.app.state.backend

    def run() -> Any:
        with state.sessions() as session:
            return action(session, *args, now=datetime.now(UTC))

    return await run_in_threadpool(run)


async def _answer(request: Request, act: Callable[[Reader], Awaitable[Answer]]) -> Response:
    """Answer a reader's action with its result, or its refusal, and the reader's cookies
    (their interests updated by what the action taught)."""
    reader = reader_of(request)
    try:
        answer, taught = await act(reader)
    except ServiceError as error:
        return remember(refusal(error), reader, request)
    for engagement in [taught] if isinstance(taught, Engagement) else taught or []:
        reader.learn(engagement.kind, engagement.topic_ids, engagement.account_id)
    return remember(JSONResponse(answer), reader, request)


async def reader_events(request: Request, body: bytes) -> Response:
    """The reader door of `POST /events` (a request without an Authorization header): up to
    200 events `{note_id, kind, value?, completed?, product_id?}` of kinds impression, view,
    share and product_click; the server stamps the time and an id per reader, note, kind and
    time bucket, so repeats are duplicates."""

    async def act(reader: Reader) -> Answer:
        if len(body) > MAX_READER_BODY:
            raise TooLarge("request.too_large")
        items, rejected = reader_actions.parse_reader_batch(body)
        if items or rejected:
            limits = reader_limits(request).events
            _limit(request, reader, limits, "events.rate_limited", len(items) + len(rejected))
        receipt, taught = await _work(
            request, reader_actions.record_reader_events, reader.id, items, rejected
        )
        return receipt.model_dump(mode="json"), taught

    return await _answer(request, act)


async def _react(request: Request, note_id: str, kind: str) -> Response:
    async def act(reader: Reader) -> Answer:
        target = _id(note_id, "note_id")
        toggle = await _payload(request, Toggle)
        _limit(request, reader, reader_limits(request).reactions, "reader.rate_limited")
        return await _work(request, reader_actions.set_reaction, reader.id, target, kind, toggle.on)

    return await _answer(request, act)


@router.post(PREFIX + "/notes/{note_id}/like")
async def like(request: Request, note_id: str) -> Response:
    """`{"on": bool}` → `{"on", "count"}` (the likes shown)."""
    return await _react(request, note_id, "like")


@router.post(PREFIX + "/notes/{note_id}/collect")
async def collect(request: Request, note_id: str) -> Response:
    """`{"on": bool}` → `{"on", "count"}` (the collects shown)."""
    return await _react(request, note_id, "collect")


@router.post(PREFIX + "/accounts/{account_id}/follow")
async def follow(request: Request, account_id: str) -> Response:
    """`{"on": bool, "note_id": uuid|null}` → `{"on", "count"}` (the followers shown)."""

    async def act(reader: Reader) -> Answer:
        target = _id(account_id, "account_id")
        data = await _payload(request, FollowIn)
        _limit(request, reader, reader_limits(request).reactions, "reader.rate_limited")
        return await _work(
            request, reader_actions.set_follow, reader.id, target, data.on, data.note_id
        )

    return await _answer(request, act)


@router.post(PREFIX + "/notes/{note_id}/comments")
async def comment(request: Request, note_id: str) -> Response:
    """`{"body": str, "name": str|null}` → `{"id", "name", "body", "status", "created_at"}`."""

    async def act(reader: Reader) -> Answer:
        target = _id(note_id, "note_id")
        data = await _payload(request, CommentIn)
        _limit(request, reader, reader_limits(request).comments, "reader_comment.rate_limited")
        rules = request.app.state.backend.rules
        written, taught = await _work(
            request, reader_actions.add_comment, rules, reader.id, target, data.body, data.name
        )
        answer = {
            "id": str(written.id),
            "name": written.name,
            "body": written.body,
            "status": written.status,
            "created_at": written.created_at.isoformat(),
        }
        return answer, taught

    return await _answer(request, act)


@router.post(PREFIX + "/products/{product_id}/orders")
async def order(request: Request, product_id: str) -> Response:
    """`{"quantity": int, "note_id": uuid|null}` → `{"order_id", "amount_fen", "stock"}`."""

    async def act(reader: Reader) -> Answer:
        target = _id(product_id, "product_id")
        data = await _payload(request, OrderIn)
        _limit(request, reader, reader_limits(request).orders, "reader_order.rate_limited")
        placed, stock, taught = await _work(
            request, reader_actions.place_order, reader.id, target, data.quantity, data.note_id
        )
        answer = {"order_id": str(placed.id), "amount_fen": placed.amount_fen, "stock": stock}
        return answer, taught

    return await _answer(request, act)
