"""Thread lanes for background work: reads in parallel, writes one at a time, in order.

Saves must reach the backend in the order they were made, so every mutation goes through the
single-thread write lane; reads and uploads use their own pools so a slow upload never holds up
a save. Workers only run plain callables: they never see a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, QThreadPool


class Lane(Enum):
    READ = "read"
    WRITE = "write"
    MEDIA = "media"
    DISK = "disk"
    EXPORT = "export"
    """Waits on video exports running in child processes, so an encode of minutes never holds
    a media thread that thumbnails and uploads need."""


_THREADS = {Lane.READ: 4, Lane.WRITE: 1, Lane.MEDIA: 2, Lane.DISK: 1, Lane.EXPORT: 1}


class TaskRunner:
    """Owns one QThreadPool per lane; `wait()` drains them on shutdown."""

    def __init__(self, parent: QObject | None = None) -> None:
        self._pools: dict[Lane, QThreadPool] = {}
        for lane, threads in _THREADS.items():
            pool = QThreadPool(parent)
            pool.setMaxThreadCount(threads)
            self._pools[lane] = pool

    def run(self, lane: Lane, job: Callable[[], None]) -> None:
        # The pool is handed the callable itself, never a QRunnable.create() wrapper: the pool
        # deletes a finished runnable behind shiboken's back, and the stale wrapper left at that
        # address was later returned for an unrelated object allocated there (a table's
        # selectionModel() came back as a QRunnable).
        self._pools[lane].start(job)

    def wait(self, lane: Lane, msecs: int) -> bool:
        """Block until `lane` is idle or `msecs` passed; True when it drained."""
        return self._pools[lane].waitForDone(msecs)

    def wait_all(self, msecs: int) -> None:
        for pool in self._pools.values():
            pool.waitForDone(msecs)
