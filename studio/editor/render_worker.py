"""Preview renders off the UI thread: one at a time, the latest request wins.

While the creator drags a slider, requests arrive faster than renders finish. Only one render
runs at a time; a request made meanwhile replaces any other waiting one, and a result whose
request was overtaken is dropped, so the canvas never flickers back to an older state and
renders never pile up.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from editor.recipe import Recipe
from editor.render import Preview
from studio.ops import run_in_background
from studio.tasks import Lane, TaskRunner


def to_qimage(pixels: np.ndarray) -> QImage:
    """An RGB or RGBA uint8 array as a QImage that owns its pixels (safe to make on a worker)."""
    pixels = np.ascontiguousarray(pixels)
    height, width, channels = pixels.shape
    formats = {3: QImage.Format.Format_RGB888, 4: QImage.Format.Format_RGBA8888}
    return QImage(pixels.data, width, height, channels * width, formats[channels]).copy()


@dataclass(frozen=True)
class RenderRequest:
    recipe: Recipe
    crop: bool = True
    """False renders the whole straightened frame, for the crop tool."""


@dataclass(frozen=True)
class RenderResult:
    request: RenderRequest
    image: QImage


class RenderWorker(QObject):
    """Renders `RenderRequest`s of one photo's `Preview`; `rendered` / `failed` report back."""

    rendered = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._preview: Preview | None = None
        self._latest: RenderRequest | None = None
        self._waiting: RenderRequest | None = None
        self._running = False

    @property
    def has_preview(self) -> bool:
        return self._preview is not None

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def set_preview(self, preview: Preview | None) -> None:
        """Render another photo from now on; anything still asked for the old one is dropped."""
        self._preview = preview
        self._latest = self._waiting = None

    def request(self, request: RenderRequest) -> None:
        if self._preview is None:
            return
        self._latest = request
        if self._running:
            self._waiting = request
            return
        self._start(request)

    def _start(self, request: RenderRequest) -> None:
        preview = self._preview
        if preview is None:
            return
        self._running = True
        run_in_background(
            self._runner,
            Lane.READ,
            owner=self,
            job=lambda _progress: to_qimage(preview.render(request.recipe, crop=request.crop)),
            on_success=lambda image: self._finished(RenderResult(request, image), preview),
            on_failure=lambda error: self._finished(error, preview),
        )

    def _finished(self, outcome: RenderResult | BaseException, preview: Preview) -> None:
        self._running = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(waiting)
        if preview is not self._preview:
            return
        if isinstance(outcome, BaseException):
            if waiting is None:
                self.failed.emit(outcome)
        elif outcome.request == self._latest:
            self.rendered.emit(outcome)
