"""Tone and colour: every point operation of a recipe fused into one 3D lookup.

Exposure, brightness, contrast, highlights, shadows, saturation, vibrance, temperature, tint,
the tone curves, the filter look and fade each map one RGB colour to another without looking at
the neighbours, so their chain is a function of colour alone. `color_transform` evaluates that
chain in float32 on any set of colours; `bake` evaluates it once on a 33³ lattice (≈36 k
colours, ≈1 ms) and `ColorMaps.apply` looks every pixel up in the lattice with a single
`cv2.remap`, trilinearly. The maps depend only on the image's pixels, so a live preview computes
them once per photo and a slider tick costs one bake and one remap.

The lattice trick: the lattice is upsampled along blue to all 256 levels (blue needs no
interpolation then) and laid out as a 2D image whose x is ``r_index + 33 · blue`` and whose y is
``g_index``; a pixel (R, G, B) reads it at x = R·32/255 + 33·B, y = G·32/255, and OpenCV's
bilinear interpolation there is exactly trilinear interpolation of the lattice.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import cv2
import numpy as np

from editor.recipe import Adjust, CurvePoints, Curves, Interpolation

__all__ = [
    "LATTICE_SIZE",
    "POINT_SLIDERS",
    "ColorLook",
    "ColorMaps",
    "MapBuffers",
    "ColorRecipe",
    "apply_color",
    "bake",
    "color_transform",
    "point_sliders",
]

LATTICE_SIZE = 33
_LAST = LATTICE_SIZE - 1
# Rec. 709 / sRGB luma weights, for "how bright does this colour look".
_LUMA = np.array([0.2126, 0.7152, 0.0722], dtype=np.float32)
# Samples of each tone curve; np.interp between them is far below a level of error.
_CURVE_SAMPLES = 1024


# The sliders that act on colour alone; the others (sharpness, clarity, vignette, grain) look
# at neighbouring pixels or at the position in the frame.
POINT_SLIDERS = (
    "exposure",
    "brightness",
    "contrast",
    "highlights",
    "shadows",
    "saturation",
    "vibrance",
    "temperature",
    "tint",
    "fade",
)


def point_sliders(adjust: Adjust) -> tuple[float, ...]:
    """The values of `POINT_SLIDERS`, in that order."""
    return tuple(getattr(adjust, name) for name in POINT_SLIDERS)


class ColorLook(Hashable, Protocol):
    """A filter look: anything that maps colours like `editor.lut.CubeLut.sample` (and is
    hashable by identity, as CubeLut is, so its sampled lattice can be cached)."""

    def sample(self, points: np.ndarray, method: Interpolation) -> np.ndarray: ...


@dataclass(frozen=True)
class ColorRecipe:
    """The parts of a recipe that act on colour alone: what the lattice depends on.

    Attributes:
        adjust: The sliders (only the point operations among them are read).
        curves: The tone curves.
        look: The resolved filter look, or None.
        strength: The look's strength, 0..100.
        interpolation: How the look's table is interpolated.
    """

    adjust: Adjust
    curves: Curves
    look: ColorLook | None = None
    strength: float = 100.0
    interpolation: Interpolation = "tetrahedral"

    @property
    def is_identity(self) -> bool:
        return (
            not any(point_sliders(self.adjust))
            and self.curves.is_identity
            and (self.look is None or self.strength == 0.0)
        )


def _to_linear(srgb: np.ndarray) -> np.ndarray:
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _to_srgb(linear: np.ndarray) -> np.ndarray:
    linear = np.clip(linear, 0.0, 1.0)
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)


# The step functions below take colours channel-first, a 3×N float32 array, so that every
# operation runs over long contiguous rows.


def _luma(rgb: np.ndarray) -> np.ndarray:
    return _LUMA @ rgb


def _white_balance_gains(temperature: float, tint: float) -> np.ndarray:
    """Channel gains in linear light. Temperature +100 multiplies red by 1.3 and blue by 1/1.3
    (warmer), −100 the reverse; tint +100 divides green by 1.25 (magenta), −100 multiplies it
    by 1.25 (green). Gains are normalised so that mid-grey keeps its luminance."""
    warm = 1.3 ** (temperature / 100)
    green = 1.25 ** (-tint / 100)
    gains = np.array([warm, green, 1 / warm], dtype=np.float32)
    return gains / float(gains @ _LUMA)


def _exposure_and_white_balance(rgb: np.ndarray, adjust: Adjust) -> np.ndarray:
    """Exposure multiplies linear light by 2^EV (±4 EV), as a camera's exposure would; white
    balance likewise acts on linear light. Values past white clip."""
    if not (adjust.exposure or adjust.temperature or adjust.tint):
        return rgb
    gains = (2.0**adjust.exposure) * _white_balance_gains(adjust.temperature, adjust.tint)
    return _to_srgb(_to_linear(rgb) * gains[:, None])


def _brightness(rgb: np.ndarray, amount: float) -> np.ndarray:
    """A midtone gamma that keeps black and white: +100 maps mid-grey 0.5 to 0.71 (gamma 0.5),
    −100 maps it to 0.25 (gamma 2)."""
    if not amount:
        return rgb
    return rgb ** np.float32(2.0 ** (-amount / 100))


def _contrast(rgb: np.ndarray, amount: float) -> np.ndarray:
    """An S-curve around mid-grey per channel. +100 is the smoothstep 3x² − 2x³ (slope 1.5 at
    mid-grey, shadows and highlights compressed, black and white kept); −100 halves contrast
    linearly towards mid-grey (black → 0.25, white → 0.75)."""
    if amount > 0:
        s_curve = rgb * rgb * (3 - 2 * rgb)
        return rgb + (s_curve - rgb) * np.float32(amount / 100)
    if amount < 0:
        return rgb + (0.5 - rgb) * np.float32(0.5 * -amount / 100)
    return rgb


def _tone_region(rgb: np.ndarray, amount: float, bump_at_highlights: bool) -> np.ndarray:
    """Highlights and shadows: a luminance-weighted offset. The weight is a smooth bump that is
    zero at black and white and peaks at 2/3 (highlights) or 1/3 (shadows) of the tone range;
    ±100 moves the peak by ±0.14, the most that keeps the tone curve increasing. The same
    offset goes to all three channels, so hue is kept."""
    if not amount:
        return rgb
    luma = np.clip(_luma(rgb), 0.0, 1.0)
    near = luma if bump_at_highlights else 1 - luma
    weight = near * near * (1 - near) * np.float32(6.75 * 0.14 * amount / 100)
    return rgb + weight


def _saturation(rgb: np.ndarray, amount: float) -> np.ndarray:
    """Distance from grey (the pixel's luma) scaled by 1 + amount/100: −100 is black and white,
    +100 doubles saturation."""
    if not amount:
        return rgb
    luma = _luma(rgb)
    return luma + (rgb - luma) * np.float32(1 + amount / 100)


def _vibrance(rgb: np.ndarray, amount: float) -> np.ndarray:
    """Saturation that favours dull colours and spares skin: the gain is amount/100 times
    (1 − current saturation), halved for skin-like hues (red ≥ green ≥ blue). +100 roughly
    doubles the saturation of grey-ish colours and leaves vivid ones alone; −100 mutes the
    dull colours towards grey."""
    if not amount:
        return rgb
    red, green, blue = rgb
    high = np.maximum(np.maximum(red, green), blue)
    low = np.minimum(np.minimum(red, green), blue)
    saturation = (high - low) / np.maximum(high, np.float32(1e-6))
    skin = (red >= green) & (green >= blue)
    gain = (1 - saturation) * np.where(skin, np.float32(0.5), np.float32(1.0))
    gain *= np.float32(amount / 100)
    luma = _luma(rgb)
    return luma + (rgb - luma) * (1 + gain)


def _fade(rgb: np.ndarray, amount: float) -> np.ndarray:
    """The matte film look: +100 lifts black to 0.15 and pulls white down to 0.95, softening
    contrast evenly in between."""
    if not amount:
        return rgb
    f = amount / 100
    return np.float32(0.15 * f) + rgb * np.float32(1 - 0.2 * f)


@lru_cache(maxsize=32)
def _curve_table(points: CurvePoints) -> np.ndarray:
    """Sample a monotone cubic (Fritsch–Carlson) through the control points: it never
    overshoots, so an increasing set of points gives an increasing curve. Outside the first and
    last points the curve is flat."""
    xs = np.array([p[0] for p in points], dtype=np.float64)
    ys = np.array([p[1] for p in points], dtype=np.float64)
    grid = np.linspace(0.0, 1.0, _CURVE_SAMPLES)
    secants = np.diff(ys) / np.diff(xs)
    slopes = np.empty_like(ys)
    slopes[0], slopes[-1] = secants[0], secants[-1]
    for i in range(1, len(xs) - 1):
        before, after = secants[i - 1], secants[i]
        if before * after <= 0:
            slopes[i] = 0.0
        else:
            w1 = 2 * (xs[i + 1] - xs[i]) + (xs[i] - xs[i - 1])
            w2 = (xs[i + 1] - xs[i]) + 2 * (xs[i] - xs[i - 1])
            slopes[i] = (w1 + w2) / (w1 / before + w2 / after)
    inside = np.clip(grid, xs[0], xs[-1])
    index = np.clip(np.searchsorted(xs, inside, side="right") - 1, 0, len(xs) - 2)
    step = xs[index + 1] - xs[index]
    t = (inside - xs[index]) / step
    h00 = (1 + 2 * t) * (1 - t) ** 2
    h10 = t * (1 - t) ** 2
    h01 = t * t * (3 - 2 * t)
    h11 = t * t * (t - 1)
    values = (
        h00 * ys[index]
        + h10 * step * slopes[index]
        + h01 * ys[index + 1]
        + h11 * step * slopes[index + 1]
    )
    return np.clip(values, 0.0, 1.0).astype(np.float32)


@lru_cache(maxsize=32)
def _channel_tables(curves: Curves) -> np.ndarray:
    """3 × 1024 tables: for each channel, the RGB curve followed by the channel's own curve."""
    grid = np.linspace(0.0, 1.0, _CURVE_SAMPLES, dtype=np.float32)
    shared = _curve_table(curves.rgb)  # already sampled on `grid`
    tables = [np.interp(shared, grid, _curve_table(getattr(curves, c))) for c in "rgb"]
    return np.stack(tables).astype(np.float32)


def _curves(rgb: np.ndarray, curves: Curves) -> np.ndarray:
    """The RGB curve on every channel, then each channel's own curve, as one table lookup per
    channel (to the nearest of 1024 samples: at most 1/2000 off for a curve of slope 1)."""
    if curves.is_identity:
        return rgb
    index = (rgb * (_CURVE_SAMPLES - 1) + 0.5).astype(np.intp)
    return np.take_along_axis(_channel_tables(curves), index, axis=1)


Step = Callable[[np.ndarray], np.ndarray]


def _blend_look(rgb: np.ndarray, filtered: np.ndarray, strength: float) -> np.ndarray:
    """The filter's colours blended with the unfiltered ones by strength (0..100 %)."""
    return rgb + (filtered - rgb) * np.float32(strength / 100)


def _sample_look(look: ColorLook, rgb: np.ndarray, interpolation: Interpolation) -> np.ndarray:
    """The look's table at channel-first colours, channel-first float32."""
    filtered = look.sample(np.ascontiguousarray(rgb.T), interpolation)
    return np.ascontiguousarray(filtered.T, dtype=np.float32)


def _per_channel_steps(color: ColorRecipe) -> tuple[Step, ...]:
    """The leading adjustments, which treat each channel on its own (so without a filter they
    can run on the lattice's 33 axis values instead of all 33³ colours)."""
    adjust = color.adjust
    return (
        lambda x: _exposure_and_white_balance(x, adjust),
        lambda x: _brightness(x, adjust.brightness),
        lambda x: _contrast(x, adjust.contrast),
    )


def _mixing_steps(color: ColorRecipe) -> tuple[Step, ...]:
    """The adjustments after those, which mix channels (or follow one that does)."""
    adjust = color.adjust
    return (
        lambda x: _tone_region(x, adjust.highlights, bump_at_highlights=True),
        lambda x: _tone_region(x, adjust.shadows, bump_at_highlights=False),
        lambda x: _saturation(x, adjust.saturation),
        lambda x: _vibrance(x, adjust.vibrance),
        lambda x: _curves(x, color.curves),
        lambda x: _fade(x, adjust.fade),
    )


def _run(channels: np.ndarray, steps: tuple[Step, ...]) -> np.ndarray:
    for step in steps:
        channels = np.clip(step(channels), 0.0, 1.0, dtype=np.float32)
    return channels


def _has_look(color: ColorRecipe) -> bool:
    return color.look is not None and color.strength > 0.0


def color_transform(rgb: np.ndarray, color: ColorRecipe) -> np.ndarray:
    """Apply the colour chain to colours: the exact (float) definition the lattice samples.

    Order: the filter look (blended by its strength) → exposure and white balance (linear
    light) → brightness → contrast → highlights → shadows → saturation → vibrance → tone
    curves → fade. The look comes first, like a camera profile: it sets the picture's base
    rendering and the sliders then fine-tune it, so every slider behaves the same whichever
    look is chosen (and the look's table is sampled once per look, not per slider tick).
    Each step's result is clipped to 0..1.

    Args:
        rgb: M×3 float32 sRGB values in 0..1.
        color: The colour part of the recipe.

    Returns:
        M×3 float32 sRGB values in 0..1.
    """
    channels = np.clip(rgb.T.astype(np.float32), 0.0, 1.0)
    if _has_look(color):
        assert color.look is not None
        filtered = _sample_look(color.look, channels, color.interpolation)
        channels = np.clip(_blend_look(channels, filtered, color.strength), 0.0, 1.0)
    channels = _run(channels, _per_channel_steps(color) + _mixing_steps(color))
    return np.ascontiguousarray(channels.T)


@lru_cache(maxsize=1)
def _lattice_indices() -> np.ndarray:
    """Axis index of every lattice colour per channel (3 × 33³), ordered [g, b, r] (red
    varies fastest): the order `bake` needs for its layout with one batched matmul."""
    g, b, r = np.meshgrid(*[np.arange(LATTICE_SIZE)] * 3, indexing="ij")
    return np.stack([r.ravel(), g.ravel(), b.ravel()])


@lru_cache(maxsize=1)
def _lattice_colours() -> np.ndarray:
    """Every lattice colour, channel-first, in `_lattice_indices` order."""
    colours = _lattice_indices().astype(np.float32) / np.float32(_LAST)
    colours.flags.writeable = False
    return colours


@lru_cache(maxsize=8)
def _filtered_lattice(look: ColorLook, interpolation: Interpolation) -> np.ndarray:
    """The look's table at every lattice colour: sampled once per look and interpolation."""
    filtered = _sample_look(look, _lattice_colours(), interpolation)
    filtered.flags.writeable = False
    return filtered


def _lattice_values(color: ColorRecipe) -> np.ndarray:
    """`color_transform` on every lattice colour, 33³ × 3, in `_lattice_indices` order."""
    if _has_look(color):
        assert color.look is not None
        filtered = _filtered_lattice(color.look, color.interpolation)
        channels = np.clip(_blend_look(_lattice_colours(), filtered, color.strength), 0.0, 1.0)
        steps = _per_channel_steps(color) + _mixing_steps(color)
    else:
        # Without a look the per-channel steps run on the 33 axis values only.
        axis = np.linspace(0.0, 1.0, LATTICE_SIZE, dtype=np.float32)
        tables = _run(np.stack([axis] * 3), _per_channel_steps(color))
        channels = np.take_along_axis(tables, _lattice_indices(), axis=1)
        steps = _mixing_steps(color)
    return np.ascontiguousarray(_run(channels, steps).T)


@lru_cache(maxsize=1)
def _blue_weights() -> np.ndarray:
    """256 × 33 linear-interpolation weights from lattice blue to every blue level, times 255
    so that the matmul also scales to 8-bit levels."""
    position = np.arange(256, dtype=np.float64) * _LAST / 255
    low = np.minimum(np.floor(position).astype(int), _LAST - 1)
    frac = position - low
    weights = np.zeros((256, LATTICE_SIZE), dtype=np.float32)
    weights[np.arange(256), low] = 255 * (1 - frac)
    weights[np.arange(256), low + 1] = 255 * frac
    return weights


def bake(color: ColorRecipe) -> np.ndarray:
    """Evaluate the colour chain on the lattice and lay it out for `ColorMaps.apply`.

    Returns:
        A 33 × (33·256) × 3 uint8 image: row g, column r + 33·blue_level.
    """
    values = _lattice_values(color)
    # [g, b_lattice, (r, c)] → [g, blue_level, (r, c)]: one batched matmul along blue.
    upsampled = np.matmul(_blue_weights(), values.reshape(LATTICE_SIZE, LATTICE_SIZE, -1))
    # convertScaleAbs rounds and saturates to uint8 in one pass (values are never negative).
    levels = cv2.convertScaleAbs(upsampled.reshape(LATTICE_SIZE, -1))
    return levels.reshape(LATTICE_SIZE, 256 * LATTICE_SIZE, 3)


class MapBuffers:
    """The arrays `ColorMaps.of` computes into for images of one size: a video reuses them
    frame after frame instead of allocating megabytes per frame."""

    def __init__(self, height: int, width: int) -> None:
        self.shape = (height, width)
        self.channels = [np.empty((height, width), np.uint8) for _ in range(3)]
        self.x = np.empty((height, width), np.float32)
        self.blue = np.empty((height, width), np.float32)
        self.y = np.empty((height, width), np.float32)
        self.map1 = np.empty((height, width, 2), np.int16)
        self.map2 = np.empty((height, width), np.uint16)


_LEVELS = np.arange(256, dtype=np.float32)
_TO_NODE = _LEVELS * (_LAST / 255)
_TO_BLUE_COLUMN = _LEVELS * LATTICE_SIZE


@dataclass(frozen=True)
class ColorMaps:
    """Where each pixel of one image reads the baked lattice; computed once per image."""

    map1: np.ndarray
    map2: np.ndarray

    @classmethod
    def of(cls, image: np.ndarray, buffers: MapBuffers | None = None) -> ColorMaps:
        """Compute the lookup maps of an H×W×3 uint8 RGB image, both sides below 32767 (an
        OpenCV remap limit; the gate caps image sides at 20000), into `buffers` if given
        (then valid until their next use)."""
        out = buffers if buffers is not None else MapBuffers(*image.shape[:2])
        red, green, blue = cv2.split(image, out.channels)
        cv2.LUT(red, _TO_NODE, dst=out.x)
        cv2.LUT(blue, _TO_BLUE_COLUMN, dst=out.blue)
        cv2.add(out.x, out.blue, dst=out.x)
        cv2.LUT(green, _TO_NODE, dst=out.y)
        cv2.convertMaps(out.x, out.y, cv2.CV_16SC2, dstmap1=out.map1, dstmap2=out.map2)
        return cls(out.map1, out.map2)

    def apply(self, lattice: np.ndarray) -> np.ndarray:
        """Look every pixel up in a baked lattice (from `bake`): H×W×3 uint8 RGB."""
        return cv2.remap(
            lattice, self.map1, self.map2, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
        )


def apply_color(image: np.ndarray, color: ColorRecipe) -> np.ndarray:
    """Apply the colour chain to an H×W×3 uint8 RGB image (the input itself if it is a no-op)."""
    if color.is_identity:
        return image
    return ColorMaps.of(image).apply(bake(color))
