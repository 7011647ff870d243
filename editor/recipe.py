"""A photo edit as data: the recipe applied to an immutable original.

A recipe is a versioned JSON document. Its sections are rendered in one fixed order so that a
recipe means the same thing in the live preview, the export, the command line and on another
machine: geometry (quarter turns, flips, straighten with its automatic crop, then the crop),
then colour (the filter look first, like a camera profile, so the sliders behave the same under
every look; then adjust and curves — all fused into one colour lookup), then detail (sharpness,
clarity) and effects (vignette, grain), and last the text and sticker layers (`editor.layers`),
drawn in the cropped frame's coordinates. Every value is checked and clamped to its
documented range on the way in, so a hand-edited or hostile recipe cannot make the renderer
misbehave; `docs/recipes.md` documents the format with examples.

Recipes are immutable values: an edit produces a new recipe (`dataclasses.replace`), which is
what makes undo/redo a plain stack of recipes and lets renders run on another thread.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal, get_args

from editor.brand import BrandStyle, Watermark
from editor.checks import flag as _flag
from editor.checks import fraction_rect
from editor.checks import invalid as _invalid
from editor.checks import known_keys as _known_keys
from editor.checks import mapping as _mapping
from editor.checks import number as _number
from editor.errors import EditorError
from editor.layers import Layer, layer_to_dict, layers_from_list

__all__ = [
    "ADJUST_RANGES",
    "ASPECTS",
    "CURVE_CHANNELS",
    "RECIPE_VERSION",
    "Adjust",
    "Crop",
    "Curves",
    "FilterLook",
    "Geometry",
    "Recipe",
]

RECIPE_VERSION = 3
"""Version 2 added `layers`, version 3 `brand` and `watermark`. A recipe is written with the
lowest version that holds it, so a recipe without them is still a document older programs
read."""
LAYERS_VERSION = 2
BRAND_VERSION = 3

# Crop ratios the platform shows well; "free" keeps whatever the creator drags.
ASPECTS: dict[str, tuple[int, int] | None] = {
    "free": None,
    "3:4": (3, 4),
    "1:1": (1, 1),
    "4:3": (4, 3),
    "9:16": (9, 16),
    "16:9": (16, 9),
}

# (minimum, maximum) of every adjustment; 0 is "no change" for each of them.
ADJUST_RANGES: dict[str, tuple[float, float]] = {
    "exposure": (-4.0, 4.0),  # EV stops
    "brightness": (-100.0, 100.0),
    "contrast": (-100.0, 100.0),
    "highlights": (-100.0, 100.0),
    "shadows": (-100.0, 100.0),
    "saturation": (-100.0, 100.0),
    "vibrance": (-100.0, 100.0),
    "temperature": (-100.0, 100.0),  # negative is cooler (bluer), positive warmer
    "tint": (-100.0, 100.0),  # negative is greener, positive more magenta
    "sharpness": (0.0, 100.0),
    "clarity": (-100.0, 100.0),
    "vignette": (-100.0, 100.0),  # negative darkens the corners, positive lightens them
    "grain": (0.0, 100.0),
    "fade": (0.0, 100.0),
}

CURVE_CHANNELS = ("rgb", "r", "g", "b")
MAX_CURVE_POINTS = 16
MAX_STRAIGHTEN_DEGREES = 45.0
# A crop narrower than this (as a fraction of the side) is a slip of the mouse, not an intent.
MIN_CROP_FRACTION = 0.01
MAX_FILTER_ID_LENGTH = 200

# How a filter look's 3D table is interpolated; the one list the recipe, color and lut share.
Interpolation = Literal["trilinear", "tetrahedral"]
CurvePoints = tuple[tuple[float, float], ...]
IDENTITY_CURVE: CurvePoints = ((0.0, 0.0), (1.0, 1.0))


@dataclass(frozen=True)
class Crop:
    """A rectangle in fractions of the straightened image (0..1 on both axes)."""

    x: float = 0.0
    y: float = 0.0
    w: float = 1.0
    h: float = 1.0

    @property
    def is_full(self) -> bool:
        return (self.x, self.y, self.w, self.h) == (0.0, 0.0, 1.0, 1.0)

    @classmethod
    def from_dict(cls, data: Any, where: str = "geometry.crop") -> Crop:
        data = _mapping(data, where)
        _known_keys(data, {"x", "y", "w", "h"}, where)
        return cls(*fraction_rect(data, where, MIN_CROP_FRACTION))


@dataclass(frozen=True)
class Geometry:
    """Applied in this order: quarter turns clockwise, flips, straighten (with the largest
    upright crop that leaves no empty corners), then `crop`. `aspect` is the ratio the crop
    was drawn with; the renderer trusts `crop` alone, the editor uses `aspect` to keep it."""

    quarter_turns: int = 0
    flip_h: bool = False
    flip_v: bool = False
    straighten: float = 0.0  # degrees, positive turns the picture clockwise
    crop: Crop = field(default_factory=Crop)
    aspect: str = "free"

    @property
    def is_identity(self) -> bool:
        return self == Geometry(aspect=self.aspect)

    @classmethod
    def from_dict(cls, data: Any) -> Geometry:
        data = _mapping(data, "geometry")
        _known_keys(
            data,
            {"quarter_turns", "flip_h", "flip_v", "straighten", "crop", "aspect"},
            "geometry",
        )
        turns = data.get("quarter_turns", 0)
        if isinstance(turns, bool) or not isinstance(turns, int):
            raise _invalid("geometry.quarter_turns", "not_an_integer")
        aspect = data.get("aspect", "free")
        if aspect not in ASPECTS:
            raise _invalid("geometry.aspect", "unknown_aspect", allowed=list(ASPECTS))
        return cls(
            quarter_turns=turns % 4,
            flip_h=_flag(data.get("flip_h", False), "geometry.flip_h"),
            flip_v=_flag(data.get("flip_v", False), "geometry.flip_v"),
            straighten=_number(
                data.get("straighten", 0.0),
                "geometry.straighten",
                -MAX_STRAIGHTEN_DEGREES,
                MAX_STRAIGHTEN_DEGREES,
            ),
            crop=Crop.from_dict(data["crop"]) if "crop" in data else Crop(),
            aspect=aspect,
        )


@dataclass(frozen=True)
class Adjust:
    """Sliders; every one is 0 when untouched. Ranges are in `ADJUST_RANGES`."""

    exposure: float = 0.0
    brightness: float = 0.0
    contrast: float = 0.0
    highlights: float = 0.0
    shadows: float = 0.0
    saturation: float = 0.0
    vibrance: float = 0.0
    temperature: float = 0.0
    tint: float = 0.0
    sharpness: float = 0.0
    clarity: float = 0.0
    vignette: float = 0.0
    grain: float = 0.0
    fade: float = 0.0

    @classmethod
    def from_dict(cls, data: Any) -> Adjust:
        data = _mapping(data, "adjust")
        _known_keys(data, set(ADJUST_RANGES), "adjust")
        return cls(
            **{
                name: _number(value, f"adjust.{name}", *ADJUST_RANGES[name])
                for name, value in data.items()
            }
        )


@dataclass(frozen=True)
class Curves:
    """Tone curves as control points (x, y) in 0..1, x strictly increasing, drawn through
    with a monotone cubic. `rgb` applies to all channels first, then `r`, `g`, `b`."""

    rgb: CurvePoints = IDENTITY_CURVE
    r: CurvePoints = IDENTITY_CURVE
    g: CurvePoints = IDENTITY_CURVE
    b: CurvePoints = IDENTITY_CURVE

    @property
    def is_identity(self) -> bool:
        return all(getattr(self, name) == IDENTITY_CURVE for name in CURVE_CHANNELS)

    @classmethod
    def from_dict(cls, data: Any) -> Curves:
        data = _mapping(data, "curves")
        _known_keys(data, set(CURVE_CHANNELS), "curves")
        return cls(**{name: _points(data[name], f"curves.{name}") for name in data})


def _points(value: Any, where: str) -> CurvePoints:
    if not isinstance(value, list | tuple) or not 2 <= len(value) <= MAX_CURVE_POINTS:
        raise _invalid(where, "bad_point_count", min=2, max=MAX_CURVE_POINTS)
    points: list[tuple[float, float]] = []
    for index, point in enumerate(value):
        if not isinstance(point, list | tuple) or len(point) != 2:
            raise _invalid(f"{where}[{index}]", "not_a_point")
        x = _number(point[0], f"{where}[{index}]", 0.0, 1.0)
        y = _number(point[1], f"{where}[{index}]", 0.0, 1.0)
        if points and x <= points[-1][0]:
            raise _invalid(f"{where}[{index}]", "x_not_increasing")
        points.append((x, y))
    return tuple(points)


@dataclass(frozen=True)
class FilterLook:
    """A colour look from a 3D LUT.

    `id` is ``builtin:<name>`` for the looks shipped in `resources/luts`, ``user:<sha256>``
    for a .cube file the user imported (kept by the backend), or ``file:<path>`` (command line
    only, relative to the recipe file). `strength` 0..100 blends from the unfiltered colour.
    """

    id: str
    strength: float = 100.0
    interpolation: Interpolation = "tetrahedral"

    @classmethod
    def from_dict(cls, data: Any) -> FilterLook:
        data = _mapping(data, "filter")
        _known_keys(data, {"id", "strength", "interpolation"}, "filter")
        look_id = data.get("id")
        if (
            not isinstance(look_id, str)
            or not 0 < len(look_id) <= MAX_FILTER_ID_LENGTH
            or look_id.split(":", 1)[0] not in {"builtin", "user", "file"}
            or ":" not in look_id
            or "\x00" in look_id
        ):
            raise _invalid("filter.id", "bad_look_id")
        interpolation = data.get("interpolation", "tetrahedral")
        if interpolation not in get_args(Interpolation):
            raise _invalid("filter.interpolation", "unknown_interpolation")
        return cls(
            id=look_id,
            strength=_number(data.get("strength", 100.0), "filter.strength", 0.0, 100.0),
            interpolation=interpolation,
        )


@dataclass(frozen=True)
class Recipe:
    geometry: Geometry = field(default_factory=Geometry)
    adjust: Adjust = field(default_factory=Adjust)
    curves: Curves = field(default_factory=Curves)
    filter: FilterLook | None = None
    layers: tuple[Layer, ...] = ()
    brand: BrandStyle | None = None
    """The brand style the layers' colour roles resolve to; None is `editor.brand`'s default."""
    watermark: Watermark | None = None

    @property
    def is_identity(self) -> bool:
        """True when rendering changes nothing but the size."""
        return (
            self.geometry.is_identity
            and self.adjust == Adjust()
            and self.curves.is_identity
            and (self.filter is None or self.filter.strength == 0.0)
            and not self.layers
            and self.watermark is None
        )

    @classmethod
    def from_dict(cls, data: Any) -> Recipe:
        """Check and normalise a recipe document; raises EditorError("recipe.invalid")."""
        data = _mapping(data, "")
        _known_keys(
            data,
            {"version", "geometry", "adjust", "curves", "filter", "layers", "brand", "watermark"},
            "",
        )
        version = data.get("version", RECIPE_VERSION)
        if isinstance(version, bool) or not isinstance(version, int):
            raise _invalid("version", "not_an_integer")
        if version > RECIPE_VERSION:
            raise EditorError("recipe.too_new", {"version": version, "max": RECIPE_VERSION})
        if version < 1:
            raise _invalid("version", "out_of_range")
        for section, needs in (
            ("layers", LAYERS_VERSION),
            ("brand", BRAND_VERSION),
            ("watermark", BRAND_VERSION),
        ):
            if section in data and version < needs:
                raise _invalid(section, "needs_version", min=needs)
        look = data.get("filter")
        return cls(
            geometry=Geometry.from_dict(data["geometry"]) if "geometry" in data else Geometry(),
            adjust=Adjust.from_dict(data["adjust"]) if "adjust" in data else Adjust(),
            curves=Curves.from_dict(data["curves"]) if "curves" in data else Curves(),
            filter=None if look is None else FilterLook.from_dict(look),
            layers=layers_from_list(data["layers"]) if "layers" in data else (),
            brand=BrandStyle.from_dict(data["brand"]) if data.get("brand") is not None else None,
            watermark=(
                Watermark.from_dict(data["watermark"])
                if data.get("watermark") is not None
                else None
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON document, leaving out whatever is at its default so recipes stay short."""
        if self.brand is not None or self.watermark is not None:
            version = BRAND_VERSION
        else:
            version = LAYERS_VERSION if self.layers else 1
        document: dict[str, Any] = {"version": version}
        geometry = _changed(self.geometry, Geometry())
        if "crop" in geometry:
            geometry["crop"] = asdict(self.geometry.crop)
        if geometry:
            document["geometry"] = geometry
        adjust = _changed(self.adjust, Adjust())
        if adjust:
            document["adjust"] = adjust
        curves = {
            name: [list(point) for point in getattr(self.curves, name)]
            for name in CURVE_CHANNELS
            if getattr(self.curves, name) != IDENTITY_CURVE
        }
        if curves:
            document["curves"] = curves
        if self.filter is not None:
            document["filter"] = asdict(self.filter)
        if self.layers:
            document["layers"] = [layer_to_dict(layer) for layer in self.layers]
        if self.brand is not None:
            document["brand"] = self.brand.to_dict()
        if self.watermark is not None:
            document["watermark"] = self.watermark.to_dict()
        return document

    def look(self) -> Recipe:
        """Only the look — adjust, curves and filter — as a preset stores it."""
        return Recipe(adjust=self.adjust, curves=self.curves, filter=self.filter)

    def with_look(self, source: Recipe) -> Recipe:
        """This photo with `source`'s look; its geometry, text and sticker layers, brand style
        and watermark stay, since they belong to this photo's picture."""
        return replace(self, adjust=source.adjust, curves=source.curves, filter=source.filter)

    def with_adjust(self, **values: float) -> Recipe:
        """A copy with some sliders changed (clamped like any recipe input)."""
        checked = Adjust.from_dict({**asdict(self.adjust), **values})
        return replace(self, adjust=checked)


def _changed(value: Any, default: Any) -> dict[str, Any]:
    return {
        f.name: getattr(value, f.name)
        for f in fields(value)
        if getattr(value, f.name) != getattr(default, f.name)
    }
