"""The organizations a user acts for, the role they have in each, and their members.

Membership decides visibility: an organization a user is not a member of answers
`organization.not_found`, like one that does not exist, so ids cannot be probed.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from publisher.db.models import Membership, Organization, User
from publisher.schemas import MemberAdd, MemberPublic, OrganizationCreate, OrganizationPublic
from publisher.services.audit import record
from publisher.services.errors import Forbidden, NotFound


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


EDITOR_ROLES = frozenset({"owner", "admin", "editor"})
"""Who may change an organization's things: its accounts' notes, briefs, storefront, kit."""
REVIEWER_ROLES = EDITOR_ROLES | {"reviewer"}
"""Who may also decide on submissions to the organization's briefs."""
MANAGER_ROLES = frozenset({"owner", "admin"})
"""Who may change the membership."""


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


def add_member(
    session: Session, user: User, organization_id: uuid.UUID, data: MemberAdd
) -> MemberPublic:
    """Add a registered user, or change their role if they are a member already.

    Raises:
        NotFound: `organization.not_found`; `user.not_found` ({email}) for an unknown address.
        Forbidden: `organization.forbidden` for members who are not owners or admins.
    """
    require_role(session, user, organization_id, MANAGER_ROLES, "organization.forbidden")
    email = data.email.strip().lower()
    member = session.scalar(select(User).where(func.lower(User.email) == email))
    if member is None:
        raise NotFound("user.not_found", {"email": email})
    row = session.scalar(
        select(Membership).where(
            Membership.organization_id == organization_id, Membership.user_id == member.id
        )
    )
    if row is None:
        session.add(Membership(organization_id=organization_id, user_id=member.id, role=data.role))
    else:
        row.role = data.role
    record(
        session,
        user.id,
        "organization.member_set",
        "organization",
        organization_id,
        {"user_id": str(member.id), "role": data.role},
    )
    session.commit()
    return MemberPublic(
        user_id=member.id, email=member.email, display_name=member.display_name, role=data.role
    )
