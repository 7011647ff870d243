"""Accounts' time zones: the IANA name an account keeps, read as a `ZoneInfo`.

An account's posting hours, days and shown times are its own wall clock; a missing or unknown
zone name falls back to platform time (Beijing) rather than failing a plan or a screen.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Asia/Shanghai"
"""Platform time (Beijing), for an account without a time zone."""


def zone(name: str | None) -> ZoneInfo:
    """The account's time zone, or platform time when it is missing or unknown.

    `ZoneInfoNotFoundError` is a name the tz database does not have; `ValueError` is one that
    is not a zone key at all (e.g. a path like "../x"). Both mean "unknown" here.
    """
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)
