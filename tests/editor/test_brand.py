"""Brand styles and the watermark (editor.brand): a style is checked, layers and templates may name
its colours by role, a recipe carries its style and watermark as version 3, switching the style
restyles what is drawn, the logo lands in its corner, and a template splits into a baked base and
editable layers that draw the same cover and compose back into the same template."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from editor.brand import CORNERS, DEFAULT_BRAND, BrandStyle, Watermark
from editor.errors import EditorError
from editor.layers import MAX_LAYERS, Box, StickerLayer, TextLayer
from editor.recipe import Recipe
from editor.render import Preview, render
from editor.stickers import load_builtin
from editor.templates import (
    Template,
    TemplateSticker,
    TemplateText,
    builtin_template_names,
    compose_template,
    layer_slots,
    load_template,
    render_template,
    split_template,
)

FOREST = BrandStyle("#2E7D5B", "#1F2A24", "#7FE0D4", "#F4C95D", "#EEF5EF", "serif")
LOGO = "builtin:badge_1"


def refused(call: Any, *args: Any) -> EditorError:
    with pytest.raises(EditorError) as caught:
        call(*args)
    return caught.value


def rgb(hex_color: str) -> np.ndarray:
    return np.array([int(hex_color[i : i + 2], 16) for i in (1, 3, 5)])


def near(pixels: np.ndarray, hex_color: str, tolerance: int = 3) -> np.ndarray:
    """Where `pixels` (H×W×3) are within `tolerance` of the colour on every channel."""
    return np.abs(pixels.astype(int) - rgb(hex_color)).max(axis=2) <= tolerance


def photos(count: int) -> list[np.ndarray]:
    """Decoded photos with a colour ramp each, so a crop or a misplaced slot shows."""
    out = []
    for index in range(count):
        pixels = np.zeros((300, 400, 3), np.uint8)
        pixels[..., 0] = np.linspace(30, 220, 400, dtype=np.uint8)[None, :]
        pixels[..., 1] = (40 + 23 * index) % 256
        pixels[..., 2] = np.linspace(200, 60, 300, dtype=np.uint8)[:, None]
        out.append(pixels)
    return out


# ----------------------------------------------------------------------------- the style


def test_a_style_round_trips_and_defaults_what_it_leaves_out() -> None:
    assert BrandStyle.from_dict({}) == DEFAULT_BRAND
    style = BrandStyle.from_dict({"primary": "#2e7d5b", "font": "serif"})
    assert (style.primary, style.font, style.accent) == ("#2E7D5B", "serif", DEFAULT_BRAND.accent)
    assert BrandStyle.from_dict(FOREST.to_dict()) == FOREST
    assert FOREST.resolve_color("brand:accent") == "#7FE0D4"
    assert FOREST.resolve_color("#12345678") == "#12345678"
    assert (FOREST.resolve_font("brand"), FOREST.resolve_font("sans")) == ("serif", "sans")


@pytest.mark.parametrize(
    ("document", "field", "reason"),
    [
        ({"primary": "red"}, "brand.primary", "bad_color"),
        ({"text": "#FFF"}, "brand.text", "bad_color"),
        ({"background": 0xFFFFFF}, "brand.background", "bad_color"),
        # A style's colours are concrete: a role cannot name another role.
        ({"accent": "brand:primary"}, "brand.accent", "bad_color"),
        ({"font": "comic"}, "brand.font", "unknown_value"),
        ({"font": "brand"}, "brand.font", "unknown_value"),
        ({"logo": "builtin:badge_1"}, "brand.logo", "unknown_field"),
        ([], "brand", "not_an_object"),
    ],
)
def test_a_bad_style_is_refused_with_the_field(document: Any, field: str, reason: str) -> None:
    error = refused(BrandStyle.from_dict, document)
    assert error.code == "recipe.invalid"
    assert (error.params["field"], error.params["reason"]) == (field, reason)


# --------------------------------------------------------------------------- roles in layers

ROLE_TEXT = {
    "type": "text",
    "text": "品牌色",
    "font": "brand",
    "color": "brand:text",
    "stroke": {"width": 0.1, "color": "brand:secondary"},
    "shadow": {"color": "brand:secondary"},
    "box": {"color": "brand:primary", "radius": 0.3, "padding": 0.6},
}


def test_layer_colours_and_the_font_may_name_roles() -> None:
    recipe = Recipe.from_dict({"version": 2, "layers": [ROLE_TEXT]})
    layer = recipe.layers[0]
    assert isinstance(layer, TextLayer)
    assert (layer.font, layer.color, layer.box and layer.box.color) == (
        "brand",
        "brand:text",
        "brand:primary",
    )
    drawn = FOREST.resolve(layer)
    assert isinstance(drawn, TextLayer)
    assert (drawn.font, drawn.color) == ("serif", FOREST.text)
    assert drawn.stroke and drawn.stroke.color == FOREST.secondary
    assert drawn.shadow and drawn.shadow.color == FOREST.secondary
    assert drawn.box and drawn.box.color == FOREST.primary
    sticker = StickerLayer(LOGO)
    assert FOREST.resolve(sticker) is sticker


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (("color",), "layers[0].color"),
        (("stroke", "color"), "layers[0].stroke.color"),
        (("shadow", "color"), "layers[0].shadow.color"),
        (("box", "color"), "layers[0].box.color"),
    ],
)
@pytest.mark.parametrize("role", ["brand:tertiary", "brand:", "brand:Primary", "brand:font"])
def test_an_unknown_role_is_refused(path: tuple[str, ...], field: str, role: str) -> None:
    layer = copy.deepcopy(ROLE_TEXT)
    target = layer
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = role
    error = refused(Recipe.from_dict, {"version": 2, "layers": [layer]})
    assert error.code == "recipe.invalid"
    assert (error.params["field"], error.params["reason"]) == (field, "unknown_brand_color")


def test_roles_in_a_template_and_an_unknown_one_refused() -> None:
    doc = {
        "background": "brand:background",
        "elements": [
            {"type": "shape", "color": "brand:primary"},
            {"type": "photo", "placeholder": "brand:accent",
             "border": {"width": 0.01, "color": "brand:secondary"}},
            {"type": "text", "text": "标题", "font": "brand", "color": "brand:text"},
        ],
    }  # fmt: skip
    template = Template.from_dict(doc)
    assert Template.from_dict(template.to_dict()) == template
    bad = copy.deepcopy(doc)
    bad["elements"][1]["border"]["color"] = "brand:logo"
    error = refused(Template.from_dict, bad)
    assert error.code == "template.invalid"
    assert (error.params["field"], error.params["reason"]) == (
        "elements[1].border.color",
        "unknown_brand_color",
    )


# ------------------------------------------------------------------------ recipe, version 3

BRANDED = {
    "version": 3,
    "layers": [ROLE_TEXT],
    "brand": FOREST.to_dict(),
    "watermark": {"logo": LOGO, "corner": "top_left", "width": 0.2, "margin": 0.05,
                  "opacity": 60.0},
}  # fmt: skip


def test_a_recipe_with_brand_and_watermark_round_trips_as_version_3() -> None:
    recipe = Recipe.from_dict(BRANDED)
    assert recipe.brand == FOREST
    assert recipe.watermark == Watermark(LOGO, "top_left", 0.2, 0.05, 60.0)
    document = recipe.to_dict()
    assert document["version"] == 3
    assert (document["brand"], document["watermark"]) == (BRANDED["brand"], BRANDED["watermark"])
    assert Recipe.from_dict(document) == recipe
    # Either section alone needs version 3 too; neither keeps the older version.
    assert Recipe(watermark=Watermark(LOGO)).to_dict()["version"] == 3
    assert Recipe(brand=FOREST).to_dict() == {"version": 3, "brand": FOREST.to_dict()}
    assert Recipe(layers=recipe.layers).to_dict()["version"] == 2


@pytest.mark.parametrize("section", ["brand", "watermark"])
@pytest.mark.parametrize("version", [1, 2])
def test_brand_and_watermark_in_an_older_version_are_refused(section: str, version: int) -> None:
    document = {"version": version, section: BRANDED[section]}
    error = refused(Recipe.from_dict, document)
    assert error.code == "recipe.invalid"
    assert error.params == {"field": section, "reason": "needs_version", "min": 3}


@pytest.mark.parametrize(
    ("watermark", "field", "reason"),
    [
        ({"corner": "top_left"}, "watermark.logo", "bad_sticker_id"),
        ({"logo": "logo.png"}, "watermark.logo", "bad_sticker_id"),
        ({"logo": LOGO, "corner": "middle"}, "watermark.corner", "unknown_value"),
        ({"logo": LOGO, "width": "big"}, "watermark.width", "not_a_number"),
        ({"logo": LOGO, "size": 0.2}, "watermark.size", "unknown_field"),
    ],
)
def test_a_bad_watermark_is_refused(watermark: dict[str, Any], field: str, reason: str) -> None:
    error = refused(Recipe.from_dict, {"version": 3, "watermark": watermark})
    assert (error.params["field"], error.params["reason"]) == (field, reason)


def test_watermark_numbers_are_clamped() -> None:
    mark = Watermark.from_dict({"logo": LOGO, "width": 9, "margin": -1, "opacity": 400})
    assert (mark.width, mark.margin, mark.opacity) == (0.5, 0.0, 100.0)


# ------------------------------------------------------------------------------- rendering

GREY = np.full((400, 300, 3), 128, np.uint8)


def boxed(brand: BrandStyle | None) -> Recipe:
    layer = {"type": "text", "text": "必买", "size": 0.1, "color": "brand:text",
             "box": {"color": "brand:primary", "radius": 0, "padding": 0.6}}  # fmt: skip
    return Recipe(layers=Recipe.from_dict({"version": 2, "layers": [layer]}).layers, brand=brand)


def test_a_box_in_brand_primary_takes_the_recipes_brand_colour() -> None:
    default = render(GREY, boxed(None))
    forest = render(GREY, boxed(FOREST))
    box_area = 0.1 * 400 * 0.6 * 2 * 0.1 * 400  # at least the padding strips above and below
    assert near(default, DEFAULT_BRAND.primary).sum() > box_area
    assert near(forest, FOREST.primary).sum() > box_area
    assert not near(forest, DEFAULT_BRAND.primary).any()
    assert not near(default, FOREST.primary).any()
    # The live preview resolves the same roles.
    assert np.array_equal(Preview(GREY).render(boxed(FOREST)), forest)


def test_the_brand_font_is_the_styles_font() -> None:
    def drawn(font: str, brand: BrandStyle) -> np.ndarray:
        layer = TextLayer("品牌字体", font=font, size=0.12, color="#000000")  # type: ignore[arg-type]
        return render(GREY, Recipe(layers=(layer,), brand=brand))

    serif = BrandStyle(font="serif")
    assert np.array_equal(drawn("brand", serif), drawn("serif", DEFAULT_BRAND))
    assert np.array_equal(drawn("brand", DEFAULT_BRAND), drawn("sans", DEFAULT_BRAND))
    assert not np.array_equal(drawn("brand", serif), drawn("brand", DEFAULT_BRAND))


def extent(mask: np.ndarray) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(mask)
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


@pytest.mark.parametrize("corner", CORNERS)
def test_the_watermark_lands_in_its_corner_with_its_margin(corner: str) -> None:
    width, height = 600, 400  # landscape: the margin is a fraction of the shorter side
    logo = load_builtin(LOGO)
    opaque = logo[..., 3] > 128
    mark = Watermark(LOGO, corner, width=0.2, margin=0.05, opacity=100.0)  # type: ignore[arg-type]
    out = render(np.zeros((height, width, 3), np.uint8), Recipe(watermark=mark))
    scale = 0.2 * width / logo.shape[1]
    logo_w, logo_h = 0.2 * width, logo.shape[0] * scale
    margin = 0.05 * height
    left = margin if corner.endswith("left") else width - margin - logo_w
    top = margin if corner.startswith("top") else height - margin - logo_h
    a_left, a_top, a_right, a_bottom = extent(opaque)
    expected = (
        left + a_left * scale,
        top + a_top * scale,
        left + a_right * scale,
        top + a_bottom * scale,
    )
    drawn = extent(out.max(axis=2) > 64)
    assert np.allclose(drawn, expected, atol=2.5), (drawn, expected)


def test_the_watermark_is_drawn_above_every_layer() -> None:
    # A solid green label over the whole top-left corner.
    cover = TextLayer("遮", size=0.4, color="#00FF00", box=Box("#00FF00", 0.0, 0.5), x=0.2, y=0.2)
    mark = Watermark(LOGO, "top_left", width=0.3, margin=0.0, opacity=100.0)
    out = render(np.zeros((300, 300, 3), np.uint8), Recipe(layers=(cover,), watermark=mark))
    logo = load_builtin(LOGO)
    centre = logo[logo.shape[0] // 2, logo.shape[1] // 2]
    assert centre[3] == 255  # the logo is opaque in its middle …
    drawn = out[round(0.3 * 300 * logo.shape[0] / logo.shape[1] / 2), 45]
    assert np.abs(drawn.astype(int) - centre[:3].astype(int)).max() <= 12  # … and on top


def test_an_unknown_logo_is_a_sticker_error() -> None:
    for logo in ("builtin:no_such_logo", "user:" + "0" * 64):
        error = refused(render, GREY, Recipe(watermark=Watermark(logo)))
        assert (error.code, error.params["id"]) == ("sticker.unknown", logo)


# --------------------------------------------------------------- applying a template


def test_split_then_compose_gives_back_the_template() -> None:
    template = load_template("cover_title_band")
    texts = {"title": "旧衣改造小课堂"}
    base, layers = split_template(template, texts)
    assert not any(isinstance(e, TemplateText | TemplateSticker) for e in base.elements)
    assert len(base.photo_slots) == len(template.photo_slots)
    assert [type(layer) for layer in layers] == [TextLayer, TextLayer, StickerLayer]
    assert layers[0].text == "旧衣改造小课堂"  # type: ignore[union-attr]
    given = {**template.text_slots, **texts}
    composed = compose_template(base, layers, layer_slots(template, texts))
    assert composed.text_slots == given
    assert (composed.name, composed.width, composed.background) == (
        template.name,
        template.width,
        template.background,
    )
    pictures = photos(1)
    for brand in (None, FOREST):
        assert np.array_equal(
            render_template(composed, pictures, width=360, brand=brand),
            render_template(template, pictures, texts, width=360, brand=brand),
        )
    # Texts that were no slot's stay fixed in the saved template.
    assert compose_template(base, layers).text_slots == {}
    # Composing is stable: split the composed template again and nothing changes.
    assert split_template(composed) == (base, layers)
    # A retyped title and an added sticker: the title is still the slot; the sticker is fixed.
    retyped = (replace(layers[0], text="新标题"), *layers[1:], StickerLayer("builtin:label_bimai"))
    saved = compose_template(base, retyped, layer_slots(template, texts))
    assert saved.text_slots["title"] == "新标题" and set(saved.text_slots) == set(given)


def test_a_template_with_more_texts_and_stickers_than_a_recipe_holds_is_refused() -> None:
    texts = [{"type": "text", "text": f"第{i}条"} for i in range(MAX_LAYERS + 1)]
    template = Template.from_dict({"elements": [{"type": "photo"}, *texts]})
    with pytest.raises(EditorError) as refused:
        split_template(template)
    assert refused.value.code == "template.invalid"
    assert refused.value.params["reason"] == "too_many_layers"


@pytest.mark.parametrize("name", builtin_template_names())
def test_split_layers_drawn_over_the_base_are_the_template(name: str) -> None:
    """What applying a template does — the base baked into the picture, its texts and stickers
    as recipe layers over it — draws the cover `render_template` draws."""
    template = load_template(name)
    pictures = photos(len(template.photo_slots))
    texts = {"title": "换个标题"}
    base, layers = split_template(template, texts)
    baked = render_template(base, pictures, width=540, brand=FOREST)
    applied = render(baked, Recipe(layers=layers, brand=FOREST))
    whole = render_template(template, pictures, texts, width=540, brand=FOREST)
    difference = np.abs(applied.astype(int) - whole.astype(int))
    assert applied.shape == whole.shape
    assert difference.mean() < 0.5 and (difference > 24).mean() < 0.002, name
