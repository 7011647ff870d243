"""The app's link to its backend: starts the child, watches it, and hands out clients.

State machine: starting → connected; connected → offline when a call cannot reach the backend
or the child died; offline → connected after a health check (or a restart) succeeds, with
backoff between tries; starting → failed when the child refuses to start (e.g. another app
already holds the data folder). Workers take a client per thread, because a
`requests.Session` is not meant to be shared between threads.
"""

from __future__ import annotations

import threading
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from publisher.client import OfflineError, StudioClient
from studio.backend_process import BackendProcess, BackendStartError
from studio.ops import run_in_background
from studio.tasks import Lane, TaskRunner

_WATCH_MS = 1000
_BACKOFF_MS = (500, 1000, 2000, 4000, 8000, 15000, 30000)


class BackendState(Enum):
    STARTING = "starting"
    CONNECTED = "connected"
    OFFLINE = "offline"
    FAILED = "failed"


class Connection(QObject):
    """Owns the embedded backend process and the per-thread clients talking to it."""

    state_changed = Signal(object)
    """BackendState; `error_code` holds the reason when it is FAILED."""

    def __init__(self, data_dir: Path, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._data_dir = data_dir
        self._runner = runner
        self._process: BackendProcess | None = None
        self._state = BackendState.STARTING
        self.error_code: str | None = None
        self._url: str | None = None
        self._token: str | None = None
        self._generation = 0
        self._local = threading.local()
        self._clients: list[StudioClient] = []
        self._clients_lock = threading.Lock()
        self._attempt = 0
        self._busy = False
        self._closed = False
        """Set by stop(): from then on nothing starts a backend again (late failures of
        calls still in flight would otherwise restart one that nobody stops)."""
        self._watch = QTimer(self, interval=_WATCH_MS, timeout=self._on_watch_timeout)
        self._retry = QTimer(self, singleShot=True, timeout=self._recover)

    # -- read by pages ---------------------------------------------------------------------

    @property
    def state(self) -> BackendState:
        return self._state

    @property
    def url(self) -> str | None:
        return self._url

    @property
    def token(self) -> str | None:
        return self._token

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def client(self) -> StudioClient:
        """This thread's client for the current backend; safe to call from workers."""
        url, token, generation = self._url, self._token, self._generation
        if self._closed:
            # Stopped on purpose (the app is closing): a late worker gets no fresh client
            # that would knock on the stopped backend's door.
            raise OfflineError("backend.unreachable", {"url": url or ""})
        if url is None:
            raise OfflineError("backend.not_ready", {})
        cached = getattr(self._local, "client", None)
        if cached is not None and self._local.generation == generation:
            return cached
        client = StudioClient(url, token)
        self._local.client, self._local.generation = client, generation
        with self._clients_lock:
            self._clients.append(client)
        return client

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Spawn the backend in a worker; the window stays responsive meanwhile."""
        if self._busy or self._closed:
            return
        self._busy = True
        if self._process is not None:
            # The previous child is dead (we only restart then): reap it and close its pipe.
            self._process.stop()
        process = BackendProcess(self._data_dir)
        self._process = process
        if self._state is not BackendState.OFFLINE:
            self._set_state(BackendState.STARTING)
        run_in_background(
            self._runner,
            Lane.READ,
            owner=self,
            job=lambda _progress: process.start(),
            on_success=lambda url: self._on_started(process, url),
            on_failure=self._on_start_failed,
        )

    def stop(self) -> None:
        """Stop the child (blocking, for at most a few seconds) and close every client."""
        self._closed = True
        self._watch.stop()
        self._retry.stop()
        if self._process is not None:
            self._process.stop()
        with self._clients_lock:
            clients, self._clients = self._clients, []
        for client in clients:
            client.close()

    def report_offline(self) -> None:
        """A call could not reach the backend: check it, restart it if needed, with backoff."""
        if self._state is BackendState.CONNECTED:
            self._set_state(BackendState.OFFLINE)
            self._schedule_recovery()

    def retry_now(self) -> None:
        """The user asked to try again after a failed start."""
        self._attempt = 0
        self._set_state(BackendState.STARTING)
        self.start()

    # -- internals -------------------------------------------------------------------------

    def _set_state(self, state: BackendState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    def _on_started(self, process: BackendProcess, url: str) -> None:
        self._busy = False
        self._url, self._token = url, process.token
        self._generation += 1
        self._attempt = 0
        self.error_code = None
        self._watch.start()
        self._set_state(BackendState.CONNECTED)

    def _on_start_failed(self, error: BaseException) -> None:
        self._busy = False
        code = error.code if isinstance(error, BackendStartError) else "backend.exited"
        if self._state is BackendState.OFFLINE and code != "data_dir.locked":
            self._schedule_recovery()
            return
        self.error_code = code
        self._set_state(BackendState.FAILED)

    def _on_watch_timeout(self) -> None:
        process = self._process
        if process is not None and not process.stopping and not process.is_running():
            self._watch.stop()
            self._set_state(BackendState.OFFLINE)
            self._schedule_recovery()

    def _schedule_recovery(self) -> None:
        if self._closed:
            return
        delay = _BACKOFF_MS[min(self._attempt, len(_BACKOFF_MS) - 1)]
        self._attempt += 1
        self._retry.start(delay)

    def _recover(self) -> None:
        process = self._process
        if process is None or not process.is_running():
            self.start()
            return
        run_in_background(
            self._runner,
            Lane.READ,
            owner=self,
            job=lambda _progress: self.client().health(),
            on_success=lambda _health: self._on_healthy(),
            on_failure=lambda _error: self._schedule_recovery(),
        )

    def _on_healthy(self) -> None:
        self._attempt = 0
        self._watch.start()
        self._set_state(BackendState.CONNECTED)
