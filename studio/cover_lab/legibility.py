"""Whether a cover's title can be read at feed-tile size, worked out without Qt.

Readers hold the phone at about 30 cm; below roughly 2.2 mm of glyph height a title on a tile
stops being read at a glance and becomes texture. The height that matters is the glyphs' own:
a Chinese character fills about 0.9 of its em square and a Latin capital about 0.74 (both
measured on Noto Sans CJK, the font covers are drawn with), so the same em size reads larger in
Chinese than in Latin capitals. A text layer's size is its em as a fraction of the picture's
height (`editor.layers.TextLayer.size`), and the tile shows the picture `phone.shown_cover_height`
points tall.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum

from editor.layers import TextLayer
from editor.recipe import Recipe
from editor.templates import Template, TemplateText
from studio.cover_lab.phone import points_to_mm, shown_cover_height
from studio.covers.apply import TITLE_SLOT, cover_texts

MIN_GLYPH_MM = 2.2
"""Below this glyph height, at the tile's real size, a title is flagged as too small."""
IDEOGRAPH_HEIGHT = 0.9
CAPITAL_HEIGHT = 0.74


class Verdict(Enum):
    NO_TEXT = "no_text"
    SMALL = "small"
    READABLE = "readable"


@dataclass(frozen=True)
class Legibility:
    verdict: Verdict
    glyph_mm: float = 0.0
    """The title's glyph height on the tile in millimetres (0 without text)."""


def glyph_height(text: str) -> float:
    """The glyph height of `text` in ems: an ideograph's when it has any wide (CJK, kana,
    Hangul, full-width) character, else a Latin capital's."""
    wide = any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text)
    return IDEOGRAPH_HEIGHT if wide else CAPITAL_HEIGHT


def judge(
    layer: TextLayer | None, text: str, size: tuple[int, int], bounds: tuple[float, float]
) -> Legibility:
    """How `layer` showing `text`, on a picture of `size` (width, height), reads on a tile
    that keeps the picture's shape within `bounds`."""
    if layer is None or not text.strip():
        return Legibility(Verdict.NO_TEXT)
    picture_mm = points_to_mm(shown_cover_height(*size, bounds))
    glyph_mm = layer.size * picture_mm * glyph_height(text)
    verdict = Verdict.SMALL if glyph_mm < MIN_GLYPH_MM else Verdict.READABLE
    return Legibility(verdict, glyph_mm)


def template_title(template: Template) -> TextLayer | None:
    """The text a template's title goes in: its ``title`` slot, else its largest text."""
    texts = [e for e in template.elements if isinstance(e, TemplateText)]
    for element in texts:
        if element.slot == TITLE_SLOT:
            return element.layer
    return max((e.layer for e in texts), key=lambda layer: layer.size, default=None)


def recipe_title(recipe: Recipe) -> TextLayer | None:
    """The largest text layer an edited photo carries: on a cover, that is its title."""
    layers = [layer for layer in recipe.layers if isinstance(layer, TextLayer)]
    return max(layers, key=lambda layer: layer.size, default=None)


def judge_template(template: Template, title: str, bounds: tuple[float, float]) -> Legibility:
    """How a template's title reads on a tile once filled with the note's `title`."""
    layer = template_title(template)
    text = cover_texts(template, title).get(TITLE_SLOT, layer.text if layer else "")
    return judge(layer, text, (template.width, template.height), bounds)


def judge_cover(recipe: Recipe, size: tuple[int, int], bounds: tuple[float, float]) -> Legibility:
    """How the title an edited photo of `size` carries (its largest text) reads on a tile."""
    layer = recipe_title(recipe)
    return judge(layer, layer.text if layer else "", size, bounds)
