"""`layer_bounds`: the box an editor outlines is where the layer's pixels are drawn."""

from __future__ import annotations

import numpy as np
import pytest

from editor.errors import EditorError
from editor.layers import Box, StickerLayer, Stroke, TextLayer
from editor.overlay import LayerCache, composite_layers, layer_bounds
from editor.text import font_file

needs_cjk = pytest.mark.skipif(font_file("sans", "bold") is None, reason="no CJK font installed")

WIDTH, HEIGHT = 600, 800
# A fully opaque 200×100 sticker: every pixel of it is drawn, so its extent is exact.
OPAQUE = np.full((100, 200, 4), 255, np.uint8)


def stickers(sticker_id: str) -> np.ndarray:
    if sticker_id != "builtin:block":
        raise EditorError("sticker.unknown", {"id": sticker_id})
    return OPAQUE


def drawn_extent(layer: TextLayer | StickerLayer) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the pixels the layer changes on a black picture."""
    out = composite_layers(np.zeros((HEIGHT, WIDTH, 3), np.uint8), [layer], stickers=stickers)
    ys, xs = np.nonzero(out.max(axis=2) > 24)
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def bounds_extent(layer: TextLayer | StickerLayer) -> tuple[float, float, float, float]:
    b = layer_bounds(layer, WIDTH, HEIGHT, stickers=stickers)
    return (b.x - b.width / 2, b.y - b.height / 2, b.x + b.width / 2, b.y + b.height / 2)


@needs_cjk
def test_a_boxed_title_is_exactly_its_label_box() -> None:
    layer = TextLayer("种草好物\n第二行", size=0.05, box=Box(padding=0.4), x=0.45, y=0.6)
    assert drawn_extent(layer) == pytest.approx(bounds_extent(layer), abs=1.0)


@needs_cjk
def test_plain_and_outlined_text_fit_their_ink() -> None:
    plain = TextLayer("双击编辑文字", size=0.06, x=0.4, y=0.3)
    outlined = TextLayer("Hello 世界", size=0.07, stroke=Stroke(0.15, "#FF0000"), y=0.55)
    for layer in (plain, outlined):
        px = layer.size * HEIGHT
        drawn, bounds = drawn_extent(layer), bounds_extent(layer)
        # Glyphs sit inside their em boxes: the ink is never outside the bounds by more
        # than antialiasing, and fills them to within a fraction of an em.
        assert drawn[0] >= bounds[0] - 1 and drawn[1] >= bounds[1] - 1
        assert drawn[2] <= bounds[2] + 1 and drawn[3] <= bounds[3] + 1
        assert drawn == pytest.approx(bounds, abs=0.15 * px)
    # The outline is part of the box: the outlined text's bounds grow by the stroke.
    wider = layer_bounds(outlined, WIDTH, HEIGHT, stickers=stickers)
    bare = layer_bounds(TextLayer("Hello 世界", size=0.07), WIDTH, HEIGHT, stickers=stickers)
    stroke_px = 0.15 * 0.07 * HEIGHT
    assert wider.width - bare.width == pytest.approx(2 * stroke_px)


def test_a_sticker_is_its_width_and_its_pictures_proportions() -> None:
    layer = StickerLayer("builtin:block", x=0.3, y=0.7, width=0.4)
    bounds = layer_bounds(layer, WIDTH, HEIGHT, stickers=stickers)
    assert (bounds.width, bounds.height) == pytest.approx((240.0, 120.0))
    assert drawn_extent(layer) == pytest.approx(bounds_extent(layer), abs=1.0)


def test_rotation_and_centre_are_reported_and_the_cache_is_shared() -> None:
    layer = TextLayer("转一转", rotation=-30.0, x=0.25, y=0.75)
    cache = LayerCache()
    first = layer_bounds(layer, WIDTH, HEIGHT, stickers=stickers, cache=cache)
    assert (first.x, first.y, first.rotation) == (150.0, 600.0, -30.0)
    made = cache.rasterised
    moved = layer_bounds(
        TextLayer("转一转", rotation=45.0, x=0.6), WIDTH, HEIGHT, stickers=stickers, cache=cache
    )
    assert cache.rasterised == made  # moving and turning reuse the layout
    assert (moved.width, moved.height) == (first.width, first.height)


def test_an_unknown_sticker_is_the_resolvers_error() -> None:
    with pytest.raises(EditorError) as caught:
        layer_bounds(StickerLayer("builtin:nothing"), WIDTH, HEIGHT, stickers=stickers)
    assert caught.value.code == "sticker.unknown"
