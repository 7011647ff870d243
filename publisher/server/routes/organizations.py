"""The caller's organizations and each one's brand kit."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from publisher.schemas import BrandKitPublic, BrandKitSave, ErrorPublic, OrganizationPublic
from publisher.server.deps import CurrentUser, SessionDep
from publisher.services import brand_kits, organizations

router = APIRouter(tags=["organizations"])


@router.get("/organizations", response_model=list[OrganizationPublic])
def list_organizations(user: CurrentUser, session: SessionDep):
    return organizations.list_organizations(session, user)


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
