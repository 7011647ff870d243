"""Storefronts and products: CRUD with compare-and-set, search by name or SKU, visibility,
and linking products to a note only when the account may."""

from __future__ import annotations

import uuid

import pytest

from publisher.client import ConflictError, NotFoundError, ValidationError
from tests.media_samples import image_bytes
from tests.publisher.test_api import API, call, first_account, token_of, upload


def shop_with_products(api):
    shop = api.create_storefront(name="小红的店")
    serum = api.create_product(
        storefront_id=shop.id, name="保湿精华 30ml", sku="SERUM-30", price_fen=19900, stock=12
    )
    cream = api.create_product(
        storefront_id=shop.id, name="修护面霜", sku="CREAM-50", price_fen=25800, stock=0
    )
    return shop, serum, cream


def allow_products(api) -> uuid.UUID:
    account = api.list_accounts()[0]
    api.set_can_link_products(account.id, version=account.version, allowed=True)
    return account.id


def test_products_are_searched_by_name_or_sku_in_any_case(backend, api) -> None:
    shop, serum, cream = shop_with_products(api)
    assert [p.id for p in api.search_products("精华").items] == [serum.id]
    assert [p.id for p in api.search_products("cream").items] == [cream.id]
    assert api.search_products(storefront_id=shop.id).total == 2
    assert serum.price_fen == 19900 and serum.currency == "CNY" and serum.stock == 12
    assert api.search_products("100%").total == 0  # LIKE wildcards are literal


def test_product_edits_are_compare_and_set_and_skus_unique_per_storefront(backend, api) -> None:
    shop, serum, _ = shop_with_products(api)
    with pytest.raises(ConflictError) as taken:
        api.create_product(storefront_id=shop.id, name="别的", sku="SERUM-30", price_fen=1)
    assert taken.value.code == "product.sku_taken"
    updated = api.update_product(serum.id, version=serum.version, stock=3, price_fen=17900)
    assert (updated.stock, updated.price_fen, updated.name) == (3, 17900, serum.name)
    with pytest.raises(ConflictError) as stale:
        api.update_product(serum.id, version=serum.version, stock=1)
    assert stale.value.code == "product.version_conflict"
    assert stale.value.current["stock"] == 3
    api.delete_product(serum.id, version=updated.version)
    with pytest.raises(NotFoundError):
        api.get_product(serum.id)


def test_a_product_image_must_be_one_the_caller_uploaded(backend, api, other_api) -> None:
    shop = api.create_storefront(name="图片店")
    sha = upload(backend, token_of(api), image_bytes(color=(9, 9, 9))).json()["sha256"]
    product = api.create_product(
        storefront_id=shop.id, name="带图", sku="IMG-1", price_fen=100, image_sha256=sha
    )
    assert product.image_sha256 == sha
    other_shop = other_api.create_storefront(name="别人的店")
    with pytest.raises(ValidationError) as caught:
        other_api.create_product(
            storefront_id=other_shop.id, name="偷图", sku="X", price_fen=1, image_sha256=sha
        )
    assert caught.value.code == "media.unknown"


def test_bad_products_are_refused(backend, api) -> None:
    shop = api.create_storefront(name="校验店")
    token, base = token_of(api), {"storefront_id": str(shop.id), "name": "n", "sku": "S"}
    for bad in (
        {"price_fen": -1},
        {"price_fen": 1, "currency": "rmb"},
        {"price_fen": 1, "sku": "A B"},
    ):
        answer = call(backend, "POST", f"{API}/products", token, json={**base, **bad})
        assert (answer.status_code, answer.json()["code"]) == (422, "request.invalid")


def test_another_users_storefronts_and_products_are_not_found(backend, api, other_api) -> None:
    shop, serum, _ = shop_with_products(api)
    assert other_api.search_products("精华").total == 0
    assert other_api.list_storefronts().total == 0
    for path in (f"/storefronts/{shop.id}", f"/products/{serum.id}"):
        answer = call(backend, "GET", API + path, token_of(other_api))
        assert answer.status_code == 404
    with pytest.raises(NotFoundError) as caught:
        other_api.create_product(storefront_id=shop.id, name="x", sku="Y", price_fen=1)
    assert caught.value.code == "storefront.not_found"


def test_linking_products_needs_an_account_allowed_to(backend, api) -> None:
    _, serum, cream = shop_with_products(api)
    account = first_account(api)
    with pytest.raises(ValidationError) as refused:
        api.create_note(account_id=account, product_ids=[serum.id])
    assert refused.value.code == "product.link_not_allowed"
    assert refused.value.params == {"account_id": str(account)}
    allow_products(api)
    note, _ = api.create_note(account_id=account, product_ids=[cream.id, serum.id])
    assert note.product_ids == [cream.id, serum.id]
    assert note.product_names == [cream.name, serum.name]
    note, _ = api.update_note(note.id, version=note.version, product_ids=[serum.id])
    assert api.get_note(note.id).product_ids == [serum.id]
    assert api.get_note(note.id).product_names == [serum.name]


def test_another_users_product_cannot_be_linked(backend, api, other_api) -> None:
    _, serum, _ = shop_with_products(other_api)
    account = allow_products(api)
    with pytest.raises(NotFoundError) as caught:
        api.create_note(account_id=account, product_ids=[serum.id])
    assert caught.value.code == "product.not_found"


def test_only_the_owner_sets_can_link_products_compare_and_set(backend, api, other_api) -> None:
    account = api.list_accounts()[0]
    assert account.can_link_products is False
    updated, changes = api.set_can_link_products(account.id, version=account.version, allowed=True)
    assert updated.can_link_products is True and changes.accounts
    with pytest.raises(ConflictError):
        api.set_can_link_products(account.id, version=account.version, allowed=False)
    with pytest.raises(NotFoundError):
        other_api.set_can_link_products(account.id, version=updated.version, allowed=False)


def test_a_storefront_is_renamed_compare_and_set_and_deleting_it_unlinks_its_products(
    backend, api
) -> None:
    shop, serum, _ = shop_with_products(api)
    token, path = token_of(api), f"{API}/storefronts/{shop.id}"
    renamed = call(backend, "PATCH", path, token, json={"version": shop.version, "name": "新店名"})
    assert renamed.status_code == 200 and renamed.json()["name"] == "新店名"
    stale = call(backend, "PATCH", path, token, json={"version": shop.version, "name": "旧"})
    assert (stale.status_code, stale.json()["current"]["name"]) == (409, "新店名")

    account = allow_products(api)
    note, _ = api.create_note(account_id=account, product_ids=[serum.id])
    gone = call(backend, "DELETE", path, token, params={"version": renamed.json()["version"]})
    assert gone.status_code == 204
    assert api.search_products(storefront_id=shop.id).total == 0
    assert api.get_note(note.id).product_ids == []


def test_a_storefront_in_someone_elses_organization_cannot_be_made(backend, api, other_api) -> None:
    theirs = other_api.list_accounts()[0].organization_id
    answer = call(
        backend,
        "POST",
        f"{API}/storefronts",
        token_of(api),
        json={"name": "冒名店", "organization_id": str(theirs)},
    )
    assert (answer.status_code, answer.json()["code"]) == (404, "organization.not_found")
