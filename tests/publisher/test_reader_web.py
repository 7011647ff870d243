"""What every reader page shares: signed reader ids handed out with pages, the language
switch keeping the page's address, the HTML 404 for browsers, caching that keeps Back fast."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import requests
from sqlalchemy import select

from publisher.db.models import Note
from publisher.reader.web import READER_COOKIE

HTML = {"Accept": "text/html,application/xhtml+xml"}


def test_a_page_hands_out_a_signed_reader_id_and_keeps_it(reader_world):
    reader = requests.Session()
    reader.get(f"{reader_world.url}/", headers=HTML, timeout=30)
    signed = reader.cookies.get(READER_COOKIE)
    assert signed is not None and re.fullmatch(r"[0-9a-f]{32}\.[0-9a-f]{32}", signed)
    again = reader.get(f"{reader_world.url}/search", headers=HTML, timeout=30)
    assert READER_COOKIE not in again.cookies  # known: nothing new to hand out


def test_a_made_up_reader_id_is_replaced_by_a_signed_one(reader_world):
    made_up = "0" * 32 + "." + "0" * 32
    answer = requests.get(
        f"{reader_world.url}/", cookies={READER_COOKIE: made_up}, headers=HTML, timeout=30
    )
    issued = answer.cookies.get(READER_COOKIE)
    assert issued is not None and issued != made_up


def test_the_language_switch_keeps_the_pages_address(reader_world):
    page = requests.get(
        f"{reader_world.url}/search", params={"q": "防晒", "type": "users"}, timeout=30
    ).text
    link = html.unescape(re.search(r'<nav class="lang">\s*<a href="([^"]+)"', page).group(1))
    assert link.startswith("/search?") and "type=users" in link and "lang=en" in link
    assert "q=%E9%98%B2%E6%99%92" in link


def test_an_unknown_address_is_the_404_page_for_browsers_and_json_for_the_api(reader_world):
    page = requests.get(f"{reader_world.url}/nothing/here", headers=HTML, timeout=30)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert '<header class="top">' in page.text
    api = requests.get(f"{reader_world.url}/api/v1/nothing", headers=HTML, timeout=30)
    assert api.status_code == 404 and api.json()["code"] == "http.404"
    script = requests.get(f"{reader_world.url}/nothing/here", timeout=30)
    assert script.json()["code"] == "http.404"


def test_pages_may_stay_in_the_back_forward_cache(reader_world):
    answer = requests.get(f"{reader_world.url}/", headers=HTML, timeout=30)
    assert answer.headers["cache-control"] == "private, no-cache"
    assert "script-src 'self'" in answer.headers["content-security-policy"]


def test_a_note_published_a_moment_ago_has_its_page_at_once(reader_world):
    with reader_world.db() as session:
        draft = session.scalars(
            select(Note).where(Note.status == "draft", Note.media.any()).limit(1)
        ).one()
        requests.get(f"{reader_world.url}/", headers=HTML, timeout=30)  # the snapshot is loaded
        draft.status, draft.visibility = "published", "public"
        draft.published_at = datetime.now(UTC)
        session.commit()
        answer = requests.get(f"{reader_world.url}/note/{draft.id}", headers=HTML, timeout=30)
    assert answer.status_code == 200 and "<h1" in answer.text
