"""A small HTTP/1.1 load generator: concurrent clients, each on its own kept-alive connection,
sending GET requests back to back for a fixed time.

Built on asyncio streams rather than `requests` in threads because on a 2-core machine the
load generator competes with the server for the CPU: a request costs this client under 0.1 ms
of CPU, `requests` over 1 ms (measured here), which would measure the client more than the
server.
"""

from __future__ import annotations

import asyncio
import math
import statistics
import time
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Load:
    """What one case measured; a case too slow to answer twice in its window has NaN
    percentiles."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    failures: int
    """Answers other than 200 (counted, not timed)."""


def get_request(
    url: str, path: str, token: str | None = None, *, cookie: str | None = None
) -> bytes:
    """The bytes of `GET path` on `url`'s host, with a bearer token or a cookie if given."""
    host = urlsplit(url).netloc
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}", "Accept: application/json"]
    if token:
        lines.append(f"Authorization: Bearer {token}")
    if cookie:
        lines.append(f"Cookie: {cookie}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def _status(reader: asyncio.StreamReader) -> int:
    """Read one whole response (the server sends a Content-Length) and return its status."""
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def _client(
    url: str, request: bytes, stop_at: float, timings: list[tuple[float, float]]
) -> int:
    """Send `request` until `stop_at`, noting when each answered one started and ended.
    Returns the failures."""
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    failures = 0
    try:
        while (started := time.perf_counter()) < stop_at:
            writer.write(request)
            if await _status(reader) == 200:
                timings.append((started, time.perf_counter()))
            else:
                failures += 1
    finally:
        writer.close()
    return failures


async def _load(url: str, requests: list[bytes], warmup: float, seconds: float) -> Load:
    """Requests per second: the answers that ended inside the timed window (after the warm-up
    that fills the server's pools and caches); latency: those that started inside it."""
    timed_from = time.perf_counter() + warmup
    stop_at = timed_from + seconds
    timings: list[tuple[float, float]] = []
    failures = await asyncio.gather(
        *(_client(url, request, stop_at, timings) for request in requests)
    )
    answered = sum(timed_from <= ended <= stop_at for _, ended in timings)
    latencies = [ended - started for started, ended in timings if started >= timed_from]
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [math.nan] * 99
    return Load(
        requests_per_second=answered / seconds,
        p50_ms=cuts[49] * 1000,
        p99_ms=cuts[98] * 1000,
        failures=sum(failures),
    )


def run_load(url: str, requests: list[bytes], *, warmup: float, seconds: float) -> Load:
    """One client per request in `requests`, all at once, for `warmup` + `seconds`."""
    return asyncio.run(_load(url, requests, warmup, seconds))
