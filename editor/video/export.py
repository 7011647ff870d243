"""Exporting a video edit: a stream copy when it only trims, an H.264/AAC encode otherwise.

A plain trim (`VideoEdit.is_plain_trim`) is `editor.video.trim.trim_copy`: no re-encode, no
loss, cut at keyframes. Anything else is rendered frame by frame at 30 fps: output frame n
(at t = n/30) shows the source frame displayed at its clip's `Placed.source_time(t)`, so a
clip at 2× skips every other frame and one at 0.5× shows each twice; it is reframed, coloured
and overlaid by one `FrameRenderer` and encoded with libx264 (veryfast, CRF 20, yuv420p,
BT.709), with the mixed sound (`editor.video.audio`) as 160 kb/s AAC. The sound has exactly
``round(duration·48000)`` samples and the picture ``round(duration·30)`` frames, so the two
streams end within a frame of each other.

Three threads share the work, so that a two-core machine is busy all the time: one decodes
(PyAV, threaded, converting to RGB in swscale at the size the output needs), the caller's
thread renders (OpenCV) and converts back to YUV (swscale), one encodes, mixes the sound and
writes (PyAV); all three spend their time in C code that releases the GIL. Bounded queues
between them keep a few frames in flight. The output is written beside `out` under a
temporary name and renamed when complete, so `out` is never half-written and nothing is left
behind on an error or a cancel.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import av.error
import numpy as np
from av.video.reformatter import ColorRange, Colorspace

from editor.errors import EditorError
from editor.export import temporary_beside, write_failure
from editor.render import LookResolver, builtin_resolver
from editor.stickers import StickerResolver
from editor.stickers import load_builtin as builtin_stickers
from editor.video.audio import SAMPLE_RATE, mix_audio, sample_count
from editor.video.edit import MAX_SECONDS, OUTPUT_FPS, Placed, VideoEdit
from editor.video.frames import FrameReader
from editor.video.probe import VideoInfo, probe_audio, probe_video
from editor.video.render import FrameRenderer
from editor.video.trim import OUTPUT_FORMATS, can_copy, trim_copy

__all__ = ["ExportResult", "export_video"]

_ENCODED_FORMATS = {suffix: OUTPUT_FORMATS[suffix] for suffix in (".mp4", ".mov", ".mkv")}
"""The containers an encode can be written to (WebM takes neither H.264 nor AAC)."""
_VIDEO_OPTIONS = {"preset": "veryfast", "crf": "20"}
_AUDIO_BIT_RATE = 160_000
_IN_FLIGHT = 4
"""Frames queued between two threads: enough to smooth out uneven frames, few enough to keep
memory small (a 1080×1920 frame is 6 MB)."""
_WAIT = 0.05
"""Seconds a thread waits on a queue before looking whether the export was stopped."""
_BT709 = 1
"""AVCOL_PRI_BT709, AVCOL_TRC_BT709 and AVCOL_SPC_BT709 are all 1."""
_LIMITED_RANGE = 1
_TIME_BASE = Fraction(1, OUTPUT_FPS)
_SOUND_TIME_BASE = Fraction(1, SAMPLE_RATE)


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    path: Path
    duration: float
    """Seconds of the output."""
    width: int
    height: int
    bytes: int
    stream_copy: bool
    """True when the packets were copied (a plain trim), False when it was encoded."""


def export_video(
    edit: VideoEdit,
    sources: Mapping[str, Path],
    out: Path,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    looks: LookResolver = builtin_resolver,
    stickers: StickerResolver = builtin_stickers,
) -> ExportResult:
    """Export a video edit to `out`.

    Args:
        edit: The video edit.
        sources: Every source key the edit names (`VideoEdit.sources`) → its file.
        out: The file to write; its suffix picks the container (.mp4, .mov, .mkv; a stream
            copy also .webm).
        progress: Called with the share done, 0..1, from the calling thread.
        cancelled: Polled once per frame; True stops the export.
        looks: Resolves the look's filter id.
        stickers: Resolves sticker overlays' ids.

    Raises:
        EditorError: ``video.source_missing`` ({source}); the gate's codes for a bad source or
            music file; ``video.empty_timeline``; ``video.too_long`` ({seconds, max});
            ``video.export_format`` ({suffix, allowed}); ``video.cancelled``;
            ``output.write_failed`` ({reason}); the resolvers' codes; and `trim_copy`'s for a
            plain trim.
    """
    missing = [key for key in edit.sources if key not in sources]
    if missing:
        raise EditorError("video.source_missing", {"source": missing[0]})
    infos = {clip.source: probe_video(sources[clip.source]) for clip in edit.clips}
    if edit.music is not None:
        probe_audio(sources[edit.music.source])
    durations = {key: info.duration for key, info in infos.items()}
    placed = edit.placed(durations)
    if not placed:
        raise EditorError("video.empty_timeline")
    duration = placed[-1].out_end
    if duration > MAX_SECONDS:
        raise EditorError("video.too_long", {"seconds": round(duration, 1), "max": MAX_SECONDS})
    first = infos[placed[0].clip.source]
    if edit.is_plain_trim and can_copy(first, out.suffix):
        return _copied(placed[0], sources, infos, out, progress, cancelled)
    muxer = _ENCODED_FORMATS.get(out.suffix.lower())
    if muxer is None:
        raise EditorError(
            "video.export_format", {"suffix": out.suffix, "allowed": sorted(_ENCODED_FORMATS)}
        )
    renderer = FrameRenderer(edit, (first.width, first.height), looks=looks, stickers=stickers)
    frames = max(1, round(duration * OUTPUT_FPS))
    temp = temporary_beside(out)
    try:
        _encode(
            _Job(edit, sources, infos, placed, renderer, frames, temp, muxer),
            progress,
            cancelled,
        )
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(1.0)
    width, height = renderer.size
    return ExportResult(out, frames / OUTPUT_FPS, width, height, out.stat().st_size, False)


def _copied(
    placed: Placed,
    sources: Mapping[str, Path],
    infos: Mapping[str, VideoInfo],
    out: Path,
    progress: Callable[[float], None] | None,
    cancelled: Callable[[], bool] | None,
) -> ExportResult:
    source = placed.clip.source
    trimmed = trim_copy(
        sources[source],
        placed.source_start,
        placed.source_end,
        out,
        progress=progress,
        cancelled=cancelled,
    )
    info = infos[source]
    size = trimmed.path.stat().st_size
    return ExportResult(trimmed.path, trimmed.duration, info.width, info.height, size, True)


@dataclass(frozen=True)
class _Job:
    """Everything an encode needs, resolved."""

    edit: VideoEdit
    sources: Mapping[str, Path]
    infos: Mapping[str, VideoInfo]
    placed: list[Placed]
    renderer: FrameRenderer
    frames: int
    path: Path
    muxer: str

    def shown(self) -> Iterator[tuple[Placed, float]]:
        """For each output frame, its clip and the source time it shows."""
        clips = iter(self.placed)
        clip = next(clips)
        for index in range(self.frames):
            t = index / OUTPUT_FPS
            while t >= clip.out_end and (following := next(clips, None)) is not None:
                clip = following
            yield clip, clip.source_time(t)


class _Stopped(Exception):
    """The other end of a hand-over went away (it failed, or the export was stopped)."""


_END = object()


class _Handover:
    """A bounded queue between two threads that either end can close, with the reason."""

    def __init__(self) -> None:
        self._items: queue.Queue[Any] = queue.Queue(_IN_FLIGHT)
        self._error: BaseException | None = None

    def close(self, error: BaseException) -> None:
        if self._error is None:
            self._error = error

    def put(self, item: Any) -> None:
        while self._error is None:
            try:
                self._items.put(item, timeout=_WAIT)
                return
            except queue.Full:
                continue
        raise _Stopped from self._error

    def get(self) -> Any:
        while self._error is None:
            try:
                return self._items.get(timeout=_WAIT)
            except queue.Empty:
                continue
        raise self._error


class _Thread(threading.Thread):
    """Runs `work`; what it raises is kept in `error` and closes `handovers`, so that the
    threads waiting on them stop too."""

    def __init__(self, name: str, work: Callable[[], None], *handovers: _Handover) -> None:
        super().__init__(name=name, daemon=True)
        self._work = work
        self._handovers = handovers
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self._work()
        except _Stopped:
            return
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            self.error = exc
            for handover in self._handovers:
                handover.close(exc)


def _encode(
    job: _Job, progress: Callable[[float], None] | None, cancelled: Callable[[], bool] | None
) -> None:
    """Decode, render and encode the frames on three threads; raises the first error any of
    them met (or ``video.cancelled``) once all have stopped."""
    decoded, rendered = _Handover(), _Handover()
    sides = {
        key: job.renderer.decode_side(info.width, info.height) for key, info in job.infos.items()
    }
    decoder = _Thread("video-decode", lambda: _decode(job, sides, decoded), decoded)
    encoder = _Thread("video-encode", lambda: _write(job, rendered), rendered, decoded)
    decoder.start()
    encoder.start()
    try:
        for index in range(job.frames):
            if cancelled is not None and cancelled():
                raise EditorError("video.cancelled")
            if progress is not None:
                progress(index / job.frames)
            picture = job.renderer.render(decoded.get(), index / OUTPUT_FPS)
            rendered.put(_yuv(picture, index))
        rendered.put(_END)
        encoder.join()
    except _Stopped as stopped:
        raise stopped.__cause__ or stopped from None
    finally:
        for handover in (decoded, rendered):
            handover.close(_Stopped())
        decoder.join()
        encoder.join()
    if encoder.error is not None:
        raise encoder.error


def _decode(job: _Job, sides: Mapping[str, int | None], decoded: _Handover) -> None:
    """Hand over the upright source picture of every output frame, in order."""
    reader: FrameReader | None = None
    key: str | None = None
    try:
        for clip, source_time in job.shown():
            if clip.clip.source != key:
                if reader is not None:
                    reader.close()
                key = clip.clip.source
                reader = FrameReader(job.sources[key], job.infos[key])
            assert reader is not None
            decoded.put(reader.frame_at(source_time, sides[key]))
    finally:
        if reader is not None:
            reader.close()


def _write(job: _Job, rendered: _Handover) -> None:
    """Encode the rendered frames and the mixed sound into the output file."""
    durations = {key: info.duration for key, info in job.infos.items()}
    try:
        with (
            closing(mix_audio(job.edit, job.sources, durations)) as sound,
            av.open(str(job.path), mode="w", format=job.muxer, options=_muxer_options(job)) as out,
        ):
            video, audio = _streams(out, job.renderer.size)
            samples = 0
            index = 0
            while (frame := rendered.get()) is not _END:
                out.mux(video.encode(frame))
                index += 1
                samples = _write_sound(out, audio, sound, samples, sample_count(index / OUTPUT_FPS))
            _write_sound(out, audio, sound, samples, None)
            out.mux(video.encode())
            out.mux(audio.encode())
    except (av.error.FFmpegError, OSError) as exc:
        raise EditorError("output.write_failed", {"reason": write_failure(exc)}) from exc


def _muxer_options(job: _Job) -> dict[str, str]:
    # The index goes first, so that a player (and the platform) can start before the end.
    return {"movflags": "+faststart"} if job.muxer in ("mp4", "mov") else {}


def _streams(
    out: av.container.OutputContainer, size: tuple[int, int]
) -> tuple[av.VideoStream, av.AudioStream]:
    video = out.add_stream("libx264", rate=OUTPUT_FPS, options=dict(_VIDEO_OPTIONS))
    video.width, video.height = size
    video.pix_fmt = "yuv420p"
    video.time_base = _TIME_BASE
    context = video.codec_context
    context.color_primaries = context.color_trc = context.colorspace = _BT709
    context.color_range = _LIMITED_RANGE
    audio = out.add_stream("aac", rate=SAMPLE_RATE)
    audio.layout = "stereo"
    audio.bit_rate = _AUDIO_BIT_RATE
    return video, audio


def _yuv(picture: np.ndarray, index: int) -> av.VideoFrame:
    """A rendered RGB frame as the encoder's BT.709 YUV 4:2:0."""
    # Wrapped, not copied: the conversion reads the rendered pixels directly.
    frame = av.VideoFrame.from_numpy_buffer(picture, format="rgb24").reformat(
        format="yuv420p", dst_colorspace=Colorspace.ITU709, dst_color_range=ColorRange.MPEG
    )
    frame.pts = index
    frame.time_base = _TIME_BASE
    return frame


def _write_sound(
    out: av.container.OutputContainer,
    audio: av.AudioStream,
    sound: Iterator[np.ndarray],
    written: int,
    until: int | None,
) -> int:
    """Encode the mixed sound up to sample `until` (None: to its end); returns the samples
    written so far."""
    while until is None or written < until:
        block = next(sound, None)
        if block is None:
            break
        frame = av.AudioFrame.from_ndarray(block, format="fltp", layout="stereo")
        frame.sample_rate = SAMPLE_RATE
        frame.pts = written
        frame.time_base = _SOUND_TIME_BASE
        out.mux(audio.encode(frame))
        written += block.shape[1]
    return written
