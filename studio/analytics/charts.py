"""The data center's charts, drawn with pyqtgraph: a white ground, smooth lines, days read as
3/12 and counts as 1.5万, in the studio's accent colour.

`plot_widget` makes a quiet, read-only plot (no zoom, no context menu: a dashboard, not a lab);
`TrendChart` draws one figure over a period with the previous period dashed beside it and
names the day under the pointer. pyqtgraph loads in a few hundred milliseconds, so this module
is imported when the Analytics page is first shown, never at start-up.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QWidget

from studio.analytics.figures import axis_number
from studio.analytics.periods import day_stamp, short_date, stamp_day, tick_step
from studio.style import ACCENT, BORDER, FONT_FAMILIES, TEXT, TEXT_MUTED

pg.setConfigOptions(antialias=True, background="w", foreground=TEXT_MUTED)

DAY = 86_400
PREVIOUS = "#A9ACB3"
"""The previous period's dashed line: present, but quieter than this period's."""
FILL = (255, 36, 66, 26)
"""Under this period's line: the accent, barely there."""
GRID_ALPHA = 0.12
LABEL_ROOM = 64
"""Pixels a date label needs, to decide how many fit on an axis."""


def chart_font(pixels: int = 11) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(pixels)
    return font


def chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


class DayAxis(pg.DateAxisItem):
    """Days as 3/12, on whole days only, a step apart that keeps the labels readable."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom", utcOffset=0)
        self.first = 0.0
        """The first day's stamp: ticks count their steps from it."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802, N803
        days = max(1, math.floor((maxVal - minVal) / DAY))
        step = tick_step(days, max(2, int(size // LABEL_ROOM)))
        start = self.first + math.ceil((minVal - self.first) / (step * DAY)) * step * DAY
        count = max(0, math.floor((maxVal - start) / (step * DAY)) + 1)
        return [(step * DAY, [start + index * step * DAY for index in range(count)])]

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:  # noqa: N802
        return [short_date(stamp_day(value)) for value in values]


class CountAxis(pg.AxisItem):
    """Counts as 8,000 · 1.5万 (yuan with ¥ when `money`)."""

    def __init__(self, orientation: str = "left", *, money: bool = False) -> None:
        super().__init__(orientation=orientation)
        self.money = money
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:  # noqa: N802
        prefix = "¥" if self.money else ""
        return [prefix + axis_number(value, chinese(), spacing) for value in values]


def style_axis(axis: pg.AxisItem) -> None:
    axis.setPen(pg.mkPen(BORDER))
    axis.setTextPen(pg.mkPen(TEXT_MUTED))
    axis.setStyle(tickFont=chart_font(), tickLength=0, tickTextOffset=8)


def configure(widget: pg.PlotWidget, axes: dict[str, pg.AxisItem]) -> None:
    """Make a plot read-only (no zoom, no menu) with a faint horizontal grid and our axes."""
    widget.setMenuEnabled(False)
    widget.setMouseEnabled(x=False, y=False)
    widget.setFrameShape(widget.Shape.NoFrame)
    item = widget.getPlotItem()
    if axes:
        item.setAxisItems(axes)
    item.hideButtons()
    item.showGrid(x=False, y=True, alpha=GRID_ALPHA)
    for name in ("left", "bottom"):
        style_axis(item.getAxis(name))
    item.getAxis("left").setWidth(52)


def plot_widget(
    parent: QWidget | None, axes: dict[str, pg.AxisItem] | None = None
) -> pg.PlotWidget:
    widget = pg.PlotWidget(parent, background="w")
    configure(widget, axes or {})
    return widget


def day_stamps(days: Sequence[date]) -> list[float]:
    return [day_stamp(day) for day in days]


def hover_value(value: float, money: bool) -> str:
    if money:
        return f"¥{value:,.2f}"
    return f"{round(value):,}"


class TrendChart(pg.PlotWidget):
    """One figure a day over the period (solid, filled) and the previous period's days at the
    same offsets (dashed); the pointer's day shows both values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._axis = DayAxis()
        self._values_axis = CountAxis()
        super().__init__(parent, background="w")
        configure(self, {"bottom": self._axis, "left": self._values_axis})
        item = self.getPlotItem()
        self.previous_curve = item.plot(pen=dashed_pen(PREVIOUS))
        self.curve = item.plot(pen=pg.mkPen(ACCENT, width=2.4), fillLevel=0, brush=FILL)
        self.marker = pg.ScatterPlotItem(
            size=8, brush=pg.mkBrush(ACCENT), pen=pg.mkPen("w", width=2)
        )
        self.crosshair = pg.InfiniteLine(angle=90, pen=pg.mkPen(BORDER, width=1))
        self.tip = pg.TextItem(anchor=(0, 0), fill=pg.mkBrush(255, 255, 255, 235), border=BORDER)
        for extra in (self.crosshair, self.marker, self.tip):
            item.addItem(extra, ignoreBounds=True)
            extra.hide()
        self._days: list[date] = []
        self._values: list[float] = []
        self._previous: list[float] | None = None
        self._label = ""
        self._money = False
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def set_series(
        self,
        days: Sequence[date],
        values: Sequence[float],
        previous: Sequence[float] | None,
        *,
        label: str,
        money: bool = False,
    ) -> None:
        """Draw `values` (one per day) and, when given, `previous` at the same offsets."""
        self._days, self._values, self._label, self._money = list(days), list(values), label, money
        self._previous = list(previous) if previous is not None else None
        stamps = day_stamps(self._days)
        self._axis.first = stamps[0] if stamps else 0.0
        self._values_axis.money = money
        self.curve.setData(stamps, self._values)
        if self._previous is not None:
            self.previous_curve.setData(stamps, self._previous)
            self.previous_curve.show()
        else:
            self.previous_curve.setData([], [])
            self.previous_curve.hide()
        highest = max([*self._values, *(self._previous or []), 0])
        if stamps:
            self.setXRange(stamps[0], stamps[-1], padding=0.02)
        self.setYRange(0, highest * 1.15 if highest else 1, padding=0)
        self._hide_hover()

    def hover_text(self, index: int) -> str:
        """What the pointer on the index-th day shows (plain text, for tests)."""
        return self._hover_lines(index)[1]

    def _hover_lines(self, index: int) -> tuple[str, str]:
        day = self._days[index]
        now = hover_value(self._values[index], self._money)
        plain = f"{short_date(day)} · {self._label} {now}"
        name = html.escape(self._label)
        rich = (
            f'<div style="color:{TEXT_MUTED};font-size:11px">{short_date(day)}</div>'
            f'<div style="color:{TEXT};font-size:13px"><b>{name} {now}</b></div>'
        )
        if self._previous is not None:
            before = hover_value(self._previous[index], self._money)
            earlier = short_date(day.fromordinal(day.toordinal() - len(self._days)))
            compared = self.tr("Previous period {day}: {value}").format(day=earlier, value=before)
            plain += f" · {compared}"
            rich += f'<div style="color:{TEXT_MUTED};font-size:11px">{html.escape(compared)}</div>'
        return rich, plain

    def show_day(self, index: int) -> None:
        """Show the hover for the index-th day, as the pointer does."""
        if not 0 <= index < len(self._days):
            self._hide_hover()
            return
        stamp = day_stamp(self._days[index])
        value = self._values[index]
        self.crosshair.setPos(stamp)
        self.marker.setData([stamp], [value])
        rich, _plain = self._hover_lines(index)
        self.tip.setHtml(rich)
        (left, right), (_bottom, top) = self.viewRange()
        right_half = stamp > (left + right) / 2
        self.tip.setAnchor((1, 0) if right_half else (0, 0))
        shift = (right - left) * 0.01 * (-1 if right_half else 1)
        self.tip.setPos(stamp + shift, top)
        for extra in (self.crosshair, self.marker, self.tip):
            extra.show()

    def _hide_hover(self) -> None:
        for extra in (self.crosshair, self.marker, self.tip):
            extra.hide()

    def _on_mouse_moved(self, position: QPointF) -> None:
        view = self.getPlotItem().getViewBox()
        if not self._days or not view.sceneBoundingRect().contains(position):
            self._hide_hover()
            return
        stamp = view.mapSceneToView(position).x()
        index = round((stamp - day_stamp(self._days[0])) / DAY)
        self.show_day(min(max(index, 0), len(self._days) - 1))

    def leaveEvent(self, event) -> None:  # noqa: ANN001, N802
        super().leaveEvent(event)
        self._hide_hover()


def bar_brush(index: int) -> QColor:
    """The accent for the first bar, a little lighter for each one after it."""
    colour = QColor(ACCENT)
    colour.setAlphaF(max(0.35, 1.0 - index * 0.07))
    return colour


def dashed_pen(colour: str, width: float = 1.6) -> QPen:
    return pg.mkPen(colour, width=width, style=Qt.PenStyle.DashLine)
