"""The timeline widget's arithmetic: time ↔ pixels, zoom, ruler ticks, overlay lanes and where
a dragged clip drops.

Kept apart from the widget so the numbers (a tick every how many seconds at this zoom, which
slot a clip lands in) are plain functions with plain tests, and the widget only paints them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from editor.video.edit import OUTPUT_FPS, Overlay, Placed

MAX_PIXELS_PER_FRAME = 24.0
"""The deepest zoom: one frame this wide, enough to pick any frame with the mouse."""
MIN_MAJOR_PIXELS = 64.0
"""Labelled ticks are at least this far apart, so "00:00" labels never touch."""
MIN_MINOR_PIXELS = 7.0
MAX_MINOR_TICKS = 10

# Ruler steps in frames: single frames when zoomed in, then round numbers of seconds.
_STEPS = (1, 2, 5, 10, 15, 30, 60, 150, 300, 450, 900, 1800, 3600, 9000, 18000, 27000, 54000)
_STEPS += (108_000, 216_000, 432_000)  # 1 h, 2 h, 4 h


@dataclass(frozen=True)
class TimeAxis:
    """Where output seconds sit across the widget: `origin` is the x of `scroll` seconds."""

    origin: float
    pixels_per_second: float
    scroll: float = 0.0

    def x(self, t: float) -> float:
        return self.origin + (t - self.scroll) * self.pixels_per_second

    def t(self, x: float) -> float:
        return self.scroll + (x - self.origin) / self.pixels_per_second

    def seconds(self, pixels: float) -> float:
        return pixels / self.pixels_per_second


def fit_axis(origin: float, width: float, duration: float) -> TimeAxis:
    """The axis showing all of a `duration`-second timeline across `width` pixels."""
    return TimeAxis(origin, max(width, 1.0) / max(duration, 1 / OUTPUT_FPS))


def zoomed(axis: TimeAxis, factor: float, x: float, width: float, duration: float) -> TimeAxis:
    """`axis` zoomed by `factor` keeping the time under `x` where it is; never further out than
    the whole timeline nor further in than `MAX_PIXELS_PER_FRAME`."""
    fit = fit_axis(axis.origin, width, duration)
    pixels = axis.pixels_per_second * factor
    pixels = min(max(pixels, fit.pixels_per_second), MAX_PIXELS_PER_FRAME * OUTPUT_FPS)
    scroll = axis.t(x) - (x - axis.origin) / pixels
    return _kept(replace(axis, pixels_per_second=pixels, scroll=scroll), width, duration)


def scrolled(axis: TimeAxis, pixels: float, width: float, duration: float) -> TimeAxis:
    """`axis` with the view moved `pixels` later in time (negative: earlier), kept on the
    timeline."""
    return _kept(replace(axis, scroll=axis.scroll + axis.seconds(pixels)), width, duration)


def showing(axis: TimeAxis, t: float, width: float, duration: float) -> TimeAxis:
    """`axis` scrolled just enough that time `t` is in view (a page at a time, as a playing
    playhead runs off the right edge)."""
    if axis.scroll <= t <= axis.t(axis.origin + width):
        return axis
    return _kept(replace(axis, scroll=t - axis.seconds(width) * 0.1), width, duration)


def _kept(axis: TimeAxis, width: float, duration: float) -> TimeAxis:
    most = max(0.0, duration - axis.seconds(width))
    return replace(axis, scroll=min(max(axis.scroll, 0.0), most))


def is_fit(axis: TimeAxis, width: float, duration: float) -> bool:
    """True when `axis` shows the whole timeline (no further zoom out is possible)."""
    fit = fit_axis(axis.origin, width, duration)
    return axis.pixels_per_second <= fit.pixels_per_second * (1 + 1e-9)


def ruler_step(pixels_per_second: float) -> tuple[float, int]:
    """(seconds between labelled ticks, minor ticks per label) for a zoom level: the shortest
    round step whose labels fit, divided by the shortest round step that still reads as ticks."""
    frames = next(
        (step for step in _STEPS if step / OUTPUT_FPS * pixels_per_second >= MIN_MAJOR_PIXELS),
        _STEPS[-1],
    )
    minor = next(
        (
            frames // step
            for step in _STEPS
            if frames % step == 0
            and frames // step <= MAX_MINOR_TICKS
            and step / OUTPUT_FPS * pixels_per_second >= MIN_MINOR_PIXELS
        ),
        1,
    )
    return frames / OUTPUT_FPS, minor


def ruler_ticks(axis: TimeAxis, width: float, duration: float) -> list[tuple[float, bool]]:
    """(time, labelled) of every tick from the left edge to `width`, up to the timeline's end
    (one labelled step further when it fits, so the ruler does not stop mid-air)."""
    major, minor = ruler_step(axis.pixels_per_second)
    step = major / minor
    first = max(0, math.floor(axis.t(0.0) / step))
    last_time = min(axis.t(width), duration + major)
    ticks: list[tuple[float, bool]] = []
    index = first
    while index * step <= last_time + 1e-9:
        ticks.append((index * step, index % minor == 0))
        index += 1
    return ticks


def tick_label(t: float, major: float) -> str:
    """``mm:ss`` (``h:mm:ss`` past an hour) on whole seconds; ``15f`` between them when the
    labelled step is shorter than a second."""
    frames = round(t * OUTPUT_FPS)
    seconds, frame = divmod(frames, OUTPUT_FPS)
    if frame and major < 1:
        return f"{frame}f"
    minutes, second = divmod(seconds, 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}" if hours else f"{minute:02d}:{second:02d}"


def overlay_lanes(overlays: Sequence[Overlay]) -> list[int]:
    """A lane for each overlay (in the given order) so that none overlaps another in its lane,
    using as few lanes as it can: the first lane that is free when the overlay starts."""
    lane_ends: list[float] = []
    lanes = [0] * len(overlays)
    for index in sorted(range(len(overlays)), key=lambda i: overlays[i].start):
        overlay = overlays[index]
        lane = next((n for n, end in enumerate(lane_ends) if end <= overlay.start), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(overlay.end)
        else:
            lane_ends[lane] = overlay.end
        lanes[index] = lane
    return lanes


def drop_slot(placed: Sequence[Placed], clip_count: int, index: int, t: float) -> tuple[int, float]:
    """Where clip `index` of `clip_count` lands when dropped at output time `t`: (its index in
    the new order, the output time of the gap it goes into, for the drop marker).

    It goes before the first other clip whose middle is after `t`, so a clip moves once it is
    dragged past a neighbour's midpoint.
    """
    others = [item for item in placed if item.index != index]
    after = next((item for item in others if (item.out_start + item.out_end) / 2 > t), None)
    if after is None:
        return clip_count - 1, others[-1].out_end if others else 0.0
    return after.index - (1 if after.index > index else 0), after.out_start
