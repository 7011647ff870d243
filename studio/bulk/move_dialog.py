"""Move the selected notes to another account: pick the account, see which notes can go, then
what became of each.

Drafts and scheduled notes move; a scheduled note keeps its time and goes out from the new
account (the backend's rule, said in the dialog). Published notes and brand collaborations'
notes stay where they are. Each move is its own call in the write lane, so one refusal (a
note changed elsewhere meanwhile, an account that may not link the note's products) stops
only that note.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from publisher.client import AuthError, ClientError, OfflineError
from publisher.schemas import NotePublic
from studio.bulk.bulk_dialog import BulkDialog
from studio.bulk.labels import note_title, refusal
from studio.bulk.rows_table import TableRow
from studio.models.accounts import AccountsListModel
from studio.models.notes import status_label
from studio.tasks import Lane

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

MOVABLE = frozenset({"draft", "scheduled"})


def why_not_movable(note: NotePublic) -> str:
    """Why the backend would refuse to move the note ("" when it would not)."""
    if note.status not in MOVABLE:
        return refusal("note.not_movable", {"status": note.status})
    if note.collaboration or note.collaboration_id is not None:
        return refusal("note.collaboration_fixed", {})
    return ""


@dataclass(frozen=True)
class MoveResult:
    note: NotePublic
    error: ClientError | None = None


def move_all(
    client: StudioClient,
    notes: list[NotePublic],
    account_id: uuid.UUID,
    progress: Callable[[float], None],
) -> list[MoveResult]:
    """Move each note; a refusal is kept with its note and the others go on."""
    results = []
    for done, note in enumerate(notes, start=1):
        try:
            moved, _changes = client.move_note(note.id, account_id=account_id, version=note.version)
            results.append(MoveResult(moved))
        except (OfflineError, AuthError):
            raise
        except ClientError as error:
            results.append(MoveResult(note, error))
        progress(done / len(notes))
    return results


class MoveDialog(BulkDialog):
    def __init__(
        self,
        ctx: AppContext,
        accounts: AccountsListModel,
        notes: list[NotePublic],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Move to another account"))
        self.heading.setText(self.tr("Move to"))
        self._accounts = accounts
        self.notes = notes
        self.movable = [note for note in notes if not why_not_movable(note)]
        self.results: list[MoveResult] | None = None
        self.resize(720, 520)
        self.account_combo = self.form_widget(QComboBox(self))
        self.account_combo.setModel(accounts)
        self.account_combo.setMinimumWidth(240)
        self.top.addWidget(self.account_combo)
        self.top.addStretch(1)
        self.summary.setText(
            self.tr(
                "Selected: {count}. Drafts and scheduled notes move. A scheduled note keeps its "
                "time and goes out from the new account; use Schedule across accounts to space "
                "that account's week again."
            ).format(count=len(notes))
        )
        self.action_button.setText(self.tr("Move ({count})").format(count=len(self.movable)))
        self.action_button.setEnabled(bool(self.movable))
        self.action_button.clicked.connect(self.start_moving)
        self.table.show_rows(
            [self.tr("Note"), self.tr("From"), self.tr("Status")],
            [self._row(note, why_not_movable(note) or status_label(note.status)) for note in notes],
            widths=(280, 170),
        )

    def _row(self, note: NotePublic, text: str, *, failed: bool | None = None) -> TableRow:
        failed = bool(why_not_movable(note)) if failed is None else failed
        account = self._accounts.nickname(str(note.account_id))
        return TableRow([note_title(note), account, text], failed=failed)

    def select_account(self, account_id: str) -> None:
        self.account_combo.setCurrentIndex(self._accounts.row_of(account_id))

    def target(self) -> uuid.UUID | None:
        value = self.account_combo.currentData(AccountsListModel.IdRole)
        return uuid.UUID(value) if value else None

    def start_moving(self) -> None:
        target = self.target()
        if target is None:
            return
        connection, notes = self._ctx.connection, list(self.movable)
        self.run_job(
            Lane.WRITE,
            lambda progress: move_all(connection.client(), notes, target, progress),
            self._show_results,
        )

    def _show_results(self, results: list[MoveResult]) -> None:
        self.results = results
        target = self.account_combo.currentText()
        rows = []
        for result in results:
            error = result.error
            if error is None:
                rows.append(
                    self._row(
                        result.note,
                        self.tr("Moved to {account}").format(account=target),
                        failed=False,
                    )
                )
            else:
                reason = refusal(error.code, error.params, getattr(error, "violations", None))
                rows.append(self._row(result.note, reason, failed=True))
        rows += [
            self._row(note, why_not_movable(note)) for note in self.notes if why_not_movable(note)
        ]
        self.table.show_rows(
            [self.tr("Note"), self.tr("Account"), self.tr("Result")], rows, widths=(280, 170)
        )
        moved = sum(1 for result in results if result.error is None)
        self.show_done_summary(
            self.tr("Moved: {moved}. Not moved: {left}.").format(
                moved=moved, left=len(self.notes) - moved
            )
        )
