"""A note the backend's scheduler publishes reaches the app as a notification: a toast, the
bell's unread badge, and a link that opens its publish package."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QLabel

from publisher.schemas import NotificationPublic
from studio.notifications import (
    NotificationTarget,
    notification_category,
    notification_target,
    notification_text,
)
from tests.media_samples import write_image
from tests.publisher.scheduling_helpers import rules_file


def test_texts_say_what_happened():
    def item(kind: str, **params) -> NotificationPublic:
        return NotificationPublic(
            id=1, kind=kind, note_id=uuid.uuid4(), params=params, created_at=datetime.now(UTC)
        )

    assert "is due now" in notification_text(item("note.published", title="早餐", late=False))
    assert "published late" in notification_text(item("note.published", title="早餐", late=True))
    held = notification_text(item("note.held", title="早餐", reason="misfire"))
    assert "held" in held and "早餐" in held
    checklist = notification_text(item("note.held", title="早餐", reason="rules_violated"))
    assert "checklist" in checklist


def test_categories_and_targets_of_notifications():
    note = uuid.uuid4()
    collaboration = uuid.uuid4()

    def item(kind: str, **params) -> NotificationPublic:
        return NotificationPublic(
            id=1, kind=kind, note_id=note, params=params, created_at=datetime.now(UTC)
        )

    expected = {
        "collaboration.invited": "invitation",
        "collaboration.submitted": "submission",
        "collaboration.approved": "decision",
        "collaboration.rejected": "decision",
        "collaboration.comment": "comment",
        "collaboration.review_due": "deadline",
        "note.published": "published",
        "note.held": "held",
    }
    assert {kind: notification_category(item(kind)) for kind in expected} == expected
    assert notification_target(item("note.published")) == NotificationTarget("package", note)
    assert notification_target(item("note.held")) == NotificationTarget("note", note)
    news = item("collaboration.submitted", collaboration_id=str(collaboration), side="brand")
    assert notification_target(news) == NotificationTarget(
        "collaboration", collaboration, "brand", "collaboration.submitted"
    )


def test_the_list_says_how_long_ago(open_studio):
    panel = open_studio(connect=False).window.notification_panel
    now = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)
    ages = [timedelta(seconds=20), timedelta(minutes=3), timedelta(hours=5), timedelta(days=1)]
    assert [panel.age_text(now - age, now) for age in ages] == [
        "just now",
        "3 min ago",
        "5 h ago",
        "1 day ago",
    ]
    assert panel.age_text(now - timedelta(days=3), now) == "3 days ago"
    assert panel.age_text(now - timedelta(days=30), now) == "2026-10-28"


def test_a_scheduler_published_note_notifies_and_opens_its_package(
    open_studio, qtbot, tmp_path, monkeypatch
):
    # The embedded backend inherits the environment: a 2-second lead and a fast scheduler.
    monkeypatch.setenv("ZHONGCAO_RULES_PATH", str(rules_file(tmp_path, min_lead=2, max_lead=600)))
    monkeypatch.setenv("ZHONGCAO_SCHEDULER_INTERVAL_SECONDS", "0.5")
    studio = open_studio()
    client = studio.client()
    window = studio.window
    sha = client.upload_media(write_image(tmp_path / "one.jpg")).sha256
    account = client.list_accounts()[0].id
    note, _ = client.create_note(
        account_id=account, title="到点发布", body="正文", media=[{"sha256": sha}]
    )
    client.schedule_note(note.id, at=datetime.now(UTC) + timedelta(seconds=4), version=note.version)
    assert window.notifications.unread == 0

    def announced() -> bool:
        window.notifications.poll_now()
        return any("到点发布" in text for text in window.toasts.texts())

    qtbot.waitUntil(announced, timeout=30_000)
    published = client.get_note(note.id)
    assert published.status == "published" and published.published_by_scheduler
    assert window.notifications.unread == 1
    assert window.bell.count_label.text() == "1" and window.bell.count_label.isVisibleTo(window)
    toast = next(
        label for label in window.toasts.findChildren(QLabel) if "到点发布" in label.text()
    )
    toast.linkActivated.emit(toast.text().split('href="', 1)[1].split('"', 1)[0])
    dialog = window.package_dialog
    assert dialog is not None and dialog.note_id == note.id
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=10_000)
    assert dialog.caption_edit.toPlainText().startswith("到点发布")
    qtbot.waitUntil(lambda: window.notifications.unread == 0)
    assert not window.bell.count_label.isVisibleTo(window)
    qtbot.waitUntil(lambda: client.notifications().unread == 0, timeout=10_000)
