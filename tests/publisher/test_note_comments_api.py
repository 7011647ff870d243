"""Readers' comments for a note's authors, on both databases: a note's comments newest first with
its counts, held ones approved (shown and counted once) or removed, the badge's count across
the caller's notes, viewers reading without moderating, and strangers told nothing exists."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from publisher.client import ClientError, StudioClient
from publisher.config import DEFAULT_DB_FILE
from publisher.db.engine import make_engine, make_sessionmaker
from tests.backend_process import TestBackend
from tests.conftest import register_user
from tests.publisher.reader_helpers import add_reader_comment, known_reader
from tests.publisher.scheduling_helpers import publishable_note


@pytest.fixture(scope="module")
def database(backend: TestBackend) -> Iterator[sessionmaker[Session]]:
    """The backend's own database, where readers' comments are written as its pages would."""
    engine = make_engine(backend.db_url or f"sqlite:///{backend.data_dir / DEFAULT_DB_FILE}")
    yield make_sessionmaker(engine)
    engine.dispose()


@pytest.fixture
def published(api: StudioClient, tmp_path):
    note = publishable_note(api, tmp_path)
    return api.publish_note(note.id, version=note.version)[0]


def _code(call) -> tuple[int, str, dict]:
    with pytest.raises(ClientError) as refused:
        call()
    return refused.value.status, refused.value.code, refused.value.params


def test_a_notes_comments_newest_first_with_counts_and_pages(api, published, database) -> None:
    oldest = add_reader_comment(database, published.id, "好看", minutes_ago=30)
    link = add_reader_comment(database, published.id, "加我 v x c o m", held="link", minutes_ago=20)
    words = add_reader_comment(database, published.id, "最便宜", held="words", minutes_ago=5)

    everything = api.reader_comments(published.id)
    assert [item.id for item in everything.items] == [words, link, oldest]
    assert everything.total == 3
    assert everything.counts == {"visible": 1, "held": 2, "removed": 0}
    assert everything.may_moderate
    held = api.reader_comments(published.id, status="held")
    assert [(item.id, item.held_reason) for item in held.items] == [
        (words, "words"),
        (link, "link"),
    ]
    assert held.total == 2 and held.counts["visible"] == 1
    second = api.reader_comments(published.id, status="held", offset=1, limit=1)
    assert [item.id for item in second.items] == [link] and second.total == 2
    visible = api.reader_comments(published.id, status="visible")
    assert [(item.name, item.body, item.status) for item in visible.items] == [
        ("小鹿", "好看", "visible")
    ]
    assert visible.items[0].note_id == published.id


def test_approving_shows_and_counts_a_held_comment_once(api, published, database) -> None:
    held = add_reader_comment(database, published.id, "链接 www.example.com", held="link")
    before = api.stats_summary(account_id=published.account_id).totals["comments"]

    approved, _changes = api.approve_reader_comment(held)
    assert (approved.status, approved.held_reason) == ("visible", None)
    again, _changes = api.approve_reader_comment(held)
    assert again.status == "visible"
    page = api.reader_comments(published.id)
    assert page.counts == {"visible": 1, "held": 0, "removed": 0}
    assert api.stats_summary(account_id=published.account_id).totals["comments"] == before + 1


def test_removing_takes_a_comment_off_for_good(api, published, database) -> None:
    held = add_reader_comment(database, published.id, "最好的", held="words")
    shown = add_reader_comment(database, published.id, "喜欢")

    removed, _changes = api.remove_reader_comment(held)
    assert removed.status == "removed" and removed.held_reason == "words"
    assert api.remove_reader_comment(shown)[0].status == "removed"
    assert api.remove_reader_comment(shown)[0].status == "removed"
    assert _code(lambda: api.approve_reader_comment(held)) == (
        422,
        "reader_comment.removed",
        {},
    )
    page = api.reader_comments(published.id, status="all")
    assert page.counts == {"visible": 0, "held": 0, "removed": 2}
    assert {item.status for item in page.items} == {"removed"}


def test_the_badge_counts_held_comments_on_notes_one_may_moderate(
    backend, api, published, database, tmp_path
) -> None:
    start = api.held_reader_comments()
    other = publishable_note(api, tmp_path, title="第二篇")
    other = api.publish_note(other.id, version=other.version)[0]
    first = add_reader_comment(database, published.id, "www.a.com", held="link")
    add_reader_comment(database, published.id, "最", held="words")
    add_reader_comment(database, other.id, "http://b.cn", held="link")
    add_reader_comment(database, other.id, "不错")
    assert api.held_reader_comments() == start + 3
    api.approve_reader_comment(first)
    assert api.held_reader_comments() == start + 2

    viewer = register_user(backend, "viewer")
    code = api.create_invitation(api.list_organizations()[0].id, role="viewer")[0].code
    viewer.accept_invitation(code)
    assert viewer.held_reader_comments() == 0
    stranger = register_user(backend, "stranger")
    assert stranger.held_reader_comments() == 0


def test_viewers_read_and_strangers_see_nothing(backend, api, published, database) -> None:
    held = add_reader_comment(database, published.id, "www.spam.com", held="link")
    viewer = register_user(backend, "viewer")
    code = api.create_invitation(api.list_organizations()[0].id, role="viewer")[0].code
    viewer.accept_invitation(code)

    page = viewer.reader_comments(published.id, status="held")
    assert [item.id for item in page.items] == [held] and not page.may_moderate
    for moderate in (viewer.approve_reader_comment, viewer.remove_reader_comment):
        assert _code(lambda call=moderate: call(held)) == (
            403,
            "reader_comment.forbidden",
            {"role": "viewer"},
        )

    stranger = register_user(backend, "stranger")
    assert _code(lambda: stranger.reader_comments(published.id))[:2] == (404, "note.not_found")
    for moderate in (stranger.approve_reader_comment, stranger.remove_reader_comment):
        assert _code(lambda call=moderate: call(held))[:2] == (404, "comment.not_found")
        assert _code(lambda call=moderate: call(uuid.uuid4()))[:2] == (404, "comment.not_found")
    assert api.reader_comments(published.id).counts["held"] == 1


def test_a_readers_comment_with_a_link_waits_for_the_author(backend, api, published) -> None:
    reader = known_reader(backend.url)
    url = f"{backend.url}/api/v1/reader/notes/{published.id}/comments"
    answer = reader.post(url, json={"body": "好物链接 www.haowu.com", "name": "读者甲"}, timeout=10)
    assert answer.status_code < 300 and answer.json()["status"] == "held"

    held = api.reader_comments(published.id, status="held").items
    assert [(item.name, item.held_reason) for item in held] == [("读者甲", "link")]
    approved, _changes = api.approve_reader_comment(held[0].id)
    assert approved.status == "visible"
    assert api.stats_summary(account_id=published.account_id).totals["comments"] == 1
