"""What the data center counts and how its figures are defined.

Events become **counters** (`counter_deltas`): an impression adds one impression, a view adds
a view and — when it reports watch time — a video view, its seconds and maybe a completion, an
order adds an order and its amount. Counters are what the rollups store, so they add up across
days, notes and accounts. **Metrics** are ratios of counter sums (`METRICS`), computed when a
figure is shown, never stored: a ratio of sums is right for any period, a sum of ratios is not.

Both carry versions. `COUNTING_VERSION` names how events become counters: rollups store it, and
a server finding rows of another version rebuilds them from the raw events. Each metric's
`version` names its formula, which the app shows beside the number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum

COUNTING_VERSION = 1


class EventKind(IntEnum):
    """Stored as small integers; the API speaks the names."""

    IMPRESSION = 1
    VIEW = 2
    LIKE = 3
    COLLECT = 4
    COMMENT = 5
    SHARE = 6
    FOLLOW = 7
    PRODUCT_CLICK = 8
    ORDER = 9


KIND_NAMES: dict[str, EventKind] = {kind.name.lower(): kind for kind in EventKind}

COUNTERS = (
    "impressions",
    "views",
    "video_views",
    "watch_seconds",
    "completions",
    "likes",
    "collects",
    "comments",
    "shares",
    "follows",
    "product_clicks",
    "orders",
    "gmv_fen",
)
"""Every stored counter, in the order of the rollup tables' columns."""

_SIMPLE_COUNTER = {
    EventKind.IMPRESSION: "impressions",
    EventKind.LIKE: "likes",
    EventKind.COLLECT: "collects",
    EventKind.COMMENT: "comments",
    EventKind.SHARE: "shares",
    EventKind.FOLLOW: "follows",
    EventKind.PRODUCT_CLICK: "product_clicks",
}

INTERACTION_KINDS = frozenset(
    {EventKind.LIKE, EventKind.COLLECT, EventKind.COMMENT, EventKind.SHARE}
)
MAX_WATCH_SECONDS = 4 * 3600
"""The longest video the platform takes (`rules`: block > 4 h); a longer watch is a bad event."""
MAX_ORDER_FEN = 10**10
"""¥100 million: above any single order, below any integer overflow."""


def counter_deltas(
    kind: EventKind, value: int | None, completed: bool | None
) -> list[tuple[str, int]]:
    """What one event adds to the counters."""
    if kind is EventKind.VIEW:
        if value is None:
            return [("views", 1)]
        deltas = [("views", 1), ("video_views", 1), ("watch_seconds", value)]
        if completed:
            deltas.append(("completions", 1))
        return deltas
    if kind is EventKind.ORDER:
        return [("orders", 1), ("gmv_fen", value or 0)]
    return [(_SIMPLE_COUNTER[kind], 1)]


@dataclass(frozen=True)
class Metric:
    """A figure as the platform's data center defines it: a sum of counters, or a ratio."""

    key: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...] = ()
    factor: float = 1.0
    kind: str = "count"
    """count | ratio (a fraction, shown as a percentage) | seconds | money (fen) | multiple"""
    version: int = 1

    def value(self, sums: Mapping[str, float]) -> float | None:
        top = sum(sums.get(term, 0) for term in self.numerator)
        if not self.denominator:
            return top
        bottom = sum(sums.get(term, 0) for term in self.denominator)
        return None if bottom == 0 else top / bottom * self.factor


INTERACTION_COUNTERS = ("likes", "collects", "comments", "shares")

METRICS: dict[str, Metric] = {
    metric.key: metric
    for metric in (
        Metric("impressions", ("impressions",)),
        Metric("views", ("views",)),
        Metric("cover_ctr", ("views",), ("impressions",), kind="ratio"),
        Metric("interactions", INTERACTION_COUNTERS),
        Metric("engagement_rate", INTERACTION_COUNTERS, ("views",), kind="ratio"),
        Metric("likes", ("likes",)),
        Metric("collects", ("collects",)),
        Metric("comments", ("comments",)),
        Metric("shares", ("shares",)),
        Metric("follows", ("follows",)),
        Metric("completion_rate", ("completions",), ("video_views",), kind="ratio"),
        Metric("avg_watch_seconds", ("watch_seconds",), ("video_views",), kind="seconds"),
        Metric("product_clicks", ("product_clicks",)),
        Metric("orders", ("orders",)),
        Metric("gmv", ("gmv_fen",), kind="money"),
        Metric("conversion_rate", ("orders",), ("product_clicks",), kind="ratio"),
        Metric("spend", ("spend_fen",), kind="money"),
        Metric("roi", ("gmv_fen",), ("spend_fen",), kind="multiple"),
        Metric("cpe", ("spend_fen",), INTERACTION_COUNTERS, kind="money"),
        Metric("cpm", ("spend_fen",), ("impressions",), factor=1000.0, kind="money"),
    )
}
"""Every figure the data center shows. `spend_fen` is not an event counter: it comes from
spend records and is added to the sums where a figure involves money spent."""


def figures(
    sums: Mapping[str, float], keys: tuple[str, ...] | None = None
) -> dict[str, float | None]:
    """The named metrics (all by default) of one set of counter sums."""
    return {key: METRICS[key].value(sums) for key in keys or tuple(METRICS)}


def change(current: float | None, previous: float | None) -> float | None:
    """Relative change against the previous period; None when there is nothing to compare to."""
    if current is None or previous is None or previous == 0:
        return None
    return (current - previous) / abs(previous)
