"""The data center's formulas as DESIGN.md defines them, and how events become counters."""

from __future__ import annotations

import pytest

from publisher.domain.metrics import COUNTERS, METRICS, EventKind, change, counter_deltas, figures

SUMS = {
    "impressions": 2000,
    "views": 200,
    "video_views": 50,
    "watch_seconds": 1500,
    "completions": 20,
    "likes": 10,
    "collects": 6,
    "comments": 3,
    "shares": 1,
    "follows": 4,
    "product_clicks": 40,
    "orders": 2,
    "gmv_fen": 25_800,
    "spend_fen": 10_000,
}


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("cover_ctr", 200 / 2000),
        ("interactions", 20),
        ("engagement_rate", 20 / 200),
        ("completion_rate", 20 / 50),
        ("avg_watch_seconds", 1500 / 50),
        ("conversion_rate", 2 / 40),
        ("gmv", 25_800),
        ("roi", 25_800 / 10_000),
        ("cpe", 10_000 / 20),
        ("cpm", 10_000 / 2000 * 1000),
        ("follows", 4),
    ],
)
def test_each_metric_follows_its_definition(key: str, expected: float) -> None:
    assert figures(SUMS)[key] == pytest.approx(expected)


def test_a_ratio_with_nothing_to_divide_by_has_no_value() -> None:
    empty = dict.fromkeys(COUNTERS, 0)
    values = figures(empty)
    assert values["cover_ctr"] is None and values["roi"] is None and values["cpm"] is None
    assert values["impressions"] == 0


def test_every_metric_is_made_of_counters_or_spend() -> None:
    known = set(COUNTERS) | {"spend_fen"}
    for metric in METRICS.values():
        assert set(metric.numerator) | set(metric.denominator) <= known, metric.key


def test_events_become_counters() -> None:
    assert counter_deltas(EventKind.VIEW, None, None) == [("views", 1)]
    assert counter_deltas(EventKind.VIEW, 30, True) == [
        ("views", 1),
        ("video_views", 1),
        ("watch_seconds", 30),
        ("completions", 1),
    ]
    assert counter_deltas(EventKind.ORDER, 12_900, None) == [("orders", 1), ("gmv_fen", 12_900)]
    assert counter_deltas(EventKind.FOLLOW, None, None) == [("follows", 1)]


def test_change_against_the_previous_period() -> None:
    assert change(150, 100) == pytest.approx(0.5)
    assert change(50, 100) == pytest.approx(-0.5)
    assert change(5, 0) is None and change(None, 3) is None
