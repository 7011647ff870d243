"""The brand's review queue and review screen, against the real embedded backend.

The studio's own user owns a brand and a brief; a second user, a creator with enough
followers, applies, is accepted and submits a note with a photo. The brand reviews it in the
dialog: draws an area on the photo, comments on it, requests changes; the creator sees the
area comment, resubmits, and the brand approves round 2 after reading the marked-up change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from publisher.brief_schemas import CollaborationPublic
from publisher.client import StudioClient
from studio.collab.regions import region_between
from studio.collab.review_dialog import ReviewDialog
from studio.collab.review_queue import DUE, ROUND, STATE, ReviewQueueTab
from studio.collab.round_diff import (
    ELLIPSIS,
    Span,
    SpanKind,
    diff_rounds,
    diff_text,
    shorten,
    spans_html,
)
from studio.collab.wording import time_left
from tests.conftest import signed_up
from tests.studio.conftest import Studio, make_photo
from tests.studio.helpers import type_text

BODY_1 = "这款粉底液持妆12小时，是我用过最好的。"
BODY_2 = "这款粉底液持妆12小时不脱妆，夏天也很清爽。"


@dataclass
class Review:
    creator: StudioClient
    collaboration: CollaborationPublic
    note_id: uuid.UUID


def _submit_round(creator: StudioClient, review: Review, body: str) -> None:
    note = creator.get_note(review.note_id)
    creator.update_note(note.id, version=note.version, body=body)
    collab = creator.get_collaboration(review.collaboration.id)
    review.collaboration, _ = creator.submit(collab.id, version=collab.version)


def _start_review(studio: Studio, photo: Path) -> Review:
    """A brand brief of the studio's user and a creator's first round submitted to it."""
    brand = studio.client()
    organization = brand.create_organization(name="山茶花美妆", kind="brand")
    brief, _ = brand.create_brief(
        organization_id=organization.id,
        title="夏日持妆粉底液",
        mode="recruitment",
        topics=["夏日底妆"],
        key_messages=["持妆12小时"],
    )
    creator = signed_up(studio.ctx.connection.url or "", "小鹿")
    account = creator.create_account(nickname="小鹿爱化妆", followers=12_000)
    collab, _ = creator.apply(brief_id=brief.id, account_id=account.id, quote_fen=300_000)
    collab, _ = brand.act(collab.id, "accept", version=collab.version)
    collab, _ = creator.attach_note(collab.id, version=collab.version)
    assert collab.note_id is not None
    sha = creator.upload_media(photo).sha256
    note = creator.get_note(collab.note_id)
    creator.update_note(
        note.id, version=note.version, title="夏天不脱妆的粉底液", media=[{"sha256": sha}]
    )
    review = Review(creator, collab, collab.note_id)
    _submit_round(creator, review, BODY_1)
    return review


def _open(qtbot, dialog: ReviewDialog, round_: int) -> None:
    dialog.show()
    qtbot.waitUntil(
        lambda: (
            dialog.state is not None
            and dialog.state.collaboration.round == round_
            and dialog.canvas.pixmap is not None
        ),
        timeout=15_000,
    )


def _drag(canvas, start: QPointF, end: QPointF) -> None:
    QTest.mousePress(
        canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start.toPoint()
    )
    QTest.mouseMove(canvas, ((start + end) / 2).toPoint())
    QTest.mouseRelease(
        canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end.toPoint()
    )


def test_brand_reviews_two_rounds(open_studio, qtbot, tmp_path: Path) -> None:
    studio = open_studio()
    review = _start_review(studio, make_photo(tmp_path / "look.jpg", (600, 800), (220, 160, 140)))
    collaboration_id = review.collaboration.id

    queue = ReviewQueueTab(studio.ctx)
    qtbot.addWidget(queue)
    queue.resize(1000, 600)
    queue.show()
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=15_000)
    row = queue.model.rows[0]
    assert row.account.nickname == "小鹿爱化妆"
    assert queue.model.index(0, ROUND).data() == "Round 1"
    assert queue.model.index(0, STATE).data() == "Waiting for review"
    assert queue.model.index(0, DUE).data().endswith(" left")

    dialog = queue.open_review(collaboration_id)
    _open(qtbot, dialog, 1)
    assert dialog.phone.title_label.text() == "夏天不脱妆的粉底液"
    checks = {check.key: check for check in dialog.state.checks}
    assert not checks["forbidden_words"].ok  # 最 in "最好的"
    rows = " ".join(label.text() for label in dialog.checks_host.findChildren(QLabel))
    assert "Forbidden words found" in rows and "最" in rows
    assert not dialog.changes_button.isEnabled()  # nothing said on this round yet
    assert dialog.approve_button.isEnabled()

    image = dialog.canvas.image_rect()
    start = image.topLeft() + QPointF(image.width() * 0.2, image.height() * 0.25)
    end = image.topLeft() + QPointF(image.width() * 0.6, image.height() * 0.55)
    _drag(dialog.canvas, start, end)
    region = dialog.pending_region
    assert region is not None
    assert region.x == pytest.approx(0.2, abs=0.01) and region.width == pytest.approx(0.4, abs=0.01)
    assert dialog.selected_target().target == "region"
    type_text(dialog.comment_edit, "这里的肤色偏暗，请提亮一点")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state.commented, timeout=10_000)
    assert [mark.number for mark in dialog.canvas.marks] == [1]
    assert dialog.changes_button.isEnabled()

    qtbot.mouseClick(dialog.changes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state.collaboration.state == "changes_requested", timeout=10_000)
    assert not dialog.approve_button.isEnabled()

    comments = review.creator.comments(collaboration_id)
    [comment] = [c for c in comments if c.target == "region"]
    assert comment.text == "这里的肤色偏暗，请提亮一点"
    assert comment.position == 0 and comment.round == 1
    assert comment.region is not None
    assert comment.region.y == pytest.approx(0.25, abs=0.01)
    assert comment.region.height == pytest.approx(0.3, abs=0.01)

    _submit_round(review.creator, review, BODY_2)
    dialog.close()
    dialog = queue.open_review(collaboration_id)
    _open(qtbot, dialog, 2)
    assert dialog.diff_tab_button.isEnabled()
    assert dialog.diff_tab_button.text() == "Changes since round 1"
    diff = " ".join(label.text() for label in dialog.diff_text_host.findChildren(QLabel))
    assert "不脱妆" in diff and "line-through" in diff and "最好的" in diff
    assert dialog.canvas.marks == ()  # round 1's area comment belongs to round 1's photo

    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state.collaboration.state == "approved", timeout=10_000)
    assert review.creator.get_collaboration(collaboration_id).state == "approved"
    assert review.creator.submissions(collaboration_id)[-1].decision == "approve"
    review.creator.close()


def test_stale_decision_reloads_and_says_so(open_studio, qtbot, tmp_path: Path) -> None:
    studio = open_studio()
    review = _start_review(studio, make_photo(tmp_path / "look.jpg", (600, 800), (120, 160, 200)))
    dialog = ReviewDialog(studio.ctx, review.collaboration.id)
    qtbot.addWidget(dialog)
    _open(qtbot, dialog, 1)
    brand = studio.client()
    brand.add_comment(review.collaboration.id, "标题再短一点", target="field", field="title")
    collab = brand.get_collaboration(review.collaboration.id)
    brand.act(collab.id, "request_changes", version=collab.version)

    dialog.decide("approve")  # the version shown is stale now
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=10_000)
    assert "reloaded" in dialog.banner.text
    qtbot.waitUntil(lambda: dialog.state.collaboration.state == "changes_requested", timeout=10_000)
    assert not dialog.approve_button.isEnabled()
    review.creator.close()


# -- without the backend -----------------------------------------------------------------------


def test_chinese_diff_marks_only_the_changed_characters() -> None:
    spans = diff_text("持妆12小时，最好用", "持妆24小时，很好用")
    assert spans == [
        Span(SpanKind.EQUAL, "持妆"),
        Span(SpanKind.DELETE, "12"),
        Span(SpanKind.INSERT, "24"),
        Span(SpanKind.EQUAL, "小时，"),
        Span(SpanKind.DELETE, "最"),
        Span(SpanKind.INSERT, "很"),
        Span(SpanKind.EQUAL, "好用"),
    ]


def test_diff_html_escapes_the_creators_text() -> None:
    rich = spans_html(diff_text("a <b>", "a <i>\nx"))
    assert "<b>" not in rich and "<i>" not in rich
    assert "&lt;" in rich and "&gt;" in rich and "<br>" in rich and "line-through" in rich


def test_long_unchanged_text_is_shortened_around_the_change() -> None:
    old = "前" * 100 + "旧" + "后" * 100
    new = "前" * 100 + "新" + "后" * 100
    spans = shorten(diff_text(old, new), context=10)
    assert spans[0].text == ELLIPSIS + "前" * 10
    assert spans[-1].text == "后" * 10 + ELLIPSIS


def test_round_diff_lists_photos_and_topics() -> None:
    old = {"title": "A", "topics": ["夏日", "底妆"], "media": [{"position": 0, "sha256": "x"}]}
    new = {"title": "A", "topics": ["底妆", "通勤"], "media": [{"position": 0, "sha256": "y"}]}
    diff = diff_rounds(old, new)
    assert "title" not in diff.texts
    assert diff.lists["topics"].added == ("通勤",) and diff.lists["topics"].removed == ("夏日",)
    assert [(p.position, p.old, p.new) for p in diff.photos] == [(0, "x", "y")]
    assert diff_rounds(old, old).empty


def test_time_left_and_overdue() -> None:
    now = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    assert time_left(now + timedelta(days=1, hours=5, minutes=3), now) == ("1 d 5 h left", False)
    assert time_left(now + timedelta(minutes=42), now) == ("42 min left", False)
    assert time_left(now - timedelta(hours=3, minutes=10), now) == ("Overdue by 3 h 10 min", True)
    assert time_left(None, now) == ("", False)


def test_region_is_clamped_to_the_image_and_a_click_is_none() -> None:
    image = QRectF(100, 50, 300, 400)
    region = region_between(QPointF(40, 30), QPointF(250, 250), image)
    assert region is not None
    assert (region.x, region.y) == (0.0, 0.0)
    assert region.width == pytest.approx(0.5) and region.height == pytest.approx(0.5)
    assert region_between(QPointF(200, 200), QPointF(203, 204), image) is None
