"""Products of the caller's storefronts: search by name or SKU, CRUD with compare-and-set."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from publisher.schemas import Page, ProductCreate, ProductPublic, ProductUpdate, Text
from publisher.server.deps import CurrentUser, SessionDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import products

router = APIRouter(tags=["products"])


@router.get("/products", response_model=Page[ProductPublic])
def list_products(
    user: CurrentUser,
    session: SessionDep,
    q: Annotated[Text | None, Query(max_length=100)] = None,
    storefront_id: uuid.UUID | None = None,
    offset: Offset = 0,
    limit: Limit = 50,
):
    """Products whose name or SKU contains `q` (any case), optionally of one storefront."""
    rows, total = products.list_products(
        session, user, query=q, storefront_id=storefront_id, offset=offset, limit=limit
    )
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.post("/products", status_code=status.HTTP_201_CREATED, response_model=ProductPublic)
def create_product(data: ProductCreate, user: CurrentUser, session: SessionDep):
    return products.create_product(session, user, data)


@router.get("/products/{product_id}", response_model=ProductPublic)
def get_product(product_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return products.get_product(session, user, product_id)


@router.patch("/products/{product_id}", response_model=ProductPublic)
def update_product(
    product_id: uuid.UUID, data: ProductUpdate, user: CurrentUser, session: SessionDep
):
    return products.update_product(session, user, product_id, data)


@router.delete("/products/{product_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_product(
    product_id: uuid.UUID, version: Annotated[int, Query()], user: CurrentUser, session: SessionDep
) -> Response:
    products.delete_product(session, user, product_id, version=version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
