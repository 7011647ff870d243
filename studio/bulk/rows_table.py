"""The read-only table every bulk dialog shows: a preview of what will happen to each note or
row, then what did. A row that went wrong is marked in the accent colour with a ⚠ — by its
text, since the stylesheet paints every item's background."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from studio.style import ACCENT

_PROBLEM = QColor(ACCENT)


@dataclass(frozen=True)
class TableRow:
    cells: Sequence[str]
    failed: bool = False


class RowsTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )

    def show_rows(
        self, headers: Sequence[str], rows: Sequence[TableRow], widths: Sequence[int] = ()
    ) -> None:
        """Replace the table: `headers`, then `rows`; the last column takes the room left
        after the first columns get `widths`."""
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))
        self.setRowCount(len(rows))
        for at, row in enumerate(rows):
            for column, text in enumerate(row.cells):
                shown = f"⚠ {text}" if row.failed and column == 0 else text
                item = QTableWidgetItem(shown)
                item.setToolTip(text)
                if row.failed:
                    item.setForeground(_PROBLEM)
                self.setItem(at, column, item)
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        self.horizontalHeader().setSectionResizeMode(
            len(headers) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        # Wrapped text is as tall as its column is narrow: fit the rows to the new widths.
        super().resizeEvent(event)
        self.resizeRowsToContents()

    def texts(self, column: int) -> list[str]:
        """The shown text of one column, top to bottom (what tests and screen readers see)."""
        return [self.item(row, column).text() for row in range(self.rowCount())]
