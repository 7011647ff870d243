"""Create's checklist is the server's full list (pass / warn / block with reasons), fetched
as the creator writes; any block disables Publish with the reason."""

from __future__ import annotations

from studio.drafts.session import SaveState
from tests.studio.helpers import type_text

WAIT_MS = 30_000


def _saved(studio) -> bool:
    session = studio.window.drafts.current
    return session.note_id is not None and session.state is SaveState.SAVED


def test_every_rule_is_listed_and_blocks_follow_the_text_and_images(open_studio, qtbot, images):
    studio = open_studio()
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)
    page = studio.window.create_page
    checklist = page.checklist
    type_text(page.title_edit, "一" * 21)
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: checklist.status_of("title") == "block", timeout=WAIT_MS)
    rules = [item.rule for item in checklist.result.items]
    for rule in ("title", "body", "images.count", "images.ratio", "cover", "topics", "schedule"):
        assert rule in rules
    assert checklist.reasons_of("title") == ["The title is too long: 42 of 40 width units."]
    assert checklist.reasons_of("images.count") == ["Add at least 1 image (now 0)."]
    assert checklist.status_of("body") == "pass"
    assert not page.publish_button.isEnabled()
    assert page.publish_button.toolTip().splitlines() == [
        "The title is too long: 42 of 40 width units.",
        "Add at least 1 image (now 0).",
    ]
    assert checklist.summary.text() == "Fix the items marked ✕ before publishing."

    page.title_edit.clear()
    type_text(page.title_edit, "春日野餐")
    page.add_files(images[:1])
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: checklist.status_of("images.count") == "pass", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: checklist.status_of("title") == "pass", timeout=WAIT_MS)
    assert not checklist.result.blocked
    assert page.publish_button.isEnabled()
    assert page.publish_button.toolTip() == ""

    def shown_rows():
        found = checklist.findChildren(type(checklist.summary), "CheckRow")
        return [row for row in found if not row.isHidden()]

    # The rows follow the newest answer (one may still be arriving after the image's save).
    qtbot.waitUntil(
        lambda: (
            [r.property("rule") for r in shown_rows()] == [i.rule for i in checklist.result.items]
        ),
        timeout=WAIT_MS,
    )
    assert {row.property("status") for row in shown_rows()} <= {"pass", "warn"}
