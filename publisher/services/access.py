"""Who may see what: the one place visibility is decided, used by every service.

A user sees the accounts of the organizations they are a member of, and the notes of those
accounts. Anything else answers 404, so ids cannot be probed.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from publisher.db.models import Account, Membership, Note, User
from publisher.services.errors import NotFound


def member_org_ids(user: User) -> Select[uuid.UUID]:
    """The organizations the user is a member of, in any role."""
    return select(Membership.organization_id).where(Membership.user_id == user.id)


def visible_account_ids(user: User) -> Select[uuid.UUID]:
    return select(Account.id).where(Account.organization_id.in_(member_org_ids(user)))


def get_account(session: Session, user: User, account_id: uuid.UUID) -> Account:
    account = session.scalar(
        select(Account).where(Account.id == account_id, Account.id.in_(visible_account_ids(user)))
    )
    if account is None:
        raise NotFound("account.not_found")
    return account


def get_note(session: Session, user: User, note_id: uuid.UUID) -> Note:
    note = session.scalar(
        select(Note).where(Note.id == note_id, Note.account_id.in_(visible_account_ids(user)))
    )
    if note is None:
        raise NotFound("note.not_found")
    return note


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
