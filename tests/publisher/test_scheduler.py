"""Publishing at the scheduled time exactly once: two server processes racing on one database,
and a restart while a note is due (published late and marked, or held)."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from publisher.client import StudioClient
from tests.conftest import PASSWORD, register_user
from tests.publisher.scheduling_helpers import publishable_note, rules_file, start, wait_for

NOTES = 12


@pytest.fixture
def fast_scheduler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHONGCAO_SCHEDULER_INTERVAL_SECONDS", "0.2")
    monkeypatch.setenv("ZHONGCAO_MISFIRE_GRACE_SECONDS", "1")


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
        ids = set()
        for index in range(NOTES):
            note = publishable_note(api, tmp_path, title=f"第{index}篇")
            at = datetime.now(UTC) + timedelta(seconds=2)
            scheduled, _ = api.schedule_note(note.id, at=at, version=note.version)
            assert (scheduled.status, scheduled.scheduled_by) == ("scheduled", me)
            ids.add(note.id)
        wait_for(lambda: api.list_notes(status="published").total == NOTES)
        time.sleep(1)  # let a double publish, if any, land

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
    tmp_path, fast_scheduler, policy
):
    flags = ["--rules", str(rules_file(tmp_path, min_lead=1, max_lead=3600)), "--misfire", policy]
    backend = start(tmp_path / "data", flags=flags)
    email = f"late-{uuid.uuid4().hex[:8]}@example.com"
    api = StudioClient(backend.url)
    api.register(email=email, password=PASSWORD, display_name="late")
    api.sign_in(email, PASSWORD)
    api.create_account(nickname="晚到")
    note = publishable_note(api, tmp_path)
    api.schedule_note(note.id, at=datetime.now(UTC) + timedelta(seconds=1.5), version=note.version)
    backend.stop()
    time.sleep(4)  # due, and more than the 1 s grace late, while no server runs

    again = start(tmp_path / "data", flags=flags)
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
