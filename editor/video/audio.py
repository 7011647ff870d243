"""The sound of a video edit: each clip's sound at its speed and volume, with the music mixed
under it, as float32 stereo at 48 kHz, streamed in blocks.

Every clip contributes exactly the samples of its span on the output timeline, counted from
the timeline's start (clip i covers samples ``round(out_start·48000)`` to
``round(out_end·48000)``), so the whole track has ``round(duration·48000)`` samples whatever
the speeds and however the decoders round: the sound ends with the picture. A clip that is
muted, or whose source has no sound, is silence of that length; so is anything a decoder
cannot deliver (a truncated file), never an error.

A clip played faster or slower goes through FFmpeg's ``atempo`` filter, which changes the
tempo and keeps the pitch. The music starts at its `offset`, is cut (or padded with silence)
to the output's length, and fades in and out linearly at the output's start and end. The mix
is the sum, clipped to [-1, 1].

Source times are measured from the video stream's first frame, as `editor.video.frames` does,
so sound and picture of a source stay in step even when its sound starts a little later.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Mapping
from fractions import Fraction
from pathlib import Path

import av
import av.error
import numpy as np

from editor.video.edit import Music, VideoEdit
from editor.video.probe import open_container

__all__ = ["CHANNELS", "SAMPLE_RATE", "mix_audio", "sample_count"]

SAMPLE_RATE = 48_000
CHANNELS = 2
_BLOCK = 4800
"""Samples per block handed out (0.1 s): small enough to interleave with the video."""
_TIME_BASE = Fraction(1, SAMPLE_RATE)


def sample_count(seconds: float) -> int:
    """The number of output samples before `seconds` on the output timeline."""
    return round(seconds * SAMPLE_RATE)


def mix_audio(
    edit: VideoEdit,
    sources: Mapping[str, Path],
    durations: Mapping[str, float],
    *,
    block: int = _BLOCK,
) -> Generator[np.ndarray, None, None]:
    """The edit's sound in blocks of (2, ≤ `block`) float32 samples, in order.

    Args:
        edit: The video edit.
        sources: Every source key of the edit → its file (already through the gate).
        durations: Each clip source's duration in seconds, as for `VideoEdit.placed`.
        block: The most samples per block.

    Yields:
        Blocks adding up to exactly ``sample_count(edit.duration(durations))`` samples.
    """
    placed = edit.placed(durations)
    total = sample_count(placed[-1].out_end) if placed else 0
    clips = _Reader(_clips_sound(edit, sources, durations))
    music = None if edit.music is None else _Music(edit.music, sources[edit.music.source], total)
    done = 0
    while done < total:
        count = min(block, total - done)
        mix = clips.take(count)
        if music is not None:
            mix += music.take(done, count)
        yield np.clip(mix, -1.0, 1.0, out=mix)
        done += count


def _clips_sound(
    edit: VideoEdit, sources: Mapping[str, Path], durations: Mapping[str, float]
) -> Iterator[np.ndarray]:
    for placed in edit.placed(durations):
        count = sample_count(placed.out_end) - sample_count(placed.out_start)
        clip = placed.clip
        if clip.mute or edit.original_volume == 0.0:
            sound: Iterable[np.ndarray] = ()
        else:
            sound = _decoded(sources[clip.source], placed.source_start, placed.source_end)
            if clip.speed != 1.0:
                sound = _tempo(sound, clip.speed)
        for chunk in _exactly(sound, count):
            yield chunk * np.float32(edit.original_volume)


class _Music:
    """The music track: from its offset on, at its volume, faded in and out at the ends of an
    output `total` samples long."""

    def __init__(self, music: Music, path: Path, total: int) -> None:
        self._music = music
        self._total = total
        self._samples = _Reader(_decoded(path, music.offset, music.offset + total / SAMPLE_RATE))

    def take(self, start: int, count: int) -> np.ndarray:
        """Output samples start … start + count of the music."""
        music = self._music
        index = np.arange(start, start + count, dtype=np.float64)
        gain = np.full(count, music.volume, dtype=np.float64)
        if music.fade_in > 0:
            gain *= np.minimum(1.0, index / (music.fade_in * SAMPLE_RATE))
        if music.fade_out > 0:
            gain *= np.minimum(1.0, (self._total - index) / (music.fade_out * SAMPLE_RATE))
        return self._samples.take(count) * gain.astype(np.float32)


class _Reader:
    """Takes exact counts of samples from a stream of blocks, silence once it runs out."""

    def __init__(self, blocks: Iterator[np.ndarray]) -> None:
        self._blocks = blocks
        self._pending = np.zeros((CHANNELS, 0), np.float32)

    def take(self, count: int) -> np.ndarray:
        parts = [self._pending]
        have = self._pending.shape[1]
        while have < count:
            block = next(self._blocks, None)
            if block is None:
                parts.append(np.zeros((CHANNELS, count - have), np.float32))
                break
            parts.append(block)
            have += block.shape[1]
        joined = np.concatenate(parts, axis=1)
        self._pending = joined[:, count:]
        return np.ascontiguousarray(joined[:, :count])


def _exactly(blocks: Iterable[np.ndarray], count: int) -> Iterator[np.ndarray]:
    """`blocks` cut to `count` samples, or padded with silence to that many."""
    left = count
    for block in blocks:
        if left <= 0:
            break
        part = block[:, :left]
        left -= part.shape[1]
        yield part
    while left > 0:
        step = min(left, _BLOCK)
        left -= step
        yield np.zeros((CHANNELS, step), np.float32)


def _decoded(path: Path, start: float, end: float) -> Iterator[np.ndarray]:
    """The sound of `path` from `start` to `end` (source seconds) as (2, n) float32 blocks at
    48 kHz: nothing when it has no sound, silence where its sound starts after `start`, and
    ending early where the file stops decoding."""
    wanted = sample_count(end - start)
    emitted = 0
    with open_container(path) as container:
        if not container.streams.audio:
            return
        for position, block in _sound_from(container, container.streams.audio[0], start):
            if position > emitted:  # a gap: the sound starts (or resumes) later
                gap = min(position, wanted) - emitted
                yield np.zeros((CHANNELS, gap), np.float32)
                emitted += gap
            stop = min(wanted, position + block.shape[1]) - position
            if stop > emitted - position:
                yield block[:, emitted - position : stop]
                emitted = position + stop
            if emitted >= wanted:
                return


def _sound_from(
    container: av.container.InputContainer, stream: av.AudioStream, start: float
) -> Iterator[tuple[int, np.ndarray]]:
    """(position, block) pairs of a stream's sound from about `start` on, resampled to 48 kHz
    stereo: `position` is the block's first sample counted from `start` (negative before it).
    Stops quietly where the file stops decoding."""
    time_base = stream.time_base
    assert time_base is not None
    origin = _origin(container, stream)
    resampler = av.AudioResampler(format="fltp", layout="stereo", rate=SAMPLE_RATE)
    position: int | None = None
    try:
        if start > 0:
            container.seek(
                int((origin + start) / time_base), stream=stream, backward=True, any_frame=False
            )
        for frame in container.decode(stream):
            if position is None:
                first = 0.0 if frame.pts is None else float(frame.pts * time_base) - origin
                position = sample_count(first - start)
            for block in resampler.resample(frame):
                yield position, block.to_ndarray()
                position += block.samples
        if position is not None:
            for block in resampler.resample(None):
                yield position, block.to_ndarray()
                position += block.samples
    except (av.error.FFmpegError, ValueError):
        return


def _origin(container: av.container.InputContainer, sound: av.AudioStream) -> float:
    """Time zero of a source in seconds: its video stream's first frame (the sound's own start
    for a file without video)."""
    reference = container.streams.video[0] if container.streams.video else sound
    if reference.start_time is None or reference.time_base is None:
        return 0.0
    return float(reference.start_time * reference.time_base)


def _tempo(blocks: Iterable[np.ndarray], speed: float) -> Iterator[np.ndarray]:
    """`blocks` played `speed` times as fast at the same pitch (FFmpeg's atempo)."""
    graph = av.filter.Graph()
    source = graph.add_abuffer(
        format="fltp", sample_rate=SAMPLE_RATE, layout="stereo", time_base=_TIME_BASE
    )
    sink = graph.add("abuffersink")
    graph.link_nodes(
        source,
        graph.add("atempo", f"{speed}"),
        graph.add("aformat", sample_fmts="fltp", channel_layouts="stereo"),
        sink,
    ).configure()
    pts = 0
    for block in blocks:
        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(block), format="fltp", layout="stereo"
        )
        frame.sample_rate = SAMPLE_RATE
        frame.time_base = _TIME_BASE
        frame.pts = pts
        pts += block.shape[1]
        source.push(frame)
        yield from _pulled(sink)
    source.push(None)
    yield from _pulled(sink)


def _pulled(sink: av.filter.context.FilterContext) -> Iterator[np.ndarray]:
    """What the filter graph has ready at its sink."""
    while True:
        try:
            frame = sink.pull()
        except (av.error.BlockingIOError, av.error.EOFError):
            return
        assert isinstance(frame, av.AudioFrame)
        yield frame.to_ndarray()
