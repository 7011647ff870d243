"""The period the data center looks at: the last 7, 30 or 90 days, or a range picked by hand,
and the period of the same length just before it that figures are compared with.

Days are platform days (Beijing), as the server's rollups count them and as its default
period ends, so "the last 7 days" here and there are the same seven days. Qt-free.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from publisher.domain.periods import MAX_PERIOD_DAYS
from publisher.domain.periods import Period as Period  # the app's periods are the server's
from publisher.domain.periods import platform_today as platform_today

PRESETS = (7, 30, 90)
DEFAULT_DAYS = 30
MAX_DAYS = MAX_PERIOD_DAYS
"""The longest period the server answers for (`stats.bad_period` beyond it)."""


def last_days(days: int, today: date) -> Period:
    """The last `days` days up to and including `today`."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"a period is 1 to {MAX_DAYS} days, not {days}")
    return Period(today - timedelta(days=days - 1), today, preset=days)


def custom(start: date, end: date, today: date, *, moved: str = "start") -> Period:
    """A range picked by hand, made valid rather than refused: it ends by `today`, its edges
    are in order and it spans at most `MAX_DAYS` — the edge the user did not just `moved`
    ("start" or "end") follows the one they did."""
    start, end = min(start, today), min(end, today)
    if moved == "end":
        start = min(start, end)
        start = max(start, end - timedelta(days=MAX_DAYS - 1))
    else:
        end = max(end, start)
        end = min(end, start + timedelta(days=MAX_DAYS - 1), today)
    return Period(start, end)


def day_stamp(day: date) -> float:
    """Seconds since the epoch at the day's UTC midnight: a day's place on a date axis that
    reads dates back in UTC (so no local zone can move a label to the day before)."""
    return datetime.combine(day, time(), UTC).timestamp()


def stamp_day(stamp: float) -> date:
    return datetime.fromtimestamp(stamp, UTC).date()


def tick_step(days: int, room: int) -> int:
    """Days between two labelled ticks so that at most `room` labels fit: 1, 2, 7, 14 or a
    multiple of 30 — steps people read weeks and months by."""
    for step in (1, 2, 7, 14):
        if days / step <= room:
            return step
    months = 1
    while days / (30 * months) > room:
        months += 1
    return 30 * months


def short_date(day: date) -> str:
    """3/12: how a chart's axis and hover name a day."""
    return f"{day.month}/{day.day}"


def range_text(period: Period, today: date) -> str:
    """3/1 – 3/30, or with years when the range is not all in the current year."""
    if period.start.year == period.end.year == today.year:
        return f"{short_date(period.start)} – {short_date(period.end)}"
    return (
        f"{period.start.year}/{short_date(period.start)} – "
        f"{period.end.year}/{short_date(period.end)}"
    )
