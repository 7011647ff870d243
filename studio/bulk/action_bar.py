"""The Notes page's bar for working on many notes at once: how many are selected, and the bulk
actions — schedule across accounts, apply a preset, move to another account — plus importing
planned notes from a CSV, which needs no selection. Each opens its dialog (`studio.bulk`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from publisher.client.planned_csv import ParsedPlan
from publisher.schemas import NotePublic
from studio.bulk.import_dialog import ImportPlanDialog, parse_file
from studio.bulk.move_dialog import MoveDialog
from studio.bulk.preset_dialog import PresetDialog
from studio.bulk.schedule_dialog import BulkScheduleDialog
from studio.messages import file_reason
from studio.models.accounts import AccountsListModel
from studio.ops import run_in_background
from studio.tasks import Lane

if TYPE_CHECKING:
    from studio.context import AppContext


class BulkActionBar(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        accounts: AccountsListModel,
        selection: Callable[[], list[NotePublic]],
        parent: QWidget | None = None,
    ) -> None:
        """`selection` gives the selected notes, in the order shown."""
        super().__init__(parent)
        self._ctx = ctx
        self._accounts = accounts
        self._selection = selection
        self.dialog: QDialog | None = None
        """The bulk dialog open now (or last)."""
        self.count_label = QLabel(self)
        self.count_label.setObjectName("Hint")
        self.schedule_button = QPushButton(self.tr("Schedule across accounts…"), self)
        self.preset_button = QPushButton(self.tr("Apply preset…"), self)
        self.move_button = QPushButton(self.tr("Move to account…"), self)
        self.import_button = QPushButton(self.tr("Import CSV…"), self)
        self.import_button.setToolTip(
            self.tr(
                "Plan notes in a spreadsheet: account, time, title, body, topics, photo files "
                "(账号, 发布时间, 标题, 正文, 话题, 图片)."
            )
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self.count_label, 1)
        for button in (self.schedule_button, self.preset_button, self.move_button):
            row.addWidget(button)
        row.addSpacing(16)
        row.addWidget(self.import_button)
        self.schedule_button.clicked.connect(self.open_schedule)
        self.preset_button.clicked.connect(self.open_preset)
        self.move_button.clicked.connect(self.open_move)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.set_count(0)

    def set_count(self, count: int) -> None:
        """The selection changed: `count` notes are selected."""
        self.count_label.setText(
            self.tr("Selected: {count}").format(count=count)
            if count
            else self.tr("Select notes (Ctrl or Shift and click) to work on several at once.")
        )
        for button in (self.schedule_button, self.preset_button, self.move_button):
            button.setEnabled(count > 0)

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_schedule(self) -> QDialog:
        notes = self._selection()
        return self._show(BulkScheduleDialog(self._ctx, self._accounts, notes, self.window()))

    def open_preset(self) -> QDialog:
        notes = self._selection()
        return self._show(PresetDialog(self._ctx, self._accounts, notes, self.window()))

    def open_move(self) -> QDialog:
        notes = self._selection()
        return self._show(MoveDialog(self._ctx, self._accounts, notes, self.window()))

    def _on_import_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import planned notes"), "", self.tr("CSV files") + " (*.csv *.txt)"
        )
        if path:
            self.import_csv(Path(path))

    def import_csv(self, path: Path) -> None:
        """Read and check `path` in a worker, then preview it in the import dialog."""
        accounts, rules, now = self._accounts.accounts(), self._ctx.rules, datetime.now(UTC)
        run_in_background(
            self._ctx.runner,
            Lane.DISK,
            owner=self,
            job=lambda _progress: parse_file(path, accounts, rules, now),
            on_success=lambda parsed: self._open_import(parsed, path),
            on_failure=lambda error: self._ctx.notifier.error(
                self.tr("“{file}” cannot be imported: {reason}").format(
                    file=path.name, reason=file_reason(error)
                )
            ),
        )

    def _open_import(self, parsed: ParsedPlan, path: Path) -> None:
        self._show(ImportPlanDialog(self._ctx, self._accounts, parsed, path, self.window()))
