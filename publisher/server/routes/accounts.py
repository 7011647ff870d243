"""Creator accounts the caller may see or manage."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from publisher.schemas import AccountBrief, AccountCreate, AccountPublic, AccountUpdate, Page, Text
from publisher.server.deps import CurrentUser, SessionDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import access, accounts, mentions, products

router = APIRouter(tags=["accounts"])


@router.get("/accounts", response_model=Page[AccountPublic])
def list_accounts(user: CurrentUser, session: SessionDep, offset: Offset = 0, limit: Limit = 50):
    rows, total = accounts.list_accounts(session, user, offset=offset, limit=limit)
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.post("/accounts", status_code=status.HTTP_201_CREATED, response_model=AccountPublic)
def create_account(data: AccountCreate, user: CurrentUser, session: SessionDep):
    return accounts.create_account(session, user, data)


@router.get("/accounts/search", response_model=Page[AccountBrief])
def search_accounts(
    user: CurrentUser,
    session: SessionDep,
    q: Annotated[Text, Query(min_length=1, max_length=100)],
    offset: Offset = 0,
    limit: Limit = 20,
):
    """Any account whose nickname contains `q`, to @mention: id, nickname and avatar only."""
    rows, total = mentions.search_accounts(session, q, offset=offset, limit=limit)
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.get("/accounts/{account_id}", response_model=AccountPublic)
def get_account(account_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return access.get_account(session, user, account_id)


@router.patch("/accounts/{account_id}", response_model=AccountPublic)
def update_account(
    account_id: uuid.UUID, data: AccountUpdate, user: CurrentUser, session: SessionDep
):
    """An owner of the account's organization changes its settings (`can_link_products`)."""
    return products.update_account(session, user, account_id, data)
