"""Detail and effects at output size: sharpness, clarity, vignette, grain."""

from __future__ import annotations

import numpy as np

from editor.detail import apply_detail, apply_effects
from editor.recipe import Adjust


def step_edge(width: int = 200, height: int = 100) -> np.ndarray:
    image = np.full((height, width, 3), 80, dtype=np.uint8)
    image[:, width // 2 :] = 170
    return image


def test_nothing_to_do_returns_the_image_itself() -> None:
    image = step_edge()
    assert apply_detail(image, Adjust(vignette=-50)) is image
    assert apply_effects(image, Adjust(sharpness=50)) is image


def test_sharpness_steepens_an_edge_and_leaves_flat_areas_alone() -> None:
    # The radius is a fraction of the short side (0.9 px at 1080 px), so use an export's size.
    image = step_edge(1440, 1080)
    out = apply_detail(image, Adjust(sharpness=100)).astype(int)
    row = out[500, :, 0]
    assert row[719] < 80 - 5 and row[720] > 170 + 5  # overshoot on both sides of the edge
    assert (row[:710] == 80).all() and (row[730:] == 170).all()


def test_clarity_raises_or_lowers_local_contrast() -> None:
    image = step_edge(400, 200)
    more = apply_detail(image, Adjust(clarity=100)).astype(int)[100, :, 0]
    less = apply_detail(image, Adjust(clarity=-100)).astype(int)[100, :, 0]
    near = slice(185, 215)
    assert np.ptp(more[near]) > np.ptp(image[100, near, 0]) + 20
    assert less[197] > 85 and less[203] < 165  # the edge is softened
    # Far from any structure nothing changes.
    assert more[0] == 80 and less[0] == 80


def test_vignette_darkens_or_lightens_the_corners_only() -> None:
    image = np.full((300, 400, 3), 128, dtype=np.uint8)
    dark = apply_effects(image, Adjust(vignette=-100))
    light = apply_effects(image, Adjust(vignette=100))
    assert (dark[150, 200] == 128).all() and (light[150, 200] == 128).all()
    assert dark[0, 0, 0] < 128 * 0.5 and light[0, 0, 0] > 128 + (255 - 128) * 0.45
    # Symmetric about the centre.
    assert abs(int(dark[0, 0, 0]) - int(dark[-1, -1, 0])) <= 1


def test_grain_is_deterministic_zero_mean_and_scales_with_the_amount() -> None:
    image = np.full((300, 400, 3), 128, dtype=np.uint8)
    light = apply_effects(image, Adjust(grain=20)).astype(float)
    heavy = apply_effects(image, Adjust(grain=100)).astype(float)
    assert np.array_equal(heavy, apply_effects(image, Adjust(grain=100)))
    assert abs(heavy.mean() - 128) < 1
    assert 14 < heavy.std() < 22
    assert light.std() < heavy.std() / 3
    # Luminance grain: the channels move together.
    assert np.array_equal(heavy[..., 0], heavy[..., 2])


def test_grain_spares_black_and_white() -> None:
    image = np.zeros((50, 50, 3), dtype=np.uint8)
    image[:, 25:] = 255
    assert np.array_equal(apply_effects(image, Adjust(grain=100)), image)
