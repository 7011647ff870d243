"""The HTTP transport: one `requests.Session` with the token, timeouts and safe retries.

A call is retried only when repeating it cannot do harm: reads, and writes that carry an
`Idempotency-Key` (the server replays the stored answer). Every mutating call gets a key, so
a write whose answer was lost on the wire is never applied twice.
"""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import requests
from urllib3.fields import RequestField

from publisher.client.errors import (
    AuthError,
    ClientError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    OfflineError,
    ServerError,
    ValidationError,
)

API_PREFIX = "/api/v1"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_RETRY_STATUSES = frozenset({502, 503, 504})
_CHUNK = 1 << 20
Progress = Callable[[float], None]
"""Hears the fraction of an upload sent so far, 0–1."""


class MultipartBody:
    """A multipart/form-data body streamed from open files.

    Its length is known before it is sent, so it goes out with a Content-Length (the server
    refuses an oversized upload from that header alone); the files are read a chunk at a time
    as the connection takes them, so a 2 GiB video never sits in memory; and every pass starts
    again at each file's start, so a retry sends the very same bytes. `progress` hears the
    fraction of the files' bytes sent.
    """

    def __init__(
        self,
        files: dict[str, tuple[str, BinaryIO, str]],
        boundary: str,
        progress: Progress | None = None,
    ) -> None:
        self.content_type = f"multipart/form-data; boundary={boundary}"
        self._progress = progress
        self._parts: list[tuple[bytes, BinaryIO, int, int]] = []
        for name, (filename, handle, content_type) in files.items():
            field = RequestField.from_tuples(name, (filename, b"", content_type))
            head = f"--{boundary}\r\n{field.render_headers()}".encode()
            start = handle.tell()
            size = handle.seek(0, os.SEEK_END) - start
            handle.seek(start)
            self._parts.append((head, handle, start, size))
        self._tail = f"--{boundary}--\r\n".encode()
        self._file_bytes = sum(size for _head, _handle, _start, size in self._parts)

    def __len__(self) -> int:
        framing = sum(len(head) + len(b"\r\n") for head, _handle, _start, _size in self._parts)
        return framing + self._file_bytes + len(self._tail)

    def __iter__(self) -> Iterator[bytes]:
        sent = 0
        for head, handle, start, size in self._parts:
            yield head
            handle.seek(start)
            left = size
            while left:
                chunk = handle.read(min(_CHUNK, left))
                if not chunk:
                    raise OSError("the file became shorter while it was being sent")
                left -= len(chunk)
                sent += len(chunk)
                yield chunk
                if self._progress is not None:
                    self._progress(sent / self._file_bytes)
            yield b"\r\n"
        yield self._tail


class Transport:
    """Sends requests to one backend and turns failures into typed `ClientError`s."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: float = 10.0,
        retries: int = 2,
        backoff: float = 0.2,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "ZhongcaoStudio/0.1"
        self._closed = threading.Event()
        self.set_token(token)

    def set_token(self, token: str | None) -> None:
        self.token = token
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        else:
            self.session.headers.pop("Authorization", None)

    def close(self) -> None:
        """Final: calls in flight stop at their next retry (a backoff wait ends at once) and
        later calls fail without touching the network. A closed `requests.Session` would
        otherwise open new connections, and a worker would keep retrying a backend that was
        stopped on purpose, outliving the app's shutdown."""
        self._closed.set()
        self.session.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        files: dict[str, tuple[str, BinaryIO, str]] | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        api: bool = True,
        progress: Progress | None = None,
    ) -> requests.Response:
        """Send one request; return the response on 2xx, raise a `ClientError` otherwise.

        `files` go out as a streamed multipart body (`MultipartBody`), whose sending
        `progress` follows.
        """
        method = method.upper()
        headers = {}
        if method not in _SAFE_METHODS:
            headers["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
        body = None
        if files:
            # A boundary derived from the key, so a retry or a repeat of the same upload sends
            # the very same bytes and the server can replay its answer.
            boundary = hashlib.sha256(headers["Idempotency-Key"].encode()).hexdigest()[:32]
            body = MultipartBody(files, boundary, progress)
            headers["Content-Type"] = body.content_type
        url = self.base_url + (API_PREFIX if api else "") + path
        attempt = 0
        while True:
            if self._closed.is_set():
                raise OfflineError("backend.unreachable", {"url": self.base_url})
            try:
                response = self.session.request(
                    method,
                    url,
                    json=json,
                    params=params,
                    data=body if files else data,
                    headers=headers,
                    timeout=timeout or self.timeout,
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt < self.retries:
                    attempt += 1
                    self._closed.wait(self.backoff * attempt)
                    continue
                raise OfflineError("backend.unreachable", {"url": self.base_url}) from exc
            except requests.RequestException as exc:
                raise OfflineError("backend.unreachable", {"url": self.base_url}) from exc
            if response.status_code in _RETRY_STATUSES and attempt < self.retries:
                attempt += 1
                self._closed.wait(self.backoff * attempt)
                continue
            if response.status_code >= 400:
                raise error_from_response(response)
            return response


def error_from_response(response: requests.Response) -> ClientError:
    """Map an error response of our API to the matching typed error."""
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict) or "code" not in body:
        # A HEAD answer has no body, and a proxy in between may answer in HTML: the status
        # alone still says what happened.
        body = {"code": f"http.{status}", "params": {"status": status}}
    code, params = str(body["code"]), body.get("params") or {}
    if status == 401:
        return AuthError(code, params, status)
    if status == 403:
        return ForbiddenError(code, params, status)
    if status == 404:
        return NotFoundError(code, params, status)
    if status == 409:
        return ConflictError(code, params, status, body.get("current"))
    if status in (400, 413, 415, 422, 429):
        return ValidationError(code, params, status, body.get("violations"))
    return ServerError(code, params, status)


def replayed(response: requests.Response) -> bool:
    """Whether the backend answered from an earlier request with the same idempotency key."""
    return response.headers.get("Idempotent-Replayed") == "true"
