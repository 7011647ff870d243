"""Databases migrated once per test session, copied for every backend a test starts.

Running every migration on a fresh database is a large part of a backend's start (a few tenths
of a second on SQLite, about a second on PostgreSQL), and the suite starts hundreds. So each
worker migrates one SQLite file and one PostgreSQL database, and a test's fresh backend gets a
copy: its own `main.py serve` still runs `upgrade`, which finds nothing to do. Migrating from
an empty database stays tested: here once per session, and in test_migrations and every test
that starts a backend on a folder it made itself.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from publisher.config import DEFAULT_DB_FILE
from publisher.db.engine import make_engine
from publisher.db.migrations import upgrade


def migrate(db_url: str) -> None:
    """Bring the database at `db_url` to the newest schema, and let go of it."""
    engine = make_engine(db_url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def migrated_sqlite(folder: Path) -> Path:
    """A SQLite database in `folder`, migrated to the newest schema."""
    path = folder / DEFAULT_DB_FILE
    migrate(f"sqlite:///{path}")
    return path


def seed_data_dir(data_dir: Path, template: Path) -> None:
    """Give a new data folder a copy of the migrated `template` as its embedded database; a
    folder that already has a database keeps it. The backup API copies a consistent database
    whatever state the template's write-ahead log is in."""
    target = data_dir / DEFAULT_DB_FILE
    if target.exists():
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
