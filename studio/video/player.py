"""The video editor's preview: frames of the edit rendered at screen size, scrubbed or played.

One worker thread owns the decoders (a PyAV container belongs to the thread that reads it) and
the frame renderer; the UI thread only posts requests — show time t, play, pause, a new edit —
and receives finished QImages. Requests collapse: while a frame renders, a burst of scrubbing
leaves only the latest time to do next, so dragging the playhead never queues up work.

Playing paces frames on a monotonic clock, or on the sound card's clock when the edit's
sound plays (`studio.video.sound`), and drops frames rather than falling behind it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from editor.errors import EditorError
from editor.render import LookResolver
from editor.stickers import StickerResolver
from editor.video.edit import OUTPUT_FPS, VideoEdit
from editor.video.frames import FrameReader
from editor.video.render import FrameRenderer, output_size
from studio.editor.render_worker import to_qimage
from studio.video.sound import PreviewSound
from studio.video.sources import Source

PREVIEW_SIDE = 960
"""Long side of preview frames: sharp on a large editor window, cheap to render."""


Sources = Mapping[str, Source]


def durations_of(sources: Sources) -> dict[str, float]:
    return {key: source.duration for key, source in sources.items()}


@dataclass
class _Wanted:
    edit: VideoEdit | None = None
    sources: Sources | None = None
    time: float | None = None
    """A frame to show (a seek); None when nothing new is asked."""
    playing: bool = False
    generation: int = 0
    closed: bool = False


class PreviewPlayer(QObject):
    """Shows the edit at a time, and plays it.

    Signals carry the output time with each frame so the UI can move its playhead in step.
    """

    frame_ready = Signal(QImage, float)
    playing_changed = Signal(bool)
    failed = Signal(object)
    """An EditorError (or other exception) while decoding or rendering a preview frame."""

    def __init__(
        self,
        *,
        looks: LookResolver,
        stickers: StickerResolver,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._looks = looks
        self._stickers = stickers
        self._clock = clock
        self._wanted = _Wanted()
        self._condition = threading.Condition()
        self._readers: dict[str, FrameReader] = {}
        """Open decoders by source key: used by the worker thread only."""
        self._renderer: tuple[object, FrameRenderer] | None = None
        self._sound = PreviewSound()
        self.position = 0.0
        self._thread = threading.Thread(target=self._run, name="video-preview", daemon=True)
        self._thread.start()
        # Only Python objects in the closure: it runs while the QObject is being destroyed.
        wanted, condition = self._wanted, self._condition
        self.destroyed.connect(lambda: _close(wanted, condition))

    # -- requests from the UI thread --------------------------------------------------------

    def load(self, edit: VideoEdit, sources: Sources) -> None:
        """A new edit or new sources: the current frame is shown again."""
        with self._condition:
            self._wanted.edit = edit
            self._wanted.sources = dict(sources)  # the caller's dict changes on its thread
            if self._wanted.time is None and not self._wanted.playing:
                self._wanted.time = self.position
            self._wanted.generation += 1
            self._condition.notify()

    def seek(self, t: float) -> None:
        with self._condition:
            self.position = max(0.0, t)
            self._wanted.time = self.position
            self._wanted.generation += 1
            self._condition.notify()

    def play(self) -> None:
        self._set_playing(True)

    def pause(self) -> None:
        self._set_playing(False)

    @property
    def playing(self) -> bool:
        return self._wanted.playing

    def toggle(self) -> None:
        self._set_playing(not self._wanted.playing)

    def release(self) -> None:
        """Stop and let go of the files (the editor went back to the note); `load` again to
        show something."""
        with self._condition:
            was_playing = self._wanted.playing
            self._wanted.edit = self._wanted.sources = None
            self._wanted.playing = False
            self._wanted.time = 0.0  # wakes the thread, which closes its decoders
            self._wanted.generation += 1
            self._condition.notify()
        if was_playing:
            self.playing_changed.emit(False)

    def close(self) -> None:
        _close(self._wanted, self._condition)

    def _set_playing(self, playing: bool) -> None:
        with self._condition:
            if self._wanted.playing == playing:
                return
            self._wanted.playing = playing
            self._wanted.generation += 1
            self._condition.notify()
        self.playing_changed.emit(playing)

    # -- the worker thread ------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                with self._condition:
                    while not self._has_work():
                        self._condition.wait()
                    if self._wanted.closed:
                        return
                    edit, sources = self._wanted.edit, self._wanted.sources
                    seek, self._wanted.time = self._wanted.time, None
                    playing, generation = self._wanted.playing, self._wanted.generation
                self._prune_readers(sources or {})
                if edit is None or sources is None:
                    continue
                try:
                    if playing:
                        at = self.position if seek is None else seek
                        self._play(edit, sources, at, generation)
                    elif seek is not None:
                        self._show(edit, sources, seek)
                except Exception as exc:  # noqa: BLE001 - the preview thread must outlive it
                    self._stop_playing()
                    self.failed.emit(exc)
        finally:
            self._sound.stop()
            for reader in self._readers.values():
                reader.close()

    def _has_work(self) -> bool:
        wanted = self._wanted
        return (
            wanted.closed or wanted.time is not None or (wanted.playing and wanted.edit is not None)
        )

    def _play(self, edit: VideoEdit, sources: Sources, start: float, generation: int) -> None:
        """Play from `start` until the end, a pause, a seek or a new edit."""
        durations = durations_of(sources)
        end = edit.duration(durations)
        if start >= end - 1 / OUTPUT_FPS:
            start = 0.0
        paths = {key: source.path for key, source in sources.items()}
        began = self._clock()
        if self._sound.start(edit, paths, durations, start):
            clock = self._sound.position
        else:
            clock = lambda: start + (self._clock() - began)  # noqa: E731 - silent: system clock
        try:
            self._play_frames(edit, sources, clock, end, generation)
        finally:
            self._sound.stop()

    def _play_frames(
        self,
        edit: VideoEdit,
        sources: Sources,
        clock: Callable[[], float],
        end: float,
        generation: int,
    ) -> None:
        shown = -1
        while True:
            with self._condition:
                if self._wanted.generation != generation or self._wanted.closed:
                    return
            t = clock()
            if t >= end:
                self.position = end
                self._stop_playing()
                return
            index = int(t * OUTPUT_FPS)
            if index != shown:
                shown = index
                self.position = index / OUTPUT_FPS
                if not self._show(edit, sources, self.position):
                    self._stop_playing()  # a frame that cannot be shown stops the playing
                    return
            wait = (index + 1) / OUTPUT_FPS - clock()
            with self._condition:
                if self._wanted.generation == generation and not self._wanted.closed:
                    self._condition.wait(max(0.0, min(wait, 1 / OUTPUT_FPS)))

    def _stop_playing(self) -> None:
        """Playing ended by itself (the end, a failure): the UI hears it like a pause."""
        with self._condition:
            if not self._wanted.playing:
                return
            self._wanted.playing = False
            self._wanted.generation += 1
        self.playing_changed.emit(False)

    def _prune_readers(self, sources: Sources) -> None:
        """Close the decoders of sources the edit no longer has (or now names another file)."""
        for key in list(self._readers):
            source = sources.get(key)
            if source is None or source.path != self._readers[key].path:
                self._readers.pop(key).close()

    def _show(self, edit: VideoEdit, sources: Sources, t: float) -> bool:
        """Render and hand over the frame at output time `t`; False after a failure."""
        try:
            image = self._render(edit, sources, t)
        except Exception as exc:  # noqa: BLE001 - shown to the creator, the preview carries on
            self.failed.emit(exc)
            return False
        if image is not None:
            self.frame_ready.emit(image, t)
        return True

    def _render(self, edit: VideoEdit, sources: Sources, t: float) -> QImage | None:
        placed = edit.placed(durations_of(sources))
        if not placed:
            return None
        t = min(max(t, 0.0), placed[-1].out_end - 1e-6)
        clip = next(p for p in placed if t < p.out_end)
        source = _video_source(sources, clip.clip.source)
        first = _video_source(sources, placed[0].clip.source).video
        assert source.video is not None and first is not None  # `_video_source` checked
        picture = self._reader(source).frame_at(clip.source_time(t), max_side=PREVIEW_SIDE)
        return to_qimage(self._renderer_for(edit, (first.width, first.height)).render(picture, t))

    def _reader(self, source: Source) -> FrameReader:
        reader = self._readers.get(source.key)
        if reader is None:
            reader = self._readers[source.key] = FrameReader(source.path, source.video)
        return reader

    def _renderer_for(self, edit: VideoEdit, first_size: tuple[int, int]) -> FrameRenderer:
        """The renderer of `edit` at preview size; the export's shape comes from the first
        clip's picture, as in the export."""
        key = (edit, first_size)
        if self._renderer is None or self._renderer[0] != key:
            renderer = FrameRenderer(
                edit,
                first_size,
                size=preview_size(edit, first_size),
                looks=self._looks,
                stickers=self._stickers,
            )
            self._renderer = (key, renderer)
        return self._renderer[1]


def _video_source(sources: Sources, key: str) -> Source:
    source = sources.get(key)
    if source is None or source.video is None:
        raise EditorError("video.source_missing", {"source": key})
    return source


def _close(wanted: _Wanted, condition: threading.Condition) -> None:
    with condition:
        wanted.closed = True
        condition.notify()


def preview_size(edit: VideoEdit, first_size: tuple[int, int]) -> tuple[int, int]:
    """The export's shape at no more than `PREVIEW_SIDE` on its long side."""
    width, height = output_size(edit, first_size)
    scale = min(1.0, PREVIEW_SIDE / max(width, height))
    return max(2, round(width * scale)), max(2, round(height * scale))
