"""Cover candidates: the frames of a video that would make a good cover, found automatically.

A feed shows a video note by its cover, so the studio offers a handful of frames worth being
one: sharp (no motion blur, no focus hunting), well exposed (not a fade, not a dark room, not
a blown-out window), a little colourful, and with a face placed where the eye goes (near a
rule-of-thirds point) when there is one. The creator picks one or any other frame.

Scoring looks at small pictures (the long side at most 360 pixels), so a 4K clip costs what a
phone clip does; sharpness is the variance of the Laplacian of that small picture, so it
compares across sources of any size. Sampling is bounded whatever the length: at most 60
frames, within a budget of decoded pixels. A short span is decoded straight through; a long
one is sampled at keyframes, one decoded frame each, so neither a long video nor a file with
one keyframe in an hour makes it decode the hour.

Face detection uses OpenCV's Haar cascade when this OpenCV ships it (OpenCV 4 does; OpenCV 5
moved it out of the main package); without it no face is found and the other measures rank
the frames alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error
import cv2
import numpy as np

from editor.errors import EditorError
from editor.video.frames import decoded_frames, upright
from editor.video.probe import VideoInfo, open_container, probe_video

__all__ = ["CoverCandidate", "cover_candidates", "face_placement"]

MAX_SAMPLES = 60
SAMPLE_SIDE = 360
_PIXEL_BUDGET = 600 * 1920 * 1080
"""Pixels decoded at most while sampling: 600 full-HD frames, a few seconds on a laptop."""
_SHARPNESS_HALF = 100.0
"""Laplacian variance (at `SAMPLE_SIDE`) scoring 0.5: in-focus detail is several times more,
a soft or motion-blurred frame a fraction of it."""
_MID_GREY = 118.0  # sRGB value of 18 % grey
_CLIPPED = (5, 250)  # 8-bit luma at or beyond which detail is lost
_TOO_DARK, _TOO_BRIGHT, _TOO_FLAT = 25.0, 235.0, 12.0  # mean luma; luma standard deviation
_MIN_FACE = 0.1
"""Faces narrower than this fraction of the picture's long side are crowd, not subject (and
not looked for: small windows are most of a detector's work)."""
_THIRDS = [(x, y) for x in (1 / 3, 2 / 3) for y in (1 / 3, 2 / 3)] + [(0.5, 1 / 3)]
"""Where a face draws the eye: the rule-of-thirds points, and high in the middle, where an
upright video places whoever talks to the camera."""
_WEIGHTS = {"sharpness": 0.45, "exposure": 0.3, "colour": 0.1, "face": 0.15}

FaceFinder = Callable[[np.ndarray], Sequence[tuple[int, int, int, int]]]


@dataclass(frozen=True)
class CoverCandidate:
    """A frame proposed as the cover.

    Attributes:
        time: Seconds from the source's first frame: `frame_at(path, time)` is the frame scored.
        score: 0…1, the weighted measures below (higher is a better cover).
        sharpness: 0…1, from the Laplacian's variance; 0.5 is mildly soft.
        exposure: 0…1, 1 for a mean at mid-grey with nothing clipped.
        faces: Faces found (none are looked for when this OpenCV has no face detector, nor
            in a frame unfit to be a cover).
    """

    time: float
    score: float
    sharpness: float
    exposure: float
    faces: int


def cover_candidates(
    path: Path | str,
    *,
    count: int = 6,
    info: VideoInfo | None = None,
    span: tuple[float, float] | None = None,
) -> list[CoverCandidate]:
    """The best `count` cover frames of a video (or of `span`, start and end seconds in it),
    spread out in time and sorted by it.

    Frames that are nearly black or white or without contrast (a fade, a blank card) are left
    out unless every frame is one. No two candidates are closer than a twelfth of the span at
    the default count, so they show different moments.

    Raises:
        EditorError: the gate's codes (`probe_video`) when `info` is not given, or
            ``video.corrupt`` / ``video.no_video`` when the file is not the video `info`
            describes.
    """
    info = info if info is not None else probe_video(path)
    start, end = (0.0, info.duration) if span is None else span
    start = min(max(start, 0.0), info.duration)
    end = min(max(end, start), info.duration)
    find_faces = _face_finder()
    scored = [_scored(t, picture, find_faces) for t, picture in _samples(path, info, start, end)]
    usable = [candidate for candidate, fit in scored if fit] or [c for c, _fit in scored]
    gap = (end - start) / (2 * max(1, count))
    chosen: list[CoverCandidate] = []
    for candidate in sorted(usable, key=lambda c: c.score, reverse=True):
        if len(chosen) == count:
            break
        if all(abs(candidate.time - other.time) >= gap for other in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.time)


def _scored(
    time: float, picture: np.ndarray, find_faces: FaceFinder | None
) -> tuple[CoverCandidate, bool]:
    """The candidate for one sampled picture, and whether it is fit to be a cover at all."""
    grey = cv2.cvtColor(picture, cv2.COLOR_RGB2GRAY)
    mean, spread = float(grey.mean()), float(grey.std())
    fit = _TOO_DARK <= mean <= _TOO_BRIGHT and spread >= _TOO_FLAT
    laplacian = float(cv2.Laplacian(grey, cv2.CV_32F).var())
    sharpness = laplacian / (laplacian + _SHARPNESS_HALF)
    clipped = float(np.count_nonzero((grey <= _CLIPPED[0]) | (grey >= _CLIPPED[1]))) / grey.size
    exposure = max(0.0, 1 - abs(mean - _MID_GREY) / _MID_GREY) * max(0.0, 1 - 2 * clipped)
    faces = list(find_faces(grey)) if find_faces is not None and fit else []
    measures = {
        "sharpness": sharpness,
        "exposure": exposure,
        "colour": _colourfulness(picture),
        "face": face_placement(faces, grey.shape[1], grey.shape[0]),
    }
    score = sum(_WEIGHTS[name] * value for name, value in measures.items())
    return CoverCandidate(
        time, round(score, 4), round(sharpness, 4), round(exposure, 4), len(faces)
    ), fit


def _colourfulness(picture: np.ndarray) -> float:
    """Hasler and Süsstrunk's colourfulness, scaled so a vividly coloured photo is near 1."""
    r, g, b = (picture[..., i].astype(np.float32) for i in range(3))
    rg, yb = r - g, 0.5 * (r + g) - b
    value = math.hypot(float(rg.std()), float(yb.std())) + 0.3 * math.hypot(
        float(rg.mean()), float(yb.mean())
    )
    return min(1.0, value / 100.0)


def face_placement(faces: Sequence[tuple[int, int, int, int]], width: int, height: int) -> float:
    """0…1 for the faces (x, y, w, h boxes) in a `width`×`height` picture: 0 with no face big
    enough to be the subject, from 0.5 (a face somewhere) to 1 (its centre on a thirds point).
    """
    subjects = [face for face in faces if face[2] >= _MIN_FACE * max(width, height)]
    if not subjects:
        return 0.0
    x, y, w, h = max(subjects, key=lambda face: face[2] * face[3])
    cx, cy = (x + w / 2) / width, (y + h / 2) / height
    distance = min(math.hypot(cx - px, cy - py) for px, py in _THIRDS)
    return 0.5 + 0.5 * max(0.0, 1 - distance / 0.25)


def _face_finder() -> FaceFinder | None:
    """A frontal-face detector on grey pictures, or None when this OpenCV ships none.

    A new cascade per call: OpenCV does not promise one may be shared across threads."""
    classifier = getattr(cv2, "CascadeClassifier", None)
    folder = getattr(getattr(cv2, "data", None), "haarcascades", None)
    if classifier is None or folder is None:
        return None
    model = Path(folder) / "haarcascade_frontalface_default.xml"
    if not model.is_file():
        return None
    cascade = classifier(str(model))
    if cascade.empty():
        return None

    def find(grey: np.ndarray) -> Sequence[tuple[int, int, int, int]]:
        side = max(24, round(_MIN_FACE * max(grey.shape)))
        found = cascade.detectMultiScale(
            grey, scaleFactor=1.15, minNeighbors=5, minSize=(side, side)
        )
        return [tuple(int(v) for v in box) for box in found]  # type: ignore[misc]

    return find


def _samples(
    path: Path | str, info: VideoInfo, start: float, end: float
) -> list[tuple[float, np.ndarray]]:
    """Up to `MAX_SAMPLES` (time, small upright picture) pairs spread over [start, end], in
    time order, no frame twice.

    A span the budget decodes twice over is decoded straight through, each sample the frame
    at its time. A longer one is sampled at keyframes, one decoded frame per sample: each is
    the keyframe at or before its time, once — so sparse keyframes give fewer samples."""
    period = 1 / info.fps if info.fps > 0 else 1 / 30
    count = max(1, min(MAX_SAMPLES, int((end - start) / period)))
    taken: list[tuple[float, np.ndarray]] = []
    with open_container(path) as container:
        if not container.streams.video:
            raise EditorError("video.no_video")
        decoder = _Decoder(container, info, period)
        straight = 2 * (end - start) / period <= decoder.budget
        for index in range(count):
            t = start + (end - start) * (index + 0.5) / count
            newer_than = taken[-1][0] if taken else start - period / 2
            found = decoder.walk_to(t) if straight else decoder.keyframe_before(t, newer_than)
            if found is not None and newer_than < found[0] <= end + period / 2:
                taken.append((found[0], decoder.picture(found[1])))
            if decoder.budget <= 0:
                break
    return taken


class _Decoder:
    """Frames of a video's first stream by time, counting down a budget of decoded frames."""

    def __init__(
        self, container: av.container.InputContainer, info: VideoInfo, period: float
    ) -> None:
        self._container = container
        self._stream = container.streams.video[0]
        self._origin = self._stream.start_time or 0
        self._time_base = self._stream.time_base or Fraction(1, av.time_base)
        self._period = period
        self._rotation = info.rotation
        codec = self._stream.codec_context
        pixels = max(1, (codec.width or info.width) * (codec.height or info.height))
        self.budget = max(2 * MAX_SAMPLES, _PIXEL_BUDGET // pixels)
        """Frames left to decode."""
        self._frames: Generator[tuple[float, av.VideoFrame], None, None] | None = None
        self._current: tuple[float, av.VideoFrame] | None = None

    def keyframe_before(self, t: float, newer_than: float) -> tuple[float, av.VideoFrame] | None:
        """The keyframe at or before `t` (the first frame when the file cannot seek), or None
        without decoding it when its packet says it starts at or before `newer_than`."""
        self._seek(t, newer_than)
        return self._next()

    def walk_to(self, t: float) -> tuple[float, av.VideoFrame] | None:
        """The frame nearest `t`, decoding forward from where
        the decoder is when that is before `t`."""
        current = self._current
        if current is None or current[0] > t:
            self._seek(t)
            current = self._next()
        while current is not None and current[0] < t - self._period / 2:
            following = self._next()
            if following is None:
                break
            current = following
        return current

    def picture(self, frame: av.VideoFrame) -> np.ndarray:
        """`frame` as upright RGB, its long side scaled down to `SAMPLE_SIDE` by swscale."""
        scale = min(1.0, SAMPLE_SIDE / max(frame.width, frame.height))
        width, height = max(1, round(frame.width * scale)), max(1, round(frame.height * scale))
        rgb = frame.to_ndarray(format="rgb24", width=width, height=height, interpolation="AREA")
        return upright(rgb, self._rotation)

    def _seek(self, t: float, newer_than: float | None = None) -> None:
        if self._frames is not None:
            self._frames.close()
        self._frames, self._current = None, None
        offset = self._origin + int(max(t, 0.0) / self._time_base)
        for position in (offset, self._origin):
            try:
                self._container.seek(position, stream=self._stream, backward=True)
            except av.error.FFmpegError:
                continue
            self._frames = self._decoded(newer_than)
            return

    def _next(self) -> tuple[float, av.VideoFrame] | None:
        if self._frames is None or self.budget <= 0:
            return None
        self.budget -= 1
        following = next(self._frames, None)
        if following is not None:
            self._current = following
        return following

    def _decoded(
        self, newer_than: float | None
    ) -> Generator[tuple[float, av.VideoFrame], None, None]:
        return decoded_frames(self._container, self._stream, self._period, newer_than=newer_than)
