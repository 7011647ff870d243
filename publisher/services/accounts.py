"""Creator accounts: listing what the caller may see and adding accounts to their workspace."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from publisher.db.models import Account, User
from publisher.schemas import AccountCreate
from publisher.services.access import personal_organization_id, visible_account_ids


def list_accounts(
    session: Session, user: User, *, offset: int, limit: int
) -> tuple[list[Account], int]:
    where = Account.id.in_(visible_account_ids(user))
    total = session.scalar(select(func.count()).select_from(Account).where(where)) or 0
    rows = session.scalars(
        select(Account)
        .where(where)
        .order_by(Account.created_at, Account.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), total


def create_account(session: Session, user: User, data: AccountCreate) -> Account:
    account = Account(
        organization_id=personal_organization_id(session, user),
        nickname=data.nickname.strip(),
        platform_user_id=data.platform_user_id,
        timezone=data.timezone,
    )
    session.add(account)
    session.commit()
    return account
