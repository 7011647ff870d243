"""`main.py serve`: open the database, migrate, listen, and say where.

The embedded desktop mode adds two things: a per-run token naming the local user (passed in
`ZHONGCAO_LOCAL_TOKEN`, never on the command line where `ps` shows it), and
`--exit-with-parent`, which ends the server when the app that started it is gone — however
it went — so no orphan keeps the data folder.

Every process also publishes scheduled notes when due (`services/scheduler.py`); a team
server may replace the shipped rules pack (`--rules PATH`, e.g. another scheduling window) and
choose what happens to a note found due after downtime (`--misfire publish|hold`).

A team server on PostgreSQL may answer with several worker processes (`--workers N`,
`server/workers.py`): this process migrates and binds once, then supervises N workers that each
hold their own connections and scheduler. SQLite stays at one process (see `serve`). The
embedded app never asks for workers: its backend is exactly one process.
"""

from __future__ import annotations

import gc
import getpass
import logging
import socket
import sys
import threading
from collections.abc import Callable
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import platformdirs
import uvicorn
from filelock import FileLock, Timeout
from sqlalchemy.exc import SQLAlchemyError
from uvicorn.config import STARTUP_FAILURE

from publisher.config import ServerSettings
from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.migrations import upgrade
from publisher.domain.rules import load_rules
from publisher.media_store import MediaStore
from publisher.server.app import create_app
from publisher.server.state import ServerState
from publisher.server.workers import Workers
from publisher.services import auth, idempotency, rollups

READY_PREFIX = "ZHONGCAO_LISTENING"
LOCK_FILE = "backend.lock"
"""One embedded backend (or demo seeding) per data folder holds this lock."""
ERROR_PREFIX = "ZHONGCAO_ERROR"
APP_DIR_NAME = "ZhongcaoStudio"
EXIT_START_FAILED = 3
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"

log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def _fail(code: str) -> int:
    print(f"{ERROR_PREFIX} {code}", flush=True)
    return EXIT_START_FAILED


def _connect(settings: ServerSettings) -> ServerState:
    """What every serving process holds: its own engine, the media store and the rules."""
    engine = make_engine(settings.database_url)
    return ServerState(
        settings=settings,
        engine=engine,
        sessions=make_sessionmaker(engine),
        store=MediaStore(settings.media_dir),
        rules=load_rules(settings.rules_path),
    )


def open_state(settings: ServerSettings) -> ServerState:
    """Connect, migrate and do the start-up chores: once per server, whatever its workers."""
    state = _connect(settings)
    upgrade(state.engine)
    if settings.local_token:
        name = _os_user_name()
        with state.sessions() as session:
            auth.ensure_local_user(session, display_name=name, account_name=name)
    idempotency.purge_expired(state.sessions, exclusive=state.engine.dialect.name == "sqlite")
    with state.sessions() as session:
        rollups.rebuild_if_stale(session)
    return state


def _os_user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "me"


def serve(
    *,
    host: str,
    port: int,
    db_url: str | None,
    data_dir: str | None,
    exit_with_parent: bool = False,
    rules_path: str | None = None,
    misfire: str | None = None,
    workers: int = 1,
) -> int:
    """Run the backend until stopped; returns the process exit code."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    folder = Path(data_dir) if data_dir else default_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return _fail("data_dir.unwritable")
    # Only what was given on the command line overrides the ZHONGCAO_* environment.
    settings = ServerSettings(data_dir=folder)
    overrides = {"db_url": db_url, "rules_path": rules_path, "misfire": misfire}
    given: dict[str, Any] = {key: value for key, value in overrides.items() if value}
    if given:
        settings = ServerSettings(data_dir=folder, **given)
    if settings.rules_path:
        try:
            load_rules(settings.rules_path)
        except (OSError, ValueError, KeyError, TypeError):
            # What reading a pack raises for a bad file, and only that: OSError (missing or
            # unreadable), ValueError (not UTF-8 or not JSON), KeyError (a document without
            # pack/version/as_of/rules), TypeError (JSON that is not an object). Logged, and
            # the process exits with `rules.invalid` before it serves anything.
            log.exception("cannot read the rules pack %s", settings.rules_path)
            return _fail("rules.invalid")
    if workers > 1 and settings.database_url.startswith("sqlite"):
        # SQLite takes one writer at a time for the whole file, so workers would only queue
        # on its lock (and fail after its busy timeout under load), and the start-up chores
        # assume the server is alone on the file. A SQLite server stays one process.
        log.error("--workers %s needs PostgreSQL (--db postgresql+psycopg://…)", workers)
        return _fail("workers.sqlite")
    lock = None
    if settings.database_url.startswith("sqlite"):
        # One embedded backend per data folder: a second app on the same folder is told the
        # studio is already running instead of fighting over the database.
        lock = FileLock(str(folder / LOCK_FILE))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            return _fail("data_dir.locked")
    try:
        state = open_state(settings)
    except SQLAlchemyError:
        log.exception("cannot open the database")
        return _fail("database.unavailable")
    except OSError:
        log.exception("cannot prepare the media store in %s", folder)
        return _fail("data_dir.unwritable")
    try:
        sock = _bind(host, port)
    except OSError:
        log.exception("cannot listen on %s:%s", host, port)
        return _fail("address.unavailable")
    bound_host, bound_port = sock.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    listening = partial(print, f"{READY_PREFIX} http://{shown_host}:{bound_port}", flush=True)
    try:
        if workers > 1:
            state.engine.dispose()  # this process only supervises; each worker connects
            return _serve_workers(
                settings, sock, workers, listening=listening, exit_with_parent=exit_with_parent
            )
        listening()
        _serve_here(state, sock, exit_with_parent=exit_with_parent)
    finally:
        state.engine.dispose()
        if lock is not None:
            lock.release()
    return 0


def _uvicorn_config(state: ServerState) -> uvicorn.Config:
    _tune_garbage_collector()
    return uvicorn.Config(
        create_app(state),
        log_level="warning",
        access_log=False,
        lifespan="on",
        forwarded_allow_ips=state.settings.forwarded_allow_ips,
    )


def _tune_garbage_collector() -> None:
    """Keep the collector from rescanning the server's own long-lived objects.

    A batch of 10,000 events makes tens of thousands of short-lived objects; with the default
    thresholds every few thousand of them trigger a collection, and the older generations walk
    every object the app, SQLAlchemy and pydantic hold — measured here, that was a third of
    the time of an ingestion batch. Freezing what exists once the app is built moves it out of
    the collector's sight, and a larger first threshold makes collections rarer.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def _serve_here(state: ServerState, sock: socket.socket, *, exit_with_parent: bool) -> None:
    """Serve in this process: the embedded backend, or a team server of one process."""
    server = uvicorn.Server(_uvicorn_config(state))

    def stop() -> None:
        server.should_exit = True

    if exit_with_parent:
        _stop_on_stdin_eof(stop)
    server.run(sockets=[sock])


def _serve_workers(
    settings: ServerSettings,
    sock: socket.socket,
    count: int,
    *,
    listening: Callable[[], None],
    exit_with_parent: bool,
) -> int:
    """Supervise `count` worker processes on `sock` until stopped; say `listening` once
    every one of them answers."""
    # uvicorn exits with STARTUP_FAILURE when its start-up fails: a worker that would fail
    # the same way every time, so the server stops instead of restarting it.
    workers = Workers(partial(_serve_worker, settings), sock, count, start_failed=STARTUP_FAILURE)
    if exit_with_parent:
        _stop_on_stdin_eof(workers.stop)
    return 0 if workers.run(listening) else _fail("workers.start_failed")


class _WorkerServer(uvicorn.Server):
    """A worker's server, which tells the supervisor once it accepts connections."""

    def __init__(self, config: uvicorn.Config, ready: Connection) -> None:
        super().__init__(config)
        self._ready = ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self._ready.send(None)


def _serve_worker(settings: ServerSettings, sock: socket.socket, ready: Connection) -> None:
    """One of `--workers N`, in its own process: its own connections and scheduler, and no
    migration or start-up chore (the parent did them once)."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    try:
        _WorkerServer(_uvicorn_config(_connect(settings)), ready).run(sockets=[sock])
    except KeyboardInterrupt:
        # Ctrl+C in a terminal reaches every worker; uvicorn stops gracefully, then raises
        # the signal again once it has. The parent stops the rest: nothing to report.
        pass


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket, shared by every worker.

    TCP_NODELAY, which accepted connections inherit: uvicorn writes a response's head and body
    separately, and with Nagle's algorithm on, the body waited for the client's delayed ACK —
    40 ms added to every request (measured: /health 44 ms before, 0.7 ms after)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _stop_on_stdin_eof(stop: Callable[[], None]) -> None:
    """The parent holds our stdin open and never writes: EOF means it is gone, however it died.

    Not the kernel's parent-death signal: Linux sends that when the *thread* that started us
    exits, and the app starts its backend from a pool thread that Qt retires when idle.
    """

    def watch() -> None:
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except (OSError, ValueError):
            pass
        stop()

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
