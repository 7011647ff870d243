"""Drawing a recipe's layers over the rendered photo, the same way at every scale.

Each layer is rasterised into a premultiplied RGBA tile at the output's scale — the text block
with its label box, stroke and shadow; a sticker resized from its picture — and then drawn
through one affine map (rotation about its centre and the move to its place in the cropped
frame), resampling only the region it covers. Tiles are kept in a `LayerCache` by what they
depend on (the layer without its position and rotation, and the output size), so moving a
slider, dragging a layer or turning it re-draws the tile without re-rasterising the text.

A tile only ever covers what can be seen: a text block far larger than the picture is drawn
only where the output can show it, so no recipe can make a tile larger than about twice the
output.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import cv2
import numpy as np

from editor.errors import EditorError
from editor.layers import Layer, StickerLayer, TextLayer
from editor.raster import over, paint, rounded_box, warp_over
from editor.stickers import StickerResolver
from editor.text import TextBlock, draw_units, layout

__all__ = ["LayerBounds", "LayerCache", "composite_layers", "layer_bounds"]

# Glyphs overhang their em boxes (Latin descenders, accents, wide emoji bitmaps): drawn room.
_INK_OVERHANG_EM = 0.4
_MAX_CACHE_BYTES = 192 * 1024 * 1024


@dataclass(frozen=True)
class _Tile:
    pixels: np.ndarray  # h×w×4 float32 premultiplied
    origin: tuple[int, int]  # tile coordinates (centre of the layer = 0, 0) of pixel (0, 0)


class LayerCache:
    """A small LRU of rasterised layers, keyed by what the pixels depend on.

    Not thread-safe: give each preview its own (the export makes a fresh one per render).
    """

    def __init__(self, max_bytes: int = _MAX_CACHE_BYTES) -> None:
        self._tiles: OrderedDict[Hashable, Any] = OrderedDict()
        self._bytes = 0
        self._max_bytes = max_bytes
        self.rasterised = 0  # how many tiles were made, for tests and benchmarks

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value kept for `key`, else `make()`'s, kept (dropping the oldest over budget)."""
        if key in self._tiles:
            self._tiles.move_to_end(key)
            return self._tiles[key]
        value = make()
        self.rasterised += 1
        self._tiles[key] = value
        self._bytes += _size_of(value)
        while self._bytes > self._max_bytes and len(self._tiles) > 1:
            _, dropped = self._tiles.popitem(last=False)
            self._bytes -= _size_of(dropped)
        return value


def _size_of(value: object) -> int:
    if isinstance(value, _Tile):
        return int(value.pixels.nbytes)
    if isinstance(value, np.ndarray):
        return int(value.nbytes)
    return 0


def composite_layers(
    image: np.ndarray,
    layers: Sequence[Layer],
    *,
    stickers: StickerResolver,
    cache: LayerCache | None = None,
) -> np.ndarray:
    """Draw `layers` (bottom first) over `image`, the cropped and finished picture.

    Args:
        image: H×W×3 uint8 RGB; not changed.
        layers: The recipe's layers.
        stickers: Resolves sticker ids to RGBA pixels.
        cache: Rasterised layers to reuse; None uses a fresh one.

    Returns:
        A new H×W×3 uint8 array (the input itself when there are no layers).

    Raises:
        EditorError: The resolver's codes (``sticker.unknown``, ``sticker.invalid``).
    """
    if not layers:
        return image
    cache = cache if cache is not None else LayerCache()
    out = image.copy()
    for layer in layers:
        if isinstance(layer, TextLayer):
            _draw_text(out, layer, cache)
        else:
            _draw_sticker(out, layer, cache, stickers)
    return out


@dataclass(frozen=True)
class LayerBounds:
    """Where a layer is drawn on an output: the centre (`x`, `y`) and the upright `width` ×
    `height` of what it fills (a text's block with its box or stroke, a sticker's picture;
    the shadow left out), in output pixels, turned by `rotation` degrees clockwise."""

    x: float
    y: float
    width: float
    height: float
    rotation: float


def layer_bounds(
    layer: Layer,
    width: int,
    height: int,
    *,
    stickers: StickerResolver,
    cache: LayerCache | None = None,
) -> LayerBounds:
    """The box a layer fills on a `width`×`height` output, for editors to outline and grab.

    Measured with the drawing's own layout, so the box is where the pixels are.

    Args:
        layer: A layer as drawn, its brand roles resolved (`editor.brand.BrandStyle.resolve`).
        width, height: The output (the cropped frame) in pixels.
        stickers: Resolves a sticker's id (its proportions give its height).
        cache: Laid-out text and decoded stickers to reuse; None uses a fresh one.

    Raises:
        EditorError: The resolver's codes (``sticker.unknown``, ``sticker.invalid``).
    """
    cache = cache if cache is not None else LayerCache()
    centre_x, centre_y = layer.x * width, layer.y * height
    if isinstance(layer, TextLayer):
        frame = _text_frame(layer, width, height, cache)
        # The outline reaches past the block's em box, unless the label box covers it.
        reach = max(_stroke_px(layer, frame.px) - frame.pad, 0.0)
        return LayerBounds(
            centre_x,
            centre_y,
            2 * (frame.half_w + reach),
            2 * (frame.half_h + reach),
            layer.rotation,
        )
    source = _sticker_source(layer, cache, stickers)
    size_w, size_h = _sticker_size(layer, width, source.shape)
    return LayerBounds(centre_x, centre_y, size_w, size_h, layer.rotation)


def _rotation(degrees: float) -> np.ndarray:
    angle = math.radians(degrees)
    cos, sin = math.cos(angle), math.sin(angle)
    return np.array([[cos, -sin], [sin, cos]])  # y points down: positive turns clockwise


def _placement(
    rotation: np.ndarray, centre: tuple[float, float], origin: tuple[float, float], exact: bool
) -> np.ndarray:
    """Affine from tile pixel indices to output pixel indices (pixel centres at integers)."""
    start = np.array(origin) + 0.5
    shift = np.array(centre) + rotation @ start - 0.5
    if exact:
        # An upright tile lands on whole pixels: no resampling, glyphs stay as sharp as drawn.
        shift = np.round(shift)
    return np.hstack([rotation, shift[:, None]])


# ---------------------------------------------------------------------------------- text


@dataclass(frozen=True)
class _TextFrame:
    """A text layer laid out for one output: its block, pixels per em, the box's padding."""

    block: TextBlock
    px: float
    pad: float

    @property
    def half_w(self) -> float:
        """Half the width of the block with the padding around it, in pixels."""
        return self.block.width * self.px / 2 + self.pad

    @property
    def half_h(self) -> float:
        return self.block.height * self.px / 2 + self.pad


def _text_frame(layer: TextLayer, width: int, height: int, cache: LayerCache) -> _TextFrame:
    block = cache.get(
        ("layout", replace(layer, x=0.5, y=0.5, rotation=0.0), width, height),
        lambda: layout(layer, width / height),
    )
    assert isinstance(block, TextBlock)
    px = layer.size * height
    return _TextFrame(block, px, layer.box.padding * px if layer.box is not None else 0.0)


def _stroke_px(layer: TextLayer, px: float) -> float:
    return layer.stroke.width * px if layer.stroke is not None else 0.0


def _draw_text(out: np.ndarray, layer: TextLayer, cache: LayerCache) -> None:
    height, width = out.shape[:2]
    centre = (layer.x * width, layer.y * height)
    rotation = _rotation(layer.rotation)
    frame = _text_frame(layer, width, height, cache)
    px, half_w, half_h = frame.px, frame.half_w, frame.half_h
    margin = _INK_OVERHANG_EM * px + 2.0 + _stroke_px(layer, px)
    if layer.shadow is not None:
        s = layer.shadow
        margin += (max(abs(s.x), abs(s.y)) + 3 * s.blur) * px
    extent = (-half_w - margin, -half_h - margin, half_w + margin, half_h + margin)
    window = _visible(extent, rotation, centre, width, height)
    if window is None:
        return
    full = window == extent
    key: Hashable = (
        "text",
        replace(layer, x=0.5, y=0.5, rotation=0.0) if full else layer,
        width,
        height,
    )
    tile = cache.get(key, lambda: _text_tile(layer, frame, window))
    assert isinstance(tile, _Tile)
    matrix = _placement(rotation, centre, tile.origin, layer.rotation == 0.0)
    warp_over(out, tile.pixels, matrix)


def _visible(
    extent: tuple[float, float, float, float],
    rotation: np.ndarray,
    centre: tuple[float, float],
    width: int,
    height: int,
) -> tuple[float, float, float, float] | None:
    """The part of a tile's extent (tile coordinates) the output can show: `extent` itself
    when the whole tile is visible or nearly so, None when none of it is."""
    corners = np.array([[0, width, 0, width], [0, 0, height, height]], float)
    inside = rotation.T @ (corners - np.array(centre)[:, None])
    left = max(extent[0], inside[0].min() - 2)
    top = max(extent[1], inside[1].min() - 2)
    right = min(extent[2], inside[0].max() + 2)
    bottom = min(extent[3], inside[1].max() + 2)
    if right <= left or bottom <= top:
        return None
    if (right - left) * (bottom - top) >= 0.5 * (extent[2] - extent[0]) * (extent[3] - extent[1]):
        return extent  # most of it shows: draw it all, so dragging it reuses the tile
    return left, top, right, bottom


def _text_tile(
    layer: TextLayer, frame: _TextFrame, window: tuple[float, float, float, float]
) -> _Tile:
    block, px = frame.block, frame.px
    left, top = math.floor(window[0]), math.floor(window[1])
    size = (max(1, math.ceil(window[2]) - left), max(1, math.ceil(window[3]) - top))
    block_w = block.width * px
    block_h = block.height * px
    origin = (-block_w / 2 - left, -block_h / 2 - top)  # the block's corner on the canvas
    glyphs, emoji = draw_units(block, layer, px=px, origin=origin, size=size)
    ink = np.maximum(glyphs, emoji[..., 3])
    pixels = np.zeros((size[1], size[0], 4), np.float32)
    if layer.box is not None:
        half = (frame.half_w, frame.half_h)
        coverage = rounded_box(size, (left, top), half, layer.box.radius * px)
        pixels = over(pixels, paint(coverage, layer.box.color))
    if layer.stroke is not None and layer.stroke.width > 0:
        radius = layer.stroke.width * px
        outside = (ink < 0.5).astype(np.uint8)
        distance = cv2.distanceTransform(outside, cv2.DIST_L2, cv2.DIST_MASK_PRECISE)
        coverage = np.maximum(np.clip(radius + 1.0 - distance, 0.0, 1.0), ink)
        pixels = over(pixels, paint(coverage, layer.stroke.color))
    pixels = over(pixels, paint(glyphs, layer.color))
    pixels = over(pixels, emoji)
    if layer.shadow is not None:
        pixels = over(_shadow(pixels[..., 3], layer, px), pixels)
    return _Tile(np.ascontiguousarray(pixels, np.float32), (left, top))


def _shadow(alpha: np.ndarray, layer: TextLayer, px: float) -> np.ndarray:
    shadow = layer.shadow
    assert shadow is not None
    height, width = alpha.shape
    moved = cv2.warpAffine(
        alpha,
        np.array([[1.0, 0.0, shadow.x * px], [0.0, 1.0, shadow.y * px]]),
        (width, height),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=0.0,
    )
    return paint(_blur(moved, shadow.blur * px), shadow.color)


_BLUR_DIRECT_SIGMA = 6.0


def _blur(alpha: np.ndarray, sigma: float) -> np.ndarray:
    """A Gaussian blur; a wide one runs on a shrunk copy (a blur that wide has no detail to
    lose), which keeps its cost near that of a small blur whatever the sigma."""
    if sigma < 0.3:
        return alpha
    if sigma <= _BLUR_DIRECT_SIGMA:
        return cv2.GaussianBlur(alpha, (0, 0), sigma, borderType=cv2.BORDER_CONSTANT)
    factor = sigma / (_BLUR_DIRECT_SIGMA / 2)
    height, width = alpha.shape
    small = cv2.resize(
        alpha,
        (max(1, round(width / factor)), max(1, round(height / factor))),
        interpolation=cv2.INTER_AREA,
    )
    small = cv2.GaussianBlur(small, (0, 0), _BLUR_DIRECT_SIGMA / 2, borderType=cv2.BORDER_CONSTANT)
    return cv2.resize(small, (width, height), interpolation=cv2.INTER_LINEAR)


# ------------------------------------------------------------------------------- stickers


def _draw_sticker(
    out: np.ndarray, layer: StickerLayer, cache: LayerCache, stickers: StickerResolver
) -> None:
    if layer.opacity == 0.0:
        return
    height, width = out.shape[:2]
    source = _sticker_source(layer, cache, stickers)
    target_w, target_h = _sticker_size(layer, width, source.shape)
    if target_w < 0.7 * source.shape[1]:
        # Shrink by area averaging to about the output's scale first, so the warp does not alias.
        size = (max(1, round(target_w)), max(1, round(target_h)))
        picture = source
        source = cache.get(
            ("sticker", layer.id, size),
            lambda: cv2.resize(picture, size, interpolation=cv2.INTER_AREA),
        )
        assert isinstance(source, np.ndarray)
    tile_h, tile_w = source.shape[:2]
    sx, sy = target_w / tile_w, target_h / tile_h
    rotation = _rotation(layer.rotation)
    linear = rotation @ np.diag([sx, sy])
    centre = np.array([layer.x * width, layer.y * height])
    # Tile pixel i's centre is at (i + 0.5) × s − size / 2 from the sticker's centre.
    start = np.array([0.5 * sx - target_w / 2, 0.5 * sy - target_h / 2])
    shift = centre + rotation @ start - 0.5
    matrix = np.hstack([linear, shift[:, None]])
    tile = source if layer.opacity == 100.0 else source * np.float32(layer.opacity / 100.0)
    warp_over(out, tile, matrix)


def _sticker_source(
    layer: StickerLayer, cache: LayerCache, stickers: StickerResolver
) -> np.ndarray:
    """The sticker's picture, premultiplied float32, decoded once per cache."""
    source = cache.get(("sticker", layer.id), lambda: _premultiplied(stickers(layer.id), layer.id))
    assert isinstance(source, np.ndarray)
    return source


def _sticker_size(
    layer: StickerLayer, width: int, picture_shape: tuple[int, ...]
) -> tuple[float, float]:
    """The sticker's drawn width and height on an output `width` pixels wide: its layer's
    share of the width, and the height its picture's proportions give."""
    drawn_w = layer.width * width
    return drawn_w, drawn_w * picture_shape[0] / picture_shape[1]


def _premultiplied(pixels: np.ndarray, sticker_id: str) -> np.ndarray:
    if pixels.ndim != 3 or pixels.shape[2] != 4 or pixels.dtype != np.uint8:
        raise EditorError("sticker.invalid", {"id": sticker_id, "reason": "not_rgba"})
    tile = pixels.astype(np.float32) / 255.0
    tile[..., :3] *= tile[..., 3:]
    return tile
