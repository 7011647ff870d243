"""Publishing at the scheduled time exactly once: two server processes racing on one database,
and a restart while a note is due (published late and marked, or held)."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from publisher.client import StudioClient
from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.migrations import upgrade
from publisher.db.models import Account, MediaAsset, Note, NoteMedia, Notification
from publisher.domain.rules import load_rules
from publisher.services import auth, scheduler
from tests.conftest import PASSWORD, register_user
from tests.publisher.scheduling_helpers import publishable_note, rules_file, start, wait_for

NOTES = 50
DUE_IN_SECONDS = 10
"""When the race's notes fall due, all at once, counted from before the first is scheduled:
room to schedule every one of them (the rules pack here asks for a second's lead)."""
TICK_SECONDS = 0.2
"""The schedulers' interval in these tests (`fast_scheduler`)."""
GRACE_SECONDS = 1
"""How late a due note may be found before the misfire policy applies (`fast_scheduler`)."""


@pytest.fixture
def fast_scheduler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHONGCAO_SCHEDULER_INTERVAL_SECONDS", str(TICK_SECONDS))
    monkeypatch.setenv("ZHONGCAO_MISFIRE_GRACE_SECONDS", str(GRACE_SECONDS))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "postgresql":
        from tests.postgres_server import create_database

        return create_database(request.getfixturevalue("postgres_cluster"))
    return f"sqlite:///{tmp_path / 'shared.db'}"


def test_two_processes_publish_every_due_note_exactly_once(tmp_path, db_url, fast_scheduler):
    rules = ["--rules", str(rules_file(tmp_path, min_lead=1, max_lead=3600))]
    first = start(tmp_path / "a", db_url=db_url, flags=rules)
    second = start(tmp_path / "b", db_url=db_url, flags=rules)
    try:
        api = register_user(first)
        me = api.me().id
        notes = [publishable_note(api, tmp_path, title=f"第{index}篇") for index in range(NOTES)]
        at = datetime.now(UTC) + timedelta(seconds=DUE_IN_SECONDS)
        for note in notes:
            scheduled, _ = api.schedule_note(note.id, at=at, version=note.version)
            assert (scheduled.status, scheduled.scheduled_by) == ("scheduled", me)
        ids = {note.id for note in notes}
        wait_for(lambda: api.list_notes(status="published").total == NOTES)
        # A double publish is an event that must not happen, so there is nothing to wait on:
        # the test watches five more ticks of both schedulers before it counts publications.
        time.sleep(5 * TICK_SECONDS)

        published = api.list_notes(status="published", limit=100).items
        assert {n.id for n in published} == ids
        for note in published:
            assert note.published_by == me and note.published_by_scheduler
            assert note.published_at >= note.scheduled_at and not note.published_late
        events = api.notifications(limit=500).items
        counts = Counter(n.note_id for n in events if n.kind == "note.published")
        assert counts == {note_id: 1 for note_id in ids}
    finally:
        first.stop()
        second.stop()


@pytest.mark.parametrize("policy", ["publish", "hold"])
def test_a_note_due_while_the_server_was_down_is_published_late_or_held(
    tmp_path, db_url, fast_scheduler, policy
):
    flags = ["--rules", str(rules_file(tmp_path, min_lead=1, max_lead=3600)), "--misfire", policy]
    backend = start(tmp_path / "data", db_url=db_url, flags=flags)
    email = f"late-{uuid.uuid4().hex[:8]}@example.com"
    api = StudioClient(backend.url)
    api.register(email=email, password=PASSWORD, display_name="late")
    api.sign_in(email, PASSWORD)
    api.create_account(nickname="晚到")
    note = publishable_note(api, tmp_path)
    due = datetime.now(UTC) + timedelta(seconds=1.5)
    api.schedule_note(note.id, at=due, version=note.version)
    backend.stop()
    # The passing of time is what is under test: no server runs until the note is due and
    # more than the grace late (with a second's margin for the restart's first tick).
    late = due + timedelta(seconds=GRACE_SECONDS + 1)
    wait_for(lambda: datetime.now(UTC) > late)

    again = start(tmp_path / "data", db_url=db_url, flags=flags)
    try:
        api = StudioClient(again.url)
        api.sign_in(email, PASSWORD)
        wait_for(lambda: api.get_note(note.id).status != "scheduled")
        current = api.get_note(note.id)
        events = api.notifications().items
        if policy == "publish":
            assert (current.status, current.published_late) == ("published", True)
            assert [(e.kind, e.params["late"]) for e in events] == [("note.published", True)]
        else:
            assert (current.status, current.published_at) == ("held", None)
            assert [(e.kind, e.params["reason"]) for e in events] == [("note.held", "misfire")]
            released, _ = api.publish_note(note.id, version=current.version)
            assert released.status == "published" and not released.published_by_scheduler
    finally:
        again.stop()


# -- in process: one claim at a time ------------------------------------------------------


@pytest.fixture
def database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'one.db'}")
    upgrade(engine)
    yield make_sessionmaker(engine)
    engine.dispose()


def due_note(sessions, title: str = "到点了") -> uuid.UUID:
    """A publishable note (one 3:4 photo) that was due a second ago."""
    with sessions() as session:
        user = auth.ensure_local_user(session, display_name="me", account_name="me")
        account = session.scalar(select(Account.id))
        sha = uuid.uuid4().hex * 2
        session.add(MediaAsset(sha256=sha, mime="image/jpeg", size=1000, width=1080, height=1440))
        note = Note(
            account_id=account,
            title=title,
            status="scheduled",
            scheduled_at=datetime.now(UTC) - timedelta(seconds=1),
            scheduled_by=user.id,
            created_by=user.id,
        )
        note.media.append(NoteMedia(position=0, sha256=sha))
        session.add(note)
        session.commit()
        return note.id


def status_of(sessions, note_id: uuid.UUID) -> str:
    with sessions() as session:
        return session.get(Note, note_id).status


def test_a_note_whose_check_fails_is_held_and_the_rest_still_publish(database, monkeypatch):
    broken, fine = due_note(database, "坏的"), due_note(database, "好的")
    real = scheduler.note_violations

    def failing(session, note, **kwargs):
        if note.id == broken:
            raise RuntimeError("boom")
        return real(session, note, **kwargs)

    monkeypatch.setattr(scheduler, "note_violations", failing)
    assert scheduler.publish_due(database, load_rules(), scheduler.MisfirePolicy()) == 2
    assert (status_of(database, broken), status_of(database, fine)) == ("held", "published")


def test_a_note_changed_after_it_was_read_is_not_published_on_sqlite(database, monkeypatch):
    note_id = due_note(database)
    real = scheduler._decide

    def then_someone_unschedules(session, note, *args):
        outcome = real(session, note, *args)
        with database() as other:
            other.get(Note, note_id).status = "draft"
            other.commit()
        return outcome

    monkeypatch.setattr(scheduler, "_decide", then_someone_unschedules)
    assert scheduler.publish_due(database, load_rules(), scheduler.MisfirePolicy()) == 0
    assert status_of(database, note_id) == "draft"
    with database() as session:
        assert session.scalar(select(func.count()).select_from(Notification)) == 0
