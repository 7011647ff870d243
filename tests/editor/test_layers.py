"""Text and sticker layers: the recipe section, its checks, and drawing it alike at every scale."""

from __future__ import annotations

import io
import math

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from editor.errors import EditorError
from editor.layers import MAX_LAYERS, MAX_TEXT_LENGTH, TextLayer
from editor.overlay import composite_layers
from editor.recipe import Recipe
from editor.render import Preview, render
from editor.stickers import rgba_sticker
from editor.text import emoji_font, font_file, layout

needs_cjk = pytest.mark.skipif(font_file("sans", "bold") is None, reason="no CJK font installed")
needs_emoji = pytest.mark.skipif(emoji_font() is None, reason="no colour emoji font installed")

FULL = {
    "version": 2,
    "layers": [
        {
            "type": "text",
            "text": "上海咖啡 ☕️\nCafé hopping",
            "font": "serif",
            "weight": "regular",
            "size": 0.08,
            "color": "#ffffffcc",
            "stroke": {"width": 0.1, "color": "#000000"},
            "shadow": {"x": 0.02, "y": -0.03, "blur": 0.1, "color": "#00000080"},
            "box": {"color": "#FF2442", "radius": 0.5, "padding": 0.2},
            "align": "left",
            "line_spacing": 1.5,
            "rotation": -10,
            "x": 0.3,
            "y": 0.2,
            "max_width": 0.8,
        },
        {"type": "sticker", "id": "builtin:must_buy", "x": 0.7, "width": 0.25, "opacity": 80},
    ],
}


def grey_photo(width: int = 600, height: int = 800) -> np.ndarray:
    """A smooth grey picture with some structure, so that any colour comes from the layers."""
    ys, xs = np.mgrid[0:height, 0:width]
    value = 90 + 60 * np.sin(xs / 37.0) * np.cos(ys / 53.0)
    return np.repeat(value[..., None], 3, axis=2).astype(np.uint8)


def sticker_png() -> bytes:
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).rounded_rectangle((0, 0, 199, 99), radius=30, fill=(0, 200, 0, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


STICKER = rgba_sticker(sticker_png(), sticker_id="builtin:must_buy")


def tmp_stickers(sticker_id: str) -> np.ndarray:
    if sticker_id != "builtin:must_buy":
        raise EditorError("sticker.unknown", {"id": sticker_id})
    return STICKER


def with_layers(*layers: dict) -> Recipe:
    return Recipe.from_dict({"version": 2, "layers": list(layers)})


def drawn(recipe: Recipe, image: np.ndarray | None = None) -> np.ndarray:
    base = np.zeros((400, 300, 3), np.uint8) if image is None else image
    return render(base, recipe, stickers=tmp_stickers)


def bbox(mask: np.ndarray) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(mask)
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return math.inf if mse == 0 else 10 * math.log10(255.0**2 / mse)


# ------------------------------------------------------------------------------ the recipe


def test_layers_round_trip_and_need_version_2() -> None:
    recipe = Recipe.from_dict(FULL)
    document = recipe.to_dict()
    assert document["version"] == 2
    assert Recipe.from_dict(document) == recipe
    text = document["layers"][0]
    assert text["color"] == "#FFFFFFCC" and text["rotation"] == -10.0
    assert document["layers"][1] == {
        "type": "sticker",
        "id": "builtin:must_buy",
        "x": 0.7,
        "width": 0.25,
        "opacity": 80.0,
    }
    assert not recipe.is_identity


def test_a_recipe_without_layers_is_still_written_as_version_1() -> None:
    assert Recipe.from_dict({"version": 2, "adjust": {"fade": 10}}).to_dict()["version"] == 1
    assert Recipe.from_dict({"version": 2, "layers": []}).is_identity


def test_defaults_are_left_out() -> None:
    document = with_layers({"type": "text", "text": "好物"}).to_dict()
    assert document["layers"] == [{"type": "text", "text": "好物"}]


@pytest.mark.parametrize(
    ("layer", "field", "reason"),
    [
        ({"type": "text", "text": "x" * (MAX_TEXT_LENGTH + 1)}, "layers[0].text", "too_long"),
        ({"type": "text", "text": "a\n" * 30}, "layers[0].text", "too_many_lines"),
        ({"type": "text", "text": "   "}, "layers[0].text", "empty"),
        ({"type": "text", "text": 5}, "layers[0].text", "empty"),
        ({"type": "text", "text": "a\x00b"}, "layers[0].text", "control_character"),
        ({"type": "text", "text": "a\u2028b"}, "layers[0].text", "control_character"),
        ({"type": "text", "text": "a", "size": math.nan}, "layers[0].size", "not_finite"),
        ({"type": "text", "text": "a", "size": 10**400}, "layers[0].size", "not_finite"),
        ({"type": "text", "text": "a", "size": "big"}, "layers[0].size", "not_a_number"),
        ({"type": "text", "text": "a", "color": "red"}, "layers[0].color", "bad_color"),
        ({"type": "text", "text": "a", "color": "#12345"}, "layers[0].color", "bad_color"),
        ({"type": "text", "text": "a", "font": "comic"}, "layers[0].font", "unknown_value"),
        ({"type": "text", "text": "a", "align": "justify"}, "layers[0].align", "unknown_value"),
        ({"type": "text", "text": "a", "stroke": [1]}, "layers[0].stroke", "not_an_object"),
        ({"type": "text", "text": "a", "box": {"fill": "#000"}}, "layers[0].box.fill", None),
        ({"type": "text", "text": "a", "onclick": 1}, "layers[0].onclick", "unknown_field"),
        ({"type": "video"}, "layers[0].type", "unknown_value"),
        ({"type": "sticker", "id": "file:/etc/passwd"}, "layers[0].id", "bad_sticker_id"),
        ({"type": "sticker", "id": "builtin:../x"}, "layers[0].id", "bad_sticker_id"),
        ("text", "layers[0]", "not_an_object"),
    ],
)
def test_hostile_layers_are_refused_with_the_field_named(layer, field, reason) -> None:
    with pytest.raises(EditorError) as caught:
        with_layers(layer)
    assert caught.value.code == "recipe.invalid"
    assert caught.value.params["field"] == field
    if reason is not None:
        assert caught.value.params["reason"] == reason


def test_too_many_layers_and_layers_in_a_version_1_recipe_are_refused() -> None:
    with pytest.raises(EditorError) as caught:
        with_layers(*[{"type": "text", "text": "a"}] * (MAX_LAYERS + 1))
    assert caught.value.params == {"field": "layers", "reason": "too_many", "max": MAX_LAYERS}
    with pytest.raises(EditorError) as caught:
        Recipe.from_dict({"version": 1, "layers": []})
    assert caught.value.params["reason"] == "needs_version"


def test_absurd_numbers_are_clamped() -> None:
    layer = with_layers(
        {
            "type": "text",
            "text": "a",
            "size": 1e9,
            "x": -5,
            "rotation": 725,
            "line_spacing": 0,
            "stroke": {"width": 9},
            "box": {"radius": 1e6, "padding": -1},
            "max_width": 0,
        }
    ).layers[0]
    assert isinstance(layer, TextLayer)
    assert (layer.size, layer.x, layer.rotation, layer.line_spacing) == (0.5, 0.0, 5.0, 0.8)
    assert layer.stroke is not None and layer.stroke.width == 0.3
    assert layer.box is not None and (layer.box.radius, layer.box.padding) == (5.0, 0.0)
    assert layer.max_width == 0.05


# ------------------------------------------------------------------------------ line breaks


@needs_cjk
def test_latin_wraps_at_spaces_and_cjk_anywhere_but_not_before_closing_punctuation() -> None:
    latin = layout(TextLayer("coffee and cake forever", size=0.1, max_width=0.6), 0.75)
    words = [" ".join(u.text for _, u in line.units if not u.space) for line in latin.lines]
    assert len(words) > 1 and all(w in "coffee and cake forever" for w in words)
    assert " ".join(words) == "coffee and cake forever"
    cjk = layout(TextLayer("一二三四五六七八，九十", size=0.1, max_width=0.6), 0.75)
    texts = ["".join(u.text for _, u in line.units) for line in cjk.lines]
    assert "".join(texts) == "一二三四五六七八，九十"
    assert len(texts) > 1 and all(not t.startswith("，") for t in texts)
    assert all(line.width <= 0.6 * 0.75 / 0.1 + 1e-6 for line in cjk.lines)


# -------------------------------------------------------------------------------- drawing


@needs_cjk
def test_cjk_text_draws_real_glyphs_not_the_missing_glyph_box() -> None:
    def ink(text: str) -> np.ndarray:
        return drawn(with_layers({"type": "text", "text": text, "size": 0.15}))[..., 0] > 128

    chinese, missing = ink("种草"), ink("\U0010fffd\U0010fffd")
    assert chinese.sum() > 500
    # The two glyphs differ from each other and from the box drawn for a missing glyph.
    left, right = chinese[:, :150], chinese[:, 150:]
    assert (chinese ^ missing).sum() > 0.3 * chinese.sum()
    assert (left ^ np.fliplr(right)).sum() > 0.2 * chinese.sum()


@needs_emoji
def test_emoji_draw_in_colour() -> None:
    out = drawn(with_layers({"type": "text", "text": "😀🍓", "size": 0.2, "color": "#FFFFFF"}))
    channels = out.astype(np.int16)
    saturated = (channels.max(axis=2) - channels.min(axis=2)) > 80
    assert saturated.sum() > 2000  # yellow face and red strawberry, not white boxes


def test_a_label_box_lands_where_its_numbers_say() -> None:
    layer = {
        "type": "text",
        "text": "必买",
        "size": 0.1,
        "color": "#FF0000",
        "box": {"color": "#00FF00", "radius": 0, "padding": 0.5},
        "x": 0.5,
        "y": 0.25,
    }
    out = drawn(with_layers(layer))
    green = (out[..., 1] > 200) & (out[..., 0] < 60)
    block = layout(TextLayer("必买", size=0.1), 300 / 400)
    px = 0.1 * 400
    half_w, half_h = block.width * px / 2 + 0.5 * px, block.height * px / 2 + 0.5 * px
    left, top, right, bottom = bbox(green)
    assert abs(left - (150 - half_w)) <= 1 and abs(right - (150 + half_w)) <= 1
    assert abs(top - (100 - half_h)) <= 1 and abs(bottom - (100 + half_h)) <= 1
    # Turned by 90°, the box's width and height swap about the same centre.
    turned = drawn(with_layers({**layer, "rotation": 90}))
    left, top, right, bottom = bbox((turned[..., 1] > 200) & (turned[..., 0] < 60))
    assert abs((right - left) - 2 * half_h) <= 2 and abs((bottom - top) - 2 * half_w) <= 2
    assert abs((left + right) / 2 - 150) <= 1 and abs((top + bottom) / 2 - 100) <= 1


@needs_cjk
def test_alignment_puts_short_lines_at_the_left_middle_or_right() -> None:
    edges = {}
    for align in ("left", "center", "right"):
        layer = {"type": "text", "text": "一二三四五\n一", "size": 0.08, "align": align}
        out = drawn(with_layers(layer))
        block_left, _, block_right, _ = bbox(out[..., 0] > 128)
        second = out[200:260, :, 0] > 128  # the second line (block centred at y = 200)
        left, _, right, _ = bbox(second)
        edges[align] = (left - block_left, block_right - right)
    assert edges["left"][0] <= 3 and edges["right"][1] <= 3
    assert abs(edges["center"][0] - edges["center"][1]) <= 3


def test_stickers_come_from_the_resolver_and_a_missing_one_is_a_clear_error() -> None:
    out = drawn(with_layers({"type": "sticker", "id": "builtin:must_buy", "width": 0.5}))
    left, top, right, bottom = bbox(out[..., 1] > 100)
    assert abs((right - left) - 150) <= 2 and abs((bottom - top) - 75) <= 2
    faint = drawn(with_layers({"type": "sticker", "id": "builtin:must_buy", "opacity": 50}))
    assert 90 <= faint[200, 150, 1] <= 110
    with pytest.raises(EditorError) as caught:
        render(
            np.zeros((40, 30, 3), np.uint8),
            with_layers({"type": "sticker", "id": "builtin:no_such_sticker_here"}),
        )
    assert caught.value.code == "sticker.unknown"


def test_a_hostile_layer_renders_bounded() -> None:
    huge = {
        "type": "text",
        "text": "长" * MAX_TEXT_LENGTH,
        "size": 0.5,
        "rotation": 33,
        "stroke": {"width": 0.3},
        "shadow": {"blur": 0.5, "x": 0.5},
        "box": {"padding": 2},
    }
    out = drawn(with_layers(*[huge] * 3), np.zeros((1440, 1080, 3), np.uint8))
    assert out.shape == (1440, 1080, 3)


# --------------------------------------------------------------- preview and export agree

COVER = {
    "version": 2,
    "geometry": {
        "quarter_turns": 1,
        "straighten": 4,
        "crop": {"x": 0.1, "y": 0.1, "w": 0.8, "h": 0.8},
    },
    "layers": [
        {
            "type": "text",
            "text": "周末去哪儿 ✨\n城市漫步 citywalk",
            "size": 0.07,
            "stroke": {"width": 0.1, "color": "#202020"},
            "shadow": {},
            "x": 0.5,
            "y": 0.25,
            "max_width": 0.9,
        },
        {
            "type": "text",
            "text": "收藏不迷路",
            "size": 0.04,
            "color": "#000000",
            "box": {"color": "#00FF00", "radius": 1, "padding": 0.3},
            "rotation": -12,
            "x": 0.3,
            "y": 0.7,
        },
        {"type": "sticker", "id": "builtin:must_buy", "x": 0.75, "y": 0.5, "rotation": 20},
    ],
}


def _preview_and_export() -> tuple[np.ndarray, np.ndarray]:
    original = grey_photo(1600, 1200)
    recipe = Recipe.from_dict(COVER)
    exported = render(original, recipe, size=(1080, 1440), stickers=tmp_stickers)
    proxy = cv2.resize(original, (1080, 810), interpolation=cv2.INTER_AREA)  # a screen proxy
    preview = Preview(proxy, stickers=tmp_stickers).render(recipe)
    return preview, exported


@needs_cjk
def test_the_preview_at_proxy_scale_looks_like_the_export() -> None:
    preview, exported = _preview_and_export()
    height, width = preview.shape[:2]
    assert abs(width / height - 0.75) < 0.01
    shrunk = cv2.resize(exported, (width, height), interpolation=cv2.INTER_AREA)
    # Measured 25.9 dB (preview 594×792): nearly all of the difference is the edges of white
    # glyphs against their dark stroke, hinted at two sizes (without stroke and shadow 28.9 dB;
    # the label 40.8 dB, the sticker 53 dB alone). The title moved by 2 preview pixels in the
    # preview measures 21.7 dB, so 24 dB holds the text to within about a pixel.
    assert psnr(shrunk, preview) > 24.0


def test_a_layer_lands_at_the_same_relative_place_in_preview_and_export() -> None:
    preview, exported = _preview_and_export()

    def green_centre(image: np.ndarray) -> tuple[float, float]:
        mask = (image[..., 1] > 200) & (image[..., 0] < 80) & (image[..., 2] < 80)
        ys, xs = np.nonzero(mask)
        height, width = image.shape[:2]
        return xs.mean() / width, ys.mean() / height

    # The green label (the sticker is green too): compare the lower-left quarter only.
    def lower_left(image: np.ndarray) -> np.ndarray:
        height, width = image.shape[:2]
        out = image.copy()
        out[: height // 2] = 0
        out[:, width // 2 :] = 0
        return out

    px, py = green_centre(lower_left(preview))
    ex, ey = green_centre(lower_left(exported))
    assert abs(px - ex) < 0.004 and abs(py - ey) < 0.004
    assert abs(px - 0.3) < 0.03 and abs(py - 0.7) < 0.03


def test_the_preview_rasterises_a_layer_once_across_slider_ticks() -> None:
    recipe = with_layers({"type": "text", "text": "ABC", "box": {}})
    preview = Preview(grey_photo(300, 400), stickers=tmp_stickers)
    preview.render(recipe)
    made = preview._layers.rasterised
    preview.render(recipe.with_adjust(exposure=0.5))
    moved = Recipe.from_dict({**recipe.to_dict(), "adjust": {"vignette": -30}})
    preview.render(moved)
    assert preview._layers.rasterised == made


def test_composite_without_layers_returns_the_picture_itself() -> None:
    image = grey_photo(30, 40)
    assert composite_layers(image, (), stickers=tmp_stickers) is image
