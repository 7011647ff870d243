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
        self._pixmaps: dict[tuple[str, Recipe], QPixmap] = {}
        self._pending: set[tuple[str, Recipe]] = set()
        self._failed: set[tuple[str, Recipe]] = set()

    def get(self, sha256: str, recipe: Recipe, plain: QPixmap | None) -> QPixmap | None:
        """The edited thumbnail, or `plain` while it is being made (or cannot be)."""
        if recipe.is_identity or plain is None or plain.isNull():
            return plain
        key = (sha256, recipe)
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            return pixmap
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
        return plain

    def _on_failed(self, key: tuple[str, Recipe]) -> None:
        # The plain thumbnail stays; the editor itself reports what is wrong with the photo.
        self._pending.discard(key)
        self._failed.add(key)

    def _on_rendered(self, key: tuple[str, Recipe], image: QImage) -> None:
        self._pending.discard(key)
        self._pixmaps[key] = QPixmap.fromImage(image)
        self.ready.emit(key[0])
