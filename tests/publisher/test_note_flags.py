"""A note's flags: visibility, original declaration, AI-generated label, and the read-only
collaboration disclosure."""

from __future__ import annotations

from tests.publisher.test_api import API, call, first_account, token_of


def test_flags_default_off_and_public(backend, api) -> None:
    note, _ = api.create_note(account_id=first_account(api))
    assert (note.visibility, note.original, note.ai_generated, note.collaboration) == (
        "public",
        False,
        False,
        False,
    )


def test_flags_are_set_on_create_and_changed_one_at_a_time(backend, api) -> None:
    note, _ = api.create_note(
        account_id=first_account(api), visibility="private", original=True, ai_generated=True
    )
    assert (note.visibility, note.original, note.ai_generated) == ("private", True, True)
    note, _ = api.update_note(note.id, version=note.version, visibility="mutual")
    assert (note.visibility, note.original, note.ai_generated) == ("mutual", True, True)
    note, _ = api.update_note(note.id, version=note.version, ai_generated=False)
    stored = api.get_note(note.id)
    assert (stored.visibility, stored.original, stored.ai_generated) == ("mutual", True, False)
    assert stored.version == note.version


def test_unknown_visibility_and_collaboration_writes_are_refused(backend, api) -> None:
    token = token_of(api)
    note, _ = api.create_note(account_id=first_account(api))
    bad = call(
        backend,
        "PATCH",
        f"{API}/notes/{note.id}",
        token,
        json={"version": note.version, "visibility": "friends"},
    )
    assert (bad.status_code, bad.json()["code"]) == (422, "request.invalid")
    ignored = call(
        backend,
        "PATCH",
        f"{API}/notes/{note.id}",
        token,
        json={"version": note.version, "collaboration": True},
    )
    assert ignored.status_code == 200 and ignored.json()["collaboration"] is False


def test_a_flag_change_is_compare_and_set(backend, api) -> None:
    note, _ = api.create_note(account_id=first_account(api))
    changed, _ = api.update_note(note.id, version=note.version, original=True)
    stale = call(
        backend,
        "PATCH",
        f"{API}/notes/{note.id}",
        token_of(api),
        json={"version": note.version, "original": False},
    )
    assert stale.status_code == 409
    assert stale.json()["current"]["original"] is True
    assert stale.json()["current"]["version"] == changed.version
