"""Detail and effects, applied last, at the output's size: sharpness, clarity, vignette, grain.

Their radii and grain size are fractions of the output's short side, so a recipe looks the same
in a 810-px preview and a 1440-px export: the preview is a faithful small copy of the export,
not a differently sharpened picture. (Sharpening is output sharpening: it is tuned for the
picture as published, which is the one people see.)
"""

from __future__ import annotations

import hashlib
import math
from functools import lru_cache

import cv2
import numpy as np

from editor.recipe import Adjust

__all__ = ["apply_detail", "apply_effects", "grain_seed"]

# Unsharp-mask radius (Gaussian sigma) as a fraction of the short side: 0.9 px at 1080 px.
_SHARPEN_SIGMA = 0.0008
# Sharpness 100 adds 1.2 × the high-pass detail back.
_SHARPEN_AMOUNT = 1.2
# Clarity works on structures about 2 % of the short side across (≈22 px at 1080).
_CLARITY_SIGMA = 0.02
_CLARITY_AMOUNT = 0.6
# The clarity blur runs on a copy shrunk so that its sigma is about this many pixels.
_CLARITY_WORKING_SIGMA = 3.0
# Vignette ±100 darkens the corners to 45 % or lightens them 55 % of the way to white.
_VIGNETTE_STRENGTH = 0.55
# Grain ±100: standard deviation of the luminance noise in 8-bit levels; its cell size is
# 0.15 % of the short side (≈1.6 px at 1080).
_GRAIN_LEVELS = 18.0
_GRAIN_CELL = 0.0015


def _short_side(image: np.ndarray) -> int:
    return min(image.shape[:2])


def _sharpen(image: np.ndarray, amount: float) -> np.ndarray:
    """Unsharp mask: image + k·(image − blur), k = 1.2 at sharpness 100."""
    sigma = max(0.3, _SHARPEN_SIGMA * _short_side(image))
    blurred = cv2.GaussianBlur(image, (0, 0), sigma)
    k = _SHARPEN_AMOUNT * amount / 100
    return cv2.addWeighted(image, 1 + k, blurred, -k, 0)


def _clarity(image: np.ndarray, amount: float) -> np.ndarray:
    """Local contrast: the same unsharp mask with a wide radius. +100 adds 0.6 × the
    difference from a 2 %-of-short-side blur (punchier structure); −100 blends 60 % of the way
    to that blur (the soft, glowy look). The blur runs on a shrunk copy: a wide Gaussian is
    smooth enough that upsampling it back loses nothing visible, and it is ~50× cheaper."""
    height, width = image.shape[:2]
    sigma = _CLARITY_SIGMA * min(height, width)
    factor = max(1.0, sigma / _CLARITY_WORKING_SIGMA)
    small_size = (max(1, round(width / factor)), max(1, round(height / factor)))
    small = cv2.resize(image, small_size, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), sigma / factor)
    blurred = cv2.resize(small, (width, height), interpolation=cv2.INTER_LINEAR)
    k = _CLARITY_AMOUNT * amount / 100
    return cv2.addWeighted(image, 1 + k, blurred, -k, 0)


def apply_detail(image: np.ndarray, adjust: Adjust) -> np.ndarray:
    """Sharpness then clarity on an H×W×3 uint8 image (the input itself if both are 0)."""
    if adjust.sharpness:
        image = _sharpen(image, adjust.sharpness)
    if adjust.clarity:
        image = _clarity(image, adjust.clarity)
    return image


@lru_cache(maxsize=8)
def _vignette_falloff(width: int, height: int) -> np.ndarray:
    """0 in the middle, rising smoothly to 1 in the corners: a smoothstep of the distance from
    the centre (normalised so the corners are at 1) between 0.3 and 1."""
    xs = (np.arange(width, dtype=np.float32) + 0.5) / width * 2 - 1
    ys = (np.arange(height, dtype=np.float32) + 0.5) / height * 2 - 1
    distance = np.sqrt((xs[None, :] ** 2 + ys[:, None] ** 2) / 2)
    t = np.clip((distance - 0.3) / 0.7, 0.0, 1.0)
    falloff = t * t * (3 - 2 * t)
    falloff.flags.writeable = False
    return falloff


@lru_cache(maxsize=4)
def _solid(width: int, height: int, level: int) -> np.ndarray:
    solid = np.full((height, width, 3), level, dtype=np.uint8)
    solid.flags.writeable = False
    return solid


def _vignette(image: np.ndarray, amount: float) -> np.ndarray:
    """Negative darkens the corners (blend towards black), positive lightens them (blend
    towards white), by up to 55 % at ±100, shaped by the frame so it follows any crop."""
    height, width = image.shape[:2]
    weight = _vignette_falloff(width, height) * np.float32(_VIGNETTE_STRENGTH * abs(amount) / 100)
    target = _solid(width, height, 0 if amount < 0 else 255)
    return cv2.blendLinear(image, target, 1 - weight, weight)


def grain_seed(amount: float, size: tuple[int, int]) -> int:
    """A seed from the grain amount and the output size: the same recipe at the same size always
    gets the same grain, so exporting twice gives the same file, and moving another slider does
    not make the grain dance in the preview."""
    text = repr((amount, size)).encode()
    return int.from_bytes(hashlib.sha256(text).digest()[:8], "big")


@lru_cache(maxsize=2)
def _grain_field(amount: float, width: int, height: int) -> np.ndarray:
    """Gaussian noise in cells 0.15 % of the short side across, scaled to the amount (up to 18
    levels standard deviation at 100)."""
    cell = max(1.0, _GRAIN_CELL * min(height, width))
    cells = (max(1, math.ceil(width / cell)), max(1, math.ceil(height / cell)))
    rng = np.random.default_rng(grain_seed(amount, (width, height)))
    noise: np.ndarray = rng.standard_normal((cells[1], cells[0]), dtype=np.float32)
    if cells != (width, height):
        noise = cv2.resize(noise, (width, height), interpolation=cv2.INTER_LINEAR)
    noise *= np.float32(_GRAIN_LEVELS * amount / 100)
    noise.flags.writeable = False
    return noise


def _grain(image: np.ndarray, amount: float) -> np.ndarray:
    """Film-like luminance grain, strongest in the midtones (weight 4·l·(1 − l))."""
    height, width = image.shape[:2]
    luma = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY).astype(np.float32) * np.float32(1 / 255)
    noise = _grain_field(amount, width, height) * (4 * luma * (1 - luma))
    grain = cv2.merge([noise, noise, noise])
    return cv2.add(image, grain, dtype=cv2.CV_8U)


def apply_effects(image: np.ndarray, adjust: Adjust) -> np.ndarray:
    """Vignette then grain on an H×W×3 uint8 image (the input itself if both are 0)."""
    if adjust.vignette:
        image = _vignette(image, adjust.vignette)
    if adjust.grain:
        image = _grain(image, adjust.grain)
    return image
