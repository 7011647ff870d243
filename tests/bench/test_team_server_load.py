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

Then event ingestion on the same server: `INGEST_CLIENTS` members post batches of
`INGEST_BATCH` events (`POST /api/v1/events`, the mix readers make, on the MCN's published
notes) back to back for the same time; printed as events per second and the p50/p99 of a batch,
beside the events/s one client reaches alone — what concurrent writers add or cost.

Run: ``.venv/bin/python -m tests.bench.test_team_server_load`` (PostgreSQL's server binaries
are found as for the team-server tests; without them only SQLite is measured).
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import requests

from publisher.client import StudioClient
from tests.bench.http_load import Load, get_request, run_load
from tests.conftest import PASSWORD
from tests.media_samples import write_image
from tests.postgres_server import create_database, find_bin_dir, running_cluster
from tests.publisher.scheduling_helpers import ServeProcess, start

CLIENTS = 32
ACCOUNTS = 20
NOTES = 1000
PAGE = 50
SECONDS = 10.0
WARMUP = 2.0
SEED_THREADS = 4
INGEST_CLIENTS = 8
INGEST_BATCH = 1_000
PUBLISHED_PER_ACCOUNT = 5
BODY = "今天去了一家新开的咖啡店，环境很好，人均六十左右，推荐大家周末去打卡。" * 4


@dataclass(frozen=True)
class Mcn:
    """What the load needs of the seeded organization: each member's token, the accounts and
    their published notes (what events are about)."""

    tokens: list[str]
    account_ids: list[uuid.UUID]
    published: list[uuid.UUID]


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


def seed(url: str, folder: Path) -> Mcn:
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
    published = _publish_some(owner, accounts, folder)
    owner.close()
    return Mcn([token for _, token in members], accounts, published)


def _publish_some(owner: StudioClient, accounts: list[uuid.UUID], folder: Path) -> list[uuid.UUID]:
    """A few published notes per account, sharing one photo: events need published notes."""
    sha = owner.upload_media(write_image(folder / "cover.jpg")).sha256
    published = []
    for account in accounts:
        for index in range(PUBLISHED_PER_ACCOUNT):
            note, _ = owner.create_note(
                account_id=account, title=f"已发布 {index}", body=BODY, media=[{"sha256": sha}]
            )
            published.append(owner.publish_note(note.id, version=note.version)[0].id)
    return published


@contextmanager
def serving(folder: Path, db_url: str | None, workers: int) -> Iterator[ServeProcess]:
    server = start(folder, db_url=db_url, flags=["--workers", str(workers)])
    try:
        yield server
    finally:
        server.stop()


def measure(url: str, mcn: Mcn, seconds: float) -> tuple[dict[str, Load], str]:
    """The floor, the list of every account and the list of one, on the same server; then
    ingestion by several clients and by one (as a line to print)."""
    every = f"/api/v1/notes?limit={PAGE}"
    cases = {
        "GET /health (floor)": [get_request(url, "/health") for _ in mcn.tokens],
        f"GET {every}": [get_request(url, every, token) for token in mcn.tokens],
        f"GET {every}&account_id=…": [
            get_request(url, f"{every}&account_id={mcn.account_ids[i % ACCOUNTS]}", token)
            for i, token in enumerate(mcn.tokens)
        ],
    }
    results = {
        name: run_load(url, calls, warmup=WARMUP, seconds=seconds) for name, calls in cases.items()
    }
    alone = ingest(url, mcn, 1, seconds / 2)
    together = ingest(url, mcn, INGEST_CLIENTS, seconds)
    line = (
        f"    POST /api/v1/events ({INGEST_BATCH:,} a batch): {INGEST_CLIENTS} clients "
        f"{together.events_per_second:,.0f} events/s (p50 {together.p50_ms:.0f} ms, "
        f"p99 {together.p99_ms:.0f} ms a batch); 1 client {alone.events_per_second:,.0f} events/s"
    )
    return results, line


@dataclass(frozen=True)
class Ingest:
    events_per_second: float
    p50_ms: float
    p99_ms: float


def _events_body(notes: list[uuid.UUID], rng: random.Random) -> bytes:
    now = datetime.now(UTC)
    kinds = rng.choices(["impression", "view", "like", "collect"], [70, 22, 6, 2], k=INGEST_BATCH)
    return json.dumps(
        [
            {
                "id": str(uuid.uuid4()),
                "note_id": str(rng.choice(notes)),
                "kind": kind,
                "ts": (now - timedelta(seconds=rng.randrange(3_600))).isoformat(),
            }
            for kind in kinds
        ]
    ).encode()


def _post_batches(url: str, token: str, notes: list[uuid.UUID], until: float) -> list[float]:
    """Batches back to back on one kept-alive connection until `until`; each batch's seconds."""
    session = requests.Session()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    rng = random.Random(token)
    times = []
    while time.monotonic() < until:
        body = _events_body(notes, rng)
        started = time.monotonic()
        answer = session.post(f"{url}/api/v1/events", data=body, headers=headers, timeout=60)
        times.append(time.monotonic() - started)
        assert answer.status_code == 200 and answer.json()["accepted"] == INGEST_BATCH
    session.close()
    return times


def ingest(url: str, mcn: Mcn, clients: int, seconds: float) -> Ingest:
    """Events per second with `clients` members posting at once, and the batches' latency.
    Each client builds its batch before timing it, so the JSON encoding is not counted."""
    until = time.monotonic() + seconds
    with ThreadPoolExecutor(clients) as pool:
        post = partial(_post_batches, url, notes=mcn.published, until=until)
        runs = list(pool.map(post, mcn.tokens[:clients]))
    batches = sorted(batch for run in runs for batch in run)
    elapsed = max(sum(run) for run in runs)
    return Ingest(
        events_per_second=len(batches) * INGEST_BATCH / elapsed,
        p50_ms=statistics.median(batches) * 1000,
        p99_ms=batches[min(len(batches) - 1, int(len(batches) * 0.99))] * 1000,
    )


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
                    mcn = mcn or seed(server.url, folder)
                    title = f"PostgreSQL, {workers} worker{'s' if workers > 1 else ''}"
                    results[title], ingestion = measure(server.url, mcn, seconds)
                    report(title, results[title])
                    print(ingestion)
    with serving(folder / "sqlite", None, 1) as server:
        title = "SQLite, 1 worker"
        results[title], ingestion = measure(server.url, seed(server.url, folder), seconds)
        report(title, results[title])
        print(ingestion)
    return results


def test_team_server_load(tmp_path: Path) -> None:
    run(tmp_path)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        run(Path(scratch))
