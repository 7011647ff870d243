"""ASGI middleware capping request bodies before anything buffers them.

The multipart parser spools a whole upload to a temporary file before a route sees it, so a
cap checked in the route comes too late for a hostile 10 GB body. This refuses early: at once
when `Content-Length` says too much, and for chunked bodies as soon as the count passes it.
JSON calls get a small cap; only the upload endpoints get the media cap.

A refused body is read and thrown away (up to `DRAIN_MAX_BYTES`) before the answer goes out:
a server that closes a connection with unread data makes the kernel reset it, and the reset
can destroy the 413 the client has not read yet — it would see a broken connection instead of
"too large". Bodies beyond the drain cap are hostile; they get the answer at once.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_REFUSAL = json.dumps({"code": "request.too_large", "params": {}}).encode()
DRAIN_MAX_BYTES = 256 * 1024 * 1024


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, default_max: int, upload_paths: dict[str, int]) -> None:
        self.app = app
        self.default_max = default_max
        self.upload_paths = upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self.upload_paths.get(scope["path"], self.default_max)
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_bytes:
            # A client that asked "100-continue" has sent nothing yet: do not invite it to.
            if headers.get(b"expect", b"").lower() != b"100-continue":
                await _drain(receive, int(declared))
            await self._refuse(send)
            return
        received = 0
        refused = False
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    refused = True
                    if not response_started:
                        if message.get("more_body", False):
                            await _drain(receive, DRAIN_MAX_BYTES - received)
                        await self._refuse(send)
                    # The app sees the client gone and stops reading; its answer is dropped.
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal response_started
            if refused:
                return
            response_started = True
            await send(message)

        await self.app(scope, counting_receive, guarded_send)

    async def _refuse(self, send: Send) -> None:
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(_REFUSAL)).encode()),
            (b"connection", b"close"),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": _REFUSAL})


async def _drain(receive: Receive, limit: int) -> None:
    """Read and discard the rest of the request body, at most `limit` more bytes."""
    if limit > DRAIN_MAX_BYTES:
        return
    drained = 0
    while drained <= limit:
        message = await receive()
        if message["type"] != "http.request":
            return
        drained += len(message.get("body", b""))
        if not message.get("more_body", False):
            return
