"""Tables of figures (notes, topics, accounts), declared as columns of data: each column says
what it reads from a row, how that reads (a metric's own format: 1.2万, 12.3%, ¥1,280.00),
and — for the notes, sorted by the server — which sort it asks for.

Cells offer their raw value for sorting and for spreadsheets (`EXPORT_ROLE`: 12345, 0.123,
money in yuan), the day-by-day views for a sparkline, and a change for `ChangeDelegate`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from studio.analytics.delegates import (
    BADGES_ROLE,
    CHANGE_ROLE,
    SPARK_ROLE,
    SUBTITLE_ROLE,
    header_font,
)
from studio.analytics.exports import EXPORT_ROLE
from studio.analytics.figures import FEN_PER_YUAN
from studio.analytics.metric_labels import change_text, count_text, kind, label, value_text

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "AnalyticsTables"
"""The translation context of the columns' own headers (metrics are named by `label`)."""


@dataclass(frozen=True)
class Column:
    key: str
    value: Callable[[Any], Any]
    """The row's raw value: what sorts and what a spreadsheet gets."""
    header: str = ""
    """An English header translated in `CONTEXT`; empty for a metric, named by `label`."""
    metric: str = ""
    """The metric (or counter) the value is, which decides its format."""
    count: bool = False
    """A plain count that is no metric (notes of a topic): right-aligned, 1.2万."""
    change_of: str = ""
    """The metric whose change against the previous period this column is (+12.3%)."""
    text: Callable[[Any], str] | None = None
    sort: str = ""
    """The server's sort key for this column ("" when the server cannot sort by it)."""
    width: int = 96
    change: Callable[[Any], float | None] | None = None
    spark: Callable[[Any], Sequence[float]] | None = None
    badges: Callable[[Any], list[str]] | None = None
    tip: Callable[[Any], str] | None = None
    subtitle: Callable[[Any], str] | None = None
    """A second line in the cell (`TwoLineDelegate`)."""
    export: Callable[[Any], Any] | None = None
    """What a spreadsheet gets when it is not the value (a whole date for a short one)."""

    def title(self) -> str:
        if self.change_of:
            text = QCoreApplication.translate("AnalyticsTables", "{figure} change")
            return text.format(figure=label(self.change_of))
        return (
            label(self.metric) if self.metric else QCoreApplication.translate(CONTEXT, self.header)
        )

    @property
    def numeric(self) -> bool:
        return bool(self.metric or self.change_of) or self.count

    def shown(self, row: Any) -> str:
        if self.text is not None:
            return self.text(row)
        value = self.value(row)
        if self.metric:
            return value_text(self.metric, value)
        if self.count:
            return "—" if value is None else count_text(value)
        if self.change_of:
            return change_text(value)
        return "" if value is None else str(value)

    def exported(self, row: Any) -> Any:
        """What a spreadsheet gets: the number itself (money in yuan), "" for no value."""
        if self.export is not None:
            return self.export(row)
        if self.spark is not None:
            return " ".join(str(point) for point in self.spark(row))
        if not self.numeric:
            return self.shown(row)
        value = self.value(row)
        if value is None:
            return ""
        if self.metric and kind(self.metric) == "money":
            return round(value / FEN_PER_YUAN, 2)
        if self.metric and kind(self.metric) == "count":
            return int(round(value))  # figures travel as floats; a count is written 1000
        return value


class FigureTableModel(QAbstractTableModel):
    """Rows of one kind shown through `columns`."""

    SortRole = Qt.ItemDataRole.UserRole + 90
    RowRole = Qt.ItemDataRole.UserRole + 91

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []

    def column_of(self, key: str) -> int:
        return next(index for index, column in enumerate(self.columns) if column.key == key)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: Sequence[Any], key: Callable[[Any], Hashable]) -> None:
        """Show `rows` instead, told apart by `key`: rows gone are removed, the others move to
        their new places with their new figures, new ones are inserted — so a view keeps its
        selection, current row and scroll position, which a reset would lose (figures loaded
        again while the user looks at them)."""
        new = list(rows)
        wanted = {key(row) for row in new}
        for position in range(len(self._rows) - 1, -1, -1):
            if key(self._rows[position]) not in wanted:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        kept = {key(row) for row in self._rows}
        order = [row for row in new if key(row) in kept]
        if [key(row) for row in order] != [key(row) for row in self._rows]:
            self.layoutAboutToBeChanged.emit()
            places = {key(row): position for position, row in enumerate(order)}
            before = self.persistentIndexList()
            after = [
                self.index(places[key(self._rows[index.row()])], index.column()) for index in before
            ]
            self._rows = order
            self.changePersistentIndexList(before, after)
            self.layoutChanged.emit()
        self._rows = order
        if order:
            last = self.index(len(order) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        for position, row in enumerate(new):
            if key(row) not in kept:
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows.insert(position, row)
                self.endInsertRows()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, index: int) -> Any:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column) | Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value)
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # A first click on a figure shows the highest first; on a name, A to Z.
            numeric = column.numeric
            return Qt.SortOrder.DescendingOrder if numeric else Qt.SortOrder.AscendingOrder
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.shown(row)
        if role == EXPORT_ROLE:
            return column.exported(row)
        if role == self.SortRole:
            value = column.value(row)
            return value if value is not None else float("-inf") if column.numeric else ""
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(row)
        if role == CHANGE_ROLE and column.change is not None:
            return column.change(row)
        if role == SPARK_ROLE and column.spark is not None:
            return list(column.spark(row))
        if role == SUBTITLE_ROLE and column.subtitle is not None:
            return column.subtitle(row)
        if role == BADGES_ROLE and column.badges is not None:
            return column.badges(row)
        return None


def _alignment(column: Column) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


HEADER_PADDING = 36
"""Header padding and the sort arrow's room, around a header's text."""
WRAP_WIDTH = 100
"""A header wider than this wraps onto a second line (at a space) rather than widen its
column: "Engagement rate" over two lines keeps the notes table inside 1280 pixels."""


def fit_columns(table: QTableView, model: FigureTableModel) -> None:
    """Give each column room for its header in the interface language — wrapped onto two lines
    when long — and at least the width its declaration asks for."""
    metrics = QFontMetrics(header_font(table.font()))
    wrapped = False
    for index, column in enumerate(model.columns):
        title = column.title()
        whole = metrics.horizontalAdvance(title) + HEADER_PADDING
        longest = max(metrics.horizontalAdvance(word) for word in title.split() or [""])
        width = max(column.width, min(whole, max(WRAP_WIDTH, longest + HEADER_PADDING)))
        table.setColumnWidth(index, width)
        wrapped = wrapped or (whole > width and not table.isColumnHidden(index))
    header = table.horizontalHeader()
    lines = 2 if wrapped else 1
    header.setFixedHeight(metrics.lineSpacing() * lines + 22)
