"""`main.py demo`: a labelled world the desktop app's local user sees, whose rollups count
exactly the raw events it recorded, seeded once per folder (and again only with --reset)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, case, func, select

from publisher.client import StudioClient
from publisher.config import ServerSettings
from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.models import (
    Account,
    AccountDailyStats,
    BriefDailyStats,
    Collaboration,
    Event,
    Note,
    NoteDailyStats,
    Organization,
    SpendRecord,
    User,
)
from publisher.demo.command import run
from publisher.demo.world import DEMO_DOMAIN, DEMO_PREFIX
from publisher.domain.checks import blocking
from publisher.domain.metrics import COUNTERS, EventKind
from publisher.domain.rules import load_rules
from publisher.services.checklist import note_violations
from tests.backend_process import start_backend

DEMO_ORGS = {f"{DEMO_PREFIX}小林的生活号", f"{DEMO_PREFIX}星芒MCN", f"{DEMO_PREFIX}山茶花护肤"}


def _seed(folder: Path, *, reset: bool = False) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert run("tiny", str(folder), reset=reset, stdout=out, stderr=err) == 0, err.getvalue()
    return out.getvalue()


def _password(output: str) -> str:
    found = re.search(r"password: (\S+)", output)
    assert found is not None, output
    return found.group(1)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("demo")
    return folder, _seed(folder)


@pytest.fixture
def engine(seeded) -> Iterator[Engine]:
    engine = make_engine(ServerSettings(data_dir=seeded[0]).database_url)
    yield engine
    engine.dispose()


def _raw_counters(engine: Engine) -> dict[str, int]:
    """What the event log says, aggregated straight from its rows."""
    kind, value = Event.kind, func.coalesce(Event.value, 0)

    def of(wanted: EventKind, amount=1):
        return func.coalesce(func.sum(case((kind == int(wanted), amount), else_=0)), 0)

    views_with_time = case((Event.value.is_not(None), 1), else_=0)
    columns = {
        "impressions": of(EventKind.IMPRESSION),
        "views": of(EventKind.VIEW),
        "video_views": of(EventKind.VIEW, views_with_time),
        "watch_seconds": of(EventKind.VIEW, value),
        "completions": of(EventKind.VIEW, case((Event.completed.is_(True), 1), else_=0)),
        "likes": of(EventKind.LIKE),
        "collects": of(EventKind.COLLECT),
        "comments": of(EventKind.COMMENT),
        "shares": of(EventKind.SHARE),
        "follows": of(EventKind.FOLLOW),
        "product_clicks": of(EventKind.PRODUCT_CLICK),
        "orders": of(EventKind.ORDER),
        "gmv_fen": of(EventKind.ORDER, value),
    }
    with engine.connect() as connection:
        row = connection.execute(select(*(c.label(k) for k, c in columns.items()))).one()
    return {key: int(row._mapping[key]) for key in COUNTERS}


def _rollup_sums(engine: Engine, table) -> dict[str, int]:
    with engine.connect() as connection:
        row = connection.execute(
            select(*(func.coalesce(func.sum(table.c[key]), 0).label(key) for key in COUNTERS))
        ).one()
    return {key: int(row._mapping[key]) for key in COUNTERS}


def test_rollups_count_exactly_the_events_recorded(seeded, engine) -> None:
    raw = _raw_counters(engine)
    assert 1_000 < raw["impressions"] < 10_000
    # A tiny world has a handful of likes and collects: their order may tie on some days.
    assert raw["views"] > raw["likes"] >= raw["collects"] > 0
    assert raw["video_views"] > 0 and raw["completions"] > 0 and raw["orders"] >= 0
    assert _rollup_sums(engine, NoteDailyStats.__table__) == raw
    assert _rollup_sums(engine, AccountDailyStats.__table__) == raw
    with engine.connect() as connection:
        campaign_notes = select(Collaboration.note_id).where(Collaboration.note_id.is_not(None))
        campaign = connection.execute(
            select(func.sum(NoteDailyStats.impressions)).where(
                NoteDailyStats.note_id.in_(campaign_notes)
            )
        ).scalar_one()
        briefs = connection.execute(select(func.sum(BriefDailyStats.impressions))).scalar_one()
    assert campaign == briefs > 0


def test_events_belong_to_published_notes_after_publishing(seeded, engine) -> None:
    with engine.connect() as connection:
        rows = connection.execute(
            select(Note.status, func.min(Event.ts), Note.published_at)
            .join(Note, Note.id == Event.note_id)
            .group_by(Note.id)
        ).all()
        events = connection.execute(select(func.count()).select_from(Event)).scalar_one()
        published = connection.execute(
            select(func.count()).where(Note.status == "published")
        ).scalar_one()
    assert {status for status, _, _ in rows} == {"published"}
    assert all(first > published_at for _, first, published_at in rows)
    assert len(rows) == published
    assert f"{events:,} events" in seeded[1]


def test_every_note_keeps_the_rules_and_money_was_spent(seeded, engine) -> None:
    rules = load_rules()
    with make_sessionmaker(engine)() as session:
        notes = session.scalars(select(Note).where(Note.status != "draft")).all()
        for note in notes:
            violations = note_violations(session, note, rules=rules, now=datetime.now(UTC))
            assert blocking(violations) == [], (note.title, violations)
        kinds = set(session.scalars(select(SpendRecord.kind)))
        followers = session.scalar(
            select(func.min(Account.followers))
            .join(Organization, Organization.id == Account.organization_id)
            .where(Organization.name.startswith(DEMO_PREFIX))
        )
    assert {note.status for note in notes} == {"published", "scheduled"}
    assert kinds == {"boost", "ad", "fee"}
    assert followers is not None and followers >= 1_000


def test_the_local_user_and_the_sign_in_users_see_the_demo(seeded) -> None:
    folder, output = seeded
    backend = start_backend(folder)
    assert backend.url is not None
    try:
        local = StudioClient(backend.url, backend.token)
        assert DEMO_ORGS <= {org.name for org in local.list_organizations()}
        assert {"山茶花护肤官方", "小林的生活日记", "糖糖爱化妆"} <= {
            account.nickname for account in local.list_accounts()
        }
        mcn = StudioClient(backend.url)
        mcn.sign_in(f"mcn@{DEMO_DOMAIN}", _password(output))
        names = {org.name for org in mcn.list_organizations()}
        assert f"{DEMO_PREFIX}星芒MCN" in names and f"{DEMO_PREFIX}山茶花护肤" not in names
        assert {"糖糖爱化妆", "阿南的厨房"} == {a.nickname for a in mcn.list_accounts()}
    finally:
        backend.stop()


def _world(folder: Path) -> tuple[int, int, int, int]:
    engine = make_engine(ServerSettings(data_dir=folder).database_url)
    try:
        with engine.connect() as connection:
            orgs = connection.execute(
                select(func.count()).where(Organization.name.startswith(DEMO_PREFIX))
            ).scalar_one()
            users = connection.execute(
                select(func.count()).where(User.email.endswith(DEMO_DOMAIN))
            ).scalar_one()
            notes = connection.execute(select(func.count()).select_from(Note)).scalar_one()
            events = connection.execute(select(func.count()).select_from(Event)).scalar_one()
    finally:
        engine.dispose()
    return orgs, users, notes, events


def test_a_second_run_leaves_the_demo_alone_and_reset_makes_it_anew(tmp_path) -> None:
    first = _seed(tmp_path)
    before = _world(tmp_path)
    again = _seed(tmp_path)
    assert "already holds a demo world" in again and "password" not in again
    assert _world(tmp_path) == before
    anew = _seed(tmp_path, reset=True)
    assert "Removing the old demo world" in anew
    assert _password(anew) != _password(first)
    orgs, users, notes, events = _world(tmp_path)
    assert (orgs, users) == before[:2]
    assert notes == before[2]
    assert f"{events:,} events" in anew
