"""ASGI middleware honouring `Idempotency-Key` on every mutating request.

It sits outside the routes so that every endpoint, present and future, gets the same
behaviour: same key + same body → the stored response; same key + other body → 422.
Responses of 5xx are not stored, so a retry after a server failure runs again.

The body is read whole before the route runs (its hash decides replay or refusal), so it is
held for the route: in memory while small, in a temporary file beside the media store's
incoming uploads beyond `MEMORY_BODY_BYTES` — a 2 GiB video upload never sits in memory.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from publisher.services import idempotency
from publisher.services.auth import principal_for_token
from publisher.services.errors import Unauthorized

MUTATING = frozenset({b"POST", b"PUT", b"PATCH", b"DELETE"})
UNSTORED_PATHS = frozenset(
    {
        "/api/v1/auth/token",
        "/api/v1/checklist",
        "/api/v1/topics/suggest",
        "/api/v1/notes/near-duplicates",
        "/api/v1/stats/imports/preview",
    }
)
"""Answers never kept: a sign-in's answer is a live bearer token; the checklist, topic
suggestions and the near-duplicate check are questions asked by POST (they change nothing),
so a retry simply asks again."""
ANONYMOUS_PATHS = frozenset({"/api/v1/auth/register"})
"""The only mutating calls a caller without a token may make."""
MAX_KEY_LENGTH = 255
MEMORY_BODY_BYTES = 1024 * 1024
"""Bodies up to this size stay in memory: every JSON call (capped at 1 MiB) and small photos."""
_CHUNK = 1024 * 1024
_T = TypeVar("_T")


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
        # BodyLimitMiddleware, outside, has capped the body's size.
        with _HeldBody(state.store.incoming) as body:
            digest = hashlib.sha256()
            digest.update(scope["method"].encode() + b" " + scope["path"].encode() + b"?")
            digest.update(scope.get("query_string", b"") + b"\n")
            if not await body.receive_all(receive, digest.update):
                return  # the client left, or the body was refused as too large: nothing to run
            result = await run_in_threadpool(
                idempotency.claim,
                state.sessions,
                principal=principal or "anonymous",
                key=key,
                request_hash=digest.hexdigest(),
            )
            if isinstance(result, idempotency.StoredResponse):
                await _send(
                    send, result.status_code, result.body, result.content_type, replayed=True
                )
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

    async def _run_and_store(
        self, scope: Scope, body: _HeldBody, send: Send, state, record_id
    ) -> None:
        body.rewind()
        replayed = False

        async def replay_receive() -> Message:
            nonlocal replayed
            if replayed:
                return {"type": "http.disconnect"}
            chunk, more = await body.next_chunk()
            replayed = not more
            return {"type": "http.request", "body": chunk, "more_body": more}

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
            body.close()  # before the answer goes out: no spooled upload outlives its request
        except BaseException:
            await run_in_threadpool(idempotency.release, state.sessions, record_id)
            raise
        if status >= 500:
            await run_in_threadpool(idempotency.release, state.sessions, record_id)
        else:
            answer = b"".join(
                m.get("body", b"") for m in messages if m["type"] == "http.response.body"
            )
            stored = idempotency.StoredResponse(status, answer, content_type)
            await run_in_threadpool(idempotency.complete, state.sessions, record_id, stored)
        for message in messages:
            await send(message)


class _HeldBody:
    """A request body held for the route: in memory up to `MEMORY_BODY_BYTES`, then in an
    anonymous temporary file in `folder` (the media store's, so on the disk uploads go to
    and not in a RAM-backed /tmp). Past the memory size its file calls run off the event
    loop. Closing it deletes the file."""

    def __init__(self, folder: Path) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=MEMORY_BODY_BYTES, dir=str(folder))
        self.size = 0
        self._read = 0

    def __enter__(self) -> _HeldBody:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._file.close()

    async def _io(self, call: Callable[..., _T], *args: Any) -> _T:
        if self.size <= MEMORY_BODY_BYTES:
            return call(*args)
        return await run_in_threadpool(call, *args)

    async def receive_all(self, receive: Receive, seen: Callable[[bytes], object]) -> bool:
        """Hold the whole body, showing each piece to `seen`; False when the client left
        before sending all of it."""
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return False
            chunk = message.get("body", b"")
            seen(chunk)
            self.size += len(chunk)
            await self._io(self._file.write, chunk)
            if not message.get("more_body", False):
                return True

    def rewind(self) -> None:
        self._file.seek(0)
        self._read = 0

    async def next_chunk(self) -> tuple[bytes, bool]:
        """The next piece of the body and whether more follows."""
        chunk = await self._io(self._file.read, _CHUNK)
        self._read += len(chunk)
        return chunk, self._read < self.size


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
