"""A demo world (the tiny scale) served by a real backend, for the reader pages' tests.

The world is seeded once per test session and copied for each module that serves it, so a
module's likes, comments and orders never leak into another's figures. `world.db()` opens the
copy's database for assertions and for finding ids.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from publisher.db.engine import make_engine, make_sessionmaker
from publisher.demo.command import run
from tests.backend_process import TestBackend, start_backend


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


@pytest.fixture(scope="module")
def reader_world(
    reader_world_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ReaderWorld]:
    """A backend serving a private copy of the tiny demo world."""
    folder = tmp_path_factory.mktemp("reader-world") / "data"
    shutil.copytree(reader_world_template, folder)
    backend = start_backend(folder)
    engine = make_engine(f"sqlite:///{folder / 'studio.db'}")
    try:
        yield ReaderWorld(folder, backend, make_sessionmaker(engine))
    finally:
        backend.stop()
        engine.dispose()
