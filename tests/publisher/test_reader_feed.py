"""The recommended feed, served for real: `/` shows every public note of the tiny demo world as
a tile, `/feed/more` continues a visit's order page by page without repeats and says where it
ends — by offset, or past the notes already shown, which neither repeats nor skips one when
the reader's interests change between pages — a reader's interests cookie brings their topic
first without filling the feed with it, user text is escaped, and a world without notes
explains itself."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from publisher.db.models import Note, NoteTopic, Topic
from publisher.domain.feed_ranking import NOW_STEP_SECONDS
from publisher.domain.interests import Interests
from publisher.services import reader_catalog
from publisher.services.reader_catalog import is_public_note
from tests.backend_process import start_backend
from tests.reader_world import (
    HOSTILE_TITLE,
    HOSTILE_TITLE_ESCAPED,
    ReaderWorld,
    hostile_world,
)

TILE = re.compile(r'<article class="tile" data-note="([0-9a-f-]{36})"')
MORE = re.compile(r'data-more="/feed/more\?seed=(\d+)&amp;at=(\d+)&amp;offset="')

world = hostile_world


def public_notes(world: ReaderWorld) -> set[str]:
    with world.db() as session:
        return {
            str(note_id) for note_id in session.scalars(select(Note.id).where(is_public_note()))
        }


def tiles(html: str) -> list[str]:
    return TILE.findall(html)


def seed_of(html: str) -> str:
    """The visit's seed, from the address the page asks for more tiles at."""
    return visit_of(html)["seed"]


def visit_of(html: str) -> dict[str, str]:
    """The visit's seed and clock, from the address the page asks for more tiles at."""
    found = MORE.search(html)
    assert found
    return {"seed": found.group(1), "at": found.group(2)}


def seen_param(note_ids: list[str]) -> str:
    """What search.js sends as `seen`: the first 12 hex digits of each note on the page."""
    return ",".join(note_id.replace("-", "")[:12] for note_id in note_ids)


def attribute(html: str, name: str) -> str:
    found = re.search(rf'{name}="([^"]*)"', html)
    assert found, name
    return found.group(1)


def test_the_feed_shows_every_public_note_as_a_tile(world: ReaderWorld) -> None:
    reader = requests.Session()
    answer = reader.get(world.url + "/", timeout=10)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["cache-control"] == "private, no-cache"
    assert "zc_reader" in reader.cookies
    html = answer.text
    shown = tiles(html)
    assert len(shown) == len(set(shown)) == len(public_notes(world)) == 13
    assert set(shown) == public_notes(world)
    for note_id in shown:
        assert f'href="/note/{note_id}"' in html
    assert len(re.findall(r'<img src="/m/[0-9a-f]{64}\?w=512"', html)) == 13
    assert html.count('class="likes"') == 13
    assert 'class="badge-video"' in html
    assert 'class="chip active" href="/" aria-current="page">推荐</a>' in html
    assert re.search(r'class="chip" href="/topic/[0-9a-f-]{36}">', html)
    assert '/static/reader/search.js"' in html
    assert attribute(html, "data-end") == "1"
    assert attribute(html, "data-next") == "13"
    visit = visit_of(html)
    assert re.fullmatch(r"\d+", visit["seed"])
    assert int(visit["at"]) % NOW_STEP_SECONDS == 0
    assert 'data-seen-param="1"' in html


def test_more_continues_the_visit_without_repeats_and_ends(world: ReaderWorld) -> None:
    reader = requests.Session()
    first = reader.get(world.url + "/", timeout=10).text
    seed = seed_of(first)
    seen: list[str] = []
    offset = 0
    while True:
        answer = reader.get(
            world.url + "/feed/more",
            params={"offset": offset, "seed": seed, "limit": 4},
            timeout=10,
        )
        assert answer.status_code == 200
        assert "<html" not in answer.text and "<header" not in answer.text
        assert "script-src 'self'" in answer.headers["content-security-policy"]
        page = tiles(answer.text)
        seen += page
        offset = int(attribute(answer.text, "data-next"))
        assert offset == len(seen)
        if attribute(answer.text, "data-end") == "1":
            break
        assert len(page) == 4
    assert len(seen) == len(set(seen)) == 13
    assert seen == tiles(first)
    past = reader.get(
        world.url + "/feed/more", params={"offset": 40, "seed": seed}, timeout=10
    ).text
    assert tiles(past) == [] and attribute(past, "data-end") == "1"


def test_a_seed_gives_one_order_and_visits_get_different_seeds(world: ReaderWorld) -> None:
    reader = requests.Session()
    ask = {"offset": 0, "seed": 77, "limit": 13}
    once = tiles(reader.get(world.url + "/feed/more", params=ask, timeout=10).text)
    again = tiles(reader.get(world.url + "/feed/more", params=ask, timeout=10).text)
    assert once == again
    seeds = {seed_of(reader.get(world.url + "/", timeout=10).text) for _ in range(5)}
    assert len(seeds) > 1


def test_pages_past_the_notes_shown_neither_repeat_nor_skip_when_interests_change(
    world: ReaderWorld,
) -> None:
    reader = requests.Session()
    visit = visit_of(reader.get(world.url + "/", timeout=10).text)
    with world.db() as session:
        topics = session.execute(select(NoteTopic.note_id, NoteTopic.topic_id)).all()
    topics_of: dict[str, set[uuid.UUID]] = {}
    for note_id, topic_id in topics:
        topics_of.setdefault(str(note_id), set()).add(topic_id)
    shown: list[str] = []
    liked_notes: set[str] = set()
    while True:
        ask = {**visit, "offset": len(shown), "limit": 3}
        if shown:
            ask["seen"] = seen_param(shown)
        page = reader.get(world.url + "/feed/more", params=ask, timeout=10).text
        fresh = tiles(page)
        assert not set(fresh) & set(shown)
        if liked_notes:
            # What is left is ranked for the reader's new interests.
            assert fresh[0] in liked_notes
        shown += fresh
        assert attribute(page, "data-next") == str(len(shown))
        if attribute(page, "data-end") == "1":
            break
        assert len(fresh) == 3
        # Between pages the reader likes a topic of a note not shown yet.
        left = sorted((public_notes(world) - set(shown)) & set(topics_of))
        liked = min(topics_of[left[-1]])
        liked_notes = {note for note in left if liked in topics_of[note]}
        interests = Interests()
        for _ in range(5):
            interests.learn("like", [liked], uuid.uuid4())
        reader.cookies.set("zc_interests", interests.cookie())
    assert len(shown) == len(set(shown)) == 13
    assert set(shown) == public_notes(world)


def test_seen_notes_unknown_or_malformed_are_ignored(world: ReaderWorld) -> None:
    first = tiles(
        requests.get(
            world.url + "/feed/more", params={"offset": 0, "seed": 3, "limit": 2}, timeout=10
        ).text
    )
    seen = ",".join([seen_param(first), "0" * 12, "x", "", "<script>"])
    rest = requests.get(
        world.url + "/feed/more",
        params={"offset": 2, "seed": 3, "limit": 20, "seen": seen},
        timeout=10,
    ).text
    assert sorted(first + tiles(rest)) == sorted(public_notes(world))
    assert attribute(rest, "data-end") == "1" and attribute(rest, "data-next") == "13"


@pytest.mark.parametrize(
    "query",
    [
        {"offset": -1, "seed": 1},
        {"offset": 0, "seed": 1, "at": -1},
        {"offset": 0, "seed": 1, "seen": "0123456789ab," * 401},
        {"offset": 0},
        {"offset": 0, "seed": 2**31},
        {"offset": "x", "seed": 1},
        {"offset": 0, "seed": 1, "limit": 0},
        {"offset": 0, "seed": 1, "limit": 1000},
    ],
)
def test_more_refuses_odd_questions(world: ReaderWorld, query: dict) -> None:
    assert requests.get(world.url + "/feed/more", params=query, timeout=10).status_code == 422


def test_a_readers_interests_put_their_topic_first(world: ReaderWorld) -> None:
    with world.db() as session:
        topic_id = session.scalar(select(Topic.id).where(Topic.name == "减脂餐"))
        assert topic_id is not None
        theirs = {
            str(note_id)
            for note_id in session.scalars(
                select(NoteTopic.note_id).where(NoteTopic.topic_id == topic_id)
            )
        } & public_notes(world)
    assert len(theirs) == 3
    interests = Interests()
    for _ in range(3):
        interests.learn("like", [topic_id], uuid.uuid4())
    reader = requests.Session()
    reader.cookies.set("zc_interests", interests.cookie())
    html = reader.get(world.url + "/", timeout=10).text
    assert set(tiles(html)[:3]) == theirs
    chips = re.findall(r'class="chip" href="/topic/([0-9a-f-]{36})"', html)
    assert chips[0] == str(topic_id)
    # The feed reads interests; it does not change them.
    assert "zc_interests" not in reader.get(world.url + "/", timeout=10).headers.get(
        "set-cookie", ""
    )


def test_a_reader_who_liked_one_topic_still_sees_others(world: ReaderWorld) -> None:
    with world.db() as session:
        catalog = reader_catalog.load(session)
    beauty = next(t for t, name in catalog.topic_names.items() if name == "美妆")
    theirs = {str(card.id) for card in catalog.by_topic[beauty]}
    assert len(theirs) == 6 and len(catalog.cards) == 13
    interests = Interests()
    for card in catalog.by_topic[beauty][:4]:  # as four likes teach it
        interests.learn("like", card.topic_ids, card.account_id)
    reader = requests.Session()
    reader.cookies.set("zc_interests", interests.cookie())
    shown = [note in theirs for note in tiles(reader.get(world.url + "/", timeout=10).text)]
    assert len(shown) == 13 and shown[0]
    # At most half of any six tiles in a row while other notes are left.
    assert all(sum(shown[start : start + 6]) <= 3 for start in range(13 - 6))
    assert sum(shown[:6]) == 3


@pytest.mark.parametrize("cookie", ["garbage", "i1.!!!", "i1." + "e30" * 600])
def test_a_hostile_interests_cookie_gets_the_general_feed(world: ReaderWorld, cookie: str) -> None:
    reader = requests.Session()
    reader.cookies.set("zc_interests", cookie)
    answer = reader.get(world.url + "/", timeout=10)
    assert answer.status_code == 200
    assert len(tiles(answer.text)) == 13


def test_a_title_with_a_script_is_shown_as_text(world: ReaderWorld) -> None:
    escaped = HOSTILE_TITLE_ESCAPED
    for path, params in (("/", {}), ("/feed/more", {"offset": 0, "seed": 5, "limit": 20})):
        html = requests.get(world.url + path, params=params, timeout=10).text
        assert HOSTILE_TITLE not in html
        assert f'<h3 class="tile-title">{escaped}</h3>' in html


def test_the_feed_speaks_english_when_asked(world: ReaderWorld) -> None:
    html = requests.get(world.url + "/", params={"lang": "en"}, timeout=10).text
    assert 'aria-current="page">For you</a>' in html
    assert "That&#39;s everything" in html


def test_a_world_without_notes_explains_the_feed(tmp_path: Path) -> None:
    backend = start_backend(tmp_path)
    try:
        html = requests.get(backend.url + "/", timeout=10).text
        assert "还没有发布的笔记" in html
        assert 'class="tile"' not in html and "data-more" not in html
        more = requests.get(backend.url + "/feed/more?offset=0&seed=1", timeout=10).text
        assert tiles(more) == [] and attribute(more, "data-end") == "1"
    finally:
        backend.stop()
