"""The fused colour lookup: each slider's maths, curves, the filter blend, and the lattice's
accuracy against the float definition."""

from __future__ import annotations

import numpy as np
import pytest

from editor.color import ColorRecipe, apply_color, bake, color_transform
from editor.recipe import Adjust, Curves


def solid(rgb: tuple[int, int, int], size: int = 8) -> np.ndarray:
    return np.full((size, size, 3), rgb, dtype=np.uint8)


def colored(rgb: tuple[int, int, int], **sliders: float) -> np.ndarray:
    """The colour `rgb` becomes under the sliders, through the lattice."""
    return apply_color(solid(rgb), ColorRecipe(Adjust(**sliders), Curves()))[0, 0].astype(int)


def to_linear(level: float) -> float:
    v = level / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def to_srgb_level(linear: float) -> float:
    v = 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055
    return 255 * v


def test_no_change_returns_the_image_itself() -> None:
    image = solid((10, 20, 30))
    assert apply_color(image, ColorRecipe(Adjust(sharpness=50), Curves())) is image


def test_exposure_doubles_linear_light_per_stop() -> None:
    expected = to_srgb_level(2 * to_linear(100))
    assert np.allclose(colored((100, 100, 100), exposure=1.0), expected, atol=1.5)
    # −1 EV halves it.
    assert np.allclose(
        colored((200, 200, 200), exposure=-1.0), to_srgb_level(to_linear(200) / 2), atol=1.5
    )


def test_brightness_is_a_midtone_gamma_keeping_black_and_white() -> None:
    assert np.allclose(colored((128, 128, 128), brightness=100), 255 * (128 / 255) ** 0.5, atol=1.5)
    assert np.allclose(colored((128, 128, 128), brightness=-100), 255 * (128 / 255) ** 2, atol=1.5)
    assert colored((0, 0, 0), brightness=100).tolist() == [0, 0, 0]
    assert colored((255, 255, 255), brightness=-100).tolist() == [255, 255, 255]


def test_contrast_is_an_s_curve_around_mid_grey() -> None:
    x = 64 / 255
    assert np.allclose(colored((64, 64, 64), contrast=100), 255 * x * x * (3 - 2 * x), atol=1.5)
    assert np.allclose(colored((128, 128, 128), contrast=100), 128, atol=1)
    # −100 halves contrast: black becomes a quarter grey.
    assert np.allclose(colored((0, 0, 0), contrast=-100), 255 * 0.25, atol=1)


def test_highlights_and_shadows_act_on_their_own_tones() -> None:
    dark, bright = (50, 50, 50), (200, 200, 200)
    assert (colored(dark, shadows=100) - np.array(dark)).min() >= 20
    assert abs(colored(bright, shadows=100) - np.array(bright)).max() <= 16
    assert (np.array(bright) - colored(bright, highlights=-100)).min() >= 25
    assert abs(colored(dark, highlights=-100) - np.array(dark)).max() <= 8
    # Black and white stay put.
    assert colored((0, 0, 0), shadows=100).tolist() == [0, 0, 0]
    assert colored((255, 255, 255), highlights=-100).tolist() == [255, 255, 255]


def test_saturation_scales_the_distance_from_grey() -> None:
    grey = colored((200, 100, 50), saturation=-100)
    assert grey.max() - grey.min() <= 1
    luma = 0.2126 * 150 + 0.7152 * 120 + 0.0722 * 90
    doubled = colored((150, 120, 90), saturation=100)
    assert np.allclose(doubled, [luma + 2 * (c - luma) for c in (150, 120, 90)], atol=1.5)


def test_vibrance_lifts_dull_colours_more_than_vivid_ones() -> None:
    def spread(rgb: np.ndarray) -> int:
        return int(rgb.max() - rgb.min())

    dull, vivid = (110, 120, 140), (20, 60, 230)
    dull_gain = spread(colored(dull, vibrance=100)) / spread(np.array(dull))
    vivid_gain = spread(colored(vivid, vibrance=100)) / spread(np.array(vivid))
    assert dull_gain > 1.5
    assert vivid_gain < 1.2


def test_vibrance_spares_skin_tones() -> None:
    skin, sky = (210, 160, 130), (130, 160, 210)  # same spread, mirrored hue
    skin_gain = np.ptp(colored(skin, vibrance=100)) / np.ptp(skin)
    sky_gain = np.ptp(colored(sky, vibrance=100)) / np.ptp(sky)
    assert skin_gain < sky_gain


def test_temperature_and_tint_are_channel_gains() -> None:
    warm = colored((128, 128, 128), temperature=100)
    assert warm[0] > 140 and warm[2] < 115
    cool = colored((128, 128, 128), temperature=-100)
    assert cool[2] > 140 and cool[0] < 118
    magenta = colored((128, 128, 128), tint=100)
    assert magenta[1] < magenta[0] - 10 and magenta[1] < magenta[2] - 10


def test_fade_lifts_blacks_and_softens_whites() -> None:
    assert np.allclose(colored((0, 0, 0), fade=100), 0.15 * 255, atol=1)
    assert np.allclose(colored((255, 255, 255), fade=100), 0.95 * 255, atol=1)


def test_curves_pass_through_their_points_without_overshoot() -> None:
    curve = ((0.0, 0.0), (0.25, 0.15), (0.5, 0.5), (0.75, 0.85), (1.0, 1.0))
    color = ColorRecipe(Adjust(), Curves(rgb=curve))
    points = np.array([[x, x, x] for x, _ in curve], dtype=np.float32)
    assert np.allclose(color_transform(points, color)[:, 0], [y for _, y in curve], atol=1e-3)
    ramp = np.linspace(0, 1, 500, dtype=np.float32)
    out = color_transform(np.stack([ramp] * 3, axis=1), color)[:, 0]
    assert (np.diff(out) >= -1e-6).all()


def test_a_flat_then_steep_curve_stays_monotone() -> None:
    # Points a plain cubic spline would overshoot between.
    curve = ((0.0, 0.0), (0.4, 0.05), (0.5, 0.9), (1.0, 1.0))
    ramp = np.linspace(0, 1, 1000, dtype=np.float32)
    out = color_transform(np.stack([ramp] * 3, axis=1), ColorRecipe(Adjust(), Curves(rgb=curve)))
    assert (np.diff(out[:, 0]) >= -1e-6).all()
    assert out.min() >= 0 and out.max() <= 1


def test_channel_curves_follow_the_rgb_curve() -> None:
    lift = ((0.0, 0.2), (1.0, 1.0))  # 0 → 0.2
    color = ColorRecipe(Adjust(), Curves(rgb=lift, b=((0.0, 0.0), (1.0, 0.5))))
    out = color_transform(np.zeros((1, 3), dtype=np.float32), color)[0]
    assert np.allclose(out, [0.2, 0.2, 0.1], atol=2e-3)


class Invert:
    """A stand-in look that inverts colours (what a .cube table could do)."""

    def sample(self, points: np.ndarray, method: str) -> np.ndarray:
        assert points.shape[1] == 3 and method == "trilinear"
        return 1 - points


@pytest.mark.parametrize(("strength", "expected"), [(0, 51), (50, 127.5), (100, 204)])
def test_the_filter_blends_by_strength(strength: float, expected: float) -> None:
    color = ColorRecipe(Adjust(), Curves(), Invert(), strength, "trilinear")
    out = apply_color(solid((51, 51, 51)), color)
    assert np.allclose(out, expected, atol=1)


def natural_colours() -> np.ndarray:
    rng = np.random.default_rng(7)
    return rng.integers(0, 256, (400, 500, 3), dtype=np.uint8)


def lattice_error(color: ColorRecipe) -> float:
    pixels = natural_colours()
    looked_up = apply_color(pixels, color).astype(np.float32)
    exact = color_transform(pixels.reshape(-1, 3) / np.float32(255), color) * 255
    return float(np.abs(looked_up.reshape(-1, 3) - exact).max())


def test_lattice_matches_the_float_definition_on_a_smooth_recipe() -> None:
    color = ColorRecipe(
        Adjust(exposure=0.4, contrast=20, temperature=15, tint=-5, brightness=10, fade=10),
        Curves(rgb=((0.0, 0.0), (0.25, 0.22), (0.75, 0.8), (1.0, 1.0))),
    )
    assert lattice_error(color) <= 1.5


def test_lattice_stays_close_with_every_colour_slider() -> None:
    # Clipping and the vibrance weight have kinks between lattice points; still a few levels.
    color = ColorRecipe(
        Adjust(exposure=0.3, contrast=20, saturation=15, vibrance=20, highlights=-30, shadows=25),
        Curves(),
    )
    assert lattice_error(color) <= 8


def test_bake_layout_is_red_plus_33_times_blue_by_green() -> None:
    lattice = bake(ColorRecipe(Adjust(), Curves(), Invert(), 100, "trilinear"))
    assert lattice.shape == (33, 33 * 256, 3)
    # Green index 8 is 0.25, red index 16 is 0.5, blue level 255: inverted.
    assert np.allclose(lattice[8, 16 + 33 * 255], [127.5, 191.25, 0], atol=1)
