"""The note's photos at the size the phone page shows them, with each photo's edit applied.

The strip's 256-px thumbnails are soft on a 375-px-wide phone screen, so the preview asks the
backend for a larger thumbnail of each photo and renders the photo's recipe through it on a
worker (the recipe is in fractions, so any scale renders alike). Until that render is ready
the strip's edited thumbnail stands in, so a photo never flashes back to its original.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from editor.recipe import Recipe
from editor.render import render
from studio.editor.edited_thumbnails import to_array
from studio.editor.render_worker import to_qimage
from studio.looks_cache import LooksCache
from studio.ops import run_in_background
from studio.quiet_read import quiet_read
from studio.tasks import Lane
from studio.thumbnails import decode_thumbnail

if TYPE_CHECKING:
    from studio.context import AppContext

PHOTO_SIZE = 900
"""Long side asked of the backend: a 3:4 photo is 675 px wide, enough for 375 px at 1.8×."""


class PreviewPhotos(QObject):
    """`ready(sha256)` when a larger picture of that photo arrived or was rendered."""

    ready = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        fallback: Callable[[str, Recipe], QPixmap | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._fallback = fallback
        self._looks = LooksCache.for_context(ctx)
        self._sources: dict[str, QImage] = {}
        self._asked: set[str] = set()
        self._rendered: dict[str, tuple[Recipe, QPixmap]] = {}
        """Per photo, its newest render (an older recipe's is let go)."""
        self._wanted: dict[str, Recipe] = {}
        """Per photo, the recipe last asked for: a render of any other one comes too late."""
        self._rendering: set[tuple[str, Recipe]] = set()
        self._failed: set[tuple[str, Recipe]] = set()

    def get(self, sha256: str, recipe: Recipe) -> QPixmap | None:
        """The best picture there is now; asks for a better one when it can."""
        self._wanted[sha256] = recipe
        source = self._sources.get(sha256)
        if source is None:
            self._fetch(sha256)
            return self._fallback(sha256, recipe)
        if recipe.is_identity:
            rendered = self._rendered.get(sha256)
            if rendered is None or not rendered[0].is_identity:
                self._rendered[sha256] = (recipe, QPixmap.fromImage(source))
            return self._rendered[sha256][1]
        rendered = self._rendered.get(sha256)
        if rendered is not None and rendered[0] == recipe:
            return rendered[1]
        self._render(sha256, recipe, source)
        if rendered is not None:
            return rendered[1]
        return self._fallback(sha256, recipe)

    def retain(self, shas: Iterable[str]) -> None:
        """Let go of photos no longer in the note (a note of 18 photos is a lot of pixels)."""
        keep = set(shas)
        for cache in (self._sources, self._rendered, self._wanted):
            for sha in [sha for sha in cache if sha not in keep]:
                del cache[sha]
        self._asked &= keep
        # A render still running for a photo let go is dropped when it answers (no source).
        self._rendering = {key for key in self._rendering if key[0] in keep}
        self._failed = {key for key in self._failed if key[0] in keep}

    def _fetch(self, sha256: str) -> None:
        if sha256 in self._asked:
            return
        self._asked.add(sha256)
        quiet_read(
            self._ctx,
            self,
            lambda client: decode_thumbnail(client.thumbnail(sha256, PHOTO_SIZE)),
            lambda image: self._on_fetched(sha256, image),
            # The strip's thumbnail stays; asked again when the photo is shown anew.
            lambda _error: self._asked.discard(sha256),
        )

    def _on_fetched(self, sha256: str, image: QImage) -> None:
        if sha256 in self._asked and not image.isNull():
            self._sources[sha256] = image
            self.ready.emit(sha256)

    def _render(self, sha256: str, recipe: Recipe, source: QImage) -> None:
        key = (sha256, recipe)
        if key in self._rendering or key in self._failed:
            return
        self._rendering.add(key)
        looks = self._looks
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,  # CPU work: the read lane is for the network
            owner=self,
            job=lambda _progress: to_qimage(render(to_array(source), recipe, looks=looks)),
            on_success=lambda image: self._on_rendered(key, image),
            on_failure=lambda _error: self._on_render_failed(key),
        )

    def _on_render_failed(self, key: tuple[str, Recipe]) -> None:
        # The strip's edited thumbnail stays; the editor reports what is wrong with the photo.
        self._rendering.discard(key)
        self._failed.add(key)

    def _on_rendered(self, key: tuple[str, Recipe], image: QImage) -> None:
        self._rendering.discard(key)
        sha256, recipe = key
        # An older recipe's render finishing after a newer one's would show a stale picture.
        if sha256 in self._sources and self._wanted.get(sha256) == recipe:
            self._rendered[sha256] = (recipe, QPixmap.fromImage(image))
            self.ready.emit(sha256)
