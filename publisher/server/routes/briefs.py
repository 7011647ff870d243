"""Briefs of the caller's brands, the marketplace of open recruitment briefs, and defaults."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from publisher.brief_schemas import (
    BriefCreate,
    BriefDefaults,
    BriefPublic,
    BriefStatus,
    BriefUpdate,
)
from publisher.schemas import Page
from publisher.server.deps import CurrentUser, SessionDep, StateDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import briefs

router = APIRouter(tags=["briefs"])


@router.get("/briefs/defaults", response_model=BriefDefaults)
def brief_defaults(user: CurrentUser, state: StateDep):
    """What a new brief starts with: the advertising law's absolute terms, the protection
    period's range, the followers a collaborating creator needs."""
    return briefs.defaults(state.rules)


@router.get("/briefs", response_model=Page[BriefPublic])
def list_briefs(
    user: CurrentUser,
    session: SessionDep,
    status_: Annotated[BriefStatus | None, Query(alias="status")] = None,
    organization_id: uuid.UUID | None = None,
    offset: Offset = 0,
    limit: Limit = 50,
):
    """The caller's brands' briefs, newest first."""
    rows, total = briefs.list_briefs(
        session, user, status=status_, organization_id=organization_id, offset=offset, limit=limit
    )
    items = [briefs.brief_public(session, user, row) for row in rows]
    return Page(items=items, total=total, offset=offset, limit=limit)


@router.get("/briefs/marketplace", response_model=Page[BriefPublic])
def marketplace(
    account_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    offset: Offset = 0,
    limit: Limit = 50,
):
    """Open recruitment briefs the account matches and has not answered, soonest deadline
    first."""
    rows, total = briefs.marketplace(
        session, user, account_id=account_id, offset=offset, limit=limit
    )
    items = [briefs.brief_public(session, user, row) for row in rows]
    return Page(items=items, total=total, offset=offset, limit=limit)


@router.post("/briefs", status_code=status.HTTP_201_CREATED, response_model=BriefPublic)
def create_brief(data: BriefCreate, user: CurrentUser, session: SessionDep, state: StateDep):
    brief = briefs.create_brief(session, user, data, rules=state.rules)
    return briefs.brief_public(session, user, brief)


@router.get("/briefs/{brief_id}", response_model=BriefPublic)
def get_brief(brief_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return briefs.brief_public(session, user, briefs.get_brief(session, user, brief_id))


@router.patch("/briefs/{brief_id}", response_model=BriefPublic)
def update_brief(
    brief_id: uuid.UUID, data: BriefUpdate, user: CurrentUser, session: SessionDep, state: StateDep
):
    brief = briefs.update_brief(session, user, brief_id, data, rules=state.rules)
    return briefs.brief_public(session, user, brief)


@router.delete("/briefs/{brief_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_brief(
    brief_id: uuid.UUID, version: Annotated[int, Query()], user: CurrentUser, session: SessionDep
) -> Response:
    briefs.delete_brief(session, user, brief_id, version=version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
