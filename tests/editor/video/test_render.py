"""One video frame rendered: reframe (crop window placed and zoomed, fit over a blurred
background, as shot), the photo engine's look, and overlays within their time span."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from editor.layers import Box, TextLayer
from editor.recipe import Adjust, FilterLook, Recipe
from editor.render import render
from editor.video.edit import Frame, Overlay, VideoEdit
from editor.video.render import FrameRenderer, as_shot_size, pan_frame


def gradient(width: int, height: int) -> np.ndarray:
    """Red rises from 0 at the left edge to 255 at the right, green from top to bottom."""
    picture = np.zeros((height, width, 3), np.uint8)
    picture[..., 0] = np.linspace(0, 255, width).round().astype(np.uint8)[None, :]
    picture[..., 1] = np.linspace(0, 255, height).round().astype(np.uint8)[:, None]
    picture[..., 2] = 90
    return picture


def scene(width: int, height: int, seed: int = 1) -> np.ndarray:
    """Smooth random colour fields with some fine texture."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, 256, (6, 4, 3), dtype=np.uint8)
    smooth = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC)
    return cv2.add(smooth, rng.integers(0, 24, (height, width, 3), dtype=np.uint8))


def framed(frame: Frame | None, picture: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    height, width = picture.shape[:2]
    renderer = FrameRenderer(VideoEdit(frame=frame), (width, height), size=size)
    return renderer.render(picture, 0.0)


def title(text: str = "Weekend 周末") -> TextLayer:
    return TextLayer(text=text, size=0.08, y=0.3, box=Box(color="#FF2442"))


@pytest.mark.parametrize(
    ("frame", "source", "size"),
    [
        (Frame("9:16"), (1920, 1080), (1080, 1920)),
        (Frame("3:4", mode="fit"), (1920, 1080), (1080, 1440)),
        (Frame("1:1"), (360, 640), (1080, 1080)),
        (None, (360, 640), (1080, 1920)),
        (None, (1920, 1080), (1920, 1080)),
        (None, (1000, 1000), (1080, 1080)),
        (None, (1080, 1440), (1080, 1440)),
    ],
)
def test_output_size_is_the_platform_size(
    frame: Frame | None, source: tuple[int, int], size: tuple[int, int]
) -> None:
    renderer = FrameRenderer(VideoEdit(frame=frame), source)
    assert renderer.size == size
    picture = gradient(source[0] // 8, source[1] // 8)  # any scale of the source renders
    assert renderer.render(picture, 0.0).shape == (size[1], size[0], 3)


def test_as_shot_size_is_the_nearest_platform_shape() -> None:
    assert as_shot_size(720, 1280) == (1080, 1920)
    assert as_shot_size(1200, 1500) == (1080, 1440)  # 4:5 is nearer 3:4 than 1:1
    assert as_shot_size(3840, 2160) == (1920, 1080)


def test_a_preview_size_renders_the_same_frame_smaller() -> None:
    picture = gradient(640, 360)
    edit = VideoEdit(frame=Frame("9:16", x=0.2))
    full = FrameRenderer(edit, (640, 360)).render(picture, 0.0)
    small = FrameRenderer(edit, (640, 360), size=(270, 480)).render(picture, 0.0)
    assert small.shape == (480, 270, 3)
    assert abs(float(small[..., 0].mean()) - float(full[..., 0].mean())) < 1.5


def test_crop_x_moves_the_window_across_the_picture() -> None:
    picture = gradient(400, 200)  # 2:1: a square window has 200 px of room
    left = framed(Frame("1:1", x=0.0), picture, (100, 100))
    right = framed(Frame("1:1", x=1.0), picture, (100, 100))
    middle = framed(Frame("1:1", x=0.5), picture, (100, 100))
    assert left[:, 0, 0].max() <= 2  # the picture's left edge
    assert 120 <= left[:, -1, 0].mean() <= 130  # its middle
    assert 124 <= right[:, 0, 0].mean() <= 134
    assert right[:, -1, 0].min() >= 253  # its right edge
    assert 60 <= middle[:, 0, 0].mean() <= 70
    # Across the whole height: nothing is cut off vertically.
    assert left[0, :, 1].max() <= 3 and left[-1, :, 1].min() >= 252


def test_crop_y_moves_the_window_down_a_tall_picture() -> None:
    picture = gradient(200, 400)
    top = framed(Frame("1:1", y=0.0), picture, (100, 100))
    bottom = framed(Frame("1:1", y=1.0), picture, (100, 100))
    assert top[0, :, 1].max() <= 2 and 120 <= top[-1, :, 1].mean() <= 130
    assert bottom[-1, :, 1].min() >= 253


def test_zoom_shrinks_the_window_around_its_place() -> None:
    picture = gradient(400, 200)
    zoomed = framed(Frame("1:1", zoom=2.0), picture, (100, 100))
    # A 100 px window in the middle of the 400 px width: columns 150…249.
    assert 92 <= zoomed[:, 0, 0].mean() <= 100
    assert 155 <= zoomed[:, -1, 0].mean() <= 163
    # Rows 50…149 of 200.
    assert 62 <= zoomed[0, :, 1].mean() <= 68 and 188 <= zoomed[-1, :, 1].mean() <= 194


def test_fit_shows_the_whole_picture_over_a_blurred_darker_fill() -> None:
    picture = gradient(400, 200)
    picture[:, 190:210] = 255  # a sharp white bar in the middle
    out = framed(Frame("1:1", mode="fit"), picture, (100, 100)).astype(np.int32)
    band = out[25:75]  # the picture, 100×50, in the middle
    assert band[25, 0, 0] <= 3 and band[25, 40, 0] >= 95 and band[25, 99, 0] >= 252
    background = out[:20]
    # The fill is the square middle of the picture (columns 100…299), blurred and darkened:
    # no hard bar, and darker than the same part of the picture.
    assert np.abs(np.diff(background[10, :, 1])).max() <= 30  # the bar's edge is a 234 jump
    assert background[..., 2].max() < 160
    middle = picture[:, 100:300].astype(np.int32)
    assert background[..., 0].mean() < 0.9 * middle[..., 0].mean()
    assert background[..., 0].mean() > 0.6 * middle[..., 0].mean()


def test_a_picture_in_the_output_shape_fits_without_a_background() -> None:
    picture = gradient(90, 160)
    fit = framed(Frame("9:16", mode="fit"), picture, (90, 160))
    assert np.array_equal(fit, picture)


def test_decode_side_reduces_only_a_much_larger_source() -> None:
    fit = FrameRenderer(VideoEdit(frame=Frame("9:16", mode="fit")), (3840, 2160))
    side = fit.decode_side(3840, 2160)  # the picture is 1080×608 in the output
    assert side is not None and 1080 <= side <= 1081
    crop = FrameRenderer(VideoEdit(frame=Frame("9:16")), (3840, 2160))
    assert crop.decode_side(3840, 2160) is None  # the window needs 89 % of the pixels
    as_shot = FrameRenderer(VideoEdit(), (3840, 2160))
    assert as_shot.decode_side(3840, 2160) == 1920


LOOKS = [
    Recipe(filter=FilterLook("builtin:cream"), adjust=Adjust(temperature=40)),
    Recipe(adjust=Adjust(exposure=0.3, saturation=-20, sharpness=40, vignette=-30)),
]


@pytest.mark.parametrize("look", LOOKS)
def test_the_look_colours_a_frame_as_the_photo_renderer_does(look: Recipe) -> None:
    picture = scene(108, 192)
    ours = FrameRenderer(VideoEdit(look=look), (108, 192), size=(108, 192)).render(picture, 0.0)
    photo = render(picture, look, size=(108, 192))
    assert np.abs(ours.astype(np.int32) - photo).max() <= 1


def test_a_warm_filter_warms_every_frame_alike() -> None:
    warm = Recipe(filter=FilterLook("builtin:cream"), adjust=Adjust(temperature=60))
    renderer = FrameRenderer(VideoEdit(look=warm), (108, 192), size=(108, 192))
    for seed in (1, 2):
        picture = scene(108, 192, seed=seed)
        out = renderer.render(picture, 0.0).astype(np.float64)
        shift = out.mean(axis=(0, 1)) - picture.mean(axis=(0, 1))
        assert shift[0] - shift[2] > 10  # red up against blue
        assert np.abs(out - render(picture, warm, size=(108, 192))).max() <= 1


def test_overlays_show_only_within_their_time_span() -> None:
    picture = scene(108, 192)
    edit = VideoEdit(overlays=(Overlay(1.0, 2.0, title()),))
    renderer = FrameRenderer(edit, (108, 192), size=(108, 192))
    plain = picture
    assert np.array_equal(renderer.render(picture, 0.99), plain)
    shown = renderer.render(picture, 1.0)
    assert not np.array_equal(shown, plain)
    assert np.array_equal(renderer.render(picture, 2.0), plain)  # the end is excluded
    # Drawn as the photo renderer draws the same layer.
    photo = render(picture, Recipe(layers=(title(),)), size=(108, 192))
    assert np.abs(shown.astype(np.int32) - photo).max() <= 2


def test_overlay_text_is_rasterised_once_and_the_source_frame_is_left_alone() -> None:
    edit = VideoEdit(overlays=(Overlay(0.0, 5.0, title()), Overlay(2.0, 5.0, title("Two"))))
    renderer = FrameRenderer(edit, (108, 192), size=(108, 192))
    picture = scene(108, 192)
    before = picture.copy()
    renderer.render(picture, 0.0)
    made = renderer._layers.rasterised
    for index in range(1, 30):
        renderer.render(picture, index / 30)
    assert renderer._layers.rasterised == made
    renderer.render(picture, 2.0)  # the second title joins: only it is rasterised
    assert renderer._layers.rasterised > made
    assert np.array_equal(picture, before)


def test_dragging_the_picture_moves_the_crop_window_the_other_way_and_stops_at_the_edges():
    wide = (1920, 1080)  # a 3:4 window is 810 px wide: 1110 px of room
    frame = Frame(aspect="3:4", x=0.5)
    moved = pan_frame(frame, wide, 0.5, 0.0)  # half the output to the right
    assert moved.x == pytest.approx(0.5 - 0.5 * 810 / 1110, abs=1e-3)
    assert moved.y == frame.y  # no room up or down: the window spans the height
    assert pan_frame(frame, wide, 5.0, 0.0).x == 0.0
    assert pan_frame(frame, wide, -5.0, 0.0).x == 1.0
