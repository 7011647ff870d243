"""The preview's sound: the edit's own mix (clips at their speed, music, fades) played through
PortAudio where the machine has an output device, and the clock the pictures follow.

The mix comes from `editor.video.audio.mix_audio`, the very code the export uses, so what is
heard is what is published. A feeder thread decodes ahead into a short queue; the sound
card's callback takes from it and counts what it played, which is the position: pictures
paced by it stay in sync however the machine stutters. Without `sounddevice`, PortAudio or an
output device, `start` says so and the preview plays silent on the system clock.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from editor.video.audio import CHANNELS, SAMPLE_RATE, mix_audio, sample_count
from editor.video.edit import VideoEdit

_QUEUE_BLOCKS = 16
"""About 1.6 s of sound decoded ahead (blocks of 0.1 s)."""


def _sounddevice() -> Any | None:
    """The `sounddevice` module if PortAudio loads and there is an output device."""
    try:
        import sounddevice

        sounddevice.query_devices(kind="output")
    except Exception:  # noqa: BLE001 - OSError without PortAudio, PortAudioError without a device
        return None
    return sounddevice


class PreviewSound:
    """Plays the edit's sound from a time; `position` is where the listener is."""

    def __init__(self) -> None:
        self._stream: Any | None = None
        self._stop = threading.Event()
        self._started_at = 0.0
        self._played = 0
        self._pending = np.zeros((0, CHANNELS), np.float32)
        self._blocks: queue.Queue[np.ndarray | None] = queue.Queue(_QUEUE_BLOCKS)
        self._playing = False

    def start(
        self,
        edit: VideoEdit,
        sources: Mapping[str, Path],
        durations: Mapping[str, float],
        at: float,
    ) -> bool:
        """Play from output time `at`; False when this machine cannot play sound."""
        self.stop()
        device = _sounddevice()
        if device is None:
            return False
        self._stop = threading.Event()
        self._blocks = queue.Queue(_QUEUE_BLOCKS)
        self._pending = np.zeros((0, CHANNELS), np.float32)
        self._started_at, self._played = at, 0
        self._playing = False
        threading.Thread(
            target=self._feed,
            args=(edit, dict(sources), dict(durations), sample_count(at), self._blocks, self._stop),
            name="video-preview-sound",
            daemon=True,
        ).start()
        try:
            self._stream = device.OutputStream(
                samplerate=SAMPLE_RATE,
                channels=CHANNELS,
                dtype="float32",
                callback=self._fill,
            )
            self._stream.start()
        except Exception:  # noqa: BLE001 - a device that refuses the format: play silent
            self.stop()
            return False
        return True

    def position(self) -> float:
        """The output time being heard now."""
        return self._started_at + self._played / SAMPLE_RATE

    def stop(self) -> None:
        self._stop.set()
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.stop()
            stream.close()

    def _feed(
        self,
        edit: VideoEdit,
        sources: dict[str, Path],
        durations: dict[str, float],
        skip: int,
        blocks: queue.Queue[np.ndarray | None],
        stop: threading.Event,
    ) -> None:
        try:
            for block in mix_audio(edit, sources, durations):
                if stop.is_set():
                    return
                if skip >= block.shape[1]:
                    skip -= block.shape[1]
                    continue
                frames = np.ascontiguousarray(block[:, skip:].T)
                skip = 0
                while not stop.is_set():
                    try:
                        blocks.put(frames, timeout=0.1)
                        break
                    except queue.Full:
                        continue
        except Exception:  # noqa: BLE001 - a source that fails mid-way: the sound just ends
            return
        finally:
            with contextlib.suppress(queue.Full):
                blocks.put_nowait(None)

    def _fill(self, outdata: np.ndarray, frames: int, _time: Any, _status: Any) -> None:
        """PortAudio's callback (its own thread): the next `frames` samples, silence when
        the feeder is behind or done."""
        while len(self._pending) < frames:
            try:
                block = self._blocks.get_nowait()
            except queue.Empty:
                break
            if block is None:
                break
            self._pending = np.concatenate([self._pending, block])
        take = min(frames, len(self._pending))
        outdata[:take] = self._pending[:take]
        outdata[take:] = 0.0
        self._pending = self._pending[take:]
        # The clock starts with the first sound: the silence while the feeder decodes up to
        # the start time is not part of the video.
        self._playing = self._playing or take > 0
        if self._playing:
            self._played += frames
