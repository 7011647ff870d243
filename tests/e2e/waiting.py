"""Waiting in end-to-end tests for what the browser sent to reach the server."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def eventually(read: Callable[[], T], done: Callable[[T], bool], seconds: float = 20) -> T:
    """`read()` again until `done` says it shows what the browser sent, or `seconds` pass; the
    last reading either way (the test's assertion then says what is missing). The pages send
    their events with `sendBeacon` as they go, which gives a test no signal of its own to wait
    on: the server's figures are the signal."""
    deadline = time.monotonic() + seconds
    while not done(reading := read()) and time.monotonic() < deadline:
        time.sleep(0.2)
    return reading
