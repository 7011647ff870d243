"""Who may see and change what: the one place visibility is decided, used by every service.

A user sees the accounts of the organizations they are a member of, and the accounts a creator
granted to one of those organizations (an MCN managing them), and the notes of those accounts.
Anything else answers 404, so ids cannot be probed. What a user may *change* on an account
follows their role: through their own organization or through the grant, whichever is
stronger; a member who may see but not change gets 403.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Select, or_, select, union_all
from sqlalchemy.orm import Session

from publisher.db.models import Account, AccountGrant, Membership, Note, Organization, User
from publisher.domain.roles import EDITOR_ROLES, strongest
from publisher.services.errors import Forbidden, NotFound


def member_org_ids(user: User) -> Select[uuid.UUID]:
    """The organizations the user is a member of, in any role."""
    return select(Membership.organization_id).where(Membership.user_id == user.id)


def granted_account_ids(org_ids: Select[uuid.UUID]) -> Select[uuid.UUID]:
    """Accounts under the active management of any of these organizations."""
    return select(AccountGrant.account_id).where(
        AccountGrant.organization_id.in_(org_ids), AccountGrant.revoked_at.is_(None)
    )


def account_org_ids(account: Account) -> Select[uuid.UUID]:
    """The organizations acting for an account: its own and those managing it."""
    granted = select(AccountGrant.organization_id).where(
        AccountGrant.account_id == account.id, AccountGrant.revoked_at.is_(None)
    )
    own = select(Organization.id).where(Organization.id == account.organization_id)
    return select(own.union(granted).subquery().c[0])


def visible_account_ids(user: User) -> Select[uuid.UUID]:
    orgs = member_org_ids(user)
    return select(Account.id).where(
        or_(Account.organization_id.in_(orgs), Account.id.in_(granted_account_ids(orgs)))
    )


def account_role(session: Session, user: User, account: Account) -> str | None:
    """The caller's role on one account (None: they do not see it)."""
    direct = select(Membership.role).where(
        Membership.user_id == user.id, Membership.organization_id == account.organization_id
    )
    granted = (
        select(Membership.role)
        .join(AccountGrant, AccountGrant.organization_id == Membership.organization_id)
        .where(
            Membership.user_id == user.id,
            AccountGrant.account_id == account.id,
            AccountGrant.revoked_at.is_(None),
        )
    )
    return strongest(session.scalars(union_all(direct, granted)).all())


def get_account(
    session: Session, user: User, account_id: uuid.UUID, *, write: bool = False
) -> Account:
    """An account the caller sees; with `write`, one they may also change.

    Raises:
        NotFound: `account.not_found` (missing or not visible).
        Forbidden: `account.forbidden` ({role}) when `write` and the caller's role is below editor.
    """
    account = session.scalar(
        select(Account).where(Account.id == account_id, Account.id.in_(visible_account_ids(user)))
    )
    if account is None:
        raise NotFound("account.not_found")
    if write:
        _require_editor(session, user, account, "account.forbidden")
    return account


def get_note(session: Session, user: User, note_id: uuid.UUID, *, write: bool = False) -> Note:
    """A note the caller sees; with `write`, one they may also change.

    Raises:
        NotFound: `note.not_found` (missing or not visible).
        Forbidden: `note.forbidden` ({role}) when `write` and the caller's role is below editor.
    """
    note = session.scalar(
        select(Note).where(Note.id == note_id, Note.account_id.in_(visible_account_ids(user)))
    )
    if note is None:
        raise NotFound("note.not_found")
    if write:
        account = session.get(Account, note.account_id)
        assert account is not None  # the foreign key cascades
        _require_editor(session, user, account, "note.forbidden")
    return note


def _require_editor(session: Session, user: User, account: Account, code: str) -> None:
    role = account_role(session, user, account)
    if role not in EDITOR_ROLES:
        raise Forbidden(code, {"role": role or ""})


def personal_organization_id(session: Session, user: User) -> uuid.UUID:
    """The organization a user's new accounts belong to: the first one they own."""
    org_id = session.scalar(
        select(Membership.organization_id)
        .where(Membership.user_id == user.id, Membership.role == "owner")
        .order_by(Membership.created_at)
        .limit(1)
    )
    if org_id is None:
        raise NotFound("organization.not_found")
    return org_id
