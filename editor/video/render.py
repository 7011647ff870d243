"""Rendering one video frame: reframe, the look, and the overlays shown at its time.

A `FrameRenderer` is made once per edit and output size and then renders every frame of a
preview or an export, so whatever does not change from frame to frame is done once: the crop
window or fit layout of each picture size it meets, the look's colour lattice (baked at the
first frame), the rasterised text and stickers (kept in a `LayerCache`), and the buffers the
per-frame colour lookup writes into (a fresh allocation of a full-size buffer costs about as
much as the lookup that fills it, in page faults).

Stages, in the photo renderer's order:

- reframe: ``crop`` takes the largest window of the output's shape inside the upright picture,
  shrunk by `zoom` and placed by `x`/`y` across the room left, and resizes it to the output
  (area averaging when shrinking, bilinear when enlarging); ``fit`` scales the whole picture
  into the output over a copy of it that fills the output, heavily blurred and darkened. An
  edit without a frame keeps the picture as shot: the platform shape nearest the source's,
  centre-cropped.
- look: the photo engine's colour chain (`editor.color`), then its detail and effects when the
  look uses them.
- overlays: `VideoEdit.overlays_at(t)`, brand roles resolved to the default style, as the
  photo renderer draws its layers.

Pictures may come at any scale (the preview decodes small; the export decodes a large source
at the size the output needs, see `FrameRenderer.decode_side`): the reframe is worked out in
fractions of each picture size met.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cached_property

import cv2
import numpy as np

from editor.brand import drawn_layers
from editor.color import ColorMaps, MapBuffers, bake
from editor.detail import apply_detail, apply_effects
from editor.layers import Layer
from editor.overlay import LayerCache, composite_layers
from editor.render import LookResolver, builtin_resolver, color_recipe
from editor.stickers import StickerResolver
from editor.stickers import load_builtin as builtin_stickers
from editor.video.edit import OUTPUT_SIZES, Frame, VideoEdit

__all__ = ["AS_SHOT_SIZES", "FrameRenderer", "as_shot_size", "output_size", "pan_frame"]

AS_SHOT_SIZES: tuple[tuple[int, int], ...] = (*OUTPUT_SIZES.values(), (1920, 1080))
"""The platform's video shapes at their export sizes: the reframe shapes and 16:9 landscape,
which a video kept as shot may also have."""

_CENTRED = Frame(mode="crop")
"""How a video kept as shot fills its shape."""
_BLUR_SHRINK = 8
"""The fit background is blurred at 1/8 of the output size: a blur that wide has no detail to
lose there, and it costs a 64th."""
_BLUR_SIGMA = 0.04
"""The background blur's sigma as a fraction of the output's short side (43 px at 1080)."""
_BACKGROUND_LEVEL = 0.8
"""The background is darkened to 80 %, so that the picture in front stands out."""
_REDUCE_BELOW = 0.75
"""A source is decoded smaller when the output needs less than this share of its pixels
across; nearer 1, scaling while converting from YUV saves nothing."""


def as_shot_size(width: int, height: int) -> tuple[int, int]:
    """The platform size whose shape is nearest a `width`×`height` picture's (nearest in the
    log of the ratio, so 4:3 is as near 1:1 as it is 16:9; the first listed wins a tie)."""
    ratio = math.log(width / height)
    return min(AS_SHOT_SIZES, key=lambda size: abs(math.log(size[0] / size[1]) - ratio))


def output_size(edit: VideoEdit, first_size: tuple[int, int]) -> tuple[int, int]:
    """The export's size: the frame's, or — kept as shot — the platform size nearest the shape
    of the first clip's picture (`first_size`, upright), whatever the other clips' shapes."""
    return edit.frame.size if edit.frame is not None else as_shot_size(*first_size)


@dataclass(frozen=True)
class _Box:
    """A rectangle in whole pixels."""

    left: int
    top: int
    width: int
    height: int

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height

    def of(self, picture: np.ndarray) -> np.ndarray:
        """The part of `picture` inside the box (a view)."""
        return picture[self.top : self.top + self.height, self.left : self.left + self.width]


@dataclass(frozen=True)
class _Layout:
    """Where a picture of one size goes in the output: `shown` is the part of it resized into
    `place`; for fit, `fill` is the part that fills the background."""

    shown: _Box
    place: _Box
    fill: _Box | None = None


def _window(width: int, height: int, size: tuple[int, int], frame: Frame) -> _Box:
    """The crop window of `frame` in a width×height picture for an output of `size`: the
    largest of the output's shape, shrunk by the zoom, placed by x and y."""
    aspect = size[0] / size[1]
    if width / height > aspect:
        w, h = height * aspect, float(height)
    else:
        w, h = float(width), width / aspect
    w_px = min(width, max(1, round(w / frame.zoom)))
    h_px = min(height, max(1, round(h / frame.zoom)))
    return _Box(round(frame.x * (width - w_px)), round(frame.y * (height - h_px)), w_px, h_px)


def pan_frame(frame: Frame, source_size: tuple[int, int], dx: float, dy: float) -> Frame:
    """`frame` after the picture is dragged by (`dx`, `dy`) fractions of the output: the crop
    window moves the other way, by as many source pixels as the drag covers, and stops at the
    picture's edges. A direction with no room to move (the window spans the picture) keeps
    its place."""
    width, height = source_size
    window = _window(width, height, frame.size, replace(frame, x=0.0, y=0.0))
    room_x, room_y = width - window.width, height - window.height
    x = frame.x - dx * window.width / room_x if room_x > 0 else frame.x
    y = frame.y - dy * window.height / room_y if room_y > 0 else frame.y
    return replace(frame, x=min(max(x, 0.0), 1.0), y=min(max(y, 0.0), 1.0))


def _layout(width: int, height: int, size: tuple[int, int], frame: Frame) -> _Layout:
    out_w, out_h = size
    whole_output = _Box(0, 0, out_w, out_h)
    if frame.mode == "crop":
        return _Layout(_window(width, height, size, frame), whole_output)
    scale = min(out_w / width, out_h / height)
    fit_w = min(out_w, max(1, round(width * scale)))
    fit_h = min(out_h, max(1, round(height * scale)))
    whole = _Box(0, 0, width, height)
    if (fit_w, fit_h) == size:
        return _Layout(whole, whole_output)
    place = _Box((out_w - fit_w) // 2, (out_h - fit_h) // 2, fit_w, fit_h)
    return _Layout(whole, place, _window(width, height, size, _CENTRED))


def _resize(
    picture: np.ndarray, size: tuple[int, int], out: np.ndarray | None = None
) -> np.ndarray:
    """`picture` at `size` (into `out` if given): area averaging when shrinking, bilinear
    when enlarging. Without `out`, a picture already at `size` is returned as it is."""
    height, width = picture.shape[:2]
    if (width, height) == size:
        if out is None:
            return picture
        out[...] = picture
        return out
    shrinking = width >= size[0] and height >= size[1]
    method = cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR
    return cv2.resize(picture, size, dst=out, interpolation=method)


@dataclass(frozen=True)
class _Overlay:
    """Layers drawn onto a transparent canvas (`composite_layers` draws premultiplied RGBA),
    kept as what a frame is blended with: the box they cover, their premultiplied colour and
    the share of the picture they leave, both 8-bit, so that drawing them on a frame is two
    saturating 8-bit passes over that box."""

    box: _Box
    color: np.ndarray
    keep: np.ndarray

    @classmethod
    def of(cls, canvas: np.ndarray) -> _Overlay | None:
        """The overlay of a premultiplied RGBA float canvas; None when it is all clear."""
        box = _Box(*cv2.boundingRect((canvas[..., 3] > 0).view(np.uint8)))
        if box.width == 0 or box.height == 0:
            return None
        region = box.of(canvas)
        color = np.clip(region[..., :3] * 255 + 0.5, 0, 255).astype(np.uint8)
        keep = np.clip((1 - region[..., 3:]) * 255 + 0.5, 0, 255).astype(np.uint8)
        return cls(box, color, np.ascontiguousarray(np.repeat(keep, 3, axis=2)))

    def draw_on(self, picture: np.ndarray) -> None:
        """Blend the layers into an RGB uint8 picture of the canvas's size, in place."""
        region = self.box.of(picture)
        cv2.multiply(region, self.keep, dst=region, scale=1 / 255)
        cv2.add(region, self.color, dst=region)


class FrameRenderer:
    """Renders the frames of one video edit at one output size.

    Cheap to create (nothing is resolved until the first frame). Use it from one thread at a
    time: it keeps buffers and caches between frames.
    """

    def __init__(
        self,
        edit: VideoEdit,
        source_size: tuple[int, int],
        *,
        size: tuple[int, int] | None = None,
        looks: LookResolver = builtin_resolver,
        stickers: StickerResolver = builtin_stickers,
    ) -> None:
        """Args:
        edit: The video edit.
        source_size: The (first) source's upright (width, height): the shape a video kept as
            shot keeps.
        size: The output (width, height); None is the edit's frame size, or for an edit
            without a frame the platform size nearest the source's shape. A preview passes a
            smaller size of that shape.
        looks: Resolves the look's filter id (once, at the first frame).
        stickers: Resolves sticker overlays' ids (once each).
        """
        if size is None:
            size = output_size(edit, source_size)
        self.size = size
        self._edit = edit
        self._frame = edit.frame if edit.frame is not None else _CENTRED
        self._looks = looks
        self._stickers = stickers
        self._layouts: dict[tuple[int, int], _Layout] = {}
        self._buffers: MapBuffers | None = None
        self._layers = LayerCache()
        self._last_overlay: tuple[tuple[Layer, ...], _Overlay | None] | None = None
        """The layers shown at the last frame with any, and their overlay."""

    def decode_side(self, width: int, height: int) -> int | None:
        """The longest side to decode a `width`×`height` upright source at, when it is much
        larger than the output needs (so that YUV conversion and reframing work on fewer
        pixels); None to decode it at its own size."""
        layout = self._layout(width, height)
        scale = max(
            layout.place.width / layout.shown.width, layout.place.height / layout.shown.height
        )
        if scale >= _REDUCE_BELOW:
            return None
        return max(1, round(max(width, height) * scale))

    def render(self, picture: np.ndarray, t: float) -> np.ndarray:
        """Render one frame.

        Args:
            picture: The upright source frame, H×W×3 uint8 RGB, at any scale.
            t: Its time on the output timeline, in seconds (for the overlays).

        Returns:
            A new `size` RGB frame (the input itself only when nothing changes it).

        Raises:
            EditorError: The resolvers' codes (``look.unknown``, ``sticker.unknown``,
                ``sticker.invalid``).
        """
        framed = self._reframe(picture)
        look = self._edit.look
        finished = apply_effects(apply_detail(self._color(framed), look.adjust), look.adjust)
        overlay = self._overlay(self._edit.overlays_at(t))
        if overlay is None:
            return np.ascontiguousarray(finished)
        if np.shares_memory(finished, picture) or not finished.flags.c_contiguous:
            finished = finished.copy()
        overlay.draw_on(finished)
        return finished

    def _overlay(self, layers: tuple[Layer, ...]) -> _Overlay | None:
        """The layers shown together, drawn once for as long as they stay on screen."""
        if not layers:
            return None
        if self._last_overlay is None or self._last_overlay[0] != layers:
            drawn = drawn_layers(layers, None, None, self.size, self._stickers)
            canvas = np.zeros((self.size[1], self.size[0], 4), np.float32)
            canvas = composite_layers(canvas, drawn, stickers=self._stickers, cache=self._layers)
            self._last_overlay = (layers, _Overlay.of(canvas))
        return self._last_overlay[1]

    def _layout(self, width: int, height: int) -> _Layout:
        layout = self._layouts.get((width, height))
        if layout is None:
            layout = _layout(width, height, self.size, self._frame)
            self._layouts[(width, height)] = layout
        return layout

    def _reframe(self, picture: np.ndarray) -> np.ndarray:
        height, width = picture.shape[:2]
        layout = self._layout(width, height)
        shown = layout.shown.of(picture)
        if layout.fill is None:
            return _resize(shown, self.size)
        out_w, out_h = self.size
        small_size = (max(1, round(out_w / _BLUR_SHRINK)), max(1, round(out_h / _BLUR_SHRINK)))
        small = cv2.resize(layout.fill.of(picture), small_size, interpolation=cv2.INTER_AREA)
        sigma = _BLUR_SIGMA * min(self.size) / _BLUR_SHRINK
        small = cv2.GaussianBlur(small, (0, 0), sigma, borderType=cv2.BORDER_REFLECT)
        small = cv2.convertScaleAbs(small, alpha=_BACKGROUND_LEVEL)
        out = cv2.resize(small, self.size, interpolation=cv2.INTER_LINEAR)
        _resize(shown, layout.place.size, layout.place.of(out))
        return out

    @cached_property
    def _lattice(self) -> np.ndarray | None:
        """The look baked into the colour lattice; None when the look changes no colour."""
        color = color_recipe(self._edit.look, self._looks)
        return None if color.is_identity else bake(color)

    def _color(self, picture: np.ndarray) -> np.ndarray:
        lattice = self._lattice
        if lattice is None:
            return picture
        shape = picture.shape[:2]
        if self._buffers is None or self._buffers.shape != shape:
            self._buffers = MapBuffers(*shape)
        return ColorMaps.of(picture, self._buffers).apply(lattice)
