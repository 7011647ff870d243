"""The arithmetic of editing layers by hand: hit testing turned boxes, scaling about the
centre, turning with snapping, nudging within the frame, and the layer stack."""

from __future__ import annotations

import math

import pytest

from editor.errors import EditorError
from editor.layers import MAX_LAYERS, MAX_LINES, MAX_TEXT_LENGTH, StickerLayer, TextLayer
from editor.overlay import LayerBounds
from editor.recipe import Recipe
from studio.editor.layer_edit import (
    Handle,
    added,
    clean_text,
    contains,
    corners,
    deleted,
    drag_rotation,
    duplicated,
    free_spot,
    handle_at,
    layer_at,
    moved,
    reordered,
    rotation_handle,
    scale_factor,
    scaled,
    snap_to_centre,
    to_local,
    turned,
)

SIZE = (600, 800)
TITLE = TextLayer("标题", x=0.5, y=0.5, size=0.1)
STICKER = StickerLayer("builtin:label_bimai", x=0.25, y=0.25, width=0.2)
# A 200×40 box turned 90° clockwise about (300, 400): it stands 40 wide and 200 tall.
TURNED = LayerBounds(300.0, 400.0, 200.0, 40.0, 90.0)


def test_a_turned_box_is_hit_where_it_is_drawn_not_where_it_would_be_upright():
    assert contains(TURNED, (300, 490))  # inside the standing box
    assert not contains(TURNED, (390, 400))  # inside where the upright box would be
    assert contains(TURNED, (325, 400), margin=6) and not contains(TURNED, (325, 400))
    top_left, top_right, _, _ = corners(TURNED)
    assert top_left == pytest.approx((320, 300))  # upright top-left, turned clockwise
    assert top_right == pytest.approx((320, 500))
    assert to_local(TURNED, (300, 500)) == pytest.approx((100, 0))
    # The knob sits beyond the layer's own top, which now faces right.
    assert rotation_handle(TURNED, 30) == pytest.approx((350, 400))


def test_the_topmost_layer_under_the_pointer_wins_and_unmeasured_ones_are_skipped():
    low = LayerBounds(300, 400, 300, 300, 0)
    high = LayerBounds(350, 400, 100, 100, 30)
    assert layer_at([low, high], (350, 400)) == 1
    assert layer_at([low, high], (200, 300)) == 0
    assert layer_at([low, None], (350, 400)) == 0
    assert layer_at([low, high], (10, 10)) is None


def test_handles_knob_then_corners_then_inside():
    box = LayerBounds(300, 400, 200, 100, 0)
    assert handle_at(box, (300, 320), reach=8, knob_distance=30) is Handle.ROTATE
    assert handle_at(box, (205, 355), reach=8, knob_distance=30) is Handle.SCALE
    assert handle_at(box, (300, 400), reach=8, knob_distance=30) is Handle.MOVE
    assert handle_at(box, (500, 400), reach=8, knob_distance=30) is None


def test_scaling_keeps_the_centre_and_stays_in_range():
    recipe = Recipe(layers=(TITLE, STICKER))
    factor = scale_factor((300, 400), (350, 400), (400, 400))
    assert factor == pytest.approx(2.0)
    bigger = scaled(recipe, 0, factor)
    assert bigger.layers[0].size == pytest.approx(0.2)
    assert (bigger.layers[0].x, bigger.layers[0].y) == (0.5, 0.5)
    assert bigger.layers[1] == STICKER
    assert scaled(recipe, 0, 100.0).layers[0].size == 0.5
    assert scaled(recipe, 1, 0.001).layers[1].width == 0.01
    assert scaled(recipe, 1, 3.0).layers[1].width == pytest.approx(0.6)


def test_turning_follows_the_pointer_and_shift_snaps_to_15_degrees():
    centre = (300.0, 400.0)
    grab = (300.0, 300.0)  # straight above the centre
    pointer = (300 + 100 * math.sin(math.radians(37)), 400 - 100 * math.cos(math.radians(37)))
    assert drag_rotation(centre, grab, pointer, 10.0) == pytest.approx(47.0)
    assert drag_rotation(centre, grab, pointer, 10.0, snap=True) == pytest.approx(45.0)
    assert drag_rotation(centre, grab, (300, 500), 90.0) == pytest.approx(-90.0)  # folded
    recipe = turned(Recipe(layers=(TITLE,)), 0, 540.0)
    assert recipe.layers[0].rotation == 180.0


def test_moving_and_nudging_keep_the_centre_in_the_frame():
    recipe = Recipe(layers=(TITLE,))
    step = moved(recipe, 0, 6, -8, SIZE)
    assert (step.layers[0].x, step.layers[0].y) == pytest.approx((0.51, 0.49))
    far = moved(recipe, 0, 10_000, -10_000, SIZE)
    assert (far.layers[0].x, far.layers[0].y) == (1.0, 0.0)
    # A round trip through the recipe document keeps a moved layer as it is.
    assert Recipe.from_dict(step.to_dict()) == step


def test_snapping_to_the_centre_lines():
    point, guides = snap_to_centre((304, 100), SIZE, 6)
    assert point == (300, 100) and guides == (True, False)
    point, guides = snap_to_centre((320, 397), SIZE, 6)
    assert point == (320, 400) and guides == (False, True)


def test_the_stack_reorder_duplicate_delete_and_the_limit():
    recipe = Recipe(layers=(TITLE, STICKER))
    forward, index = reordered(recipe, 0, 1)
    assert forward.layers == (STICKER, TITLE) and index == 1
    same, index = reordered(forward, 1, 1)  # already on top
    assert same.layers == forward.layers and index == 1
    back, index = reordered(forward, 1, -1)
    assert back.layers == recipe.layers and index == 0

    copied, index = duplicated(recipe, 0)
    assert index == 1 and len(copied.layers) == 3
    assert copied.layers[1].text == TITLE.text
    assert (copied.layers[1].x, copied.layers[1].y) == pytest.approx((0.53, 0.53))
    assert deleted(copied, 1).layers == recipe.layers

    with_third, index = added(recipe, TITLE)
    assert index == 2 and with_third.layers[2] == TITLE
    full = Recipe(layers=(STICKER,) * MAX_LAYERS)
    for refused in (lambda: added(full, TITLE), lambda: duplicated(full, 0)):
        with pytest.raises(EditorError) as caught:
            refused()
        assert caught.value.code == "layers.too_many"
        assert caught.value.params == {"max": MAX_LAYERS}


def test_a_new_layer_does_not_land_exactly_on_another():
    recipe = Recipe(layers=(TITLE,))
    assert free_spot(recipe, 0.5, 0.5) == pytest.approx((0.53, 0.53))
    assert free_spot(Recipe(), 0.5, 0.5) == (0.5, 0.5)


def test_typed_text_becomes_text_a_recipe_accepts():
    assert clean_text("a\tb\r\nc\u2028d\x07") == "a b\nc\nd"
    long = "长" * (MAX_TEXT_LENGTH + 50)
    assert clean_text(long) == "长" * MAX_TEXT_LENGTH
    lines = "\n".join(["x"] * (MAX_LINES + 5))
    assert clean_text(lines).count("\n") == MAX_LINES
    typed = clean_text("双击编辑 🎉\n第二行")
    layer = Recipe.from_dict({"version": 2, "layers": [{"type": "text", "text": typed}]}).layers[0]
    assert layer.text == typed
