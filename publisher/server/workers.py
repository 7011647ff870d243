"""Several worker processes answering on one port (`serve --workers N`, a team server).

The parent binds the listening socket once and hands it to N worker processes; the kernel
gives each new connection to whichever worker accepts first. The parent says the server is
ready once every worker accepts connections (one that is still starting would leave all early
connections to the others, kept alive there), then only supervises: a worker that dies is
replaced, and SIGINT, SIGTERM or `stop()` end them all gracefully (each finishes its requests
and its scheduler tick).

Workers are spawned, not forked: none inherits the parent's threads or database connections.
What a worker runs is the caller's `target(sock, ready)`, a picklable module-level callable
that sends one message on the `ready` connection once it accepts connections; this module
knows nothing of the app it serves.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

log = logging.getLogger(__name__)

STOP_TIMEOUT = 30.0
"""Seconds a worker gets to finish its requests before it is killed."""
POLL_SECONDS = 0.5
"""How often the supervisor looks at its stop flag while no worker ends."""

_spawn = multiprocessing.get_context("spawn")


class Workers:
    """Keep `count` processes running `target(sock, ready)` until stopped."""

    def __init__(
        self,
        target: Callable[[socket.socket, Connection], None],
        sock: socket.socket,
        count: int,
        *,
        start_failed: int,
    ) -> None:
        """`start_failed` is the exit status of a worker that could not start: it would fail
        the same way again, so the supervisor stops instead of replacing it."""
        self._target = target
        self._sock = sock
        self._count = count
        self._start_failed = start_failed
        self._stopping = threading.Event()
        self._failed = False
        self._ready_in, self._ready_out = _spawn.Pipe(duplex=False)

    def stop(self) -> None:
        """Ask every worker to finish; `run()` returns once they have (any thread)."""
        self._stopping.set()

    def run(self, on_ready: Callable[[], None]) -> bool:
        """Start the workers, call `on_ready` once all of them accept connections, and
        supervise them until stopped; False if one could not start."""
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, lambda _signum, _frame: self.stop())
        processes: list[BaseProcess] = []
        starting = self._count
        try:
            processes.extend(self._start() for _ in range(self._count))
            while not self._stopping.is_set():
                sentinels = [process.sentinel for process in processes]
                wait([self._ready_in, *sentinels], timeout=POLL_SECONDS)
                while self._ready_in.poll():
                    self._ready_in.recv()
                    starting -= 1  # replacements count too: only reaching 0 matters
                    if starting == 0:
                        on_ready()
                self._replace_ended(processes)
        finally:
            _end(processes)
        return not self._failed

    def _replace_ended(self, processes: list[BaseProcess]) -> None:
        """A new worker for each that ended, unless stopping; one that could not start stops
        the server instead."""
        for index, process in enumerate(processes):
            if process.exitcode is None or self._stopping.is_set():
                continue
            if process.exitcode == self._start_failed:
                log.error("worker %s could not start; stopping the server", process.pid)
                self._failed = True
                self.stop()
            else:
                log.warning("worker %s ended (%s); starting another", process.pid, process.exitcode)
                processes[index] = self._start()

    def _start(self) -> BaseProcess:
        # Not daemonic: a worker may start processes of its own (media work in a child).
        process = _spawn.Process(target=self._target, args=(self._sock, self._ready_out))
        process.start()
        return process


def _end(processes: list[BaseProcess]) -> None:
    """SIGTERM (a graceful stop for uvicorn), then wait; kill whoever outlasts the wait."""
    for process in processes:
        if process.exitcode is None:
            process.terminate()
    for process in processes:
        process.join(STOP_TIMEOUT)
        if process.exitcode is None:
            process.kill()
            process.join()
