"""Engines and sessions: SQLite tuned for a desktop (WAL, busy timeout), PostgreSQL as is."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_CACHE_KIB = 16 * 1024


def make_engine(url: str) -> Engine:
    """Create the engine for `url`; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        )
        event.listen(engine, "connect", _configure_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _configure_sqlite(dbapi_connection, _record) -> None:
    # WAL lets readers proceed during a write and survives a killed process without a lock
    # left behind; synchronous=NORMAL is durable across process crashes in WAL mode.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # 16 MB of page cache per connection instead of 2 MB: the event id index of a data
    # center grows to hundreds of MB, and inserting into it — and reading rollups — was
    # ~10 % faster with it (measured; the memory is taken only as pages are read).
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
