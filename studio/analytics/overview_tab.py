"""Overview (概览): the period's KPI tiles — each number with its change against the previous
period and, in small grey type beneath it, the formula it was computed by — and one figure day
by day, this period solid and the previous one dashed."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from publisher.stats_schemas import StatsSummary
from studio.analytics.charts import PREVIOUS, TrendChart
from studio.analytics.figures import CHART_METRICS, Tile, change_tone, daily_values, tiles
from studio.analytics.metric_labels import change_text, formula, kind, label, value_text
from studio.style import ACCENT
from studio.widgets.card import card

TILE_WIDTH = 168
"""The narrowest a tile gets before the grid takes a column away."""
MAX_COLUMNS = 6


def change_arrow(change: float) -> str:
    return {"up": "▲ ", "down": "▼ ", "flat": ""}[change_tone(change)]


class KpiTile(QFrame):
    """A figure: its name, value and change, and the formula it was computed by."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KpiTile")
        self.name_label = QLabel(self)
        self.name_label.setObjectName("KpiLabel")
        self.value_label = QLabel(self)
        self.value_label.setObjectName("KpiValue")
        self.change_label = QLabel(self)
        self.change_label.setObjectName("KpiChange")
        self.formula_label = QLabel(self)
        self.formula_label.setObjectName("KpiFormula")
        self.formula_label.setWordWrap(True)
        self.formula_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        name_row = QHBoxLayout()
        name_row.setSpacing(8)
        name_row.addWidget(self.name_label, 1)
        name_row.addWidget(self.change_label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 12, 10)
        layout.setSpacing(3)
        layout.addLayout(name_row)
        layout.addWidget(self.value_label)
        layout.addWidget(self.formula_label, 1)
        self.tile: Tile | None = None

    def sizeHint(self) -> QSize:  # noqa: N802
        """Every tile asks for the same width, so the grid's columns come out even."""
        return QSize(TILE_WIDTH, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(TILE_WIDTH - 24, super().minimumSizeHint().height())

    def show_tile(self, tile: Tile, compare: bool) -> None:
        self.tile = tile
        name = label(tile.key)
        self.name_label.setText(name)
        self.value_label.setText(value_text(tile.key, tile.value))
        change = tile.change if compare else None
        self.change_label.setVisible(change is not None)
        if change is not None:
            self.change_label.setText(change_arrow(change) + change_text(change))
            self.change_label.setProperty("tone", change_tone(change))
            self.change_label.style().unpolish(self.change_label)
            self.change_label.style().polish(self.change_label)
        definition = tile.definition
        self.formula_label.setText(formula(definition) if definition else "")
        lines = [f"{name} = {self.formula_label.text()}"] if definition else [name]
        if compare:
            lines.append(
                self.tr("Previous period: {value}").format(
                    value=value_text(tile.key, tile.previous)
                )
            )
        if kind(tile.key) == "ratio" and tile.value is None:
            lines.append(self.tr("Nothing to divide by in this period."))
        self.setToolTip("\n".join(lines))


class OverviewTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[str, KpiTile] = {}
        self._order: list[str] = []
        self._summary: StatsSummary | None = None
        self._compare = True
        self.tile_host = QWidget(self)
        self.grid = QGridLayout(self.tile_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(12)

        self.chart_card, chart_layout = card(self, spacing=8)
        heading = QHBoxLayout()
        title = QLabel(self.tr("Day by day"), self.chart_card)
        title.setObjectName("ChartTitle")
        self.metric_picker = QComboBox(self.chart_card)
        for key in CHART_METRICS:
            self.metric_picker.addItem(label(key), key)
        self.metric_picker.setCurrentIndex(CHART_METRICS.index("views"))
        self.legend = QLabel(self.chart_card)
        self.legend.setObjectName("Legend")
        heading.addWidget(title)
        heading.addSpacing(8)
        heading.addWidget(self.metric_picker)
        heading.addStretch(1)
        heading.addWidget(self.legend)
        self.chart = TrendChart(self.chart_card)
        self.chart.setMinimumHeight(260)
        chart_layout.addLayout(heading)
        chart_layout.addWidget(self.chart, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.tile_host)
        layout.addWidget(self.chart_card, 1)
        self.metric_picker.currentIndexChanged.connect(lambda _row: self._draw_chart())

    @property
    def chart_metric(self) -> str:
        return str(self.metric_picker.currentData())

    def show_summary(self, summary: StatsSummary, compare: bool) -> None:
        self._summary, self._compare = summary, compare
        shown = tiles(summary)
        for tile in shown:
            if tile.key not in self.tiles:
                self.tiles[tile.key] = KpiTile(self.tile_host)
            self.tiles[tile.key].show_tile(tile, compare)
        order = [tile.key for tile in shown]
        for key, widget in self.tiles.items():
            widget.setVisible(key in order)
        if order != self._order:
            self._order = order
            self._lay_out_tiles()
        self._draw_chart()

    def _lay_out_tiles(self) -> None:
        """As many columns as fit, rows kept even: 9 tiles are 5 + 4, not 6 + 3."""
        for key in self._order:
            self.grid.removeWidget(self.tiles[key])
        count = len(self._order)
        if not count:
            return
        fit = max(2, min(MAX_COLUMNS, (self.width() + 12) // (TILE_WIDTH + 12)))
        rows = math.ceil(count / fit)
        columns = math.ceil(count / rows)
        for position, key in enumerate(self._order):
            self.grid.addWidget(self.tiles[key], position // columns, position % columns)
        for column in range(MAX_COLUMNS):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._lay_out_tiles()

    def _draw_chart(self) -> None:
        summary = self._summary
        if summary is None:
            return
        key = self.chart_metric
        days = [day.day for day in summary.series]
        previous = daily_values(summary.previous_series, key) if self._compare else None
        self.chart.set_series(
            days,
            daily_values(summary.series, key),
            previous,
            label=label(key),
            money=kind(key) == "money",
        )
        this_period, previous_period = self.tr("This period"), self.tr("Previous period")
        this = f'<span style="color:{ACCENT}">━</span> {this_period}'
        before = f'<span style="color:{PREVIOUS}">┅</span> {previous_period}'
        self.legend.setText(f"{this}&nbsp;&nbsp;&nbsp;{before}" if self._compare else this)
