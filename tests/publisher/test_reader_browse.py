"""Topic, account and brand pages of the tiny demo world, served for real: each shows its own
notes (and nothing private), its figures and its follow buttons (the follow states of a list
read in one query, agreeing with one at a time); the brand page lists what is on sale with
prices and stock, and product search marks what is sold out or off the shelf; unknown,
malformed and private ids answer the HTML 404 page; user text is escaped."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from publisher.db.models import Account, Note, Product, ReaderFollow, Storefront, Topic
from publisher.reader.web import count
from publisher.services import reader_catalog, reader_reactions, reader_search
from publisher.services.reader_catalog import Catalog
from publisher.services.reader_reactions import follow_state
from tests.reader_world import ReaderWorld, served_world

TILE = re.compile(r'<article class="tile" data-note="([0-9a-f-]{36})"')
HOSTILE_NICKNAME = "<script>alert(1)</script>阿南"


def _prepare(session: Session) -> None:
    """A sold-out product, one taken off the shelf, a creator's note made private and a
    nickname like an attack."""
    products = session.scalars(select(Product).order_by(Product.name)).all()
    products[0].stock = 0
    products[1].status = "off_shelf"
    cook = session.scalars(select(Account).where(Account.nickname == "阿南的厨房")).one()
    cook.nickname = HOSTILE_NICKNAME
    note = session.scalars(
        select(Note)
        .join(Account)
        .where(Account.nickname == "小林的生活日记", Note.status == "published")
        .order_by(Note.published_at)
    ).first()
    assert note is not None
    note.visibility = "private"
    session.commit()


@pytest.fixture(scope="module")
def world(
    reader_world_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ReaderWorld]:
    """The reader world, changed (`_prepare`) before it is served."""
    with served_world(reader_world_template, tmp_path_factory, _prepare) as served:
        yield served


@pytest.fixture(scope="module")
def catalog(world: ReaderWorld) -> Catalog:
    with world.db() as session:
        return reader_catalog.load(session)


def get(world: ReaderWorld, path: str, reader: requests.Session | None = None, **params):
    answer = (reader or requests.Session()).get(world.url + path, params=params, timeout=10)
    assert answer.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    return answer


def topic_id(world: ReaderWorld, name: str) -> uuid.UUID:
    with world.db() as session:
        found = session.scalar(select(Topic.id).where(Topic.name == name))
    assert found is not None
    return found


def account_id(world: ReaderWorld, nickname: str) -> uuid.UUID:
    with world.db() as session:
        found = session.scalar(select(Account.id).where(Account.nickname == nickname))
    assert found is not None
    return found


def followers(world: ReaderWorld, account: uuid.UUID) -> int:
    """Followers shown: the platform's figure plus this world's reader follows."""
    with world.db() as session:
        return follow_state(session, "0" * 32, account)[1]


def reader_at(world: ReaderWorld, address: str) -> requests.Session:
    """A reader with a signed id (which only a page hands out), at its own address."""
    reader = requests.Session()
    reader.headers["X-Forwarded-For"] = address
    assert "zc_reader" in reader.get(world.url + "/", timeout=10).cookies
    return reader


def test_a_topic_page_shows_its_notes_hottest_or_newest(world: ReaderWorld, catalog: Catalog):
    skin = topic_id(world, "秋冬护肤")
    cards = catalog.by_topic[skin]
    assert len(cards) >= 3
    html = get(world, f"/topic/{skin}").text
    assert "<h1>#秋冬护肤</h1>" in html
    assert f"<b>{len(cards)}</b> 篇笔记" in html
    views = sum(card.views for card in cards)
    assert re.search(rf"<b>{re.escape(count(views))}</b> 浏览", html)
    hottest = sorted(cards, key=reader_search.engagement, reverse=True)
    assert TILE.findall(html) == [str(card.id) for card in hottest]
    assert 'class="active" href="/topic/' in html and 'aria-current="page">最热' in html
    newest = get(world, f"/topic/{skin}", sort="new").text
    assert TILE.findall(newest) == [str(card.id) for card in cards]  # the catalog is newest first
    assert 'aria-current="page">最新' in newest
    related = re.findall(r'class="chip" href="/topic/([0-9a-f-]{36})">#', html)
    assert related and str(skin) not in related
    more = get(world, f"/topic/{skin}/more", offset=1, sort="new").text
    assert TILE.findall(more) == [str(card.id) for card in cards[1:]]
    english = get(world, f"/topic/{skin}", lang="en").text
    assert f"<b>{len(cards)}</b> notes" in english and "views" in english


def test_an_account_page_shows_its_figures_follow_button_and_public_notes(
    world: ReaderWorld, catalog: Catalog
) -> None:
    creator = account_id(world, "小林的生活日记")
    html = get(world, f"/user/{creator}").text
    assert "<h1>小林的生活日记</h1>" in html
    assert '<span class="tag">生活</span>' in html and "上海</span>" in html
    cards = catalog.by_account[creator]
    assert TILE.findall(html) == [str(card.id) for card in cards]
    with world.db() as session:
        private = session.scalars(
            select(Note.id).where(Note.account_id == creator, Note.visibility == "private")
        ).all()
    assert private and not set(map(str, private)) & set(TILE.findall(html))
    liked = sum(card.likes + card.collects for card in cards)
    assert f"<b>{count(liked)}</b> 获赞与收藏" in html
    shown = followers(world, creator)
    assert f'data-followers="{creator}" data-count="{shown}">{count(shown)}</b> 粉丝' in html
    assert (
        f'<button type="button" class="btn follow" data-follow="{creator}" data-note="" '
        'data-on="0">关注</button>'
    ) in html
    assert "/brand/" not in html
    assert '/static/reader/actions.js"' in html and '/static/reader/search.js"' in html


def test_following_shows_on_the_account_page(world: ReaderWorld) -> None:
    creator = account_id(world, "糖糖爱化妆")
    reader = reader_at(world, "10.20.0.1")
    shown = followers(world, creator)
    before = get(world, f"/user/{creator}", reader).text
    assert f'data-count="{shown}">{shown}</b>' in before
    answer = reader.post(
        f"{world.url}/api/v1/reader/accounts/{creator}/follow", json={"on": True}, timeout=10
    )
    assert answer.status_code == 200, answer.text
    after = get(world, f"/user/{creator}", reader).text
    assert 'class="btn follow btn-ghost on"' in after and 'data-on="1">已关注</button>' in after
    assert f'data-count="{shown + 1}">{shown + 1}</b>' in after
    # Another reader sees the count, not the following.
    stranger = get(world, f"/user/{creator}").text
    assert 'data-on="0">关注</button>' in stranger and f'data-count="{shown + 1}"' in stranger


def test_follow_states_of_a_list_count_the_platform_and_the_readers(world: ReaderWorld) -> None:
    reader = reader_at(world, "10.20.0.2")
    brand = account_id(world, "山茶花护肤官方")
    answer = reader.post(
        f"{world.url}/api/v1/reader/accounts/{brand}/follow", json={"on": True}, timeout=10
    )
    assert answer.status_code == 200, answer.text
    reader_id = reader.cookies["zc_reader"].split(".")[0]
    with world.db() as session:
        accounts = session.scalars(select(Account)).all()
        ids = [account.id for account in accounts]
        states = reader_reactions.follow_states(session, reader_id, [*ids, uuid.uuid4()])
        follows = Counter(session.scalars(select(ReaderFollow.account_id)))
        assert states == {a.id: (a.id == brand, a.followers + follows[a.id]) for a in accounts}
        assert states[brand][0] and sum(following for following, _ in states.values()) == 1
        assert reader_reactions.follow_states(session, reader_id, []) == {}
    people = get(world, "/search", reader, q="山茶花", type="users").text
    assert f'data-follow="{brand}" data-note="" data-on="1">已关注</button>' in people
    with world.db() as session:
        shop = session.scalars(select(Storefront)).one()
    page = get(world, f"/brand/{shop.id}", reader).text
    assert f'data-follow="{brand}" data-note="" data-on="1">已关注</button>' in page
    shown = followers(world, brand)
    assert f'data-followers="{brand}" data-count="{shown}"' in page


def test_a_brand_account_links_to_its_shop(world: ReaderWorld) -> None:
    brand = account_id(world, "山茶花护肤官方")
    with world.db() as session:
        shop = session.scalars(select(Storefront)).one()
    html = get(world, f"/user/{brand}").text
    assert f'href="/brand/{shop.id}">' in html and "店铺</a>" in html
    assert "Shop</a>" in get(world, f"/user/{brand}", lang="en").text


def test_the_brand_page_shows_its_storefront_products_and_notes(
    world: ReaderWorld, catalog: Catalog
) -> None:
    with world.db() as session:
        shop = session.scalars(select(Storefront)).one()
        products = session.scalars(select(Product).order_by(Product.name)).all()
        brand = session.scalars(
            select(Account).where(Account.organization_id == shop.organization_id)
        ).one()
    html = get(world, f"/brand/{shop.id}").text
    assert f"<h1>{shop.name}</h1>" in html
    assert f'<p class="brand-intro">{shop.introduction}</p>' in html
    assert f'src="/m/{shop.logo_sha256}?w=256"' in html
    sold_out, off_shelf, *on_sale = products
    shown = re.findall(r'class="goods[^"]*" href="/product/([0-9a-f-]{36})"', html)
    assert set(shown) == {str(p.id) for p in [sold_out, *on_sale]}
    assert str(off_shelf.id) not in html
    assert f'<a class="goods sold-out" href="/product/{sold_out.id}">' in html
    assert html.count("已售罄") == 1
    assert f"库存 {on_sale[0].stock}" in html
    assert f"<small>¥</small>{on_sale[0].price_fen // 100}</span>" in html
    assert f'src="/m/{on_sale[0].image_sha256}?w=512"' in html
    ids = {p.id for p in products}
    featuring = sorted(
        (card for card in catalog.cards if ids & set(card.product_ids)),
        key=reader_search.engagement,
        reverse=True,
    )
    assert featuring and TILE.findall(html) == [str(card.id) for card in featuring]
    assert f'data-follow="{brand.id}"' in html and "<strong>山茶花护肤官方</strong>" in html
    more = get(world, f"/brand/{shop.id}/more", offset=1).text
    assert TILE.findall(more) == [str(card.id) for card in featuring[1:]]


def test_product_search_shows_what_cannot_be_bought(world: ReaderWorld) -> None:
    with world.db() as session:
        sold_out, off_shelf, on_sale, *_ = session.scalars(
            select(Product).order_by(Product.name)
        ).all()
    assert off_shelf.stock > 0  # in stock, yet not to be bought: its badge, no stock line

    def card_of(product: Product, html: str) -> str:
        start = html.index(f'href="/product/{product.id}"')
        return html[html.rindex("<a ", 0, start) : html.index("</a>", start)]

    for product in (sold_out, off_shelf, on_sale):
        html = get(world, "/search", q=product.name, type="products").text
        shown = card_of(product, html)
        if product is off_shelf:
            assert shown.startswith('<a class="goods sold-out" ')
            assert '<span class="goods-badge">已下架</span>' in shown
            assert "goods-stock" not in shown and "已售罄" not in shown
        elif product is sold_out:
            assert shown.startswith('<a class="goods sold-out" ')
            assert '<span class="goods-badge">已售罄</span>' in shown and "goods-stock" not in shown
        else:
            assert shown.startswith('<a class="goods" ') and "goods-badge" not in shown
            assert f'<span class="goods-stock">库存 {product.stock}</span>' in shown
    english = get(world, "/search", q=off_shelf.name, type="products", lang="en").text
    assert '<span class="goods-badge">Off shelf</span>' in card_of(off_shelf, english)


@pytest.mark.parametrize(
    "path",
    [
        "/topic/5b0c6a3e-6a86-4d55-9a8e-0d3f6c1e2b7a",
        "/topic/not-an-id",
        "/topic/%3Cscript%3E",
        "/user/7f3d2a10-93c4-4b8e-a1f5-2c6e9d8b4a01",
        "/user/123",
        "/brand/c2e8f1a4-5d6b-4f7a-9e3c-8b1d0a7f6e52",
        "/brand/" + "f" * 300,
    ],
)
def test_unknown_and_malformed_ids_answer_the_404_page(world: ReaderWorld, path: str) -> None:
    answer = get(world, path)
    assert answer.status_code == 404
    assert "这里什么都没有" in answer.text and 'href="/"' in answer.text
    assert "<script>" not in answer.text


def test_private_things_answer_404(world: ReaderWorld) -> None:
    # A topic only drafts use, and an account without public notes or a shop.
    assert get(world, f"/topic/{topic_id(world, '空气炸锅')}").status_code == 404
    assert get(world, f"/user/{account_id(world, 'root')}").status_code == 404
    english = get(world, f"/user/{account_id(world, 'root')}", lang="en")
    assert english.status_code == 404 and "There&#39;s nothing here" in english.text


def test_more_of_an_unknown_page_is_empty(world: ReaderWorld) -> None:
    for path in (f"/topic/{uuid.uuid4()}/more", "/user/x/more", f"/brand/{uuid.uuid4()}/more"):
        answer = get(world, path, offset=0)
        assert answer.status_code == 200 and TILE.findall(answer.text) == []
        assert 'data-end="1"' in answer.text


def test_user_text_is_escaped(world: ReaderWorld) -> None:
    cook = account_id(world, HOSTILE_NICKNAME)
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;阿南"
    for html in (
        get(world, f"/user/{cook}").text,
        get(world, "/search", q="阿南", type="users").text,
        get(world, f"/topic/{topic_id(world, '减脂餐')}").text,
    ):
        assert HOSTILE_NICKNAME not in html
        assert escaped in html
