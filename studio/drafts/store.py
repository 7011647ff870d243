"""Which draft the Create page edits, and the drafts still finishing their saves.

At start-up the journal decides: the most recently opened draft comes back into the editor
(with its unsaved text, if any), and every other draft with unsaved text is saved in the
background. Switching drafts never drops the old one's pending edits: it keeps saving until it
settles, and only then is its journal entry removed.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from publisher.schemas import NotePublic
from studio.connection import BackendState
from studio.drafts.journal import DraftJournal
from studio.drafts.session import DraftSession
from studio.ops import Query, run_in_background
from studio.tasks import Lane

if TYPE_CHECKING:
    from studio.context import AppContext


class DraftStore(QObject):
    current_changed = Signal(object)
    """The DraftSession now in the editor."""
    open_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._journal = DraftJournal(ctx.data_dir, ctx.connection.backend_key)
        self._retiring: set[DraftSession] = set()
        self._refresh_pending = False
        self.current = self._restore()
        ctx.connection.state_changed.connect(self._on_connection_state_changed)
        ctx.connection.backend_changed.connect(self._on_backend_changed)

    def _restore(self) -> DraftSession:
        entries = self._journal.read_all()
        current: DraftSession | None = None
        for entry in entries:
            saved = None if entry.dirty else entry.fields
            if current is None:
                current = DraftSession(self._ctx, entry, saved=saved, parent=self)
                self._refresh_pending = not entry.dirty and entry.note_id is not None
            elif entry.dirty or entry.uploads:
                self._retire(DraftSession(self._ctx, entry, saved=saved, parent=self))
            else:
                self._journal.remove(entry.key)
        return current or DraftSession.blank(self._ctx, None, self)

    def new_draft(self, account_id: str | None) -> None:
        self._replace(DraftSession.blank(self._ctx, account_id, self))

    def open_note(self, note_id: uuid.UUID) -> None:
        """Load a note from the backend into the editor (the current draft is kept saving)."""
        if self.current.note_id == str(note_id):
            return
        for session in self._retiring:
            if session.note_id == str(note_id):
                # Still saving in the background: its copy is newer than the backend's.
                self._retiring.discard(session)
                session.settled.disconnect()
                session.unretire()
                self._replace(session)
                return
        Query(self._ctx, parent=self, op=lambda client: client.get_note(note_id)).success(
            self._on_note_loaded
        ).failure(self.open_failed.emit).run()

    def _on_note_loaded(self, note: NotePublic) -> None:
        self._replace(DraftSession.of_note(self._ctx, note, self))

    def _replace(self, session: DraftSession) -> None:
        old, self.current = self.current, session
        self._retire(old)
        self.current_changed.emit(session)

    def _retire(self, session: DraftSession) -> None:
        self._retiring.add(session)
        session.settled.connect(lambda: self._on_settled(session))
        session.retire()

    def _on_settled(self, session: DraftSession) -> None:
        if session in self._retiring:
            self._retiring.discard(session)
            journal, key = self._journal, session.key
            # Through the disk lane, after any journal write of this draft still queued there.
            run_in_background(
                self._ctx.runner,
                Lane.DISK,
                owner=self,
                job=lambda _progress: journal.remove(key),
                on_success=lambda _none: None,
                on_failure=lambda _error: None,
            )
            session.deleteLater()

    def sessions(self) -> list[DraftSession]:
        """The draft in the editor, then those still saving in the background."""
        return [self.current, *self._retiring]

    def flush_all(self) -> None:
        """The app is closing: journal every draft and queue its last save."""
        self.current.flush()
        for session in list(self._retiring):
            session.flush()

    def _on_backend_changed(self) -> None:
        """The app now works on another backend. Every open draft stays in the old backend's
        journal (where unsaved text waits for the app to come back) and is dropped here; the
        drafts of the new backend come back as at start-up. A draft written for one backend
        is never sent to another: its ids mean nothing there, and a team server must not get
        what was written on this computer by accident."""
        for session in self.sessions():
            session.close()
            session.deleteLater()
        self._retiring.clear()
        self._refresh_pending = False
        self._journal = DraftJournal(self._ctx.data_dir, self._ctx.connection.backend_key)
        self.current = self._restore()
        self.current_changed.emit(self.current)

    def _on_connection_state_changed(self, state: BackendState) -> None:
        # A clean draft restored from the journal may be stale: another device or a team
        # member may have edited it since. Fetch it once, and show it if nothing local waits.
        if state is BackendState.CONNECTED and self._refresh_pending and self.current.note_id:
            self._refresh_pending = False
            session = self.current
            note_id = uuid.UUID(session.note_id)
            # If the refresh fails the journaled copy stays on screen, which is still correct
            # as far as this device knows; there is nothing to tell the user.
            Query(self._ctx, parent=session, op=lambda client: client.get_note(note_id)).success(
                session.adopt_server_copy
            ).failure(lambda _error: None).run()
