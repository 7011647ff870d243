"""Brand kits: an organization's colours, title font and logo, one per organization.

Every member may read the kit (an organization without one reads the defaults, at version 0,
so the app never has to special-case "no kit"); owners, admins and editors may change it, and
the first save creates it. Writes are compare-and-set on `version` like every other row.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editor.brand import BRAND_COLOR_NAMES, DEFAULT_BRAND
from publisher.db.models import BrandKit, Organization, User
from publisher.schemas import BrandKitPublic, BrandKitSave
from publisher.services.errors import Conflict, Forbidden, Invalid, NotFound
from publisher.services.media import get_uploaded
from publisher.services.organizations import member_organization
from publisher.services.versioning import compare_and_set, version_conflict

BRAND_KIT_EDITORS = frozenset({"owner", "admin", "editor"})
"""The roles that may change a kit; reviewers and viewers only read it."""
LOGO_MIME = "image/png"
"""The watermark draws the logo with its transparency, which only a PNG keeps."""
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _defaults(org: Organization) -> BrandKitPublic:
    return BrandKitPublic(
        organization_id=org.id,
        name=org.name,
        colors={role: getattr(DEFAULT_BRAND, role) for role in BRAND_COLOR_NAMES},
        font=DEFAULT_BRAND.font,
        logo_sha256=None,
        version=0,
    )


def _stored(session: Session, org: Organization) -> BrandKit | None:
    return session.scalar(select(BrandKit).where(BrandKit.organization_id == org.id))


def _public(org: Organization, kit: BrandKit | None) -> BrandKitPublic:
    return _defaults(org) if kit is None else BrandKitPublic.model_validate(kit)


def get_brand_kit(session: Session, user: User, organization_id: uuid.UUID) -> BrandKitPublic:
    """The organization's kit, or its defaults at version 0 when it has none yet.

    Raises:
        NotFound: `organization.not_found` (missing, or the caller is not a member).
    """
    org, _role = member_organization(session, user, organization_id)
    return _public(org, _stored(session, org))


def _lost_race(session: Session, user: User, organization_id: uuid.UUID) -> Callable[[], Conflict]:
    """What a write that lost a race answers: 409 with the winner's kit."""
    return lambda: version_conflict(
        "brand_kit", get_brand_kit(session, user, organization_id), BrandKitPublic
    )


def _checked_colors(colors: dict[str, Any]) -> dict[str, str]:
    """Exactly the five roles, each `#RRGGBB`, normalised to upper case."""
    unknown = sorted(set(colors) - set(BRAND_COLOR_NAMES))
    if unknown:
        field = f"colors.{unknown[0]}"
        raise Invalid("brand_kit.invalid", {"field": field, "reason": "unknown_field"})
    for role in BRAND_COLOR_NAMES:
        value = colors.get(role)
        if value is None:
            raise Invalid("brand_kit.invalid", {"field": f"colors.{role}", "reason": "missing"})
        if not isinstance(value, str) or not _HEX.match(value):
            raise Invalid("brand_kit.invalid", {"field": f"colors.{role}", "reason": "bad_color"})
    return {role: colors[role].upper() for role in BRAND_COLOR_NAMES}


def _check_logo(session: Session, user: User, sha256: str | None, *, kept: str | None) -> None:
    """A new logo must be a PNG the caller uploaded; the kit's current logo (perhaps another
    member's upload) may be kept by anyone who may edit the kit."""
    if sha256 is None or sha256 == kept:
        return
    try:
        asset = get_uploaded(session, user, sha256)
    except NotFound:
        raise Invalid("brand_kit.logo_unknown", {"sha256": sha256}) from None
    if asset.mime != LOGO_MIME:
        raise Invalid("brand_kit.logo_not_png", {"sha256": sha256, "mime": asset.mime})


def save_brand_kit(
    session: Session, user: User, organization_id: uuid.UUID, data: BrandKitSave
) -> BrandKit:
    """Create (at version 0) or replace (at the current version) the organization's kit.

    Raises:
        NotFound: `organization.not_found`.
        Forbidden: `brand_kit.forbidden` ({role}) for a member who may only read it.
        Conflict: `brand_kit.version_conflict` ({version}, with `current`) when `data.version`
            is not the kit's (0 while someone else created it meanwhile).
        Invalid: `brand_kit.invalid` ({field, reason}), `brand_kit.logo_unknown` ({sha256}),
            `brand_kit.logo_not_png` ({sha256, mime}).
    """
    org, role = member_organization(session, user, organization_id)
    if role not in BRAND_KIT_EDITORS:
        raise Forbidden("brand_kit.forbidden", {"role": role})
    kit = _stored(session, org)
    current = _public(org, kit)
    if current.version != data.version:
        raise version_conflict("brand_kit", current, BrandKitPublic)
    colors = _checked_colors(data.colors)
    _check_logo(session, user, data.logo_sha256, kept=current.logo_sha256)
    lost_race = _lost_race(session, user, organization_id)
    if kit is None:
        kit = BrandKit(organization_id=org.id)
        session.add(kit)
    try:
        with compare_and_set(session, lost_race):
            kit.name = data.name
            kit.colors = colors
            kit.font = data.font
            kit.logo_sha256 = data.logo_sha256
    except IntegrityError as exc:
        # Two first saves raced: the unique organization index let the other one win.
        session.rollback()
        raise lost_race() from exc
    session.refresh(kit)
    return kit
