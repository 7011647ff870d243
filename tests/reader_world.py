"""A demo world (the tiny scale) served by a real backend, for the reader pages' tests.

The world is seeded once per test session and copied for each module that serves it, so a
module's likes, comments and orders never leak into another's figures. `world.db()` opens the
copy's database for assertions and for finding ids. A module that needs the world changed
before any page is served changes its copy before the server starts (`served_world`): the
server loads its catalog snapshot as it starts.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.models import Note
from publisher.demo.command import run
from publisher.services.reader_catalog import is_public_note
from tests.backend_process import TestBackend, start_backend

HOSTILE_TITLE = '<script>alert("reader")</script>防晒笔记'
HOSTILE_TITLE_ESCAPED = "&lt;script&gt;alert(&#34;reader&#34;)&lt;/script&gt;防晒笔记"


@dataclass
class ReaderWorld:
    folder: Path
    backend: TestBackend
    sessions: sessionmaker[Session]

    @property
    def url(self) -> str:
        return self.backend.url

    def db(self) -> Session:
        return self.sessions()


@pytest.fixture(scope="session")
def reader_world_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reader-world-template")
    out, err = io.StringIO(), io.StringIO()
    assert run("tiny", str(folder), reset=False, stdout=out, stderr=err) == 0, err.getvalue()
    return folder


@contextmanager
def served_world(
    template: Path,
    tmp_path_factory: pytest.TempPathFactory,
    prepare: Callable[[Session], None] | None = None,
) -> Iterator[ReaderWorld]:
    """A backend serving a private copy of the template world, changed by `prepare` (which
    commits) before the server starts."""
    folder = tmp_path_factory.mktemp("reader-world") / "data"
    shutil.copytree(template, folder)
    engine = make_engine(f"sqlite:///{folder / 'studio.db'}")
    sessions = make_sessionmaker(engine)
    try:
        if prepare is not None:
            with sessions() as session:
                prepare(session)
        backend = start_backend(folder)
        try:
            yield ReaderWorld(folder, backend, sessions)
        finally:
            backend.stop()
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def reader_world(
    reader_world_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ReaderWorld]:
    """A backend serving a private copy of the tiny demo world."""
    with served_world(reader_world_template, tmp_path_factory) as world:
        yield world


def _title_newest_note_like_an_attack(session: Session) -> None:
    note = session.scalars(
        select(Note).where(is_public_note()).order_by(Note.published_at.desc()).limit(1)
    ).one()
    note.title = HOSTILE_TITLE
    session.commit()


@pytest.fixture(scope="module")
def hostile_world(
    reader_world_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ReaderWorld]:
    """The reader world with its newest public note titled like an attack (`HOSTILE_TITLE`,
    which has 防晒 in it to be found by a search)."""
    with served_world(
        reader_world_template, tmp_path_factory, _title_newest_note_like_an_attack
    ) as world:
        yield world
