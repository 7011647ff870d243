"""Editing a video's timeline: add, split, delete, move, trim and retime clips.

Every operation is a pure function from one `VideoEdit` to the next (the app keeps the values as
its undo history), so the timeline widget only turns gestures into calls and the rules live
here, testable without widgets. Times are seconds: *output* times on the edited timeline,
*source* times inside a clip's source. `durations` maps each source key to its length in
seconds (from `probe_video`) and must name every clip's source.

Odd input is answered in one of two ways, so callers know what to expect:

- A clip `index` out of range, or a time that is not a finite number, is a caller's bug and
  raises `ValueError`.
- A request that cannot apply to a valid edit is a no-op returning the same edit (``is``
  equal): splitting within `MIN_CLIP_SECONDS` of a clip's edge or outside the timeline,
  deleting the only clip, moving a clip onto its own place. The app compares and records no
  undo step. The one limit a creator can reach, more than `MAX_CLIPS` clips, raises
  ``EditorError("video.too_many_clips", {max})``.

Overlays and the cover live on the output timeline, not on a clip: when an operation makes
the timeline shorter, an overlay that would start within a frame of the new end (or after it)
is dropped, one that runs past the end is cut at the end, and a cover time past the last frame
moves to the last frame. Nothing moves when the timeline gets longer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

from editor.errors import EditorError
from editor.video.edit import (
    MAX_CLIPS,
    MIN_CLIP_SECONDS,
    OUTPUT_FPS,
    Clip,
    Overlay,
    Placed,
    VideoEdit,
)

__all__ = [
    "add_clip",
    "clip_at",
    "delete_clip",
    "last_frame_time",
    "move_clip",
    "set_clip",
    "snap_to_frame",
    "split",
    "time_overlay",
    "trim_clip",
]

MIN_SPEED = 0.5
MAX_SPEED = 2.0
_FRAME = 1 / OUTPUT_FPS
_EPSILON = 1e-6
"""Float slack when comparing times that went through sums and divisions."""


def snap_to_frame(t: float, fps: int = OUTPUT_FPS) -> float:
    """The start of the output frame nearest `t` (never before 0): where a seek or a cut lands,
    so the playhead always shows a whole frame."""
    return max(0.0, round(_finite(t, "t") * fps) / fps)


def last_frame_time(duration: float, fps: int = OUTPUT_FPS) -> float:
    """The start of the last frame of a `duration`-second output (0 for an empty one)."""
    return max(0.0, (math.ceil(duration * fps - _EPSILON) - 1) / fps)


def add_clip(edit: VideoEdit, source: str) -> VideoEdit:
    """Append the whole of `source` as a new clip at the end of the timeline."""
    _check_room(edit, 1)
    return replace(edit, clips=(*edit.clips, Clip(source=source)))


def clip_at(edit: VideoEdit, durations: Mapping[str, float], t: float) -> tuple[int, Placed]:
    """The clip playing at output time `t`, as (index in `edit.clips`, its placement).

    A clip covers ``[out_start, out_end)``, so at a cut the later clip is the one shown. Times
    before the start give the first clip, times at or past the end the last one; an edit that
    plays nothing at all raises ValueError.
    """
    t = _finite(t, "t")
    placed = edit.placed(durations)
    if not placed:
        raise ValueError("the edit plays nothing")
    for item in placed:
        if t < item.out_end:
            return item.index, item
    return placed[-1].index, placed[-1]


def output_time(
    edit: VideoEdit, durations: Mapping[str, float], source: str, source_time: float
) -> float | None:
    """Where on the output timeline `source_time` of `source` is shown (the first clip that
    plays it), or None when the edit cuts it out: what maps a cover candidate found in the
    source onto the video as edited."""
    for item in edit.placed(durations):
        if item.clip.source == source and item.source_start <= source_time < item.source_end:
            return snap_to_frame(
                item.out_start + (source_time - item.source_start) / item.clip.speed
            )
    return None


def split(edit: VideoEdit, durations: Mapping[str, float], t: float) -> VideoEdit:
    """Cut the clip under output time `t` in two at the source time shown at `t`.

    Both halves keep the clip's speed and sound; the timeline's length does not change. A
    cut closer than `MIN_CLIP_SECONDS` (of source) to either edge of the clip, or outside the
    timeline, changes nothing.
    """
    t = _finite(t, "t")
    placed = edit.placed(durations)
    if not placed or not 0.0 <= t < placed[-1].out_end:
        return edit
    index, where = clip_at(edit, durations, t)
    cut = where.source_time(t)
    if cut - where.source_start < MIN_CLIP_SECONDS or where.source_end - cut < MIN_CLIP_SECONDS:
        return edit
    _check_room(edit, 1)
    clip = edit.clips[index]
    halves = (replace(clip, end=cut), replace(clip, start=cut))
    return replace(edit, clips=(*edit.clips[:index], *halves, *edit.clips[index + 1 :]))


def delete_clip(edit: VideoEdit, durations: Mapping[str, float], index: int) -> VideoEdit:
    """Remove clip `index`; the clips after it close the gap. The only clip is never deleted
    (a video note needs a video): that is a no-op, so the app can leave the action enabled."""
    _check_index(edit, index)
    if len(edit.clips) == 1:
        return edit
    return _fitted(replace(edit, clips=(*edit.clips[:index], *edit.clips[index + 1 :])), durations)


def move_clip(edit: VideoEdit, index: int, to: int) -> VideoEdit:
    """Move clip `index` so that it ends up at position `to` of the new order."""
    _check_index(edit, index)
    _check_index(edit, to)
    if index == to:
        return edit
    clips = list(edit.clips)
    clips.insert(to, clips.pop(index))
    return replace(edit, clips=tuple(clips))


def trim_clip(
    edit: VideoEdit, durations: Mapping[str, float], index: int, start: float, end: float
) -> VideoEdit:
    """Play `[start, end)` of clip `index`'s source (source seconds).

    Both times are clamped into the source; when they come closer than `MIN_CLIP_SECONDS`, the
    edge that did not move stays and the moved one stops at the minimum (a trim handle dragged
    over the other one). An end at the source's end is stored as "to the end" (None).
    """
    _check_index(edit, index)
    start, end = _finite(start, "start"), _finite(end, "end")
    clip = edit.clips[index]
    length = durations[clip.source]
    start = min(max(start, 0.0), length)
    end = min(max(end, 0.0), length)
    if end - start < MIN_CLIP_SECONDS:
        if start != clip.start:
            start = max(0.0, end - MIN_CLIP_SECONDS)
        end = min(length, start + MIN_CLIP_SECONDS)
        start = max(0.0, min(start, end - MIN_CLIP_SECONDS))
    trimmed = replace(clip, start=start, end=None if end >= length else end)
    return _with_clip(edit, durations, index, trimmed)


def set_clip(
    edit: VideoEdit,
    durations: Mapping[str, float],
    index: int,
    *,
    speed: float | None = None,
    mute: bool | None = None,
) -> VideoEdit:
    """Change clip `index`'s speed (clamped to 0.5×–2×) and/or whether its sound is muted;
    None leaves a setting as it is."""
    _check_index(edit, index)
    clip = edit.clips[index]
    if speed is not None:
        clip = replace(clip, speed=min(max(_finite(speed, "speed"), MIN_SPEED), MAX_SPEED))
    if mute is not None:
        clip = replace(clip, mute=bool(mute))
    return _with_clip(edit, durations, index, clip)


def time_overlay(
    edit: VideoEdit, durations: Mapping[str, float], index: int, start: float, end: float
) -> VideoEdit:
    """Show overlay `index` from `start` to `end` (output seconds), snapped to frames and kept
    on the timeline, at least one frame long."""
    if not 0 <= index < len(edit.overlays):
        raise ValueError(f"no overlay {index} (the edit has {len(edit.overlays)})")
    duration = edit.duration(durations)
    start = min(snap_to_frame(start), last_frame_time(duration))
    end = min(max(snap_to_frame(end), start + _FRAME), max(duration, start + _FRAME))
    overlay = replace(edit.overlays[index], start=start, end=end)
    overlays = (*edit.overlays[:index], overlay, *edit.overlays[index + 1 :])
    return replace(edit, overlays=overlays)


def _with_clip(
    edit: VideoEdit, durations: Mapping[str, float], index: int, clip: Clip
) -> VideoEdit:
    if clip == edit.clips[index]:
        return edit
    clips = (*edit.clips[:index], clip, *edit.clips[index + 1 :])
    return _fitted(replace(edit, clips=clips), durations)


def _fitted(edit: VideoEdit, durations: Mapping[str, float]) -> VideoEdit:
    """`edit` with its overlays and cover kept inside its (possibly shorter) timeline."""
    end = edit.duration(durations)
    overlays = tuple(
        overlay if overlay.end <= end else replace(overlay, end=end)
        for overlay in edit.overlays
        if end - overlay.start >= _FRAME - _EPSILON
    )
    cover = edit.cover
    last = last_frame_time(end)
    if cover is not None and cover.time > last:
        cover = replace(cover, time=last)
    if overlays == edit.overlays and cover is edit.cover:
        return edit
    return replace(edit, overlays=overlays, cover=cover)


def _check_index(edit: VideoEdit, index: int) -> None:
    if not 0 <= index < len(edit.clips):
        raise ValueError(f"no clip {index} (the edit has {len(edit.clips)})")


def _check_room(edit: VideoEdit, more: int) -> None:
    if len(edit.clips) + more > MAX_CLIPS:
        raise EditorError("video.too_many_clips", {"max": MAX_CLIPS})


def _finite(value: float, name: str) -> float:
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, not {value!r}")
    return float(value)


NEW_SECONDS = 3.0
"""How long a new title or sticker stays on screen."""


def new_span(playhead: float, length: float | None) -> tuple[float, float]:
    """When a new overlay shows: `NEW_SECONDS` from the playhead, moved earlier when the video
    ends sooner, so it is on screen at the playhead and inside the video."""
    start = max(0.0, playhead)
    if length is None or length <= 0:
        return start, start + NEW_SECONDS
    start = max(0.0, min(start, length - NEW_SECONDS))
    return start, min(start + NEW_SECONDS, length)


def moved_span(
    overlay: Overlay, *, start: float | None = None, end: float | None = None
) -> tuple[float, float]:
    """When `overlay` shows once one of its ends is set: setting one end past the other moves
    the whole overlay, keeping how long it shows. (`timeline.time_overlay` then puts the times
    on frames and inside the video.)"""
    span = overlay.end - overlay.start
    if start is not None:
        return start, overlay.end if start < overlay.end else start + span
    if end is not None:
        return overlay.start if end > overlay.start else end - span, end
    return overlay.start, overlay.end
