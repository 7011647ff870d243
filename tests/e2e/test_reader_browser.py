"""A reader in a real browser (headless Chromium): the feed, a note, a like, a product, a buy —
and the studio's figures for that note move by each of those actions.

This is the whole loop of issue 10 through every layer: server-rendered pages, the pages'
scripts (impressions of tiles on screen, a view on opening a note, a product click on the
way out, sent with `sendBeacon` as the page goes), the reader actions API, event ingestion
and the rollups the studio's Analytics reads.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from publisher.client import StudioClient
from publisher.db.models import Collaboration, Note, NoteProduct, Product
from tests.e2e.waiting import eventually
from tests.reader_world import ReaderWorld

MOVED = ("impressions", "views", "likes", "product_clicks", "orders")


@dataclass(frozen=True)
class Target:
    note_id: uuid.UUID
    title: str
    product_id: uuid.UUID
    price_fen: int


def _target(world: ReaderWorld) -> Target:
    """A public published image note that links a product on sale and in stock."""
    with world.db() as session:
        note, product = session.execute(
            select(Note, Product)
            .join(NoteProduct, NoteProduct.note_id == Note.id)
            .join(Product, Product.id == NoteProduct.product_id)
            .where(
                Note.status == "published",
                Note.visibility == "public",
                Note.type == "image",
                Product.status == "on_sale",
                Product.stock > 0,
            )
            .order_by(Note.published_at.desc())
            .limit(1)
        ).one()
        return Target(note.id, note.title, product.id, product.price_fen)


def _totals(studio: StudioClient, target: Target) -> dict[str, int]:
    rows = studio.note_stats(search=target.title, limit=50).items
    row = next(row for row in rows if row.note_id == target.note_id)
    return {name: row.totals[name] for name in (*MOVED, "gmv_fen")}


@pytest.fixture
def page(browser) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


def test_a_readers_clicks_show_in_the_studio(reader_world: ReaderWorld, page: Page) -> None:
    target = _target(reader_world)
    studio = StudioClient(reader_world.url, reader_world.backend.token)
    before = _totals(studio, target)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))

    page.goto(f"{reader_world.url}/")
    expect(page.locator(".waterfall.laid .tile").first).to_be_visible()
    for _ in range(6):  # scroll through the feed: the tiles shown count as impressions
        page.mouse.wheel(0, 1200)
        page.wait_for_timeout(150)
    tile = page.locator(f'.tile[data-note="{target.note_id}"] a.tile-link')
    tile.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # half on screen long enough for the observer to fire
    tile.click()
    page.wait_for_url(f"**/note/{target.note_id}")
    expect(page.locator("h1")).to_contain_text(target.title[:8])

    like = page.locator('button.react[data-react="like"]')
    like.click()
    expect(like).to_have_attribute("data-on", "1")
    expect(like.locator(".react-count")).to_have_text(str(before["likes"] + 1))

    page.locator(f'a.product-card[data-product-click="{target.product_id}"]').click()
    page.wait_for_url(f"**/product/{target.product_id}?from={target.note_id}")
    page.locator("button.btn-buy").click()
    expect(page.locator("[data-order-done]")).to_be_visible()

    expected = {name: before[name] + 1 for name in MOVED}
    expected["gmv_fen"] = before["gmv_fen"] + target.price_fen
    after = eventually(
        lambda: _totals(studio, target),
        lambda now: all(now[name] >= value for name, value in expected.items()),
    )
    assert after == expected, f"before {before}, after {after}"
    assert problems == []


def test_the_feed_on_a_phone_lays_out_two_columns_and_scrolls_on(
    reader_world: ReaderWorld,
    browser,  # noqa: F811
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN"
    )
    try:
        phone = context.new_page()
        problems: list[str] = []
        phone.on("pageerror", lambda error: problems.append(str(error)))
        phone.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
        phone.goto(f"{reader_world.url}/")
        expect(phone.locator(".waterfall.laid .column")).to_have_count(2)
        tiles = phone.locator(".waterfall .tile").count()
        assert tiles > 0
        for _ in range(8):
            phone.mouse.wheel(0, 1500)
            phone.wait_for_timeout(150)
        with reader_world.db() as session:
            public = len(
                session.scalars(
                    select(Note.id).where(Note.status == "published", Note.visibility == "public")
                ).all()
            )
        expect(phone.locator(".waterfall .tile")).to_have_count(public)
        assert problems == []
    finally:
        context.close()


def test_a_readers_clicks_on_a_collaboration_show_in_the_brands_campaign(
    reader_world: ReaderWorld, page: Page
) -> None:
    with reader_world.db() as session:
        note_id, brief_id = session.execute(
            select(Note.id, Collaboration.brief_id)
            .join(Collaboration, Collaboration.note_id == Note.id)
            .where(Note.status == "published", Note.visibility == "public")
            .limit(1)
        ).one()
    studio = StudioClient(reader_world.url, reader_world.backend.token)
    before = studio.campaign_stats(brief_id).totals

    page.goto(f"{reader_world.url}/note/{note_id}")
    expect(page.get_by_text("品牌合作").first).to_be_visible()
    page.locator('button.react[data-react="collect"]').click()
    expect(page.locator('button.react[data-react="collect"]')).to_have_attribute("data-on", "1")
    page.goto(f"{reader_world.url}/")  # leaving sends the note's view

    after = eventually(
        lambda: studio.campaign_stats(brief_id).totals,
        lambda now: now["collects"] > before["collects"] and now["views"] > before["views"],
    )
    assert (after["collects"], after["views"]) == (before["collects"] + 1, before["views"] + 1)
