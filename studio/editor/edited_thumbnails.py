"""Strip thumbnails with the edit applied, so the note's cards show what will be published.

The plain thumbnail (from the shared `ThumbnailCache`) is rendered through the photo's recipe
on a worker and kept by (sha256, recipe); until it is ready the plain one is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from editor.recipe import Recipe
from editor.render import render
from studio.editor.render_worker import to_qimage
from studio.looks_cache import LooksCache
from studio.ops import run_in_background
from studio.tasks import Lane

if TYPE_CHECKING:
    from studio.context import AppContext


def to_array(image: QImage) -> np.ndarray:
    """A QImage's pixels as an H×W×3 RGB uint8 array (a copy)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = rgb.width(), rgb.height()
    rows = np.frombuffer(rgb.constBits(), np.uint8, count=rgb.bytesPerLine() * height)
    return rows.reshape(height, rgb.bytesPerLine())[:, : width * 3].reshape(height, width, 3).copy()


class EditedThumbnails(QObject):
    """`ready(sha256)` when an edited thumbnail of that photo arrived."""

    ready = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._looks = LooksCache.for_context(ctx)
        self._latest: dict[str, tuple[Recipe, QPixmap]] = {}
        """Per photo, its newest edited thumbnail (older ones are let go)."""
        self._pending: set[tuple[str, Recipe]] = set()
        self._failed: set[tuple[str, Recipe]] = set()

    def get(self, sha256: str, recipe: Recipe, plain: QPixmap | None) -> QPixmap | None:
        """The edited thumbnail; while it is being made, the previous edited one (so the card
        does not flash back to the original), else `plain`."""
        if recipe.is_identity or plain is None or plain.isNull():
            return plain
        latest = self._latest.get(sha256)
        if latest is not None and latest[0] == recipe:
            return latest[1]
        key = (sha256, recipe)
        if key not in self._pending and key not in self._failed:
            self._pending.add(key)
            pixels = to_array(plain.toImage())
            looks = self._looks
            run_in_background(
                self._ctx.runner,
                Lane.READ,
                owner=self,
                job=lambda _progress: to_qimage(render(pixels, recipe, looks=looks)),
                on_success=lambda image: self._on_rendered(key, image),
                on_failure=lambda _error: self._on_failed(key),
            )
        return plain if latest is None else latest[1]

    def _on_failed(self, key: tuple[str, Recipe]) -> None:
        # The plain thumbnail stays; the editor itself reports what is wrong with the photo.
        self._pending.discard(key)
        self._failed.add(key)

    def _on_rendered(self, key: tuple[str, Recipe], image: QImage) -> None:
        self._pending.discard(key)
        sha256, recipe = key
        self._latest[sha256] = (recipe, QPixmap.fromImage(image))
        self.ready.emit(sha256)
