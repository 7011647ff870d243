"""What the benchmarks share: the benchmark recipe, a 12-megapixel test photo, the timer, and
the pieces of the hand-fused OpenCV/numpy reference."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

import resources
from editor.looks import load_builtin
from editor.recipe import Adjust, Interpolation, Recipe

PHOTO_SIZE = (4000, 3000)  # 12 MP, 4:3 as phones shoot


def benchmark_recipe() -> Recipe:
    """The typical recipe of issue 3, as shipped in ``resources/recipes/benchmark.json``."""
    text = resources.path("recipes", "benchmark.json").read_text(encoding="utf-8")
    return Recipe.from_dict(json.loads(text))


def photo_pixels(width: int, height: int, seed: int = 12) -> np.ndarray:
    """A photo-like picture: smooth colour fields, fine texture and some hard edges (so the
    JPEG codec, the resampling and the sharpening have realistic work)."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(20, 236, (9, 12, 3), dtype=np.uint8)
    base = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC).astype(np.float32)
    small = rng.normal(0, 18, (height // 4, width // 4, 3)).astype(np.float32)
    texture = cv2.resize(small, (width, height), interpolation=cv2.INTER_LINEAR)
    pixels = base + texture
    for _ in range(40):
        x, y = rng.integers(0, width - 200), rng.integers(0, height - 200)
        w, h = rng.integers(20, 200, size=2)
        pixels[y : y + h, x : x + w] = rng.integers(0, 256, 3)
    return np.clip(pixels, 0, 255).astype(np.uint8)


def photo_jpeg(folder: Path) -> Path:
    """Write the 12 MP test photo as a quality-92 JPEG (as a phone would) and return its path."""
    path = folder / "photo-12mp.jpg"
    if not path.exists():
        Image.fromarray(photo_pixels(*PHOTO_SIZE)).save(path, quality=92)
    return path


def median_ms(function: Callable[[], object], repeats: int, warmup: int = 2) -> float:
    """Median wall time of `function` in milliseconds."""
    for _ in range(warmup):
        function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def interleaved_medians(
    functions: dict[str, Callable[[], object]], repeats: int, warmup: int = 2
) -> dict[str, float]:
    """Median times of several functions measured in turns, so that a busy moment of the
    machine hits all of them alike."""
    for function in functions.values():
        for _ in range(warmup):
            function()
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeats):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def report(title: str, ours: str, medians: dict[str, float]) -> None:
    """Print every median and its ratio to ours."""
    print(f"\n{title}")
    for name, value in medians.items():
        ratio = medians[ours] / value
        print(f"  {name:<44} {value:8.1f} ms   ours / this = {ratio:5.2f}")


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return float("inf") if mse == 0 else 10 * np.log10(255**2 / mse)


# --- the hand-fused OpenCV/numpy reference ---------------------------------------------------


def crop_box(recipe: Recipe, width: int, height: int) -> tuple[int, int, int, int]:
    """The recipe's crop in whole pixels (the benchmark recipe has no turn or straighten)."""
    crop = recipe.geometry.crop
    left, top = round(crop.x * width), round(crop.y * height)
    return left, top, left + round(crop.w * width), top + round(crop.h * height)


@lru_cache(maxsize=2)
def look_image(look_id: str, method: Interpolation) -> np.ndarray:
    """The look's table sampled at 33 × 33 red/green nodes and all 256 blue levels, laid out
    for one cv2.remap (set-up, done once per look)."""
    nodes = np.linspace(0, 1, 33, dtype=np.float32)
    blue = np.arange(256, dtype=np.float32) / 255
    g, b, r = np.meshgrid(nodes, blue, nodes, indexing="ij")
    points = np.stack([r.ravel(), g.ravel(), b.ravel()], axis=1)
    values = load_builtin(look_id).sample(points, method)
    return np.clip(values * 255 + 0.5, 0, 255).astype(np.uint8).reshape(33, 256 * 33, 3)


def look_maps(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each pixel reads `look_image` (depends on the pixels only)."""
    r, g, b = cv2.split(pixels)
    x = r.astype(np.float32) * (32 / 255) + b.astype(np.float32) * 33
    y = g.astype(np.float32) * (32 / 255)
    return cv2.convertMaps(x, y, cv2.CV_16SC2)


def channel_luts(adjust: Adjust, curve: tuple[tuple[float, float], ...]) -> tuple[np.ndarray, ...]:
    """256-entry tables: exposure and temperature in linear light plus contrast (before the
    saturation), and the tone curve (after it), linearly interpolated between its points."""
    levels = np.arange(256) / 255
    linear = np.where(levels <= 0.04045, levels / 12.92, ((levels + 0.055) / 1.055) ** 2.4)
    warm = 1.3 ** (adjust.temperature / 100)
    gains = np.array([warm, 1.0, 1 / warm])
    gains = gains / (gains @ [0.2126, 0.7152, 0.0722]) * 2**adjust.exposure
    lut = np.clip(linear[:, None] * gains, 0, 1)
    srgb = np.where(lut <= 0.0031308, lut * 12.92, 1.055 * lut ** (1 / 2.4) - 0.055)
    k = adjust.contrast / 100
    srgb = srgb + (srgb * srgb * (3 - 2 * srgb) - srgb) * k
    first = np.clip(srgb * 255 + 0.5, 0, 255).astype(np.uint8).reshape(256, 1, 3)
    xs, ys = zip(*curve, strict=True)
    tone = np.interp(levels, xs, ys)
    second = np.clip(tone * 255 + 0.5, 0, 255).astype(np.uint8)
    return first, second


def saturation_matrix(amount: float) -> np.ndarray:
    """luma + (rgb − luma)·s as one 3×3 matrix, for cv2.transform."""
    s = 1 + amount / 100
    luma = np.array([0.2126, 0.7152, 0.0722], dtype=np.float32)
    return (np.eye(3, dtype=np.float32) * s + (1 - s) * luma[None, :]).astype(np.float32)


@lru_cache(maxsize=4)
def vignette_weights(width: int, height: int, amount: float) -> tuple[np.ndarray, np.ndarray]:
    xs = (np.arange(width, dtype=np.float32) + 0.5) / width * 2 - 1
    ys = (np.arange(height, dtype=np.float32) + 0.5) / height * 2 - 1
    distance = np.sqrt((xs[None, :] ** 2 + ys[:, None] ** 2) / 2)
    t = np.clip((distance - 0.3) / 0.7, 0, 1)
    weight = (t * t * (3 - 2 * t) * 0.55 * abs(amount) / 100).astype(np.float32)
    return 1 - weight, weight


def hand_fused_color(
    pixels: np.ndarray,
    recipe: Recipe,
    maps: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    """The colour part of the recipe by hand: look (remap) blended by strength, channel LUT,
    saturation matrix, tone-curve LUT."""
    look = recipe.filter
    assert look is not None
    table = look_image(look.id, look.interpolation)
    filtered = cv2.remap(table, maps[0], maps[1], cv2.INTER_LINEAR)
    strength = look.strength / 100
    mixed = cv2.addWeighted(filtered, strength, pixels, 1 - strength, 0)
    first, second = channel_luts(recipe.adjust, recipe.curves.rgb)
    toned = cv2.LUT(mixed, first)
    saturated = cv2.transform(toned, saturation_matrix(recipe.adjust.saturation))
    return cv2.LUT(saturated, second)


def hand_fused_detail(pixels: np.ndarray, adjust: Adjust) -> np.ndarray:
    """Unsharp mask and vignette at the given size, radii relative to the short side."""
    sigma = max(0.3, 0.0008 * min(pixels.shape[:2]))
    k = 1.2 * adjust.sharpness / 100
    sharp = cv2.addWeighted(pixels, 1 + k, cv2.GaussianBlur(pixels, (0, 0), sigma), -k, 0)
    height, width = sharp.shape[:2]
    keep, weight = vignette_weights(width, height, adjust.vignette)
    return cv2.blendLinear(sharp, np.zeros_like(sharp), keep, weight)
