"""A video note's view in a real browser (headless Chromium): sent once per visit, with the
seconds played and whether they complete the video — when the reader leaves or the video
ends, never when the tab is merely hidden (which would fix the watch time at a tab switch),
and sent by a later page when a phone discarded the hidden one."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page
from sqlalchemy import func, select

from publisher.db.models import Event, MediaAsset, Note, NoteMedia, Product
from publisher.domain.metrics import EventKind
from tests.e2e.waiting import eventually
from tests.reader_world import ReaderWorld

PARKED = "zc_parked_views"
_VISIBILITY = """state => {
    Object.defineProperty(document, "visibilityState", {configurable: true, get: () => state});
    document.dispatchEvent(new Event("visibilitychange"));
}"""
"""Headless Chromium never hides a tab: the page is told it is hidden, as a tab switch would."""
_PAUSE_AT = """seconds => {
    const video = document.querySelector("video");
    video.addEventListener("timeupdate", function stop() {
        if (video.currentTime < seconds) return;
        video.pause();
        video.removeEventListener("timeupdate", stop);
    });
}"""


@pytest.fixture
def page(browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


def _video_note(world: ReaderWorld) -> tuple[uuid.UUID, float]:
    """A public video note and its length in seconds."""
    with world.db() as session:
        note_id, duration_ms = session.execute(
            select(Note.id, MediaAsset.duration_ms)
            .join(NoteMedia, NoteMedia.note_id == Note.id)
            .join(MediaAsset, MediaAsset.sha256 == NoteMedia.sha256)
            .where(Note.type == "video", Note.status == "published", Note.visibility == "public")
            .limit(1)
        ).one()
    return note_id, duration_ms / 1000


def _last_event(world: ReaderWorld) -> int:
    with world.db() as session:
        return session.scalar(select(func.max(Event.seq))) or 0


def _views_since(
    world: ReaderWorld, seq: int, note_id: uuid.UUID, count: int = 1, seconds: float = 20
) -> list:
    """The views of the note recorded after event `seq`, once `count` of them arrived (or
    `seconds` passed)."""

    def read() -> list:
        with world.db() as session:
            return session.execute(
                select(Event.value, Event.completed)
                .where(Event.seq > seq, Event.note_id == note_id, Event.kind == EventKind.VIEW)
                .order_by(Event.seq)
            ).all()

    return [tuple(view) for view in eventually(read, lambda views: len(views) >= count, seconds)]


def _wait(page: Page, script: str) -> None:
    """Until `script` is true in the page (polled: the pages' CSP forbids the evaluated
    predicates of `wait_for_function`)."""
    deadline = time.monotonic() + 30
    while not page.evaluate(script):
        assert time.monotonic() < deadline, script
        page.wait_for_timeout(100)


def _play_until(page: Page, seconds: float) -> None:
    page.evaluate("() => { const v = document.querySelector('video'); v.muted = true; v.play(); }")
    _wait(page, f"document.querySelector('video').currentTime >= {seconds}")


def test_a_tab_switch_does_not_fix_the_watch_time(reader_world: ReaderWorld, page: Page) -> None:
    note_id, duration = _video_note(reader_world)
    start = _last_event(reader_world)
    page.goto(f"{reader_world.url}/note/{note_id}")
    _play_until(page, 0.4)
    page.evaluate(_VISIBILITY, "hidden")
    parked = page.evaluate(f"JSON.parse(localStorage.getItem('{PARKED}'))")
    assert [view["event"]["value"] for view in parked.values()] == [0]
    page.evaluate(_VISIBILITY, "visible")
    assert page.evaluate(f"localStorage.getItem('{PARKED}')") == "{}"
    page.evaluate(_PAUSE_AT, 1.6)  # in the page: no test's latency in the seconds watched
    _play_until(page, 1.6)
    _wait(page, "document.querySelector('video').paused")
    page.goto(f"{reader_world.url}/")  # leaving sends the view, once
    assert duration * 0.9 > 2.5  # so two seconds are no complete view
    assert _views_since(reader_world, start, note_id) == [(2, None)]


def test_a_video_watched_to_the_end_is_a_complete_view(
    reader_world: ReaderWorld, page: Page
) -> None:
    note_id, duration = _video_note(reader_world)
    start = _last_event(reader_world)
    page.goto(f"{reader_world.url}/note/{note_id}")
    _play_until(page, 0)
    _wait(page, "document.querySelector('video').ended")
    views = _views_since(reader_world, start, note_id)
    assert views == [(round(duration), True)]
    page.goto(f"{reader_world.url}/")  # sent already: leaving sends nothing more
    assert len(_views_since(reader_world, start, note_id, count=2, seconds=3)) == 1


def test_a_discarded_pages_view_is_sent_by_a_later_page(
    reader_world: ReaderWorld, page: Page
) -> None:
    note_id, _ = _video_note(reader_world)
    with reader_world.db() as session:
        product = session.scalars(select(Product.id).limit(1)).one()
    start = _last_event(reader_world)
    page.goto(f"{reader_world.url}/product/{product}")  # a page with note.js, and no view
    parked = {
        "old": {"event": {"note_id": str(note_id), "kind": "view", "value": 2}, "at": 0},
        "recent": {"event": {"note_id": str(note_id), "kind": "view", "value": 1}, "at": 0},
    }
    page.evaluate(
        f"""parked => {{
            parked.recent.at = Date.now() - 60 * 1000;
            localStorage.setItem('{PARKED}', JSON.stringify(parked));
        }}""",
        parked,
    )
    page.reload()
    assert _views_since(reader_world, start, note_id) == [(2, None)]
    left = page.evaluate(f"Object.keys(JSON.parse(localStorage.getItem('{PARKED}')))")
    assert left == ["recent"]  # hidden a minute ago: its page may still come back
