"""Scheduling against the server's clock and the rules pack the server was started with;
notifications are read by cursor and marked read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from publisher.client.errors import ValidationError
from studio.backend_process import BackendStartError
from tests.conftest import register_user
from tests.publisher.scheduling_helpers import publishable_note, rules_file, start, wait_for


@pytest.fixture(scope="module")
def windowed(tmp_path_factory):
    """A server whose pack allows 60 s … 600 s ahead, its scheduler off."""
    folder = tmp_path_factory.mktemp("windowed")
    flags = ["--rules", str(rules_file(folder, min_lead=60, max_lead=600))]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ZHONGCAO_SCHEDULER_INTERVAL_SECONDS", "0")
        backend = start(folder / "data", flags=flags)
    yield backend
    backend.stop()


def codes(error: ValidationError) -> list[str]:
    return [v["code"] for v in error.violations if v["level"] == "block"]


def test_the_window_comes_from_the_servers_rules_and_clock(windowed, tmp_path) -> None:
    api = register_user(windowed)
    note = publishable_note(api, tmp_path)
    now = datetime.now(UTC)
    for at, code in (
        (now + timedelta(seconds=30), "schedule.too_soon"),
        (now + timedelta(seconds=700), "schedule.too_late"),
    ):
        with pytest.raises(ValidationError) as caught:
            api.schedule_note(note.id, at=at, version=note.version)
        assert (caught.value.code, codes(caught.value)) == ("note.rules_violated", [code])
    at = now + timedelta(seconds=120)
    scheduled, _ = api.schedule_note(note.id, at=at, version=note.version)
    assert (scheduled.status, scheduled.scheduled_at) == ("scheduled", at)

    with pytest.raises(ValidationError) as caught:
        api.reschedule_note(note.id, at=now + timedelta(seconds=5), version=scheduled.version)
    assert codes(caught.value) == ["schedule.too_soon"]
    moved, _ = api.reschedule_note(
        note.id, at=at + timedelta(seconds=60), version=scheduled.version
    )
    assert moved.scheduled_at == at + timedelta(seconds=60)

    draft, _ = api.unschedule_note(note.id, version=moved.version)
    assert (draft.status, draft.scheduled_at, draft.scheduled_by) == ("draft", None, None)
    with pytest.raises(ValidationError) as caught:
        api.unschedule_note(note.id, version=draft.version)
    assert caught.value.code == "note.not_scheduled"


def test_scheduling_lists_every_violation_at_once(windowed) -> None:
    api = register_user(windowed)
    account = api.list_accounts()[0].id
    empty, _ = api.create_note(account_id=account)
    with pytest.raises(ValidationError) as caught:
        api.schedule_note(empty.id, at=datetime.now(UTC), version=empty.version)
    assert {"title.empty", "images.too_few", "schedule.too_soon"} <= set(codes(caught.value))
    assert api.get_note(empty.id).status == "draft"


def test_a_naive_time_is_refused(windowed, tmp_path) -> None:
    api = register_user(windowed)
    note = publishable_note(api, tmp_path)
    with pytest.raises(ValidationError) as caught:
        api.schedule_note(note.id, at=datetime.now() + timedelta(minutes=2), version=note.version)
    assert caught.value.code == "request.invalid"


def test_notifications_are_the_callers_and_are_marked_read(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ZHONGCAO_SCHEDULER_INTERVAL_SECONDS", "0.2")
    flags = ["--rules", str(rules_file(tmp_path, min_lead=1, max_lead=600))]
    backend = start(tmp_path / "data", flags=flags)
    try:
        api, rival = register_user(backend), register_user(backend, "rival")
        for _ in range(2):
            note = publishable_note(api, tmp_path)
            api.schedule_note(
                note.id, at=datetime.now(UTC) + timedelta(seconds=1.2), version=note.version
            )
        wait_for(lambda: len(api.notifications().items) == 2)
        page = api.notifications()
        assert [n.kind for n in page.items] == ["note.published"] * 2 and page.unread == 2
        assert api.notifications(after=page.items[0].id).items == page.items[1:]
        assert api.notifications(after=page.cursor).items == []
        assert (
            rival.notifications().items == []
            and rival.mark_notifications_read(up_to=page.cursor) == 0
        )
        assert api.mark_notifications_read(up_to=page.items[0].id) == 1
        assert api.notifications().unread == 1
    finally:
        backend.stop()
    assert backend.returncode == 0  # the scheduler thread stopped with the server


def test_serve_refuses_an_unreadable_rules_pack(tmp_path) -> None:
    broken = tmp_path / "rules.json"
    broken.write_text("{not json", encoding="utf-8")
    for path in (broken, tmp_path / "missing.json"):
        with pytest.raises(BackendStartError) as caught:
            start(tmp_path / "data", flags=["--rules", str(path)])
        assert caught.value.code == "rules.invalid"
