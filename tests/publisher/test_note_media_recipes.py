"""A note medium's photo edit: the recipe autosaved with it, and the rendered export beside it."""

from __future__ import annotations

import json
import math

import pytest

from publisher.client import ValidationError
from publisher.services.recipes import MAX_RECIPE_BYTES
from tests.media_samples import image_bytes
from tests.publisher.test_api import API, call, first_account, token_of, upload

EDIT = {"geometry": {"quarter_turns": 5, "crop": {"x": 0.1, "w": 0.5}}, "adjust": {"fade": 20}}


def uploaded(backend, api, color=(10, 20, 30), size=(60, 80)) -> str:
    return upload(backend, token_of(api), image_bytes("PNG", size=size, color=color)).json()[
        "sha256"
    ]


def test_the_recipe_is_stored_normalised_and_read_back(backend, api) -> None:
    original = uploaded(backend, api)
    note, _ = api.create_note(
        account_id=first_account(api), media=[{"sha256": original, "recipe": EDIT}]
    )
    expected = {
        "version": 1,
        "geometry": {"quarter_turns": 1, "crop": {"x": 0.1, "y": 0.0, "w": 0.5, "h": 1.0}},
        "adjust": {"fade": 20.0},
    }
    assert note.media[0].recipe == expected
    reopened = api.get_note(note.id).media[0]
    assert (reopened.recipe, reopened.rendered_sha256) == (expected, None)


def test_a_recipe_that_changes_nothing_is_stored_as_none(backend, api) -> None:
    original = uploaded(backend, api)
    identity = {"version": 1, "adjust": {"exposure": 0}, "geometry": {"aspect": "3:4"}}
    note, _ = api.create_note(
        account_id=first_account(api), media=[{"sha256": original, "recipe": identity}]
    )
    assert api.get_note(note.id).media[0].recipe is None


def test_the_rendered_image_is_kept_beside_the_original(backend, api) -> None:
    original = uploaded(backend, api, size=(60, 80))
    rendered = uploaded(backend, api, color=(200, 100, 50), size=(30, 40))
    note, _ = api.create_note(account_id=first_account(api), media=[{"sha256": original}])
    note, _ = api.update_note(
        note.id,
        version=note.version,
        media=[{"sha256": original, "recipe": EDIT, "rendered_sha256": rendered}],
    )
    medium = api.get_note(note.id).media[0]
    assert (medium.sha256, medium.width, medium.height) == (original, 60, 80)
    assert (medium.rendered_sha256, medium.rendered_width, medium.rendered_height) == (
        rendered,
        30,
        40,
    )
    # Leaving it out (the recipe changed, no export yet) clears it.
    note, _ = api.update_note(
        note.id, version=note.version, media=[{"sha256": original, "recipe": EDIT}]
    )
    assert note.media[0].rendered_sha256 is None
    assert note.media[0].rendered_width is None


def test_a_rendered_image_must_be_the_callers_upload(backend, api, other_api) -> None:
    original = uploaded(backend, api)
    theirs = uploaded(backend, other_api, color=(1, 2, 250))
    never_uploaded = "0" * 64
    note, _ = api.create_note(account_id=first_account(api), media=[{"sha256": original}])
    for rendered in (theirs, never_uploaded):
        refused = call(
            backend,
            "PATCH",
            f"{API}/notes/{note.id}",
            token_of(api),
            json={
                "version": note.version,
                "media": [{"sha256": original, "rendered_sha256": rendered}],
            },
        )
        assert refused.status_code == 422
        assert refused.json() == {"code": "media.unknown", "params": {"sha256": rendered}}
    assert api.get_note(note.id).version == note.version
    bad_hash = call(
        backend,
        "PATCH",
        f"{API}/notes/{note.id}",
        token_of(api),
        json={"version": note.version, "media": [{"sha256": original, "rendered_sha256": "x"}]},
    )
    assert (bad_hash.status_code, bad_hash.json()["code"]) == (422, "request.invalid")


@pytest.mark.parametrize(
    ("recipe", "code", "params"),
    [
        ({"adjust": {"contrast": [1]}}, "recipe.invalid", {"field": "adjust.contrast"}),
        ({"geometry": {"aspect": "2:1"}}, "recipe.invalid", {"reason": "unknown_aspect"}),
        ({"stickers": [{"id": 1}]}, "recipe.invalid", {"reason": "unknown_field"}),
        ({"version": 7, "adjust": {}}, "recipe.too_new", {"version": 7, "max": 3}),
        ("not an object", "request.invalid", {}),
    ],
)
def test_an_invalid_recipe_refuses_the_save_and_leaves_the_note(
    backend, api, recipe, code: str, params: dict
) -> None:
    first, second = uploaded(backend, api, color=(1, 1, 1)), uploaded(backend, api)
    note, _ = api.create_note(
        account_id=first_account(api), title="kept", media=[{"sha256": first, "recipe": EDIT}]
    )
    refused = call(
        backend,
        "PATCH",
        f"{API}/notes/{note.id}",
        token_of(api),
        json={
            "version": note.version,
            "title": "lost?",
            "media": [{"sha256": first}, {"sha256": second, "recipe": recipe}],
        },
    )
    assert refused.status_code == 422
    body = refused.json()
    assert body["code"] == code
    if code.startswith("recipe."):
        assert {**params, "index": 1}.items() <= body["params"].items()
    kept = api.get_note(note.id)
    assert (kept.title, kept.version, [m.sha256 for m in kept.media]) == (
        "kept",
        note.version,
        [first],
    )
    assert kept.media[0].recipe == note.media[0].recipe


def test_nan_in_a_raw_note_body_is_refused(backend, api) -> None:
    original = uploaded(backend, api)
    medium = {"sha256": original, "recipe": {"adjust": {"tint": math.nan}}}
    raw = json.dumps({"account_id": str(first_account(api)), "media": [medium]})
    assert "NaN" in raw  # Python writes the non-standard literal that json.loads accepts
    refused = call(
        backend,
        "POST",
        f"{API}/notes",
        token_of(api),
        data=raw.encode(),
        headers={"Content-Type": "application/json"},
    )
    assert refused.status_code == 422
    assert refused.json() == {
        "code": "recipe.invalid",
        "params": {"field": "adjust.tint", "reason": "not_finite", "index": 0},
    }
    assert api.list_notes().total == 0


def test_a_new_note_with_a_bad_recipe_is_not_created(api, backend) -> None:
    original = uploaded(backend, api)
    with pytest.raises(ValidationError) as refused:
        api.create_note(
            account_id=first_account(api),
            media=[{"sha256": original, "recipe": {"filter": {"id": "file:/etc/passwd"}}}],
        )
    assert (refused.value.code, refused.value.params["reason"]) == ("recipe.invalid", "local_file")
    assert api.list_notes().total == 0


def test_an_oversized_recipe_is_refused(backend, api) -> None:
    original = uploaded(backend, api)
    huge = {"adjust": {"fade": 1}, "comment": "字" * 30_000}
    refused = call(
        backend,
        "POST",
        f"{API}/notes",
        token_of(api),
        json={
            "account_id": str(first_account(api)),
            "media": [{"sha256": original, "recipe": huge}],
        },
    )
    assert refused.status_code == 422
    assert refused.json() == {
        "code": "recipe.too_large",
        "params": {"max": MAX_RECIPE_BYTES, "index": 0},
    }
