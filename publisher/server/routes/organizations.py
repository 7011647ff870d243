"""The caller's organizations, their members, and each one's brand kit."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from publisher.schemas import (
    BrandKitPublic,
    BrandKitSave,
    ErrorPublic,
    MemberAdd,
    MemberPublic,
    OrganizationCreate,
    OrganizationPublic,
)
from publisher.server.deps import CurrentUser, SessionDep
from publisher.services import brand_kits, organizations

router = APIRouter(tags=["organizations"])


@router.get("/organizations", response_model=list[OrganizationPublic])
def list_organizations(user: CurrentUser, session: SessionDep):
    return organizations.list_organizations(session, user)


@router.post(
    "/organizations", status_code=status.HTTP_201_CREATED, response_model=OrganizationPublic
)
def create_organization(data: OrganizationCreate, user: CurrentUser, session: SessionDep):
    """A brand or MCN organization (or another workspace); the caller becomes its owner."""
    org = organizations.create_organization(session, user, data)
    return OrganizationPublic(id=org.id, name=org.name, kind=org.kind, role="owner")


@router.get("/organizations/{organization_id}/members", response_model=list[MemberPublic])
def list_members(organization_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return organizations.list_members(session, user, organization_id)


@router.put(
    "/organizations/{organization_id}/members",
    response_model=MemberPublic,
    responses={403: {"model": ErrorPublic}},
)
def add_member(organization_id: uuid.UUID, data: MemberAdd, user: CurrentUser, session: SessionDep):
    """Add a registered user by email with a role, or change a member's role; owners and
    admins only (`organization.forbidden`, 403)."""
    return organizations.add_member(session, user, organization_id, data)


@router.get("/organizations/{organization_id}/brand-kit", response_model=BrandKitPublic)
def get_brand_kit(organization_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    """The kit, or the defaults at `version` 0 while the organization has none."""
    return brand_kits.get_brand_kit(session, user, organization_id)


@router.put(
    "/organizations/{organization_id}/brand-kit",
    response_model=BrandKitPublic,
    responses={403: {"model": ErrorPublic}},
)
def save_brand_kit(
    organization_id: uuid.UUID, data: BrandKitSave, user: CurrentUser, session: SessionDep
):
    """Create the kit (`version` 0) or replace it (its current `version`); owners, admins and
    editors only (`brand_kit.forbidden`, 403, for other members)."""
    return brand_kits.save_brand_kit(session, user, organization_id, data)
