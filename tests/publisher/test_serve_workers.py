"""`main.py serve --workers N`: a team server of several processes on one port and one
PostgreSQL; a SQLite server refuses to be more than one."""

from __future__ import annotations

import os
import signal
import sys
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from publisher.client import StudioClient
from studio.backend_process import BackendStartError
from tests.conftest import PASSWORD
from tests.postgres_server import create_database
from tests.publisher.scheduling_helpers import ServeProcess, start, wait_for

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="finds the worker processes in /proc"
)

WORKERS = ["--workers", "2"]


def worker_pids(server: ServeProcess) -> set[int]:
    """The server's live worker processes: its spawned children (not multiprocessing's
    resource tracker, and not a killed worker waiting to be reaped)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue  # ended while we looked
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == server.pid and b"spawn_main" in command:
            found.add(int(entry.name))
    return found


def bearer(server: ServeProcess) -> dict[str, str]:
    """Sign-in headers of a new user with one account and one note."""
    client = StudioClient(server.url)
    email = f"staff-{uuid.uuid4().hex[:8]}@example.com"
    client.register(email=email, password=PASSWORD, display_name="staff")
    token = client.sign_in(email, PASSWORD).access_token
    account = client.create_account(nickname="矩阵一号")
    client.create_note(account_id=account.id, title="周末去哪儿", body="正文")
    client.close()
    return {"Authorization": f"Bearer {token}"}


def note_titles(server: ServeProcess, headers: dict[str, str]) -> list[str]:
    """The caller's notes, asked on a new connection (so any worker may answer)."""
    response = requests.get(server.url + "/api/v1/notes", headers=headers, timeout=30)
    response.raise_for_status()
    return [note["title"] for note in response.json()["items"]]


@pytest.fixture(scope="module")
def two_workers(
    postgres_cluster: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServeProcess]:
    server = start(
        tmp_path_factory.mktemp("workers"), db_url=create_database(postgres_cluster), flags=WORKERS
    )
    yield server
    server.stop()


def test_two_workers_answer_health_and_note_calls_on_one_port(two_workers) -> None:
    # The server says it listens once both workers accept connections.
    assert len(worker_pids(two_workers)) == 2
    health = requests.get(two_workers.url + "/health", timeout=30).json()
    assert health["database"] == "postgresql"
    headers = bearer(two_workers)
    # Many connections at once: the kernel spreads them over both workers, and whichever
    # answers knows the token and the note another one stored.
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: note_titles(two_workers, headers), range(32)))
    assert answers == [["周末去哪儿"]] * 32


def test_a_dead_worker_is_replaced_while_the_server_keeps_answering(two_workers) -> None:
    headers = bearer(two_workers)
    before = worker_pids(two_workers)
    victim = min(before)
    os.kill(victim, signal.SIGKILL)
    wait_for(lambda: victim not in worker_pids(two_workers))

    assert note_titles(two_workers, headers) == ["周末去哪儿"]
    wait_for(lambda: len(worker_pids(two_workers)) == 2)
    after = worker_pids(two_workers)
    assert victim not in after and len(after & before) == 1


def test_stopping_the_server_ends_every_worker(postgres_cluster: str, tmp_path: Path) -> None:
    server = start(tmp_path, db_url=create_database(postgres_cluster), flags=WORKERS)
    workers = worker_pids(server)
    assert len(workers) == 2
    server.stop()  # closes the server's stdin, as the app does (`--exit-with-parent`)
    assert server.returncode == 0
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


def test_a_sqlite_server_refuses_several_workers(tmp_path: Path) -> None:
    with pytest.raises(BackendStartError) as refused:
        start(tmp_path, flags=WORKERS)
    assert refused.value.code == "workers.sqlite"
    # Nothing was opened: the same folder still serves as the usual single process.
    single = start(tmp_path, flags=[])
    try:
        assert requests.get(single.url + "/health", timeout=30).json()["database"] == "sqlite"
    finally:
        single.stop()
