"""The organizations a user acts for, the role they have in each, and their members.

Membership decides visibility: an organization a user is not a member of answers
`organization.not_found`, like one that does not exist, so ids cannot be probed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from publisher.db.models import AuditEntry, Membership, Organization, User
from publisher.domain.roles import MANAGER_ROLES, may_assign
from publisher.schemas import MemberAdd, MemberPublic, OrganizationCreate, OrganizationPublic
from publisher.services.audit import entries_for, record
from publisher.services.errors import Forbidden, Invalid, NotFound


def list_organizations(session: Session, user: User) -> list[OrganizationPublic]:
    """The caller's organizations, the one they joined first (their own workspace) first."""
    rows = session.execute(
        select(Organization, Membership.role)
        .join(Membership, Membership.organization_id == Organization.id)
        .where(Membership.user_id == user.id)
        .order_by(Membership.created_at, Organization.name, Organization.id)
    ).all()
    return [
        OrganizationPublic(id=org.id, name=org.name, kind=org.kind, role=role) for org, role in rows
    ]


def member_organization(
    session: Session, user: User, organization_id: uuid.UUID
) -> tuple[Organization, str]:
    """An organization the caller is a member of, and their role in it.

    Raises:
        NotFound: `organization.not_found` (missing, or the caller is not a member).
    """
    row = session.execute(
        select(Organization, Membership.role)
        .join(Membership, Membership.organization_id == Organization.id)
        .where(Organization.id == organization_id, Membership.user_id == user.id)
    ).first()
    if row is None:
        raise NotFound("organization.not_found")
    return row[0], row[1]


def members_with(
    session: Session,
    organization_ids: Iterable[uuid.UUID] | Select[uuid.UUID],
    roles: frozenset[str],
) -> set[uuid.UUID]:
    """The users with one of `roles` in any of the organizations: who hears of news."""
    return set(
        session.scalars(
            select(Membership.user_id).where(
                Membership.organization_id.in_(organization_ids), Membership.role.in_(roles)
            )
        )
    )


def member_roles(session: Session, user: User) -> dict[uuid.UUID, str]:
    """The caller's role in each organization they belong to."""
    rows = session.execute(
        select(Membership.organization_id, Membership.role).where(Membership.user_id == user.id)
    ).all()
    return {org_id: role for org_id, role in rows}


def require_role(
    session: Session, user: User, organization_id: uuid.UUID, roles: frozenset[str], code: str
) -> Organization:
    """The organization if the caller has one of `roles` in it.

    Raises:
        NotFound: `organization.not_found` (not a member).
        Forbidden: `code` ({role}) for a member with another role.
    """
    org, role = member_organization(session, user, organization_id)
    if role not in roles:
        raise Forbidden(code, {"role": role})
    return org


def create_organization(session: Session, user: User, data: OrganizationCreate) -> Organization:
    org = Organization(name=data.name, kind=data.kind)
    session.add(org)
    session.flush()
    session.add(Membership(organization_id=org.id, user_id=user.id, role="owner"))
    record(session, user.id, "organization.create", "organization", org.id, {"kind": data.kind})
    session.commit()
    return org


def list_members(session: Session, user: User, organization_id: uuid.UUID) -> list[MemberPublic]:
    member_organization(session, user, organization_id)
    rows = session.execute(
        select(User, Membership.role)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.organization_id == organization_id)
        .order_by(Membership.created_at, User.email)
    ).all()
    return [
        MemberPublic(user_id=u.id, email=u.email, display_name=u.display_name, role=role)
        for u, role in rows
    ]


def _owners(session: Session, organization_id: uuid.UUID) -> set[uuid.UUID]:
    return set(
        session.scalars(
            select(Membership.user_id).where(
                Membership.organization_id == organization_id, Membership.role == "owner"
            )
        )
    )


def _change_membership(
    session: Session,
    user: User,
    organization_id: uuid.UUID,
    member: User,
    role: str | None,
) -> None:
    """Give `member` the role (None: remove them), as the caller may; the caller commits.

    Raises:
        NotFound: `organization.not_found`.
        Forbidden: `organization.forbidden` ({role}) for members who may not manage members;
            `organization.role_not_allowed` ({role}) for an admin making or unmaking an owner.
        Invalid: `organization.last_owner` when it would leave the organization without one.
    """
    _org, actor = member_organization(session, user, organization_id)
    row = session.scalar(
        select(Membership).where(
            Membership.organization_id == organization_id, Membership.user_id == member.id
        )
    )
    before = row.role if row else None
    leaving = role is None and member.id == user.id
    if not leaving:
        if actor not in MANAGER_ROLES:
            raise Forbidden("organization.forbidden", {"role": actor})
        if not may_assign(actor, before, role):
            raise Forbidden("organization.role_not_allowed", {"role": role or before})
    if before == "owner" and role != "owner" and _owners(session, organization_id) == {member.id}:
        raise Invalid("organization.last_owner")
    if row is None and role is not None:
        session.add(Membership(organization_id=organization_id, user_id=member.id, role=role))
    elif row is not None and role is None:
        session.delete(row)
    elif row is not None and role is not None:
        row.role = role
    record(
        session,
        user.id,
        "organization.member_set" if role else "organization.member_removed",
        "organization",
        organization_id,
        {"user_id": str(member.id), "name": member.display_name, "role": role, "before": before},
    )


def add_member(
    session: Session, user: User, organization_id: uuid.UUID, data: MemberAdd
) -> MemberPublic:
    """Add a registered user, or change their role if they are a member already.

    Raises:
        NotFound: `organization.not_found`; `user.not_found` ({email}) for an unknown address.
        and what `_change_membership` raises.
    """
    member_organization(session, user, organization_id)
    email = data.email.strip().lower()
    member = session.scalar(select(User).where(func.lower(User.email) == email))
    if member is None:
        raise NotFound("user.not_found", {"email": email})
    _change_membership(session, user, organization_id, member, data.role)
    session.commit()
    return MemberPublic(
        user_id=member.id, email=member.email, display_name=member.display_name, role=data.role
    )


def _member(session: Session, organization_id: uuid.UUID, user_id: uuid.UUID) -> User:
    member = session.scalar(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.organization_id == organization_id, User.id == user_id)
    )
    if member is None:
        raise NotFound("member.not_found")
    return member


def set_member_role(
    session: Session, user: User, organization_id: uuid.UUID, user_id: uuid.UUID, role: str
) -> MemberPublic:
    """Change a member's role (what `_change_membership` raises, and `member.not_found`)."""
    member_organization(session, user, organization_id)
    member = _member(session, organization_id, user_id)
    _change_membership(session, user, organization_id, member, role)
    session.commit()
    return MemberPublic(
        user_id=member.id, email=member.email, display_name=member.display_name, role=role
    )


def remove_member(
    session: Session, user: User, organization_id: uuid.UUID, user_id: uuid.UUID
) -> None:
    """Remove a member, or leave (any member may leave but the last owner)."""
    member_organization(session, user, organization_id)
    member = _member(session, organization_id, user_id)
    _change_membership(session, user, organization_id, member, None)
    session.commit()


def organization_audit(
    session: Session, user: User, organization_id: uuid.UUID
) -> list[tuple[AuditEntry, str]]:
    """Who changed the organization's membership, invitations and grants; managers only."""
    require_role(session, user, organization_id, MANAGER_ROLES, "organization.forbidden")
    return entries_for(session, organization_id)
