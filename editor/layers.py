"""Text and sticker layers: the recipe's `layers` section, checked on the way in.

Layers are drawn last, over the finished photo, in the cropped frame's coordinates, in list
order (the first layer is at the bottom). Every length is a fraction of something that scales
with the output — the centre as fractions of the cropped frame, a text's size as a fraction of
the output height, stroke, shadow, padding and corner radius as fractions of the text size, a
sticker's width as a fraction of the frame width — so the live preview at screen size and the
export at full size draw the same picture. Every value is clamped to its documented range or
refused with ``recipe.invalid`` like the rest of the recipe; the limits on text length, line
count and layer count keep a hostile recipe's rendering bounded in time and memory.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal, get_args

from editor.checks import color, invalid, known_keys, mapping, number

__all__ = [
    "FONTS",
    "MAX_LAYERS",
    "MAX_LINES",
    "MAX_TEXT_LENGTH",
    "Box",
    "Layer",
    "Shadow",
    "StickerLayer",
    "STICKER_ID",
    "Stroke",
    "TextLayer",
    "layer_to_dict",
    "layers_from_list",
]

MAX_LAYERS = 30
MAX_TEXT_LENGTH = 200  # characters (code points) per text layer: a title, a label, a short list
MAX_LINES = 20  # explicit line breaks per text layer

FontName = Literal["sans", "serif"]
LayerFont = Literal["sans", "serif", "brand"]  # "brand": the brand style's font, see editor.brand
Weight = Literal["regular", "bold"]
Align = Literal["left", "center", "right"]
FONTS: tuple[str, ...] = get_args(FontName)

# builtin:<name> for the shipped set in resources/stickers, user:<sha256> for one the backend keeps.
STICKER_ID = re.compile(r"^(builtin:[a-z0-9_]{1,64}|user:[0-9a-f]{64})$")
# Line breaks are kept; every other control character (and the separators that act as line
# breaks in some renderers but not others) is refused so that the text means one thing.
_FORBIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _choice(value: Any, where: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise invalid(where, "unknown_value", allowed=list(allowed))
    return str(value)


def _angle(value: Any, where: str) -> float:
    """Degrees, folded into (−180, 180] so that equal turns compare equal."""
    degrees = number(value, where, -1e6, 1e6) % 360.0
    return degrees - 360.0 if degrees > 180.0 else degrees


@dataclass(frozen=True)
class Stroke:
    """An outline around the glyphs (and emoji), `width` in fractions of the text size."""

    width: float = 0.0  # 0…0.3
    color: str = "#000000"

    @classmethod
    def from_dict(cls, data: Any, where: str) -> Stroke:
        data = mapping(data, where)
        known_keys(data, {"width", "color"}, where)
        return cls(
            width=number(data.get("width", 0.0), f"{where}.width", 0.0, 0.3),
            color=color(data.get("color", "#000000"), f"{where}.color"),
        )


@dataclass(frozen=True)
class Shadow:
    """A drop shadow of everything the layer draws; lengths in fractions of the text size."""

    x: float = 0.04  # −0.5…0.5, positive is to the right
    y: float = 0.04  # −0.5…0.5, positive is down
    blur: float = 0.06  # 0…0.5, the Gaussian's sigma
    color: str = "#00000080"

    @classmethod
    def from_dict(cls, data: Any, where: str) -> Shadow:
        data = mapping(data, where)
        known_keys(data, {"x", "y", "blur", "color"}, where)
        default = cls()
        return cls(
            x=number(data.get("x", default.x), f"{where}.x", -0.5, 0.5),
            y=number(data.get("y", default.y), f"{where}.y", -0.5, 0.5),
            blur=number(data.get("blur", default.blur), f"{where}.blur", 0.0, 0.5),
            color=color(data.get("color", default.color), f"{where}.color"),
        )


@dataclass(frozen=True)
class Box:
    """A label behind the text: the text block plus `padding` on every side, with rounded
    corners of `radius` (both in fractions of the text size; the radius is limited to half
    the box's shorter side when drawn, so a large radius makes a pill)."""

    color: str = "#FF2442"
    radius: float = 0.3  # 0…5
    padding: float = 0.3  # 0…2

    @classmethod
    def from_dict(cls, data: Any, where: str) -> Box:
        data = mapping(data, where)
        known_keys(data, {"color", "radius", "padding"}, where)
        default = cls()
        return cls(
            color=color(data.get("color", default.color), f"{where}.color"),
            radius=number(data.get("radius", default.radius), f"{where}.radius", 0.0, 5.0),
            padding=number(data.get("padding", default.padding), f"{where}.padding", 0.0, 2.0),
        )


@dataclass(frozen=True)
class TextLayer:
    """A block of text: one or more lines, wrapped at `max_width` if it is set.

    Attributes:
        text: 1–200 characters; ``\\n`` breaks a line (at most 20 of them).
        font: ``sans`` (Noto Sans CJK), ``serif`` (Noto Serif CJK, else sans) or ``brand``
            (the brand style's font).
        weight: ``regular`` or ``bold``.
        size: The em size as a fraction of the output height, 0.005…0.5.
        color: Fill colour ``#RRGGBB`` or ``#RRGGBBAA``, or a brand role (``brand:primary``);
            so may the stroke's, shadow's and box's colours.
        stroke, shadow, box: Optional decorations (see their classes).
        align: ``left``, ``center`` or ``right``, within the block.
        line_spacing: Distance between baselines in ems, 0.8…3.
        rotation: Degrees, positive turns clockwise, about the centre.
        x, y: The centre of the block (box included) in fractions of the cropped frame, 0…1.
        max_width: None, or the widest a line may be as a fraction of the frame width
            (0.05…1); longer lines wrap between CJK characters and at spaces in Latin text.
    """

    text: str
    font: LayerFont = "sans"
    weight: Weight = "bold"
    size: float = 0.06
    color: str = "#FFFFFF"
    stroke: Stroke | None = None
    shadow: Shadow | None = None
    box: Box | None = None
    align: Align = "center"
    line_spacing: float = 1.2
    rotation: float = 0.0
    x: float = 0.5
    y: float = 0.5
    max_width: float | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> TextLayer:
        names = {f.name for f in fields(cls)}
        known_keys(data, names | {"type"}, where)
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            raise invalid(f"{where}.text", "empty")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if len(text) > MAX_TEXT_LENGTH:
            raise invalid(f"{where}.text", "too_long", max=MAX_TEXT_LENGTH)
        if text.count("\n") > MAX_LINES:
            raise invalid(f"{where}.text", "too_many_lines", max=MAX_LINES)
        if _FORBIDDEN.search(text):
            raise invalid(f"{where}.text", "control_character")
        if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
            raise invalid(f"{where}.text", "lone_surrogate")
        default = cls(text)
        max_width = data.get("max_width")
        return cls(
            text=text,
            font=_choice(  # type: ignore[arg-type]
                data.get("font", default.font), f"{where}.font", get_args(LayerFont)
            ),
            weight=_choice(  # type: ignore[arg-type]
                data.get("weight", default.weight), f"{where}.weight", get_args(Weight)
            ),
            size=number(data.get("size", default.size), f"{where}.size", 0.005, 0.5),
            color=color(data.get("color", default.color), f"{where}.color"),
            stroke=_optional(data, "stroke", Stroke.from_dict, where),
            shadow=_optional(data, "shadow", Shadow.from_dict, where),
            box=_optional(data, "box", Box.from_dict, where),
            align=_choice(  # type: ignore[arg-type]
                data.get("align", default.align), f"{where}.align", get_args(Align)
            ),
            line_spacing=number(
                data.get("line_spacing", default.line_spacing), f"{where}.line_spacing", 0.8, 3.0
            ),
            rotation=_angle(data.get("rotation", 0.0), f"{where}.rotation"),
            x=number(data.get("x", default.x), f"{where}.x", 0.0, 1.0),
            y=number(data.get("y", default.y), f"{where}.y", 0.0, 1.0),
            max_width=None
            if max_width is None
            else number(max_width, f"{where}.max_width", 0.05, 1.0),
        )


@dataclass(frozen=True)
class StickerLayer:
    """A picture from the sticker set.

    Attributes:
        id: ``builtin:<name>`` (``resources/stickers/<name>.png``) or ``user:<sha256>``.
        x, y: The centre in fractions of the cropped frame, 0…1.
        width: The sticker's width as a fraction of the frame width, 0.01…1.5 (its height
            follows the picture's aspect ratio).
        rotation: Degrees, positive turns clockwise.
        opacity: 0…100 %.
    """

    id: str
    x: float = 0.5
    y: float = 0.5
    width: float = 0.3
    rotation: float = 0.0
    opacity: float = 100.0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> StickerLayer:
        known_keys(data, {f.name for f in fields(cls)} | {"type"}, where)
        sticker_id = data.get("id")
        if not isinstance(sticker_id, str) or not STICKER_ID.match(sticker_id):
            raise invalid(f"{where}.id", "bad_sticker_id")
        default = cls(sticker_id)
        return cls(
            id=sticker_id,
            x=number(data.get("x", default.x), f"{where}.x", 0.0, 1.0),
            y=number(data.get("y", default.y), f"{where}.y", 0.0, 1.0),
            width=number(data.get("width", default.width), f"{where}.width", 0.01, 1.5),
            rotation=_angle(data.get("rotation", 0.0), f"{where}.rotation"),
            opacity=number(data.get("opacity", default.opacity), f"{where}.opacity", 0.0, 100.0),
        )


Layer = TextLayer | StickerLayer
_TYPES: dict[str, type[TextLayer] | type[StickerLayer]] = {
    "text": TextLayer,
    "sticker": StickerLayer,
}


def _optional(data: Mapping[str, Any], name: str, parse: Any, where: str) -> Any:
    value = data.get(name)
    return None if value is None else parse(value, f"{where}.{name}")


def layers_from_list(value: Any) -> tuple[Layer, ...]:
    """Check the recipe's ``layers`` list.

    Raises:
        EditorError: ``recipe.invalid`` with the field (``layers[3].size``) and the reason.
    """
    if not isinstance(value, list | tuple):
        raise invalid("layers", "not_a_list")
    if len(value) > MAX_LAYERS:
        raise invalid("layers", "too_many", max=MAX_LAYERS)
    layers: list[Layer] = []
    for index, item in enumerate(value):
        where = f"layers[{index}]"
        item = mapping(item, where)
        kind = item.get("type")
        if kind not in _TYPES:
            raise invalid(f"{where}.type", "unknown_value", allowed=list(_TYPES))
        layers.append(_TYPES[kind].from_dict(item, where))
    return tuple(layers)


def layer_to_dict(layer: Layer) -> dict[str, Any]:
    """The layer's JSON object, leaving out what is at its default (the text or id stays)."""
    kind = "text" if isinstance(layer, TextLayer) else "sticker"
    required = "text" if kind == "text" else "id"
    default = type(layer)(getattr(layer, required))
    document: dict[str, Any] = {"type": kind, required: getattr(layer, required)}
    for f in fields(layer):
        value = getattr(layer, f.name)
        if f.name == required or value == getattr(default, f.name):
            continue
        if isinstance(value, Stroke | Shadow | Box):
            value = {g.name: getattr(value, g.name) for g in fields(value)}
        document[f.name] = value
    return document
