"""Accounts a creator put under an MCN's management, and ending that.

A grant is the creator's consent: made by the account's own owners or admins (accepting the
MCN's invitation), ended by them or by the MCN's owners and admins. While it lasts, the MCN's
members see the account and act on it with their role in the MCN (`access`).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, aliased

from publisher.db.models import Account, AccountGrant, Organization, User
from publisher.domain.roles import MANAGER_ROLES
from publisher.services.access import get_account, member_org_ids
from publisher.services.audit import record
from publisher.services.errors import Forbidden, Invalid, NotFound
from publisher.services.notifications import notify
from publisher.services.organizations import member_roles, members_with
from publisher.team_schemas import GrantPublic


def grant_accounts(
    session: Session,
    user: User,
    organization: Organization,
    account_ids: list[uuid.UUID],
    *,
    via: uuid.UUID | None,
) -> list[GrantPublic]:
    """Put the accounts under the organization's management (already managed ones stay as
    they are); the caller commits.

    Raises:
        NotFound: `account.not_found`.
        Forbidden: `grant.forbidden` ({account}) unless the caller is an owner or admin of the
            account's own organization.
        Invalid: `grant.own_account` ({account}) for an account of that organization itself.
    """
    roles = member_roles(session, user)
    created: list[uuid.UUID] = []
    for account_id in dict.fromkeys(account_ids):
        account = get_account(session, user, account_id)
        if roles.get(account.organization_id) not in MANAGER_ROLES:
            raise Forbidden("grant.forbidden", {"account": account.nickname})
        if account.organization_id == organization.id:
            raise Invalid("grant.own_account", {"account": account.nickname})
        existing = session.scalar(
            select(AccountGrant.id).where(
                AccountGrant.account_id == account.id,
                AccountGrant.organization_id == organization.id,
                AccountGrant.revoked_at.is_(None),
            )
        )
        if existing is not None:
            created.append(existing)
            continue
        grant = AccountGrant(
            account_id=account.id, organization_id=organization.id, granted_by=user.id
        )
        session.add(grant)
        session.flush()
        created.append(grant.id)
        params = {
            "account": account.nickname,
            "account_id": str(account.id),
            "organization": organization.name,
            "invitation_id": str(via) if via else None,
        }
        record(session, user.id, "grant.create", "organization", organization.id, params)
        record(session, user.id, "grant.create", "account", account.id, params)
        for manager in members_with(session, [organization.id], MANAGER_ROLES):
            notify(session, manager, "grant.created", None, params | {"by": user.display_name})
    session.flush()
    return [grant for grant in list_grants(session, user) if grant.id in created]


def _visible_grants(user: User) -> ColumnElement[bool]:
    """Grants of accounts in the caller's organizations, or to the caller's organizations."""
    orgs = member_org_ids(user)
    return or_(
        AccountGrant.organization_id.in_(orgs),
        AccountGrant.account_id.in_(select(Account.id).where(Account.organization_id.in_(orgs))),
    )


def list_grants(session: Session, user: User) -> list[GrantPublic]:
    """Active grants the caller is party to: of their accounts, or to their organizations."""
    granter = aliased(User)
    rows = session.execute(
        select(AccountGrant, Account, Organization, granter.display_name)
        .join(Account, Account.id == AccountGrant.account_id)
        .join(Organization, Organization.id == AccountGrant.organization_id)
        .outerjoin(granter, granter.id == AccountGrant.granted_by)
        .where(AccountGrant.revoked_at.is_(None), _visible_grants(user))
        .order_by(Organization.name, Account.nickname, AccountGrant.id)
    ).all()
    roles = member_roles(session, user)
    return [
        GrantPublic(
            id=grant.id,
            account_id=account.id,
            account_nickname=account.nickname,
            account_organization_id=account.organization_id,
            organization_id=org.id,
            organization_name=org.name,
            granted_by_name=name or "",
            created_at=grant.created_at,
            may_revoke=_may_revoke(roles, account, grant),
        )
        for grant, account, org, name in rows
    ]


def _may_revoke(roles: dict[uuid.UUID, str], account: Account, grant: AccountGrant) -> bool:
    return (
        roles.get(account.organization_id) in MANAGER_ROLES
        or roles.get(grant.organization_id) in MANAGER_ROLES
    )


def revoke_grant(session: Session, user: User, grant_id: uuid.UUID) -> None:
    """End a grant: the MCN's members lose the account at once.

    Raises:
        NotFound: `grant.not_found` (missing, ended, or not the caller's to see).
        Forbidden: `grant.forbidden` for an editor or viewer of either side.
    """
    row = session.execute(
        select(AccountGrant, Account, Organization)
        .join(Account, Account.id == AccountGrant.account_id)
        .join(Organization, Organization.id == AccountGrant.organization_id)
        .where(
            AccountGrant.id == grant_id, AccountGrant.revoked_at.is_(None), _visible_grants(user)
        )
    ).first()
    if row is None:
        raise NotFound("grant.not_found")
    grant, account, org = row
    if not _may_revoke(member_roles(session, user), account, grant):
        raise Forbidden("grant.forbidden", {"account": account.nickname})
    grant.revoked_at = datetime.now(UTC)
    grant.revoked_by = user.id
    params = {"account": account.nickname, "account_id": str(account.id), "organization": org.name}
    record(session, user.id, "grant.revoke", "organization", org.id, params)
    record(session, user.id, "grant.revoke", "account", account.id, params)
    both_sides = [account.organization_id, org.id]
    for member in members_with(session, both_sides, MANAGER_ROLES) - {user.id}:
        notify(session, member, "grant.revoked", None, params | {"by": user.display_name})
    session.commit()
