"""Import planned notes from a CSV: a preview of every row with its problems before anything is
created, then the import in a worker (photos uploaded and exported, notes created, those with
a time scheduled), then what it did — created, already there from an earlier import, scheduled,
and each rejected row with why (`publisher.client.planned_csv` reads and imports)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from publisher.client.planned_csv import (
    ParsedPlan,
    PlannedRow,
    PlanReport,
    import_planned,
    parse_planned_csv,
)
from publisher.domain.rules import RulesPack
from publisher.schemas import AccountPublic
from studio.bulk.bulk_dialog import BulkDialog
from studio.bulk.labels import account_time, by_row, reasons
from studio.bulk.rows_table import TableRow
from studio.editor.photo_exports import PhotoExporter, photo_problem
from studio.models.accounts import AccountsListModel
from studio.tasks import Lane

if TYPE_CHECKING:
    from studio.context import AppContext


def parse_file(
    path: Path, accounts: list[AccountPublic], rules: RulesPack, now: datetime
) -> ParsedPlan:
    """Read and check a planned-notes CSV (photos are probed: run it in a worker)."""
    return parse_planned_csv(
        path.read_bytes(),
        folder=path.parent,
        accounts=accounts,
        rules=rules,
        now=now,
        check_image=photo_problem,
    )


class ImportPlanDialog(BulkDialog):
    def __init__(
        self,
        ctx: AppContext,
        accounts: AccountsListModel,
        parsed: ParsedPlan,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._accounts = accounts
        self.parsed = parsed
        self.report: PlanReport | None = None
        self.setWindowTitle(self.tr("Import planned notes"))
        self.heading.setText(self.tr("Import “{file}”").format(file=path.name))
        self.resize(980, 620)
        valid = parsed.valid
        timed = sum(1 for row in valid if row.at is not None)
        self.summary.setText(
            self.tr(
                "Ready to import: {valid} (to schedule at their time: {timed}). With problems, "
                "skipped: {invalid}. Importing the same file again creates nothing twice."
            ).format(valid=len(valid), timed=timed, invalid=len(parsed.invalid))
        )
        self.action_button.setText(self.tr("Import ({count})").format(count=len(valid)))
        self.action_button.setEnabled(bool(valid))
        self.action_button.clicked.connect(self.start_import)
        self.table.show_rows(
            [
                self.tr("Row"),
                self.tr("Account"),
                self.tr("Time"),
                self.tr("Title"),
                self.tr("Photos"),
                self.tr("Problems"),
            ],
            [self._preview_row(row) for row in parsed.rows],
            widths=(56, 120, 170, 200, 60),
        )

    def _preview_row(self, row: PlannedRow) -> TableRow:
        """What the sheet says, cleaned where it parsed, as typed where it did not."""
        account = row.account.nickname if row.account else row.cells.get("account", "")
        when = (
            account_time(row.at, row.account.timezone)
            if row.at is not None and row.account is not None
            else row.cells.get("time", "")
        )
        return TableRow(
            [str(row.row), account, when, row.title, str(len(row.images)), reasons(row.errors)],
            failed=not row.ok,
        )

    def start_import(self) -> None:
        connection, parsed, exporter = self._ctx.connection, self.parsed, PhotoExporter(self._ctx)
        self.run_job(
            Lane.MEDIA,
            lambda progress: import_planned(
                connection.client(), parsed, export=exporter.export, progress=progress
            ),
            self._show_report,
        )

    def _show_report(self, report: PlanReport) -> None:
        self.report = report
        self.show_done_summary(
            self.tr(
                "Created: {created}. Already imported before: {existing}. Scheduled: "
                "{scheduled}. Rejected: {rejected}."
            ).format(
                created=len(report.created),
                existing=len(report.existing),
                scheduled=len(report.scheduled),
                rejected=report.rejected_rows,
            )
        )
        titles = {row.row: row.title for row in self.parsed.rows}
        rows = [
            TableRow([str(row), titles.get(row, ""), reasons(errors)], failed=True)
            for row, errors in by_row(report.rejected)
        ]
        rows += [
            TableRow(
                [
                    str(row),
                    titles.get(row, ""),
                    self.tr("Created as a draft, not scheduled:") + "\n" + reasons(errors),
                ],
                failed=True,
            )
            for row, errors in by_row(report.unscheduled)
        ]
        self.table.show_rows(
            [self.tr("Row"), self.tr("Title"), self.tr("Why")], rows, widths=(56, 240)
        )
        self.table.setVisible(bool(rows))
