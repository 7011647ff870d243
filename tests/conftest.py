"""Shared fixtures: a real backend process on a temporary SQLite, and signed-in clients."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from publisher.client import StudioClient  # noqa: E402
from tests.backend_process import TestBackend, start_backend  # noqa: E402
from tests.postgres_server import create_database, find_bin_dir, running_cluster  # noqa: E402

PASSWORD = "correct horse battery staple"


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


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestBackend]:
    """One backend per test module and database; tests isolate themselves by registering
    fresh users. The same tests run on the embedded SQLite and on a team PostgreSQL."""
    db_url = None
    if request.param == "postgresql":
        db_url = create_database(request.getfixturevalue("postgres_cluster"))
    running = start_backend(tmp_path_factory.mktemp("backend"), db_url=db_url)
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


from tests.reader_world import reader_world, reader_world_template  # noqa: E402, F401
