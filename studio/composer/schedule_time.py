"""Scheduling times between the account's wall clock and the server's aware instants.

Qt-free: the schedule box shows and reads local date and time; this turns them into the
aware ISO time the draft keeps (and back), and says which window the rules pack allows.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from publisher.domain.checks import schedule_window
from publisher.domain.rules import RulesPack
from studio.timezones import zone


def planned_iso(day: date, clock: time, timezone: str | None) -> str:
    """The aware ISO time of a wall-clock date and time in `timezone`."""
    return datetime.combine(day, clock, tzinfo=zone(timezone)).isoformat()


def local_parts(iso: str, timezone: str | None) -> tuple[date, time]:
    """The wall-clock date and time of an aware ISO time in `timezone`."""
    local = datetime.fromisoformat(iso).astimezone(zone(timezone))
    return local.date(), local.time().replace(second=0, microsecond=0)


def default_plan(now: datetime, timezone: str | None) -> tuple[date, time]:
    """Tomorrow 20:00 local, the evening hour notes are read most."""
    today = now.astimezone(zone(timezone)).date()
    return today + timedelta(days=1), time(20, 0)


def window_text_parts(rules: RulesPack, now: datetime, timezone: str | None) -> tuple[str, str]:
    """The earliest and latest allowed time, as local "MM-DD HH:mm" texts."""
    earliest, latest = schedule_window(rules, now)
    tz = zone(timezone)
    return (
        earliest.astimezone(tz).strftime("%m-%d %H:%M"),
        latest.astimezone(tz).strftime("%m-%d %H:%M"),
    )
