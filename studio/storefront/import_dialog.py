"""Import products from a CSV: a preview of every row with its problems, then the import in
the write lane, then what it did (created, updated, unchanged, and why rows were rejected)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from publisher.client.product_csv import ImportReport, ParsedCsv, ProductRow, import_products
from studio.bulk.bulk_dialog import BulkDialog
from studio.bulk.labels import by_row, reasons
from studio.bulk.rows_table import TableRow
from studio.composer.product_picker import price_text
from studio.storefront.products_model import STOREFRONTS_CHANGED, status_label
from studio.tasks import Lane

if TYPE_CHECKING:
    from studio.context import AppContext


_PREVIEW_WIDTHS = (64, 100, 150, 96, 56, 76, 110)
"""Pixels of the preview's columns but the last, which takes the rest (the report keeps the
first two)."""


class ImportDialog(BulkDialog):
    changes = STOREFRONTS_CHANGED

    def __init__(
        self,
        ctx: AppContext,
        storefront_id: uuid.UUID,
        parsed: ParsedCsv,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._storefront_id = storefront_id
        self._parsed = parsed
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import products"))
        self.heading.setText(self.tr("Import “{file}”").format(file=path.name))
        self.resize(920, 560)
        self.action_button.clicked.connect(self.start_import)
        self._show_preview()

    # -- preview ---------------------------------------------------------------------------

    def _show_preview(self) -> None:
        valid, invalid = len(self._parsed.valid), len(self._parsed.invalid)
        self.summary.setText(
            self.tr(
                "Ready to import: {valid}. With problems, skipped: {invalid}. Products are "
                "matched by SKU: new SKUs are added, known ones updated."
            ).format(valid=valid, invalid=invalid)
        )
        self.action_button.setText(self.tr("Import {count} products").format(count=valid))
        self.action_button.setEnabled(valid > 0)
        self.table.show_rows(
            [
                self.tr("Row"),
                self.tr("SKU"),
                self.tr("Product"),
                self.tr("Price"),
                self.tr("Stock"),
                self.tr("Status"),
                self.tr("Link"),
                self.tr("Problems"),
            ],
            [TableRow(self._preview_cells(row), failed=not row.ok) for row in self._parsed.rows],
            widths=_PREVIEW_WIDTHS,
        )

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

    # -- import ----------------------------------------------------------------------------

    def start_import(self) -> None:
        connection, storefront_id, parsed = self._ctx.connection, self._storefront_id, self._parsed
        self.run_job(
            Lane.WRITE,
            lambda progress: import_products(connection.client(), storefront_id, parsed, progress),
            self._on_imported,
        )

    def stopped_text(self, reason: str) -> str:
        return self.tr("The import stopped: {reason}").format(reason=reason)

    def _on_imported(self, report: ImportReport) -> None:
        self.report = report
        self.show_done_summary(
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
        skus = {row.row: row.sku for row in self._parsed.rows}
        rejected = by_row(report.rejected)
        self.table.show_rows(
            [self.tr("Row"), self.tr("SKU"), self.tr("Why it was rejected")],
            [
                TableRow([str(row), skus.get(row, ""), reasons(errors)], failed=True)
                for row, errors in rejected
            ],
            widths=_PREVIEW_WIDTHS[:2],
        )
        self.table.setVisible(bool(rejected))
