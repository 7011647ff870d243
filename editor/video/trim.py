"""Cutting a video without re-encoding: its packets copied from a keyframe, times rebased to 0.

A trim with no other edit need not touch the pictures: the compressed packets of the span go
into a new container as they are, which loses nothing and runs as fast as the disk reads. The
price is that a copy can only begin on a keyframe (the frames after it are coded against it),
so the start snaps back to the keyframe at or before the asked time. Video and audio shift by
the same amount and the audio stops where the last copied frame ends, so they stay in sync;
the stream's display matrix travels with it, so a phone video stays upright.
"""

from __future__ import annotations

import functools
import io
import math
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error

from editor.errors import EditorError
from editor.export import temporary_beside, write_failure
from editor.video.frames import TIMESTAMP_SLACK
from editor.video.probe import VideoInfo, open_container, probe_video

__all__ = ["OUTPUT_FORMATS", "TrimResult", "trim_copy"]

OUTPUT_FORMATS = {".mp4": "mp4", ".mov": "mov", ".mkv": "matroska", ".webm": "webm"}
"""The containers a copy can be written to, by the output's suffix (FFmpeg's muxer names)."""
_PROGRESS_STEP = 0.01


@functools.cache
def _muxable(muxer: str) -> frozenset[str]:
    """The codecs FFmpeg's `muxer` can hold (asked of a throwaway in-memory container)."""
    with av.open(io.BytesIO(), mode="w", format=muxer) as probe:
        return frozenset(probe.supported_codecs)


def can_copy(info: VideoInfo, suffix: str) -> bool:
    """Whether a video's streams can be copied as they are into a file named ``*suffix``:
    a WebM's VP8 or a camera's ProRes cannot go into an MP4, so such a trim is encoded."""
    muxer = OUTPUT_FORMATS.get(suffix.lower())
    if muxer is None:
        return False
    codecs = {info.video_codec} | ({info.audio_codec} if info.audio_codec else set())
    return codecs <= _muxable(muxer)


@dataclass(frozen=True)
class TrimResult:
    """What a stream copy wrote. Times are seconds in the source."""

    start: float
    """Where the copy begins: the keyframe at or before the asked start."""
    end: float
    """Where the copy ends: the end of its last frame, at or just after the asked end."""
    duration: float
    path: Path


def trim_copy(
    source: Path | str,
    start: float,
    end: float,
    out: Path | str,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> TrimResult:
    """Copy the span `start`..`end` (seconds) of `source` into `out` without re-encoding.

    The container is chosen by `out`'s suffix (`OUTPUT_FORMATS`). The copy is written beside
    `out` under a temporary name and renamed when complete, so `out` is never half-written and
    nothing is left behind on failure or cancel. Only the first video and audio streams go,
    without the source's metadata (a phone's location stays behind).

    Args:
        progress: Called with the share done, 0..1.
        cancelled: Polled between packets; True stops the copy.

    Raises:
        EditorError: the gate's codes (`probe_video`), ``video.bad_span`` ({start, end,
            duration}), ``video.output_format`` ({suffix, allowed}), ``video.copy_unsupported``
            ({codec, format}), ``video.cancelled``, ``video.corrupt`` (no keyframe to start
            from) or ``output.write_failed`` ({reason}).
    """
    info = probe_video(source)
    end = _checked_span(start, end, info)
    out = Path(out)
    muxer = OUTPUT_FORMATS.get(out.suffix.lower())
    if muxer is None:
        raise EditorError(
            "video.output_format", {"suffix": out.suffix, "allowed": sorted(OUTPUT_FORMATS)}
        )
    with open_container(source) as src:
        video = src.streams.video[0]
        audio = src.streams.audio[0] if src.streams.audio else None
        key = _keyframe_at_or_before(src, video, _pts(video, start) + _slack(video))
        temp = temporary_beside(out)
        try:
            with _output(temp, muxer) as dst:
                for stream in (video, audio):
                    if stream is not None and stream.codec_context.name not in dst.supported_codecs:
                        raise EditorError(
                            "video.copy_unsupported",
                            {"codec": stream.codec_context.name, "format": out.suffix[1:].lower()},
                        )
                cut = _Cut(dst, video, audio, key, _pts(video, end) - _slack(video))
                cut.copy(src, progress, cancelled)
            os.replace(temp, out)
        except (av.error.FFmpegError, OSError) as exc:
            temp.unlink(missing_ok=True)
            raise EditorError("output.write_failed", {"reason": write_failure(exc)}) from exc
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    if progress is not None:
        progress(1.0)
    first, last = cut.seconds(key), cut.seconds(cut.written_end)
    return TrimResult(start=first, end=last, duration=last - first, path=out)


def _checked_span(start: float, end: float, info: VideoInfo) -> float:
    """`end`, brought back to the duration when it overshoots by rounding; refuses a span that
    is empty, reversed, negative or past the end."""
    # An end computed from frame counts may pass the duration by a fraction of a frame.
    tolerance = 0.5 / info.fps if info.fps > 0 else TIMESTAMP_SLACK
    if (
        not (math.isfinite(start) and math.isfinite(end))
        or start < 0
        or start >= end
        or end > info.duration + tolerance
    ):
        raise EditorError(
            "video.bad_span",
            {"start": _shown(start), "end": _shown(end), "duration": _shown(info.duration)},
        )
    return min(end, info.duration)


def _shown(seconds: float) -> float | str:
    return round(seconds, 3) if math.isfinite(seconds) else str(seconds)


def _time_base(stream: av.stream.Stream) -> Fraction:
    return stream.time_base or Fraction(1, av.time_base)


def _pts(video: av.VideoStream, seconds: float) -> Fraction:
    """Seconds from the video's start as an exact pts in its stream units."""
    return (video.start_time or 0) + Fraction(seconds) / _time_base(video)


def _slack(video: av.VideoStream) -> Fraction:
    return Fraction(TIMESTAMP_SLACK) / _time_base(video)


def _keyframe_at_or_before(
    src: av.container.InputContainer, video: av.VideoStream, target: Fraction
) -> int:
    """The pts of the last keyframe at or before `target` (stream units).

    Seeking backwards lands there in any well-indexed file; when it lands after (a sparse or
    damaged index) the file's keyframes are walked from the top instead."""
    if _seek(src, video, int(target)):
        for packet in _packets(src, [video]):
            if packet.is_keyframe and packet.pts is not None:
                if packet.pts <= target:
                    return packet.pts
                break
    found = None
    if _seek(src, video, video.start_time or 0):
        for packet in _packets(src, [video]):
            if packet.is_keyframe and packet.pts is not None:
                if packet.pts > target:
                    break
                found = packet.pts
    if found is None:
        raise EditorError("video.corrupt", {"reason": "no_keyframe"})
    return found


def _seek(src: av.container.InputContainer, video: av.VideoStream, pts: int) -> bool:
    """Put `src` at the keyframe at or before `pts`; False when FFmpeg cannot seek."""
    try:
        src.seek(pts, stream=video, backward=True, any_frame=False)
    except av.error.FFmpegError:
        return False
    return True


class _Cut:
    """The packets of one span, rebased and written as they are read.

    Video packets are taken in decode order from the keyframe on. One whose frame shows at or
    after the end is held back: a frame shown before the end may still be coded against it
    (B-frames), and then it is written after all. Audio is taken from the keyframe's time to
    the end of the last written frame.
    """

    def __init__(
        self,
        dst: av.container.OutputContainer,
        video: av.VideoStream,
        audio: av.AudioStream | None,
        key: int,
        end_pts: Fraction,
    ) -> None:
        """Add the output streams for a copy from the keyframe `key` to `end_pts` (video
        stream units, excluded)."""
        self._dst = dst
        self._video_in, self._audio_in = video, audio
        self._out_video = dst.add_stream_from_template(video)
        self._out_audio = None if audio is None else dst.add_stream_from_template(audio)
        self.time_base = _time_base(video)
        self.origin: int = video.start_time or 0
        self.key = key
        self.end_pts = end_pts
        self._period = round(1 / (video.average_rate or 30) / self.time_base) or 1
        # The keyframe's instant in audio units, rounded down so no copied packet lands
        # before 0.
        self._audio_offset = (
            0 if audio is None else math.floor(key * self.time_base / _time_base(audio))
        )
        self.written_end = key
        """Video stream units: where the last written frame stops showing."""
        self._started = False
        self._video_done = False
        self._held: list[av.Packet] = []
        self._late_audio: list[av.Packet] = []
        self._audio_done = audio is None
        self._shown_progress = 0.0

    def seconds(self, pts: int) -> float:
        """Seconds from the video's start for a pts in video stream units."""
        return float((pts - self.origin) * self.time_base)

    def copy(
        self,
        src: av.container.InputContainer,
        progress: Callable[[float], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        """Read from the keyframe on and write the span's packets."""
        if not _seek(src, self._video_in, self.key):
            raise EditorError("video.corrupt", {"reason": "unseekable"})
        streams = [s for s in (self._video_in, self._audio_in) if s is not None]
        for packet in _packets(src, streams):
            if cancelled is not None and cancelled():
                raise EditorError("video.cancelled")
            if packet.stream is self._video_in:
                self._video(packet, progress)
            else:
                self._audio(packet)
            if self._video_done and self._audio_done:
                break
        self._finish_video()
        if not self._started:
            raise EditorError("video.corrupt", {"reason": "no_frames"})

    def _video(self, packet: av.Packet, progress: Callable[[float], None] | None) -> None:
        if self._video_done or packet.pts is None:
            return
        if not self._started:
            if not (packet.is_keyframe and packet.pts == self.key):
                return
            self._started = True
        shown_after = packet.pts >= self.end_pts
        if (packet.dts is not None and packet.dts >= self.end_pts) or (
            packet.is_keyframe and shown_after
        ):
            # Decode order reached the end: nothing later shows before it.
            self._finish_video()
            return
        if packet.pts < self.key:
            return  # a leading picture of an open group: it refers to the group before the cut
        if shown_after:
            self._held.append(packet)
            return
        for held in self._held:
            self._write_video(held)
        self._held.clear()
        self._write_video(packet)
        if progress is not None:
            self._report(progress, packet.pts)

    def _write_video(self, packet: av.Packet) -> None:
        assert packet.pts is not None  # `_video` passes on timestamped packets only
        self.written_end = max(self.written_end, packet.pts + (packet.duration or self._period))
        packet.pts -= self.key
        if packet.dts is not None:
            packet.dts -= self.key
        packet.stream = self._out_video
        self._dst.mux(packet)

    def _finish_video(self) -> None:
        """Close the video side: held packets are not needed; audio read past the span's
        end is written up to where the video now stops."""
        if self._video_done:
            return
        self._video_done = True
        self._held.clear()
        late, self._late_audio = self._late_audio, []
        for packet in late:
            self._audio(packet)

    def _audio(self, packet: av.Packet) -> None:
        if self._audio_done or packet.pts is None:
            return
        at = packet.pts * packet.time_base
        if at < self.key * self.time_base:
            return
        if not self._video_done:
            if at >= self.end_pts * self.time_base:
                self._late_audio.append(packet)  # kept until the video's end is known
                return
        elif at >= self.written_end * self.time_base:
            self._audio_done = True
            return
        packet.pts -= self._audio_offset
        if packet.dts is not None:
            packet.dts -= self._audio_offset
        packet.stream = self._out_audio
        self._dst.mux(packet)

    def _report(self, progress: Callable[[float], None], pts: int) -> None:
        span: Fraction = max(Fraction(1), self.end_pts - self.key)
        done = float((pts - self.key) / span)
        if done - self._shown_progress >= _PROGRESS_STEP:
            self._shown_progress = min(1.0, done)
            progress(self._shown_progress)


def _packets(
    src: av.container.InputContainer, streams: Sequence[av.stream.Stream]
) -> Iterator[av.Packet]:
    """The file's packets from the current position, ending quietly where it stops being
    readable (a truncated file copies what it has)."""
    try:
        for packet in src.demux(list(streams)):
            if packet.size:
                yield packet
    except av.error.FFmpegError:
        return


@contextmanager
def _output(path: Path, muxer: str) -> Iterator[av.container.OutputContainer]:
    """An output container that writes its trailer on success and, on failure, closes
    without letting a second error hide the first."""
    dst = av.open(str(path), mode="w", format=muxer)
    try:
        yield dst
    except BaseException:
        with suppress(av.error.FFmpegError, OSError):
            dst.close()
        raise
    dst.close()
