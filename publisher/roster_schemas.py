"""Pydantic shapes of the roster: one row per account the caller sees, with the figures an MCN
plans a week by. Same conventions as `publisher.schemas`.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel

from publisher.schemas import _Public


class RosterNote(_Public):
    """A note named in a roster row: the next one due to go out."""

    id: uuid.UUID
    title: str
    at: datetime


class RosterFigures(BaseModel):
    """The account's key figures over the last 7 days: notes published in a rolling window up
    to now; readers' figures over the last 7 days of the account's own calendar (today
    included), as the data center's daily rollups count them."""

    published: int = 0
    views: int = 0
    interactions: int = 0
    """Likes, collects, comments and shares."""
    follows: int = 0


class RosterRow(_Public):
    account_id: uuid.UUID
    nickname: str
    timezone: str
    followers: int
    category: str
    """The account's field (美妆, 美食 …)."""
    region: str
    organization_id: uuid.UUID
    """The caller's organization the account comes through: its own, or the MCN it is
    granted to."""
    organization_name: str
    organization_kind: str
    managed: bool
    """The account is another's, managed through a grant to `organization_id`."""
    posts_this_week: int
    """Published since Monday 00:00 in the account's time zone."""
    next_scheduled: RosterNote | None
    drafts: int
    awaiting_brand: int
    """Submitted rounds waiting for the brand's review."""
    awaiting_creator: int
    """Changes the brand asked for, and invitations to answer."""
    last_7_days: RosterFigures
