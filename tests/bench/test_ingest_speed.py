"""Event ingestion through the API, beside the database's own insert floor, in one run.

The embedded backend (SQLite, one process, as the desktop app starts it) takes batches of
10,000 events on `POST /api/v1/events` from one client, back to back: 400 published notes,
events of the last day in the mix readers make (mostly impressions and views, then likes,
collects, comments, shares, follows, product clicks and a few orders). The API parses and
checks every event, drops repeated ids, stores the rest and keeps four rollup tables current
in the same transaction. The batches are serialised before the clock starts: the client's JSON
encoding is not the server's cost.

Beside it, the floor: the same rows inserted into a fresh migrated database with SQLAlchemy
Core `executemany` (no HTTP, no checks, no rollups), and with the sqlite3 driver's own
`executemany`. Target (issue 9): ≥ 50,000 events/s through the API.

Run: ``.venv/bin/python -m tests.bench.test_ingest_speed``
"""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
from sqlalchemy import insert

from publisher.client import StudioClient
from publisher.db.engine import make_engine
from publisher.db.migrations import upgrade
from publisher.db.models import Event
from publisher.domain.metrics import KIND_NAMES
from tests.conftest import signed_up
from tests.media_samples import write_image
from tests.publisher.scheduling_helpers import ServeProcess, start

BATCH = 10_000
BATCHES = 30
NOTES = 400
TARGET = 50_000
MIX = {
    "impression": 55,
    "view": 25,
    "like": 8,
    "collect": 4,
    "comment": 2,
    "share": 1,
    "follow": 1,
    "product_click": 3,
    "order": 1,
}


def seed_notes(client: StudioClient, folder: Path) -> list[uuid.UUID]:
    """Published notes sharing one photo."""
    sha = client.upload_media(write_image(folder / "cover.jpg")).sha256
    account = client.create_account(nickname="压测号").id
    notes = []
    for index in range(NOTES):
        note, _ = client.create_note(
            account_id=account, title=f"笔记 {index}", body="正文", media=[{"sha256": sha}]
        )
        notes.append(client.publish_note(note.id, version=note.version)[0].id)
    return notes


def make_events(notes: list[uuid.UUID], count: int, seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=count)
    now = datetime.now(UTC)
    events = []
    for kind in kinds:
        event = {
            "id": str(uuid.uuid4()),
            "note_id": str(rng.choice(notes)),
            "kind": kind,
            "ts": (now - timedelta(seconds=rng.randrange(86_400))).isoformat(),
        }
        if kind == "order":
            event["value"] = rng.randrange(1_000, 50_000)
        elif kind == "view" and rng.random() < 0.3:
            event["value"], event["completed"] = rng.randrange(1, 120), rng.random() < 0.4
        events.append(event)
    return events


def through_api(server: ServeProcess, token: str, bodies: list[bytes]) -> float:
    """Events per second over all batches, sent back to back on one kept-alive connection."""
    session = requests.Session()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    url = f"{server.url}/api/v1/events"
    started = time.perf_counter()
    for body in bodies:
        answer = session.post(url, data=body, headers=headers, timeout=60).json()
        assert answer["accepted"] == BATCH and not answer["rejected"], answer
    return BATCH * len(bodies) / (time.perf_counter() - started)


def _rows(events: list[dict]) -> list[dict]:
    return [
        {
            "id": event["id"],
            "note_id": uuid.UUID(event["note_id"]),
            "kind": KIND_NAMES[event["kind"]],
            "ts": datetime.fromisoformat(event["ts"]),
            "value": event.get("value"),
            "completed": event.get("completed"),
        }
        for event in events
    ]


def core_floor(folder: Path, events: list[dict]) -> float:
    """SQLAlchemy Core `executemany` into the same migrated table, batch by batch."""
    engine = make_engine(f"sqlite:///{folder / 'core.db'}")
    upgrade(engine)
    rows = _rows(events)
    started = time.perf_counter()
    for start_at in range(0, len(rows), BATCH):
        with engine.begin() as connection:
            connection.execute(insert(Event), rows[start_at : start_at + BATCH])
    seconds = time.perf_counter() - started
    engine.dispose()
    return len(rows) / seconds


def driver_floor(folder: Path, events: list[dict]) -> float:
    """The sqlite3 driver's `executemany` on the same schema, values already converted."""
    engine = make_engine(f"sqlite:///{folder / 'driver.db'}")
    upgrade(engine)
    engine.dispose()
    values = [
        (e["id"], uuid.UUID(e["note_id"]).hex, KIND_NAMES[e["kind"]], e["ts"][:26])
        + (e.get("value"), e.get("completed"))
        for e in events
    ]
    connection = sqlite3.connect(folder / "driver.db")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    sql = "INSERT INTO events (id, note_id, kind, ts, value, completed) VALUES (?,?,?,?,?,?)"
    started = time.perf_counter()
    for start_at in range(0, len(values), BATCH):
        with connection:
            connection.executemany(sql, values[start_at : start_at + BATCH])
    seconds = time.perf_counter() - started
    connection.close()
    return len(values) / seconds


def run(folder: Path) -> dict[str, float]:
    server = start(folder / "server", flags=[])
    try:
        client = signed_up(server.url, "ingest")
        notes = seed_notes(client, folder)
        events = make_events(notes, BATCH * BATCHES)
        bodies = [
            json.dumps(events[start_at : start_at + BATCH]).encode()
            for start_at in range(0, len(events), BATCH)
        ]
        api = through_api(server, client.transport.token or "", bodies)
    finally:
        server.stop()
    figures = {
        "API (parse, check, dedupe, store, 4 rollups)": api,
        "SQLAlchemy Core executemany (insert only)": core_floor(folder, events),
        "sqlite3 driver executemany (insert only)": driver_floor(folder, events),
    }
    print(f"\n  Event ingestion on SQLite, {BATCHES} batches of {BATCH:,} ({NOTES} notes)")
    for name, rate in figures.items():
        print(f"    {name:<48} {rate:>10,.0f} events/s  ({rate / api:.1f}× the API)")
    verdict = "meets" if api >= TARGET else "MISSES"
    print(f"    target ≥ {TARGET:,} events/s through the API: {verdict}")
    return figures


def test_ingest_speed(tmp_path: Path) -> None:
    run(tmp_path)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        run(Path(folder))
