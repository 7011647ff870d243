"""The Create page against the real backend: images, autosave, restart, publish, conflicts."""

from __future__ import annotations

import os
import sys
import uuid

from PySide6.QtCore import QMimeData, QModelIndex, Qt, QUrl
from PySide6.QtWidgets import QLabel

from studio import media_intake
from studio.connection import BackendState
from studio.drafts.journal import DraftJournal
from studio.drafts.merge import Side
from studio.drafts.session import SaveState
from studio.models.notes import PUBLISHED, STATUS, local_time
from tests.studio.helpers import type_text

WAIT_MS = 20_000


def _accounts_loaded(qtbot, studio) -> None:
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)


def _saved(studio) -> bool:
    session = studio.window.drafts.current
    return session.note_id is not None and session.state is SaveState.SAVED


def test_draft_survives_restart_then_publishes(open_studio, images, qtbot, tmp_path):
    data = tmp_path / "data"
    studio = open_studio(data)
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)

    page.add_files(images)  # JPEG, PNG, WebP and iPhone HEIC
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 4, timeout=WAIT_MS)
    red, blue, green, yellow = page.media.ready_shas()
    assert all(page.media.item(row).thumbnail is not None for row in range(4))

    # Reorder by the same drop the strip performs when a card is dragged to the front.
    mime = page.media.mimeData([page.media.index(1)])
    assert page.media.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    order = (blue, red, green, yellow)
    assert page.media.ready_shas() == order

    type_text(page.title_edit, "春日穿搭 Spring look")
    type_text(page.body_edit, "三件单品搞定通勤 #OOTD")
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note_id = uuid.UUID(studio.window.drafts.current.note_id)
    note = studio.client().get_note(note_id)
    assert note.title == "春日穿搭 Spring look"
    assert note.body == "三件单品搞定通勤 #OOTD"
    assert [m.sha256 for m in sorted(note.media, key=lambda m: m.position)] == list(order)
    assert note.media[3].mime == "image/heic"

    studio.close()
    again = open_studio(data)
    page = again.window.create_page
    qtbot.waitUntil(lambda: page.media.ready_shas() == order, timeout=WAIT_MS)
    assert page.title_edit.text() == "春日穿搭 Spring look"
    assert page.body_edit.toPlainText() == "三件单品搞定通勤 #OOTD"
    assert again.window.drafts.current.note_id == str(note_id)

    page.publish_button.click()
    qtbot.waitUntil(lambda: again.window.drafts.current.status == "published", timeout=WAIT_MS)
    published = again.client().get_note(note_id)
    assert published.status == "published"
    shown_time = local_time(published.published_at, "Asia/Shanghai")
    assert shown_time in page.notice_banner.text

    again.window.show_page("notes")
    table = again.window.notes_page.model
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: table.note(0).status == "published", timeout=WAIT_MS)
    assert table.index(0, STATUS).data() == "Published"
    assert table.index(0, PUBLISHED).data() == shown_time


def test_refused_file_is_named_and_others_still_arrive(open_studio, images, qtbot, tmp_path):
    studio = open_studio()
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)
    fake = tmp_path / "holiday.jpg"
    fake.write_text("<html><body>not a photo</body></html>")

    page.add_files([fake, images[0]])
    qtbot.waitUntil(lambda: page.notice_banner.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.intake.busy, timeout=WAIT_MS)
    assert "holiday.jpg" in page.notice_banner.text
    assert "not a photo or video the studio takes" in page.notice_banner.text
    assert page.media.rowCount() == 1
    assert len(page.media.ready_shas()) == 1


def test_title_counter_counts_cjk_and_emoji_as_two(open_studio, qtbot):
    studio = open_studio(connect=False)
    page = studio.window.create_page
    type_text(page.title_edit, "春日🌸ok")
    assert page.title_counter.text() == "8/40"
    assert not page.title_counter.over
    page.title_edit.clear()
    type_text(page.title_edit, "一" * 21)
    assert page.title_counter.text() == "42/40"
    assert page.title_counter.over


def test_text_typed_before_a_crash_is_restored_and_saved(open_studio, qtbot, tmp_path):
    data = tmp_path / "data"
    crashed = open_studio(data, connect=False)
    page = crashed.window.create_page
    type_text(page.title_edit, "断电也不丢")
    type_text(page.body_edit, "写到一半")
    journal = DraftJournal(data)
    qtbot.waitUntil(
        lambda: any(e.fields.body == "写到一半" for e in journal.read_all()), timeout=WAIT_MS
    )
    # A killed process gets no close event and no final save: drop the window as it is.
    crashed.open = False
    crashed.ctx.shutdown()
    crashed.window.deleteLater()
    crashed.ctx.dispose()

    restored = open_studio(data)
    page = restored.window.create_page
    assert page.title_edit.text() == "断电也不丢"
    qtbot.waitUntil(lambda: _saved(restored), timeout=WAIT_MS)
    notes = restored.client().list_notes().items
    assert [(n.title, n.body) for n in notes] == [("断电也不丢", "写到一半")]


def test_conflict_keeps_local_text_and_asks(open_studio, qtbot):
    studio = open_studio()
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)
    type_text(page.title_edit, "我的标题")
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    session = studio.window.drafts.current
    client = studio.client()
    client.update_note(uuid.UUID(session.note_id), version=session.version, body="别处改的")

    type_text(page.title_edit, "！")
    qtbot.waitUntil(lambda: session.state is SaveState.CONFLICT, timeout=WAIT_MS)
    assert page.title_edit.text() == "我的标题！"
    assert "changed somewhere else" in page.save_banner.text
    keep_mine = next(b for b in page.save_banner.buttons() if b.text() == "Keep my version")
    keep_mine.click()
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    server = client.get_note(uuid.UUID(session.note_id))
    assert (server.title, server.body) == ("我的标题！", "")


def test_unresolved_conflict_still_asks_after_a_restart(open_studio, qtbot, tmp_path):
    data = tmp_path / "data"
    studio = open_studio(data)
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)
    type_text(page.title_edit, "我的")
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    session = studio.window.drafts.current
    note_id = uuid.UUID(session.note_id)
    studio.client().update_note(note_id, version=session.version, title="同事改的", body="同事的")
    type_text(page.body_edit, "我的正文")
    qtbot.waitUntil(lambda: session.state is SaveState.CONFLICT, timeout=WAIT_MS)
    studio.close()  # quits without choosing

    again = open_studio(data)
    restored = again.window.drafts.current
    qtbot.waitUntil(lambda: restored.state is SaveState.CONFLICT, timeout=WAIT_MS)
    note = again.client().get_note(note_id)
    assert (note.title, note.body) == ("同事改的", "同事的")
    page = again.window.create_page
    assert page.body_edit.toPlainText() == "我的正文"
    assert "changed somewhere else" in page.save_banner.text

    # Merging field by field: the journal kept the copy both last agreed on, so the title
    # (changed there only) comes preselected as theirs and the body (changed on both sides)
    # as mine.
    dialog = page.compare_conflict()
    rows = {row.group: row for row in dialog.rows}
    assert set(rows) == {"title", "body"}
    assert rows["title"].choice() is Side.THEIRS
    assert rows["body"].choice() is Side.MINE
    assert "Changed on both sides" in {label.text() for label in rows["body"].findChildren(QLabel)}
    dialog.save_button.click()
    qtbot.waitUntil(lambda: _saved(again), timeout=WAIT_MS)
    assert (page.title_edit.text(), page.body_edit.toPlainText()) == ("同事改的", "我的正文")
    note = again.client().get_note(note_id)
    assert (note.title, note.body) == ("同事改的", "我的正文")


def test_images_still_uploading_stay_with_their_draft_after_new_note(open_studio, images, qtbot):
    studio = open_studio()
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)
    type_text(page.title_edit, "有图")
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    old = studio.window.drafts.current
    note_id = uuid.UUID(old.note_id)
    page.add_files(images[:2])
    page.new_button.click()  # moves on while the images are still uploading
    assert studio.window.drafts.current is not old
    qtbot.waitUntil(lambda: not page.intake.busy, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(studio.client().get_note(note_id).media) == 2, timeout=WAIT_MS)
    assert page.media.rowCount() == 0


def test_images_uploading_when_the_app_closes_are_uploaded_after_restart(
    open_studio, images, qtbot, tmp_path
):
    data = tmp_path / "data"
    studio = open_studio(data)
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)
    type_text(page.title_edit, "带图")
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note_id = uuid.UUID(studio.window.drafts.current.note_id)
    page.add_files(images)
    studio.close()  # quits while the images are still being checked and uploaded

    again = open_studio(data)
    page = again.window.create_page
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 4, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _saved(again), timeout=WAIT_MS)
    assert len(again.client().get_note(note_id).media) == 4


def test_a_file_that_goes_away_before_its_upload_is_reported(
    open_studio, images, qtbot, monkeypatch
):
    studio = open_studio()
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)
    real_check = media_intake._check_and_thumbnail

    def check_then_the_file_is_moved(path):
        image = real_check(path)
        path.unlink()  # the creator moves the file between the check and the upload
        return image

    monkeypatch.setattr(media_intake, "_check_and_thumbnail", check_then_the_file_is_moved)
    errors: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: errors.append(args[1]))
    page.add_files([images[0]])
    qtbot.waitUntil(lambda: page.notice_banner.isVisible(), timeout=WAIT_MS)
    assert "red.jpg: The file cannot be read." in page.notice_banner.text
    assert errors == []
    assert page.media.rowCount() == 0
    assert not page.intake.busy
    assert not page.upload_label.isVisible()


def test_publish_twice_publishes_once_and_keeps_the_button_disabled(open_studio, images, qtbot):
    studio = open_studio()
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)
    page.add_files([images[0]])
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 1, timeout=WAIT_MS)
    type_text(page.title_edit, "标题")
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    session = studio.window.drafts.current
    type_text(page.body_edit, "正文")
    published, failed, enabled_while_pending = [], [], []
    session.published.connect(published.append)
    session.publish_failed.connect(failed.append)
    session.note_changed.connect(
        lambda: (
            enabled_while_pending.append(page.publish_button.isEnabled())
            if session.publish_pending
            else None
        )
    )
    page.publish_button.click()
    session.publish()  # a second click that got through
    qtbot.waitUntil(lambda: session.status == "published", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not session._busy and not session.publish_pending, timeout=WAIT_MS)
    assert len(published) == 1
    assert failed == []
    assert not any(enabled_while_pending)
    assert "Published" in page.notice_banner.text


def test_the_account_cannot_change_while_the_note_is_being_created(open_studio, qtbot):
    studio = open_studio()
    client = studio.client()
    _accounts_loaded(qtbot, studio)
    client.create_account(nickname="第二个号")
    accounts = studio.window.accounts
    accounts.reload()
    qtbot.waitUntil(lambda: accounts.rowCount() == 2, timeout=WAIT_MS)
    page = studio.window.create_page
    combo = page.account_combo
    type_text(page.title_edit, "给哪个号")
    session = studio.window.drafts.current
    session.flush()  # as when the debounce fires: the create is on its way
    assert session.creating
    assert not combo.isEnabled()
    combo.setCurrentIndex(1 - combo.currentIndex())  # a pick that slips through
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note = client.get_note(uuid.UUID(session.note_id))
    assert combo.currentData(accounts.IdRole) == str(note.account_id)
    assert not combo.isEnabled()


def test_reopening_a_note_still_saving_brings_back_its_draft(open_studio, qtbot):
    studio = open_studio()
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)
    type_text(page.title_edit, "A")
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    first = studio.window.drafts.current
    type_text(page.body_edit, "最后一句")
    page.new_button.click()  # its last save is on its way
    page.open_note(first.note_id)
    assert studio.window.drafts.current is first
    assert page.body_edit.toPlainText() == "最后一句"
    type_text(page.title_edit, "!")
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note = studio.client().get_note(uuid.UUID(first.note_id))
    assert (note.title, note.body) == ("A!", "最后一句")


def test_edits_while_the_backend_is_down_are_saved_when_it_is_back(open_studio, qtbot):
    studio = open_studio()
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)
    type_text(page.title_edit, "离线")
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    connection = studio.ctx.connection
    first_pid = connection.pid
    os.kill(first_pid, 9)
    qtbot.waitUntil(lambda: connection.state is not BackendState.CONNECTED, timeout=WAIT_MS)

    type_text(page.body_edit, "这段是离线时写的")
    qtbot.waitUntil(lambda: page.save_banner.isVisible(), timeout=WAIT_MS)
    assert "Offline" in page.save_banner.text
    qtbot.waitUntil(lambda: _saved(studio) and connection.pid != first_pid, timeout=60_000)
    note = studio.client().get_note(uuid.UUID(studio.window.drafts.current.note_id))
    assert note.body == "这段是离线时写的"
    assert not page.save_banner.isVisible()


def test_publish_refused_lists_every_broken_rule(open_studio, qtbot):
    studio = open_studio()
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)
    type_text(page.body_edit, "只有正文")
    page.publish_button.click()
    qtbot.waitUntil(lambda: page.notice_banner.isVisible(), timeout=WAIT_MS)
    text = page.notice_banner.text
    assert "The title is empty." in text
    assert "Add at least 1 image" in text
    assert page.publish_button.isEnabled()


def test_dropped_files_arrive_and_delete_key_removes_one(open_studio, images, qtbot):
    studio = open_studio()
    page = studio.window.create_page
    _accounts_loaded(qtbot, studio)
    assert not page.edit_button.isEnabled() and not page.remove_button.isEnabled()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in images])
    assert page.media.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, QModelIndex())
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 4, timeout=WAIT_MS)
    assert page.edit_button.isEnabled() and page.remove_button.isEnabled()
    first, *rest = page.media.ready_shas()

    page.strip.setCurrentIndex(page.media.index(0))
    page.strip.setFocus()
    qtbot.keyClick(page.strip, Qt.Key.Key_Delete)
    assert page.media.ready_shas() == tuple(rest)
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note = studio.client().get_note(uuid.UUID(studio.window.drafts.current.note_id))
    assert [m.sha256 for m in note.media] == rest
    assert first not in rest
