"""A note medium's composition: how a cover was made from a template (the template, the photos
that filled its slots, the slot texts), kept beside the medium so the app can re-arrange it."""

from __future__ import annotations

import pytest

from editor.templates import Template
from tests.media_samples import image_bytes
from tests.publisher.test_api import API, call, first_account, token_of, upload

TEMPLATE = {
    "name": "两图拼接",
    "category": "collage",
    "background": "#ffffff",
    "elements": [
        {"type": "photo", "x": 0, "y": 0, "w": 0.5, "h": 1, "focus": {"x": 0.3}},
        {"type": "photo", "x": 0.5, "y": 0, "w": 0.5, "h": 1},
        {"type": "text", "slot": "title", "text": "标题", "y": 0.1, "size": 0.07},
        {"type": "text", "slot": "subtitle", "text": "副标题", "y": 0.9, "size": 0.04},
    ],
}


def uploaded(backend, client, color) -> str:
    return upload(backend, token_of(client), image_bytes("PNG", color=color)).json()["sha256"]


@pytest.fixture
def photos(backend, api) -> tuple[str, str, str]:
    """Two photos and the cover rendered from them, all the caller's uploads."""
    return tuple(uploaded(backend, api, color) for color in ((200, 0, 0), (0, 200, 0), (0, 0, 9)))


def patch_media(backend, api, note, media: list[dict]):
    body = {"version": note.version, "media": media}
    return call(backend, "PATCH", f"{API}/notes/{note.id}", token_of(api), json=body)


def test_a_composition_is_stored_normalised_and_read_back(api, photos) -> None:
    first, second, cover = photos
    composition = {
        "template": TEMPLATE,
        "photos": [first, second],
        "texts": {"subtitle": "", "title": "四家宝藏咖啡店 ☕"},
    }
    note, _ = api.create_note(
        account_id=first_account(api),
        media=[{"sha256": cover, "composition": composition}, {"sha256": first}],
    )
    expected = {
        "template": Template.from_dict(TEMPLATE).to_dict(),
        "photos": [first, second],
        "texts": {"title": "四家宝藏咖啡店 ☕", "subtitle": ""},
    }
    assert expected["template"]["background"] == "#FFFFFF"
    assert note.media[0].composition == expected
    reopened = api.get_note(note.id).media
    assert reopened[0].composition == expected
    assert list(reopened[0].composition["texts"]) == ["title", "subtitle"]  # the slots' order
    assert reopened[1].composition is None


def test_changing_the_media_without_the_composition_clears_it(api, photos) -> None:
    first, second, cover = photos
    composition = {"template": TEMPLATE, "photos": [first, second]}
    note, _ = api.create_note(account_id=first_account(api), media=[{"sha256": cover}])
    note, _ = api.update_note(
        note.id, version=note.version, media=[{"sha256": cover, "composition": composition}]
    )
    assert note.media[0].composition == {
        "template": Template.from_dict(TEMPLATE).to_dict(),
        "photos": [first, second],
        "texts": {},
    }
    # Other fields leave the media, and so the composition, alone.
    note, _ = api.update_note(note.id, version=note.version, title="新标题")
    assert note.media[0].composition is not None
    note, _ = api.update_note(note.id, version=note.version, media=[{"sha256": cover}])
    assert note.media[0].composition is None
    assert api.get_note(note.id).media[0].composition is None


def test_the_photos_must_be_the_callers_uploads(backend, api, other_api, photos) -> None:
    first, _second, cover = photos
    theirs = uploaded(backend, other_api, (1, 2, 3))
    note, _ = api.create_note(account_id=first_account(api), media=[{"sha256": cover}])
    for stranger in (theirs, "0" * 64):
        composition = {"template": TEMPLATE, "photos": [first, stranger]}
        refused = patch_media(backend, api, note, [{"sha256": cover, "composition": composition}])
        assert (refused.status_code, refused.json()) == (
            422,
            {"code": "media.unknown", "params": {"sha256": stranger}},
        )
    kept = api.get_note(note.id)
    assert (kept.version, kept.media[0].composition) == (note.version, None)


@pytest.mark.parametrize(
    ("composition", "field", "reason"),
    [
        ({"template": TEMPLATE, "layout": "grid"}, "layout", "unknown_field"),
        ({"photos": []}, "template", "missing"),
        ({"template": TEMPLATE, "photos": "a" * 64}, "photos", "not_a_list"),
        ({"template": TEMPLATE, "photos": ["a" * 64] * 21}, "photos", "too_many"),
        ({"template": TEMPLATE, "photos": ["A" * 64]}, "photos[0]", "bad_sha256"),
        ({"template": TEMPLATE, "photos": [None]}, "photos[0]", "bad_sha256"),
        ({"template": TEMPLATE, "texts": ["title"]}, "texts", "not_an_object"),
        (
            {"template": TEMPLATE, "texts": {f"s{i}": "x" for i in range(21)}},
            "texts",
            "too_many",
        ),
        ({"template": TEMPLATE, "texts": {"price": "9.9"}}, "texts.price", "unknown_slot"),
        ({"template": TEMPLATE, "texts": {"title": 42}}, "texts.title", "not_a_string"),
        ({"template": TEMPLATE, "texts": {"title": "字" * 201}}, "texts.title", "too_long"),
        ({"template": TEMPLATE, "texts": {"title": "a\x07b"}}, "texts.title", "control_character"),
        ({"template": TEMPLATE, "texts": {"title": "\n" * 21 + "x"}}, "texts.title", None),
    ],
)
def test_a_bad_shape_is_refused_with_its_field(
    backend, api, photos, composition: dict, field: str, reason: str | None
) -> None:
    first, _second, cover = photos
    note, _ = api.create_note(account_id=first_account(api), media=[{"sha256": first}])
    media = [{"sha256": first}, {"sha256": cover, "composition": composition}]
    refused = patch_media(backend, api, note, media)
    assert (refused.status_code, refused.json()["code"]) == (422, "composition.invalid")
    params = refused.json()["params"]
    assert (params["field"], params["index"]) == (field, 1)
    if reason is not None:
        assert params["reason"] == reason
    kept = api.get_note(note.id)
    assert (kept.version, [m.sha256 for m in kept.media]) == (note.version, [first])


@pytest.mark.parametrize(
    ("template", "code", "params"),
    [
        ({**TEMPLATE, "script": 1}, "template.invalid", {"reason": "unknown_field", "index": 0}),
        ({"version": 7}, "template.too_new", {"version": 7, "max": 1, "index": 0}),
        ("collage_4", "template.invalid", {"reason": "not_an_object", "index": 0}),
        ({**TEMPLATE, "padding": "x" * 300_000}, "template.too_large", {"index": 0}),
        (
            {**TEMPLATE, "category": "x\ud800"},
            "template.invalid",
            {"field": "category", "reason": "lone_surrogate", "index": 0},
        ),
    ],
)
def test_a_refused_template_gets_its_code_with_the_medium_index(
    backend, api, photos, template, code: str, params: dict
) -> None:
    _first, _second, cover = photos
    body = {
        "account_id": str(first_account(api)),
        "media": [{"sha256": cover, "composition": {"template": template}}],
    }
    refused = call(backend, "POST", f"{API}/notes", token_of(api), json=body)
    assert (refused.status_code, refused.json()["code"]) == (422, code)
    assert params.items() <= refused.json()["params"].items()
    assert api.list_notes().total == 0


def test_a_composition_that_is_not_an_object_is_a_malformed_request(backend, api, photos) -> None:
    _first, _second, cover = photos
    note, _ = api.create_note(account_id=first_account(api), media=[{"sha256": cover}])
    refused = patch_media(backend, api, note, [{"sha256": cover, "composition": [TEMPLATE]}])
    assert (refused.status_code, refused.json()["code"]) == (422, "request.invalid")


def test_openapi_documents_the_composition(backend) -> None:
    schemas = call(backend, "GET", "/openapi.json").json()["components"]["schemas"]
    assert "composition" in schemas["NoteMediaPublic"]["properties"]
    assert "composition" in schemas["NoteMediaIn"]["properties"]
