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

__all__ = ["warp_over"]


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
