"""Invitations by code or link: join an organization with a role, or put one's accounts under
an MCN's management.

The code is shown once, when it is made; the database keeps its sha256, like a token's. A use
is claimed with one conditional UPDATE, so replicas racing for the last use of a code cannot
both get it.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from publisher.db.models import Invitation, Membership, Organization, User
from publisher.domain.invitation_codes import join_link, new_code, read_code
from publisher.domain.roles import MANAGER_ROLES, may_assign, rank
from publisher.services import grants
from publisher.services.audit import record
from publisher.services.errors import Forbidden, Invalid, NotFound
from publisher.services.organizations import member_organization, member_roles, require_role
from publisher.team_schemas import (
    InvitationAccept,
    InvitationAccepted,
    InvitationCreate,
    InvitationCreated,
    InvitationPreview,
    InvitationPublic,
)


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def _public(row: Invitation, created_by_name: str) -> InvitationPublic:
    return InvitationPublic(
        id=row.id,
        organization_id=row.organization_id,
        kind=row.kind,  # type: ignore[arg-type]
        role=row.role,
        note=row.note,
        created_by_name=created_by_name,
        created_at=row.created_at,
        expires_at=row.expires_at,
        max_uses=row.max_uses,
        uses=row.uses,
    )


def create_invitation(
    session: Session,
    user: User,
    organization_id: uuid.UUID,
    data: InvitationCreate,
    *,
    server_url: str,
) -> InvitationCreated:
    """A new code for the organization; owners and admins only.

    Raises:
        NotFound: `organization.not_found`.
        Forbidden: `organization.forbidden` ({role}) for other members;
            `organization.role_not_allowed` ({role}) for an admin inviting an owner.
        Invalid: `invitation.personal_manage` for a manage invitation to a personal workspace.
    """
    org, role = member_organization(session, user, organization_id)
    if role not in MANAGER_ROLES:
        raise Forbidden("organization.forbidden", {"role": role})
    if data.kind == "member" and not may_assign(role, None, data.role):
        raise Forbidden("organization.role_not_allowed", {"role": data.role})
    if data.kind == "manage" and org.kind == "personal":
        raise Invalid("invitation.personal_manage")
    code = new_code()
    row = Invitation(
        organization_id=org.id,
        kind=data.kind,
        role=data.role if data.kind == "member" else "",
        code_hash=_hash(code),
        note=data.note.strip(),
        created_by=user.id,
        expires_at=datetime.now(UTC) + timedelta(days=data.days),
        max_uses=data.max_uses,
    )
    session.add(row)
    session.flush()
    record(
        session,
        user.id,
        "invitation.create",
        "organization",
        org.id,
        {"kind": data.kind, "role": row.role, "note": row.note, "max_uses": data.max_uses},
    )
    session.commit()
    public = _public(row, user.display_name)
    return InvitationCreated(**public.model_dump(), code=code, link=join_link(server_url, code))


def list_invitations(
    session: Session, user: User, organization_id: uuid.UUID
) -> list[InvitationPublic]:
    """The organization's invitations still usable, newest first; owners and admins only."""
    require_role(session, user, organization_id, MANAGER_ROLES, "organization.forbidden")
    now = datetime.now(UTC)
    rows = session.execute(
        select(Invitation, User.display_name)
        .outerjoin(User, User.id == Invitation.created_by)
        .where(
            Invitation.organization_id == organization_id,
            Invitation.revoked_at.is_(None),
            Invitation.expires_at > now,
            Invitation.uses < Invitation.max_uses,
        )
        .order_by(Invitation.created_at.desc())
    ).all()
    return [_public(row, name or "") for row, name in rows]


def revoke_invitation(session: Session, user: User, invitation_id: uuid.UUID) -> None:
    """Make a code unusable; owners and admins of its organization only."""
    row = session.get(Invitation, invitation_id)
    if row is None:
        raise NotFound("invitation.not_found")
    try:
        require_role(session, user, row.organization_id, MANAGER_ROLES, "organization.forbidden")
    except NotFound as exc:
        raise NotFound("invitation.not_found") from exc
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
        record(
            session,
            user.id,
            "invitation.revoke",
            "organization",
            row.organization_id,
            {"kind": row.kind, "note": row.note},
        )
        session.commit()


def _usable(session: Session, text: str) -> Invitation:
    """The invitation a code (or link) names, if it can still be used.

    Raises:
        Invalid: `invitation.bad_code` (not a code at all), `invitation.revoked`,
            `invitation.expired`, `invitation.used_up`.
        NotFound: `invitation.not_found` (a well-formed code nobody made).
    """
    code = read_code(text)
    if code is None:
        raise Invalid("invitation.bad_code")
    row = session.scalar(select(Invitation).where(Invitation.code_hash == _hash(code)))
    if row is None:
        raise NotFound("invitation.not_found")
    if row.revoked_at is not None:
        raise Invalid("invitation.revoked")
    if row.expires_at <= datetime.now(UTC):
        raise Invalid("invitation.expired", {"expired_at": row.expires_at.isoformat()})
    if row.uses >= row.max_uses:
        raise Invalid("invitation.used_up")
    return row


@dataclass(frozen=True)
class Described:
    code: str
    organization_name: str


def describe(session: Session, text: str) -> Described:
    """The canonical code and whose it is, for the join page (no sign-in there)."""
    row = _usable(session, text)
    org = session.get(Organization, row.organization_id)
    assert org is not None  # the foreign key cascades
    return Described(code=read_code(text) or "", organization_name=org.name)


def preview_invitation(session: Session, user: User, code: str) -> InvitationPreview:
    """What accepting the code would do, for the holder to confirm."""
    row = _usable(session, code)
    org = session.get(Organization, row.organization_id)
    assert org is not None  # the foreign key cascades
    inviter = session.get(User, row.created_by) if row.created_by else None
    return InvitationPreview(
        organization_id=org.id,
        organization_name=org.name,
        organization_kind=org.kind,
        kind=row.kind,  # type: ignore[arg-type]
        role=row.role,
        inviter_name=inviter.display_name if inviter else "",
        expires_at=row.expires_at,
        already_member=org.id in member_roles(session, user),
    )


def _claim(session: Session, row: Invitation) -> None:
    """Take one use of the code, atomically; `invitation.used_up` if another took the last."""
    claimed = cast(
        "CursorResult[Any]",
        session.execute(
            update(Invitation)
            .where(
                Invitation.id == row.id,
                Invitation.uses < Invitation.max_uses,
                Invitation.revoked_at.is_(None),
            )
            .values(uses=Invitation.uses + 1)
        ),
    ).rowcount
    if not claimed:
        session.rollback()
        raise Invalid("invitation.used_up")


def accept_invitation(session: Session, user: User, data: InvitationAccept) -> InvitationAccepted:
    """Join the organization, or put the given accounts under it.

    Raises:
        everything `_usable` raises; `invitation.no_accounts` for a manage invitation without
        accounts; what `grants.grant_accounts` raises for an account the caller may not grant.
    """
    row = _usable(session, data.code)
    org = session.get(Organization, row.organization_id)
    assert org is not None  # the foreign key cascades
    if row.kind == "manage":
        if not data.account_ids:
            raise Invalid("invitation.no_accounts")
        created = grants.grant_accounts(session, user, org, data.account_ids, via=row.id)
        _claim(session, row)
        session.commit()
        return InvitationAccepted(
            organization_id=org.id, organization_name=org.name, kind="manage", grants=created
        )
    current = member_roles(session, user).get(org.id)
    if current is not None and rank(current) >= rank(row.role):
        # Already in with this role or a stronger one: nothing to do, and no use spent.
        return InvitationAccepted(
            organization_id=org.id, organization_name=org.name, kind="member", role=current
        )
    _claim(session, row)
    membership = session.scalar(
        select(Membership).where(
            Membership.organization_id == org.id, Membership.user_id == user.id
        )
    )
    if membership is None:
        session.add(Membership(organization_id=org.id, user_id=user.id, role=row.role))
    else:
        membership.role = row.role
    record(
        session,
        user.id,
        "organization.member_joined",
        "organization",
        org.id,
        {
            "user_id": str(user.id),
            "name": user.display_name,
            "role": row.role,
            "invitation_id": str(row.id),
        },
    )
    session.commit()
    return InvitationAccepted(
        organization_id=org.id, organization_name=org.name, kind="member", role=row.role
    )
