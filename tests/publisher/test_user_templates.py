"""User templates over HTTP: a user's own cover templates, checked by the editor's parser,
stored normalised under the row's name, private to their owner."""

from __future__ import annotations

import uuid

import pytest

from editor.templates import MAX_NAME_LENGTH, MAX_TEMPLATE_BYTES, Template
from publisher.client import ConflictError, NotFoundError, ValidationError
from publisher.schemas import MAX_TEMPLATE_NAME_LENGTH
from tests.publisher.test_api import API, call, token_of

DOCUMENT = {
    "version": 1,
    "name": "whatever the file said",
    "category": "cover",
    "background": "#fff4ee",
    "elements": [
        {"type": "photo", "x": 0, "y": 0, "w": 1, "h": 0.7, "fit": "fill", "radius": 0.9},
        {"type": "shape", "x": 0, "y": 0.7, "w": 1, "h": 0.3, "color": "brand:primary"},
        {"type": "text", "slot": "title", "text": "周末去哪儿", "y": 0.85, "size": 0.06},
    ],
}
COLLAGE = {
    "category": "collage",
    "elements": [
        {"type": "photo", "x": 0, "y": 0, "w": 0.5, "h": 1},
        {"type": "photo", "x": 0.5, "y": 0, "w": 0.5, "h": 1},
    ],
}


def stored(document: dict, name: str) -> dict:
    """What the server keeps: the editor's normalised document under the row's name."""
    return Template.from_dict({**document, "name": name}).to_dict()


def post_template(backend, client, body, **kwargs):
    return call(backend, "POST", f"{API}/templates", token_of(client), json=body, **kwargs)


def raw_post(backend, client, raw: str):
    return call(
        backend,
        "POST",
        f"{API}/templates",
        token_of(client),
        data=raw.encode(),
        headers={"Content-Type": "application/json"},
    )


def test_a_template_round_trips_normalised_and_is_listed_by_name(api) -> None:
    created, changes = api.create_template(name="我的封面", document=DOCUMENT)
    assert changes.templates and not changes.presets and not changes.brand_kits
    assert (created.name, created.category, created.version) == ("我的封面", "cover", 1)
    assert created.document == stored(DOCUMENT, "我的封面")
    assert created.document["name"] == "我的封面"
    assert created.document["background"] == "#FFF4EE"
    assert created.document["elements"][0]["radius"] == 0.5  # clamped like the editor does
    assert created.document["elements"][1]["color"] == "brand:primary"  # roles are kept

    api.create_template(name="b 拼图", document=COLLAGE)
    api.create_template(name="a 清单", document={"category": "cover"})
    page = api.list_templates()
    assert page.total == 3
    assert [t.name for t in page.items] == ["a 清单", "b 拼图", "我的封面"]
    assert [t.name for t in api.list_templates(offset=1, limit=1).items] == ["b 拼图"]
    assert api.get_template(created.id) == created

    renamed, _ = api.update_template(created.id, version=1, name="周末封面")
    assert (renamed.name, renamed.version) == ("周末封面", 2)
    assert renamed.document == stored(DOCUMENT, "周末封面")  # the document's name follows

    replaced, _ = api.update_template(created.id, version=2, document=COLLAGE)
    assert (replaced.name, replaced.category, replaced.version) == ("周末封面", "collage", 3)
    assert replaced.document == stored(COLLAGE, "周末封面")

    assert api.delete_template(created.id, version=3).templates
    with pytest.raises(NotFoundError) as gone:
        api.get_template(created.id)
    assert gone.value.code == "template.not_found"
    assert api.list_templates().total == 2


def test_names_are_unique_per_user_after_trimming(backend, api, other_api) -> None:
    api.create_template(name="拼图", document=COLLAGE)
    taken = post_template(backend, api, {"name": "  拼图 ", "document": COLLAGE})
    assert (taken.status_code, taken.json()) == (
        409,
        {"code": "template.name_taken", "params": {"name": "拼图"}},
    )
    theirs, _ = other_api.create_template(name="拼图", document=COLLAGE)
    assert theirs.name == "拼图"

    second, _ = api.create_template(name="拼图 2", document=COLLAGE)
    with pytest.raises(ConflictError) as clash:
        api.update_template(second.id, version=1, name="拼图")
    assert (clash.value.code, clash.value.current) == ("template.name_taken", None)
    assert api.get_template(second.id).name == "拼图 2"


@pytest.mark.parametrize("name", ["", "   ", "字" * (MAX_NAME_LENGTH + 1), "two\nlines", "\x00"])
def test_bad_names_are_refused(backend, api, name: str) -> None:
    refused = post_template(backend, api, {"name": name, "document": COLLAGE})
    assert (refused.status_code, refused.json()["code"]) == (422, "request.invalid")
    assert api.list_templates().total == 0


def test_the_longest_name_is_the_longest_a_template_document_may_carry(api) -> None:
    assert MAX_TEMPLATE_NAME_LENGTH == MAX_NAME_LENGTH
    longest, _ = api.create_template(name="字" * MAX_NAME_LENGTH, document=COLLAGE)
    assert longest.document["name"] == "字" * MAX_NAME_LENGTH


def test_a_stale_edit_or_delete_answers_409_with_the_current_template(backend, api) -> None:
    template, _ = api.create_template(name="v1", document=COLLAGE)
    api.update_template(template.id, version=1, name="v2")
    with pytest.raises(ConflictError) as stale:
        api.update_template(template.id, version=1, document=DOCUMENT)
    assert stale.value.code == "template.version_conflict"
    assert (stale.value.current["name"], stale.value.current["version"]) == ("v2", 2)

    stale_delete = call(
        backend, "DELETE", f"{API}/templates/{template.id}", token_of(api), params={"version": 1}
    )
    assert (stale_delete.status_code, stale_delete.json()["code"]) == (
        409,
        "template.version_conflict",
    )
    assert api.get_template(template.id).category == "collage"


def test_someone_elses_template_is_not_found(backend, api, other_api) -> None:
    template, _ = api.create_template(name="私藏", document=DOCUMENT)
    path = f"{API}/templates/{template.id}"
    for method, kwargs in (
        ("GET", {}),
        ("PATCH", {"json": {"version": 1, "name": "mine now"}}),
        ("DELETE", {"params": {"version": 1}}),
    ):
        answer = call(backend, method, path, token_of(other_api), **kwargs)
        assert (answer.status_code, answer.json()) == (
            404,
            {"code": "template.not_found", "params": {}},
        )
    assert other_api.list_templates().total == 0
    missing = call(backend, "GET", f"{API}/templates/{uuid.uuid4()}", token_of(api))
    assert missing.status_code == 404
    assert api.get_template(template.id).name == "私藏"


@pytest.mark.parametrize(
    ("document", "code", "params"),
    [
        ({**COLLAGE, "script": "alert(1)"}, "template.invalid", {"reason": "unknown_field"}),
        ({"version": 2}, "template.too_new", {"version": 2, "max": 1}),
        ({"version": "1"}, "template.invalid", {"field": "version", "reason": "bad_version"}),
        ({"elements": {"type": "photo"}}, "template.invalid", {"reason": "not_a_list"}),
        ({"background": "red"}, "template.invalid", {"field": "background"}),
        ({"elements": [{"type": "video"}]}, "template.invalid", {"field": "elements[0].type"}),
        (
            {"elements": [{"type": "photo", "x": "left"}]},
            "template.invalid",
            {"field": "elements[0].x", "reason": "not_a_number"},
        ),
        (
            {"elements": [{"type": "text", "text": "a", "slot": "t"}] * 2},
            "template.invalid",
            {"reason": "duplicate_slot"},
        ),
        (
            {"elements": [{"type": "shape"}] * 61},
            "template.invalid",
            {"field": "elements", "reason": "too_many"},
        ),
        (
            {"elements": [{"type": "sticker", "id": "file:/etc/passwd"}]},
            "template.invalid",
            {"field": "elements[0].id"},
        ),
        ({**COLLAGE, "padding": "x" * MAX_TEMPLATE_BYTES}, "template.too_large", {}),
    ],
)
def test_refused_documents_get_their_code_and_nothing_is_saved(
    backend, api, document: dict, code: str, params: dict
) -> None:
    refused = post_template(backend, api, {"name": "bad", "document": document})
    assert refused.status_code == 422
    assert refused.json()["code"] == code
    assert params.items() <= refused.json()["params"].items()
    assert api.list_templates().total == 0


def test_a_refused_document_in_an_update_changes_nothing(api) -> None:
    template, _ = api.create_template(name="keep", document=COLLAGE)
    with pytest.raises(ValidationError) as refused:
        api.update_template(template.id, version=1, name="renamed", document={"version": 9})
    assert (refused.value.code, refused.value.status) == ("template.too_new", 422)
    kept = api.get_template(template.id)
    assert (kept.name, kept.version, kept.document) == ("keep", 1, template.document)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_in_a_raw_body_are_refused(backend, api, literal: str) -> None:
    raw = '{"name": "nan", "document": {"width": ' + literal + "}}"
    refused = raw_post(backend, api, raw)
    assert (refused.status_code, refused.json()) == (
        422,
        {"code": "template.invalid", "params": {"field": "width", "reason": "not_finite"}},
    )
    assert api.list_templates().total == 0


@pytest.mark.parametrize("depth", [900, 100_000])
def test_a_deeply_nested_document_is_refused_cleanly(backend, api, depth: int) -> None:
    raw = '{"name": "deep", "document": {"elements": ' + "[" * depth + "]" * depth + "}}"
    refused = raw_post(backend, api, raw)
    assert (refused.status_code, refused.json()["code"]) in {
        (422, "template.too_large"),
        (422, "template.invalid"),
        (400, "http.400"),
    }
    assert api.list_templates().total == 0


def test_a_document_that_is_not_an_object_is_a_malformed_request(backend, api) -> None:
    refused = post_template(backend, api, {"name": "list", "document": [DOCUMENT]})
    assert (refused.status_code, refused.json()["code"]) == (422, "request.invalid")


def test_a_repeated_create_with_one_key_makes_one_template(backend, api) -> None:
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {"name": "once", "document": DOCUMENT}
    first = post_template(backend, api, body, headers=dict(key))
    again = post_template(backend, api, body, headers=dict(key))
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again.headers.get("idempotent-replayed") == "true"
    assert api.list_templates().total == 1

    repeat = post_template(backend, api, body)
    assert (repeat.status_code, repeat.json()["code"]) == (409, "template.name_taken")
    changed = post_template(backend, api, {**body, "name": "twice"}, headers=dict(key))
    assert (changed.status_code, changed.json()["code"]) == (422, "idempotency.key_reused")


def test_openapi_documents_user_templates(backend) -> None:
    spec = call(backend, "GET", "/openapi.json").json()
    paths = spec["paths"]
    assert {"get", "post"} <= set(paths[f"{API}/templates"])
    assert {"get", "patch", "delete"} <= set(paths[f"{API}/templates/{{template_id}}"])


@pytest.mark.parametrize(
    ("raw", "field", "reason"),
    [
        ('{"name": "c", "document": {"category": "c\\ud800"}}', "category", "lone_surrogate"),
        ('{"name": "n", "document": {"name": "n\\udfff"}}', "name", "lone_surrogate"),
        ('{"name": "k", "document": {"\\ud800": 1}}', "\\ud800", "unknown_field"),
    ],
)
def test_lone_surrogates_are_refused_with_a_readable_error(
    backend, api, raw: str, field: str, reason: str
) -> None:
    """A lone surrogate is valid JSON but no UTF-8: it can be neither stored nor sent back."""
    refused = raw_post(backend, api, raw)
    assert (refused.status_code, refused.json()) == (
        422,
        {"code": "template.invalid", "params": {"field": field, "reason": reason}},
    )
    assert api.list_templates().total == 0
