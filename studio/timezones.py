"""Accounts' time zones for the app: the Qt-free rule lives in `publisher.domain.timezones`
(the spacing planner needs it too); kept importable from here for the app's modules."""

from __future__ import annotations

from publisher.domain.timezones import DEFAULT_TIMEZONE as DEFAULT_TIMEZONE
from publisher.domain.timezones import zone as zone
