"""The near-duplicate check on a real server (SQLite and PostgreSQL): an MCN whose two creators
post the same photo or the same text is warned, with which photo and how alike; a creator
never learns of notes outside their own accounts; drafts count only when checked together."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from publisher.client import StudioClient
from publisher.client.errors import ClientError
from publisher.schemas import NotePublic
from publisher.services.near_duplicates import IMAGE_MAX_DISTANCE
from tests.conftest import register_user, signed_up
from tests.photos import altered, photo
from tests.publisher.test_text_similarity import COFFEE, COFFEE_REPOST, OUTFIT, RECIPE


class Mcn:
    """An MCN (its owner checks) managing two creators' accounts, and an outsider."""

    def __init__(self, backend) -> None:
        self.boss = signed_up(backend.url, "boss")
        org = self.boss.create_organization(name="矩阵MCN", kind="mcn")
        self.creators = [register_user(backend, name) for name in ("阿花", "小林")]
        self.accounts = []
        for creator in self.creators:
            account = creator.list_accounts()[0]
            invitation, _ = self.boss.create_invitation(org.id, kind="manage")
            creator.accept_invitation(invitation.code, account_ids=[account.id])
            self.accounts.append(account)
        self.outsider = register_user(backend, "outsider")


@pytest.fixture(scope="module")
def mcn(backend) -> Mcn:
    return Mcn(backend)


def _upload(client: StudioClient, folder: Path, data: bytes) -> str:
    path = folder / f"{uuid.uuid4().hex}.jpg"
    path.write_bytes(data)
    return client.upload_media(path).sha256


def _note(
    client: StudioClient,
    account_id: uuid.UUID,
    folder: Path,
    *,
    title: str,
    body: str = "",
    photos: tuple[bytes, ...] = (),
) -> NotePublic:
    media = [{"sha256": _upload(client, folder, data)} for data in photos]
    note, _ = client.create_note(account_id=account_id, title=title, body=body, media=media)
    return note


def _published(client: StudioClient, note: NotePublic) -> NotePublic:
    return client.publish_note(note.id, version=note.version)[0]


def _scheduled(client: StudioClient, note: NotePublic) -> NotePublic:
    at = datetime.now(UTC) + timedelta(days=2)
    return client.schedule_note(note.id, at=at, version=note.version)[0]


def _matches(client: StudioClient, note: NotePublic, *others: NotePublic) -> dict:
    [found, *_] = client.near_duplicates([note.id, *(other.id for other in others)])
    assert found.note_id == note.id
    return {match.note_id: match for match in found.matches}


def test_the_same_photo_on_two_managed_accounts_is_flagged_with_the_photo(mcn, tmp_path):
    first, second = mcn.creators
    cat = photo("cat").read_bytes()
    posted = _published(
        first,
        _note(first, mcn.accounts[0].id, tmp_path, title="猫咪日常", photos=(cat,)),
    )
    # The repost: another file (resized, re-encoded, brighter) as the second photo.
    draft = _note(
        second,
        mcn.accounts[1].id,
        tmp_path,
        title="今天的猫",
        body=RECIPE,
        photos=(photo("rocket").read_bytes(), altered("cat", scale=0.7, brightness=1.15)),
    )

    match = _matches(mcn.boss, draft)[posted.id]
    assert (match.kind, match.account_id, match.account_nickname) == (
        "image",
        mcn.accounts[0].id,
        mcn.accounts[0].nickname,
    )
    assert (match.title, match.status, match.published_at) == (
        "猫咪日常",
        "published",
        posted.published_at,
    )
    [shown] = match.photos
    assert (shown.position, shown.other_position) == (1, 0)
    assert shown.other_sha256 == posted.media[0].sha256
    assert shown.distance <= IMAGE_MAX_DISTANCE
    assert match.score == 1.0  # the one photo of the shorter note
    assert match.text_score is None


def test_a_reworded_text_is_flagged_and_different_notes_are_not(mcn, tmp_path):
    first, second = mcn.creators
    original = _scheduled(
        first,
        _note(
            first,
            mcn.accounts[0].id,
            tmp_path,
            title="静安寺咖啡",
            body=COFFEE,
            photos=(photo("coffee").read_bytes(),),
        ),
    )
    unrelated = _published(
        second,
        _note(
            second,
            mcn.accounts[1].id,
            tmp_path,
            title="穿搭",
            body=OUTFIT,
            photos=(photo("astronaut").read_bytes(),),
        ),
    )
    repost = _note(second, mcn.accounts[1].id, tmp_path, title="静安寺咖啡", body=COFFEE_REPOST)

    matches = _matches(mcn.boss, repost)
    match = matches[original.id]
    assert (match.kind, match.status, match.scheduled_at) == (
        "text",
        "scheduled",
        original.scheduled_at,
    )
    assert match.text_score is not None and match.text_score >= 0.5
    assert match.score == match.text_score and match.photos == []
    assert unrelated.id not in matches

    # The same text with the same photo again: both at once.
    again = _note(
        first,
        mcn.accounts[0].id,
        tmp_path,
        title="再发一次",
        body=COFFEE,
        photos=(altered("coffee", crop=0.02),),
    )
    both = _matches(mcn.boss, again)[original.id]
    assert both.kind == "both" and both.score == 1.0 and len(both.photos) == 1


def test_drafts_count_only_when_checked_together(mcn, tmp_path):
    first, second = mcn.creators
    rocket = photo("rocket").read_bytes()
    one = _note(first, mcn.accounts[0].id, tmp_path, title="发射", photos=(rocket,))
    other = _note(second, mcn.accounts[1].id, tmp_path, title="火箭", photos=(rocket,))
    assert other.id not in _matches(mcn.boss, one)

    found = mcn.boss.near_duplicates([one.id, other.id])
    assert [entry.note_id for entry in found] == [one.id, other.id]
    assert [m.note_id for m in found[0].matches] == [other.id]
    assert [m.note_id for m in found[1].matches] == [one.id]
    assert found[0].matches[0].status == "draft"


def test_notes_of_accounts_the_caller_does_not_see_stay_hidden(mcn, tmp_path):
    first, second = mcn.creators
    same = altered("astronaut", quality=70)
    theirs = _published(
        second, _note(second, mcn.accounts[1].id, tmp_path, title="太空", photos=(same,))
    )
    mine = _note(first, mcn.accounts[0].id, tmp_path, title="宇航员", photos=(same,))

    # The MCN sees both accounts; the first creator only their own.
    assert theirs.id in _matches(mcn.boss, mine)
    assert theirs.id not in _matches(first, mine)
    # An outsider cannot even learn that the note exists.
    with pytest.raises(ClientError) as caught:
        mcn.outsider.near_duplicates([mine.id])
    assert (caught.value.status, caught.value.code) == (404, "note.not_found")


def test_a_bad_request_is_refused_with_a_code(mcn):
    with pytest.raises(ClientError) as caught:
        mcn.boss.near_duplicates([])
    assert (caught.value.status, caught.value.code) == (422, "request.invalid")
    with pytest.raises(ClientError) as caught:
        mcn.boss.near_duplicates([uuid.uuid4()])
    assert (caught.value.status, caught.value.code) == (404, "note.not_found")


def test_a_note_without_photos_or_text_has_no_matches(backend, tmp_path):
    client = register_user(backend, "solo")
    account = client.list_accounts()[0].id
    _published(
        client, _note(client, account, tmp_path, title="短", photos=(photo("cat").read_bytes(),))
    )
    empty = _note(client, account, tmp_path, title="短")
    assert _matches(client, empty) == {}


def test_a_check_is_a_question_whose_answer_is_never_replayed(mcn, tmp_path):
    first = mcn.creators[0]
    one = _note(first, mcn.accounts[0].id, tmp_path, title="一")
    other = _note(first, mcn.accounts[0].id, tmp_path, title="二")
    for note in (one, other):  # the same key, another question: asked afresh, not refused
        response = mcn.boss.transport.request(
            "POST",
            "/notes/near-duplicates",
            json={"note_ids": [str(note.id)]},
            idempotency_key="same-key",
        )
        assert response.json()["notes"][0]["note_id"] == str(note.id)
