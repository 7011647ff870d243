"""Geometry: turns, flips, straighten with its automatic crop, crop and scale in one warp."""

from __future__ import annotations

import math

import numpy as np
import pytest

from editor.geometry import frame_of, geometry_size, warp
from editor.recipe import Crop, Geometry


def numbered(width: int = 6, height: int = 4) -> np.ndarray:
    """A tiny image whose every pixel is different, to follow where each one goes."""
    values = np.arange(width * height * 3, dtype=np.uint8).reshape(height, width, 3)
    return values


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
@pytest.mark.parametrize("flip_h", [False, True])
@pytest.mark.parametrize("flip_v", [False, True])
def test_turns_and_flips_move_pixels_exactly(turns: int, flip_h: bool, flip_v: bool) -> None:
    image = numbered()
    expected = np.rot90(image, -turns)  # np.rot90 turns counter-clockwise for positive k
    if flip_h:
        expected = expected[:, ::-1]
    if flip_v:
        expected = expected[::-1]
    geometry = Geometry(quarter_turns=turns, flip_h=flip_h, flip_v=flip_v)
    assert np.array_equal(warp(image, geometry, None), expected)


def test_a_clockwise_turn_puts_the_top_left_pixel_top_right() -> None:
    image = numbered()
    out = warp(image, Geometry(quarter_turns=1), None)
    assert out.shape == (6, 4, 3)
    assert np.array_equal(out[0, -1], image[0, 0])
    assert np.array_equal(out[-1, -1], image[0, -1])


def test_crop_takes_the_fractions_of_the_frame() -> None:
    image = numbered(8, 4)
    out = warp(image, Geometry(crop=Crop(0.25, 0.5, 0.5, 0.5)), None)
    assert np.array_equal(out, image[2:4, 2:6])


def test_crop_applies_after_the_turn() -> None:
    image = numbered(8, 4)
    # After a clockwise turn the frame is 4 wide and 8 tall; its top half is the original's
    # left half, turned.
    out = warp(image, Geometry(quarter_turns=1, crop=Crop(0.0, 0.0, 1.0, 0.5)), None)
    assert np.array_equal(out, np.rot90(image[:, :4], -1))


def test_identity_geometry_returns_the_input_itself() -> None:
    image = numbered()
    assert warp(image, Geometry(), None) is image


def straightened_corners_in_source(width: int, height: int, degrees: float) -> np.ndarray:
    frame = frame_of(Geometry(straighten=degrees), width, height)
    w, h = frame.size
    corners = np.array([[0, w, 0, w], [0, 0, h, h], [1, 1, 1, 1]], dtype=float)
    return (np.linalg.inv(frame.matrix) @ corners)[:2]


@pytest.mark.parametrize("degrees", [-45.0, -10.0, 3.0, 30.0])
@pytest.mark.parametrize(("width", "height"), [(4000, 3000), (3000, 4000), (1000, 1000)])
def test_straighten_keeps_the_largest_rectangle_without_empty_corners(
    width: int, height: int, degrees: float
) -> None:
    xs, ys = straightened_corners_in_source(width, height, degrees)
    eps = 1e-6 * max(width, height)
    # Every corner of the kept frame lies on the picture: no empty (filled-in) corners …
    assert (xs >= -eps).all() and (xs <= width + eps).all()
    assert (ys >= -eps).all() and (ys <= height + eps).all()
    # … and the frame is as large as it can be: some corner touches an edge.
    touches = np.minimum.reduce([xs, width - xs, ys, height - ys])
    assert np.isclose(touches.min(), 0.0, atol=eps)


def test_straighten_keeps_the_aspect_ratio_and_shrinks_by_the_formula() -> None:
    angle = math.radians(10)
    scale = min(
        4000 / (4000 * math.cos(angle) + 3000 * math.sin(angle)),
        3000 / (4000 * math.sin(angle) + 3000 * math.cos(angle)),
    )
    assert geometry_size(Geometry(straighten=10), 4000, 3000) == (
        round(4000 * scale),
        round(3000 * scale),
    )


def test_positive_straighten_turns_clockwise() -> None:
    image = np.zeros((201, 201, 3), dtype=np.uint8)
    image[95:106, 170:181] = 255  # a white square right of the centre
    out = warp(image, Geometry(straighten=30), (201, 201))
    ys, xs = np.nonzero(out[..., 0] > 128)
    # Turning clockwise moves a point right of the centre downwards (y grows downwards).
    assert ys.mean() > 100 + 20
    assert xs.mean() > 100


def test_scaling_down_averages_instead_of_aliasing() -> None:
    # A one-pixel checkerboard: a bilinear warp at 1/4 scale would pick black or white
    # pixels; area averaging gives an even grey.
    checker = ((np.indices((400, 400)).sum(axis=0) % 2) * 255).astype(np.uint8)
    image = np.repeat(checker[..., None], 3, axis=2)
    out = warp(image, Geometry(crop=Crop(0.1, 0.1, 0.8, 0.8)), (80, 80))
    assert out.shape == (80, 80, 3)
    assert abs(float(out.mean()) - 127.5) < 2
    assert out.std() < 3


def test_scaling_keeps_the_picture_in_place() -> None:
    image = np.zeros((100, 200, 3), dtype=np.uint8)
    image[:, 100:] = 255  # right half white
    out = warp(image, Geometry(), (50, 25))
    assert out[:, :24].max() == 0
    assert out[:, 26:].min() == 255
