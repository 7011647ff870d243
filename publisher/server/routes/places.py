"""Places: search shipped and user places, add a place, an account's recent places."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from publisher.schemas import Page, PlaceCreate, PlacePublic, Text
from publisher.server.deps import CurrentUser, SessionDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import places

router = APIRouter(tags=["places"])


@router.get("/places", response_model=Page[PlacePublic])
def search_places(
    user: CurrentUser,
    session: SessionDep,
    q: Annotated[Text, Query(max_length=100)] = "",
    offset: Offset = 0,
    limit: Limit = 20,
):
    rows, total = places.search_places(session, user, q, offset=offset, limit=limit)
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.post("/places", status_code=status.HTTP_201_CREATED, response_model=PlacePublic)
def add_place(data: PlaceCreate, user: CurrentUser, session: SessionDep):
    return places.add_place(session, user, data)


@router.get("/places/{place_id}", response_model=PlacePublic)
def get_place(place_id: str, user: CurrentUser, session: SessionDep):
    return places.get_place(session, user, place_id)


@router.get("/accounts/{account_id}/recent-places", response_model=list[PlacePublic])
def recent_places(account_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return places.recent_places(session, user, account_id)
