"""The reader feed under load: 32 readers opening `/` at the same time, beside a static file.

The world is the small demo (`main.py demo`: 10 accounts, 170 published notes, half a million
events), seeded once into a folder kept between runs (`ZHONGCAO_BENCH_FEED_DATA`, default a
folder under the system's temp directory; point it at a large demo to try ~700 notes), served
by `main.py serve` on its SQLite as a creator's machine would. 32 readers, each with their own
reader cookie (half of them with interests in a few of the world's topics, so their feed is
personalised), each on its own kept-alive connection, ask back to back for a fixed time:

- `GET /`: the recommended feed's first page, rendered on the server;
- `GET /feed/more?…&seen=…`: the next page, exactly as the page's script asks for it (the
  address the first page gives, with the ids of the 20 notes already shown);
- `GET /note/<id>`: a note's page (the page a shared link opens);
- `GET /static/reader/reader.css`: a static file from the same server and the same readers —
  the floor of the HTTP stack, so the feed's own cost is its distance from it.

Printed per case: requests per second, p50 and p99 latency, failures and the share of the
static file's requests per second. The load generator shares the machine's two cores with the
server, so figures compare the cases of one run, not machines.

Run: ``.venv/bin/python -m tests.bench.test_feed_speed``
"""

from __future__ import annotations

import html
import io
import os
import re
import secrets
import tempfile
import uuid
from pathlib import Path

import requests
from sqlalchemy import func, select

from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.models import NoteTopic
from publisher.demo import command as demo
from publisher.domain.interests import Interests
from publisher.reader.web import reader_key, signed
from publisher.server.routes.reader_feed import SEEN_HEX
from tests.backend_process import start_backend
from tests.bench.http_load import Load, get_request, run_load

READERS = 32
SECONDS = 10.0
WARMUP = 2.0


def world() -> Path:
    folder = Path(
        os.environ.get(
            "ZHONGCAO_BENCH_FEED_DATA", Path(tempfile.gettempdir()) / "zhongcao-bench-feed"
        )
    )
    if not (folder / "studio.db").exists():
        print(f"  seeding the small demo world into {folder} (once; under a minute)…")
        code = demo.run("small", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
        assert code == 0, "the demo could not be seeded"
    return folder


def reader_cookies(folder: Path) -> list[str]:
    """One cookie per reader: a reader id each, and for every other reader the interests a
    few likes of notes on the world's most used topics would have taught."""
    engine = make_engine(f"sqlite:///{folder / 'studio.db'}")
    with make_sessionmaker(engine)() as session:
        topics = list(
            session.scalars(
                select(NoteTopic.topic_id)
                .group_by(NoteTopic.topic_id)
                .order_by(func.count().desc())
                .limit(12)
            )
        )
    engine.dispose()
    cookies = []
    for index in range(READERS):
        cookie = f"zc_reader={signed(reader_key(folder), secrets.token_hex(16))}"
        if index % 2 and topics:
            interests = Interests()
            for step in range(4):
                interests.learn("like", [topics[(index + step) % len(topics)]], uuid.uuid4())
            cookie += f"; zc_interests={interests.cookie()}"
        cookies.append(cookie)
    return cookies


def next_page(url: str, cookie: str) -> tuple[str, str]:
    """What a reader's script asks for after the first page: its more-address with the notes
    shown (`seen`), and one of those notes' pages."""
    first = requests.get(f"{url}/", headers={"Cookie": cookie}, timeout=30).text
    more = html.unescape(re.search(r'data-more="([^"]+)"', first).group(1))
    shown = re.findall(r'data-note="([0-9a-f-]{36})"', first)
    seen = ",".join(note_id.replace("-", "")[:SEEN_HEX] for note_id in dict.fromkeys(shown))
    return f"{more}{len(shown)}&seen={seen}", f"/note/{shown[0]}"


def measure(url: str, cookies: list[str]) -> dict[str, Load]:
    pages = [next_page(url, cookie) for cookie in cookies]
    cases = {
        "feed  GET /": ["/"] * len(cookies),
        "more  GET /feed/more": [more for more, _ in pages],
        "note  GET /note/<id>": [note for _, note in pages],
        "static reader.css": ["/static/reader/reader.css"] * len(cookies),
    }
    return {
        name: run_load(
            url,
            [
                get_request(url, path, cookie=cookie)
                for path, cookie in zip(paths, cookies, strict=True)
            ],
            warmup=WARMUP,
            seconds=SECONDS,
        )
        for name, paths in cases.items()
    }


def main() -> None:
    folder = world()
    cookies = reader_cookies(folder)
    backend = start_backend(folder)
    try:
        results = measure(backend.url, cookies)
    finally:
        backend.stop()
    floor = results["static reader.css"].requests_per_second
    print(f"\n{READERS} readers at once, {SECONDS:.0f} s per case, SQLite, 1 process")
    print(f"  {'case':24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'fail':>5} {'of static':>10}")
    for name, load in results.items():
        share = load.requests_per_second / floor if floor else float("nan")
        print(
            f"  {name:24} {load.requests_per_second:8.0f} {load.p50_ms:8.1f} "
            f"{load.p99_ms:8.1f} {load.failures:5d} {share:10.0%}"
        )


def test_feed_under_load() -> None:
    main()


if __name__ == "__main__":
    main()
