"""The backend keeps recipes with text and sticker layers, checked by the editor's parser."""

from __future__ import annotations

import json

import pytest

from editor.layers import MAX_LAYERS, MAX_TEXT_LENGTH
from publisher.services.errors import Invalid
from publisher.services.recipes import MAX_RECIPE_BYTES, media_recipe, stored_recipe

TITLE = {
    "type": "text",
    "text": "上海宝藏咖啡馆\n人均30 ☕️",
    "size": 0.08,
    "stroke": {"width": 0.1, "color": "#1a1a1a"},
    "box": {"color": "#FF2442", "radius": 1, "padding": 0.3},
    "rotation": 370,
}
STICKER = {"type": "sticker", "id": "builtin:must_buy", "x": 0.8, "y": 0.7}


def test_a_recipe_with_layers_is_stored_normalised() -> None:
    stored = media_recipe({"version": 2, "layers": [TITLE, STICKER]}, index=0)
    assert stored is not None
    assert stored["version"] == 2
    title, sticker = stored["layers"]
    assert (title["rotation"], title["stroke"]["color"]) == (10.0, "#1A1A1A")
    assert sticker == {"type": "sticker", "id": "builtin:must_buy", "x": 0.8, "y": 0.7}


def test_a_bad_layer_is_refused_with_its_field_and_index() -> None:
    with pytest.raises(Invalid) as caught:
        stored_recipe({"version": 2, "layers": [{**TITLE, "color": "red"}]}, index=3)
    assert caught.value.params == {
        "field": "layers[0].color",
        "reason": "bad_color",
        "index": 3,
    }


def test_the_largest_valid_recipe_fits_under_the_size_cap() -> None:
    every_field = {
        "type": "text",
        "text": "😀" * MAX_TEXT_LENGTH,
        "font": "serif",
        "weight": "regular",
        "size": 0.0123456789012345,
        "color": "#FFFFFFCC",
        "stroke": {"width": 0.123456789012345, "color": "#000000"},
        "shadow": {
            "x": 0.12345678901234,
            "y": -0.1234567890123,
            "blur": 0.12345678,
            "color": "#00000080",
        },
        "box": {"color": "#FF2442", "radius": 0.123456789012345, "padding": 0.123456789012345},
        "align": "left",
        "line_spacing": 1.23456789012345,
        "rotation": -10.123456789012345,
        "x": 0.123456789012345,
        "y": 0.123456789012345,
        "max_width": 0.823456789012345,
    }
    curve = [[i / 15, i / 15] for i in range(16)]
    document = {
        "version": 2,
        "curves": {"rgb": curve, "r": curve, "g": curve, "b": curve},
        "layers": [every_field] * MAX_LAYERS,
    }
    assert len(json.dumps(document)) < MAX_RECIPE_BYTES
    assert len(stored_recipe(document).layers) == MAX_LAYERS
