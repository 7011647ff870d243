"""ASGI middleware honouring `Idempotency-Key` on every mutating request.

It sits outside the routes so that every endpoint, present and future, gets the same
behaviour: same key + same body → the stored response; same key + other body → 422.
Responses of 5xx are not stored, so a retry after a server failure runs again.
"""

from __future__ import annotations

import hashlib
import json

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from publisher.services import idempotency
from publisher.services.auth import principal_for_token
from publisher.services.errors import Unauthorized

MUTATING = frozenset({b"POST", b"PUT", b"PATCH", b"DELETE"})
UNSTORED_PATHS = frozenset({"/api/v1/auth/token", "/api/v1/checklist", "/api/v1/topics/suggest"})
"""Answers never kept: a sign-in's answer is a live bearer token; the checklist and topic
suggestions are questions asked by POST (they change nothing), so a retry simply asks again."""
ANONYMOUS_PATHS = frozenset({"/api/v1/auth/register"})
"""The only mutating calls a caller without a token may make."""
MAX_KEY_LENGTH = 255


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return value
    return None


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"].encode() not in MUTATING
            or scope["path"] in UNSTORED_PATHS
        ):
            await self.app(scope, receive, send)
            return
        raw_key = _header(scope, b"idempotency-key")
        if raw_key is None:
            await self.app(scope, receive, send)
            return
        key = raw_key.decode("latin-1").strip()
        if not key or len(key) > MAX_KEY_LENGTH:
            await _send_error(send, 422, "idempotency.bad_key")
            return
        state = scope["app"].state.backend
        principal = await run_in_threadpool(self._principal, scope, state)
        if principal is None and scope["path"] not in ANONYMOUS_PATHS:
            # Refused unread: the route answers 401 without us buffering a stranger's body.
            await self.app(scope, receive, send)
            return
        # The body is whole in memory here; BodyLimitMiddleware, outside, has capped its size.
        body = await _read_body(receive)
        if body is None:
            return  # the client left, or the body was refused as too large: nothing to run
        digest = hashlib.sha256()
        digest.update(scope["method"].encode() + b" " + scope["path"].encode() + b"?")
        digest.update(scope.get("query_string", b"") + b"\n")
        digest.update(body)
        result = await run_in_threadpool(
            idempotency.claim,
            state.sessions,
            principal=principal or "anonymous",
            key=key,
            request_hash=digest.hexdigest(),
        )
        if isinstance(result, idempotency.StoredResponse):
            await _send(send, result.status_code, result.body, result.content_type, replayed=True)
            return
        if isinstance(result, idempotency.Mismatch):
            await _send_error(send, 422, "idempotency.key_reused")
            return
        if isinstance(result, idempotency.InProgress):
            await _send_error(send, 409, "idempotency.in_progress")
            return
        await self._run_and_store(scope, body, send, state, result.record_id)

    @staticmethod
    def _principal(scope: Scope, state) -> str | None:
        authorization = (_header(scope, b"authorization") or b"").decode("latin-1")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token:
            with state.sessions() as session:
                try:
                    return str(
                        principal_for_token(
                            session, token.strip(), local_token=state.settings.local_token
                        )
                    )
                except Unauthorized:
                    return None
        return None

    async def _run_and_store(self, scope: Scope, body: bytes, send: Send, state, record_id) -> None:
        replayed = False

        async def replay_receive() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return {"type": "http.disconnect"}

        status = 500
        content_type: str | None = None
        messages: list[Message] = []

        async def capture_send(message: Message) -> None:
            # Held back until the answer is stored: a client that retries the instant it
            # reads the answer must find the record complete, not still in progress.
            nonlocal status, content_type
            if message["type"] == "http.response.start":
                status = message["status"]
                for name, value in message.get("headers", []):
                    if name.lower() == b"content-type":
                        content_type = value.decode("latin-1")
            messages.append(message)

        try:
            await self.app(scope, replay_receive, capture_send)
        except BaseException:
            await run_in_threadpool(idempotency.release, state.sessions, record_id)
            raise
        if status >= 500:
            await run_in_threadpool(idempotency.release, state.sessions, record_id)
        else:
            body = b"".join(
                m.get("body", b"") for m in messages if m["type"] == "http.response.body"
            )
            stored = idempotency.StoredResponse(status, body, content_type)
            await run_in_threadpool(idempotency.complete, state.sessions, record_id, stored)
        for message in messages:
            await send(message)


async def _read_body(receive: Receive) -> bytes | None:
    """The whole request body, or None when the client disconnected before sending it."""
    parts: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        parts.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(parts)


async def _send(
    send: Send, status: int, body: bytes, content_type: str | None, *, replayed: bool = False
) -> None:
    headers = [(b"content-length", str(len(body)).encode())]
    if content_type:
        headers.append((b"content-type", content_type.encode("latin-1")))
    if replayed:
        headers.append((b"idempotent-replayed", b"true"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _send_error(send: Send, status: int, code: str) -> None:
    body = json.dumps({"code": code, "params": {}}).encode()
    await _send(send, status, body, "application/json")
