"""Small generated videos for tests: real H.264/AAC (or VP9/Opus) files, made on the fly.

Every frame carries its own index, so a test can tell which source frame it is looking at:
`frame_index_of` reads it back from a decoded picture (a grey level per block of a band at
the top, robust to compression). The sound is a sine tone whose pitch tells sources apart,
with a one-frame click every second at whole seconds, for sync checks.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np

_BITS = 10  # frame indices up to 1023
_AUDIO_RATE = 48_000


def _picture(index: int, width: int, height: int) -> np.ndarray:
    """A frame showing `index` as ten black/white blocks across the top band, over a colour
    gradient that moves with time (so encoders see real motion)."""
    y, x = np.mgrid[0:height, 0:width]
    image = np.empty((height, width, 3), np.uint8)
    image[..., 0] = (x * 255 // max(1, width - 1) + index * 3) % 256
    image[..., 1] = y * 255 // max(1, height - 1)
    image[..., 2] = 128
    band = max(4, height // 8)
    block = width // _BITS
    for bit in range(_BITS):
        value = 255 if (index >> bit) & 1 else 0
        image[:band, bit * block : (bit + 1) * block] = value
    return image


def frame_index_of(picture: np.ndarray) -> int:
    """The index drawn by `_picture` in an RGB frame at its original size and orientation."""
    height, width = picture.shape[:2]
    band = max(4, height // 8)
    block = width // _BITS
    index = 0
    for bit in range(_BITS):
        cell = picture[
            band // 4 : band * 3 // 4, bit * block + block // 4 : (bit + 1) * block - block // 4
        ]
        if cell.mean() > 127:
            index |= 1 << bit
    return index


def _tone(start: int, count: int, pitch: float) -> np.ndarray:
    t = (np.arange(start, start + count) / _AUDIO_RATE).astype(np.float64)
    wave = 0.3 * np.sin(2 * np.pi * pitch * t)
    click = (t % 1.0) < (1 / 30)
    wave[click] = 0.9
    return wave.astype(np.float32)


def make_video(
    path: Path,
    *,
    seconds: float = 2.0,
    size: tuple[int, int] = (320, 240),
    fps: int = 30,
    audio: bool = True,
    rotation: int = 0,
    pitch: float = 440.0,
    container: str | None = None,
    codec: str = "libx264",
    gop: int = 30,
) -> Path:
    """Write a test video; `rotation` (counter-clockwise degrees) goes in the display matrix."""
    width, height = size
    frames = round(seconds * fps)
    with av.open(str(path), mode="w", format=container) as out:
        stream = out.add_stream(codec, rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.codec_context.gop_size = gop
        if codec == "libx264":
            stream.options = {"preset": "ultrafast"}
        if rotation:
            stream.set_display_rotation(rotation)
        sound = None
        if audio:
            sound = out.add_stream("aac" if codec == "libx264" else "libopus", rate=_AUDIO_RATE)
            sound.layout = "stereo"
        samples_done = 0
        for index in range(frames):
            frame = av.VideoFrame.from_ndarray(_picture(index, width, height), format="rgb24")
            frame.pts = index
            frame.time_base = Fraction(1, fps)
            out.mux(stream.encode(frame))
            if sound is not None:
                wanted = round((index + 1) * _AUDIO_RATE / fps)
                samples_done = _write_audio(out, sound, samples_done, wanted, pitch)
        out.mux(stream.encode())
        if sound is not None:
            out.mux(sound.encode())
    return path


def _write_audio(out, sound, done: int, wanted: int, pitch: float) -> int:
    chunk = 1024
    while done + chunk <= wanted:
        mono = _tone(done, chunk, pitch)
        frame = av.AudioFrame.from_ndarray(np.stack([mono, mono]), format="fltp", layout="stereo")
        frame.sample_rate = _AUDIO_RATE
        frame.pts = done
        frame.time_base = Fraction(1, _AUDIO_RATE)
        out.mux(sound.encode(frame))
        done += chunk
    return done


def make_audio(path: Path, *, seconds: float = 3.0, pitch: float = 660.0) -> Path:
    """An audio-only file (AAC in MP4 / M4A): music for a video, or a refused 'video'."""
    with av.open(str(path), mode="w", format="mp4") as out:
        sound = out.add_stream("aac", rate=_AUDIO_RATE)
        sound.layout = "stereo"
        _write_audio(out, sound, 0, round(seconds * _AUDIO_RATE), pitch)
        out.mux(sound.encode())
    return path
