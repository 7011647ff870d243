"""Premultiplied-alpha drawing helpers shared by the text and layer code.

Tiles are H×W×4 float32 arrays, premultiplied (colour already multiplied by alpha), so that
resampling them never leaves dark fringes around edges and "over" compositing is one
multiply-add. `warp_over` draws a tile through an affine map onto a canvas, resampling only
the canvas region the tile can touch, so the cost follows the tile's size, not the canvas's.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

__all__ = ["hex_rgba", "over", "paint", "rounded_box", "warp_over"]


def warp_over(canvas: np.ndarray, tile: np.ndarray, matrix: np.ndarray) -> None:
    """Composite `tile` over `canvas` in place.

    Args:
        canvas: H×W×4 float32 premultiplied, or H×W×3 uint8 (an opaque picture), which the
            tile's colour is blended into by its alpha.
        tile: h×w×4 float32 premultiplied RGBA.
        matrix: 2×3 affine from tile pixel indices to canvas pixel indices (OpenCV's
            pixel-centre convention).
    """
    height, width = canvas.shape[:2]
    tile_h, tile_w = tile.shape[:2]
    corners = matrix @ np.array(
        [
            [-0.5, tile_w - 0.5, -0.5, tile_w - 0.5],
            [-0.5, -0.5, tile_h - 0.5, tile_h - 0.5],
            [1, 1, 1, 1],
        ]
    )
    left = max(0, math.floor(corners[0].min()) - 1)
    top = max(0, math.floor(corners[1].min()) - 1)
    right = min(width, math.ceil(corners[0].max()) + 2)
    bottom = min(height, math.ceil(corners[1].max()) + 2)
    if right <= left or bottom <= top:
        return
    local = matrix.copy()
    local[:, 2] -= (left, top)
    linear = local[:, :2]
    exact = np.allclose(linear, np.eye(2)) and np.allclose(local[:, 2], np.round(local[:, 2]))
    placed = cv2.warpAffine(
        tile,
        local,
        (right - left, bottom - top),
        flags=cv2.INTER_NEAREST if exact else cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(0.0, 0.0, 0.0, 0.0),
    )
    region = canvas[top:bottom, left:right]
    alpha = placed[..., 3:]
    if canvas.dtype == np.uint8:
        blended = placed[..., :3] * 255.0 + region * (1.0 - alpha)
        region[:] = np.clip(blended + 0.5, 0, 255).astype(np.uint8)
    else:
        region[:] = placed + region * (1.0 - alpha)


def hex_rgba(hex_color: str) -> tuple[np.ndarray, float]:
    """``#RRGGBB[AA]`` → (RGB 0…1, alpha 0…1)."""
    value = hex_color.lstrip("#")
    rgb = np.array([int(value[i : i + 2], 16) for i in (0, 2, 4)], np.float32) / 255.0
    alpha = int(value[6:8], 16) / 255.0 if len(value) == 8 else 1.0
    return rgb, alpha


def over(base: np.ndarray, top: np.ndarray) -> np.ndarray:
    """Premultiplied RGBA `top` composited over `base`."""
    return top + base * (1.0 - top[..., 3:])


def paint(coverage: np.ndarray, hex_color: str) -> np.ndarray:
    """A premultiplied RGBA tile of one colour where `coverage` (0…1) says."""
    rgb, alpha = hex_rgba(hex_color)
    a = coverage * alpha
    return np.concatenate([a[..., None] * rgb, a[..., None]], axis=2).astype(np.float32)


def rounded_box(
    size: tuple[int, int], corner: tuple[float, float], half: tuple[float, float], radius: float
) -> np.ndarray:
    """Coverage of a rounded rectangle centred on the tile's origin, anti-aliased from its
    signed distance at every pixel centre."""
    radius = min(radius, half[0], half[1])
    xs = np.abs(np.arange(size[0], dtype=np.float32) + corner[0] + 0.5)
    ys = np.abs(np.arange(size[1], dtype=np.float32) + corner[1] + 0.5)
    qx = (xs - (half[0] - radius))[None, :]
    qy = (ys - (half[1] - radius))[:, None]
    outside = np.hypot(np.maximum(qx, 0), np.maximum(qy, 0))
    inside = np.minimum(np.maximum(qx, qy), 0)
    return np.clip(0.5 - (outside + inside - radius), 0.0, 1.0).astype(np.float32)
