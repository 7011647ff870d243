"""Editing a tone curve's control points: what a click, a drag or a double-click does.

The curve editor widget only maps the mouse into the unit square and calls these functions,
so the rules (points stay in x order with a minimum gap, the end points stay, a point dragged
well out of the square is removed, at most `MAX_CURVE_POINTS`) are testable without widgets.
The curve itself is sampled through the engine's own colour chain, so the editor draws exactly
the curve the renderer applies.
"""

from __future__ import annotations

import numpy as np

from editor.color import ColorRecipe, color_transform
from editor.recipe import MAX_CURVE_POINTS, Adjust, CurvePoints, Curves

MIN_GAP = 0.02
"""Smallest x distance between neighbouring points: closer points make a cliff, not a curve."""
DRAG_OUT_MARGIN = 0.08
"""How far outside the square an inner point must be dragged to be removed."""


def nearest_point(points: CurvePoints, x: float, y: float, radius: float) -> int | None:
    """The index of the point within `radius` of (x, y), the closest one if several."""
    distances = [np.hypot(px - x, py - y) for px, py in points]
    best = int(np.argmin(distances))
    return best if distances[best] <= radius else None


def add_point(points: CurvePoints, x: float, y: float) -> tuple[CurvePoints, int | None]:
    """Insert (x, y) in x order; returns the points and the new index, or the same points and
    None when the curve is full or another point is closer than `MIN_GAP` in x."""
    x, y = _clamp(x), _clamp(y)
    if len(points) >= MAX_CURVE_POINTS or any(abs(px - x) < MIN_GAP for px, _ in points):
        return points, None
    index = sum(1 for px, _ in points if px < x)
    return (*points[:index], (x, y), *points[index:]), index


def move_point(points: CurvePoints, index: int, x: float, y: float) -> CurvePoints:
    """Move point `index` to (x, y), kept inside the square and between its neighbours."""
    low = points[index - 1][0] + MIN_GAP if index > 0 else 0.0
    high = points[index + 1][0] - MIN_GAP if index < len(points) - 1 else 1.0
    moved = (min(max(x, low), high), _clamp(y))
    return (*points[:index], moved, *points[index + 1 :])


def can_remove(points: CurvePoints, index: int) -> bool:
    """Only inner points can go: the end points define where the curve starts and ends."""
    return 0 < index < len(points) - 1


def remove_point(points: CurvePoints, index: int) -> CurvePoints:
    if not can_remove(points, index):
        return points
    return (*points[:index], *points[index + 1 :])


def is_dragged_out(x: float, y: float) -> bool:
    """True when (x, y) is far enough outside the unit square to mean "remove this point"."""
    return not (
        -DRAG_OUT_MARGIN <= x <= 1 + DRAG_OUT_MARGIN
        and -DRAG_OUT_MARGIN <= y <= 1 + DRAG_OUT_MARGIN
    )


def sample_curve(points: CurvePoints, count: int = 256) -> np.ndarray:
    """`count` values of the curve at x = 0..1, computed by the renderer's colour chain."""
    ramp = np.repeat(np.linspace(0.0, 1.0, count, dtype=np.float32)[:, None], 3, axis=1)
    transformed = color_transform(ramp, ColorRecipe(adjust=Adjust(), curves=Curves(rgb=points)))
    return transformed[:, 0]


def level_histogram(image: np.ndarray, channel: str) -> np.ndarray:
    """256 counts of an H×W×3 uint8 RGB image's levels: luma for "rgb", else that channel.

    Every fourth pixel each way is plenty for a histogram drawn behind a curve, and keeps it
    well under a millisecond for a screen proxy.
    """
    pixels = image[::4, ::4]
    if channel == "rgb":
        levels = pixels.astype(np.float32) @ np.array([0.2126, 0.7152, 0.0722], np.float32)
        values = np.clip(levels + 0.5, 0, 255).astype(np.uint8)
    else:
        values = pixels[..., "rgb".index(channel)]
    return np.bincount(values.ravel(), minlength=256)


def _clamp(value: float) -> float:
    return min(max(value, 0.0), 1.0)
