"""The HTTP transport: one `requests.Session` with the token, timeouts and safe retries.

A call is retried only when repeating it cannot do harm: reads, and writes that carry an
`Idempotency-Key` (the server replays the stored answer). Every mutating call gets a key, so
a write whose answer was lost on the wire is never applied twice.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from typing import Any, BinaryIO

import requests
from urllib3 import encode_multipart_formdata

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
    ) -> requests.Response:
        """Send one request; return the response on 2xx, raise a `ClientError` otherwise."""
        method = method.upper()
        headers = {}
        if method not in _SAFE_METHODS:
            headers["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
        body = None
        if files:
            # Encoded once with a boundary derived from the key, so a retry or a repeat of the
            # same upload sends the very same bytes and the server can replay its answer.
            boundary = hashlib.sha256(headers["Idempotency-Key"].encode()).hexdigest()[:32]
            body, headers["Content-Type"] = encode_multipart_formdata(
                {
                    name: (fname, handle.read(), ctype)
                    for name, (fname, handle, ctype) in files.items()
                },
                boundary=boundary,
            )
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
