"""One video export at a time, in a child process, with progress and cancel.

The render runs in `editor.video.process` (a child process); a media-lane thread waits on it
and relays its progress here. Cancel sets a flag the waiting thread passes on to the child,
which stops within a frame and leaves no partial file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor.video.edit import VideoEdit
from editor.video.export import ExportResult
from editor.video.process import export_in_process
from studio.looks_cache import LooksCache
from studio.ops import run_in_background
from studio.tasks import Lane

if TYPE_CHECKING:
    from studio.context import AppContext


Render = Callable[
    [VideoEdit, Mapping[str, Path], Path, Callable[[float], None], threading.Event],
    ExportResult,
]


def renderer_for(ctx: AppContext) -> Render:
    """How this app exports a video: in a child process, with the app's looks (its imported
    .cube files) and stickers; called on a worker thread, it blocks until the file is done."""
    looks, stickers = LooksCache.for_context(ctx), ctx.stickers

    def render(
        edit: VideoEdit,
        sources: Mapping[str, Path],
        out: Path,
        progress: Callable[[float], None],
        cancel: threading.Event,
    ) -> ExportResult:
        return export_in_process(
            edit,
            sources,
            out,
            looks=looks,
            stickers=stickers,
            progress=progress,
            cancelled=cancel.is_set,
        )

    return render


class VideoExportJob(QObject):
    """Runs exports one after another; `busy` while one runs."""

    progressed = Signal(float)
    finished = Signal(object)
    """The `editor.video.export.ExportResult`."""
    failed = Signal(object)
    """The exception; ``video.cancelled`` after `cancel`."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._cancel: threading.Event | None = None

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def start(self, edit: VideoEdit, sources: Mapping[str, Path], out: Path) -> bool:
        """Export `edit` to `out`; False (and nothing started) while another export runs."""
        if self._cancel is not None:
            return False
        cancel = self._cancel = threading.Event()
        render = renderer_for(self._ctx)
        paths = dict(sources)
        run_in_background(
            self._ctx.runner,
            Lane.EXPORT,
            owner=self,
            job=lambda progress: render(edit, paths, out, progress, cancel),
            on_success=self._on_done,
            on_failure=self._on_failed,
            on_progress=self.progressed.emit,
        )
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _on_done(self, result: object) -> None:
        self._cancel = None
        self.finished.emit(result)

    def _on_failed(self, error: BaseException) -> None:
        self._cancel = None
        self.failed.emit(error)
