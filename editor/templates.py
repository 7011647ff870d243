"""Cover templates: a JSON layout of photo slots, text boxes, shapes and stickers, rendered.

A template is a canvas (``width`` × ``height`` pixels at export size, e.g. 1080×1440 for 3:4)
with a background colour and an ordered list of elements, drawn bottom first:

- ``photo``: a slot the user's photos fill in order (the first photo element takes the first
  photo), a rectangle in fractions of the canvas, ``fill`` (cover the slot, cropping about the
  focal point) or ``fit`` (the whole photo inside the slot), rounded corners and a border.
- ``text``: an `editor.layers.TextLayer` (the same fields, sizes and styles as a recipe's text
  layer, in fractions of the canvas) with an optional named ``slot`` (``title``, ``subtitle`` …)
  whose text the user provides; ``text`` is then the default shown when they give none.
- ``shape``: a filled rectangle (rounded, up to a pill) or a line, in fractions of the canvas.
- ``sticker``: an `editor.layers.StickerLayer` (``builtin:<name>``).

Every length is a fraction of the canvas (corner radii, borders and line widths of its short
side), so a preview at any width draws the same picture as the export. Documents are checked
like recipes: numbers are clamped into range, anything else wrong is refused with
``EditorError("template.invalid", {field, reason, …})``; see docs/templates.md.

Text and stickers are drawn by the recipe layer code (`editor.overlay.composite_layers`).
A slot without a photo (fewer photos than slots) is drawn as an empty placeholder in the slot's
``placeholder`` colour, so a half-filled collage still renders and shows where photos go.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import cv2
import numpy as np

import resources
from editor.brand import DEFAULT_BRAND, BrandStyle
from editor.checks import color, fraction_rect, known_keys, mapping, number
from editor.errors import EditorError
from editor.imageio import load_reduced
from editor.layers import MAX_LAYERS, Layer, StickerLayer, TextLayer, layer_to_dict
from editor.overlay import LayerCache, composite_layers
from editor.raster import hex_rgba, over, rounded_box, warp_over
from editor.raster import paint as _paint_tile
from editor.stickers import StickerResolver
from editor.stickers import load_builtin as builtin_stickers

__all__ = [
    "MAX_ELEMENTS",
    "TEMPLATE_VERSION",
    "Border",
    "Element",
    "PhotoSlot",
    "Shape",
    "Template",
    "TemplateSticker",
    "TemplateText",
    "builtin_template_names",
    "compose_template",
    "layer_slots",
    "load_template",
    "render_template",
    "split_template",
]

TEMPLATE_VERSION = 1
MAX_ELEMENTS = 60
MAX_PHOTO_SLOTS = 20
MAX_SIDE = 4096
MIN_SIDE = 64
MAX_TEMPLATE_BYTES = 256 * 1024
MAX_NAME_LENGTH = 80
MIN_RECT = 0.005

PhotoSource = Path | bytes | np.ndarray

_SLOT = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_BUILTIN = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")


def _invalid(field_name: str, reason: str, **params: Any) -> EditorError:
    return EditorError("template.invalid", {"field": field_name, "reason": reason, **params})


@contextmanager
def _as_template_error() -> Iterator[None]:
    """The shared checks raise ``recipe.invalid``; inside a template it is ``template.invalid``."""
    try:
        yield
    except EditorError as exc:
        if exc.code != "recipe.invalid":
            raise
        raise EditorError("template.invalid", exc.params) from None


def _name(value: Any, where: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_NAME_LENGTH:
        raise _invalid(where, "bad_name", max=MAX_NAME_LENGTH)
    if any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in value):
        raise _invalid(where, "control_character")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise _invalid(where, "lone_surrogate")  # cannot be stored or sent as UTF-8
    return value


@dataclass(frozen=True)
class Rect:
    """A rectangle in fractions of the canvas; kept inside it, at least 0.5 % on each side."""

    x: float = 0.0
    y: float = 0.0
    w: float = 1.0
    h: float = 1.0

    @classmethod
    def read(cls, data: Mapping[str, Any], where: str) -> Rect:
        return cls(*fraction_rect(data, where, MIN_RECT))

    def pixels(self, width: int, height: int) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) in whole pixels, at least one pixel wide and high."""
        left, top = round(self.x * width), round(self.y * height)
        right = max(left + 1, round((self.x + self.w) * width))
        bottom = max(top + 1, round((self.y + self.h) * height))
        return left, top, min(right, width), min(bottom, height)


@dataclass(frozen=True)
class Border:
    """A line along the inside of a photo slot; `width` in fractions of the canvas short side."""

    width: float = 0.006  # 0…0.1
    color: str = "#FFFFFF"

    @classmethod
    def from_dict(cls, data: Any, where: str) -> Border:
        data = mapping(data, where)
        known_keys(data, {"width", "color"}, where)
        return cls(
            width=number(data.get("width", cls.width), f"{where}.width", 0.0, 0.1),
            color=color(data.get("color", cls.color), f"{where}.color"),
        )


@dataclass(frozen=True)
class PhotoSlot:
    """Where a photo goes.

    Attributes:
        rect: The slot in fractions of the canvas.
        fit: ``fill`` covers the slot (cropping the photo about `focus`); ``fit`` shows the
            whole photo inside it, centred, over the `placeholder` colour.
        focus: The point of the photo (fractions of it) kept in view when cropping, 0…1.
        radius: Corner radius, a fraction of the canvas short side, 0…0.5 (limited to half the
            slot's shorter side, so a large one makes a circle or a pill).
        border: An optional line along the inside of the slot.
        placeholder: The slot's colour when no photo fills it (and behind a ``fit`` photo).
    """

    rect: Rect = Rect()
    fit: Literal["fill", "fit"] = "fill"
    focus: tuple[float, float] = (0.5, 0.5)
    radius: float = 0.0
    border: Border | None = None
    placeholder: str = "#E8E8E8"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> PhotoSlot:
        known_keys(data, {"type", "x", "y", "w", "h", "fit", "focus", "radius", "border",
                          "placeholder"}, where)  # fmt: skip
        fit = data.get("fit", "fill")
        if fit not in ("fill", "fit"):
            raise _invalid(f"{where}.fit", "unknown_value", allowed=["fill", "fit"])
        focus = mapping(data.get("focus", {}), f"{where}.focus")
        known_keys(focus, {"x", "y"}, f"{where}.focus")
        border = data.get("border")
        return cls(
            rect=Rect.read(data, where),
            fit=fit,
            focus=(
                number(focus.get("x", 0.5), f"{where}.focus.x", 0.0, 1.0),
                number(focus.get("y", 0.5), f"{where}.focus.y", 0.0, 1.0),
            ),
            radius=number(data.get("radius", 0.0), f"{where}.radius", 0.0, 0.5),
            border=None if border is None else Border.from_dict(border, f"{where}.border"),
            placeholder=color(data.get("placeholder", cls.placeholder), f"{where}.placeholder"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "photo", **_rect_dict(self.rect), "fit": self.fit}
        out["focus"] = {"x": self.focus[0], "y": self.focus[1]}
        out["radius"] = self.radius
        if self.border is not None:
            out["border"] = {"width": self.border.width, "color": self.border.color}
        out["placeholder"] = self.placeholder
        return out


@dataclass(frozen=True)
class Shape:
    """A filled ``rect`` (`rect`, rounded by `radius`) or a ``line`` from (x1, y1) to (x2, y2).

    `radius` and `width` (the line's thickness, with round ends) are fractions of the canvas
    short side; positions are fractions of the canvas.
    """

    kind: Literal["rect", "line"] = "rect"
    color: str = "#FFFFFF"
    rect: Rect = Rect()
    radius: float = 0.0  # 0…0.5
    points: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)
    width: float = 0.005  # 0.001…0.1

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> Shape:
        kind = data.get("shape", "rect")
        paint = color(data.get("color", cls.color), f"{where}.color")
        if kind == "rect":
            known_keys(data, {"type", "shape", "color", "x", "y", "w", "h", "radius"}, where)
            radius = number(data.get("radius", 0.0), f"{where}.radius", 0.0, 0.5)
            return cls("rect", paint, Rect.read(data, where), radius)
        if kind == "line":
            known_keys(data, {"type", "shape", "color", "x1", "y1", "x2", "y2", "width"}, where)
            points = tuple(
                number(data.get(k, 0.0), f"{where}.{k}", 0.0, 1.0) for k in ("x1", "y1", "x2", "y2")
            )
            width = number(data.get("width", cls.width), f"{where}.width", 0.001, 0.1)
            return cls("line", paint, points=points, width=width)  # type: ignore[arg-type]
        raise _invalid(f"{where}.shape", "unknown_value", allowed=["rect", "line"])

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "shape", "shape": self.kind, "color": self.color}
        if self.kind == "rect":
            out.update(_rect_dict(self.rect), radius=self.radius)
        else:
            out.update(zip(("x1", "y1", "x2", "y2"), self.points, strict=True), width=self.width)
        return out


@dataclass(frozen=True)
class TemplateText:
    """A text layer; with a `slot`, its text is the user's for that slot (`layer.text` is the
    default shown when they give none)."""

    layer: TextLayer
    slot: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> TemplateText:
        slot = data.get("slot")
        if slot is not None and (not isinstance(slot, str) or not _SLOT.match(slot)):
            raise _invalid(f"{where}.slot", "bad_slot_name")
        rest = {k: v for k, v in data.items() if k != "slot"}
        return cls(TextLayer.from_dict(rest, where), slot)

    def to_dict(self) -> dict[str, Any]:
        out = layer_to_dict(self.layer)
        if self.slot is not None:
            out["slot"] = self.slot
        return out


@dataclass(frozen=True)
class TemplateSticker:
    layer: StickerLayer

    def to_dict(self) -> dict[str, Any]:
        return layer_to_dict(self.layer)


Element = PhotoSlot | Shape | TemplateText | TemplateSticker


def _rect_dict(rect: Rect) -> dict[str, float]:
    return {"x": rect.x, "y": rect.y, "w": rect.w, "h": rect.h}


def _element(data: Any, where: str) -> Element:
    data = mapping(data, where)
    kind = data.get("type")
    if kind == "photo":
        return PhotoSlot.from_dict(data, where)
    if kind == "shape":
        return Shape.from_dict(data, where)
    if kind == "text":
        return TemplateText.from_dict(data, where)
    if kind == "sticker":
        return TemplateSticker(StickerLayer.from_dict(data, where))
    raise _invalid(f"{where}.type", "unknown_value", allowed=["photo", "text", "shape", "sticker"])


@dataclass(frozen=True)
class Template:
    """A checked template (see the module docstring and docs/templates.md)."""

    width: int = 1080
    height: int = 1440
    background: str = "#FFFFFF"
    elements: tuple[Element, ...] = ()
    name: str = ""
    category: str = ""

    @property
    def photo_slots(self) -> tuple[PhotoSlot, ...]:
        return tuple(e for e in self.elements if isinstance(e, PhotoSlot))

    @property
    def text_slots(self) -> dict[str, str]:
        """Each named text slot and its default text, in drawing order."""
        return {
            e.slot: e.layer.text
            for e in self.elements
            if isinstance(e, TemplateText) and e.slot is not None
        }

    @classmethod
    def from_dict(cls, data: Any) -> Template:
        """Check a template document.

        Raises:
            EditorError: ``template.invalid`` (``field``, ``reason``) or ``template.too_new``.
        """
        with _as_template_error():
            data = mapping(data, "template")
            known_keys(data, {"version", "name", "category", "width", "height", "background",
                              "elements"}, "")  # fmt: skip
            version = data.get("version", TEMPLATE_VERSION)
            if isinstance(version, bool) or not isinstance(version, int) or version < 1:
                raise _invalid("version", "bad_version")
            if version > TEMPLATE_VERSION:
                raise EditorError("template.too_new", {"version": version, "max": TEMPLATE_VERSION})
            width = round(number(data.get("width", 1080), "width", MIN_SIDE, MAX_SIDE))
            height = round(number(data.get("height", 1440), "height", MIN_SIDE, MAX_SIDE))
            raw = data.get("elements", [])
            if not isinstance(raw, list | tuple):
                raise _invalid("elements", "not_a_list")
            if len(raw) > MAX_ELEMENTS:
                raise _invalid("elements", "too_many", max=MAX_ELEMENTS)
            elements = tuple(_element(item, f"elements[{i}]") for i, item in enumerate(raw))
            if sum(isinstance(e, PhotoSlot) for e in elements) > MAX_PHOTO_SLOTS:
                raise _invalid("elements", "too_many_photos", max=MAX_PHOTO_SLOTS)
            slots = [e.slot for e in elements if isinstance(e, TemplateText) and e.slot]
            if len(slots) != len(set(slots)):
                raise _invalid("elements", "duplicate_slot")
            return cls(
                width=width,
                height=height,
                background=color(data.get("background", "#FFFFFF"), "background"),
                elements=elements,
                name=_name(data.get("name", ""), "name"),
                category=_name(data.get("category", ""), "category"),
            )

    def to_dict(self) -> dict[str, Any]:
        """The JSON document; `from_dict` of it gives an equal template."""
        return {
            "version": TEMPLATE_VERSION,
            "name": self.name,
            "category": self.category,
            "width": self.width,
            "height": self.height,
            "background": self.background,
            "elements": [e.to_dict() for e in self.elements],
        }


# ------------------------------------------------------------------------------ loading


def builtin_template_names() -> list[str]:
    """The names of the shipped templates (``resources/templates/<name>.json``), sorted."""
    folder = resources.path("templates")
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.json") if _BUILTIN.match(p.stem))


def load_template(source: str | Path) -> Template:
    """Read a template from a file, or a built-in one by name (``collage_4``).

    Raises:
        EditorError: ``template.unknown`` (no such file or built-in), ``template.unreadable``
            (``reason``), ``template.not_json`` (``line``, ``column``), ``template.invalid``,
            ``template.too_new``.
    """
    path = Path(source)
    if not path.exists() and isinstance(source, str) and _BUILTIN.match(source):
        path = resources.path("templates", f"{source}.json")
        if not path.is_file():
            raise EditorError("template.unknown", {"name": source})
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise EditorError("template.unreadable", {"reason": "not_a_file"})
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise EditorError("template.unreadable", {"reason": "too_large"})
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EditorError("template.unknown", {"name": str(source)}) from None
    except UnicodeDecodeError:
        raise EditorError("template.unreadable", {"reason": "not_utf8"}) from None
    except OSError as exc:
        raise EditorError("template.unreadable", {"reason": exc.strerror or "error"}) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EditorError("template.not_json", {"line": exc.lineno, "column": exc.colno}) from None
    except RecursionError:
        raise EditorError("template.not_json", {"line": "?", "column": "?"}) from None
    return Template.from_dict(document)


# ----------------------------------------------------------------------------- rendering


def render_template(
    template: Template,
    photos: Sequence[PhotoSource] = (),
    texts: Mapping[str, str] | None = None,
    *,
    width: int | None = None,
    stickers: StickerResolver = builtin_stickers,
    cache: LayerCache | None = None,
    brand: BrandStyle | None = None,
) -> np.ndarray:
    """Draw a template with the user's photos and texts.

    Args:
        template: The layout.
        photos: Fill the photo slots in order: paths or bytes (decoded through the gate, at the
            smallest size the slot needs) or already decoded H×W×3 uint8 RGB arrays. Slots
            beyond the photos show their placeholder; photos beyond the slots are not used.
        texts: Text for named slots; a slot not given shows its default text, and an empty or
            blank string hides that text box.
        width: The output width; None is the template's. The height keeps the template's
            aspect ratio, and every element scales with it, so a preview draws the export.
        stickers: Resolves sticker ids.
        cache: Rasterised text and stickers to reuse between renders (a preview's).
        brand: The style that colours and fonts named by role (``brand:primary``) take;
            None is the default style. Switching it restyles the template.

    Returns:
        An H×W×3 uint8 RGB array.

    Raises:
        EditorError: ``template.unknown_slot`` (``slot``) for text meant for a slot the template
            has not; ``template.invalid`` for a text that is not allowed (too long …); the
            gate's codes for a photo; the sticker codes.
    """
    texts = _checked_slots(template, texts)
    out_w = template.width if width is None else max(1, int(width))
    out_h = max(1, round(out_w * template.height / template.width))
    style = brand or DEFAULT_BRAND
    paint = style.resolve_color
    canvas = np.empty((out_h, out_w, 3), np.uint8)
    canvas[:] = np.round(hex_rgba(paint(template.background))[0] * 255)
    cache = cache if cache is not None else LayerCache()
    pending: list[TextLayer | StickerLayer] = []
    photo_index = 0

    def flush() -> None:
        nonlocal canvas
        if pending:
            canvas = composite_layers(canvas, pending, stickers=stickers, cache=cache)
            pending.clear()

    for element in template.elements:
        if isinstance(element, TemplateText):
            layer = _text_for(element, texts)
            if layer is not None:
                pending.append(style.resolve(layer))
        elif isinstance(element, TemplateSticker):
            pending.append(element.layer)
        else:
            flush()
            if isinstance(element, PhotoSlot):
                photo = photos[photo_index] if photo_index < len(photos) else None
                photo_index += 1
                _draw_photo(canvas, _painted_slot(element, paint), photo)
            else:
                _draw_shape(canvas, replace(element, color=paint(element.color)))
    flush()
    return canvas


def _checked_slots(template: Template, texts: Mapping[str, str] | None) -> dict[str, str]:
    known = template.text_slots
    for slot in texts or {}:
        if slot not in known:
            raise EditorError("template.unknown_slot", {"slot": slot, "known": sorted(known)})
    return dict(texts or {})


def _painted_slot(slot: PhotoSlot, paint: Callable[[str], str]) -> PhotoSlot:
    border = slot.border
    return replace(
        slot,
        placeholder=paint(slot.placeholder),
        border=None if border is None else replace(border, color=paint(border.color)),
    )


def split_template(
    template: Template, texts: Mapping[str, str] | None = None
) -> tuple[Template, tuple[Layer, ...]]:
    """Split a template into what is baked into a cover's picture and what stays editable.

    The base keeps the background, photo slots and shapes; the text boxes (with the user's
    `texts` for their slots) and stickers become recipe layers, which a template's fractions
    of the canvas already are: drawn over the base rendered at the template's proportions,
    they land where the template put them, and the creator can then move, restyle and
    rewrite them. Texts and stickers are drawn above every photo and shape this way, which is
    where every built-in template has them.

    Raises:
        EditorError: As `render_template` for an unknown slot or a refused text;
            ``template.invalid`` (reason ``too_many_layers``) when the template has more texts
            and stickers than a recipe holds (`editor.layers.MAX_LAYERS`).
    """
    base, parts = _split(template, texts)
    return base, tuple(layer for layer, _slot in parts)


def layer_slots(
    template: Template, texts: Mapping[str, str] | None = None
) -> tuple[str | None, ...]:
    """The slot of each layer `split_template` makes, in the same order (None for a sticker or
    a fixed text): what `compose_template` needs to ask for those texts again."""
    return tuple(slot for _layer, slot in _split(template, texts)[1])


def _split(
    template: Template, texts: Mapping[str, str] | None
) -> tuple[Template, list[tuple[Layer, str | None]]]:
    texts = _checked_slots(template, texts)
    base: list[Element] = []
    parts: list[tuple[Layer, str | None]] = []
    for element in template.elements:
        if isinstance(element, TemplateText):
            layer = _text_for(element, texts)
            if layer is not None:
                parts.append((layer, element.slot))
        elif isinstance(element, TemplateSticker):
            parts.append((element.layer, None))
        else:
            base.append(element)
    if len(parts) > MAX_LAYERS:
        raise _invalid("elements", "too_many_layers", max=MAX_LAYERS)
    return replace(template, elements=tuple(base)), parts


def compose_template(
    base: Template, layers: Sequence[Layer], slots: Sequence[str | None] = ()
) -> Template:
    """A template from a cover's base and its (edited) layers: the inverse of `split_template`.

    `slots` names the slot of each layer as `layer_slots` gave them when the cover was made;
    a text layer still at a slot's place gets that slot back (whatever it reads now), so the
    saved template asks for a title again. Layers the creator added, and texts that had no
    slot, are fixed. Layers beyond `MAX_ELEMENTS` are refused like any template.

    Raises:
        EditorError: ``template.invalid`` when the result breaks the format's limits.
    """
    elements: list[Element] = list(base.elements)
    taken: set[str] = set()
    for index, layer in enumerate(layers):
        if isinstance(layer, TextLayer):
            slot = slots[index] if index < len(slots) else None
            if slot in taken:
                slot = None
            if slot is not None:
                taken.add(slot)
            elements.append(TemplateText(layer, slot))
        else:
            elements.append(TemplateSticker(layer))
    return Template.from_dict(replace(base, elements=tuple(elements)).to_dict())


def _text_for(element: TemplateText, texts: Mapping[str, str]) -> TextLayer | None:
    if element.slot is None or element.slot not in texts:
        return element.layer
    text = texts[element.slot]
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        checked = TextLayer.from_dict({"text": text}, "text")
    except EditorError as exc:
        params = {**exc.params, "field": f"text.{element.slot}"}
        raise EditorError("template.invalid", params) from None
    return replace(element.layer, text=checked.text)


def _box(w: int, h: int, radius: float) -> np.ndarray:
    """Coverage of a w×h rectangle with rounded corners, over its own pixels."""
    return rounded_box((w, h), (-w / 2, -h / 2), (w / 2, h / 2), radius)


def _put(canvas: np.ndarray, tile: np.ndarray, left: int, top: int) -> None:
    """Composite a premultiplied tile at a whole-pixel position (no resampling)."""
    warp_over(canvas, tile, np.array([[1.0, 0.0, left], [0.0, 1.0, top]]))


def _draw_shape(canvas: np.ndarray, shape: Shape) -> None:
    height, width = canvas.shape[:2]
    short = min(width, height)
    if shape.kind == "rect":
        left, top, right, bottom = shape.rect.pixels(width, height)
        coverage = _box(right - left, bottom - top, shape.radius * short)
        _put(canvas, _paint_tile(coverage, shape.color), left, top)
        return
    x1, y1, x2, y2 = (p * s for p, s in zip(shape.points, (width, height) * 2, strict=True))
    half = max(0.5, shape.width * short / 2)
    left = max(0, math.floor(min(x1, x2) - half - 1))
    top = max(0, math.floor(min(y1, y2) - half - 1))
    right = min(width, math.ceil(max(x1, x2) + half + 1))
    bottom = min(height, math.ceil(max(y1, y2) + half + 1))
    if right <= left or bottom <= top:
        return
    px = np.arange(left, right, dtype=np.float32)[None, :] + 0.5
    py = np.arange(top, bottom, dtype=np.float32)[:, None] + 0.5
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    t = np.zeros_like(px * py) if length2 == 0 else ((px - x1) * dx + (py - y1) * dy) / length2
    t = np.clip(t, 0.0, 1.0)
    distance = np.hypot(px - (x1 + t * dx), py - (y1 + t * dy))
    coverage = np.clip(half + 0.5 - distance, 0.0, 1.0).astype(np.float32)
    _put(canvas, _paint_tile(coverage, shape.color), left, top)


def _draw_photo(canvas: np.ndarray, slot: PhotoSlot, photo: PhotoSource | None) -> None:
    height, width = canvas.shape[:2]
    short = min(width, height)
    left, top, right, bottom = slot.rect.pixels(width, height)
    w, h = right - left, bottom - top
    coverage = _box(w, h, slot.radius * short)
    tile = _paint_tile(coverage, slot.placeholder)
    if photo is not None:
        pixels = _decode(photo, slot, w, h)
        placed, mask = _place(pixels, slot, w, h)
        alpha = (coverage * mask)[..., None]
        tile = tile * (1.0 - alpha) + np.concatenate(
            [placed.astype(np.float32) / 255.0 * alpha, alpha], axis=2
        )
    if slot.border is not None and slot.border.width > 0:
        inset = slot.border.width * short
        inner = np.zeros_like(coverage)
        iw, ih = round(w - 2 * inset), round(h - 2 * inset)
        if iw > 0 and ih > 0:
            i0 = round(inset)
            inner_radius = max(0.0, slot.radius * short - inset)
            inner[i0 : i0 + ih, i0 : i0 + iw] = _box(iw, ih, inner_radius)[: h - i0, : w - i0]
        ring = np.clip(coverage - inner, 0.0, 1.0)
        border = _paint_tile(ring, slot.border.color)
        tile = over(tile, border)
    _put(canvas, np.ascontiguousarray(tile, np.float32), left, top)


def _decode(photo: PhotoSource, slot: PhotoSlot, w: int, h: int) -> np.ndarray:
    if isinstance(photo, np.ndarray):
        if photo.ndim != 3 or photo.shape[2] != 3 or photo.dtype != np.uint8:
            raise ValueError("a decoded photo must be H×W×3 uint8 RGB")
        return photo

    def scale_for(pw: int, ph: int) -> float:
        if slot.fit == "fill":
            return max(w / pw, h / ph)
        return min(w / pw, h / ph)

    return load_reduced(photo, scale_for)


def _place(pixels: np.ndarray, slot: PhotoSlot, w: int, h: int) -> tuple[np.ndarray, np.ndarray]:
    """The photo resampled for a w×h slot, and its coverage (1 where the photo is)."""
    ph, pw = pixels.shape[:2]
    resample: Callable[[float], int] = lambda s: cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR  # noqa: E731
    if slot.fit == "fill":
        scale = max(w / pw, h / ph)
        # The visible window in photo pixels, centred on the focus as far as the photo allows.
        vw, vh = w / scale, h / scale
        # Clamped at zero last: when a side binds, pw - vw is a rounding error below zero.
        x0 = max(0.0, min(slot.focus[0] * pw - vw / 2, pw - vw))
        y0 = max(0.0, min(slot.focus[1] * ph - vh / 2, ph - vh))
        if scale < 1:
            # Area-average the crop: a whole-pixel crop then an exact resize (no aliasing).
            cx0, cy0 = math.floor(x0), math.floor(y0)
            cx1, cy1 = min(pw, math.ceil(x0 + vw)), min(ph, math.ceil(y0 + vh))
            crop = pixels[cy0:cy1, cx0:cx1]
            big = cv2.resize(
                crop,
                (max(1, round((cx1 - cx0) * scale)), max(1, round((cy1 - cy0) * scale))),
                interpolation=cv2.INTER_AREA,
            )
            ox, oy = round((x0 - cx0) * scale), round((y0 - cy0) * scale)
            placed = big[oy : oy + h, ox : ox + w]
            if placed.shape[:2] != (h, w):
                placed = cv2.resize(placed, (w, h), interpolation=cv2.INTER_LINEAR)
        else:
            matrix = np.array([[scale, 0.0, -x0 * scale], [0.0, scale, -y0 * scale]])
            matrix[:, 2] += 0.5 * scale - 0.5
            placed = cv2.warpAffine(
                np.ascontiguousarray(pixels), matrix, (w, h),
                flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE,
            )  # fmt: skip
        return placed, np.ones((h, w), np.float32)
    scale = min(w / pw, h / ph)
    size = (max(1, min(w, round(pw * scale))), max(1, min(h, round(ph * scale))))
    small = cv2.resize(np.ascontiguousarray(pixels), size, interpolation=resample(scale))
    placed = np.zeros((h, w, 3), np.uint8)
    mask = np.zeros((h, w), np.float32)
    ox, oy = (w - size[0]) // 2, (h - size[1]) // 2
    placed[oy : oy + size[1], ox : ox + size[0]] = small
    mask[oy : oy + size[1], ox : ox + size[0]] = 1.0
    return placed, mask
