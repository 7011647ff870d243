"""The app's link to its backend: the embedded child process, or a team server signed in to.

Embedded (the default): the app starts `main.py serve` as its child, watches it and restarts
it. Team server: no child; the app talks to a URL with the signed-in user's token. Both share
one state machine: starting → connected; connected → offline when a call cannot reach the
backend (or the child died, or the team server missed the periodic check); offline → connected
after a health check (or a restart) succeeds, with backoff between tries; starting → failed
when the child refuses to start (e.g. another app already holds the data folder). A team server
that answers 401 (the token expired or was revoked) leads to signed_out, which waits for the
user to sign in again instead of retrying.

Switching backends (Settings) first cuts the old one off: every client handed out so far is
closed and no new one is handed out until the new backend is connected. A barrier in the write
lane then waits for the saves and uploads already queued (they now fail without touching the
network) before `backend_changed` lets the drafts reopen under the new backend's key, so
nothing written for one backend is ever sent to the other. Once the new backend is connected,
`switched` tells every page to load again. Workers take a client per thread, because a
`requests.Session` is not meant to be shared between threads.
"""

from __future__ import annotations

import threading
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from publisher.client import AuthError, OfflineError, StudioClient
from studio import team_server
from studio.backend_process import BackendProcess, BackendStartError
from studio.offline_copy import CopyKeepingClient, OfflineCopy
from studio.ops import run_in_background
from studio.settings import TEAM_EMAIL, TEAM_MODE, TEAM_URL, Settings
from studio.tasks import Lane, TaskRunner
from studio.team_server import TeamServer, TeamSession, TokenStore

if TYPE_CHECKING:
    from publisher.schemas import UserPublic

_WATCH_MS = 1000
_TEAM_WATCH_MS = 5000
"""A team server is asked who we are this often: it notices a server gone away, or a token
revoked, even while nobody clicks anything."""
_BACKOFF_MS = (500, 1000, 2000, 4000, 8000, 15000, 30000)
_SWITCH_DRAIN_MS = 60_000
"""How long a switch waits for uploads still running to the old backend."""


class BackendState(Enum):
    STARTING = "starting"
    CONNECTED = "connected"
    OFFLINE = "offline"
    FAILED = "failed"
    SIGNED_OUT = "signed_out"
    """Team server only: no valid token; the user must sign in again (Settings)."""


class Connection(QObject):
    """Owns the link to the backend (and the embedded child) and the per-thread clients."""

    state_changed = Signal(object)
    """BackendState; `error_code` holds the reason when it is FAILED."""
    backend_changed = Signal()
    """The app now points at another backend (`backend_key`): what was written for the old
    one stays with it. Emitted before the new one is connected."""
    switched = Signal()
    """The backend chosen (or signed in to again) is connected: load everything again."""
    _unauthorized = Signal(int)
    """From workers: a call made with the token of this generation was answered 401."""

    def __init__(
        self, data_dir: Path, runner: TaskRunner, settings: Settings, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._data_dir = data_dir
        self._runner = runner
        self._settings = settings
        self._tokens = TokenStore(data_dir)
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
        self._pending: object | None = None
        """The start, check or switch in flight; an answer for another one is stale."""
        self._checking = False
        self._closed = False
        """Set by stop(): from then on nothing starts a backend again (late failures of
        calls still in flight would otherwise restart one that nobody stops)."""
        self._team, self._session = self._saved_team()
        self._user: UserPublic | None = None
        self._announce = False
        self._watch = QTimer(self, interval=_WATCH_MS, timeout=self._on_watch_timeout)
        self._retry = QTimer(self, singleShot=True, timeout=self._recover)
        self._unauthorized.connect(self._on_unauthorized)

    def _saved_team(self) -> tuple[TeamServer | None, TeamSession | None]:
        if not self._settings.get(TEAM_MODE):
            return None, None
        team = TeamServer(self._settings.get(TEAM_URL), self._settings.get(TEAM_EMAIL))
        session = self._tokens.load()
        return team, session if session is not None and session.server == team else None

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

    @property
    def team(self) -> TeamServer | None:
        """The team server in use; None while the app uses its embedded backend."""
        return self._team

    @property
    def session(self) -> TeamSession | None:
        """The sign-in on the team server; None when embedded or signed out."""
        return self._session

    @property
    def user(self) -> UserPublic | None:
        """Who the team server says we are, once connected to it."""
        return self._user

    @property
    def backend_key(self) -> str | None:
        """Names the backend for what is kept per backend (drafts): None for the embedded
        one, else the team server and user (`TeamServer.key`)."""
        return None if self._team is None else self._team.key

    def client(self) -> StudioClient:
        """This thread's client for the current backend; safe to call from workers."""
        url, token, generation = self._url, self._token, self._generation
        if self._closed:
            # Stopped on purpose (the app is closing): a late worker gets no fresh client
            # that would knock on the stopped backend's door.
            raise OfflineError("backend.unreachable", {"url": url or ""})
        session = self._session
        if url is None and session is not None and self._state is BackendState.OFFLINE:
            # Not reached since the app started: the saved sign-in still names the server,
            # and the offline copy answers what it can until the server is back.
            url, token = session.server.url, session.token
        if url is None:
            signed_out = self._state is BackendState.SIGNED_OUT
            raise OfflineError("auth.signed_out" if signed_out else "backend.not_ready", {})
        cached = getattr(self._local, "client", None)
        if cached is not None and self._local.generation == generation:
            return cached
        client: StudioClient
        if self._team is None:
            client = StudioClient(url, token)
        else:
            client = CopyKeepingClient(url, token, OfflineCopy(self._data_dir, self._team.key))
            client.transport.session.hooks["response"].append(self._watch_401(generation))
        self._local.client, self._local.generation = client, generation
        with self._clients_lock:
            self._clients.append(client)
        return client

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Connect in a worker (spawn the embedded child, or check the team server and the
        token); the window stays responsive meanwhile."""
        if self._pending is not None or self._closed:
            return
        if self._team is None:
            self._spawn()
        else:
            self._check_team()

    def stop(self) -> None:
        """Stop the child (blocking, for at most a few seconds) and close every client."""
        self._closed = True
        self._watch.stop()
        self._retry.stop()
        if self._process is not None:
            self._process.stop()
        self._close_clients()

    def report_offline(self) -> None:
        """A call could not reach the backend: check it, restart it if needed, with backoff."""
        if self._state is BackendState.CONNECTED:
            self._set_state(BackendState.OFFLINE)
            self._schedule_recovery()

    def retry_now(self) -> None:
        """The user asked to try again after a failed start."""
        if self._state is BackendState.SIGNED_OUT:
            return  # only signing in again helps
        self._attempt = 0
        self._set_state(BackendState.STARTING)
        self.start()

    # -- choosing the backend (Settings) ---------------------------------------------------

    def use_team_server(self, session: TeamSession) -> None:
        """Signed in (in a worker, with `team_server.sign_in`): work on that server as that
        user from now on, and after every restart until signed out."""
        self._tokens.save(session)
        self._settings.set(TEAM_MODE, True)
        self._settings.set(TEAM_URL, session.server.url)
        self._settings.set(TEAM_EMAIL, session.server.email)
        self._session = session
        self._announce = True
        if session.server == self._team:
            # The same server and user signed in again: same drafts, nothing to switch.
            self._pending = None
            self._retry.stop()
            self._attempt = 0
            self._set_state(BackendState.STARTING)
            self._check_team()
        else:
            self._switch(session.server)

    def sign_out(self) -> None:
        """Revoke the token and forget it; the app stays on the team server, signed out."""
        if self._team is None:
            return
        self._forget_session()
        self._cut_off()
        self._set_state(BackendState.SIGNED_OUT)

    def use_this_computer(self) -> None:
        """Leave the team server (signing out of it) and go back to the embedded backend."""
        if self._team is None:
            return
        self._forget_session()
        self._settings.set(TEAM_MODE, False)
        self._announce = True
        self._switch(None)

    # -- internals -------------------------------------------------------------------------

    def _set_state(self, state: BackendState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    def _connected(self) -> None:
        self._attempt = 0
        self.error_code = None
        self._watch.start(_WATCH_MS if self._team is None else _TEAM_WATCH_MS)
        self._set_state(BackendState.CONNECTED)
        if self._announce:
            self._announce = False
            self.switched.emit()

    def _close_clients(self) -> None:
        with self._clients_lock:
            clients, self._clients = self._clients, []
        for client in clients:
            client.close()

    def _cut_off(self) -> None:
        """Nothing more reaches the current backend: calls in flight stop at their next
        retry, and no client is handed out until the next one is connected."""
        self._watch.stop()
        self._retry.stop()
        self._pending = None
        self._url = self._token = None
        self._user = None
        self._generation += 1
        self._close_clients()

    def _forget_session(self) -> None:
        session, self._session = self._session, None
        self._tokens.clear()
        if session is not None:
            run_in_background(
                self._runner,
                Lane.READ,
                owner=self,
                job=lambda _progress: team_server.revoke(session),
                on_success=lambda _none: None,
                on_failure=lambda _error: None,
            )

    def _switch(self, team: TeamServer | None) -> None:
        self._cut_off()
        self._attempt = 0
        self.error_code = None
        self._set_state(BackendState.STARTING)
        process, self._process = self._process, None
        runner, ticket = self._runner, object()
        self._pending = ticket

        def barrier(_progress: Any) -> None:
            # Runs in the write lane after every save queued for the old backend (they fail
            # fast now); uploads get a while to end. Then the embedded child may go.
            runner.wait(Lane.MEDIA, _SWITCH_DRAIN_MS)
            if process is not None:
                process.stop()

        run_in_background(
            runner,
            Lane.WRITE,
            owner=self,
            job=barrier,
            on_success=lambda _none: self._switched_to(ticket, team),
            on_failure=lambda _error: self._switched_to(ticket, team),
        )

    def _switched_to(self, ticket: object, team: TeamServer | None) -> None:
        if ticket is not self._pending:
            return
        self._pending = None
        self._team = team
        self.backend_changed.emit()
        self.start()

    # -- the embedded child

    def _spawn(self) -> None:
        if self._process is not None:
            # The previous child is dead (we only restart then): reap it and close its pipe.
            self._process.stop()
        process = BackendProcess(self._data_dir)
        self._process = process
        self._pending = ticket = object()
        if self._state is not BackendState.OFFLINE:
            self._set_state(BackendState.STARTING)
        run_in_background(
            self._runner,
            Lane.READ,
            owner=self,
            job=lambda _progress: process.start(),
            on_success=lambda url: self._on_started(ticket, process, url),
            on_failure=lambda error: self._on_start_failed(ticket, error),
        )

    def _on_started(self, ticket: object, process: BackendProcess, url: str) -> None:
        if ticket is not self._pending:
            process.stop()  # started for a backend the app has left meanwhile
            return
        self._pending = None
        self._url, self._token = url, process.token
        self._generation += 1
        self._connected()

    def _on_start_failed(self, ticket: object, error: BaseException) -> None:
        if ticket is not self._pending:
            return
        self._pending = None
        code = error.code if isinstance(error, BackendStartError) else "backend.exited"
        if self._state is BackendState.OFFLINE and code != "data_dir.locked":
            self._schedule_recovery()
            return
        self.error_code = code
        self._set_state(BackendState.FAILED)

    # -- the team server

    def _check_team(self) -> None:
        session = self._session
        if session is None or session.expired():
            self._signed_out()
            return
        self._pending = ticket = object()
        if self._state is not BackendState.OFFLINE:
            self._set_state(BackendState.STARTING)
        run_in_background(
            self._runner,
            Lane.READ,
            owner=self,
            job=lambda _progress: team_server.verify(session),
            on_success=lambda user: self._on_team_ready(ticket, session, user),
            on_failure=lambda error: self._on_team_unavailable(ticket, error),
        )

    def _on_team_ready(self, ticket: object, session: TeamSession, user: UserPublic) -> None:
        if ticket is not self._pending:
            return
        self._pending = None
        self._user = user
        if (self._url, self._token) != (session.server.url, session.token):
            self._url, self._token = session.server.url, session.token
            self._generation += 1
        if user.display_name != session.display_name:
            self._session = team_server.session_as(session, user)
            self._tokens.save(self._session)
        self._connected()

    def _on_team_unavailable(self, ticket: object, error: BaseException) -> None:
        if ticket is not self._pending:
            return
        self._pending = None
        if isinstance(error, AuthError):
            self._signed_out()
            return
        self.error_code = getattr(error, "code", None)
        self._watch.stop()
        self._set_state(BackendState.OFFLINE)
        self._schedule_recovery()

    def _watch_401(self, generation: int) -> Any:
        """A `requests` response hook: a 401 on any call means the token is no longer good."""
        emit = self._unauthorized.emit

        def hook(response: Any, *_args: Any, **_kwargs: Any) -> None:
            if response.status_code == 401:
                emit(generation)

        return hook

    def _on_unauthorized(self, generation: int) -> None:
        if generation == self._generation and self._team is not None:
            self._signed_out()

    def _signed_out(self) -> None:
        """The token is gone or refused: forget it and wait for the user, no retrying."""
        self._session = None
        self._tokens.clear()
        self._cut_off()
        self._set_state(BackendState.SIGNED_OUT)

    # -- watching and recovering

    def _on_watch_timeout(self) -> None:
        if self._team is not None:
            self._check_team_quietly()
            return
        process = self._process
        if process is not None and not process.stopping and not process.is_running():
            self._watch.stop()
            self._set_state(BackendState.OFFLINE)
            self._schedule_recovery()

    def _check_team_quietly(self) -> None:
        """Who are we? Through the ordinary client, so a 401 signs out like any call's."""
        if self._checking:
            return
        self._checking = True
        generation = self._generation
        run_in_background(
            self._runner,
            Lane.READ,
            owner=self,
            job=lambda _progress: self.client().me(),
            on_success=lambda _user: self._checked(generation, None),
            on_failure=lambda error: self._checked(generation, error),
        )

    def _checked(self, generation: int, error: BaseException | None) -> None:
        self._checking = False
        if generation == self._generation and isinstance(error, OfflineError):
            self.report_offline()

    def _schedule_recovery(self) -> None:
        if self._closed:
            return
        delay = _BACKOFF_MS[min(self._attempt, len(_BACKOFF_MS) - 1)]
        self._attempt += 1
        self._retry.start(delay)

    def _recover(self) -> None:
        if self._team is not None:
            if self._pending is None:
                self._check_team()
            return
        process = self._process
        if process is None or not process.is_running():
            self.start()
            return
        generation = self._generation
        run_in_background(
            self._runner,
            Lane.READ,
            owner=self,
            job=lambda _progress: self.client().health(),
            on_success=lambda _health: self._on_recovery_check(generation, healthy=True),
            on_failure=lambda _error: self._on_recovery_check(generation, healthy=False),
        )

    def _on_recovery_check(self, generation: int, *, healthy: bool) -> None:
        if generation != self._generation or self._team is not None:
            return  # the app switched backends meanwhile
        if healthy:
            self._connected()
        else:
            self._schedule_recovery()
