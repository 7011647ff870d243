"""The recipe document: round trip, defaults left out, hostile values refused or clamped."""

from __future__ import annotations

import json
import math

import pytest

from editor.errors import EditorError
from editor.recipe import RECIPE_VERSION, Adjust, Crop, Curves, FilterLook, Geometry, Recipe


def test_the_empty_document_is_the_identity_recipe():
    recipe = Recipe.from_dict({})
    assert recipe == Recipe()
    assert recipe.is_identity
    assert recipe.to_dict() == {"version": 1}


def test_a_full_recipe_survives_a_json_round_trip():
    recipe = Recipe(
        geometry=Geometry(
            quarter_turns=1,
            flip_h=True,
            straighten=-3.5,
            crop=Crop(0.1, 0.0, 0.75, 1.0),
            aspect="3:4",
        ),
        adjust=Adjust(exposure=0.3, contrast=12, temperature=-20, sharpness=30),
        curves=Curves(rgb=((0.0, 0.05), (0.5, 0.55), (1.0, 1.0))),
        filter=FilterLook("builtin:cream", strength=70, interpolation="trilinear"),
    )
    text = json.dumps(recipe.to_dict(), ensure_ascii=False)
    assert Recipe.from_dict(json.loads(text)) == recipe
    assert not recipe.is_identity


def test_only_changed_values_are_written():
    document = Recipe().with_adjust(saturation=10).to_dict()
    assert document == {"version": 1, "adjust": {"saturation": 10.0}}


def test_values_out_of_range_are_clamped():
    recipe = Recipe.from_dict(
        {"adjust": {"exposure": 99, "grain": -5}, "geometry": {"straighten": 400}}
    )
    assert recipe.adjust.exposure == 4.0
    assert recipe.adjust.grain == 0.0
    assert recipe.geometry.straighten == 45.0


def test_a_crop_never_leaves_the_image():
    crop = Crop.from_dict({"x": 0.9, "y": 0.5, "w": 0.5, "h": 0.0})
    assert crop.x + crop.w <= 1.0
    assert crop.y + crop.h <= 1.0
    assert crop.h > 0


def test_quarter_turns_wrap():
    assert Geometry.from_dict({"quarter_turns": -1}).quarter_turns == 3


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ([], ""),
        ({"adjust": {"exposure": "1"}}, "adjust.exposure"),
        ({"adjust": {"exposure": True}}, "adjust.exposure"),
        ({"adjust": {"exposure": math.nan}}, "adjust.exposure"),
        ({"adjust": {"exposure": math.inf}}, "adjust.exposure"),
        ({"adjust": {"exposure": 10**400}}, "adjust.exposure"),
        ({"adjust": {"loudness": 3}}, "adjust.loudness"),
        ({"geometry": {"aspect": "2:3"}}, "geometry.aspect"),
        ({"geometry": {"quarter_turns": 1.5}}, "geometry.quarter_turns"),
        ({"geometry": {"flip_h": "yes"}}, "geometry.flip_h"),
        ({"curves": {"rgb": [[0, 0]]}}, "curves.rgb"),
        ({"curves": {"rgb": [[0, 0], [0, 1]]}}, "curves.rgb[1]"),
        ({"curves": {"r": [[0, 0]] * 40}}, "curves.r"),
        ({"curves": {"alpha": [[0, 0], [1, 1]]}}, "curves.alpha"),
        ({"filter": {"id": "../../etc/passwd"}}, "filter.id"),
        ({"filter": {"id": "builtin:x\x00"}}, "filter.id"),
        ({"filter": {"id": "builtin:cream", "interpolation": "cubic"}}, "filter.interpolation"),
        ({"version": "1"}, "version"),
        ({"version": 0}, "version"),
        ({"version": 1, "layers": []}, "layers"),  # layers came with version 2
        ({"version": 2, "layers": {}}, "layers"),
    ],
)
def test_bad_documents_are_refused_with_the_field_named(document, field):
    with pytest.raises(EditorError) as caught:
        Recipe.from_dict(document)
    assert caught.value.code == "recipe.invalid"
    assert caught.value.params["field"] == field


def test_a_recipe_from_a_newer_app_is_refused_not_misread():
    with pytest.raises(EditorError) as caught:
        Recipe.from_dict({"version": RECIPE_VERSION + 1})
    assert caught.value.code == "recipe.too_new"


def test_a_filter_at_zero_strength_is_the_identity():
    assert Recipe(filter=FilterLook("builtin:film", strength=0)).is_identity
