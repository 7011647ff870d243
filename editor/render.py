"""Rendering a recipe: the pure render, the live preview, the export.

One recipe, two pipes, the same picture:

- `render` (the export pipe) resamples first — quarter turns, flips, straighten, crop and the
  scale to the output size in one warp, so only the pixels that are published are worked on —
  then applies the fused colour lookup, then detail (sharpness, clarity) and effects (vignette,
  grain) at the output size, and last draws the text and sticker layers over the cropped
  picture at the output's scale.
- `Preview` (the live pipe) runs the same stages on the screen-size proxy and caches each by the
  recipe parts it reads: the colour lookup's per-pixel maps depend only on the warped proxy's
  pixels, so they are computed once per geometry, and moving the vignette slider neither
  re-bakes the colour lattice nor re-warps. Its layers are rasterised once per layer and size
  (`editor.overlay.LayerCache`), so a slider tick re-draws them without re-rasterising text.

Detail and effects are defined relative to the output's short side, so both pipes agree.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from editor.brand import drawn_layers
from editor.color import ColorMaps, ColorRecipe, apply_color, bake, point_sliders
from editor.detail import apply_detail, apply_effects
from editor.errors import EditorError
from editor.export import encode_jpeg
from editor.geometry import cropped_size, frame_of, warp
from editor.geometry import geometry_size as _frame_size
from editor.imageio import load_reduced
from editor.layers import Layer
from editor.lut import CubeLut
from editor.overlay import LayerCache, composite_layers
from editor.recipe import Adjust, Crop, Recipe
from editor.stickers import StickerResolver
from editor.stickers import load_builtin as builtin_stickers

__all__ = [
    "PLATFORM_SIZES",
    "LookResolver",
    "Preview",
    "builtin_resolver",
    "export_jpeg",
    "geometry_size",
    "load_proxy",
    "output_size",
    "render",
]

LookResolver = Callable[[str], CubeLut]

# The platform's export sizes by aspect ratio (width, height).
PLATFORM_SIZES: tuple[tuple[int, int], ...] = (
    (1080, 1440),
    (1080, 1080),
    (1440, 1080),
    (1080, 1920),
    (1920, 1080),
)
# A crop within 1 % of a platform ratio is that ratio (a dragged crop is never exact).
_RATIO_TOLERANCE = 0.01
_SHORT_SIDE = 1080


def builtin_resolver(look_id: str) -> CubeLut:
    """Resolve ``builtin:<name>`` looks from the shipped LUTs.

    Raises:
        EditorError: ``look.unknown`` for any other id, or an unknown built-in name.
    """
    if not look_id.startswith("builtin:"):
        raise EditorError("look.unknown", {"id": look_id})
    from editor.looks import load_builtin

    return load_builtin(look_id)


def geometry_size(recipe: Recipe, width: int, height: int) -> tuple[int, int]:
    """Size after quarter turns, flips and straighten (before the crop) of a `width`×`height`
    original: the frame the crop rectangle is a fraction of."""
    return _frame_size(recipe.geometry, width, height)


def _cropped(recipe: Recipe, width: int, height: int) -> tuple[float, float]:
    _, _, w, h = frame_of(recipe.geometry, width, height).crop
    return w, h


def output_size(recipe: Recipe, width: int, height: int) -> tuple[int, int]:
    """The platform's export size for the recipe's cropped aspect of a `width`×`height` original.

    3:4 → 1080×1440, 1:1 → 1080×1080, 4:3 → 1440×1080, 9:16 → 1080×1920, 16:9 → 1920×1080;
    any other ratio gets a short side of 1080, or keeps the cropped pixels if they are fewer
    (an odd ratio is not the platform's format, so nothing is gained by enlarging it).
    """
    w, h = _cropped(recipe, width, height)
    ratio = w / h
    for size in PLATFORM_SIZES:
        if abs(ratio / (size[0] / size[1]) - 1) <= _RATIO_TOLERANCE:
            return size
    scale = min(1.0, _SHORT_SIDE / min(w, h))
    return max(1, round(w * scale)), max(1, round(h * scale))


def _fit_inside(box: tuple[int, int], crop_w: int, crop_h: int) -> tuple[int, int]:
    """`box`, or — when the crop has another shape — the largest size of the crop's shape
    inside it, so that nothing is stretched."""
    width, height = box
    if abs((crop_w / crop_h) / (width / height) - 1) <= _RATIO_TOLERANCE:
        return box
    scale = min(width / crop_w, height / crop_h)
    return max(1, round(crop_w * scale)), max(1, round(crop_h * scale))


def _point_key(recipe: Recipe) -> Hashable:
    """Everything the colour lattice depends on."""
    return (point_sliders(recipe.adjust), recipe.curves, recipe.filter)


def color_recipe(recipe: Recipe, looks: LookResolver) -> ColorRecipe:
    look = recipe.filter
    if look is None or look.strength == 0.0:
        return ColorRecipe(recipe.adjust, recipe.curves)
    return ColorRecipe(
        recipe.adjust, recipe.curves, looks(look.id), look.strength, look.interpolation
    )


def _finish(image: np.ndarray, adjust: Adjust) -> np.ndarray:
    return apply_effects(apply_detail(image, adjust), adjust)


def render(
    image: np.ndarray,
    recipe: Recipe,
    *,
    size: tuple[int, int] | None = None,
    looks: LookResolver = builtin_resolver,
    stickers: StickerResolver = builtin_stickers,
) -> np.ndarray:
    """Render a recipe on an image: the pure function behind every export.

    Args:
        image: H×W×3 uint8 RGB, a decoded and normalised original or a reduced copy of it
            (the recipe is in fractions, so any scale of the same picture renders alike).
        recipe: The edit.
        size: Output (width, height); None is the cropped size at the input's scale.
        looks: Resolves the recipe's filter id to a look.
        stickers: Resolves the sticker layers' ids to RGBA pixels.

    Returns:
        H'×W'×3 uint8 RGB.

    Raises:
        EditorError: ``look.unknown`` (or the resolver's own codes) for the filter;
            ``sticker.unknown`` / ``sticker.invalid`` for a sticker layer.
    """
    color = color_recipe(recipe, looks)
    return _render_resolved(image, recipe, color, size, stickers)


def _render_resolved(
    image: np.ndarray,
    recipe: Recipe,
    color: ColorRecipe,
    size: tuple[int, int] | None,
    stickers: StickerResolver,
) -> np.ndarray:
    warped = warp(image, recipe.geometry, size)
    finished = _finish(apply_color(warped, color), recipe.adjust)
    return composite_layers(finished, _drawn(recipe, finished, stickers), stickers=stickers)


def _drawn(recipe: Recipe, finished: np.ndarray, stickers: StickerResolver) -> list[Layer]:
    """The recipe's layers as drawn on `finished`: brand roles resolved, the watermark added."""
    height, width = finished.shape[:2]
    return drawn_layers(recipe.layers, recipe.brand, recipe.watermark, (width, height), stickers)


@dataclass
class _Stage:
    key: Hashable = None
    value: Any = None

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value if it was made for `key`, else a freshly computed one."""
        if self.value is None or self.key != key:
            self.value = compute()
            self.key = key
        return self.value


class Preview:
    """The live preview of one opened photo, re-rendered on every slider tick.

    Built from the photo's screen-size proxy. Renders in the export's order — geometry, colour,
    detail, effects — and keeps each stage's last result keyed by the recipe parts it reads:
    the warped proxy and its colour-lookup maps by the geometry, the coloured picture by the
    colour sliders, curves and filter, the detailed one by sharpness and clarity. So a colour
    slider tick costs one lattice bake and one remap at preview size, and a vignette tick only
    the vignette. Use it from one thread at a time; it is cheap to create.
    """

    def __init__(
        self,
        proxy: np.ndarray,
        looks: LookResolver = builtin_resolver,
        stickers: StickerResolver = builtin_stickers,
    ) -> None:
        """Args:
        proxy: H×W×3 uint8 RGB, e.g. from `load_proxy`.
        looks: Resolves filter ids; each id is resolved once per preview.
        stickers: Resolves sticker ids; each sticker is resolved once per preview.
        """
        self._proxy = proxy
        self._looks = looks
        self._stickers = stickers
        self._layers = LayerCache()
        self._resolved: dict[str, CubeLut] = {}
        self._warped = _Stage()
        self._maps = _Stage()
        self._colored = _Stage()
        self._detailed = _Stage()

    @property
    def proxy(self) -> np.ndarray:
        return self._proxy

    def render(self, recipe: Recipe, *, crop: bool = True) -> np.ndarray:
        """Render the recipe at the proxy's scale.

        Args:
            recipe: The edit.
            crop: False renders the whole straightened frame, for the crop tool to draw its
                rectangle over; the layers, which live in the cropped frame, are left out.

        Returns:
            H'×W'×3 uint8 RGB.

        Raises:
            EditorError: The resolvers' codes for the filter (``look.unknown``) and the
                stickers (``sticker.unknown``, ``sticker.invalid``).
        """
        # Without the crop only turns, flips and straighten matter: dragging the crop
        # rectangle over the whole frame re-renders nothing.
        geometry = recipe.geometry if crop else replace(recipe.geometry, crop=Crop(), aspect="free")
        geometry_key = (geometry, crop)
        warped = self._warped.get(
            geometry_key, lambda: warp(self._proxy, geometry, None, crop=crop)
        )
        color_key = (geometry_key, _point_key(recipe))
        colored = self._colored.get(color_key, lambda: self._color(warped, recipe, geometry_key))
        a = recipe.adjust
        detailed = self._detailed.get(
            (color_key, a.sharpness, a.clarity), lambda: apply_detail(colored, a)
        )
        finished = apply_effects(detailed, a)
        if not crop:
            return finished
        return composite_layers(
            finished,
            _drawn(recipe, finished, self._stickers),
            stickers=self._stickers,
            cache=self._layers,
        )

    def _color(self, warped: np.ndarray, recipe: Recipe, geometry_key: Hashable) -> np.ndarray:
        color = color_recipe(recipe, self._look)
        if color.is_identity:
            return warped
        maps: ColorMaps = self._maps.get(geometry_key, lambda: ColorMaps.of(warped))
        return maps.apply(bake(color))

    def _look(self, look_id: str) -> CubeLut:
        if look_id not in self._resolved:
            self._resolved[look_id] = self._looks(look_id)
        return self._resolved[look_id]


def load_proxy(source: Path | bytes, max_side: int = 1440) -> np.ndarray:
    """Decode the screen-size proxy of a photo through the gate.

    JPEGs are decoded at reduced size in the DCT (1/2, 1/4, 1/8, never below `max_side`), so
    at most a factor below 2 is left to shrink: bilinear does that as well as area averaging on
    photos (47 dB apart on the 12 MP benchmark photo) at a seventh of the cost. Larger factors
    (PNG, WebP and HEIC have no reduced decode) are area-averaged. EXIF orientation applied.

    Raises:
        EditorError: Any code of `editor.imageio.load_image`.
        ValueError: If `max_side` is less than 1.
    """
    if max_side < 1:
        raise ValueError("max_side must be at least 1")
    pixels = load_reduced(source, lambda w, h: max_side / max(w, h))
    height, width = pixels.shape[:2]
    scale = max_side / max(width, height)
    if scale >= 1:
        return pixels
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    method = cv2.INTER_LINEAR if scale > 0.5 else cv2.INTER_AREA
    return cv2.resize(pixels, size, interpolation=method)


def export_jpeg(
    source: Path | bytes,
    recipe: Recipe,
    *,
    size: tuple[int, int] | None = None,
    fit: bool = False,
    quality: int = 90,
    looks: LookResolver = builtin_resolver,
    stickers: StickerResolver = builtin_stickers,
) -> bytes:
    """Render a photo with its recipe into the JPEG that gets published.

    The original passes the gate and is decoded at the smallest JPEG DCT scale that still holds
    at least the output's pixels in the cropped area, so a 12 MP photo exported at 1080×1440 is
    decoded at half size; everything after that happens at output size (see `render`).

    Args:
        source: The original, a path or its bytes.
        recipe: The edit.
        size: Output (width, height); None is `output_size` for the original's size.
        fit: Treat `size` as a box: a crop of another shape (more than 1 % off) is exported
            at the largest size of its own shape inside it instead of being stretched.
        quality: JPEG quality, 1–100.
        looks: Resolves the recipe's filter id.
        stickers: Resolves the sticker layers' ids.

    Returns:
        A baseline sRGB JPEG without EXIF, GPS, XMP, ICC profile or comment.

    Raises:
        EditorError: The gate's codes for a bad file; ``look.unknown`` for the filter;
            ``sticker.unknown`` / ``sticker.invalid`` for a sticker layer.
        ValueError: If `quality` or `size` is out of range.
    """
    if size is not None and min(size) < 1:
        raise ValueError("size must be at least 1×1")
    color = color_recipe(recipe, looks)
    plan: dict[str, Any] = {}

    def scale_for(width: int, height: int) -> float:
        if size is None:
            out = output_size(recipe, width, height)
        elif fit:
            out = _fit_inside(size, *cropped_size(recipe.geometry, width, height))
        else:
            out = size
        plan["size"] = out
        crop_w, crop_h = _cropped(recipe, width, height)
        return max(out[0] / crop_w, out[1] / crop_h)

    pixels = load_reduced(source, scale_for)
    return encode_jpeg(_render_resolved(pixels, recipe, color, plan["size"], stickers), quality)
