"""A campaign's creators or notes as a sortable table: reach, engagement, sales, spend and
return of each, shown as the data center writes them and exported as raw numbers. A campaign
has a few dozen rows at most, so they are sorted here rather than by the server."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from publisher.stats_schemas import CampaignRow
from studio.analytics.metric_labels import kind
from studio.analytics.stats_table import Column, FigureTableModel
from studio.widgets.record_table import RecordTable

FIGURES = (
    "impressions",
    "views",
    "interactions",
    "engagement_rate",
    "product_clicks",
    "orders",
    "gmv",
    "spend",
    "roi",
    "cpe",
    "cpm",
)
MAX_SHOWN_ROWS = 10
"""Rows the table is tall enough for; a longer campaign scrolls inside it."""
MAX_NAME_WIDTH = 240
HEADER_PIXELS = 12
HEADER_PADDING = 24
"""The stylesheet's header font size and its padding on both sides, with a little air."""


def figure(row: CampaignRow, key: str) -> float | None:
    """A row's figure: the metric the server computed (money in fen), a count as a whole
    number (a spreadsheet gets 1000, not 1000.0)."""
    value = row.figures.get(key)
    if value is not None and kind(key) == "count":
        return round(value)
    return value


def _figure(key: str) -> Column:
    return Column(key, lambda row: figure(row, key), metric=key)


CREATOR = Column(
    "creator",
    lambda row: row.account_nickname,
    header=QT_TRANSLATE_NOOP("AnalyticsTables", "Creator"),
)
NOTE = Column("note", lambda row: row.name, header=QT_TRANSLATE_NOOP("AnalyticsTables", "Note"))
CREATOR_COLUMNS = (CREATOR, *(_figure(key) for key in FIGURES))
NOTE_COLUMNS = (NOTE, CREATOR, *(_figure(key) for key in FIGURES))


class CampaignTable(RecordTable):
    """The rows behind a sorting proxy: sorted by value, not by the text shown, and a figure
    without meaning ("—") below every number. Every column is as wide as what it shows (a
    name at most `MAX_NAME_WIDTH`); when they add up to more than there is room for, the
    table scrolls sideways and is that much taller, and when less, the name takes the rest."""

    def __init__(self, columns: tuple[Column, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent, row_height=40)
        self.source = FigureTableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(FigureTableModel.SortRole)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(self.source.column_of("views"), Qt.SortOrder.DescendingOrder)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(56)
        self._widths: list[int] = []

    def set_rows(self, rows: list[CampaignRow]) -> None:
        self.source.update_rows(rows, key=lambda row: row.id)
        self._widths = self._natural_widths()
        self._fit()

    def _natural_widths(self) -> list[int]:
        """Each column as wide as its widest cell or its header's words. The header's own
        size hint keeps room for a sort arrow in every column, which makes a table of twelve
        figures scroll for nothing."""
        words = QFont(self.horizontalHeader().font())
        words.setPixelSize(HEADER_PIXELS)
        words.setBold(True)
        metrics = QFontMetrics(words)
        widths = []
        for column, spec in enumerate(self.source.columns):
            width = max(
                self.sizeHintForColumn(column),
                metrics.horizontalAdvance(spec.title()) + HEADER_PADDING,
            )
            width = max(width, self.horizontalHeader().minimumSectionSize())
            widths.append(min(width, MAX_NAME_WIDTH) if not spec.numeric else width)
        return widths

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The natural widths, the room left over to the first column (the name); then as
        tall as the rows up to `MAX_SHOWN_ROWS`, and the sideways scroll bar when it shows."""
        if not self._widths:
            return
        scrolls = self.proxy.rowCount() > MAX_SHOWN_ROWS
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if scrolls
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        room = self.maximumViewportSize().width()
        if scrolls:
            room -= self.verticalScrollBar().sizeHint().width()
        spare = max(room - sum(self._widths), 0)
        for column, width in enumerate(self._widths):
            self.setColumnWidth(column, width + (spare if column == 0 else 0))
        shown = min(max(self.proxy.rowCount(), 1), MAX_SHOWN_ROWS)
        height = (
            self.horizontalHeader().sizeHint().height()
            + shown * self.verticalHeader().defaultSectionSize()
            + 2 * self.frameWidth()
        )
        if sum(self._widths) > room:
            height += self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(height)

    def column_texts(self, key: str) -> list[str]:
        """One column as shown, top to bottom in the current order (for tests)."""
        column = self.source.column_of(key)
        return [
            str(self.proxy.data(self.proxy.index(row, column)))
            for row in range(self.proxy.rowCount())
        ]
