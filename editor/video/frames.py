"""Decoded video frames as upright RGB arrays: one frame at a time, or a strip of thumbnails.

Every frame leaves here turned the way it is displayed (`upright`), so nothing downstream
needs to know about display matrices. Times are seconds from the video's first frame.

Finding the frame shown at a time means seeking to the keyframe at or before it and decoding
forward, which costs up to a whole group of pictures. A preview asks for t, t + 1/30, … so
`FrameReader` keeps its decoder where it stopped and only decodes the few frames in between.
A damaged or truncated file is read as far as it decodes: later times show the last good
frame, and PyAV's own errors never leave this module.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from fractions import Fraction
from pathlib import Path
from types import TracebackType

import av
import av.error
import cv2
import numpy as np

from editor.errors import EditorError
from editor.video.probe import VideoInfo, open_container, probe_video

__all__ = [
    "TIMESTAMP_SLACK",
    "FrameReader",
    "decoded_frames",
    "frame_at",
    "thumbnails",
    "upright",
]

_AHEAD = 2.0
"""Seconds a wanted frame may lie ahead of the decoder before seeking beats decoding on."""
TIMESTAMP_SLACK = 0.001
"""Seconds a frame may start after the wanted time and still count. Matroska rounds every
timestamp to the millisecond (frame 2 of 30 fps video says 0.067), and a copy whose times were
shifted by a rounded keyframe time can be off by up to a whole millisecond."""


# Counter-clockwise quarter turns as OpenCV's rotations (ten times faster than np.rot90 plus
# the copy that makes its view contiguous, on a 1080p frame).
_CV2_TURNS = {
    1: cv2.ROTATE_90_COUNTERCLOCKWISE,
    2: cv2.ROTATE_180,
    3: cv2.ROTATE_90_CLOCKWISE,
}


def upright(picture: np.ndarray, rotation: int) -> np.ndarray:
    """`picture` turned by the stream's display rotation (degrees counter-clockwise, as
    `VideoInfo.rotation` and PyAV's `VideoFrame.rotation` give it)."""
    turns = (rotation // 90) % 4
    return picture if turns == 0 else cv2.rotate(picture, _CV2_TURNS[turns])


def frame_at(
    path: Path | str, t: float, *, max_side: int | None = None, info: VideoInfo | None = None
) -> np.ndarray:
    """The upright RGB frame displayed at `t` seconds, its longest side at most `max_side`.

    Opens the file for one frame; use `FrameReader` to read many. `info` is the file's
    `probe_video` result when the caller has it already (otherwise the file is probed).

    Raises:
        EditorError: the gate's codes (`probe_video`), or ``video.corrupt`` when no frame
            decodes.
    """
    with FrameReader(path, info) as reader:
        return reader.frame_at(t, max_side)


def thumbnails(
    path: Path | str, count: int, *, height: int, info: VideoInfo | None = None
) -> list[tuple[float, np.ndarray]]:
    """`count` frames spread evenly over the video, each `height` pixels high, in time order.

    A timeline strip needs a picture near each time, not the exact frame, so each one is the
    keyframe at or before its time (one decoded frame instead of a group), unless that
    keyframe was already shown; then the exact frame is decoded.

    Returns:
        (time in seconds, upright RGB picture) pairs, times never decreasing.
    """
    with FrameReader(path, info) as reader:
        return reader.thumbnails(count, height)


class FrameReader:
    """An open video that hands out upright frames by time, reusing its decoder.

    Use it as a context manager (or call `close`). Not thread-safe: one reader per thread.
    """

    def __init__(self, path: Path | str, info: VideoInfo | None = None) -> None:
        """Open `path` for reading; `info` skips the gate when the caller probed it already.

        Raises:
            EditorError: the gate's codes (`probe_video`).
        """
        self.path = Path(path)
        self.info = info if info is not None else probe_video(path)
        self._container = open_container(path)
        if not self._container.streams.video:
            self._container.close()
            raise EditorError("video.no_video")
        self._stream = self._container.streams.video[0]
        self._stream.thread_type = "AUTO"
        self._time_base = self._stream.time_base or Fraction(1, av.time_base)
        self._origin = self._stream.start_time or 0
        self._period = 1 / self.info.fps if self.info.fps > 0 else 1 / 30
        self._decoded: Generator[tuple[float, av.VideoFrame], None, None] | None = None
        self._from_start = False
        self._current: tuple[float, av.VideoFrame] | None = None
        """The latest decoded frame at or before the last wanted time."""
        self._next: tuple[float, av.VideoFrame] | None = None
        """The frame decoded after `_current`, held back because it starts later."""
        self._last: tuple[float, av.VideoFrame] | None = None
        """The file's last decodable frame, once decoding has reached the end."""

    def __enter__(self) -> FrameReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the decoder and the file."""
        self._stop_decoding()
        self._current = self._next = self._last = None
        self._container.close()

    def frame_at(self, t: float, max_side: int | None = None) -> np.ndarray:
        """The upright RGB frame displayed at `t` seconds (the first before 0, the last after
        the end), its longest side at most `max_side` (scaled while converting from YUV).

        Raises:
            EditorError: ``video.corrupt`` when no frame of the file decodes.
        """
        frame = self._current_at(t)[1]
        return self._picture(frame, _fit(frame.width, frame.height, max_side))

    def thumbnails(self, count: int, height: int) -> list[tuple[float, np.ndarray]]:
        """See the module's `thumbnails`."""
        turned = self.info.rotation in (90, 270)
        width = max(1, round(height * self.info.width / self.info.height))
        size = (height, width) if turned else (width, height)
        strip: list[tuple[float, np.ndarray]] = []
        for index in range(max(0, count)):
            t = self.info.duration * (index + 0.5) / count
            time, frame = self._keyframe_before(t)
            if strip and time <= strip[-1][0]:
                time, frame = self._current_at(t)
            strip.append((time, self._picture(frame, size)))
        return strip

    def _current_at(self, t: float) -> tuple[float, av.VideoFrame]:
        """The (time, frame) displayed at `t`, decoding forward from where the decoder is when
        `t` is a little ahead, from the keyframe before `t` otherwise."""
        t = 0.0 if math.isnan(t) else max(0.0, t)
        if self._last is not None and t >= self._last[0]:
            return self._last
        current = self._current
        if current is None or t < current[0] or t - current[0] > _AHEAD:
            self._seek(t)
        found = self._decode_to(t)
        if found is None and not self._from_start:
            # The index pointed past `t`, or at data the file no longer has.
            self._seek(0.0)
            found = self._decode_to(t)
        if found is None:
            found = self._next  # `t` is before the first frame: show the first one
        if found is None:
            raise EditorError("video.corrupt", {"reason": "no_frames"})
        return found

    def _keyframe_before(self, t: float) -> tuple[float, av.VideoFrame]:
        """The first frame decoded from the keyframe at or before `t` (the exact frame when
        the file cannot seek there)."""
        if self._last is not None and t >= self._last[0]:
            return self._last
        self._seek(t)
        first = self._next_decoded()
        if first is None or first[0] > t + TIMESTAMP_SLACK:
            return self._current_at(t)
        self._current = first
        return first

    def _decode_to(self, t: float) -> tuple[float, av.VideoFrame] | None:
        """Decode forward to the last frame starting at or before `t`; None when none does
        (the first decoded frame starts later, or nothing decodes)."""
        upcoming: tuple[float, av.VideoFrame] | None
        while True:
            if self._next is not None:
                upcoming, self._next = self._next, None
            else:
                upcoming = self._next_decoded()
            if upcoming is None:
                if self._current is not None:
                    self._last = self._current
                return self._current
            if upcoming[0] > t + TIMESTAMP_SLACK:
                self._next = upcoming
                return self._current
            self._current = upcoming

    def _next_decoded(self) -> tuple[float, av.VideoFrame] | None:
        if self._decoded is None:
            return None
        return next(self._decoded, None)

    def _seek(self, t: float) -> None:
        """Put the decoder at the keyframe at or before `t`."""
        self._stop_decoding()
        self._current = self._next = None
        self._from_start = t <= 0
        # Past the end there is nothing to seek to; the last keyframe is before the duration.
        target = min(t, self.info.duration)
        offset = self._origin + (0 if self._from_start else int(target / self._time_base))
        try:
            self._container.seek(offset, stream=self._stream, backward=True, any_frame=False)
        except av.error.FFmpegError:
            if self._from_start:
                return  # nothing to decode: callers see no frame
            self._seek(0.0)
            return
        self._decoded = self._frames()

    def _stop_decoding(self) -> None:
        if self._decoded is not None:
            self._decoded.close()
            self._decoded = None

    def _frames(self) -> Generator[tuple[float, av.VideoFrame], None, None]:
        return decoded_frames(self._container, self._stream, self._period)

    def _picture(self, frame: av.VideoFrame, size: tuple[int, int] | None) -> np.ndarray:
        """`frame` as upright RGB, scaled by swscale to `size` (stored orientation) if given."""
        if size is None or size == (frame.width, frame.height):
            rgb = frame.to_ndarray(format="rgb24")
        else:
            rgb = frame.to_ndarray(
                format="rgb24", width=size[0], height=size[1], interpolation="BILINEAR"
            )
        return upright(rgb, self.info.rotation)


def decoded_frames(
    container: av.container.InputContainer,
    stream: av.VideoStream,
    period: float,
    *,
    newer_than: float | None = None,
) -> Generator[tuple[float, av.VideoFrame], None, None]:
    """(seconds from the stream's start, frame) from the container's position to the end of
    what decodes: a damaged packet is skipped (the decoder conceals it), an unreadable rest of
    the file ends it; a frame without a timestamp is one `period` after the one before.

    With `newer_than`, nothing when the first packet is a keyframe starting at or before it:
    a sampler that lands on a keyframe it has seen does not decode it again.
    """
    origin = stream.start_time or 0
    time_base = stream.time_base or Fraction(1, av.time_base)
    time = -period
    try:
        for packet in container.demux(stream):
            if newer_than is not None and packet.pts is not None and packet.is_keyframe:
                if float((packet.pts - origin) * time_base) <= newer_than:
                    return
            newer_than = None
            try:
                frames = packet.decode()
            except av.error.FFmpegError:
                continue
            for frame in frames:
                time = (
                    time + period if frame.pts is None else float((frame.pts - origin) * time_base)
                )
                yield time, frame
    except av.error.FFmpegError:
        return


def _fit(width: int, height: int, max_side: int | None) -> tuple[int, int] | None:
    """The size that brings the longest side down to `max_side`, or None to keep the frame's."""
    if max_side is None or max(width, height) <= max_side:
        return None
    scale = max_side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))
