"""How collaboration screens and notifications word times: platform time (Asia/Shanghai),
whatever the machine's zone, since briefs' deadlines are the platform's. Qt-free."""

from __future__ import annotations

from datetime import UTC, datetime

from studio.timezones import zone


def aware(moment: datetime) -> datetime:
    """The backend's times are UTC; a time parsed without a zone is read as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def shown_time(moment: datetime | None) -> str:
    """2026-11-27 18:30 in platform time; "" for no time."""
    return aware(moment).astimezone(zone(None)).strftime("%Y-%m-%d %H:%M") if moment else ""


def shown_date(moment: datetime | None) -> str:
    return aware(moment).astimezone(zone(None)).strftime("%Y-%m-%d") if moment else ""
