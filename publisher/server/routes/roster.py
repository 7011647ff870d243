"""The roster: the caller's accounts, a row each, with their week's figures."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter

from publisher.roster_schemas import RosterRow
from publisher.schemas import Page
from publisher.server.deps import CurrentUser, SessionDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import roster

router = APIRouter(tags=["roster"])


@router.get("/roster", response_model=Page[RosterRow])
def get_roster(user: CurrentUser, session: SessionDep, offset: Offset = 0, limit: Limit = 100):
    """Followers, posts this week (in each account's time zone), the next scheduled note,
    drafts, collaborations waiting on the brand or the creator, and the last 7 days."""
    rows, total = roster.roster(session, user, now=datetime.now(UTC), offset=offset, limit=limit)
    return Page(items=rows, total=total, offset=offset, limit=limit)
