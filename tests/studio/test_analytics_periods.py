"""The data center's plain decisions: periods and the one they are compared with, ranges picked
by hand made valid, axis steps and labels, the KPI tiles a period has, the best slots."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from publisher.domain.metrics import METRICS, figures
from publisher.stats_schemas import AccountStatsRow, MetricDefinition, StatsSummary
from studio.analytics.figures import (
    axis_number,
    best_slots,
    change_tone,
    day_value,
    hour_range,
    is_empty,
    per_note,
    slipping,
    tiles,
)
from studio.analytics.periods import (
    MAX_DAYS,
    Period,
    custom,
    day_stamp,
    last_days,
    platform_today,
    range_text,
    stamp_day,
    tick_step,
)

TODAY = date(2026, 3, 15)


def test_the_last_days_end_today_and_are_compared_with_the_days_before():
    week = last_days(7, TODAY)
    assert (week.start, week.end, week.days, week.preset) == (date(2026, 3, 9), TODAY, 7, 7)
    before = week.previous()
    assert (before.start, before.end, before.days) == (date(2026, 3, 2), date(2026, 3, 8), 7)
    assert week.aligned(before.start) == week.start
    assert week.each_day()[0] == week.start and week.each_day()[-1] == TODAY
    month = last_days(30, TODAY)
    assert month.previous().end == month.start - timedelta(days=1)
    assert month.previous().days == 30
    with pytest.raises(ValueError):
        last_days(MAX_DAYS + 1, TODAY)


def test_a_period_is_the_same_whether_picked_as_a_preset_or_by_hand():
    assert last_days(7, TODAY) == Period(date(2026, 3, 9), TODAY)
    assert custom(date(2026, 3, 9), TODAY, TODAY).preset is None


def test_a_range_picked_by_hand_is_made_valid_around_the_edge_just_moved():
    # The start moved past the end: the end follows it.
    moved = custom(date(2026, 3, 10), date(2026, 3, 5), TODAY, moved="start")
    assert (moved.start, moved.end) == (date(2026, 3, 10), date(2026, 3, 10))
    # The end moved before the start: the start follows it.
    moved = custom(date(2026, 3, 10), date(2026, 3, 5), TODAY, moved="end")
    assert (moved.start, moved.end) == (date(2026, 3, 5), date(2026, 3, 5))
    # Never past today, never longer than the server answers for.
    future = custom(date(2026, 3, 1), date(2026, 4, 1), TODAY, moved="end")
    assert future.end == TODAY
    long_ago = date(2024, 1, 1)
    too_long = custom(long_ago, TODAY, TODAY, moved="start")
    assert too_long.start == long_ago and too_long.days == MAX_DAYS
    too_long = custom(long_ago, TODAY, TODAY, moved="end")
    assert too_long.end == TODAY and too_long.days == MAX_DAYS


def test_today_is_the_platforms_day():
    late_evening_utc = datetime(2026, 3, 15, 17, 30, tzinfo=UTC)  # 01:30 on the 16th in Beijing
    assert platform_today(late_evening_utc) == date(2026, 3, 16)


def test_days_on_the_axis():
    assert stamp_day(day_stamp(TODAY)) == TODAY
    assert day_stamp(TODAY + timedelta(days=1)) - day_stamp(TODAY) == 86_400
    assert tick_step(7, 10) == 1
    assert tick_step(30, 10) == 7
    assert tick_step(90, 10) == 14
    assert tick_step(366, 6) == 90
    assert range_text(last_days(7, TODAY), TODAY) == "3/9 – 3/15"
    spanning = Period(date(2025, 12, 20), date(2026, 1, 5))
    assert range_text(spanning, TODAY) == "2025/12/20 – 2026/1/5"


def test_axis_numbers_read_as_the_platform_writes_them():
    assert axis_number(8_000, True) == "8,000"
    assert axis_number(15_000, True) == "1.5万"
    assert axis_number(20_000, True) == "2万"
    assert axis_number(300_000_000, True) == "3亿"
    assert axis_number(1_500, False) == "1.5K"
    assert axis_number(2.5, False) == "2.5"
    # Ticks closer than a tenth of the unit are written in full.
    assert axis_number(18_104, True, spacing=2) == "18,104"
    assert axis_number(18_000, True, spacing=2_000) == "1.8万"


def _summary(totals: dict[str, int], previous: dict[str, int]) -> StatsSummary:
    definitions = [
        MetricDefinition(
            key=m.key,
            numerator=list(m.numerator),
            denominator=list(m.denominator),
            factor=m.factor,
            kind=m.kind,
            version=m.version,
        )
        for m in METRICS.values()
    ]
    return StatsSummary(
        start=TODAY,
        end=TODAY,
        previous_start=TODAY,
        previous_end=TODAY,
        totals=totals,
        previous_totals=previous,
        figures=figures(totals),
        previous_figures=figures(previous),
        series=[],
        previous_series=[],
        definitions=definitions,
        counting_version=1,
        notes_published=0,
    )


def test_video_and_spend_tiles_appear_only_when_they_mean_something():
    plain = _summary({"impressions": 100, "views": 20}, {"impressions": 50, "views": 10})
    keys = [tile.key for tile in tiles(plain)]
    assert keys[:6] == [
        "impressions",
        "views",
        "cover_ctr",
        "interactions",
        "engagement_rate",
        "follows",
    ]
    assert not {"completion_rate", "avg_watch_seconds", "spend", "roi"} & set(keys)
    views = next(tile for tile in tiles(plain) if tile.key == "views")
    assert views.change == pytest.approx(1.0)
    assert views.definition is not None and views.definition.numerator == ["views"]
    rich = _summary({"views": 20, "video_views": 5, "spend_fen": 100}, {})
    assert {"completion_rate", "avg_watch_seconds", "spend", "roi"} <= {
        tile.key for tile in tiles(rich)
    }
    assert not is_empty(plain)
    assert is_empty(_summary({"views": 0}, {"views": 0}))


def test_changes_have_a_tone_and_money_is_drawn_in_yuan():
    assert change_tone(0.12) == "up"
    assert change_tone(-0.3) == "down"
    assert change_tone(0.0001) == "flat"
    assert day_value("gmv", {"gmv_fen": 9_900}) == 99.0
    assert day_value("interactions", {"likes": 2, "shares": 1}) == 3
    assert per_note(900, 2) == 450 and per_note(0, 0) is None


def test_best_slots_rank_by_the_figure_shown_then_the_other():
    interactions = [[0] * 24 for _ in range(7)]
    views = [[0] * 24 for _ in range(7)]
    interactions[2][21] = 9  # Wednesday 21:00
    interactions[4][20] = 9  # Friday 20:00, more views: ranks first of the two
    views[4][20] = 50
    views[6][9] = 80  # Sunday morning: views only
    assert best_slots(interactions, views, 3) == [(4, 20), (2, 21), (6, 9)]
    assert best_slots(views, interactions, 1) == [(6, 9)]
    assert best_slots([[0] * 24] * 7, [[0] * 24] * 7) == []
    assert hour_range(21) == "21:00–22:00" and hour_range(23) == "23:00–00:00"


def test_what_slipped_says_how_far():
    row = AccountStatsRow(
        account_id=uuid.uuid4(),
        nickname="a",
        organization_name="o",
        followers=0,
        totals={},
        previous_totals={},
        figures={"views": 68, "follows": 3},
        previous_figures={"views": 100, "follows": 0},
        spark=[],
        slipping=["views", "follows"],
    )
    assert slipping(row) == [("views", pytest.approx(-0.32))]
