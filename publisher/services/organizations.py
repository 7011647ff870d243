"""The organizations a user acts for, and the role they have in each.

Membership decides visibility: an organization a user is not a member of answers
`organization.not_found`, like one that does not exist, so ids cannot be probed.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from publisher.db.models import Membership, Organization, User
from publisher.schemas import OrganizationPublic
from publisher.services.errors import NotFound


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
