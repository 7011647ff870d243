"""`main.py demo`: seed a labelled demo world into a data folder, once.

The world is made in the order its parts need each other: people, organizations, accounts,
storefront and briefs (`world`); notes with their media, topics, products and collaborations
(`notes`); the readers' events, generated (`activity`) and fed through ingestion (`ingest`);
followers from the follows; spend (`spend`). A folder that already holds a demo is left alone
unless `--reset` removes the old one first. The embedded app's backend must not be running on
the folder meanwhile: the command takes the same lock it does.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import numpy as np
from filelock import FileLock, Timeout
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from publisher.config import ServerSettings
from publisher.db.models import User
from publisher.demo import world as worlds
from publisher.demo.activity import generate
from publisher.demo.images import MediaMaker
from publisher.demo.ingest import Progress, feed, run_stamp
from publisher.demo.notes import NoteWriter
from publisher.demo.scales import SCALES, Scale
from publisher.demo.spend import seed_spend
from publisher.domain.metrics import EventKind
from publisher.domain.timezones import zone
from publisher.server.run import LOCK_FILE, default_data_dir, open_state
from publisher.server.state import ServerState
from publisher.services.auth import LOCAL_EMAIL

EXIT_OK = 0
EXIT_FAILED = 1
SEED = 2026
"""The same world every time (relative to the day it is made)."""
PROGRESS_STEPS = 10


@dataclass(frozen=True)
class Summary:
    scale: str
    password: str
    organizations: int
    accounts: int
    published: int
    drafts: int
    scheduled: int
    collaborations: int
    events: int
    orders: int
    gmv_fen: int
    spend_fen: int
    media: int
    seconds: float


def run(
    scale: str,
    data_dir: str | None,
    *,
    reset: bool = False,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Seed the demo world into `data_dir` (default: the app's data folder); the exit code."""
    folder = Path(data_dir) if data_dir else default_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"demo: cannot use {folder}: {exc.strerror}", file=stderr)
        return EXIT_FAILED
    # Any token makes `open_state` create the embedded app's local user, who owns the demo.
    settings = ServerSettings(data_dir=folder, local_token=secrets.token_urlsafe(16))
    lock = FileLock(str(folder / LOCK_FILE))
    if settings.database_url.startswith("sqlite"):
        try:
            lock.acquire(timeout=0)
        except Timeout:
            print(f"demo: the studio is running on {folder}; close it first", file=stderr)
            return EXIT_FAILED
    try:
        return _run(SCALES[scale], folder, settings, reset=reset, stdout=stdout, stderr=stderr)
    finally:
        if lock.is_locked:
            lock.release()


def _run(
    scale: Scale,
    folder: Path,
    settings: ServerSettings,
    *,
    reset: bool,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    try:
        state = open_state(settings)
    except SQLAlchemyError as exc:
        print(f"demo: cannot open the database: {exc}", file=stderr)
        return EXIT_FAILED
    try:
        with state.sessions() as session:
            found = worlds.existing(session)
            if found and not reset:
                print(
                    f"{folder} already holds a demo world (organizations named "
                    f"'{worlds.DEMO_PREFIX}…'); nothing to do. Add --reset to make it anew.",
                    file=stdout,
                )
                return EXIT_OK
            if found:
                print("Removing the old demo world …", file=stdout)
                worlds.remove(session)
            summary = seed(session, state, scale, stdout=stdout)
    finally:
        state.engine.dispose()
    _print_summary(summary, folder, stdout)
    return EXIT_OK


def seed(
    session: Session, state: ServerState, scale: Scale, *, stdout: TextIO, seed: int = SEED
) -> Summary:
    """Make the whole demo world in `session`'s database; says how it goes on `stdout`."""
    started = time.perf_counter()
    now = datetime.now(UTC)
    rng = np.random.default_rng(seed)
    local_user = session.scalars(select(User).where(User.email == LOCAL_EMAIL)).one()
    media = MediaMaker(session, local_user, state.store, state.settings)
    print(f"Seeding a {scale.name} demo world into {state.settings.data_dir} …", file=stdout)
    world = worlds.build(
        session,
        scale=scale,
        rng=rng,
        media=media,
        local_user=local_user,
        rules=state.rules,
        now=now,
    )
    seeded = NoteWriter(
        session, world, media, scale=scale, rng=rng, rules=state.rules, now=now
    ).write()
    print(
        f"  {len(world.accounts)} accounts, {len(seeded.profiles)} published notes, "
        f"{media.count} pictures and videos ({time.perf_counter() - started:.1f} s)",
        file=stdout,
    )
    offset = zone(None).utcoffset(now)
    assert offset is not None
    activity = generate(
        seeded.profiles,
        impressions=scale.impressions,
        now=now.timestamp(),
        utc_offset=offset.total_seconds(),
        rng=rng,
    )
    print(f"  {len(activity):,} events generated; recording them …", file=stdout)
    feed(
        session,
        activity,
        [profile.note_id for profile in seeded.profiles],
        stamp=run_stamp(now),
        progress=_progress(stdout),
    )
    follows = activity.follows_per_account(seeded.profiles, len(world.accounts))
    for account, gained in zip(world.accounts, follows.tolist(), strict=True):
        account.account.followers += gained
    session.commit()
    spend = seed_spend(session, world, seeded, rng, now)
    orders = activity.kind == EventKind.ORDER
    return Summary(
        scale=scale.name,
        password=world.password,
        organizations=len(world.organizations),
        accounts=len(world.accounts),
        published=len(seeded.profiles),
        drafts=seeded.drafts,
        scheduled=seeded.scheduled,
        collaborations=len(seeded.collaborations),
        events=len(activity),
        orders=int(orders.sum()),
        gmv_fen=int(activity.value[orders].sum()),
        spend_fen=spend,
        media=media.count,
        seconds=time.perf_counter() - started,
    )


def _progress(stdout: TextIO) -> Progress:
    """Reports a line at every tenth of the events recorded, with the rate so far."""
    shown = [0]

    def report(done: int, total: int, seconds: float) -> None:
        step = done * PROGRESS_STEPS // max(total, 1)
        if step > shown[0] or done == total:
            shown[0] = step
            rate = done / seconds if seconds else 0.0
            print(f"  {done:>12,} / {total:,} events ({rate:,.0f}/s)", file=stdout, flush=True)

    return report


def _print_summary(summary: Summary, folder: Path, stdout: TextIO) -> None:
    notes = summary.published + summary.drafts + summary.scheduled
    lines = [
        f"Demo world ready in {summary.seconds:.1f} s ({summary.scale}): "
        f"{summary.organizations} organizations, {summary.accounts} accounts, {notes} notes "
        f"({summary.published} published, {summary.drafts} drafts, {summary.scheduled} "
        f"scheduled), {summary.collaborations} published collaborations, "
        f"{summary.events:,} events, {summary.orders:,} orders (GMV ¥{summary.gmv_fen // 100:,}), "
        f"spend ¥{summary.spend_fen // 100:,}, {summary.media} pictures and videos.",
        f"Everything in it is labelled '{worlds.DEMO_PREFIX}…'.",
        "",
        "Open it in the desktop app:",
        f"  ./dev start --data-dir {folder}    (or: python main.py --data-dir {folder})",
        "Or serve it as a team server and sign in as one of its people:",
        f"  python main.py serve --data-dir {folder}",
        f"  creator@{worlds.DEMO_DOMAIN}, mcn@{worlds.DEMO_DOMAIN}, brand@{worlds.DEMO_DOMAIN}",
        f"  password: {summary.password}",
        "Read it as its readers do: while it is served, open http://127.0.0.1:8765/ in a browser",
        "  (the feed, search, notes and the brand's shop; every click counts in Analytics; for a",
        "  phone on the same network add --host 0.0.0.0 and open this computer's address).",
    ]
    print("\n".join(lines), file=stdout)
