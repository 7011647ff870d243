"""Thumbnails by content address, shared by every page that shows a note's images.

Thumbnails are made by the backend (or locally, for a file just added) and decoded to a
QImage in the worker; the UI thread only turns them into pixmaps. Models ask for a sha and
repaint when `ready(sha)` says it arrived.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from studio.connection import BackendState
from studio.ops import Query

if TYPE_CHECKING:
    from studio.context import AppContext

THUMB_SIZE = 256


def decode_thumbnail(data: bytes) -> QImage:
    """Decode JPEG bytes; QImage (unlike QPixmap) may be made in a worker thread."""
    image = QImage()
    image.loadFromData(data)
    return image


class ThumbnailCache(QObject):
    ready = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._pixmaps: dict[str, QPixmap] = {}
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        ctx.connection.state_changed.connect(self._on_connection_state_changed)

    def put(self, sha256: str, image: QImage) -> None:
        if not image.isNull():
            self._pixmaps[sha256] = QPixmap.fromImage(image)
            self.ready.emit(sha256)

    def get(self, sha256: str) -> QPixmap | None:
        """The cached pixmap, or None after asking the backend for it."""
        pixmap = self._pixmaps.get(sha256)
        if pixmap is None and sha256 not in self._pending:
            self._pending.add(sha256)
            Query(
                self._ctx,
                parent=self,
                op=lambda client: decode_thumbnail(client.thumbnail(sha256, THUMB_SIZE)),
            ).success(lambda image: self._on_fetched(sha256, image)).failure(
                lambda _error: self._on_failed(sha256)
            ).run()
        return pixmap

    def _on_failed(self, sha256: str) -> None:
        self._pending.discard(sha256)
        self._failed.add(sha256)

    def _on_connection_state_changed(self, state: BackendState) -> None:
        # Views ask again on repaint: announcing the failed ones makes them repaint.
        if state is BackendState.CONNECTED:
            failed, self._failed = self._failed, set()
            for sha256 in failed:
                self.ready.emit(sha256)

    def _on_fetched(self, sha256: str, image: QImage) -> None:
        self._pending.discard(sha256)
        self.put(sha256, image)
