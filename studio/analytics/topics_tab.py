"""Topics (话题): each topic the notes used, with how many notes, their views, views per note
and engagement rate; beside it the ten most viewed topics as bars."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from publisher.stats_schemas import TopicStatsRow
from studio.analytics.charts import CountAxis, bar_brush, chart_font, plot_widget
from studio.analytics.delegates import FigureHeader
from studio.analytics.figures import per_note
from studio.analytics.metric_labels import count_text
from studio.analytics.stats_table import Column, FigureTableModel, fit_columns
from studio.style import TEXT
from studio.widgets.card import card
from studio.widgets.record_table import RecordTable

TOP_TOPICS = 10
MIN_BAR_SLOTS = 6
"""Room for this many bars at least, so two topics are not drawn as two slabs."""
NAME_WIDTH = 12
"""Characters of a topic's name on the chart's axis before it is shortened."""

TOPIC_COLUMNS = (
    Column(
        "topic",
        lambda row: f"#{row.topic}",
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Topic"),
        width=180,
    ),
    Column(
        "notes",
        lambda row: row.notes,
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Notes"),
        count=True,
        width=70,
    ),
    Column("views", lambda row: row.figures.get("views"), metric="views", width=96),
    Column(
        "per_note",
        lambda row: per_note(row.totals.get("views", 0), row.notes),
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Views per note"),
        count=True,
        width=110,
    ),
    Column(
        "engagement_rate",
        lambda row: row.figures.get("engagement_rate"),
        metric="engagement_rate",
        width=96,
    ),
)


def short_name(name: str) -> str:
    return name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"


class TopicsTab(QWidget):
    export_csv_requested = Signal()
    export_png_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FigureTableModel(TOPIC_COLUMNS, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(FigureTableModel.SortRole)
        self.table = RecordTable(self, row_height=40)
        self.table.setHorizontalHeader(FigureHeader(self.table))
        self.table.setModel(self.proxy)
        fit_columns(self.table, self.model)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.column_of("views"), Qt.SortOrder.DescendingOrder)

        self.chart_card, chart_layout = card(self, spacing=8)
        title = QLabel(self.tr("Top {count} topics by views").format(count=TOP_TOPICS), self)
        title.setObjectName("ChartTitle")
        self.chart = plot_widget(self.chart_card, {"bottom": CountAxis("bottom")})
        self.chart.getPlotItem().showGrid(x=False, y=False)
        self.chart.getPlotItem().getAxis("left").setWidth(110)
        self.chart.getPlotItem().invertY(True)
        self.chart.setMinimumHeight(300)
        chart_layout.addWidget(title)
        chart_layout.addWidget(self.chart, 1)
        self._bars: list[pg.GraphicsObject] = []

        self.empty_label = QLabel(self.tr("No note in this period has a topic yet."), self)
        self.empty_label.setObjectName("Hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.export_csv = QPushButton(self.tr("Export CSV"), self)
        self.export_png = QPushButton(self.tr("Export PNG"), self)
        self.export_csv.clicked.connect(self.export_csv_requested)
        self.export_png.clicked.connect(self.export_png_requested)
        tools = QHBoxLayout()
        tools.addStretch(1)
        tools.addWidget(self.export_csv)
        tools.addWidget(self.export_png)
        body = QHBoxLayout()
        body.setSpacing(14)
        body.addWidget(self.table, 5)
        body.addWidget(self.chart_card, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(tools)
        layout.addLayout(body, 1)
        layout.addWidget(self.empty_label, 1)
        self.show_topics([])

    def show_topics(self, rows: list[TopicStatsRow]) -> None:
        self.model.update_rows(rows, key=lambda row: row.topic)
        has_rows = bool(rows)
        for widget in (self.table, self.chart_card, self.export_csv, self.export_png):
            widget.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)
        self._draw([row for row in rows if row.totals.get("views")][:TOP_TOPICS])

    def _draw(self, top: list[TopicStatsRow]) -> None:
        item = self.chart.getPlotItem()
        for bar in self._bars:
            item.removeItem(bar)
        self._bars = []
        views = [row.totals.get("views", 0) for row in top]
        positions = list(range(len(top)))
        if top:
            bars = pg.BarGraphItem(
                x0=0,
                y=positions,
                height=0.62,
                width=views,
                brushes=[bar_brush(index) for index in positions],
                pen=pg.mkPen(None),
            )
            item.addItem(bars)
            self._bars.append(bars)
        highest = max(views, default=0) or 1
        for position, value in zip(positions, views, strict=True):
            text = pg.TextItem(count_text(value), color=TEXT, anchor=(0, 0.5))
            text.setFont(chart_font(11))
            text.setPos(value + highest * 0.02, position)
            item.addItem(text)
            self._bars.append(text)
        left = item.getAxis("left")
        left.setTextPen(pg.mkPen(TEXT))
        left.setStyle(tickFont=chart_font(12))
        left.setTicks(
            [
                [
                    (position, short_name(f"#{row.topic}"))
                    for position, row in zip(positions, top, strict=True)
                ]
            ]
        )
        item.setXRange(0, highest * 1.18, padding=0)
        item.setYRange(-0.6, max(len(top), MIN_BAR_SLOTS) - 0.4, padding=0)
