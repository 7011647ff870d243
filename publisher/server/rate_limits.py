"""How fast one reader, and one network address, may act on the reader pages: sliding windows
kept in this process's memory.

These limits keep a script from inflating a note's figures or flooding its comments faster
than people could; they are not a quota anyone is owed. Per process is enough for that: with
several workers a reader gets the limit once per worker at most. What must hold across
processes — a reader's comments and orders — is counted in the database by the services.

Every window forgets a key once the key has been quiet for a whole window, and keeps at most
`max_keys` keys (the least recently used go first), so a flood of fresh reader ids cannot
grow the memory without bound; the address limits catch such a flood.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request

from publisher.services.errors import TooManyRequests

MAX_KEYS = 50_000
NEW_READERS_PER_HOUR = 120
"""Reader ids one network address gets in an hour: a family or an office behind one address
is far below it; a script minting readers to like a note a thousand times is far above."""


class _Log:
    __slots__ = ("entries", "total")

    def __init__(self) -> None:
        self.entries: deque[tuple[float, int]] = deque()
        self.total = 0


class SlidingWindow:
    """At most `limit` units per key within any `window` seconds."""

    def __init__(
        self,
        limit: int,
        window: float,
        *,
        max_keys: int = MAX_KEYS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._max_keys = max_keys
        self._clock = clock
        self._lock = threading.Lock()
        self._logs: OrderedDict[str, _Log] = OrderedDict()

    def wait(self, key: str, amount: int = 1) -> float:
        """Take `amount` units for `key` when they fit (returns 0), else take nothing and
        return the seconds until they would fit."""
        now = self._clock()
        with self._lock:
            self._forget_quiet(now)
            log = self._logs.get(key)
            if log is None:
                log = self._logs[key] = _Log()
                while len(self._logs) > self._max_keys:
                    self._logs.popitem(last=False)
            else:
                self._logs.move_to_end(key)
            while log.entries and log.entries[0][0] <= now - self.window:
                log.total -= log.entries.popleft()[1]
            if log.total + amount <= self.limit:
                log.entries.append((now, amount))
                log.total += amount
                return 0.0
            if amount > self.limit:
                return self.window
            return self._until_fits(log, log.total + amount - self.limit, now)

    def _forget_quiet(self, now: float) -> None:
        """Drop the keys quiet for a whole window (the least recently used come first)."""
        while self._logs:
            oldest = next(iter(self._logs.values()))
            if oldest.entries and oldest.entries[-1][0] > now - self.window:
                return
            self._logs.popitem(last=False)

    def __len__(self) -> int:
        return len(self._logs)

    def _until_fits(self, log: _Log, excess: int, now: float) -> float:
        """When enough of the oldest units leave the window to make room for `excess` more."""
        freed = 0
        for moment, units in log.entries:
            freed += units
            if freed >= excess:
                return max(0.0, moment + self.window - now)
        return self.window

    def give_back(self, key: str, amount: int) -> None:
        """Undo the latest `wait` of `amount` for `key` (another limit refused the request)."""
        with self._lock:
            log = self._logs.get(key)
            if log is not None and log.entries and log.entries[-1][1] == amount:
                log.entries.pop()
                log.total -= amount


@dataclass(frozen=True)
class Limit:
    """A window and what it counts by: the reader (their cookie id) or the address."""

    window: SlidingWindow
    by: str
    """reader | address"""


class ReaderLimits:
    """The limits of each kind of reader request in one server process."""

    def __init__(self) -> None:
        per_minute, per_hour = 60.0, 3600.0
        self.events = (
            Limit(SlidingWindow(300, per_minute), "reader"),
            Limit(SlidingWindow(1200, per_minute), "address"),
        )
        """Events are counted one by one, not by batch: a feed scrolled fast shows a tile
        or two a second."""
        self.reactions = (
            Limit(SlidingWindow(60, per_minute), "reader"),
            Limit(SlidingWindow(600, per_minute), "address"),
        )
        """Likes, collects and follows, on and off."""
        self.comments = (Limit(SlidingWindow(60, per_hour), "address"),)
        """Per reader the database counts them (1 per 15 s, 20 an hour)."""
        self.orders = (Limit(SlidingWindow(60, per_hour), "address"),)
        """Per reader the database counts them (10 an hour)."""
        self.new_readers = SlidingWindow(NEW_READERS_PER_HOUR, per_hour)
        """Signed reader ids handed out per address (`publisher.reader.web`)."""


_CREATE = threading.Lock()


def reader_limits(request: Request) -> ReaderLimits:
    """This process's limits (made on first use, kept on the application)."""
    state = request.app.state
    limits = getattr(state, "reader_limits", None)
    if limits is None:
        with _CREATE:
            limits = getattr(state, "reader_limits", None)
            if limits is None:
                limits = state.reader_limits = ReaderLimits()
    return limits


def address_of(request: Request) -> str:
    """The reader's network address (the proxy's forwarded one when the server trusts it). An
    IPv6 address counts by its /64 network: one home or phone gets a whole /64 and may
    change addresses inside it at will."""
    host = request.client.host if request.client else "unknown"
    try:
        parsed = ipaddress.ip_address(host)
    except ValueError:
        return host
    if parsed.version == 6 and parsed.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{host}/64", strict=False))
    return host


def check(
    limits: tuple[Limit, ...], reader_id: str, address: str, code: str, amount: int = 1
) -> None:
    """Take `amount` from every limit, or none when one of them is spent.

    Raises:
        TooManyRequests: `code` with `retry_after` (whole seconds, at least 1).
    """
    taken: list[tuple[Limit, str]] = []
    for limit in limits:
        key = reader_id if limit.by == "reader" else address
        wait = limit.window.wait(key, amount)
        if wait:
            for earlier, earlier_key in taken:
                earlier.window.give_back(earlier_key, amount)
            raise TooManyRequests(code, {"retry_after": max(1, math.ceil(wait))})
        taken.append((limit, key))
