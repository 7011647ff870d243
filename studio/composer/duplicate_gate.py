"""The near-duplicate check between the composer's Schedule (or Publish) and the real thing.

Reposting the same photos or text on several accounts costs them reach, so before a draft is
scheduled or published the gate saves it (and exports its edited photos, as scheduling would),
asks the backend which notes of the user's accounts it nearly duplicates, and:

- finds none: goes ahead without a word;
- finds some: shows them and lets the user choose "… anyway" or Cancel;
- cannot check (the backend failed, or a team server without the check): goes ahead, and a
  toast says the check could not run — the check protects reach, it never blocks work.

A note already scheduled was checked when it was scheduled: moving it goes ahead unchecked.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QMetaObject, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from studio.matrix.near_duplicates_dialog import NearDuplicatesDialog
from studio.messages import reason_of
from studio.ops import Query

if TYPE_CHECKING:
    from publisher.near_duplicate_schemas import NoteNearDuplicatesPublic
    from studio.context import AppContext
    from studio.drafts.session import DraftSession

ACTIONS = ("schedule", "publish")


class DuplicateGate(QObject):
    """Runs one check at a time for the composer; `busy` while it saves, checks or asks."""

    busy_changed = Signal(bool)
    note_open_requested = Signal(str)
    """The user double-clicked a match to look at it (scheduling was cancelled)."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._window = parent
        self._session: DraftSession | None = None
        self._action = ""
        self._status = ""
        self._waits: list[QMetaObject.Connection] = []
        self.dialog: NearDuplicatesDialog | None = None

    @property
    def busy(self) -> bool:
        return self._session is not None

    def run(self, session: DraftSession, action: str) -> None:
        """Check `session`'s note, then call its `action` ("schedule" or "publish") unless the
        user cancels. Ignored while a check is running."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        if self.busy:
            return
        # Nothing on the backend to compare, and preparing would save nothing either.
        unsaved = session.note_id is None and (session.account_id is None or not session.is_dirty())
        if session.status == "scheduled" or unsaved:
            getattr(session, action)()
            return
        self._session, self._action, self._status = session, action, session.status
        self.busy_changed.emit(True)
        self._waits = [
            session.prepared.connect(self._on_prepared),
            session.prepare_failed.connect(self._on_prepare_failed),
        ]
        session.prepare()

    def _on_prepared(self) -> None:
        self._stop_waiting()
        session = self._session
        if session is None or session.note_id is None:
            self._finish(go=True)
            return
        note_id = uuid.UUID(session.note_id)
        Query(self._ctx, parent=self, op=lambda client: client.near_duplicates([note_id])).success(
            self._on_checked
        ).failure(self._on_check_failed).run()

    def _on_prepare_failed(self, error: BaseException) -> None:
        # Not saved: the page already says why, and the action itself will fail the same way
        # and say so again in its own words. A cancelled export was the user calling it off.
        self._stop_waiting()
        self._finish(go=getattr(error, "code", None) != "video.cancelled")

    def _on_checked(self, found: list[NoteNearDuplicatesPublic]) -> None:
        matches = found[0].matches if found else []
        if not matches:
            self._finish(go=True)
            return
        proceed = (
            self.tr("Schedule anyway") if self._action == "schedule" else self.tr("Publish anyway")
        )
        dialog = NearDuplicatesDialog(
            matches, proceed_label=proceed, thumbnails=self._ctx.thumbnails, parent=self._window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._finish(go=True))
        dialog.rejected.connect(lambda: self._finish(go=False))
        dialog.note_activated.connect(self.note_open_requested)
        self.dialog = dialog
        dialog.open()

    def _on_check_failed(self, error: BaseException) -> None:
        self._ctx.notifier.info(
            self.tr(
                "Similar notes on your accounts could not be checked ({reason}); going ahead."
            ).format(reason=reason_of(error))
        )
        self._finish(go=True)

    def _stop_waiting(self) -> None:
        for connection in self._waits:
            QObject.disconnect(connection)
        self._waits = []

    def _finish(self, *, go: bool) -> None:
        session, action, status = self._session, self._action, self._status
        self._session, self.dialog = None, None
        # A note published or scheduled meanwhile (another click, another window) is past
        # what was checked: the action no longer applies. The action starts before `busy`
        # ends, so the page never shows its button enabled in between.
        if go and session is not None and shiboken6.isValid(session) and session.status == status:
            getattr(session, action)()
        self.busy_changed.emit(False)
