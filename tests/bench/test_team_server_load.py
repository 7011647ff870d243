"""The team server under load: 32 MCN staff reading the note list at the same time.

An MCN organization runs 20 creator accounts with 1000 notes between them; 32 of its members
(editors), each signed in with their own token on their own kept-alive connection, call
`GET /api/v1/notes?limit=50` back to back for a fixed time — all accounts, then one account
each (`&account_id=`). Measured on PostgreSQL with 1 and with 2 worker processes
(`serve --workers 2`), and on SQLite with 1 (a SQLite server stays single-process). Beside each
case, the same server and clients answering `GET /health`: the floor of the HTTP stack, so the
note list's own cost is the distance from it.

Printed per case: requests per second, p50 and p99 latency, failures, and the list's share of
the floor's requests per second. The machine's cores are shared by the server, PostgreSQL and
this load generator, so figures compare cases of one run, not machines.

Event ingestion under the same load (issue 8 names it too) needs the events API of issue 9
(`POST /api/v1/events`), which the server does not have yet; its case joins this benchmark
with that API.

Run: ``.venv/bin/python -m tests.bench.test_team_server_load`` (PostgreSQL's server binaries
are found as for the team-server tests; without them only SQLite is measured).
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from publisher.client import StudioClient
from tests.bench.http_load import Load, get_request, run_load
from tests.conftest import PASSWORD
from tests.postgres_server import create_database, find_bin_dir, running_cluster
from tests.publisher.scheduling_helpers import ServeProcess, start

CLIENTS = 32
ACCOUNTS = 20
NOTES = 1000
PAGE = 50
SECONDS = 10.0
WARMUP = 2.0
SEED_THREADS = 4
BODY = "今天去了一家新开的咖啡店，环境很好，人均六十左右，推荐大家周末去打卡。" * 4


@dataclass(frozen=True)
class Mcn:
    """What the load needs of the seeded organization: each member's token and the accounts."""

    tokens: list[str]
    account_ids: list[uuid.UUID]


def _signed_in(url: str, name: str) -> tuple[StudioClient, str, str]:
    """A new user's client, e-mail and bearer token."""
    client = StudioClient(url)
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.com"
    client.register(email=email, password=PASSWORD, display_name=name)
    return client, email, client.sign_in(email, PASSWORD).access_token


def _write_notes(url: str, email: str, accounts: list[uuid.UUID], part: int) -> None:
    """Every SEED_THREADS-th note, from `part` on, as the owner (signed in on this thread)."""
    client = StudioClient(url)
    client.sign_in(email, PASSWORD)
    for index in range(part, NOTES, SEED_THREADS):
        client.create_note(
            account_id=accounts[index % ACCOUNTS], title=f"周末去哪儿 {index}", body=BODY
        )
    client.close()


def _member_token(url: str, index: int) -> tuple[str, str]:
    client, email, token = _signed_in(url, f"staff{index}")
    client.close()
    return email, token


def seed(url: str) -> Mcn:
    """The MCN, its accounts and notes, and its members, through the API (a few calls at a
    time, as a team would)."""
    owner, email, _ = _signed_in(url, "owner")
    org = owner.create_organization(name="种草MCN", kind="mcn")
    accounts = [
        owner.create_account(nickname=f"达人{index:02d}", organization_id=str(org.id)).id
        for index in range(ACCOUNTS)
    ]
    with ThreadPoolExecutor(SEED_THREADS) as pool:
        list(pool.map(partial(_write_notes, url, email, accounts), range(SEED_THREADS)))
        members = list(pool.map(partial(_member_token, url), range(CLIENTS)))
    for member_email, _ in members:
        owner.set_member(org.id, email=member_email, role="editor")
    owner.close()
    return Mcn(tokens=[token for _, token in members], account_ids=accounts)


@contextmanager
def serving(folder: Path, db_url: str | None, workers: int) -> Iterator[ServeProcess]:
    server = start(folder, db_url=db_url, flags=["--workers", str(workers)])
    try:
        yield server
    finally:
        server.stop()


def measure(url: str, mcn: Mcn, seconds: float) -> dict[str, Load]:
    """The floor, the list of every account and the list of one, on the same server."""
    every = f"/api/v1/notes?limit={PAGE}"
    cases = {
        "GET /health (floor)": [get_request(url, "/health") for _ in mcn.tokens],
        f"GET {every}": [get_request(url, every, token) for token in mcn.tokens],
        f"GET {every}&account_id=…": [
            get_request(url, f"{every}&account_id={mcn.account_ids[i % ACCOUNTS]}", token)
            for i, token in enumerate(mcn.tokens)
        ],
    }
    return {
        name: run_load(url, requests, warmup=WARMUP, seconds=seconds)
        for name, requests in cases.items()
    }


def report(title: str, results: dict[str, Load]) -> None:
    """One block per server: each case, and its requests per second as a share of the floor's."""
    floor = next(iter(results.values())).requests_per_second
    print(f"  {title}")
    for name, load in results.items():
        share = load.requests_per_second / floor
        print(
            f"    {name:<48} {load.requests_per_second:8.0f} req/s   "
            f"p50 {load.p50_ms:6.1f} ms   p99 {load.p99_ms:6.1f} ms   "
            f"failures {load.failures}   × floor {share:4.2f}"
        )


def run(folder: Path, seconds: float = SECONDS) -> dict[str, dict[str, Load]]:
    """Measure every server and print the figures; returns them by server and case."""
    print(
        f"\nteam server under load: {CLIENTS} clients, an MCN of {ACCOUNTS} accounts and "
        f"{NOTES} notes, {seconds:g} s per case after {WARMUP:g} s of warm-up"
    )
    results: dict[str, dict[str, Load]] = {}
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("  PostgreSQL server binaries not found: PostgreSQL cases skipped")
    else:
        with running_cluster(bin_dir) as cluster:
            db_url = create_database(cluster)
            mcn = None
            for workers in (1, 2):
                with serving(folder / f"pg{workers}", db_url, workers) as server:
                    mcn = mcn or seed(server.url)
                    title = f"PostgreSQL, {workers} worker{'s' if workers > 1 else ''}"
                    results[title] = measure(server.url, mcn, seconds)
                    report(title, results[title])
    with serving(folder / "sqlite", None, 1) as server:
        title = "SQLite, 1 worker"
        results[title] = measure(server.url, seed(server.url), seconds)
        report(title, results[title])
    return results


def test_team_server_load(tmp_path: Path) -> None:
    run(tmp_path)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        run(Path(scratch))
