"""Periods of days the data center answers for, shared by the server and the app.

A period is inclusive days; the one it is compared with is the period of the same length that
ends the day before it starts. Days are the platform's (Beijing) by default, as the server's
default period ends, so "the last 7 days" in the app and on the server are the same days.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from publisher.domain.timezones import DEFAULT_TIMEZONE, zone

MAX_PERIOD_DAYS = 366
EARLIEST_DAY = date(2000, 1, 1)
LATEST_DAY = date(2100, 12, 31)
"""Days a period may span: the previous period of a day near year 1 does not exist."""


@dataclass(frozen=True)
class Period:
    """Inclusive days `start` … `end`; `preset` (7, 30, 90) when it is "the last N days"
    rather than a range picked by hand — not part of its identity."""

    start: date
    end: date
    preset: int | None = field(default=None, compare=False)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def each_day(self) -> list[date]:
        return [self.start + timedelta(days=offset) for offset in range(self.days)]

    def aligned(self, day: date) -> date:
        """The day of this period at the same offset as `day` in the previous period: where
        the previous period's value is drawn beside this one's."""
        return day + timedelta(days=self.days)

    @property
    def valid(self) -> bool:
        """Ends on or after its start, at most `MAX_PERIOD_DAYS` long, within this century's
        neighbourhood."""
        return (
            self.start <= self.end
            and self.days <= MAX_PERIOD_DAYS
            and EARLIEST_DAY <= self.start
            and self.end <= LATEST_DAY
        )


def platform_today(now: datetime | None = None) -> date:
    """Today on the platform's clock: the last day a default period ends on."""
    return (now or datetime.now(UTC)).astimezone(zone(DEFAULT_TIMEZONE)).date()
