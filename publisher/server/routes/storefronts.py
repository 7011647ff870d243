"""Storefronts of the caller's organizations (minimal until the brand issue)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from publisher.schemas import Page, StorefrontCreate, StorefrontPublic, StorefrontUpdate
from publisher.server.deps import CurrentUser, SessionDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import products

router = APIRouter(tags=["products"])


@router.get("/storefronts", response_model=Page[StorefrontPublic])
def list_storefronts(user: CurrentUser, session: SessionDep, offset: Offset = 0, limit: Limit = 50):
    rows, total = products.list_storefronts(session, user, offset=offset, limit=limit)
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.post("/storefronts", status_code=status.HTTP_201_CREATED, response_model=StorefrontPublic)
def create_storefront(data: StorefrontCreate, user: CurrentUser, session: SessionDep):
    return products.create_storefront(session, user, data)


@router.get("/storefronts/{storefront_id}", response_model=StorefrontPublic)
def get_storefront(storefront_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return products.get_storefront(session, user, storefront_id)


@router.patch("/storefronts/{storefront_id}", response_model=StorefrontPublic)
def update_storefront(
    storefront_id: uuid.UUID, data: StorefrontUpdate, user: CurrentUser, session: SessionDep
):
    return products.update_storefront(session, user, storefront_id, data)


@router.delete("/storefronts/{storefront_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_storefront(
    storefront_id: uuid.UUID,
    version: Annotated[int, Query()],
    user: CurrentUser,
    session: SessionDep,
) -> Response:
    products.delete_storefront(session, user, storefront_id, version=version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
