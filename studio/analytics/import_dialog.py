"""Import the platform's own figures: the note data a creator exports from the data center
(数据中心 → 笔记数据 → 导出, XLSX or a CSV saved from it).

Choose the account and the file (or drop it here) → the file is read in a worker
(`read_platform_export`) → the backend matches each row to a published note of the account
(by link, by title and date, by a title only one note has) and the preview shows how, with a
note to pick or "leave out" on every row, and the rows the file could not give (totals, blank,
unreadable cells) with their reasons → Import stores what each note grew since its last import
and the report says what was added. The same file imported twice adds nothing: the request's
idempotency key is the file's content with the choices made, and the backend only ever adds
growth.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.client.csv_sheet import RowError
from publisher.client.platform_export import ExportRow, PlatformExport, read_platform_export
from publisher.domain.changes import ChangeSet
from publisher.domain.roles import EDITOR_ROLES
from publisher.schemas import AccountPublic, OrganizationPublic
from publisher.stats_schemas import (
    IMPORTED_COUNTERS,
    MAX_IMPORT_LINK,
    MAX_IMPORT_TITLE,
    ImportMatch,
    ImportNoteChoice,
    ImportPreview,
    ImportRequest,
    ImportRowIn,
    StatImportPublic,
)
from studio.analytics.metric_labels import label
from studio.bulk.bulk_dialog import BulkDialog
from studio.bulk.labels import reasons
from studio.bulk.rows_table import TableRow
from studio.messages import file_reason, message, reason_of
from studio.ops import Progress, Query, run_in_background
from studio.tasks import Lane
from studio.timezones import DEFAULT_TIMEZONE, zone

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

T = TypeVar("T")
SUFFIXES = (".xlsx", ".csv")
SKIPPED_NAMED = 8
"""Skipped rows named one by one in the summary; more are counted."""
_PREVIEW_WIDTHS = (64, 190, 140, 100, 84, 100, 132)
_REPORT_WIDTHS = (64, 280)
NOTE_COLUMN = 7

_MATCHED_BY = {
    "link": QT_TRANSLATE_NOOP("ImportDialog", "By link"),
    "title_date": QT_TRANSLATE_NOOP("ImportDialog", "By title and date"),
    "title": QT_TRANSLATE_NOOP("ImportDialog", "By title"),
    "user": QT_TRANSLATE_NOOP("ImportDialog", "Chosen by you"),
    None: QT_TRANSLATE_NOOP("ImportDialog", "Not matched"),
}
_LEFT_OUT = QT_TRANSLATE_NOOP("ImportDialog", "Left out")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def matched_by_text(how: str | None) -> str:
    return _tr(_MATCHED_BY.get(how, _MATCHED_BY[None]))


def editable_accounts(
    accounts: list[AccountPublic], organizations: list[OrganizationPublic]
) -> list[AccountPublic]:
    """The accounts the user may add figures to: those of their organizations where they edit,
    and accounts managed through a grant (whose role the server decides)."""
    roles = {organization.id: organization.role for organization in organizations}
    return [
        account
        for account in accounts
        if roles.get(account.organization_id, "editor") in EDITOR_ROLES
    ]


def import_rows(export: PlatformExport) -> list[ImportRowIn]:
    """The export's note rows as the backend takes them (over-long text cut to its limits)."""
    return [
        ImportRowIn(
            row=row.row,
            title=row.title[:MAX_IMPORT_TITLE],
            published_at=row.published_at,
            link=row.link if row.link and len(row.link) <= MAX_IMPORT_LINK else None,
            platform_note_id=row.platform_note_id,
            metrics={name: float(value) for name, value in row.metrics.items()},
        )
        for row in export.rows
    ]


def idempotency_key(
    digest: str, account_id: uuid.UUID, as_of: date, assignments: Mapping[int, uuid.UUID | None]
) -> str:
    """The same file, account, day and choices always make the same key: a second Import
    (or a retry after a lost answer) is answered from the first one."""
    choices = sorted((row, str(note) if note else None) for row, note in assignments.items())
    text = json.dumps([digest, str(account_id), as_of.isoformat(), choices])
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class ParsedFile:
    path: Path
    export: PlatformExport
    digest: str
    """SHA-256 of the file's bytes."""


@dataclass(frozen=True)
class ImportOutcome:
    record: StatImportPublic
    growth: dict[str, int]
    """What the import added to the account's figures, counter by counter."""
    replayed: bool = False
    """The same import was made before: this answer is that one's, nothing changed now."""


def read_file(path: Path) -> ParsedFile:
    """Read the export (the reader refuses what is not a regular, small enough file before
    anything else reads it; its digest is of the very bytes it parsed)."""
    export = read_platform_export(path)
    return ParsedFile(path, export, export.digest)


def run_import(
    client: StudioClient, request: ImportRequest, key: str, progress: Progress
) -> ImportOutcome:
    """Import; the backend's report says what grew (only growth since the last import of a
    note is added) — nothing, when the same import was made before with the same key."""
    progress(0.3)
    record, again = client.import_stats(request, idempotency_key=key)
    added = {} if again else record.report.get("added", {})
    growth = {name: int(added.get(name, 0)) for name in IMPORTED_COUNTERS}
    return ImportOutcome(record, growth, again)


def _published_text(moment: datetime | None) -> str:
    """As the export gives it, on platform time: a date alone when it has no time of day."""
    if moment is None:
        return ""
    local = moment.astimezone(zone(DEFAULT_TIMEZONE))
    return local.strftime("%Y-%m-%d" if local.time() == time() else "%Y-%m-%d %H:%M")


def _interactions(metrics: Mapping[str, float]) -> float | None:
    parts = [
        metrics[name] for name in ("likes", "collects", "comments", "shares") if name in metrics
    ]
    if parts:
        return sum(parts)
    return metrics.get("interactions")


def exact(value: float | None) -> str:
    """A count in full (12,345, not 1.2万): a preview is checked against the sheet."""
    return "" if value is None else f"{round(value):,}"


class ImportDialog(BulkDialog):
    changes = ChangeSet()
    """Figures are on no list another page keeps: `imported` tells the Analytics page."""
    imported = Signal(object)
    """The `StatImportPublic` of a finished import."""

    def __init__(
        self, ctx: AppContext, account_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self._wanted_account = account_id
        self.accounts: list[AccountPublic] = []
        self.accounts_loaded = False
        self.parsed: ParsedFile | None = None
        self.preview: ImportPreview | None = None
        self.assignments: dict[int, uuid.UUID | None] = {}
        """The user's choices, by sheet row: a note other than the automatic one, or None."""
        self.outcome: ImportOutcome | None = None
        self.row_combos: dict[int, QComboBox] = {}
        self.busy = False
        self._ticket = 0
        self.setWindowTitle(self.tr("Import data-center figures"))
        self.heading.setText(self.tr("Import figures from the data center"))
        self.resize(1180, 700)
        self.setAcceptDrops(True)
        self._build_form()
        self._filler = QWidget(self)
        """Takes the table's room while there is no table, so the form stays at the top."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.table) + 1, self._filler, 1)
        self._show_table(False)
        self.action_button.setText(self.tr("Import"))
        self.action_button.setEnabled(False)
        self.action_button.clicked.connect(self.start_import)
        self.summary.setText(
            self.tr(
                "In the platform's data center open 笔记数据, export it, and choose the file "
                "here (.xlsx, or .csv saved from it). Nothing is stored before you press Import."
            )
        )
        self._load_accounts()

    def _build_form(self) -> None:
        self.account_combo = QComboBox(self)
        self.form_widget(self.account_combo)
        self.account_combo.setMinimumWidth(220)
        self.account_combo.currentIndexChanged.connect(lambda _index: self._on_account_changed())
        self.as_of_edit = QDateEdit(QDate(self.today()), self)
        self.form_widget(self.as_of_edit)
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of_edit.setToolTip(
            self.tr(
                "The day the figures are as of: what grew since an earlier import is counted "
                "on this day."
            )
        )
        row = QHBoxLayout()
        row.setSpacing(10)
        for text, widget in (
            (self.tr("Account"), self.account_combo),
            (self.tr("Figures as of"), self.as_of_edit),
        ):
            caption = QLabel(text, self)
            caption.setObjectName("FormLabel")
            row.addWidget(caption)
            row.addWidget(widget)
            row.addSpacing(12)
        row.addStretch(1)
        self.body.addLayout(row)
        self.drop_label = QLabel(self.tr("Drop the export here (.xlsx or .csv)"), self)
        self.drop_label.setObjectName("DropHint")
        self.drop_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file…"), self)
        self.form_widget(self.choose_button)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        drop = QHBoxLayout()
        drop.setSpacing(12)
        drop.addWidget(self.drop_label, 1)
        drop.addWidget(self.choose_button)
        self.body.addLayout(drop)

    # -- the account -----------------------------------------------------------------------

    def _load_accounts(self) -> None:
        def accounts(client: StudioClient) -> list[AccountPublic]:
            return editable_accounts(client.list_accounts(), client.list_organizations())

        Query(self._ctx, parent=self, op=accounts).success(self._show_accounts).failure(
            lambda error: self._fail(reason_of(error))
        ).run()

    def _show_accounts(self, accounts: list[AccountPublic]) -> None:
        self.accounts = accounts
        self.accounts_loaded = True
        self.account_combo.blockSignals(True)
        for account in accounts:
            self.account_combo.addItem(account.nickname, str(account.id))
        self.account_combo.setCurrentIndex(
            max(self.account_combo.findData(self._wanted_account), 0)
        )
        self.account_combo.blockSignals(False)
        if not accounts:
            self._fail(self.tr("You have no account you may import figures into."))
            self.choose_button.setEnabled(False)
        self._on_account_changed()

    def account(self) -> AccountPublic | None:
        chosen = self.account_combo.currentData()
        return next((account for account in self.accounts if str(account.id) == chosen), None)

    def today(self) -> date:
        """Today on the account's clock: the last day figures can be as of."""
        account = self.account()
        return datetime.now(zone(account.timezone if account else DEFAULT_TIMEZONE)).date()

    def _on_account_changed(self) -> None:
        self.as_of_edit.setMaximumDate(QDate(self.today()))
        if self.parsed is not None:
            self._request_preview()

    # -- the file --------------------------------------------------------------------------

    def _on_choose_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the data center's export"),
            "",
            self.tr("Data center exports") + " (*.xlsx *.csv)",
        )
        if path:
            self.load_file(Path(path))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped(event)
        if path is not None:
            event.acceptProposedAction()
            self.load_file(path)

    def _dropped(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        if self.busy or self.outcome is not None or not self.choose_button.isEnabled():
            return None
        for url in event.mimeData().urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in SUFFIXES:
                return Path(url.toLocalFile())
        return None

    def load_file(self, path: Path) -> None:
        """Read `path` in a worker, then ask the backend how its rows match."""
        self.parsed, self.preview, self.assignments = None, None, {}
        self._show_table(False)
        self.drop_label.setText(self.tr("Reading “{file}”…").format(file=path.name))
        self._begin()
        run_in_background(
            self._ctx.runner,
            Lane.DISK,
            owner=self,
            job=lambda _progress: read_file(path),
            on_success=self._if_latest(self._on_read),
            on_failure=self._if_latest(lambda error: self._on_unreadable(path, error)),
        )

    def _begin(self) -> None:
        self._ticket += 1
        self.busy = True
        self.set_busy(True)
        self.error_label.clear()
        self.progress.setRange(0, 0)
        self.progress.show()

    def _if_latest(self, then: Callable[[T], None]) -> Callable[[T], None]:
        """`then`, unless another file or account was chosen since this was asked."""
        ticket = self._ticket

        def answer(value: T) -> None:
            if ticket == self._ticket:
                then(value)

        return answer

    def _end(self) -> None:
        self.busy = False
        self.progress.hide()
        self.progress.setRange(0, 100)
        self.set_busy(False)
        self._update_action()

    def _on_unreadable(self, path: Path, error: BaseException) -> None:
        self._end()
        reason = file_reason(error)
        self.drop_label.setText(self.tr("Drop the export here (.xlsx or .csv)"))
        self._fail(
            self.tr("“{file}” cannot be imported: {reason}").format(file=path.name, reason=reason)
        )

    def _fail(self, text: str) -> None:
        self.error_label.setText(text)

    def _on_read(self, parsed: ParsedFile) -> None:
        self.parsed = parsed
        export = parsed.export
        period = f" · {export.period[0]} – {export.period[1]}" if export.period else ""
        self.drop_label.setText(
            self.tr("“{file}”: {rows} notes{period}").format(
                file=parsed.path.name, rows=len(export.rows), period=period
            )
        )
        if export.period is not None:
            self.as_of_edit.setDate(QDate(min(export.period[1], self.today())))
        self._request_preview()

    # -- the preview -----------------------------------------------------------------------

    def request(self) -> ImportRequest | None:
        account = self.account()
        if account is None or self.parsed is None:
            return None
        return ImportRequest(
            account_id=account.id,
            filename=self.parsed.path.name[:255],
            as_of=self.as_of_edit.date().toPython(),
            rows=import_rows(self.parsed.export),
            assignments=dict(self.assignments),
        )

    def _request_preview(self) -> None:
        request = self.request()
        if request is None:
            self._end()
            return
        self.assignments = {}
        request = request.model_copy(update={"assignments": {}})
        self._begin()
        connection = self._ctx.connection
        run_in_background(
            self._ctx.runner,
            Lane.READ,
            owner=self,
            job=lambda _progress: connection.client().preview_stat_import(request),
            on_success=self._if_latest(self._show_preview),
            on_failure=self._if_latest(self._preview_failed),
        )

    def _preview_failed(self, error: BaseException) -> None:
        self._end()
        self._fail(self.tr("The rows cannot be matched: {reason}").format(reason=reason_of(error)))

    def _show_preview(self, preview: ImportPreview) -> None:
        assert self.parsed is not None
        self.preview = preview
        export = self.parsed.export
        by_row = {row.row: row for row in export.rows}
        problems: dict[int, list[RowError]] = {}
        for problem in export.problems:
            problems.setdefault(problem.row, []).append(problem)
        lines: list[tuple[int, TableRow, ImportMatch | None]] = []
        for match in preview.rows:
            lines.append((match.row, self._match_line(match, by_row.get(match.row)), match))
        for row, errors in problems.items():
            cells = [str(row), reasons(errors), *([""] * (NOTE_COLUMN - 1))]
            lines.append((row, TableRow(cells, failed=True), None))
        lines.sort(key=lambda line: line[0])
        self.table.clearSpans()
        self.table.show_rows(
            [
                self.tr("Row"),
                self.tr("Title"),
                self.tr("Published"),
                label("impressions"),
                label("views"),
                label("interactions"),
                self.tr("Matched"),
                self.tr("Note"),
            ],
            [line for _row, line, _match in lines],
            widths=_PREVIEW_WIDTHS,
        )
        self.row_combos = {}
        for at, (_row, _line, matched) in enumerate(lines):
            if matched is None:  # a row that cannot be read: its reasons across the row
                self.table.setSpan(at, 1, 1, NOTE_COLUMN)
            else:
                combo = self._note_combo(matched, preview.notes)
                self.table.setCellWidget(at, NOTE_COLUMN, combo)
                self.row_combos[matched.row] = combo
        self.table.resizeRowsToContents()
        self._show_table(True)
        self._end()

    def _match_line(self, match: ImportMatch, row: ExportRow | None) -> TableRow:
        metrics = match.metrics
        return TableRow(
            [
                str(match.row),
                match.title,
                _published_text(row.published_at if row else None),
                exact(metrics.get("impressions")),
                exact(metrics.get("views")),
                exact(_interactions(metrics)),
                matched_by_text(match.matched_by),
                "",
            ]
        )

    def _note_combo(self, match: ImportMatch, notes: list[ImportNoteChoice]) -> QComboBox:
        combo = QComboBox(self.table)
        self.form_widget(combo)
        combo.addItem(self.tr("Leave out"), None)
        for note in notes:
            day = _published_text(note.published_at)[:10]
            title = note.title or self.tr("(untitled)")
            combo.addItem(f"{title} · {day}" if day else title, str(note.id))
        combo.setCurrentIndex(max(combo.findData(str(match.note_id) if match.note_id else None), 0))
        combo.currentIndexChanged.connect(lambda _index, row=match.row: self._on_chosen(row))
        return combo

    def choose(self, row: int, note_id: uuid.UUID | None) -> None:
        """Match sheet row `row` to `note_id`, or leave it out (None), as its combo does."""
        combo = self.row_combos[row]
        combo.setCurrentIndex(max(combo.findData(str(note_id) if note_id else None), 0))

    def _on_chosen(self, row: int) -> None:
        assert self.preview is not None
        match = next(item for item in self.preview.rows if item.row == row)
        chosen = self.row_combos[row].currentData()
        note_id = uuid.UUID(chosen) if chosen else None
        if note_id == match.note_id:
            self.assignments.pop(row, None)
            how = matched_by_text(match.matched_by)
        else:
            self.assignments[row] = note_id
            how = matched_by_text("user") if note_id else _tr(_LEFT_OUT)
        shown = self.table.texts(0)
        self.table.item(shown.index(str(row)), 6).setText(how)
        self._update_action()

    def final_note(self, match: ImportMatch) -> uuid.UUID | None:
        """The note a row goes to with the user's choices."""
        return self.assignments[match.row] if match.row in self.assignments else match.note_id

    def _update_action(self) -> None:
        notes = {self.final_note(match) for match in self.preview.rows} if self.preview else set()
        notes.discard(None)
        self.action_button.setText(
            self.tr("Import figures of {count} notes").format(count=len(notes))
            if self.preview
            else self.tr("Import")
        )
        self.action_button.setEnabled(bool(notes) and not self.busy)
        if self.preview is not None and self.parsed is not None:
            self.summary.setText(self._preview_summary(self.preview, self.parsed.export))
            self._fit_summary()

    def _show_table(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self._filler.setVisible(not shown)

    def _fit_summary(self) -> None:
        """Keep every line of the summary: the table's stretch would squeeze a wrapped label
        below the height its lines need."""
        margins = self.layout().contentsMargins()
        width = self.width() - margins.left() - margins.right()
        self.summary.setMinimumHeight(self.summary.heightForWidth(width))

    def _preview_summary(self, preview: ImportPreview, export: PlatformExport) -> str:
        left = sum(1 for note in self.assignments.values() if note is None)
        unmatched = sum(1 for match in preview.rows if self.final_note(match) is None) - left
        parts = [
            self.tr(
                "{matched} of {rows} rows match a published note of this account; {unmatched} "
                "do not — pick their note, or leave them out."
            ).format(
                matched=len(preview.rows) - unmatched - left,
                rows=len(preview.rows),
                unmatched=unmatched,
            )
        ]
        if left:
            parts.append(self.tr("Left out by you: {count}.").format(count=left))
        if export.problems:
            rows = len({problem.row for problem in export.problems})
            parts.append(self.tr("Rows that cannot be read (in red): {count}.").format(count=rows))
        if export.skipped:
            named = [
                self.tr("row {row} ({reason})").format(
                    row=skip.row, reason=message(skip.code, skip.params).rstrip(".。")
                )
                for skip in export.skipped[:SKIPPED_NAMED]
            ]
            more = len(export.skipped) - SKIPPED_NAMED
            if more > 0:
                named.append(self.tr("{count} more").format(count=more))
            parts.append(self.tr("Skipped: {rows}.").format(rows="; ".join(named)))
        return "\n".join(parts)

    # -- the import ------------------------------------------------------------------------

    def start_import(self) -> None:
        request, account, parsed = self.request(), self.account(), self.parsed
        if request is None or account is None or parsed is None or self.preview is None:
            return
        as_of = request.as_of or self.today()
        key = idempotency_key(parsed.digest, account.id, as_of, request.assignments)
        connection = self._ctx.connection
        self.busy = True
        self.run_job(
            Lane.WRITE,
            lambda progress: run_import(connection.client(), request, key, progress),
            self._on_imported,
        )

    def stopped(self, error: BaseException) -> None:
        self.busy = False
        super().stopped(error)
        self._update_action()

    def stopped_text(self, reason: str) -> str:
        return self.tr("The import stopped: {reason}").format(reason=reason)

    def _on_imported(self, outcome: ImportOutcome) -> None:
        self.busy = False
        self.outcome = outcome
        assert self.preview is not None and self.parsed is not None
        record = outcome.record
        left = [row for row, note in self.assignments.items() if note is None]
        duplicates = set(record.report.get("duplicates", []))
        unmatched = record.unmatched - len(left) - len(duplicates)
        added = [
            f"{label(name)} +{exact(amount)}"
            for name, amount in outcome.growth.items()
            if amount > 0
        ]
        lowered = record.report.get("lowered", []) if not outcome.replayed else []
        first = (
            self.tr("Imported the figures of {count} notes from “{file}”.")
            if added or lowered
            else self.tr("The figures of {count} notes in “{file}” were imported before.")
        )
        lines = [
            first.format(count=record.matched, file=self.parsed.path.name),
            self.tr("Not matched: {unmatched}. Left out: {left}.").format(
                unmatched=max(unmatched, 0), left=len(left)
            ),
        ]
        if added:
            lines.append(self.tr("Added: {figures}.").format(figures=" · ".join(added)))
        if lowered:
            lines.append(
                self.tr(
                    "{count} notes had lower figures than at their last import (an older "
                    "export?): their figures now follow this file."
                ).format(count=len(lowered))
            )
        elif not added:
            lines.append(
                self.tr(
                    "Nothing new was added: only what grew since the last import counts, so "
                    "the same file never counts twice."
                )
            )
        self.show_done_summary("\n".join(lines))
        self._fit_summary()
        titles = {note.id: note.title for note in self.preview.notes}
        rows = []
        for match in self.preview.rows:
            note = self.final_note(match)
            if match.row in duplicates:
                result = self.tr("Not imported: another row has the same note")
            elif note is None:
                result = _tr(_LEFT_OUT) if match.row in left else matched_by_text(None)
            else:
                result = self.tr("Into “{note}”").format(note=titles.get(note, ""))
            failed = match.row in duplicates or (note is None and match.row not in left)
            rows.append(TableRow([str(match.row), match.title, result], failed=failed))
        self.row_combos = {}
        self.table.clearSpans()
        self.table.show_rows(
            [self.tr("Row"), self.tr("Title"), self.tr("Result")], rows, widths=_REPORT_WIDTHS
        )
        self.imported.emit(record)
