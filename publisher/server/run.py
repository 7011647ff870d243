"""`main.py serve`: open the database, migrate, listen, and say where.

The embedded desktop mode adds two things: a per-run token naming the local user (passed in
`ZHONGCAO_LOCAL_TOKEN`, never on the command line where `ps` shows it), and
`--exit-with-parent`, which ends the server when the app that started it is gone — however
it went — so no orphan keeps the data folder.

Every process also publishes scheduled notes when due (`services/scheduler.py`); a team
server may replace the shipped rules pack (`--rules PATH`, e.g. another scheduling window) and
choose what happens to a note found due after downtime (`--misfire publish|hold`).
"""

from __future__ import annotations

import getpass
import logging
import socket
import sys
import threading
from pathlib import Path
from typing import Any

import platformdirs
import uvicorn
from filelock import FileLock, Timeout
from sqlalchemy.exc import SQLAlchemyError

from publisher.config import ServerSettings
from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.migrations import upgrade
from publisher.domain.rules import load_rules
from publisher.media_store import MediaStore
from publisher.server.app import create_app
from publisher.server.state import ServerState
from publisher.services import auth, idempotency

READY_PREFIX = "ZHONGCAO_LISTENING"
ERROR_PREFIX = "ZHONGCAO_ERROR"
APP_DIR_NAME = "ZhongcaoStudio"
EXIT_START_FAILED = 3

log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def _fail(code: str) -> int:
    print(f"{ERROR_PREFIX} {code}", flush=True)
    return EXIT_START_FAILED


def open_state(settings: ServerSettings) -> ServerState:
    """Connect, migrate and load what a backend process needs."""
    engine = make_engine(settings.database_url)
    upgrade(engine)
    sessions = make_sessionmaker(engine)
    state = ServerState(
        settings=settings,
        engine=engine,
        sessions=sessions,
        store=MediaStore(settings.media_dir),
        rules=load_rules(settings.rules_path),
    )
    if settings.local_token:
        name = _os_user_name()
        with sessions() as session:
            auth.ensure_local_user(session, display_name=name, account_name=name)
    idempotency.purge_expired(sessions, exclusive=engine.dialect.name == "sqlite")
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
) -> int:
    """Run the backend until stopped; returns the process exit code."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
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
    lock = None
    if settings.database_url.startswith("sqlite"):
        # One embedded backend per data folder: a second app on the same folder is told the
        # studio is already running instead of fighting over the database.
        lock = FileLock(str(folder / "backend.lock"))
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
    print(f"{READY_PREFIX} http://{shown_host}:{bound_port}", flush=True)
    config = uvicorn.Config(create_app(state), log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    if exit_with_parent:
        _stop_on_stdin_eof(server)
    try:
        server.run(sockets=[sock])
    finally:
        state.engine.dispose()
        if lock is not None:
            lock.release()
    return 0


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _stop_on_stdin_eof(server: uvicorn.Server) -> None:
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
        server.should_exit = True

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
