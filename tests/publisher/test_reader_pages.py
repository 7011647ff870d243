"""The note and product pages and the reader's JSON doors, served by a real backend over the
tiny demo world: what the pages show (carousel, player, linked topics, disclosure, AI label,
products, comments) and hide (private notes, other readers' held comments), user text always
escaped, hostile requests refused with codes, and each reader action landing in the studio's
figures.

Each test speaks from its own network address (`X-Forwarded-For`, trusted from the local
machine), so one test's use of the per-address limits never spends another's, and as a reader
who opened a page first (`known_reader`): only a page hands out a reader id."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import socket
import uuid
from collections.abc import Iterator
from html import unescape as html_unescape
from urllib.parse import urlsplit

import pytest
import requests
from markupsafe import escape
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from publisher.db.models import (
    Brief,
    Collaboration,
    Note,
    NoteDailyStats,
    NoteMedia,
    NoteProduct,
    NoteTopic,
    Organization,
    Product,
    ReaderComment,
    ReaderFollow,
    ReaderOrder,
    ReaderReaction,
    Topic,
)
from publisher.reader.web import signed
from publisher.server.routes.reader_note import AI_LABEL, body_segments, frame
from publisher.services.reader_catalog import is_public_note
from publisher.services.reader_pages import Medium
from tests.publisher.reader_helpers import known_reader
from tests.reader_world import ReaderWorld, served_world

_ADDRESSES = (f"10.{a}.{b}.7" for a, b in itertools.product(range(1, 250), repeat=2))


@pytest.fixture
def reader(reader_world) -> Iterator[requests.Session]:
    """A reader: a browser that opened a page, with its own cookies and network address."""
    with known_reader(reader_world.url, next(_ADDRESSES)) as session:
        session.headers["Accept-Language"] = "zh-CN"
        yield session


def _published(world: ReaderWorld, *where) -> Note:
    with world.db() as session:
        note = session.scalar(
            select(Note)
            .where(Note.status == "published", Note.visibility == "public", *where)
            .order_by(Note.published_at.desc())
            .limit(1)
        )
        assert note is not None
        return note


def _photo_note(world: ReaderWorld) -> Note:
    """A photo note with several photos, topics and a product."""
    several = select(NoteMedia.note_id).group_by(NoteMedia.note_id).having(func.count() > 1)
    return _published(
        world,
        Note.type == "image",
        Note.id.in_(several),
        Note.id.in_(select(NoteTopic.note_id)),
        Note.id.in_(select(NoteProduct.note_id)),
    )


def _figures(world: ReaderWorld, note_id: uuid.UUID) -> dict[str, int]:
    names = ("views", "likes", "collects", "comments", "shares", "follows", "product_clicks")
    names += ("orders", "gmv_fen", "impressions")
    with world.db() as session:
        row = session.execute(
            select(*(func.coalesce(func.sum(getattr(NoteDailyStats, n)), 0) for n in names)).where(
                NoteDailyStats.note_id == note_id
            )
        ).one()
    return dict(zip(names, map(int, row), strict=True))


def _events(reader: requests.Session, world: ReaderWorld, body, **headers) -> requests.Response:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return reader.post(f"{world.url}/api/v1/events", data=data, headers=headers, timeout=30)


def _act(reader: requests.Session, world: ReaderWorld, path: str, body) -> requests.Response:
    return reader.post(f"{world.url}/api/v1/reader/{path}", json=body, timeout=30)


# -- the note page ----------------------------------------------------------------------------


def test_a_photo_note_shows_its_photos_text_topics_and_products(reader_world, reader):
    note = _photo_note(reader_world)
    page = reader.get(f"{reader_world.url}/note/{note.id}", timeout=30)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert re.fullmatch(r"[0-9a-f]{32}\.[0-9a-f]{32}", reader.cookies["zc_reader"])
    html = page.text
    slides = re.findall(r'<figure class="slide">\s*<img src="/m/([0-9a-f]{64})\?w=1024"', html)
    assert len(slides) == len(note.media) > 1
    assert html.count('<span class="dot') == len(note.media)
    assert 'class="carousel-arrow next"' in html
    for link in note.topic_links:
        assert f'href="/topic/{link.topic_id}">#' in html
    for link in note.product_links:
        assert f'href="/product/{link.product_id}?from={note.id}"' in html
        assert f'data-product-click="{link.product_id}"' in html
    assert f'data-follow="{note.account_id}" data-note="{note.id}"' in html
    assert f'data-react="like" data-note="{note.id}"' in html
    assert "<video" not in html
    assert 'src="/static/reader/note.js"' in html and 'src="/static/reader/actions.js"' in html
    assert "style=" not in html


def test_a_video_note_has_a_player(reader_world, reader):
    note = _published(reader_world, Note.type == "video")
    html = reader.get(f"{reader_world.url}/note/{note.id}", timeout=30).text
    sha = note.media[0].rendered_sha256 or note.media[0].sha256
    assert re.search(
        rf'<video class="note-video" controls playsinline preload="metadata"[^>]*'
        rf'poster="/m/{sha}\?w=1024" src="/m/{sha}"',
        html,
    )
    assert f'data-duration="{note.media[0].duration}"' in html
    assert 'class="carousel' not in html


def test_the_collaboration_disclosure_and_the_ai_label_show_when_set(reader_world, reader):
    note = _published(reader_world, Note.collaboration.is_(True))
    page = reader.get(f"{reader_world.url}/note/{note.id}", timeout=30).text
    with reader_world.db() as session:
        brand = session.scalar(
            select(Organization.name)
            .join(Brief, Brief.organization_id == Organization.id)
            .join(Collaboration, Collaboration.brief_id == Brief.id)
            .where(Collaboration.note_id == note.id)
        )
    assert f'class="label label-collab">品牌合作：{escape(brand)}</span>' in page
    assert AI_LABEL[0] not in page
    with reader_world.db() as session:
        session.get(Note, note.id).ai_generated = True
        session.commit()
    english = reader.get(f"{reader_world.url}/note/{note.id}?lang=en", timeout=30).text
    assert escape(AI_LABEL[1]) in english and "Paid partnership with " in english
    plain = _published(reader_world, Note.collaboration.is_(False), Note.ai_generated.is_(False))
    page = reader.get(f"{reader_world.url}/note/{plain.id}?lang=zh", timeout=30).text
    assert "label-collab" not in page and "label-ai" not in page


def _write_like_an_attack(session: Session) -> None:
    """The newest video note's title and body written like an attack, with one of its
    topics in the body as the platform copies it, and a `#word` that is no topic of it."""
    row = session.scalars(
        select(Note)
        .where(is_public_note(), Note.type == "video")
        .order_by(Note.published_at.desc())
        .limit(1)
    ).one()
    name = session.scalar(
        select(Topic.name).join(NoteTopic).where(NoteTopic.note_id == row.id).limit(1)
    )
    row.title = '<img src=x onerror="alert(1)">'
    row.body = f"<script>alert('body')</script> 试试 #{name}[话题]# 和 #不是话题"
    session.commit()


@pytest.fixture(scope="module")
def attacked_world(reader_world_template, tmp_path_factory) -> Iterator[ReaderWorld]:
    """Changed before its server starts: a note's page shows the text of the catalog
    snapshot the server loads as it starts."""
    with served_world(reader_world_template, tmp_path_factory, _write_like_an_attack) as world:
        yield world


def test_user_text_is_shown_as_text(attacked_world):
    world = attacked_world
    note = _published(world, Note.type == "video")
    with world.db() as session:
        name = session.scalar(
            select(Topic.name).join(NoteTopic).where(NoteTopic.note_id == note.id).limit(1)
        )
    with known_reader(world.url, next(_ADDRESSES)) as reader:
        said = _act(reader, world, f"notes/{note.id}/comments", {"body": "<b>粗</b>&amp;"})
        assert said.status_code == 200, said.text
        assert said.json()["body"] == "<b>粗</b>&amp;"
        html = reader.get(f"{world.url}/note/{note.id}", timeout=30).text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>粗" not in html
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert "&lt;b&gt;粗&lt;/b&gt;&amp;amp;" in html
    assert f'">#{name}</a>' in html and "[话题]" not in html
    assert "#不是话题" in html
    assert (
        '<meta property="og:description" content="&lt;script&gt;alert(&#39;body&#39;)'
        "&lt;/script&gt; 试试 #"
    ) in html
    title = "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;"
    assert f'<meta property="og:title" content="{title}">' in html


@pytest.mark.parametrize("kind", ["missing", "malformed", "draft", "private"])
def test_notes_readers_may_not_see_are_the_404_page(reader_world, reader, kind):
    target = {"missing": str(uuid.uuid4()), "malformed": "1%27%20OR%20%271%27=%271"}.get(kind)
    if target is None:
        with reader_world.db() as session:
            status = "draft" if kind == "draft" else "published"
            note = session.scalar(select(Note).where(Note.status == status).limit(1))
            assert note is not None
            if kind == "private":
                note.visibility = "private"
                session.commit()
            target = str(note.id)
    page = reader.get(f"{reader_world.url}/note/{target}", timeout=30)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert 'class="empty not-found"' in page.text


def test_held_comments_are_shown_only_to_their_author(reader_world, reader):
    note = _photo_note(reader_world)
    held = _act(reader, reader_world, f"notes/{note.id}/comments", {"body": "加我 vx.top 领券"})
    assert held.json()["status"] == "held"
    mine = reader.get(f"{reader_world.url}/note/{note.id}", timeout=30).text
    assert "加我 vx.top 领券" in mine and "审核中" in mine
    with requests.Session() as other:
        other.headers["X-Forwarded-For"] = next(_ADDRESSES)
        theirs = other.get(f"{reader_world.url}/note/{note.id}", timeout=30).text
    assert "加我 vx.top 领券" not in theirs
    with reader_world.db() as session:
        row = session.get(ReaderComment, uuid.UUID(held.json()["id"]))
        assert (row.status, row.held_reason) == ("held", "link")
    # The page never shows a reader's id (it is their cookie).
    assert reader.cookies["zc_reader"] not in mine


def _comment_count(html: str) -> int:
    counts = set(re.findall(r'data-comment-count="(\d+)"', html))
    assert len(counts) == 1, counts  # the title and the bar's button say the same
    return int(counts.pop())


def test_the_comment_count_is_of_the_comments_the_list_shows(reader_world, reader):
    """The demo's comment events have no text: the page counts what its list can show (the
    studio's Analytics keeps the event counter)."""
    note = _published(
        reader_world,
        Note.id.in_(select(NoteDailyStats.note_id)),
        Note.id.not_in(select(ReaderComment.note_id)),
    )
    with reader_world.db() as session:  # comments counted without a text, as the demo's are
        row = session.scalars(select(NoteDailyStats).where(NoteDailyStats.note_id == note.id))
        row.first().comments += 12
        session.commit()
    assert _figures(reader_world, note.id)["comments"] >= 12
    html = reader.get(f"{reader_world.url}/note/{note.id}", timeout=30).text
    assert _comment_count(html) == 0 and "还没有评论" in html
    said = _act(reader, reader_world, f"notes/{note.id}/comments", {"body": "好看", "name": "小鹿"})
    assert said.json()["status"] == "visible"
    html = reader.get(f"{reader_world.url}/note/{note.id}", timeout=30).text
    assert _comment_count(html) == 1 and html.count('<li class="comment') == 1
    # The avatar's colour is the commenter's (their name), so their comments share it.
    assert '<span class="avatar avatar-md" data-seed="小鹿">小</span>' in html
    assert said.json()["id"] not in html


def test_note_and_product_pages_have_open_graph_cards(reader_world, reader):
    note = _photo_note(reader_world)
    html = reader.get(f"{reader_world.url}/note/{note.id}?lang=en", timeout=30).text
    tags = dict(re.findall(r'<meta property="og:(\w+)" content="([^"]*)">', html))
    assert tags["type"] == "article"
    assert tags["title"] == str(escape(note.title))
    assert tags["url"] == f"{reader_world.url}/note/{note.id}"
    with reader_world.db() as session:
        cover = session.scalar(
            select(func.coalesce(NoteMedia.rendered_sha256, NoteMedia.sha256)).where(
                NoteMedia.note_id == note.id, NoteMedia.position == 0
            )
        )
    assert tags["image"] == f"{reader_world.url}/m/{cover}?w=1024"
    assert 0 < len(html_unescape(tags["description"])) <= 81
    assert "\n" not in tags["description"]
    product_id = note.product_links[0].product_id
    html = reader.get(f"{reader_world.url}/product/{product_id}", timeout=30).text
    tags = dict(re.findall(r'<meta property="og:(\w+)" content="([^"]*)">', html))
    assert tags["type"] == "product" and tags["url"] == f"{reader_world.url}/product/{product_id}"
    assert tags["description"].startswith("¥") and tags["image"].endswith("?w=1024")


def test_segments_link_only_the_notes_own_topics():
    one, two = uuid.uuid4(), uuid.uuid4()
    segments, trailing = body_segments(
        "早八 #通勤妆[话题]# 和 #通勤 以及 #别的", [(one, "通勤妆"), (two, "秋冬")]
    )
    assert [(s.text, s.topic_id) for s in segments] == [
        ("早八 ", None),
        ("通勤妆", one),
        (" 和 #通勤 以及 #别的", None),
    ]
    assert trailing == [(two, "秋冬")]
    assert body_segments("", []) == ([], [])
    assert frame([Medium("a", 1080, 1440)]) == "r34"
    assert frame([Medium("a", 1920, 1080, 12.5)]) == "r169"
    assert frame([]) == "r34"


# -- the product page -------------------------------------------------------------------------


def _product(world: ReaderWorld, **values) -> tuple[Product, Note]:
    """A product some public note links, and that note; `values` are set on the product."""
    note = _photo_note(world)
    with world.db() as session:
        product = session.get(Product, note.product_links[0].product_id)
        for name, value in values.items():
            setattr(product, name, value)
        session.commit()
        return product, note


def test_a_product_page_shows_price_stock_shop_buy_button_and_featuring_notes(reader_world, reader):
    product, note = _product(reader_world, stock=7)
    html = reader.get(
        f"{reader_world.url}/product/{product.id}?from={note.id}&lang=zh", timeout=30
    ).text
    assert "¥<strong>" in html.replace('<span class="currency">', "").replace("</span>", "")
    assert "<span data-stock>7</span>" in html
    assert f'href="/brand/{product.storefront_id}"' in html
    assert f'data-buy="{product.id}" data-note="{note.id}"' in html
    assert f'class="back-link" href="/note/{note.id}"' in html
    assert f'data-note="{note.id}"' in html  # the note is among those featuring it
    stranger = reader.get(f"{reader_world.url}/product/{product.id}?from=nonsense", timeout=30)
    assert f'data-buy="{product.id}" data-note=""' in stranger.text
    assert "back-link" not in stranger.text


def test_sold_out_and_off_shelf_products_cannot_be_bought(reader_world, reader):
    product, _ = _product(reader_world, stock=0)
    html = reader.get(f"{reader_world.url}/product/{product.id}", timeout=30).text
    assert re.search(rf'data-buy="{product.id}" data-note="" disabled>已售罄', html)
    with reader_world.db() as session:
        session.get(Product, product.id).status = "off_shelf"
        session.commit()
    html = reader.get(f"{reader_world.url}/product/{product.id}", timeout=30).text
    assert "已下架" in html and "data-buy" not in html
    with reader_world.db() as session:
        row = session.get(Product, product.id)
        row.status, row.stock = "on_sale", 50
        session.commit()


@pytest.mark.parametrize("target", ["0f6a2c1e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", "1 OR 1=1", "%00"])
def test_unknown_products_are_the_404_page(reader_world, reader, target):
    page = reader.get(f"{reader_world.url}/product/{target}", timeout=30)
    assert page.status_code == 404 and 'class="empty not-found"' in page.text


# -- the reader door of POST /events ----------------------------------------------------------


def test_a_reader_batch_counts_repeats_once_and_refuses_other_kinds(reader_world, reader):
    """One request is stamped with one time, so its repeats share their buckets whatever the
    clock says (buckets over time are the service's tests', with the time given)."""
    note = _photo_note(reader_world)
    before = _figures(reader_world, note.id)
    impression = {"note_id": str(note.id), "kind": "impression"}
    view = {"note_id": str(note.id), "kind": "view"}
    batch = [
        impression,
        view,
        {"note_id": str(note.id), "kind": "like"},
        {"note_id": str(note.id), "kind": "view", "value": "lots"},
        impression,
        view,
    ]
    first = _events(reader, reader_world, batch, **{"Content-Type": "text/plain;charset=UTF-8"})
    assert first.status_code == 200, first.text
    assert "zc_interests" in first.cookies and "zc_reader" not in first.cookies
    receipt = first.json()
    assert (receipt["accepted"], receipt["duplicates"]) == (2, 2)
    assert [(r["index"], r["code"]) for r in receipt["rejected"]] == [
        (2, "event.kind_not_allowed"),
        (3, "event.invalid"),
    ]
    after = _figures(reader_world, note.id)
    assert after["impressions"] - before["impressions"] == 1
    assert after["views"] - before["views"] == 1
    assert after["likes"] == before["likes"]


def test_hostile_reader_batches_are_refused_with_codes(reader_world, reader):
    note = str(_photo_note(reader_world).id)
    cases = [
        (b'{"note_id": "x"}', 422, "events.not_a_list"),
        (b"not json at all", 422, "events.not_a_list"),
        (
            json.dumps([{"note_id": note, "kind": "impression"}] * 201).encode(),
            413,
            "events.too_many",
        ),
        (b"[" + b" " * 70_000 + b"]", 413, "request.too_large"),
    ]
    for body, status, code in cases:
        answer = _events(reader, reader_world, body)
        assert (answer.status_code, answer.json()["code"]) == (status, code)
    empty = _events(reader, reader_world, b"[]")
    assert empty.json() == {"accepted": 0, "duplicates": 0, "rejected": []}


def test_a_reader_batch_over_64_kb_is_refused_before_it_is_read(reader_world, reader):
    url = urlsplit(reader_world.url)
    head = (
        "POST /api/v1/events HTTP/1.1\r\n"
        f"Host: {url.netloc}\r\n"
        "Content-Type: application/json\r\n"
        "Content-Length: 1000000\r\n"
        f"Cookie: zc_reader={reader.cookies['zc_reader']}\r\n"
        f"X-Forwarded-For: {reader.headers['X-Forwarded-For']}\r\n\r\n"
    )
    answer = b""
    with socket.create_connection((url.hostname, url.port), timeout=15) as raw:
        raw.sendall(head.encode())  # and not a byte of the body
        while b"request.too_large" not in answer:
            received = raw.recv(4096)
            assert received, answer
            answer += received
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b'"params":{"max":65536}' in answer

    def chunks() -> Iterator[bytes]:  # no Content-Length: refused once past 64 KB
        yield b"["
        yield from [b" " * 4096] * 20
        yield b"]"

    chunked = reader.post(f"{reader_world.url}/api/v1/events", data=chunks(), timeout=30)
    assert (chunked.status_code, chunked.json()["code"]) == (413, "request.too_large")


def test_a_reader_sending_too_much_is_told_to_wait(reader_world, reader):
    note = str(_photo_note(reader_world).id)
    batch = [{"note_id": note, "kind": "impression"}] * 200
    assert _events(reader, reader_world, batch).status_code == 200
    refused = _events(reader, reader_world, batch)
    assert refused.status_code == 429
    assert refused.json()["code"] == "events.rate_limited"
    assert int(refused.headers["Retry-After"]) == refused.json()["params"]["retry_after"] >= 1
    # A fresh reader on the same address still may, up to the address's limit.
    address = reader.headers["X-Forwarded-For"]
    codes = []
    for _ in range(6):
        with known_reader(reader_world.url, address) as fresh:
            codes.append(_events(fresh, reader_world, batch).status_code)
    assert codes == [200, 200, 200, 200, 200, 429]


# -- the reader action API --------------------------------------------------------------------


def test_like_collect_and_follow_answer_with_the_counts_shown(reader_world, reader):
    note = _photo_note(reader_world)
    before = _figures(reader_world, note.id)
    liked = _act(reader, reader_world, f"notes/{note.id}/like", {"on": True})
    assert liked.status_code == 200
    assert "zc_interests" in liked.cookies
    count = liked.json()["count"]
    assert liked.json() == {"on": True, "count": before["likes"] + 1}
    assert _act(reader, reader_world, f"notes/{note.id}/like", {"on": False}).json() == {
        "on": False,
        "count": count - 1,
    }
    assert (
        _act(reader, reader_world, f"notes/{note.id}/like", {"on": True}).json()["count"] == count
    )
    collected = _act(reader, reader_world, f"notes/{note.id}/collect", {"on": True}).json()
    assert collected == {"on": True, "count": before["collects"] + 1}
    followed = _act(
        reader,
        reader_world,
        f"accounts/{note.account_id}/follow",
        {"on": True, "note_id": str(note.id)},
    )
    assert followed.status_code == 200 and followed.json()["on"] is True
    page = reader.get(f"{reader_world.url}/note/{note.id}", timeout=30).text
    assert f'data-react="like" data-note="{note.id}" data-on="1"' in page
    assert f'data-follow="{note.account_id}" data-note="{note.id}" data-on="1"' in page
    after = _figures(reader_world, note.id)
    assert (after["likes"], after["collects"]) == (before["likes"] + 1, before["collects"] + 1)
    assert after["follows"] == before["follows"] + 1


def test_bad_requests_to_the_action_api_are_refused_with_codes(reader, reader_world):
    note = _photo_note(reader_world)
    cases = [
        (f"notes/{note.id}/like", {"on": "yes"}, 422, "request.invalid"),
        (f"notes/{note.id}/like", {"on": True, "extra": 1}, 422, "request.invalid"),
        (f"notes/{note.id}/like", [1, 2], 422, "request.invalid"),
        ("notes/not-a-uuid/like", {"on": True}, 422, "request.invalid"),
        (f"notes/{uuid.uuid4()}/collect", {"on": True}, 404, "note.not_found"),
        (f"accounts/{uuid.uuid4()}/follow", {"on": True}, 404, "account.not_found"),
        (f"notes/{note.id}/comments", {"body": 5}, 422, "request.invalid"),
        (f"notes/{note.id}/comments", {"body": " "}, 422, "reader_comment.empty"),
        (f"notes/{note.id}/comments", {"body": "x" * 501}, 422, "reader_comment.too_long"),
        (f"products/{uuid.uuid4()}/orders", {"quantity": 1}, 404, "product.not_found"),
        (f"products/{uuid.uuid4()}/orders", {"quantity": "1"}, 422, "request.invalid"),
        (f"products/{uuid.uuid4()}/orders", {"quantity": 9}, 422, "reader_order.bad_quantity"),
    ]
    for path, body, status, code in cases:
        answer = _act(reader, reader_world, path, body)
        assert (answer.status_code, answer.json()["code"]) == (status, code), path
    garbage = reader.post(
        f"{reader_world.url}/api/v1/reader/notes/{note.id}/like", data=b"\xff\x00{", timeout=30
    )
    assert garbage.status_code == 422


def test_toggling_too_fast_is_told_to_wait(reader_world, reader):
    note = _photo_note(reader_world)
    codes = [
        _act(reader, reader_world, f"notes/{note.id}/collect", {"on": index % 2 == 0}).status_code
        for index in range(61)
    ]
    assert codes[:60] == [200] * 60 and codes[60] == 429


def test_a_comment_and_an_order_from_the_note_land_in_its_figures(reader_world, reader):
    product, note = _product(reader_world, stock=20)
    before = _figures(reader_world, note.id)
    said = _act(reader, reader_world, f"notes/{note.id}/comments", {"body": "好看", "name": "小红"})
    assert said.status_code == 200
    assert {key: said.json()[key] for key in ("name", "body", "status")} == {
        "name": "小红",
        "body": "好看",
        "status": "visible",
    }
    again = _act(reader, reader_world, f"notes/{note.id}/comments", {"body": "再说一句"})
    assert again.status_code == 429 and again.json()["code"] == "reader_comment.rate_limited"
    assert "Retry-After" in again.headers
    clicked = _events(
        reader,
        reader_world,
        [{"note_id": str(note.id), "kind": "product_click", "product_id": str(product.id)}],
    )
    assert clicked.json()["accepted"] == 1
    bought = _act(
        reader,
        reader_world,
        f"products/{product.id}/orders",
        {"quantity": 2, "note_id": str(note.id)},
    )
    assert bought.status_code == 200, bought.text
    assert bought.json()["amount_fen"] == 2 * product.price_fen
    assert bought.json()["stock"] == 18
    for stock in (13, 8, 3):
        more = _act(reader, reader_world, f"products/{product.id}/orders", {"quantity": 5})
        assert more.json()["stock"] == stock
    left = _act(reader, reader_world, f"products/{product.id}/orders", {"quantity": 5})
    assert (left.status_code, left.json()) == (
        409,
        {"code": "product.sold_out", "params": {"stock": 3}},
    )
    after = _figures(reader_world, note.id)
    assert after["comments"] - before["comments"] == 1
    assert after["product_clicks"] - before["product_clicks"] == 1
    assert (after["orders"] - before["orders"], after["gmv_fen"] - before["gmv_fen"]) == (
        1,
        2 * product.price_fen,
    )
    html = reader.get(f"{reader_world.url}/product/{product.id}", timeout=30).text
    assert "<span data-stock>3</span>" in html


# -- who may act: readers with a signed id, from our own pages ---------------------------------


def _every_action(world: ReaderWorld, reader: requests.Session) -> list[requests.Response]:
    """One of each action a reader may take on a note and its product."""
    product, note = _product(world, stock=50)
    return [
        _events(reader, world, [{"note_id": str(note.id), "kind": "impression"}]),
        _act(reader, world, f"notes/{note.id}/like", {"on": True}),
        _act(reader, world, f"notes/{note.id}/collect", {"on": True}),
        _act(reader, world, f"accounts/{note.account_id}/follow", {"on": True}),
        _act(reader, world, f"notes/{note.id}/comments", {"body": "好看"}),
        _act(reader, world, f"products/{product.id}/orders", {"quantity": 1}),
    ]


def _left_behind(world: ReaderWorld, reader_id: str) -> int:
    """Rows a reader's actions left: reactions, follows, comments, orders."""
    with world.db() as session:
        return sum(
            session.scalar(
                select(func.count()).select_from(model).where(model.reader_id == reader_id)
            )
            or 0
            for model in (ReaderReaction, ReaderFollow, ReaderComment, ReaderOrder)
        )


@pytest.mark.parametrize("cookie", ["none", "made_up", "unsigned", "forged", "other_key"])
def test_actions_without_a_reader_id_this_server_signed_count_nothing(reader_world, cookie):
    reader_id = uuid.uuid4().hex
    values = {
        "made_up": uuid.uuid4().hex,
        "unsigned": reader_id,
        "forged": f"{reader_id}.{uuid.uuid4().hex}",
        "other_key": signed(hashlib.sha256(b"another server").hexdigest().encode(), reader_id),
    }
    product, note = _product(reader_world, stock=50)
    before = _figures(reader_world, note.id)
    with requests.Session() as stranger:
        stranger.headers["X-Forwarded-For"] = next(_ADDRESSES)
        if cookie in values:
            stranger.cookies.set("zc_reader", values[cookie])
        answers = _every_action(reader_world, stranger)
    for answer in answers:
        assert answer.status_code == 403, answer.request.url
        assert answer.json() == {"code": "reader.unknown", "params": {}}
        assert "zc_reader" not in answer.cookies  # ids come with pages only
    assert _figures(reader_world, note.id) == before
    assert _left_behind(reader_world, reader_id) == 0
    with reader_world.db() as session:
        assert session.get(Product, product.id).stock == 50


def test_a_reader_id_signed_with_this_servers_key_acts(reader_world):
    """The control of the test above: the same cookie, signed with the server's own key."""
    reader_id = uuid.uuid4().hex
    key = (reader_world.folder / "reader.key").read_text().strip().encode()
    with requests.Session() as reader:
        reader.headers["X-Forwarded-For"] = next(_ADDRESSES)
        reader.cookies.set("zc_reader", signed(key, reader_id))
        answers = _every_action(reader_world, reader)
    assert [answer.status_code for answer in answers] == [200] * 6, [a.text for a in answers]
    assert _left_behind(reader_world, reader_id) == 5  # like, collect, follow, comment, order


def test_actions_posted_from_other_sites_are_refused(reader_world, reader):
    note = _photo_note(reader_world)
    own = reader_world.url
    before = _figures(reader_world, note.id)
    impression = [{"note_id": str(note.id), "kind": "impression"}]
    like = f"{own}/api/v1/reader/notes/{note.id}/like"
    for headers in (
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": own},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": own.replace("http://", "https://")},
    ):
        for answer in (
            _events(reader, reader_world, impression, **headers),
            reader.post(like, json={"on": True}, headers=headers, timeout=30),
        ):
            assert answer.status_code == 403, headers
            assert answer.json() == {"code": "reader.cross_site", "params": {}}
    assert _figures(reader_world, note.id) == before
    # Our own pages: a fetch or a beacon (same-origin), an address typed in (none); a client
    # that is no browser sends neither header.
    for headers in (
        {"Sec-Fetch-Site": "same-origin", "Origin": own},
        {"Sec-Fetch-Site": "none"},
        {"Origin": own},
        {},
    ):
        assert reader.post(like, json={"on": True}, headers=headers, timeout=30).ok, headers
    own_page = _events(reader, reader_world, impression, **{"Sec-Fetch-Site": "same-origin"})
    assert own_page.json()["accepted"] == 1
    after = _figures(reader_world, note.id)
    assert (after["impressions"], after["likes"]) == (
        before["impressions"] + 1,
        before["likes"] + 1,
    )
