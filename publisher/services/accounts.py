"""Creator accounts: listing what the caller may see and adding accounts to their workspace."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from publisher.db.models import Account, User
from publisher.domain.roles import EDITOR_ROLES
from publisher.schemas import AccountCreate
from publisher.services.access import personal_organization_id, visible_account_ids
from publisher.services.organizations import require_role


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
    """In `data.organization_id` (an MCN's) where the caller edits, else their own workspace.

    Raises: NotFound `organization.not_found`; Forbidden `account.forbidden` ({role}).
    """
    if data.organization_id is None:
        org_id = personal_organization_id(session, user)
    else:
        org_id = require_role(
            session, user, data.organization_id, EDITOR_ROLES, "account.forbidden"
        ).id
    account = Account(
        organization_id=org_id,
        nickname=data.nickname.strip(),
        platform_user_id=data.platform_user_id,
        timezone=data.timezone,
        followers=data.followers,
        category=data.category,
        region=data.region,
    )
    session.add(account)
    session.commit()
    return account
