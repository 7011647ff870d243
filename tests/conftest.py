"""Shared fixtures: a real backend process on a temporary SQLite, and signed-in clients."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from publisher.client import StudioClient  # noqa: E402
from tests.backend_process import RunningBackend, start_backend  # noqa: E402

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBackend]:
    """One backend per test module; tests isolate themselves by registering fresh users."""
    running = start_backend(tmp_path_factory.mktemp("backend"))
    yield running
    running.stop()


def register_user(backend: RunningBackend, name: str = "creator") -> StudioClient:
    """A client signed in as a new user with one creator account."""
    client = StudioClient(backend.url)
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.com"
    client.register(email=email, password=PASSWORD, display_name=name)
    client.sign_in(email, PASSWORD)
    client.create_account(nickname=f"{name}的小号")
    return client


@pytest.fixture
def api(backend: RunningBackend) -> Iterator[StudioClient]:
    client = register_user(backend)
    yield client
    client.close()


@pytest.fixture
def other_api(backend: RunningBackend) -> Iterator[StudioClient]:
    client = register_user(backend, "rival")
    yield client
    client.close()
