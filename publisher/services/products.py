"""Storefronts and products (minimal until the brand issue builds storefront management),
and the products a note links to.

A storefront belongs to an organization; its members see and edit it and its products, and
nobody else learns it exists (404). A note may link products only when its account is
allowed to (`Account.can_link_products`, set by the account's owner).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from publisher.db.models import (
    Account,
    BriefProduct,
    Collaboration,
    MediaRef,
    Membership,
    Note,
    NoteProduct,
    Product,
    Storefront,
    User,
)
from publisher.domain.collaboration import TERMINAL
from publisher.schemas import (
    AccountPublic,
    AccountUpdate,
    ProductCreate,
    ProductPublic,
    ProductUpdate,
    StorefrontCreate,
    StorefrontPublic,
    StorefrontUpdate,
)
from publisher.services.access import (
    get_account,
    member_org_ids,
    personal_organization_id,
    visible_account_ids,
)
from publisher.services.errors import Conflict, Invalid, NotFound
from publisher.services.like import LIKE_ESCAPE, like_escaped
from publisher.services.links import replace_ordered, require_unique
from publisher.services.versioning import compare_and_set, unique_or_conflict, version_conflict


def _visible_storefronts(user: User) -> Select[uuid.UUID]:
    return select(Storefront.id).where(Storefront.organization_id.in_(member_org_ids(user)))


def visible_storefront_ids(user: User) -> Select[uuid.UUID]:
    """Storefronts whose name and logo the caller may see: their own, and those of products
    they may see."""
    return select(Storefront.id).where(
        or_(
            Storefront.id.in_(_visible_storefronts(user)),
            Storefront.id.in_(
                select(Product.storefront_id).where(Product.id.in_(visible_product_ids(user)))
            ),
        )
    )


def visible_product_ids(user: User) -> Select[uuid.UUID]:
    """Products of the caller's storefronts, and those of the briefs their accounts work on:
    a creator links the brand's products to the note the brief asks for."""
    working = select(Collaboration.brief_id).where(
        Collaboration.account_id.in_(visible_account_ids(user)),
        Collaboration.state.not_in([state.value for state in TERMINAL]),
    )
    return select(Product.id).where(
        or_(
            Product.storefront_id.in_(_visible_storefronts(user)),
            Product.id.in_(
                select(BriefProduct.product_id).where(BriefProduct.brief_id.in_(working))
            ),
        )
    )


def _page(session: Session, query: Select, *, offset: int, limit: int) -> tuple[list, int]:
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    return list(session.scalars(query.offset(offset).limit(limit)).all()), total


# -- storefronts -----------------------------------------------------------------------------


def list_storefronts(
    session: Session, user: User, *, offset: int, limit: int
) -> tuple[list[Storefront], int]:
    query = (
        select(Storefront)
        .where(Storefront.id.in_(_visible_storefronts(user)))
        .order_by(Storefront.name, Storefront.id)
    )
    return _page(session, query, offset=offset, limit=limit)


def get_storefront(session: Session, user: User, storefront_id: uuid.UUID) -> Storefront:
    storefront = session.scalar(
        select(Storefront).where(
            Storefront.id == storefront_id, Storefront.id.in_(_visible_storefronts(user))
        )
    )
    if storefront is None:
        raise NotFound("storefront.not_found")
    return storefront


def create_storefront(session: Session, user: User, data: StorefrontCreate) -> Storefront:
    """In `data.organization_id` if the caller is a member (else 404), or their own."""
    org_id = data.organization_id or personal_organization_id(session, user)
    if session.scalar(member_org_ids(user).where(Membership.organization_id == org_id)) is None:
        raise NotFound("organization.not_found")
    _check_image(session, user, data.logo_sha256)
    storefront = Storefront(
        organization_id=org_id,
        name=data.name,
        introduction=data.introduction,
        logo_sha256=data.logo_sha256,
    )
    session.add(storefront)
    session.commit()
    return storefront


def _stale_storefront(storefront: Storefront) -> Conflict:
    return version_conflict("storefront", storefront, StorefrontPublic)


def _storefront_race(
    session: Session, user: User, storefront_id: uuid.UUID
) -> Callable[[], Conflict]:
    """What a write that lost a compare-and-set race answers: 409 with the winner's row."""
    return lambda: _stale_storefront(get_storefront(session, user, storefront_id))


def update_storefront(
    session: Session, user: User, storefront_id: uuid.UUID, data: StorefrontUpdate
) -> Storefront:
    storefront = get_storefront(session, user, storefront_id)
    if storefront.version != data.version:
        raise _stale_storefront(storefront)
    changes = data.model_dump(exclude_unset=True, exclude={"version"})
    if changes.get("logo_sha256"):
        _check_image(session, user, changes["logo_sha256"])
    with compare_and_set(session, _storefront_race(session, user, storefront_id)):
        for name, value in changes.items():
            if value is not None or name == "logo_sha256":
                setattr(storefront, name, value)
        storefront.updated_at = datetime.now(UTC)
    session.refresh(storefront)
    return storefront


def delete_storefront(
    session: Session, user: User, storefront_id: uuid.UUID, *, version: int
) -> None:
    """Deletes its products too, and unlinks them from notes."""
    storefront = get_storefront(session, user, storefront_id)
    if storefront.version != version:
        raise _stale_storefront(storefront)
    with compare_and_set(session, _storefront_race(session, user, storefront_id)):
        session.delete(storefront)


# -- products --------------------------------------------------------------------------------


def list_products(
    session: Session,
    user: User,
    *,
    query: str | None,
    storefront_id: uuid.UUID | None,
    offset: int,
    limit: int,
) -> tuple[list[Product], int]:
    """Products the caller can see whose name or SKU contains `query` (any case)."""
    conditions: list[ColumnElement[bool]] = [Product.id.in_(visible_product_ids(user))]
    if storefront_id is not None:
        conditions.append(Product.storefront_id == storefront_id)
    if query and query.strip():
        pattern = f"%{like_escaped(query.strip())}%"
        conditions.append(
            or_(
                Product.name.ilike(pattern, escape=LIKE_ESCAPE),
                Product.sku.ilike(pattern, escape=LIKE_ESCAPE),
            )
        )
    select_products = (
        select(Product).where(*conditions).order_by(Product.name, Product.sku, Product.id)
    )
    return _page(session, select_products, offset=offset, limit=limit)


def get_product(session: Session, user: User, product_id: uuid.UUID) -> Product:
    product = session.scalar(
        select(Product).where(Product.id == product_id, Product.id.in_(visible_product_ids(user)))
    )
    if product is None:
        raise NotFound("product.not_found")
    return product


def _own_product(session: Session, user: User, product_id: uuid.UUID) -> Product:
    """A product of the caller's own storefronts: what they may change. A brief's creators
    see its products but answer 404 here, as for any product not theirs."""
    product = session.scalar(
        select(Product).where(
            Product.id == product_id, Product.storefront_id.in_(_visible_storefronts(user))
        )
    )
    if product is None:
        raise NotFound("product.not_found")
    return product


def _with_images(values: dict[str, Any]) -> dict[str, Any]:
    """`images` and the main image agree: `images` wins, else the main image alone."""
    out = dict(values)
    images = out.get("images")
    if images is None:
        images = [out["image_sha256"]] if out.get("image_sha256") else []
    out["images"] = list(dict.fromkeys(images))
    out["image_sha256"] = out["images"][0] if out["images"] else None
    return out


def _check_image(session: Session, user: User, sha256: str | None) -> None:
    if sha256 is None:
        return
    owned = session.scalar(
        select(MediaRef.sha256).where(MediaRef.user_id == user.id, MediaRef.sha256 == sha256)
    )
    if owned is None:
        raise Invalid("media.unknown", {"sha256": sha256})


def _unique_sku(session: Session, sku: str) -> AbstractContextManager[None]:
    """The unique (storefront, sku) index decides, so two racing saves cannot both win."""
    return unique_or_conflict(session, "product.sku_taken", {"sku": sku})


def create_product(session: Session, user: User, data: ProductCreate) -> Product:
    """Raises: NotFound `storefront.not_found`; Conflict `product.sku_taken`; Invalid
    `media.unknown` for an image the caller did not upload."""
    get_storefront(session, user, data.storefront_id)
    values = _with_images(data.model_dump())
    for sha256 in values["images"]:
        _check_image(session, user, sha256)
    product = Product(**values)
    with _unique_sku(session, data.sku):
        session.add(product)
        session.commit()
    return product


def _stale_product(product: Product) -> Conflict:
    return version_conflict("product", product, ProductPublic)


def _product_race(session: Session, user: User, product_id: uuid.UUID) -> Callable[[], Conflict]:
    return lambda: _stale_product(get_product(session, user, product_id))


def update_product(
    session: Session, user: User, product_id: uuid.UUID, data: ProductUpdate
) -> Product:
    """Only the fields sent change; `image_sha256` sent as null removes the image."""
    product = _own_product(session, user, product_id)
    if product.version != data.version:
        raise _stale_product(product)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True, exclude={"version"})
    if "images" in changes or "image_sha256" in changes:
        changes = _with_images(changes)
        for sha256 in changes["images"]:
            _check_image(session, user, sha256)
    with (
        _unique_sku(session, changes.get("sku", product.sku)),
        compare_and_set(session, _product_race(session, user, product_id)),
    ):
        for name, value in changes.items():
            if value is not None or name in ("image_sha256", "external_url"):
                setattr(product, name, value)
    session.refresh(product)
    return product


def delete_product(session: Session, user: User, product_id: uuid.UUID, *, version: int) -> None:
    product = _own_product(session, user, product_id)
    if product.version != version:
        raise _stale_product(product)
    with compare_and_set(session, _product_race(session, user, product_id)):
        session.delete(product)


def set_note_products(
    session: Session, user: User, note: Note, product_ids: Sequence[uuid.UUID]
) -> None:
    """Replace the note's linked products, in order.

    Raises:
        Invalid: `product.link_not_allowed` ({account_id}) when the note's account may not
            link products; `product.duplicate` ({product_id}).
        NotFound: `product.not_found` for a product the caller cannot see.
    """
    if product_ids:
        account = session.get(Account, note.account_id)
        if account is None or not account.can_link_products:
            raise Invalid("product.link_not_allowed", {"account_id": str(note.account_id)})
    require_unique(product_ids, kind="product", param="product_id")
    for product_id in product_ids:
        get_product(session, user, product_id)
    replace_ordered(
        session,
        note.product_links,
        (
            NoteProduct(product_id=product_id, position=index)
            for index, product_id in enumerate(product_ids)
        ),
    )


# -- who may link products -------------------------------------------------------------------


def _stale_account(account: Account) -> Conflict:
    return version_conflict("account", account, AccountPublic)


def update_account(
    session: Session, user: User, account_id: uuid.UUID, data: AccountUpdate
) -> Account:
    """Change an account's settings; only an owner of the account's organization may.

    Raises:
        NotFound: `account.not_found` (not visible to the caller).
        Invalid: `account.owner_only` for a member who is not an owner.
        Conflict: `account.version_conflict` (stale `version`, with `current`).
    """
    account = get_account(session, user, account_id)
    role = session.scalar(
        select(Membership.role).where(
            Membership.user_id == user.id, Membership.organization_id == account.organization_id
        )
    )
    if role != "owner":
        raise Invalid("account.owner_only", {"account_id": str(account_id)})
    if account.version != data.version:
        raise _stale_account(account)
    with compare_and_set(session, lambda: _stale_account(get_account(session, user, account_id))):
        for name in ("can_link_products", "followers", "category", "region"):
            value = getattr(data, name)
            if value is not None:
                setattr(account, name, value)
        account.updated_at = datetime.now(UTC)
    session.refresh(account)
    return account
