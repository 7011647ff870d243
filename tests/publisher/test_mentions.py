"""@mentions: any account can be found by nickname (showing only what a mention shows) and
mentioned; a note keeps its mentions in order."""

from __future__ import annotations

import uuid

import pytest

from publisher.client import ValidationError
from tests.publisher.test_api import API, call, first_account, token_of


def test_search_finds_any_account_by_nickname_and_shows_only_public_fields(
    backend, api, other_api
) -> None:
    tag = uuid.uuid4().hex[:6]
    mine = api.create_account(nickname=f"咖啡小{tag}")
    theirs = other_api.create_account(nickname=f"{tag}咖啡馆")
    answer = call(backend, "GET", f"{API}/accounts/search", token_of(api), params={"q": tag})
    assert answer.status_code == 200
    body = answer.json()
    assert body["total"] == 2
    # A nickname starting with the query comes first.
    assert [item["id"] for item in body["items"]] == [str(theirs.id), str(mine.id)]
    assert set(body["items"][0]) == {
        "id",
        "nickname",
        "avatar_sha256",
        "followers",
        "category",
        "region",
    }


def test_search_needs_a_query_and_treats_wildcards_literally(backend, api) -> None:
    empty = call(backend, "GET", f"{API}/accounts/search", token_of(api), params={"q": ""})
    assert (empty.status_code, empty.json()["code"]) == (422, "request.invalid")
    assert api.search_mentionable("%").total == 0
    assert call(backend, "GET", f"{API}/accounts/search", params={"q": "a"}).status_code == 401


def test_a_note_mentions_other_accounts_in_order(backend, api, other_api) -> None:
    rival = first_account(other_api)
    extra = api.create_account(nickname="第二个号").id
    note, _ = api.create_note(account_id=first_account(api), mentions=[rival, extra])
    assert note.mentions == [rival, extra]
    assert note.mention_names == [other_api.list_accounts()[0].nickname, "第二个号"]
    note, _ = api.update_note(note.id, version=note.version, mentions=[extra])
    assert api.get_note(note.id).mentions == [extra]
    cleared, _ = api.update_note(note.id, version=note.version, mentions=[])
    assert cleared.mentions == []


def test_unknown_and_repeated_mentions_are_refused(backend, api) -> None:
    missing = uuid.uuid4()
    with pytest.raises(ValidationError) as unknown:
        api.create_note(account_id=first_account(api), mentions=[missing])
    assert (unknown.value.code, unknown.value.params) == (
        "mention.unknown",
        {"account_id": str(missing)},
    )
    me = first_account(api)
    with pytest.raises(ValidationError) as twice:
        api.create_note(account_id=me, mentions=[me, me])
    assert twice.value.code == "mention.duplicate"
