"""The near-duplicate check in the composer against the real backend: a photo already published
on the user's other account stops Schedule (and Publish) with the match shown, and the user
chooses to go ahead or not; nothing found or no check possible never gets in the way. The
list of matches says why each one matches and where it stands."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from publisher.client import StudioClient
from publisher.client.errors import ServerError
from publisher.near_duplicate_schemas import NearDuplicatePublic, PhotoMatchPublic
from studio.drafts.session import SaveState
from studio.matrix.near_duplicates import NearDuplicatesWidget
from tests.photos import photo
from tests.studio.helpers import type_text

WAIT_MS = 40_000
OTHER_ACCOUNT = "小林的第二个号"


def _published_elsewhere(studio, name: str, title: str) -> uuid.UUID:
    """A note with photo `name`, published on a second account of the same user."""
    client = studio.client()
    account = client.create_account(nickname=OTHER_ACCOUNT)
    sha = client.upload_media(photo(name)).sha256
    note, _ = client.create_note(account_id=account.id, title=title, media=[{"sha256": sha}])
    return client.publish_note(note.id, version=note.version)[0].id


def _draft_with(open_studio, qtbot, tmp_path, name: str):
    """The composer's draft on the first account, with photo `name` and a title, saved and
    passing the checklist."""
    studio = open_studio(tmp_path / "data")
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)
    page = studio.window.create_page
    type_text(page.title_edit, "周末撸猫")
    page.add_files([photo(name)])
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 1, timeout=WAIT_MS)
    session = studio.window.drafts.current
    qtbot.waitUntil(
        lambda: session.note_id is not None and session.state is SaveState.SAVED, timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: page.checklist.result is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.checklist.result.blocked, timeout=WAIT_MS)
    return studio, page, session


def _dialog(qtbot, page):
    gate = page.duplicate_gate
    qtbot.waitUntil(lambda: gate.dialog is not None and gate.dialog.isVisible(), timeout=WAIT_MS)
    return gate.dialog


def test_the_same_photo_on_another_account_asks_before_scheduling(open_studio, qtbot, tmp_path):
    studio, page, session = _draft_with(open_studio, qtbot, tmp_path, "cat")
    other_id = _published_elsewhere(studio, "cat", "猫咪日常")

    page.schedule_box.schedule_button.click()
    dialog = _dialog(qtbot, page)
    assert not page.schedule_box.schedule_button.isEnabled()  # one check at a time
    [row] = dialog.matches.rows()
    assert row.match.note_id == other_id
    assert row.heading.text() == f"{OTHER_ACCOUNT} · 猫咪日常"
    assert row.why.text() == "Photo 1 ≈ their photo 1"
    assert row.kind.text() == "Same photo"
    assert row.standing.text().startswith("Published ")
    assert dialog.proceed_button.text() == "Schedule anyway"
    assert dialog.cancel_button.isDefault()

    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not page.duplicate_gate.busy, timeout=WAIT_MS)
    assert page.schedule_box.schedule_button.isEnabled()
    assert studio.client().get_note(uuid.UUID(session.note_id)).status == "draft"

    page.schedule_box.schedule_button.click()
    _dialog(qtbot, page).proceed_button.click()
    qtbot.waitUntil(lambda: session.status == "scheduled", timeout=WAIT_MS)
    assert studio.client().get_note(uuid.UUID(session.note_id)).status == "scheduled"
    assert "Scheduled" in page.notice_banner.text


def test_publishing_asks_too_and_goes_ahead_when_told(open_studio, qtbot, tmp_path):
    studio, page, session = _draft_with(open_studio, qtbot, tmp_path, "coffee")
    _published_elsewhere(studio, "coffee", "静安寺咖啡")

    page.publish_button.click()
    dialog = _dialog(qtbot, page)
    assert not page.publish_button.isEnabled()
    assert dialog.proceed_button.text() == "Publish anyway"
    dialog.proceed_button.click()
    qtbot.waitUntil(lambda: session.status == "published", timeout=WAIT_MS)


def test_nothing_alike_schedules_without_a_question(open_studio, qtbot, tmp_path):
    studio, page, session = _draft_with(open_studio, qtbot, tmp_path, "rocket")
    _published_elsewhere(studio, "cat", "猫咪日常")
    asked = []
    page.duplicate_gate.busy_changed.connect(
        lambda busy: asked.append(page.duplicate_gate.dialog) if not busy else None
    )

    page.schedule_box.schedule_button.click()
    qtbot.waitUntil(lambda: session.status == "scheduled", timeout=WAIT_MS)
    assert asked == [None]


def test_a_check_that_cannot_run_does_not_stop_scheduling(
    open_studio, qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    studio, page, session = _draft_with(open_studio, qtbot, tmp_path, "cat")
    _published_elsewhere(studio, "cat", "猫咪日常")
    posted = []
    studio.ctx.notifier.posted.connect(lambda text, level: posted.append((text, level)))

    def failing(_client, _note_ids):
        # What a team server of an older release, or a failing one, answers.
        raise ServerError("server.error", {}, 500)

    monkeypatch.setattr(StudioClient, "near_duplicates", failing)
    page.schedule_box.schedule_button.click()
    qtbot.waitUntil(lambda: session.status == "scheduled", timeout=WAIT_MS)
    assert page.duplicate_gate.dialog is None
    [(text, level)] = [entry for entry in posted if "could not be checked" in entry[0]]
    assert level == "info"
    assert "internal error" in text


def _match(**fields) -> NearDuplicatePublic:
    shown = {
        "note_id": uuid.uuid4(),
        "account_id": uuid.uuid4(),
        "account_nickname": "阿花的探店日记",
        "account_timezone": "Asia/Shanghai",
        "title": "静安寺咖啡",
        "status": "scheduled",
        "scheduled_at": datetime(2026, 11, 29, 12, tzinfo=UTC),
        "published_at": None,
        "kind": "both",
        "score": 0.87,
        "text_score": 0.87,
        "photos": [
            PhotoMatchPublic(position=0, other_position=2, other_sha256="a" * 64, distance=4),
            PhotoMatchPublic(position=2, other_position=3, other_sha256="b" * 64, distance=6),
        ],
    }
    return NearDuplicatePublic(**{**shown, **fields})


def test_the_widget_says_why_and_where_each_match_stands(qtbot):
    widget = NearDuplicatesWidget()
    qtbot.addWidget(widget)
    both = _match()
    text_only = _match(title=" ", status="draft", scheduled_at=None, kind="text", photos=[])
    widget.set_matches([both, text_only])
    first, second = widget.rows()
    assert first.why.text() == (
        "Photo 1 ≈ their photo 3 · Photo 3 ≈ their photo 4 · Text 87 % similar"
    )
    assert first.standing.text() == "Scheduled for 2026-11-29 20:00"  # Beijing time
    assert first.kind.text() == "Same photo and text"
    assert second.heading.text() == "阿花的探店日记 · (untitled)"
    assert (second.standing.text(), second.kind.text()) == (
        "Draft, checked with this one",
        "Same text",
    )

    with qtbot.waitSignal(widget.note_activated) as activated:
        qtbot.mouseDClick(second, Qt.MouseButton.LeftButton)
    assert activated.args == [str(text_only.note_id)]

    widget.set_matches([text_only])
    assert widget.count() == 1 and widget.rows()[0].match is text_only
