"""Followers (粉丝): the follower count at the end of each day as a line, the follows gained
each day as bars beneath it, on one shared date axis."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from publisher.stats_schemas import FollowerPoint
from studio.analytics.charts import (
    DAY,
    FILL,
    GRID_ALPHA,
    CountAxis,
    DayAxis,
    day_stamps,
    style_axis,
)
from studio.analytics.metric_labels import count_text, label
from studio.style import ACCENT
from studio.widgets.card import card

BAR_COLOUR = (255, 36, 66, 150)


def _plot(layout: pg.GraphicsLayoutWidget, row: int, axis: DayAxis) -> pg.PlotItem:
    plot = layout.addPlot(row=row, col=0, axisItems={"bottom": axis, "left": CountAxis()})
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=False, y=True, alpha=GRID_ALPHA)
    for name in ("left", "bottom"):
        style_axis(plot.getAxis(name))
    plot.getAxis("left").setWidth(52)
    return plot


class FollowersTab(QWidget):
    export_png_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart_card, chart_layout = card(self, spacing=10)
        heading = QHBoxLayout()
        heading.setSpacing(28)
        self.figures: dict[str, QLabel] = {}
        for key, name in (
            ("followers", self.tr("Followers at the end")),
            ("gained", self.tr("Gained in the period")),
            ("daily", self.tr("Gained per day")),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            caption = QLabel(name, self.chart_card)
            caption.setObjectName("KpiLabel")
            value = QLabel(self.chart_card)
            value.setObjectName("BigNumber")
            column.addWidget(caption)
            column.addWidget(value)
            heading.addLayout(column)
            self.figures[key] = value
        heading.addStretch(1)
        self.export_png = QPushButton(self.tr("Export PNG"), self)
        self.export_png.clicked.connect(self.export_png_requested)

        self.chart = pg.GraphicsLayoutWidget(self.chart_card)
        self.chart.setBackground("w")
        self.chart.setMinimumHeight(340)
        self._line_axis, self._bar_axis = DayAxis(), DayAxis()
        self.line_plot = _plot(self.chart, 0, self._line_axis)
        self.bar_plot = _plot(self.chart, 1, self._bar_axis)
        self.bar_plot.setXLink(self.line_plot)
        self.chart.ci.layout.setRowStretchFactor(0, 3)
        self.chart.ci.layout.setRowStretchFactor(1, 2)
        self.line = self.line_plot.plot(pen=pg.mkPen(ACCENT, width=2.4), fillLevel=None, brush=FILL)
        self.bars: pg.BarGraphItem | None = None
        self.line_plot.setTitle(self.tr("Followers"), color="#8A8D94", size="9pt")
        self.bar_plot.setTitle(label("follows"), color="#8A8D94", size="9pt")
        chart_layout.addLayout(heading)
        chart_layout.addWidget(self.chart, 1)
        tools = QHBoxLayout()
        tools.addStretch(1)
        tools.addWidget(self.export_png)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(tools)
        layout.addWidget(self.chart_card, 1)

    def show_points(self, points: list[FollowerPoint]) -> None:
        stamps = day_stamps([point.day for point in points])
        followers = [point.followers for point in points]
        gained = [point.gained for point in points]
        for axis in (self._line_axis, self._bar_axis):
            axis.first = stamps[0] if stamps else 0.0
        self.line.setData(stamps, followers)
        if self.bars is not None:
            self.bar_plot.removeItem(self.bars)
        self.bars = pg.BarGraphItem(
            x=stamps,
            height=gained,
            width=DAY * 0.7,
            brush=pg.mkBrush(*BAR_COLOUR),
            pen=pg.mkPen(None),
        )
        self.bar_plot.addItem(self.bars)
        if stamps:
            self.line_plot.setXRange(stamps[0] - DAY * 0.6, stamps[-1] + DAY * 0.6, padding=0)
        low, high = min(followers, default=0), max(followers, default=0)
        margin = max((high - low) * 0.15, 1)
        self.line_plot.setYRange(max(0, low - margin), high + margin, padding=0)
        self.bar_plot.setYRange(0, max(max(gained, default=0) * 1.15, 1), padding=0)
        total = sum(gained)
        self.figures["followers"].setText(count_text(followers[-1]) if followers else "—")
        self.figures["gained"].setText(("+" if total > 0 else "") + count_text(total))
        daily = total / len(points) if points else 0
        self.figures["daily"].setText(f"{daily:.1f}" if daily < 10 else count_text(daily))
