"""What the data center's screens decide about the figures they are given: which KPI tiles a
period has, a metric's value day by day, the best times to post, the accounts that slipped.

The server sends counter sums and the metrics computed from them; whatever is worked out again
here (a day's figure, a change against the previous period) uses the same definitions
(`publisher.domain.metrics`), so a number never differs between two screens. Qt-free.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from publisher.domain.metrics import METRICS, change
from publisher.stats_schemas import AccountStatsRow, DayTotals, MetricDefinition, StatsSummary

TILES = (
    "impressions",
    "views",
    "cover_ctr",
    "interactions",
    "engagement_rate",
    "follows",
    "completion_rate",
    "avg_watch_seconds",
    "product_clicks",
    "orders",
    "gmv",
    "spend",
    "roi",
)
"""The overview's KPI tiles, in the order they are read."""
VIDEO_TILES = frozenset({"completion_rate", "avg_watch_seconds"})
"""Shown only when the period has video views (their denominator)."""
SPEND_TILES = frozenset({"spend", "roi"})
"""Shown only when money was spent in the period."""
CHART_METRICS = (
    "impressions",
    "views",
    "interactions",
    "follows",
    "product_clicks",
    "orders",
    "gmv",
)
"""What the overview's chart can draw day by day."""
COMMERCE_COUNTERS = ("product_clicks", "orders", "gmv_fen")
FEN_PER_YUAN = 100


@dataclass(frozen=True)
class Tile:
    key: str
    value: float | None
    previous: float | None
    definition: MetricDefinition | None

    @property
    def change(self) -> float | None:
        """Against the previous period; None when there is nothing to compare with."""
        return change(self.value, self.previous)


def tiles(summary: StatsSummary) -> list[Tile]:
    """The period's KPI tiles: video figures only with video views, spend and ROI only when
    money was spent (in this period or the one compared with)."""
    definitions = {definition.key: definition for definition in summary.definitions}
    has_video = summary.totals.get("video_views", 0) > 0
    has_spend = bool(summary.totals.get("spend_fen") or summary.previous_totals.get("spend_fen"))
    return [
        Tile(key, summary.figures.get(key), summary.previous_figures.get(key), definitions.get(key))
        for key in TILES
        if (has_video or key not in VIDEO_TILES) and (has_spend or key not in SPEND_TILES)
    ]


FLAT = 0.0005
"""A change below 0.05 % reads +0.0 %: neither up nor down."""


def change_tone(change: float) -> str:
    """ "up" (shown green), "down" (red), or "flat" (grey) for a change that rounds to nothing.
    Higher is better for every figure the screens compare."""
    if abs(change) < FLAT:
        return "flat"
    return "up" if change > 0 else "down"


def is_empty(summary: StatsSummary) -> bool:
    """Nothing happened in the period nor in the one before it: there is nothing to show yet."""
    return not any(summary.totals.values()) and not any(summary.previous_totals.values())


def has_commerce(totals: Mapping[str, int]) -> bool:
    """Whether product clicks, orders or GMV are worth columns of their own."""
    return any(totals.get(name, 0) for name in COMMERCE_COUNTERS)


def day_value(key: str, totals: Mapping[str, int]) -> float:
    """A metric for one day's counters, as a chart draws it: money in yuan, no value as 0."""
    value = METRICS[key].value(totals) or 0.0
    return value / FEN_PER_YUAN if METRICS[key].kind == "money" else value


def daily_values(series: Sequence[DayTotals], key: str) -> list[float]:
    return [day_value(key, day.totals) for day in series]


def best_slots(
    primary: Sequence[Sequence[int]], secondary: Sequence[Sequence[int]], count: int = 5
) -> list[tuple[int, int]]:
    """The strongest (weekday, hour) slots of a 7×24 grid, best first: by the figure shown,
    ties broken by the other one; empty slots never count. With interactions first this is
    the server's own ranking (`BestTimes.best`)."""
    slots = [
        (weekday, hour)
        for weekday in range(7)
        for hour in range(24)
        if primary[weekday][hour] or secondary[weekday][hour]
    ]
    slots.sort(
        key=lambda slot: (primary[slot[0]][slot[1]], secondary[slot[0]][slot[1]]), reverse=True
    )
    return slots[:count]


def hour_range(hour: int) -> str:
    """21:00–22:00: one hour of a day, as a slot to post in."""
    return f"{hour:02d}:00–{(hour + 1) % 24:02d}:00"


def axis_number(value: float, chinese: bool, spacing: float = math.inf) -> str:
    """An axis label: 8,000 · 1.5万 · 3亿 in Chinese, 1.5K · 3M in English; no trailing .0.
    Ticks closer together (`spacing`) than one decimal of the unit tells apart are written in
    full: 18,104 and 18,106, not 1.8万 twice."""
    steps = (
        ((100_000_000, "亿"), (10_000, "万"))
        if chinese
        else ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K"))
    )
    for size, unit in steps:
        if abs(value) >= size and spacing >= size / 10:
            text = f"{value / size:.1f}".removesuffix(".0")
            return f"{text}{unit}"
    if value != int(value):
        return f"{value:.1f}"
    return f"{int(value):,}"


def per_note(views: int, notes: int) -> float | None:
    """A topic's average views per note."""
    return views / notes if notes else None


ACCOUNT_FIGURES = ("views", "interactions", "engagement_rate", "follows")
"""The figures the accounts comparison shows, each beside its change."""


def account_change(row: AccountStatsRow, key: str) -> float | None:
    return change(row.figures.get(key), row.previous_figures.get(key))


def slipping(row: AccountStatsRow) -> list[tuple[str, float]]:
    """The figures the server marked as slipping, with how far each fell."""
    fallen = []
    for key in row.slipping:
        delta = account_change(row, key)
        if delta is not None:
            fallen.append((key, delta))
    return fallen
