"""What the roster counts, as plain rules: the week an account's "posts this week" covers,
the window of its recent figures, and which collaborations wait on whom.

Kept apart from the queries so the definitions are read (and tested) in one place.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from publisher.domain.collaboration import State
from publisher.domain.timezones import zone

RECENT_DAYS = 7
"""The roster's "last 7 days" figures."""

AWAITING_BRAND = frozenset({State.SUBMITTED})
"""A round the brand has to review."""
AWAITING_CREATOR = frozenset({State.CHANGES_REQUESTED, State.INVITED})
"""The creator's move: changes the brand asked for, or an invitation to answer."""


def week_start(now: datetime, timezone: str) -> datetime:
    """Monday 00:00 of `now`'s week where the account lives (Chinese weeks start on Monday),
    as an aware UTC time."""
    local = now.astimezone(zone(timezone))
    monday = (local - timedelta(days=local.weekday())).date()
    start = datetime(monday.year, monday.month, monday.day, tzinfo=local.tzinfo)
    return start.astimezone(UTC)


def recent_start(now: datetime) -> datetime:
    """The start of the last `RECENT_DAYS` days: a rolling window, the same in every zone."""
    return now.astimezone(UTC) - timedelta(days=RECENT_DAYS)
