"""The recipe's geometry as one affine transform: quarter turns, flips, straighten, crop, scale.

Every geometric step of a recipe is an affine map of the plane, so the whole chain composes
into a single 2×3 matrix and the picture is resampled exactly once (`warp`), whatever the
recipe holds. Coordinates here are continuous: pixel (i, j) covers [i, i+1) × [j, j+1), so the
maths of turns and flips needs no off-by-one corrections; `warp` converts to OpenCV's
pixel-centre convention at the end.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from editor.recipe import Geometry

__all__ = ["Frame", "cropped_size", "frame_of", "geometry_size", "warp"]

# Below this scale a bilinear warp starts to alias (it reads only the 4 nearest pixels), so the
# source is first shrunk by area averaging to about the output's scale.
_AREA_SHRINK_BELOW = 0.7


@dataclass(frozen=True)
class Frame:
    """Where a geometry puts an image of a given size.

    Attributes:
        matrix: 3×3 map from continuous source coordinates to the straightened frame.
        size: (width, height) of the straightened frame (before the crop), in source pixels.
        crop: (x, y, width, height) of the crop rectangle in the straightened frame.
    """

    matrix: np.ndarray
    size: tuple[float, float]
    crop: tuple[float, float, float, float]


def _translate(dx: float, dy: float) -> np.ndarray:
    return np.array([[1.0, 0.0, dx], [0.0, 1.0, dy], [0.0, 0.0, 1.0]])


def _straighten_scale(width: float, height: float, degrees: float) -> float:
    """How much a width×height frame shrinks so that, turned by `degrees`, it has no empty
    corners: the largest centred rectangle of the same aspect inside the turned picture."""
    angle = math.radians(abs(degrees))
    cos, sin = math.cos(angle), math.sin(angle)
    return min(width / (width * cos + height * sin), height / (width * sin + height * cos))


def frame_of(geometry: Geometry, width: int, height: int) -> Frame:
    """Compose quarter turns, flips and straighten for a `width`×`height` source.

    Quarter turns are clockwise; straighten turns the picture clockwise by its angle about the
    centre and keeps the largest upright rectangle of the turned frame's aspect ratio.
    """
    matrix = np.eye(3)
    w, h = float(width), float(height)
    for _ in range(geometry.quarter_turns):
        # Clockwise: the left edge becomes the top edge, (x, y) → (h − y, x).
        matrix = np.array([[0.0, -1.0, h], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]) @ matrix
        w, h = h, w
    if geometry.flip_h:
        matrix = np.array([[-1.0, 0.0, w], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]) @ matrix
    if geometry.flip_v:
        matrix = np.array([[1.0, 0.0, 0.0], [0.0, -1.0, h], [0.0, 0.0, 1.0]]) @ matrix
    if geometry.straighten:
        scale = _straighten_scale(w, h, geometry.straighten)
        angle = math.radians(geometry.straighten)
        cos, sin = math.cos(angle), math.sin(angle)
        # With y pointing down, this rotation matrix turns the picture clockwise.
        rotate = np.array([[cos, -sin, 0.0], [sin, cos, 0.0], [0.0, 0.0, 1.0]])
        new_w, new_h = w * scale, h * scale
        matrix = _translate(new_w / 2, new_h / 2) @ rotate @ _translate(-w / 2, -h / 2) @ matrix
        w, h = new_w, new_h
    crop = geometry.crop
    return Frame(matrix, (w, h), (crop.x * w, crop.y * h, crop.w * w, crop.h * h))


def geometry_size(geometry: Geometry, width: int, height: int) -> tuple[int, int]:
    """Size after quarter turns, flips and straighten: the frame the crop is a fraction of."""
    w, h = frame_of(geometry, width, height).size
    return max(1, round(w)), max(1, round(h))


def cropped_size(geometry: Geometry, width: int, height: int) -> tuple[int, int]:
    """Size of the cropped picture at the source's scale."""
    _, _, w, h = frame_of(geometry, width, height).crop
    return max(1, round(w)), max(1, round(h))


def warp(
    image: np.ndarray, geometry: Geometry, size: tuple[int, int] | None, *, crop: bool = True
) -> np.ndarray:
    """Resample `image` through the geometry once, to `size` (width, height).

    Args:
        image: H×W×C array.
        geometry: The recipe's geometry.
        size: Output size; None keeps the source's scale.
        crop: False renders the whole straightened frame instead of the crop rectangle.

    Returns:
        The new array; the input itself when the geometry and size change nothing.
    """
    height, width = image.shape[:2]
    frame = frame_of(geometry, width, height)
    x, y, w, h = frame.crop if crop else (0.0, 0.0, *frame.size)
    out_w, out_h = size if size is not None else (max(1, round(w)), max(1, round(h)))
    to_output = np.diag([out_w / w, out_h / h, 1.0]) @ _translate(-x, -y) @ frame.matrix
    if np.allclose(to_output, np.eye(3)) and (out_w, out_h) == (width, height):
        return image
    image, to_output = _shrink_source(image, to_output, out_w, out_h)
    # OpenCV samples pixel centres at integers: shift by half a pixel on both sides.
    affine = (_translate(-0.5, -0.5) @ to_output @ _translate(0.5, 0.5))[:2]
    flags = cv2.INTER_LINEAR if _is_scaled(to_output) else cv2.INTER_NEAREST
    return cv2.warpAffine(
        image, affine, (out_w, out_h), flags=flags, borderMode=cv2.BORDER_REPLICATE
    )


def _is_scaled(matrix: np.ndarray) -> bool:
    """False for pure quarter turns, flips and whole-pixel shifts, which need no resampling."""
    linear = matrix[:2, :2]
    exact = np.allclose(np.abs(linear), np.round(np.abs(linear))) and np.allclose(
        matrix[:2, 2], np.round(matrix[:2, 2])
    )
    return not (exact and np.isclose(abs(np.linalg.det(linear)), 1.0))


def _shrink_source(
    image: np.ndarray, to_output: np.ndarray, out_w: int, out_h: int
) -> tuple[np.ndarray, np.ndarray]:
    """Cut the source to the part the output shows and, when the output is much smaller, shrink
    that part by area averaging first, so the single bilinear warp does not alias."""
    height, width = image.shape[:2]
    back = np.linalg.inv(to_output)
    corners = back @ np.array([[0, out_w, 0, out_w], [0, 0, out_h, out_h], [1, 1, 1, 1]])
    left = max(0, math.floor(corners[0].min()) - 1)
    top = max(0, math.floor(corners[1].min()) - 1)
    right = min(width, math.ceil(corners[0].max()) + 1)
    bottom = min(height, math.ceil(corners[1].max()) + 1)
    if right <= left or bottom <= top:
        return image, to_output
    region = image[top:bottom, left:right]
    to_output = to_output @ _translate(left, top)
    scale = math.sqrt(abs(np.linalg.det(to_output[:2, :2])))
    if scale >= _AREA_SHRINK_BELOW:
        return region, to_output
    region_h, region_w = region.shape[:2]
    new_w = max(1, round(region_w * scale))
    new_h = max(1, round(region_h * scale))
    shrunk = cv2.resize(region, (new_w, new_h), interpolation=cv2.INTER_AREA)
    return shrunk, to_output @ np.diag([region_w / new_w, region_h / new_h, 1.0])
