"""The video gate: what a video file is, checked before anything edits or stores it.

A file passes when it is a regular file within the size cap, its first bytes are an MP4/MOV
or Matroska/WebM container, FFmpeg (through PyAV) opens it, it has a video stream with a
positive duration, and its first frame decodes. Everything else is refused with a stable code
(``video.*``, ``file.*``) the caller translates; nothing raises PyAV's own errors past here.

Sizes are reported as displayed: a phone video shot upright is stored landscape with a display
matrix saying "turn 90°", and `VideoInfo.width`/`height` are after that turn (`rotation` says
how much; `editor.video.frames` applies it to every frame it decodes).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import av.error

from editor.errors import EditorError
from editor.files import open_regular

__all__ = [
    "AudioInfo",
    "probe_audio",
    "VideoInfo",
    "VideoLimits",
    "DEFAULT_VIDEO_LIMITS",
    "open_container",
    "probe_video",
    "sniff_video",
]


@dataclass(frozen=True)
class VideoLimits:
    """Caps checked before and after opening a video.

    Attributes:
        max_bytes: Largest file accepted: the platform's block limit (20 GB).
        max_seconds: Longest duration: the platform's block limit (4 h).
        max_side: Longest coded width or height (8K).
    """

    max_bytes: int = 20 * 1024**3
    max_seconds: float = 4 * 3600.0
    max_side: int = 8192


DEFAULT_VIDEO_LIMITS = VideoLimits()

_MIMES = {
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "mkv": "video/x-matroska",
    "webm": "video/webm",
}
_MP4_BOXES = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip")
_STILL_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"})
_EBML = b"\x1a\x45\xdf\xa3"
_SNIFF_BYTES = 64


@dataclass(frozen=True)
class VideoInfo:
    """What the gate learned of a video. Durations are in seconds; sizes are as displayed."""

    format: str
    """``mp4``, ``mov``, ``mkv`` or ``webm``, from the file's bytes."""
    mime: str
    duration: float
    fps: float
    width: int
    height: int
    rotation: int
    """Degrees counter-clockwise the stored picture is turned for display: 0, 90, 180 or 270."""
    video_codec: str
    has_audio: bool
    audio_codec: str | None
    sample_rate: int | None
    channels: int | None
    bit_rate: int | None
    bytes: int

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready description (the `video probe` command prints it)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def sniff_video(head: bytes) -> str | None:
    """The container named by a file's first bytes, or None when it is not one we take. A
    HEIC or AVIF photo is an ISO media file too; its brand says it is a still picture."""
    if head[4:8] == b"ftyp" and head[8:12] in _STILL_BRANDS:
        return None
    if head[4:8] in _MP4_BOXES:
        brand = head[8:12]
        return "mov" if brand == b"qt  " or head[4:8] != b"ftyp" else "mp4"
    if head.startswith(_EBML):
        return "webm" if b"webm" in head[:_SNIFF_BYTES] else "mkv"
    return None


def open_container(path: Path | str) -> av.container.InputContainer:
    """Open a video that passed the gate, turning FFmpeg's refusals into ``video.corrupt``."""
    try:
        return av.open(str(path), mode="r")
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as exc:
        raise EditorError("video.corrupt", {"reason": type(exc).__name__}) from exc


def probe_video(path: Path | str, *, limits: VideoLimits = DEFAULT_VIDEO_LIMITS) -> VideoInfo:
    """Pass a file through the video gate.

    Raises:
        EditorError: ``file.not_found``, ``file.unreadable``, ``file.not_regular``,
            ``file.empty``, ``file.too_large`` ({size, max}), ``video.unsupported_format``,
            ``video.corrupt``, ``video.no_video`` (an audio-only or empty container),
            ``video.zero_duration``, ``video.too_long`` ({seconds, max}) or
            ``video.side_too_long`` ({width, height, max}).
    """
    container_format, size = _sniff_file(path, limits)
    with open_container(path) as container:
        if not container.streams.video:
            raise EditorError("video.no_video")
        stream = container.streams.video[0]
        codec = stream.codec_context
        coded_w, coded_h = int(codec.width or 0), int(codec.height or 0)
        if max(coded_w, coded_h) > limits.max_side:
            raise EditorError(
                "video.side_too_long", {"width": coded_w, "height": coded_h, "max": limits.max_side}
            )
        # Before decoding: a track that declares no time has no frame either, and saying so
        # is truer than calling the file damaged.
        duration = _duration(container, stream)
        if duration <= 0:
            raise EditorError("video.zero_duration")
        if duration > limits.max_seconds:
            raise EditorError(
                "video.too_long", {"seconds": round(duration, 1), "max": limits.max_seconds}
            )
        rotation = _first_frame_rotation(container, stream)
        turned = rotation in (90, 270)
        audio = container.streams.audio[0] if container.streams.audio else None
        return VideoInfo(
            format=container_format,
            mime=_MIMES[container_format],
            duration=duration,
            fps=_fps(stream),
            width=coded_h if turned else coded_w,
            height=coded_w if turned else coded_h,
            rotation=rotation,
            video_codec=codec.name,
            has_audio=audio is not None,
            audio_codec=None if audio is None else audio.codec_context.name,
            sample_rate=None if audio is None else audio.codec_context.sample_rate,
            channels=None if audio is None else audio.codec_context.channels,
            bit_rate=container.bit_rate or None,
            bytes=size,
        )


def _head(path: Path | str, limits: VideoLimits) -> tuple[bytes, int]:
    """The first bytes of a regular, non-empty file within the size cap, and its size."""

    def check_size(size: int) -> None:
        if size == 0:
            raise EditorError("file.empty")
        if size > limits.max_bytes:
            raise EditorError("file.too_large", {"size": size, "max": limits.max_bytes})

    stream, size = open_regular(path, check_size)
    with stream:
        return stream.read(_SNIFF_BYTES), size


def _sniff_file(path: Path | str, limits: VideoLimits) -> tuple[str, int]:
    head, size = _head(path, limits)
    container_format = sniff_video(head)
    if container_format is None:
        raise EditorError("video.unsupported_format")
    return container_format, size


def _first_frame_rotation(container: av.container.InputContainer, stream: av.VideoStream) -> int:
    """Decode the first frame (proving the picture data, not just the header) and read its
    display rotation."""
    try:
        for frame in container.decode(stream):
            return int(round(frame.rotation or 0)) % 360 // 90 * 90
    except (av.error.FFmpegError, ValueError) as exc:
        raise EditorError("video.corrupt", {"reason": type(exc).__name__}) from exc
    raise EditorError("video.corrupt", {"reason": "no_frames"})


def _duration(container: av.container.InputContainer, stream: av.stream.Stream) -> float:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return 0.0


def _fps(stream: av.VideoStream) -> float:
    rate = stream.average_rate or stream.guessed_rate or stream.base_rate
    return float(rate) if rate else 0.0


@dataclass(frozen=True)
class AudioInfo:
    """What the gate learned of a sound file (music for a video)."""

    format: str
    """The container FFmpeg recognised (``mp3``, ``mov,mp4,m4a,3gp,3g2,mj2``, ``wav`` …)."""
    duration: float
    codec: str
    sample_rate: int
    channels: int
    bytes: int


_AUDIO_MAGIC: tuple[tuple[int, bytes], ...] = (
    (0, b"ID3"),  # MP3 with an ID3v2 tag
    (0, b"RIFF"),  # WAV
    (0, b"fLaC"),
    (0, b"OggS"),
    (4, b"ftyp"),  # M4A / AAC in MP4, or a video whose sound is wanted
)


def sniff_audio(head: bytes) -> bool:
    """Whether a file's first bytes are a sound file's we take (or a video's, for its sound)."""
    if any(head[at : at + len(magic)] == magic for at, magic in _AUDIO_MAGIC):
        return True
    # An MP3 or ADTS AAC frame without a tag starts with 11 (12) set sync bits.
    return (
        len(head) >= 2
        and head[0] == 0xFF
        and head[1] & 0xE0 == 0xE0
        or sniff_video(head) is not None
    )


def probe_audio(path: Path | str, *, limits: VideoLimits = DEFAULT_VIDEO_LIMITS) -> AudioInfo:
    """Pass a sound file (or a video, for its sound) through the gate.

    Raises:
        EditorError: the ``file.*`` codes, ``audio.unsupported_format``, ``video.corrupt``,
            ``audio.no_audio``, ``video.zero_duration`` or ``video.too_long``.
    """
    head, size = _head(path, limits)
    if not sniff_audio(head):
        raise EditorError("audio.unsupported_format")
    with open_container(path) as container:
        if not container.streams.audio:
            raise EditorError("audio.no_audio")
        audio = container.streams.audio[0]
        try:
            next(container.decode(audio))
        except (av.error.FFmpegError, ValueError, StopIteration) as exc:
            raise EditorError("video.corrupt", {"reason": type(exc).__name__}) from exc
        duration = _duration(container, audio)
        if duration <= 0:
            raise EditorError("video.zero_duration")
        if duration > limits.max_seconds:
            raise EditorError(
                "video.too_long", {"seconds": round(duration, 1), "max": limits.max_seconds}
            )
        codec = audio.codec_context
        return AudioInfo(
            format=container.format.name,
            duration=duration,
            codec=codec.name,
            sample_rate=int(codec.sample_rate or 0),
            channels=int(codec.channels or 0),
            bytes=size,
        )
