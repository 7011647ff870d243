"""The Notes page against the real backend: list, filter, search, open, publish, delete."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt

from publisher.schemas import NoteMediaIn
from studio.models.notes import TITLE

WAIT_MS = 20_000


def _seed(studio, photo: Path) -> tuple[uuid.UUID, uuid.UUID]:
    client = studio.client()
    account = client.list_accounts()[0]
    sha = client.upload_media(photo).sha256
    spring, _ = client.create_note(
        account_id=account.id, title="春日穿搭", body="针织开衫", media=[NoteMediaIn(sha256=sha)]
    )
    coffee, _ = client.create_note(account_id=account.id, title="周末咖啡探店", body="拿铁")
    return spring.id, coffee.id


def _open_notes(qtbot, studio, rows: int):
    studio.window.show_page("notes")
    page = studio.window.notes_page
    qtbot.waitUntil(lambda: page.model.rowCount() == rows, timeout=WAIT_MS)
    return page


def test_search_and_status_filter_run_on_the_server(open_studio, images, qtbot):
    studio = open_studio()
    spring_id, _coffee_id = _seed(studio, images[0])
    page = _open_notes(qtbot, studio, 2)
    assert page.count_label.text() == "2 notes"

    qtbot.keyClicks(page.search, "coffee")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=WAIT_MS)
    assert page.empty_label.text() == "No notes match this filter."
    page.search.clear()
    page.search.insert("春日")
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 1 and page.model.note(0).id == spring_id,
        timeout=WAIT_MS,
    )
    page.search.clear()
    page.status_filter.setCurrentIndex(page.status_filter.findData("published"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=WAIT_MS)
    page.status_filter.setCurrentIndex(page.status_filter.findData("draft"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)


def test_publish_and_delete_from_the_list(open_studio, images, qtbot, monkeypatch):
    studio = open_studio()
    spring_id, coffee_id = _seed(studio, images[0])
    page = _open_notes(qtbot, studio, 2)

    assert page.select_note(str(spring_id))
    assert page.publish_button.isEnabled()
    page.publish_button.click()
    qtbot.waitUntil(
        lambda: (
            page.model.row_of(str(spring_id)) >= 0
            and page.model.note(page.model.row_of(str(spring_id))).status == "published"
        ),
        timeout=WAIT_MS,
    )

    monkeypatch.setattr(page, "confirm_delete", lambda _note: False)
    assert page.select_note(str(coffee_id))
    page.delete_button.click()
    assert page.model.row_of(str(coffee_id)) >= 0

    monkeypatch.setattr(page, "confirm_delete", lambda _note: True)
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert [n.id for n in studio.client().list_notes().items] == [spring_id]


def test_enter_on_a_row_opens_it_in_create(open_studio, images, qtbot):
    studio = open_studio()
    spring_id, _coffee_id = _seed(studio, images[0])
    page = _open_notes(qtbot, studio, 2)
    assert page.select_note(str(spring_id))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    create = studio.window.create_page
    qtbot.waitUntil(lambda: create.title_edit.text() == "春日穿搭", timeout=WAIT_MS)
    assert studio.window.current_page_key() == "create"
    assert create.body_edit.toPlainText() == "针织开衫"
    qtbot.waitUntil(lambda: len(create.media.ready_shas()) == 1, timeout=WAIT_MS)
    assert page.proxy.data(page.proxy.index(0, TITLE)) in ("春日穿搭", "周末咖啡探店")
