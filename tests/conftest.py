"""Shared fixtures: a real backend process on a temporary SQLite, and signed-in clients."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from publisher.client import StudioClient  # noqa: E402
from tests.backend_process import TestBackend, start_backend  # noqa: E402
from tests.migrated_databases import migrate, migrated_sqlite, seed_data_dir  # noqa: E402
from tests.postgres_server import create_database, find_bin_dir, running_cluster  # noqa: E402

PASSWORD = "correct horse battery staple"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep a module's tests that share a module-scoped fixture (a backend) on one xdist
    worker (`--dist loadgroup`, pyproject.toml): split between workers, each starts its own."""
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        if fixtures is None:
            continue
        definitions = fixtures.name2fixturedefs.values()
        if any(fixture.scope == "module" for chain in definitions for fixture in chain):
            _group(config, item, item.nodeid.split("::", 1)[0])


def _group(config: pytest.Config, item: pytest.Item, name: str) -> None:
    item.add_marker(pytest.mark.xdist_group(name))
    if getattr(config.option, "loadgroup", False) and hasattr(item, "_id"):
        # xdist tells the scheduler a test's group by appending it to the node id, but since
        # pytest 9.2 it sets a field pytest no longer reads (pytest-xdist issue #1386): set
        # the structured id it reads instead. Older pytest: xdist's own hook does it.
        from _pytest.nodeid import NodeId

        item._id = NodeId.parse(f"{item.nodeid}@{name}")


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[str]:
    """A private PostgreSQL server for the session; CI must have one, so it fails there."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries are missing; `./dev test` installs them")
        pytest.skip("PostgreSQL server binaries not installed (run ./dev test to install them)")
    with running_cluster(bin_dir) as url:
        yield url


@pytest.fixture(scope="session")
def migrated_postgres(postgres_cluster: str) -> str:
    """URL of a database at the newest schema, the template of every `backend` on PostgreSQL
    (see tests/migrated_databases.py)."""
    url = create_database(postgres_cluster)
    migrate(url)
    return url


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database at the newest schema, copied into fresh data folders."""
    return migrated_sqlite(tmp_path_factory.mktemp("migrated"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestBackend]:
    """One backend per test module and database; tests isolate themselves by registering
    fresh users. The same tests run on the embedded SQLite and on a team PostgreSQL."""
    data_dir = tmp_path_factory.mktemp("backend")
    db_url = None
    if request.param == "postgresql":
        db_url = create_database(
            request.getfixturevalue("postgres_cluster"),
            template=request.getfixturevalue("migrated_postgres"),
        )
    else:
        seed_data_dir(data_dir, request.getfixturevalue("migrated_sqlite_file"))
    running = start_backend(data_dir, db_url=db_url)
    yield running
    running.stop()


def signed_up(url: str, name: str) -> StudioClient:
    """A client signed in as a new user (a unique e-mail) of the backend at `url`."""
    client = StudioClient(url)
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.com"
    client.register(email=email, password=PASSWORD, display_name=name)
    client.sign_in(email, PASSWORD)
    return client


def register_user(backend: TestBackend, name: str = "creator") -> StudioClient:
    """A client signed in as a new user with one creator account."""
    client = signed_up(backend.url, name)
    client.create_account(nickname=f"{name}的小号")
    return client


@pytest.fixture
def api(backend: TestBackend) -> Iterator[StudioClient]:
    client = register_user(backend)
    yield client
    client.close()


@pytest.fixture
def other_api(backend: TestBackend) -> Iterator[StudioClient]:
    client = register_user(backend, "rival")
    yield client
    client.close()
