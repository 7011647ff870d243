"""Photos rendered at the platform's size and uploaded, from a worker: what the composer does
before a note is scheduled (`DraftSession.export_edits`), for notes changed in bulk (a preset
applied) or made in bulk (a CSV import). The backend publishes these exports, so a note made
or changed here goes out looking as it would from the composer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from editor import EditorError, probe_image
from editor.recipe import Recipe
from publisher.client import StudioClient
from studio.editor.photo_store import PhotoStore
from studio.looks_cache import LooksCache
from studio.settings import EXPORT_QUALITY

if TYPE_CHECKING:
    from studio.context import AppContext


class PhotoExporter:
    """Made on the UI thread (it reads the settings), used from workers."""

    def __init__(self, ctx: AppContext) -> None:
        self._store = PhotoStore(ctx.data_dir)
        self._looks = LooksCache.for_context(ctx)
        self._stickers = ctx.stickers
        self._quality = ctx.settings.get(EXPORT_QUALITY)

    def export(self, client: StudioClient, sha256: str, recipe: Recipe | None = None) -> str:
        """The sha256 of the uploaded export of the original `sha256` through `recipe`."""
        path = self._store.export(
            client,
            sha256,
            recipe or Recipe(),
            self._looks,
            quality=self._quality,
            stickers=self._stickers,
        )
        return client.upload_media(path).sha256


def photo_problem(path: Path) -> str | None:
    """Why a file is not a photo the studio takes (the editor's gate, reading the header
    only), or None."""
    try:
        probe_image(path)
    except EditorError as error:
        return error.code
    return None
