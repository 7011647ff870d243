"""Edit presets over HTTP: named recipes that follow their user, checked like any recipe."""

from __future__ import annotations

import json
import uuid

import pytest

from publisher.client import ConflictError, NotFoundError, ValidationError
from tests.publisher.test_api import API, call, token_of

WARM = {"adjust": {"temperature": 30, "exposure": 0.5}, "filter": {"id": "builtin:cream"}}


def post_preset(backend, token: str, body, **kwargs):
    return call(backend, "POST", f"{API}/presets", token, json=body, **kwargs)


def raw_post(backend, api, raw: str):
    return call(
        backend,
        "POST",
        f"{API}/presets",
        token_of(api),
        data=raw.encode(),
        headers={"Content-Type": "application/json"},
    )


def test_a_preset_round_trips_and_is_listed_by_name(backend, api) -> None:
    created, changes = api.create_preset(name="暖调", recipe=WARM)
    assert changes.presets and not changes.notes
    assert (created.name, created.version) == ("暖调", 1)
    assert created.recipe == {
        "version": 1,
        "adjust": {"exposure": 0.5, "temperature": 30.0},
        "filter": {"id": "builtin:cream", "strength": 100.0, "interpolation": "tetrahedral"},
    }
    api.create_preset(name="b-cool", recipe={"adjust": {"temperature": -40}})
    api.create_preset(name="a-bright", recipe={"adjust": {"brightness": 20}})

    page = api.list_presets()
    assert page.total == 3
    assert [p.name for p in page.items][:2] == ["a-bright", "b-cool"]
    assert [p.name for p in api.list_presets(offset=1, limit=1).items] == ["b-cool"]
    assert api.get_preset(created.id) == created

    renamed, _ = api.update_preset(
        created.id, version=1, name="奶油暖调", recipe={"adjust": {"fade": 15}}
    )
    assert (renamed.name, renamed.version) == ("奶油暖调", 2)
    assert renamed.recipe == {"version": 1, "adjust": {"fade": 15.0}}
    assert api.get_preset(created.id).recipe == renamed.recipe

    assert api.delete_preset(created.id, version=2).presets
    with pytest.raises(NotFoundError) as gone:
        api.get_preset(created.id)
    assert gone.value.code == "preset.not_found"
    assert api.list_presets().total == 2


def test_a_preset_recipe_is_clamped_and_may_change_nothing(api) -> None:
    clamped, _ = api.create_preset(
        name="clamped", recipe={"adjust": {"exposure": 9, "contrast": 0}}
    )
    assert clamped.recipe == {"version": 1, "adjust": {"exposure": 4.0}}
    identity, _ = api.create_preset(name="original", recipe={})
    assert identity.recipe == {"version": 1}


def test_names_are_unique_per_user_after_trimming(backend, api, other_api) -> None:
    api.create_preset(name="胶片", recipe={})
    taken = post_preset(backend, token_of(api), {"name": "  胶片 ", "recipe": {}})
    assert taken.status_code == 409
    assert taken.json() == {"code": "preset.name_taken", "params": {"name": "胶片"}}

    # Another user may use the same name.
    theirs, _ = other_api.create_preset(name="胶片", recipe={})
    assert theirs.name == "胶片"

    second, _ = api.create_preset(name="胶片 2", recipe={})
    with pytest.raises(ConflictError) as clash:
        api.update_preset(second.id, version=second.version, name="胶片")
    assert (clash.value.code, clash.value.current) == ("preset.name_taken", None)
    assert api.get_preset(second.id).name == "胶片 2"
    assert api.get_preset(second.id).version == 1


@pytest.mark.parametrize("name", ["", "   ", "字" * 41, "two\nlines", "nul\x00"])
def test_bad_names_are_refused(backend, api, name: str) -> None:
    refused = post_preset(backend, token_of(api), {"name": name, "recipe": {}})
    assert (refused.status_code, refused.json()["code"]) == (422, "request.invalid")
    assert api.list_presets().total == 0


def test_forty_characters_is_the_longest_name(api) -> None:
    longest, _ = api.create_preset(name="字" * 40, recipe={})
    assert len(longest.name) == 40


def test_a_stale_edit_or_delete_answers_409_with_the_current_preset(backend, api) -> None:
    preset, _ = api.create_preset(name="v1", recipe={})
    api.update_preset(preset.id, version=1, name="v2")
    with pytest.raises(ConflictError) as stale:
        api.update_preset(preset.id, version=1, name="v3")
    assert stale.value.code == "preset.version_conflict"
    assert (stale.value.current["name"], stale.value.current["version"]) == ("v2", 2)

    stale_delete = call(
        backend, "DELETE", f"{API}/presets/{preset.id}", token_of(api), params={"version": 1}
    )
    assert (stale_delete.status_code, stale_delete.json()["code"]) == (
        409,
        "preset.version_conflict",
    )
    assert api.get_preset(preset.id).name == "v2"


def test_someone_elses_preset_is_not_found(backend, api, other_api) -> None:
    preset, _ = api.create_preset(name="私藏", recipe={"adjust": {"vibrance": 10}})
    intruder = token_of(other_api)
    path = f"{API}/presets/{preset.id}"
    for method, kwargs in (
        ("GET", {}),
        ("PATCH", {"json": {"version": 1, "name": "mine now"}}),
        ("DELETE", {"params": {"version": 1}}),
    ):
        answer = call(backend, method, path, intruder, **kwargs)
        assert (answer.status_code, answer.json()["code"]) == (404, "preset.not_found")
    assert other_api.list_presets().total == 0
    missing = call(backend, "GET", f"{API}/presets/{uuid.uuid4()}", token_of(api))
    assert missing.status_code == 404
    assert api.get_preset(preset.id).name == "私藏"


@pytest.mark.parametrize(
    ("recipe", "code", "params"),
    [
        ({"adjust": {"exposure": "bright"}}, "recipe.invalid", {"field": "adjust.exposure"}),
        ({"adjust": {"glow": 10}}, "recipe.invalid", {"reason": "unknown_field"}),
        ({"geometry": {"flip_h": 1}}, "recipe.invalid", {"reason": "not_a_boolean"}),
        ({"curves": {"rgb": [[0.5, 0.5]]}}, "recipe.invalid", {"field": "curves.rgb"}),
        ({"version": 1, "layers": []}, "recipe.invalid", {"reason": "needs_version"}),
        ({"version": 4}, "recipe.too_new", {"version": 4, "max": 3}),
        ({"filter": {"id": "file:looks/x.cube"}}, "recipe.invalid", {"reason": "local_file"}),
        ({"filter": {"id": "user:../../etc"}}, "recipe.invalid", {"reason": "bad_look_id"}),
        ({"adjust": {"exposure": 1}, "notes": "x" * 200_000}, "recipe.too_large", {}),
    ],
)
def test_invalid_recipes_get_their_code_and_nothing_is_saved(
    backend, api, recipe, code: str, params: dict
) -> None:
    refused = post_preset(backend, token_of(api), {"name": "bad", "recipe": recipe})
    assert refused.status_code == 422
    body = refused.json()
    assert body["code"] == code
    assert params.items() <= body["params"].items()
    assert api.list_presets().total == 0


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_in_a_raw_body_are_refused(backend, api, literal: str) -> None:
    raw = '{"name": "nan", "recipe": {"adjust": {"contrast": ' + literal + "}}}"
    refused = raw_post(backend, api, raw)
    assert refused.status_code == 422
    assert refused.json() == {
        "code": "recipe.invalid",
        "params": {"field": "adjust.contrast", "reason": "not_finite"},
    }
    assert api.list_presets().total == 0


def test_the_client_reports_a_refused_recipe_as_a_validation_error(api) -> None:
    with pytest.raises(ValidationError) as refused:
        api.create_preset(name="x", recipe={"version": 99})
    assert (refused.value.code, refused.value.status) == ("recipe.too_new", 422)


def test_a_repeated_create_with_one_key_makes_one_preset(backend, api) -> None:
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {"name": "once", "recipe": WARM}
    first = post_preset(backend, token_of(api), body, headers=dict(key))
    again = post_preset(backend, token_of(api), body, headers=dict(key))
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again.headers.get("idempotent-replayed") == "true"
    assert api.list_presets().total == 1

    # Without the key, the same body is a second request: its name is taken.
    repeat = post_preset(backend, token_of(api), body)
    assert (repeat.status_code, repeat.json()["code"]) == (409, "preset.name_taken")
    changed = post_preset(backend, token_of(api), {**body, "name": "twice"}, headers=dict(key))
    assert (changed.status_code, changed.json()["code"]) == (422, "idempotency.key_reused")


@pytest.mark.parametrize("depth", [900, 100_000])
def test_a_deeply_nested_recipe_is_refused_cleanly(backend, api, depth: int) -> None:
    raw = '{"name": "deep", "recipe": {"adjust": ' + "[" * depth + "]" * depth + "}}"
    refused = raw_post(backend, api, raw)
    # Past the JSON parser's own depth limit the framework answers 400 before any route runs.
    assert (refused.status_code, refused.json()["code"]) in {
        (422, "recipe.invalid"),
        (400, "http.400"),
    }
    assert api.list_presets().total == 0


def test_an_integer_too_large_for_a_float_is_refused_not_a_crash(backend, api) -> None:
    raw = '{"name": "huge", "recipe": {"adjust": {"exposure": 1' + "0" * 400 + "}}}"
    refused = raw_post(backend, api, raw)
    assert (refused.status_code, refused.json()["code"]) == (422, "recipe.invalid")
    assert refused.json()["params"]["field"] == "adjust.exposure"
    assert api.list_presets().total == 0


def test_openapi_documents_presets_and_luts(backend) -> None:
    spec = call(backend, "GET", "/openapi.json")
    assert spec.status_code == 200
    paths = spec.json()["paths"]
    assert {"get", "post"} <= set(paths[f"{API}/presets"])
    assert {"get", "patch", "delete"} <= set(paths[f"{API}/presets/{{preset_id}}"])
    media = spec.json()["components"]["schemas"]["NoteMediaPublic"]["properties"]
    assert {"rendered_sha256", "rendered_width", "rendered_height"} <= set(media)
    assert json.dumps(spec.json())  # the whole document serialises
