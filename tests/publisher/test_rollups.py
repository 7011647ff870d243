"""The rollups equal a raw aggregation of the events, whatever order, duplication and
concurrency they arrived in, on both databases; a change of counting definition recounts them
from the raw log without losing imported figures."""

from __future__ import annotations

import random
import threading
import uuid
from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from publisher.db.models import (
    Account,
    AccountDailyStats,
    AccountHourlyActivity,
    Brief,
    BriefDailyStats,
    Collaboration,
    Event,
    Note,
    NoteDailyStats,
    Organization,
)
from publisher.db.models.stats import SOURCE_EVENTS, SOURCE_IMPORT
from publisher.domain.metrics import COUNTERS, INTERACTION_KINDS, EventKind, counter_deltas
from publisher.domain.timezones import zone
from publisher.services import events, rollups
from publisher.stats_schemas import EventIn

START = datetime(2026, 3, 1, tzinfo=UTC)
KINDS = [kind.name.lower() for kind in EventKind]


@pytest.fixture
def sessions(both_databases):
    return both_databases


@pytest.fixture
def world(sessions) -> list[uuid.UUID]:
    """Notes of a Shanghai account and a Los Angeles one (summer time starts on 8 March), one of
    them in a brand's brief."""
    with sessions() as session:
        org = Organization(name="MCN", kind="mcn")
        brand = Organization(name="Brand", kind="brand")
        session.add_all([org, brand])
        session.flush()
        shanghai = Account(organization_id=org.id, nickname="沪", timezone="Asia/Shanghai")
        angeles = Account(organization_id=org.id, nickname="LA", timezone="America/Los_Angeles")
        session.add_all([shanghai, angeles])
        session.flush()
        notes = [
            Note(account_id=account.id, title=f"n{index}", status="published")
            for index, account in enumerate([shanghai, shanghai, angeles, angeles])
        ]
        session.add_all(notes)
        brief = Brief(organization_id=brand.id, title="春季新品")
        session.add(brief)
        session.flush()
        session.add(
            Collaboration(
                brief_id=brief.id,
                account_id=angeles.id,
                note_id=notes[2].id,
                state="published",
                origin="invited",
            )
        )
        session.commit()
        return [note.id for note in notes]


def _random_events(rng: random.Random, note_ids: list[uuid.UUID], count: int) -> list[EventIn]:
    result = []
    for _ in range(count):
        kind = rng.choice(KINDS)
        value, completed = None, None
        if kind == "order":
            value = rng.randint(100, 99_900)
        elif kind == "view" and rng.random() < 0.5:
            value, completed = rng.randint(0, 300), rng.random() < 0.3
        result.append(
            EventIn(
                id=f"e{rng.randrange(10**12)}",
                note_id=rng.choice(note_ids),
                kind=kind,
                ts=START + timedelta(minutes=rng.randrange(60 * 24 * 20)),
                value=value,
                completed=completed,
            )
        )
    return result


def _raw(session: Session) -> dict[str, dict]:
    """The rollups recomputed from the events table alone, independently of `rollups`."""
    notes = {
        note_id: (account_id, timezone, brief_id)
        for note_id, account_id, timezone, brief_id in session.execute(
            select(Note.id, Note.account_id, Account.timezone, Collaboration.brief_id)
            .join(Account, Account.id == Note.account_id)
            .outerjoin(Collaboration, Collaboration.note_id == Note.id)
        )
    }
    expected: dict[str, dict] = {
        name: defaultdict(lambda: defaultdict(int)) for name in ("note", "account", "brief", "hour")
    }
    for event in session.scalars(select(Event)):
        account_id, timezone, brief_id = notes[event.note_id]
        local = event.ts.astimezone(zone(timezone))
        kind = EventKind(event.kind)
        for name, amount in counter_deltas(kind, event.value, event.completed):
            expected["note"][(event.note_id, local.date())][name] += amount
            expected["account"][(account_id, local.date())][name] += amount
            if brief_id:
                expected["brief"][(brief_id, local.date())][name] += amount
        if kind is EventKind.VIEW or kind in INTERACTION_KINDS:
            activity = "views" if kind is EventKind.VIEW else "interactions"
            expected["hour"][(account_id, local.date(), local.hour)][activity] += 1
    return {
        name: {key: dict(value) for key, value in rows.items()} for name, rows in expected.items()
    }


def _stored(session: Session) -> dict[str, dict]:
    def rows(model, *keys, counters=COUNTERS, **where):
        query = select(model).filter_by(**where)
        return {
            tuple(getattr(row, key) for key in keys): {
                name: getattr(row, name) for name in counters if getattr(row, name)
            }
            for row in session.scalars(query)
        }

    return {
        "note": rows(NoteDailyStats, "note_id", "day", source=SOURCE_EVENTS),
        "account": rows(AccountDailyStats, "account_id", "day", source=SOURCE_EVENTS),
        "brief": rows(BriefDailyStats, "brief_id", "day", source=SOURCE_EVENTS),
        "hour": rows(
            AccountHourlyActivity, "account_id", "day", "hour", counters=("views", "interactions")
        ),
    }


def _nonzero(tables: dict[str, dict]) -> dict[str, dict]:
    return {
        name: {key: {k: v for k, v in row.items() if v} for key, row in rows.items()}
        for name, rows in tables.items()
    }


def test_rollups_equal_the_raw_events_after_random_ingestion(sessions, world) -> None:
    rng = random.Random(9)
    sent: list[EventIn] = []
    for _ in range(8):
        batch = _random_events(rng, world, rng.randint(1, 800))
        batch += rng.sample(sent, min(len(sent), rng.randint(0, 100)))  # repeats of earlier ids
        batch += batch[: rng.randint(0, 20)]  # and within the batch
        rng.shuffle(batch)
        with sessions() as session:
            events.record(session, batch)
            session.commit()
        sent.extend(batch)
    with sessions() as session:
        stored, raw = _stored(session), _nonzero(_raw(session))
        assert session.query(Event).count() == len({event.id for event in sent})
    assert stored == raw
    assert stored["brief"], "the brief's note counted for the brief"


def test_batches_racing_on_two_connections_count_each_event_once(sessions, world) -> None:
    rng = random.Random(4)
    shared = _random_events(rng, world, 2000)
    batches = [shared + _random_events(rng, world, 500) for _ in range(2)]
    for batch in batches:  # the same events, in another order on each side
        rng.shuffle(batch)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def ingest(batch: list[EventIn]) -> None:
        try:
            with sessions() as session:
                barrier.wait()
                events.record(session, batch)
                session.commit()
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)

    threads = [threading.Thread(target=ingest, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with sessions() as session:
        assert session.query(Event).count() == 3000
        assert _stored(session) == _nonzero(_raw(session))


def test_a_new_counting_definition_recounts_from_the_raw_events_and_keeps_imports(
    sessions, world
) -> None:
    rng = random.Random(2)
    with sessions() as session:
        events.record(session, _random_events(rng, world, 1500))
        contexts = rollups.note_contexts(session, world[:1])
        imported = rollups.Tally()
        rollups.add(imported, contexts[world[0]], START.date(), [("views", 500)])
        rollups.apply(session, imported, source=SOURCE_IMPORT)
        session.commit()
        expected = _stored(session)
        for model in (NoteDailyStats, AccountDailyStats, BriefDailyStats):
            wrong = update(model).where(model.source == SOURCE_EVENTS)
            session.execute(wrong.values(counting_version=0, views=1))
        session.execute(update(AccountHourlyActivity).values(counting_version=0, views=1))
        session.commit()
        assert rollups.stale(session)
    with sessions() as session:
        rollups.rebuild_if_stale(session)
    with sessions() as session:
        assert not rollups.stale(session)
        assert _stored(session) == expected
        kept = session.scalar(
            select(NoteDailyStats.views).filter_by(
                note_id=world[0], day=START.date(), source=SOURCE_IMPORT
            )
        )
        assert kept == 500, "imported figures are not events: a recount keeps them"
