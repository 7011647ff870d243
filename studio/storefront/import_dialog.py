"""Import products from a CSV: a preview of every row with its problems, then the import in
the write lane, then what it did (created, updated, unchanged, and why rows were rejected)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from publisher.client.product_csv import (
    ImportReport,
    ParsedCsv,
    ProductRow,
    RowError,
    import_products,
)
from studio.composer.product_picker import price_text
from studio.messages import message, reason_of
from studio.ops import run_in_background
from studio.storefront.products_model import STOREFRONTS_CHANGED, status_label
from studio.style import ACCENT
from studio.tasks import Lane

if TYPE_CHECKING:
    from studio.context import AppContext

_PREVIEW_COLUMNS = 8
_ERROR_TEXT = QColor(ACCENT)


def reasons(errors: tuple[RowError, ...] | list[RowError]) -> str:
    return "\n".join(message(error.code, error.params) for error in errors)


class ImportDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        storefront_id: uuid.UUID,
        parsed: ParsedCsv,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._storefront_id = storefront_id
        self._parsed = parsed
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import products"))
        self.setObjectName("PageHost")
        self.resize(920, 560)
        self._build(path)
        self._show_preview()

    def _build(self, path: Path) -> None:
        title = QLabel(self.tr("Import “{file}”").format(file=path.name), self)
        title.setObjectName("CardTitle")
        self.summary = QLabel(self)
        self.summary.setObjectName("Hint")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("SaveState")
        self.error_label.setProperty("state", "failed")
        self.error_label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.import_button = QPushButton(self, text="")
        self.import_button.setProperty("accent", True)
        self.close_button = QPushButton(self.tr("Done"), self)
        self.close_button.setProperty("accent", True)
        self.close_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.accept)

    # -- preview ---------------------------------------------------------------------------

    def _show_preview(self) -> None:
        valid, invalid = len(self._parsed.valid), len(self._parsed.invalid)
        self.summary.setText(
            self.tr(
                "Ready to import: {valid}. With problems, skipped: {invalid}. Products are "
                "matched by SKU: new SKUs are added, known ones updated."
            ).format(valid=valid, invalid=invalid)
        )
        self.import_button.setText(self.tr("Import {count} products").format(count=valid))
        self.import_button.setEnabled(valid > 0)
        self.table.setColumnCount(_PREVIEW_COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("SKU"),
                self.tr("Product"),
                self.tr("Price"),
                self.tr("Stock"),
                self.tr("Status"),
                self.tr("Link"),
                self.tr("Problems"),
            ]
        )
        self.table.setRowCount(len(self._parsed.rows))
        for at, row in enumerate(self._parsed.rows):
            self._fill_row(at, self._preview_cells(row), failed=not row.ok)
        header = self.table.horizontalHeader()
        for column, width in enumerate((64, 100, 150, 96, 56, 76, 110)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

    def _preview_cells(self, row: ProductRow) -> list[str]:
        """What the sheet says, cleaned where it parsed, as typed where it did not."""
        values, cells = row.values, row.cells
        price = values.get("price_fen")
        status = values.get("status")
        return [
            str(row.row),
            cells.get("sku", ""),
            cells.get("name", ""),
            price_text(price) if price is not None else cells.get("price", ""),
            cells.get("stock", ""),
            status_label(status) if status else cells.get("status", ""),
            cells.get("external_url", ""),
            reasons(row.errors),
        ]

    def _fill_row(self, at: int, texts: list[str], *, failed: bool) -> None:
        # The stylesheet paints every item's background, so a failed row is told by its text.
        for column, text in enumerate(texts):
            shown = f"⚠ {text}" if failed and column == 0 else text
            item = QTableWidgetItem(shown)
            item.setToolTip(text)
            if failed:
                item.setForeground(_ERROR_TEXT)
            self.table.setItem(at, column, item)

    # -- import ----------------------------------------------------------------------------

    def start_import(self) -> None:
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.error_label.clear()
        self.progress.setValue(0)
        self.progress.show()
        connection, storefront_id, parsed = self._ctx.connection, self._storefront_id, self._parsed
        run_in_background(
            self._ctx.runner,
            Lane.WRITE,
            owner=self,
            job=lambda progress: import_products(
                connection.client(), storefront_id, parsed, progress
            ),
            on_success=self._on_imported,
            on_failure=self._on_failed,
            on_progress=lambda fraction: self.progress.setValue(round(fraction * 100)),
        )

    def _on_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        self.import_button.setEnabled(True)
        self.error_label.setText(
            self.tr("The import stopped: {reason}").format(reason=reason_of(error))
        )
        # Rows before the failure may have been applied.
        self._ctx.events.changed.emit(STOREFRONTS_CHANGED, self)

    def _on_imported(self, report: ImportReport) -> None:
        self.report = report
        self._ctx.events.changed.emit(STOREFRONTS_CHANGED, self)
        self.progress.hide()
        self.cancel_button.hide()
        self.import_button.hide()
        self.close_button.show()
        self.summary.setText(
            self.tr(
                "Done: {created} added, {updated} updated, {unchanged} unchanged, "
                "{rejected} rejected."
            ).format(
                created=len(report.created),
                updated=len(report.updated),
                unchanged=len(report.unchanged),
                rejected=report.rejected_rows,
            )
        )
        self.summary.setObjectName("FormValue")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self._show_rejected(report)

    def _show_rejected(self, report: ImportReport) -> None:
        skus = {row.row: row.sku for row in self._parsed.rows}
        by_row: dict[int, list[RowError]] = {}
        for error in report.rejected:
            by_row.setdefault(error.row, []).append(error)
        self.table.clear()
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("SKU"), self.tr("Why it was rejected")]
        )
        self.table.setRowCount(len(by_row))
        for at, (row, errors) in enumerate(sorted(by_row.items())):
            self._fill_row(at, [str(row), skus.get(row, ""), reasons(errors)], failed=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(by_row))
        self.table.resizeRowsToContents()
