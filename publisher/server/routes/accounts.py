"""Creator accounts the caller may see or manage."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from publisher.schemas import AccountCreate, AccountPublic, Page
from publisher.server.deps import CurrentUser, SessionDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import access, accounts

router = APIRouter(tags=["accounts"])


@router.get("/accounts", response_model=Page[AccountPublic])
def list_accounts(user: CurrentUser, session: SessionDep, offset: Offset = 0, limit: Limit = 50):
    rows, total = accounts.list_accounts(session, user, offset=offset, limit=limit)
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.post("/accounts", status_code=status.HTTP_201_CREATED, response_model=AccountPublic)
def create_account(data: AccountCreate, user: CurrentUser, session: SessionDep):
    return accounts.create_account(session, user, data)


@router.get("/accounts/{account_id}", response_model=AccountPublic)
def get_account(account_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return access.get_account(session, user, account_id)
