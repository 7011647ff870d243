"""What readers do, as JSON: the reader door of `POST /api/v1/events` and `/api/v1/reader/…`
(like, collect, follow, comment, order). No token: the reader is their cookie.

Bodies are read raw (64 KB at most) and checked here rather than by FastAPI's validation, so
that every answer — refusals included — sets the cookies the reader is owed and speaks the
API's error shape (`{code, params}`; a 429 carries `retry_after` and a Retry-After header).
Types are strict: `{"on": "yes"}` is refused, not read as true.

Two refusals come before anything else (403, nothing recorded):
- `reader.cross_site`: another website's page posting from a visitor's browser. Browsers say
  where a request comes from in `Sec-Fetch-Site`, which no page can set; a browser too old to
  send it still sends `Origin` with a POST from another site. Our own pages' fetches and
  beacons are `same-origin`; a script outside any browser may send what it likes, and meets
  the per-reader limits instead.
- `reader.unknown`: no valid signed reader id (`Reader.new`): ids come only with pages, so
  one made up by a script — to get past the per-reader limits — counts nothing. A reader
  who opens the page again has one.
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

from publisher.reader.web import Reader, parse_uuid, reader_of, remember
from publisher.schemas import ErrorPublic
from publisher.server.rate_limits import Limit, address_of, check, reader_limits
from publisher.server.state import ServerState
from publisher.services import reader_comments, reader_events, reader_orders, reader_reactions
from publisher.services.errors import Forbidden, Invalid, ServiceError, TooLarge
from publisher.services.reader_actions import Engagement

router = APIRouter(include_in_schema=False)

PREFIX = "/api/v1/reader"
MAX_READER_BODY = 64 * 1024
"""200 reader events are ~25 KB: a reader's batch is never the 8 MB a studio's may be."""
OWN_SITE = frozenset({"same-origin", "none"})
"""`Sec-Fetch-Site` of a request from our own pages (`none`: typed or bookmarked)."""

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
    found = parse_uuid(raw)
    if found is None:
        fields = [{"loc": ["path", name], "type": "uuid_parsing"}]
        raise Invalid("request.invalid", {"fields": fields})
    return found


async def _body(request: Request) -> bytes:
    """The request's body, refused beyond `MAX_READER_BODY` before more of it is kept: at once
    when its Content-Length says so, else as soon as the bytes read pass it (the server drops
    the rest once the answer is out).

    Raises: TooLarge `request.too_large` ({max}).
    """
    too_large = TooLarge("request.too_large", {"max": MAX_READER_BODY})
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_READER_BODY:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_READER_BODY:
            raise too_large
    return bytes(body)


async def _payload(request: Request, model: type[M]) -> M:
    try:
        return model.model_validate_json(await _body(request) or b"{}")
    except ValidationError as error:
        raise _invalid(error) from None


def _cross_site(request: Request) -> bool:
    """Whether a browser says the request comes from another site's page (see the module)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site.lower() not in OWN_SITE
    origin = request.headers.get("origin")
    return origin is not None and origin.lower() != f"{request.url.scheme}://{request.url.netloc}"


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
        if _cross_site(request):
            raise Forbidden("reader.cross_site")
        if reader.new:
            raise Forbidden("reader.unknown")
        answer, taught = await act(reader)
    except ServiceError as error:
        return remember(refusal(error), reader, request)
    for engagement in [taught] if isinstance(taught, Engagement) else taught or []:
        reader.learn(engagement.kind, engagement.topic_ids, engagement.account_id)
    return remember(JSONResponse(answer), reader, request)


async def reader_door(request: Request) -> Response:
    """The reader door of `POST /events` (a request without an Authorization header): up to
    200 events `{note_id, kind, value?, completed?, product_id?}` of kinds impression, view,
    share and product_click; the server stamps the time and an id per reader, note, kind and
    time bucket, so repeats are duplicates."""

    async def act(reader: Reader) -> Answer:
        items, rejected = reader_events.parse_reader_batch(await _body(request))
        if items or rejected:
            limits = reader_limits(request).events
            _limit(request, reader, limits, "events.rate_limited", len(items) + len(rejected))
        receipt, taught = await _work(
            request, reader_events.record_reader_events, reader.id, items, rejected
        )
        return receipt.model_dump(mode="json"), taught

    return await _answer(request, act)


async def _react(request: Request, note_id: str, kind: str) -> Response:
    async def act(reader: Reader) -> Answer:
        target = _id(note_id, "note_id")
        toggle = await _payload(request, Toggle)
        _limit(request, reader, reader_limits(request).reactions, "reader.rate_limited")
        return await _work(
            request, reader_reactions.set_reaction, reader.id, target, kind, toggle.on
        )

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
            request, reader_reactions.set_follow, reader.id, target, data.on, data.note_id
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
            request, reader_comments.add_comment, rules, reader.id, target, data.body, data.name
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
            request, reader_orders.place_order, reader.id, target, data.quantity, data.note_id
        )
        answer = {"order_id": str(placed.id), "amount_fen": placed.amount_fen, "stock": stock}
        return answer, taught

    return await _answer(request, act)
