"""A brand collaboration's note in the composer, against the real embedded backend: the brand
(another user on the same backend) comments on a field and on an area of photo 1; the creator
sees each where it points — under the title, boxed on the photo in the strip and in the photo
editor — resolves them there, edits and resubmits from the composer. Scheduling says up front
that the note is not approved yet; once published, the notes page shows the protection period
and refuses to delete the note."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from studio.collab.wording import shown_date
from studio.style import ACCENT
from studio.widgets.collab_note_delegate import protected_text
from tests.studio.conftest import make_photo
from tests.studio.helpers import type_text
from tests.studio.test_creator_tab import _brand

WAIT_MS = 20_000
REGION = {"x": 0.25, "y": 0.3, "width": 0.5, "height": 0.4}


def _accent(colour: QColor) -> bool:
    return abs(colour.red() - QColor(ACCENT).red()) < 50 and colour.green() < 130


def collaboration_in_review(studio, tmp_path):
    """A collaboration on the studio's account whose note the brand sent back with a title
    comment, a region comment on photo 1 and a comment on the whole note."""
    mine = studio.client()
    account = mine.list_accounts()[0]
    mine.update_account(account.id, version=account.version, followers=5000)
    brand, org_id, product_id = _brand(studio.ctx.connection.url)
    brief, _ = brand.create_brief(
        organization_id=org_id,
        title="秋冬唇色种草",
        product_ids=[product_id],
        fee_fen=300_000,
        protection_days=60,
    )
    collab, _ = brand.invite(brief_id=brief.id, account_id=account.id)
    collab, _ = mine.act(collab.id, "accept", version=collab.version)
    collab, _ = mine.attach_note(collab.id, version=collab.version)
    photo = mine.upload_media(make_photo(tmp_path / "p.jpg", (600, 800), (60, 160, 200)))
    note = mine.get_note(collab.note_id)
    mine.update_note(
        note.id,
        version=note.version,
        title="秋冬必备唇色",
        body="持妆一整天，不拔干",
        media=[{"sha256": photo.sha256}],
    )
    collab, _ = mine.submit(collab.id, version=collab.version)
    brand.add_comment(collab.id, "标题加上色号", target="field", field="title")
    brand.add_comment(collab.id, "口红看不清，拍近一点", target="region", position=0, region=REGION)
    brand.add_comment(collab.id, "整体很好")
    current = brand.get_collaboration(collab.id)
    brand.act(collab.id, "request_changes", version=current.version)
    return mine, brand, collab.id, note.id, photo.sha256


def _open_in_composer(studio, qtbot, note_id: uuid.UUID, *, comments: int = 3):
    page = studio.window.create_page
    page.open_note(str(note_id))
    qtbot.waitUntil(
        lambda: page.review.review is not None and len(page.review.review.comments) == comments,
        timeout=WAIT_MS,
    )
    return page


def test_comments_in_the_composer_and_editor_resolved_there_then_resubmitted(
    open_studio, qtbot, tmp_path
):
    studio = open_studio()
    mine, brand, collab_id, note_id, sha = collaboration_in_review(studio, tmp_path)
    page = _open_in_composer(studio, qtbot, note_id)
    strip = page.collab_strip
    assert strip.isVisibleTo(page)
    assert strip.title.text() == "秋冬唇色种草"
    assert strip.submit_button.text() == "Resubmit"
    assert [row.text.text() for row in strip.rows] == ["整体很好"]

    # The field comment sits under the title; the disclosure is on and locked.
    title_notes = page.field_notes["title"]
    assert title_notes.isVisibleTo(page)
    assert [row.text.text() for row in title_notes.rows] == ["标题加上色号"]
    assert not page.field_notes["body"].isVisibleTo(page)
    flag = page.flags_box.collaboration
    assert flag.isChecked() and not flag.isEnabled()

    # The region comment is boxed on photo 1, in the strip and under it.
    pins = page.strip.card_delegate.pins[sha]
    assert [(m.number, m.x, m.y, m.done) for m in pins.marks] == [(1, 0.25, 0.3, False)]
    assert pins.open == 1
    qtbot.waitUntil(lambda: page.photo_notes.photos[0].has_image(), timeout=WAIT_MS)
    photo = page.photo_notes.photos[0]
    box = photo.mark_rect(photo.marks()[0])
    assert _accent(photo.grab().toImage().pixelColor(int(box.right()) - 1, int(box.center().y())))

    # Not approved: scheduling says why before anything is sent.
    assert not page.schedule_box.schedule_button.isEnabled()
    assert "only as the brand approved it" in page.schedule_box.state_label.text()
    assert "Changes requested" in page.schedule_box.state_label.text()

    title_notes.rows[0].resolved.click()
    qtbot.waitUntil(
        lambda: all(
            c.resolved_at is not None for c in mine.comments(collab_id) if c.target == "field"
        ),
        timeout=WAIT_MS,
    )

    # Photo 1 in the editor: the brand's box over the canvas, its comment beside it.
    page.edit_photo(0)
    editor = page.editor
    assert editor.comments_button.isVisibleTo(editor)
    assert editor.review_pane.isVisibleTo(editor)
    assert [row.text.text() for row in editor.review_pane.rows] == ["口红看不清，拍近一点"]
    qtbot.waitUntil(lambda: not editor.canvas.image().isNull(), timeout=WAIT_MS)
    image = editor.canvas.image_rect()
    right = image.left() + (REGION["x"] + REGION["width"]) * image.width()
    middle = image.top() + (REGION["y"] + REGION["height"] / 2) * image.height()
    assert _accent(editor.canvas.grab().toImage().pixelColor(int(right) - 1, int(middle)))
    editor.comments_button.click()  # off: the photo alone
    assert not editor.review_pane.isVisibleTo(editor)
    assert not _accent(editor.canvas.grab().toImage().pixelColor(int(right) - 1, int(middle)))
    editor.comments_button.click()
    editor.review_pane.rows[0].resolved.click()
    qtbot.waitUntil(
        lambda: all(
            c.resolved_at is not None for c in mine.comments(collab_id) if c.target == "region"
        ),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: page.strip.card_delegate.pins[sha].open == 0, timeout=WAIT_MS)
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)

    strip.rows[0].resolved.click()
    qtbot.waitUntil(lambda: page.review.review.open_count == 0, timeout=WAIT_MS)

    # An edit typed just before Resubmit is in the round the brand gets.
    page.title_edit.end(False)
    type_text(page.title_edit, "·豆沙色")
    qtbot.mouseClick(strip.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mine.get_collaboration(collab_id).round == 2, timeout=WAIT_MS)
    assert mine.get_collaboration(collab_id).state == "submitted"
    assert brand.submissions(collab_id)[-1].snapshot["title"] == "秋冬必备唇色·豆沙色"
    qtbot.waitUntil(lambda: not strip.submit_button.isVisibleTo(page), timeout=WAIT_MS)
    assert "Submitted" in page.notice_banner.text
    brand.close()


def test_published_collaboration_note_is_protected_on_the_notes_page(open_studio, qtbot, tmp_path):
    studio = open_studio()
    mine, brand, collab_id, note_id, _sha = collaboration_in_review(studio, tmp_path)
    for comment in mine.comments(collab_id):
        if comment.side == "brand":
            mine.resolve_comment(collab_id, comment.id, version=comment.version)
    note = mine.get_note(note_id)
    mine.update_note(note_id, version=note.version, title="秋冬必备唇色·豆沙色")
    mine.submit(collab_id, version=mine.get_collaboration(collab_id).version)
    brand.act(collab_id, "approve", version=brand.get_collaboration(collab_id).version)

    page = _open_in_composer(studio, qtbot, note_id, comments=0)
    qtbot.waitUntil(lambda: page.review.review.collab.state == "approved", timeout=WAIT_MS)
    assert "only as the brand approved it" not in page.schedule_box.state_label.text()

    published, _ = mine.publish_note(note_id, version=mine.get_note(note_id).version)
    assert published.protected_until is not None
    until = shown_date(published.protected_until)
    studio.window.show_page("notes")
    notes = studio.window.notes_page
    notes.model.reload()
    qtbot.waitUntil(lambda: notes.select_note(str(note_id)), timeout=WAIT_MS)
    assert not notes.delete_button.isEnabled()
    reason = f"This collaboration note is protected until {until}"
    assert notes.delete_button.toolTip().startswith(reason)
    assert notes.protection_label.isVisibleTo(notes)
    assert notes.protection_label.text().startswith(reason)
    assert protected_text(notes.selected_note()) == f"Protected until {until}"
    notes.delete_button.click()
    assert mine.get_note(note_id).status == "published"
    brand.close()
