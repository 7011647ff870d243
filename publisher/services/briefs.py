"""Briefs: written by a brand organization's editors, read by its members and by the creators
the brief concerns.

Who sees a brief: members of its brand; the people of any account with a collaboration on
it; and, while it is open for recruitment, anyone with an account (the marketplace). Anyone
else is answered 404, like a brief that does not exist.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from publisher.brief_schemas import BriefCreate, BriefDefaults, BriefPublic, BriefUpdate
from publisher.brief_schemas import BriefProduct as BriefProductPublic
from publisher.db.models import (
    Account,
    Brief,
    BriefProduct,
    Collaboration,
    Membership,
    Organization,
    Product,
    Storefront,
    User,
)
from publisher.domain.roles import EDITOR_ROLES
from publisher.domain.rules import RulesPack
from publisher.services.access import get_account, member_org_ids, visible_account_ids
from publisher.services.errors import Conflict, Invalid, NotFound
from publisher.services.links import replace_ordered
from publisher.services.organizations import require_role
from publisher.services.versioning import compare_and_set, version_conflict


def defaults(rules: RulesPack) -> BriefDefaults:
    return BriefDefaults(
        forbidden_words=list(rules.limit("advertising", "absolute_terms")),
        forbidden_exempt=list(rules.limit("advertising", "exempt")),
        protection_days_min=rules.limit("collaboration", "protection_days_min"),
        protection_days_max=rules.limit("collaboration", "protection_days_max"),
        min_followers=rules.limit("collaboration", "min_followers"),
    )


def _collaborating_brief_ids(user: User) -> Select[uuid.UUID]:
    return select(Collaboration.brief_id).where(
        Collaboration.account_id.in_(visible_account_ids(user))
    )


def _marketplace() -> ColumnElement[bool]:
    return (Brief.status == "open") & (Brief.mode == "recruitment")


def _visible(user: User) -> ColumnElement[bool]:
    return or_(
        Brief.organization_id.in_(member_org_ids(user)),
        Brief.id.in_(_collaborating_brief_ids(user)),
        _marketplace(),
    )


def get_brief(session: Session, user: User, brief_id: uuid.UUID) -> Brief:
    brief = session.scalar(select(Brief).where(Brief.id == brief_id, _visible(user)))
    if brief is None:
        raise NotFound("brief.not_found")
    return brief


def editable_brief(session: Session, user: User, brief_id: uuid.UUID) -> Brief:
    """A brief of an organization where the caller is an owner, admin or editor.

    Raises:
        NotFound: `brief.not_found` (missing, or not the caller's brand's).
        Forbidden: `brief.forbidden` ({role}) for the brand's reviewers and viewers.
    """
    brief = session.scalar(
        select(Brief).where(Brief.id == brief_id, Brief.organization_id.in_(member_org_ids(user)))
    )
    if brief is None:
        raise NotFound("brief.not_found")
    require_role(session, user, brief.organization_id, EDITOR_ROLES, "brief.forbidden")
    return brief


def is_brand_member(session: Session, user: User, brief: Brief) -> bool:
    return (
        session.scalar(
            member_org_ids(user).where(Membership.organization_id == brief.organization_id)
        )
        is not None
    )


def list_briefs(
    session: Session,
    user: User,
    *,
    status: str | None,
    organization_id: uuid.UUID | None,
    offset: int,
    limit: int,
) -> tuple[list[Brief], int]:
    """The briefs of the caller's brands, newest first."""
    conditions: list[ColumnElement[bool]] = [Brief.organization_id.in_(member_org_ids(user))]
    if status is not None:
        conditions.append(Brief.status == status)
    if organization_id is not None:
        conditions.append(Brief.organization_id == organization_id)
    return _page(session, select(Brief).where(*conditions), offset=offset, limit=limit)


def marketplace(
    session: Session, user: User, *, account_id: uuid.UUID, offset: int, limit: int
) -> tuple[list[Brief], int]:
    """Open recruitment briefs the account matches (category, region, followers), still
    taking applications, that it has not answered yet; soonest deadline first."""
    account = get_account(session, user, account_id)
    now = datetime.now(UTC)
    answered = select(Collaboration.brief_id).where(Collaboration.account_id == account.id)
    conditions = [
        _marketplace(),
        Brief.id.not_in(answered),
        or_(Brief.apply_by.is_(None), Brief.apply_by > now),
        or_(Brief.category == "", Brief.category == account.category),
        or_(Brief.region == "", Brief.region == account.region),
        Brief.followers_min <= account.followers,
        or_(Brief.followers_max.is_(None), Brief.followers_max >= account.followers),
    ]
    query = select(Brief).where(*conditions)
    return _page(session, query, offset=offset, limit=limit, soonest=True)


def _page(
    session: Session, query: Select, *, offset: int, limit: int, soonest: bool = False
) -> tuple[list[Brief], int]:
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    order = (
        (Brief.apply_by.is_(None), Brief.apply_by, Brief.id)
        if soonest
        else (Brief.created_at.desc(), Brief.id)
    )
    rows = session.scalars(query.order_by(*order).offset(offset).limit(limit)).all()
    return list(rows), total


def _check_window(brief: Brief, rules: RulesPack) -> None:
    low = rules.limit("collaboration", "protection_days_min")
    high = rules.limit("collaboration", "protection_days_max")
    if not low <= brief.protection_days <= high:
        raise Invalid(
            "brief.protection_days",
            {"days": brief.protection_days, "min": low, "max": high},
        )
    if brief.publish_from and brief.publish_until and brief.publish_until <= brief.publish_from:
        raise Invalid("brief.publish_window", {})
    if brief.followers_max is not None and brief.followers_max < brief.followers_min:
        raise Invalid("brief.followers_range", {})


def _check_products(session: Session, organization_id: uuid.UUID, ids: Iterable[str]) -> None:
    """The brief's products must be its brand's own."""
    wanted = {uuid.UUID(value) for value in ids}
    if not wanted:
        return
    found = set(
        session.scalars(
            select(Product.id)
            .join(Storefront, Storefront.id == Product.storefront_id)
            .where(Product.id.in_(wanted), Storefront.organization_id == organization_id)
        )
    )
    for missing in sorted(wanted - found, key=str):
        raise NotFound("product.not_found", {"product_id": str(missing)})


def _normalised(values: dict[str, Any]) -> dict[str, Any]:
    """Lists kept as unique strings in their order; product ids as text."""
    out = dict(values)
    for name in ("topics", "mentions", "key_messages", "forbidden_words", "dos", "donts"):
        if out.get(name) is not None:
            out[name] = list(dict.fromkeys(item.lstrip("#@") for item in out[name]))
    if out.get("product_ids") is not None:
        out["product_ids"] = list(dict.fromkeys(str(item) for item in out["product_ids"]))
    return out


def _set_products(session: Session, brief: Brief, product_ids: list[str]) -> None:
    _check_products(session, brief.organization_id, product_ids)
    replace_ordered(
        session,
        brief.product_links,
        (
            BriefProduct(product_id=uuid.UUID(pid), position=index)
            for index, pid in enumerate(product_ids)
        ),
    )


def create_brief(session: Session, user: User, data: BriefCreate, *, rules: RulesPack) -> Brief:
    """Raises: NotFound `organization.not_found`, `product.not_found`; Forbidden
    `brief.forbidden`; Invalid `brief.not_a_brand` (only brand organizations brief),
    `brief.protection_days`, `brief.publish_window`, `brief.followers_range`."""
    org = require_role(session, user, data.organization_id, EDITOR_ROLES, "brief.forbidden")
    if org.kind != "brand":
        raise Invalid("brief.not_a_brand", {"kind": org.kind})
    values = _normalised(data.model_dump())
    if values["forbidden_words"] is None:
        values["forbidden_words"] = defaults(rules).forbidden_words
    product_ids = values.pop("product_ids")
    brief = Brief(**values, created_by=user.id)
    _check_window(brief, rules)
    session.add(brief)
    _set_products(session, brief, product_ids)
    session.commit()
    return brief


def _stale(session: Session, user: User, brief: Brief) -> Conflict:
    return version_conflict("brief", brief_public(session, user, brief), BriefPublic)


def update_brief(
    session: Session, user: User, brief_id: uuid.UUID, data: BriefUpdate, *, rules: RulesPack
) -> Brief:
    brief = editable_brief(session, user, brief_id)
    if brief.version != data.version:
        raise _stale(session, user, brief)
    changes = _normalised(data.model_dump(exclude_unset=True, exclude={"version"}))
    nullable = {"followers_max", "apply_by", "publish_from", "publish_until"}
    changes = {k: v for k, v in changes.items() if v is not None or k in nullable}
    if changes.get("status") == "draft" and brief.status != "draft":
        raise Invalid("brief.already_open", {"status": brief.status})

    def lost() -> Conflict:
        return _stale(session, user, editable_brief(session, user, brief_id))

    product_ids = changes.pop("product_ids", None)
    with compare_and_set(session, lost):
        for name, value in changes.items():
            setattr(brief, name, value)
        _check_window(brief, rules)
        if product_ids is not None:
            _set_products(session, brief, product_ids)
        brief.updated_at = datetime.now(UTC)
    session.refresh(brief)
    return brief


def delete_brief(session: Session, user: User, brief_id: uuid.UUID, *, version: int) -> None:
    """Only a brief nobody has answered yet may go; otherwise close it.

    Raises: Invalid `brief.in_use` ({collaborations}).
    """
    brief = editable_brief(session, user, brief_id)
    if brief.version != version:
        raise _stale(session, user, brief)
    used = session.scalar(
        select(func.count()).select_from(Collaboration).where(Collaboration.brief_id == brief.id)
    )
    if used:
        raise Invalid("brief.in_use", {"collaborations": used})
    with compare_and_set(session, lambda: _stale(session, user, brief)):
        session.delete(brief)


def brief_public(session: Session, user: User, brief: Brief) -> BriefPublic:
    """The brief as the caller may read it: collaboration counts only for its brand."""
    ids = [uuid.UUID(value) for value in brief.product_ids]
    by_id = {p.id: p for p in session.scalars(select(Product).where(Product.id.in_(ids)))}
    counts: dict[str, int] = {}
    if is_brand_member(session, user, brief):
        counts = dict(
            session.execute(
                select(Collaboration.state, func.count())
                .where(Collaboration.brief_id == brief.id)
                .group_by(Collaboration.state)
            ).all()
        )
    fields = {
        name: getattr(brief, name) for name in BriefPublic.model_fields if hasattr(brief, name)
    }
    return BriefPublic(
        **fields,
        organization_name=brand_name(session, brief),
        products=[BriefProductPublic.model_validate(by_id[i]) for i in ids if i in by_id],
        collaborations=counts,
    )


def brand_name(session: Session, brief: Brief) -> str:
    """The name of the organization that wrote the brief."""
    name = session.scalar(select(Organization.name).where(Organization.id == brief.organization_id))
    return name or ""


def account_matches(brief: Brief, account: Account) -> bool:
    """Whether the account meets the brief's creator criteria."""
    return (
        (not brief.category or brief.category == account.category)
        and (not brief.region or brief.region == account.region)
        and account.followers >= brief.followers_min
        and (brief.followers_max is None or account.followers <= brief.followers_max)
    )
