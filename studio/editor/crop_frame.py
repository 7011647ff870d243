"""The crop rectangle's rules, in plain Python: ratios, handles, turns and flips.

A crop is stored in fractions of the straightened frame (`Crop`), but a ratio such as 3:4 is
a ratio of pixels. `frame_aspect` (width / height of the frame in pixels) converts between the
two: a crop of fractions (w, h) has the pixel ratio w * frame_aspect / h. Straightening keeps
the frame's aspect, so only quarter turns change it.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum

from editor.recipe import ASPECTS, MIN_CROP_FRACTION, Crop, Geometry
from publisher.domain.checks import matching_ratio

# Ratios that turn into each other when the photo is turned by 90°.
_TURNED = {"3:4": "4:3", "4:3": "3:4", "9:16": "16:9", "16:9": "9:16"}
MIN_SIDE = 0.05
"""The smallest crop side the handles allow, so a rectangle never collapses under the mouse."""


class Handle(Enum):
    """What the pointer grabbed: a corner, an edge, or the inside (move)."""

    TOP_LEFT = (-1, -1)
    TOP = (0, -1)
    TOP_RIGHT = (1, -1)
    RIGHT = (1, 0)
    BOTTOM_RIGHT = (1, 1)
    BOTTOM = (0, 1)
    BOTTOM_LEFT = (-1, 1)
    LEFT = (-1, 0)
    MOVE = (0, 0)


def frame_aspect(width: int, height: int, quarter_turns: int) -> float:
    """Pixel width / height of the straightened frame of a `width`×`height` original."""
    if quarter_turns % 2:
        width, height = height, width
    return width / max(height, 1)


def pixel_ratio(aspect: str) -> float | None:
    """Width / height in pixels for a named aspect; None for "free"."""
    parts = ASPECTS.get(aspect)
    return None if parts is None else parts[0] / parts[1]


def publishable(crop: Crop, frame: float, allowed: list[str], tolerance: float) -> bool:
    """Whether the platform takes the crop's pixel ratio (within its relative tolerance)."""
    precision = 10_000  # the ratio of two fractions, as whole numbers for `matching_ratio`
    width, height = round(crop.w * frame * precision), round(crop.h * precision)
    return matching_ratio(width, height, allowed, tolerance) is not None


def fit_centred(aspect: str, frame: float) -> Crop:
    """The largest centred crop of `aspect` in a frame of pixel aspect `frame`."""
    ratio = pixel_ratio(aspect)
    if ratio is None:
        return Crop()
    w, h = 1.0, frame / ratio  # fractions: w * frame / h == ratio
    if h > 1.0:
        w, h = ratio / frame, 1.0
    return Crop((1.0 - w) / 2, (1.0 - h) / 2, w, h)


def with_aspect(geometry: Geometry, aspect: str, frame: float) -> Geometry:
    """Switch ratio: the largest centred rectangle of it ("free" keeps the current crop)."""
    if aspect == "free":
        return replace(geometry, aspect=aspect)
    return replace(geometry, aspect=aspect, crop=fit_centred(aspect, frame))


def drag(crop: Crop, handle: Handle, dx: float, dy: float, aspect: str, frame: float) -> Crop:
    """The crop after dragging `handle` by (dx, dy) fractions, kept inside the frame and to
    `aspect`; corners keep the opposite corner still, edges keep the rectangle centred on the
    other axis."""
    if handle is Handle.MOVE:
        x = min(max(crop.x + dx, 0.0), 1.0 - crop.w)
        y = min(max(crop.y + dy, 0.0), 1.0 - crop.h)
        return Crop(x, y, crop.w, crop.h)
    sx, sy = handle.value
    left, top, right, bottom = crop.x, crop.y, crop.x + crop.w, crop.y + crop.h
    if sx < 0:
        left = min(max(left + dx, 0.0), right - MIN_SIDE)
    elif sx > 0:
        right = max(min(right + dx, 1.0), left + MIN_SIDE)
    if sy < 0:
        top = min(max(top + dy, 0.0), bottom - MIN_SIDE)
    elif sy > 0:
        bottom = max(min(bottom + dy, 1.0), top + MIN_SIDE)
    ratio = pixel_ratio(aspect)
    if ratio is None:
        return _checked(left, top, right - left, bottom - top)
    return _constrain(crop, handle, (left, top, right, bottom), ratio / frame)


def _constrain(
    before: Crop, handle: Handle, box: tuple[float, float, float, float], ratio: float
) -> Crop:
    """Make `box` have fraction ratio `ratio` (w / h) around the handle's fixed point."""
    left, top, right, bottom = box
    sx, sy = handle.value
    w, h = right - left, bottom - top
    if sx and sy:
        w, h = (w, w / ratio) if w / ratio >= h else (h * ratio, h)
    elif sx:
        h = w / ratio
    else:
        w = h * ratio
    # The fixed point: the opposite corner, or the middle of the opposite edge.
    anchor_x = {-1: right, 1: left, 0: before.x + before.w / 2}[sx]
    anchor_y = {-1: bottom, 1: top, 0: before.y + before.h / 2}[sy]
    # The largest scale that still fits inside the frame around that point.
    room_x = {-1: anchor_x, 1: 1.0 - anchor_x, 0: 2 * min(anchor_x, 1.0 - anchor_x)}[sx]
    room_y = {-1: anchor_y, 1: 1.0 - anchor_y, 0: 2 * min(anchor_y, 1.0 - anchor_y)}[sy]
    scale = min(1.0, room_x / w if w else 1.0, room_y / h if h else 1.0)
    w, h = w * scale, h * scale
    x = {-1: anchor_x - w, 1: anchor_x, 0: anchor_x - w / 2}[sx]
    y = {-1: anchor_y - h, 1: anchor_y, 0: anchor_y - h / 2}[sy]
    return _checked(x, y, w, h)


def _checked(x: float, y: float, w: float, h: float) -> Crop:
    w = min(max(w, MIN_CROP_FRACTION), 1.0)
    h = min(max(h, MIN_CROP_FRACTION), 1.0)
    return Crop(min(max(x, 0.0), 1.0 - w), min(max(y, 0.0), 1.0 - h), w, h)


def turned(geometry: Geometry, frame: float) -> Geometry:
    """Turn 90° clockwise: the crop turns with the picture, a ratio turns with it (3:4 ↔ 4:3).

    `frame` is the frame's aspect before the turn."""
    crop = geometry.crop
    aspect = _TURNED.get(geometry.aspect, geometry.aspect)
    # Turning after a mirror equals mirroring the other axis after the turn.
    moved = replace(
        geometry,
        quarter_turns=(geometry.quarter_turns + 1) % 4,
        flip_h=geometry.flip_v,
        flip_v=geometry.flip_h,
        crop=_checked(1.0 - crop.y - crop.h, crop.x, crop.h, crop.w),
        aspect=aspect,
    )
    if aspect != "free":
        # Rounding of the turned rectangle must not leave the ratio slightly off.
        moved = replace(moved, crop=_refit(moved.crop, aspect, 1.0 / frame))
    return moved


def _refit(crop: Crop, aspect: str, frame: float) -> Crop:
    ratio = (pixel_ratio(aspect) or 1.0) / frame
    cx, cy = crop.x + crop.w / 2, crop.y + crop.h / 2
    w = min(crop.w, crop.h * ratio)
    h = w / ratio
    return _checked(cx - w / 2, cy - h / 2, w, h)


def flipped(geometry: Geometry, *, horizontal: bool) -> Geometry:
    """Mirror the picture; the crop is mirrored too so it frames the same content, and the
    straighten angle turns the other way (a mirrored tilt leans the other way)."""
    crop = geometry.crop
    geometry = replace(geometry, straighten=-geometry.straighten)
    if horizontal:
        return replace(
            geometry,
            flip_h=not geometry.flip_h,
            crop=Crop(1.0 - crop.x - crop.w, crop.y, crop.w, crop.h),
        )
    return replace(
        geometry,
        flip_v=not geometry.flip_v,
        crop=Crop(crop.x, 1.0 - crop.y - crop.h, crop.w, crop.h),
    )
