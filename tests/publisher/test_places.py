"""Places: the shipped dataset searched by Chinese name, pinyin, initials and city; user
places; a note's place and an account's recent places."""

from __future__ import annotations

import csv

import pytest

import resources
from publisher.client.errors import NotFoundError, ValidationError
from publisher.services.places import pinyin_keys


def names(page) -> list[str]:
    return [place.name for place in page.items]


def test_the_dataset_has_every_province_and_real_coordinates() -> None:
    with resources.path("places", "cn_admin.csv").open(encoding="utf-8") as handle:
        rows = {row["adcode"]: row for row in csv.DictReader(handle)}
    levels = [row["level"] for row in rows.values()]
    assert levels.count("province") == 34
    assert levels.count("city") > 300 and levels.count("district") > 2800
    wuhou = rows["510107"]
    assert (wuhou["name"], wuhou["parent_adcode"], wuhou["city"]) == ("武侯区", "510100", "成都市")
    assert abs(float(wuhou["longitude"]) - 104.04) < 0.1
    assert abs(float(wuhou["latitude"]) - 30.64) < 0.1
    assert (wuhou["pinyin"], wuhou["initials"]) == ("wuhouqu", "whq")


def test_shipped_pinyin_is_what_user_places_get() -> None:
    """The CSV was made with the same `pinyin_keys` user places go through, so both search
    alike (a pypinyin upgrade that changes readings shows up here: rerun make_places.py)."""
    with resources.path("places", "cn_admin.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert all(pinyin_keys(row["name"]) == (row["pinyin"], row["initials"]) for row in rows)


def test_search_by_chinese_name_ranks_exact_before_prefix_before_substring(api) -> None:
    page = api.search_places("朝阳区")
    assert page.items[0].name == "朝阳区"
    assert {p.id for p in page.items if p.name == "朝阳区"} >= {"cn:110105", "cn:220104"}
    beijing = api.get_place("cn:110105")
    assert (beijing.address, beijing.level) == ("北京市朝阳区", "district")
    assert names(api.search_places("朝阳"))[0] == "朝阳市"  # a city before its namesake districts


def test_search_by_full_pinyin_and_initials_is_case_insensitive(api) -> None:
    for query in ("chengdu", "ChengDu", "cds", "cd"):
        page = api.search_places(query, limit=100)
        assert "成都市" in names(page), query
    assert api.search_places("chengdushi").items[0].id == "cn:510100"
    assert api.search_places("cds").items[0].level == "city"  # exact initials
    assert "武侯区" in names(api.search_places("whq"))
    assert "武侯区" not in names(api.search_places("houqu", limit=500))  # pinyin is prefix only


def test_a_city_lists_its_districts_and_paging_splits_the_result(api) -> None:
    page = api.search_places("成都", limit=100)
    assert page.items[0].name == "成都市"
    assert {"武侯区", "锦江区", "双流区"} <= set(names(page))
    assert "朝阳区" in names(api.search_places("北京", limit=100))  # a municipality's districts
    first, second = api.search_places("成都", limit=5), api.search_places("成都", offset=5, limit=5)
    assert first.total == page.total and len(first.items) == 5
    assert not {p.id for p in first.items} & {p.id for p in second.items}
    assert api.search_places("   ").total == 0


def test_a_user_place_is_searchable_by_its_organization_only(api, other_api) -> None:
    shop = api.add_place(
        name="星巴克(春熙路店)", address="成都市锦江区春熙路", longitude=104.08, latitude=30.65
    )
    assert shop.level == "user"
    for query in ("星巴克", "春熙路", "xingbake", "XBK"):
        assert shop.id in [p.id for p in api.search_places(query).items], query
    assert api.get_place(shop.id).address == "成都市锦江区春熙路"
    assert shop.id not in [p.id for p in other_api.search_places("星巴克").items]
    with pytest.raises(NotFoundError):
        other_api.get_place(shop.id)


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "", "longitude": 104.0, "latitude": 30.0},
        {"name": "x", "longitude": 181.0, "latitude": 30.0},
        {"name": "x", "longitude": 104.0, "latitude": -90.5},
    ],
)
def test_a_user_place_needs_a_name_and_coordinates_in_range(api, fields) -> None:
    with pytest.raises(ValidationError) as caught:
        api.add_place(**fields)
    assert caught.value.code == "request.invalid"


def test_a_note_keeps_its_place_and_the_account_remembers_recent_places(api, other_api) -> None:
    account = api.list_accounts()[0].id
    note, _ = api.create_note(account_id=account, title="逛吃")
    note, _ = api.set_note_place(note.id, version=note.version, place_id="cn:510107")
    assert (note.place.name, note.place.address) == ("武侯区", "四川省成都市武侯区")
    assert note.place.longitude == pytest.approx(104.043235)
    other, _ = api.create_note(account_id=account, title="看海")
    other, _ = api.set_note_place(other.id, version=other.version, place_id="cn:350200")
    assert [p.id for p in api.recent_places(account)] == ["cn:350200", "cn:510107"]

    with pytest.raises(NotFoundError) as caught:
        api.set_note_place(note.id, version=note.version, place_id="cn:999999")
    assert caught.value.code == "place.not_found"
    rival_place = other_api.add_place(name="对手的店", longitude=1.0, latitude=1.0)
    with pytest.raises(NotFoundError):
        api.set_note_place(note.id, version=note.version, place_id=rival_place.id)
    with pytest.raises(NotFoundError):
        other_api.recent_places(account)

    cleared, _ = api.set_note_place(note.id, version=note.version, place_id=None)
    assert cleared.place is None and api.get_note(note.id).place is None


def test_a_note_can_be_created_with_a_place(api) -> None:
    account = api.list_accounts()[0].id
    body = {"account_id": str(account), "title": "海边", "place_id": "cn:350203"}
    created = api.transport.request("POST", "/notes", json=body).json()
    assert (created["place"]["id"], created["place"]["name"]) == ("cn:350203", "思明区")
    with pytest.raises(NotFoundError):
        api.transport.request("POST", "/notes", json={**body, "place_id": "nowhere"})
    assert api.list_notes(account_id=account).total == 1  # the refused note was not stored
