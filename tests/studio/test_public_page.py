"""A note's public page from the studio, against the real embedded backend: the address and a
QR code painted module for module as segno encodes it (and readable by a QR decoder), the link
copied and opened, the hint for a backend a phone cannot reach, the held readers' comments
approved and removed on the server, private notes and drafts turned away — and the ways in:
the Notes page's button, the calendar chip's menu and the Analytics notes table's menu."""

from __future__ import annotations

import uuid

import cv2
import numpy as np
import segno
from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog

from publisher.config import DEFAULT_DB_FILE
from publisher.db.engine import make_engine, make_sessionmaker
from studio.messages import message
from studio.reader_link.qr_code import QUIET_ZONE
from tests.publisher.reader_helpers import add_reader_comment
from tests.publisher.scheduling_helpers import publishable_note

WAIT_MS = 15_000


def _published(client, folder, title: str = "梧桐大道 citywalk", **composer):
    note = publishable_note(client, folder, title=title)
    if composer:
        note, _ = client.update_note(note.id, version=note.version, **composer)
    return client.publish_note(note.id, version=note.version)[0]


def _open(studio, qtbot, note_id):
    dialog = studio.window.open_public_page(str(note_id))
    qtbot.waitUntil(
        lambda: dialog.state is not None and dialog.comments is not None, timeout=WAIT_MS
    )
    return dialog


def _gray(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine()
    )
    return pixels[:, : image.width()].copy()


class _Browser(QObject):
    """Stands in for the system's browser: Qt hands it the URLs the studio opens."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot("QUrl")
    def open(self, url) -> None:  # noqa: ANN001
        self.opened.append(url.toString())


def test_link_and_a_qr_code_painted_as_segno_encodes_it(open_studio, qtbot, tmp_path, monkeypatch):
    studio = open_studio()
    note = _published(studio.client(), tmp_path)
    dialog = _open(studio, qtbot, note.id)

    url = f"{studio.ctx.connection.url}/note/{note.id}"
    assert dialog.url_edit.text() == url and dialog.qr.text == url
    assert all(b.isEnabled() for b in (dialog.copy_button, dialog.open_button, dialog.save_button))

    # Every module's centre in the painted widget is dark exactly where segno's matrix is, on
    # whole pixels, with at least the quiet zone of white around the symbol.
    expected = segno.make_qr(url, error="m", boost_error=True).matrix
    pixels = _gray(dialog.qr.grab().toImage())
    place = dialog.qr.placement()
    assert place.module >= 3 and len(expected) == len(dialog.qr.matrix)
    for row, modules in enumerate(expected):
        for column, dark in enumerate(modules):
            x, y = place.centre(row, column)
            assert (pixels[y, x] < 128) == bool(dark), (row, column)
    side = place.module * len(expected)
    quiet = QUIET_ZONE * place.module
    assert place.left >= quiet and place.top >= quiet
    assert pixels[: place.top, :].min() > 200 and pixels[place.top + side :, :].min() > 200
    assert pixels[:, : place.left].min() > 200 and pixels[:, place.left + side :].min() > 200
    # Module edges are sharp: only black and white, no grey in between.
    assert set(np.unique(pixels[place.top : place.top + side, place.left : place.left + side])) <= {
        0,
        255,
    }

    # Saved as PNG, a QR decoder reads the address back.
    target = tmp_path / "qr.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    assert dialog.save_qr() == target
    decoded, _points, _code = cv2.QRCodeDetector().detectAndDecode(cv2.imread(str(target)))
    assert decoded == url

    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == url
    browser = _Browser()
    QDesktopServices.setUrlHandler("http", browser, "open")
    try:
        dialog.open_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("http")
    assert browser.opened == [url]


def test_a_backend_on_this_computer_gets_a_hint_for_phones(open_studio, qtbot, tmp_path):
    studio = open_studio()
    note = _published(studio.client(), tmp_path)
    dialog = _open(studio, qtbot, note.id)
    assert studio.ctx.connection.url.startswith("http://127.0.0.1:")
    assert dialog.local_hint.isVisible() and not dialog.scan_label.isVisible()
    assert dialog.local_text.text().startswith("127.0.0.1 is this computer's own address")
    assert f":8765/note/{note.id}" in dialog.local_text.text()
    command = dialog.command_label.text()
    assert command.startswith("python main.py serve --host 0.0.0.0 --port 8765 --data-dir ")
    assert str(studio.ctx.data_dir) in command
    assert "docs/team-server.md" in dialog.local_more.text()
    dialog.copy_command_button.click()
    assert QGuiApplication.clipboard().text() == command


def _comment(studio, note_id, body: str, held: str | None, minutes_ago: int) -> uuid.UUID:
    """A reader's comment written into the embedded backend's database, as its page would."""
    engine = make_engine(f"sqlite:///{studio.ctx.data_dir / DEFAULT_DB_FILE}")
    try:
        sessions = make_sessionmaker(engine)
        return add_reader_comment(sessions, note_id, body, held=held, minutes_ago=minutes_ago)
    finally:
        engine.dispose()


def test_held_comments_are_approved_and_removed(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    note = _published(client, tmp_path)
    _comment(studio, note.id, "好看", None, 60)
    link = _comment(studio, note.id, "领券 www.quan.com", "link", 30)
    words = _comment(studio, note.id, "最便宜的是哪款", "words", 10)
    dialog = _open(studio, qtbot, note.id)

    assert [row.comment.id for row in dialog.rows] == [words, link]
    assert [row.reason.text() for row in dialog.rows] == [
        "Contains a forbidden word",
        "Contains a link",
    ]
    assert dialog.rows[1].body.text() == "领券 www.quan.com"
    assert dialog.visible_label.text() == "1 shown on the page"
    assert dialog.held_label.text() == "2 held for you: approve one to show it on the page."

    dialog.rows[1].approve_button.click()
    qtbot.waitUntil(lambda: [row.comment.id for row in dialog.rows] == [words], timeout=WAIT_MS)
    assert dialog.visible_label.text() == "2 shown on the page"
    assert client.reader_comments(note.id).counts == {"visible": 2, "held": 1, "removed": 0}
    assert client.stats_summary(account_id=note.account_id).totals["comments"] == 1

    dialog.rows[0].remove_button.click()
    qtbot.waitUntil(lambda: dialog.rows == [], timeout=WAIT_MS)
    assert client.reader_comments(note.id).counts == {"visible": 2, "held": 0, "removed": 1}
    assert dialog.held_label.text().startswith("No comments wait for you")
    assert not dialog.held_host.isVisible()


def test_a_comment_removed_elsewhere_is_said_so_and_the_list_follows(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    note = _published(client, tmp_path)
    held = _comment(studio, note.id, "www.spam.cn", "link", 5)
    dialog = _open(studio, qtbot, note.id)
    client.remove_reader_comment(held)

    dialog.rows[0].approve_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and dialog.rows == [], timeout=WAIT_MS)
    assert dialog.error_label.text() == message("reader_comment.removed")


def test_drafts_and_private_notes_have_no_public_page(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    draft = publishable_note(client, tmp_path, title="草稿")
    private = _published(client, tmp_path, title="仅自己可见", visibility="private")
    public = _published(client, tmp_path, title="公开")
    window = studio.window
    window.show_page("notes")
    notes = window.notes_page
    qtbot.waitUntil(lambda: notes.model.rowCount() == 3, timeout=WAIT_MS)

    for note, reason in (
        (draft, "A draft has no public page yet"),
        (private, "Only public notes have a public page; this one is visible to you only."),
    ):
        assert notes.select_note(str(note.id))
        assert not notes.public_button.isEnabled()
        assert notes.public_button.toolTip().startswith(reason)
        dialog = _open(studio, qtbot, note.id)
        assert dialog.qr.matrix == () and dialog.url_edit.text() == ""
        assert not dialog.copy_button.isEnabled() and not dialog.save_button.isEnabled()
        assert dialog.unavailable_label.text().startswith(reason)
        assert dialog.copy_button.toolTip().startswith(reason)

    # The button opens the dialog of the note selected.
    assert notes.select_note(str(public.id))
    assert notes.public_button.isEnabled()
    notes.public_button.click()
    dialog = window.public_page_dialog
    assert dialog is not None and dialog.isVisible() and dialog.note_id == public.id


def test_the_calendar_and_the_analytics_table_lead_to_it(open_studio, qtbot, tmp_path):
    studio = open_studio()
    note = _published(studio.client(), tmp_path)
    window = studio.window

    window.show_page("calendar")
    calendar = window.calendar_page
    calendar.model.reload()
    qtbot.waitUntil(lambda: len(calendar.model.entries) == 1, timeout=WAIT_MS)
    day = calendar.model.entries[0].day
    calendar.show_date(day)
    menu = calendar.chips_on(day)[0].context_menu()
    next(a for a in menu.actions() if a.text() == "Public page…").trigger()
    assert window.public_page_dialog is not None
    assert window.public_page_dialog.note_id == note.id
    first = window.public_page_dialog

    window.show_page("analytics")
    notes_tab = window.analytics_page.notes_tab
    window.analytics_page.show_tab("notes")
    qtbot.waitUntil(lambda: notes_tab.model.rowCount() == 1, timeout=WAIT_MS)
    menu = notes_tab.context_menu(notes_tab.model.index(0, 0))
    assert [action.text() for action in menu.actions()] == ["Open note", "Public page…"]
    menu.actions()[1].trigger()
    dialog = window.public_page_dialog
    assert dialog is not first and dialog.note_id == note.id


def test_settings_open_the_reader_pages(open_studio, qtbot):
    studio = open_studio()
    card = studio.window.settings_page.backend_card
    assert card.reader_button.isEnabled()
    browser = _Browser()
    QDesktopServices.setUrlHandler("http", browser, "open")
    try:
        card.reader_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("http")
    assert browser.opened == [f"{studio.ctx.connection.url}/"]
