"""Video export: a 30 s 1080×1920 30 fps H.264/AAC clip, re-encoded with a look and a title,
and stream-copy trimmed.

Targets (issue 5):
- our re-encoding export (`export_video`: a built-in filter look and a text overlay at 9:16)
  runs at least 0.8× the speed of a plain single-loop PyAV reference that decodes, warms each
  frame with a per-channel `cv2.LUT` curve and encodes with libx264 veryfast, re-encoding the
  sound to AAC as ours does;
- a stream-copy trim of 20 s runs at least 100× realtime.

Both encodes use libx264 veryfast at CRF 20 with FFmpeg's automatic threads. The clip is made
once and kept in the temporary folder: a slow pan over a photo-like picture with sensor-like
noise at about a phone's bit rate (so the decoder and encoder have real work), and a tone.

Run: ``.venv/bin/python -m tests.bench.test_video_speed``
"""

from __future__ import annotations

import resource
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

from editor.video.edit import VideoEdit
from editor.video.export import export_video
from editor.video.trim import trim_copy
from tests.bench.common import photo_pixels

SIZE = (1080, 1920)
SECONDS = 30
FPS = 30
TRIM = (5.0, 25.0)
TARGET_VS_REFERENCE = 0.8
TARGET_TRIM_REALTIME = 100.0
_RATE = 48_000


def bench_clip(folder: Path) -> Path:
    """The 30 s test clip, made once (about a minute) and then reused."""
    path = folder / f"video-{SIZE[0]}x{SIZE[1]}-{SECONDS}s.mp4"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    width, height = SIZE
    scene = photo_pixels(width + 240, height + 240, seed=5)
    rng = np.random.default_rng(5)
    noise = [rng.normal(0, 4, (height, width, 3)).astype(np.int16) for _ in range(6)]
    partial = path.with_suffix(".part")
    with av.open(str(partial), mode="w", format="mp4") as out:
        video = out.add_stream("libx264", rate=FPS, options={"preset": "fast", "crf": "18"})
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        sound = out.add_stream("aac", rate=_RATE)
        sound.layout = "stereo"
        for index in range(SECONDS * FPS):
            shift = round(240 * index / (SECONDS * FPS))
            view = scene[shift : shift + height, shift // 2 : shift // 2 + width]
            pixels = np.clip(view + noise[index % len(noise)], 0, 255).astype(np.uint8)
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            frame.pts, frame.time_base = index, Fraction(1, FPS)
            out.mux(video.encode(frame))
            start = index * _RATE // FPS
            t = np.arange(start, (index + 1) * _RATE // FPS) / _RATE
            tone = (0.2 * np.sin(2 * np.pi * 330 * t)).astype(np.float32)
            chunk = av.AudioFrame.from_ndarray(
                np.stack([tone, tone]), format="fltp", layout="stereo"
            )
            chunk.sample_rate, chunk.pts, chunk.time_base = _RATE, start, Fraction(1, _RATE)
            out.mux(sound.encode(chunk))
        out.mux(video.encode())
        out.mux(sound.encode())
    partial.rename(path)
    return path


def warming_curve() -> np.ndarray:
    """A 256×1×3 per-channel LUT: red lifted, blue lowered (a light warm filter)."""
    levels = np.arange(256) / 255
    red = np.clip(levels**0.9 * 255 + 0.5, 0, 255)
    green = levels * 255
    blue = np.clip(levels**1.1 * 255 + 0.5, 0, 255)
    return np.stack([red, green, blue], axis=1).astype(np.uint8).reshape(256, 1, 3)


def reference(source: Path, out: Path) -> None:
    """Plain PyAV in one loop: decode, cv2.LUT in RGB, encode libx264 veryfast; the sound
    decoded and re-encoded to AAC."""
    curve = warming_curve()
    with av.open(str(source)) as src, av.open(str(out), mode="w") as dst:
        video_in, audio_in = src.streams.video[0], src.streams.audio[0]
        video_in.thread_type = "AUTO"
        video = dst.add_stream("libx264", rate=FPS, options={"preset": "veryfast", "crf": "20"})
        video.width, video.height, video.pix_fmt = SIZE[0], SIZE[1], "yuv420p"
        audio = dst.add_stream("aac", rate=_RATE)
        audio.layout, audio.bit_rate = "stereo", 160_000
        for packet in src.demux(video_in, audio_in):
            for frame in packet.decode():
                if packet.stream is video_in:
                    warmed = cv2.LUT(frame.to_ndarray(format="rgb24"), curve)
                    encoded = av.VideoFrame.from_ndarray(warmed, format="rgb24")
                    encoded.pts, encoded.time_base = frame.pts, frame.time_base
                    dst.mux(video.encode(encoded))
                else:
                    frame.pts = None
                    dst.mux(audio.encode(frame))
        dst.mux(video.encode())
        dst.mux(audio.encode())


def ours(source: Path, out: Path) -> None:
    edit = VideoEdit.from_dict(
        {
            "frame": {"aspect": "9:16", "mode": "crop"},
            "look": {"filter": {"id": "builtin:cream", "strength": 80}},
            "overlays": [
                {
                    "start": 0,
                    "end": SECONDS,
                    "layer": {
                        "type": "text",
                        "text": "周末去哪儿 · Weekend",
                        "size": 0.035,
                        "y": 0.15,
                        "box": {"color": "#FF2442", "radius": 0.3, "padding": 0.3},
                    },
                }
            ],
        }
    )
    export_video(edit, {"": source}, out)


def measured(function: Callable[[], object]) -> tuple[float, float]:
    """Wall time and CPU time (this process, all threads) of `function`, in seconds."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    function()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed_trim(source: Path, out: Path) -> float:
    """One stream-copy trim into a new file: the previous run's output is removed first, so
    the figure is the copy's, not the file system's freeing of the old file's blocks."""
    out.unlink(missing_ok=True)
    return measured(lambda: trim_copy(source, *TRIM, out))[0]


def run(folder: Path, repeats: int = 2) -> tuple[float, float]:
    """Measure and print; returns (ours / reference speed, trim realtime factor)."""
    source = bench_clip(folder)
    out = folder / "out.mp4"
    runs: dict[str, list[tuple[float, float]]] = {"reference": [], "ours": []}
    for _ in range(repeats):  # in turns, so that a busy moment of the machine hits both alike
        runs["reference"].append(measured(lambda: reference(source, out)))
        runs["ours"].append(measured(lambda: ours(source, out)))
    print(
        f"\nVideo export: {SECONDS} s {SIZE[0]}×{SIZE[1]} {FPS} fps → H.264 veryfast CRF 20 + AAC"
    )
    labels = {
        "reference": "reference: PyAV decode → cv2.LUT → libx264 (sound re-encoded)",
        "ours": "ours: export_video, filter look + text overlay",
    }
    best = {name: min(values) for name, values in runs.items()}
    for name, (wall, cpu) in best.items():
        print(
            f"  {labels[name]:<64} {wall:6.1f} s  {SECONDS / wall:5.2f}× realtime"
            f"  (CPU {cpu:5.1f} s)"
        )
    ratio = best["reference"][0] / best["ours"][0]
    print(f"  ours / reference speed = {ratio:.2f} (target ≥ {TARGET_VS_REFERENCE})")

    span = TRIM[1] - TRIM[0]
    elapsed = min(_timed_trim(source, folder / "trim.mp4") for _ in range(5))
    factor = span / elapsed
    print(
        f"  trim_copy of {span:.0f} s: {elapsed * 1000:.0f} ms, {factor:.0f}× realtime "
        f"(target ≥ {TARGET_TRIM_REALTIME:.0f}×)"
    )
    return ratio, factor


def test_video_speed() -> None:
    run(Path(tempfile.gettempdir()) / "zhongcao-bench")


if __name__ == "__main__":
    run(Path(tempfile.gettempdir()) / "zhongcao-bench")
