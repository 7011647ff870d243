"""A laptop that loses its team server keeps every edit and syncs it later: the note being
edited, a note opened while offline, a new draft, across a restart of the app while the server
is still down (a real `main.py serve` stopped and started again on the same address)."""

from __future__ import annotations

import uuid

from studio.connection import BackendState
from studio.drafts.session import SaveState
from tests.conftest import register_user
from tests.studio.helpers import type_text
from tests.studio.test_team_server import FixedPortBackend, _email, _free_port, _sign_in

WAIT_MS = 30_000


def _titles(client) -> list[str]:
    return sorted(note.title for note in client.list_notes().items)


def test_edits_made_offline_survive_a_restart_and_sync_once(open_studio, qtbot, tmp_path):
    port, folder = _free_port(), tmp_path / "team"
    server = FixedPortBackend(folder, port)
    server.start()
    try:
        creator = register_user(server, "creator")
        account = creator.list_accounts()[0]
        second = creator.create_account(nickname="第二个号")
        planned, _ = creator.create_note(account_id=account.id, title="周一计划", body="初稿")
        data = tmp_path / "laptop"
        studio = open_studio(data, connect=False)
        _sign_in(qtbot, studio, server.url, _email(creator))
        window = studio.window
        window.show_page("notes")
        qtbot.waitUntil(lambda: window.notes_page.model.rowCount() == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.accounts.rowCount() == 2, timeout=WAIT_MS)

        server.stop()
        connection = studio.ctx.connection
        qtbot.waitUntil(lambda: connection.state is BackendState.OFFLINE, timeout=WAIT_MS)

        # A note opened while offline comes from the copy the app kept, and its edit waits.
        drafts, page = window.drafts, window.create_page
        drafts.open_note(planned.id)
        qtbot.waitUntil(lambda: drafts.current.note_id == str(planned.id), timeout=WAIT_MS)
        window.show_page("create")
        type_text(page.title_edit, "（改）")
        opened = drafts.current
        qtbot.waitUntil(lambda: opened.state is SaveState.OFFLINE, timeout=WAIT_MS)

        # A new draft written offline (for the second account) waits to be created.
        drafts.new_draft(str(second.id))
        type_text(page.title_edit, "离线写的新笔记")
        fresh = drafts.current
        qtbot.waitUntil(lambda: fresh.state is SaveState.OFFLINE, timeout=WAIT_MS)
        studio.close()

        # The app starts again while the server is still down: accounts and notes as last
        # seen, and both drafts still waiting.
        again = open_studio(data, connect=False)
        again.ctx.connection.start()
        qtbot.waitUntil(lambda: again.ctx.connection.state is BackendState.OFFLINE, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: again.window.accounts.rowCount() == 2, timeout=WAIT_MS)
        again.window.show_page("notes")
        notes = again.window.notes_page.model
        qtbot.waitUntil(lambda: notes.rowCount() == 1, timeout=WAIT_MS)
        assert notes.note(0).title == "周一计划"
        again.window.show_page("calendar")  # the calendar reads the same copy
        calendar = again.window.calendar_page.model
        qtbot.waitUntil(lambda: calendar.loaded, timeout=WAIT_MS)
        assert len(calendar.accounts) == 2
        assert again.window.create_page.title_edit.text() == "离线写的新笔记"

        server = FixedPortBackend(folder, port)
        server.start()
        qtbot.waitUntil(
            lambda: again.ctx.connection.state is BackendState.CONNECTED, timeout=WAIT_MS
        )
        qtbot.waitUntil(
            lambda: _titles(creator) == ["周一计划（改）", "离线写的新笔记"], timeout=WAIT_MS
        )
        assert creator.get_note(planned.id).body == "初稿"
        qtbot.waitUntil(
            lambda: all(s.state is SaveState.SAVED for s in again.window.drafts.sessions()),
            timeout=WAIT_MS,
        )
        notes_now = creator.list_notes().items
        assert len(notes_now) == 2  # the new note was created exactly once
        # ...for the account it was written for, though the account list came back meanwhile.
        (written,) = [note for note in notes_now if note.title == "离线写的新笔记"]
        assert written.account_id == second.id
        assert uuid.UUID(again.window.drafts.current.note_id) != planned.id
    finally:
        server.stop()
