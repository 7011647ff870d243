"""Making a cover from a template for a draft, off the UI thread.

`CoverMaker.make` takes what the draft holds now (its photos with their edits, its title, the
brand style) and runs `studio.covers.apply.make_cover` in the media lane, then adds the
uploaded cover to the draft it was made for: even if the creator opened another note
meanwhile, that draft waits for its cover (`DraftSession.begin_cover`) and saves it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from editor.errors import EditorError
from studio.covers.apply import (
    AppliedCover,
    CoverOrder,
    TemplateSource,
    cover_texts,
    make_cover,
    resolve_template,
    template_photos,
)
from studio.editor.photo_store import PhotoStore
from studio.looks_cache import LooksCache
from studio.ops import run_in_background
from studio.tasks import Lane
from studio.thumbnails import THUMB_SIZE, decode_thumbnail

if TYPE_CHECKING:
    from studio.context import AppContext
    from studio.drafts.session import DraftSession


class CoverMaker(QObject):
    """`made(session, AppliedCover, replacing, added)` once the cover is in `session` (`added`
    False: the note had this very cover already and keeps it) or `failed(error)`; `busy` in
    between."""

    made = Signal(object, object, object, bool)
    failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.busy = False

    def make(
        self,
        session: DraftSession,
        source: TemplateSource,
        photos: tuple[str, ...] | None = None,
        *,
        replacing: str | None = None,
    ) -> None:
        """Fill `source` with `photos` (shas in slot order; default the note's photos, not its
        covers made from templates) and the note's title; `replacing` is the cover it is to
        take the place of, if any."""
        fields = session.fields
        shas = template_photos(fields) if photos is None else photos
        try:
            recipes = tuple(fields.recipe_of(sha) for sha in shas)
        except EditorError as error:
            self.failed.emit(error)
            return
        title, style = fields.title, self._ctx.brand.style
        store, client_of = PhotoStore(self._ctx.data_dir), self._ctx.connection.client
        looks, stickers = LooksCache.for_context(self._ctx), self._ctx.stickers

        def job(_progress: Callable[[float], None]) -> tuple[AppliedCover, QImage]:
            client = client_of()
            template = resolve_template(source)
            order = CoverOrder(template, shas, recipes, cover_texts(template, title), style)
            cover = make_cover(client, store, order, looks=looks, stickers=stickers)
            card = decode_thumbnail(cover.jpeg).scaled(
                THUMB_SIZE,
                THUMB_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            return cover, card

        self.busy = True
        session.begin_cover()
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=job,
            on_success=lambda made: self._on_made(session, *made, replacing),
            on_failure=lambda error: self._done(session, self.failed.emit, error),
        )

    def _on_made(
        self, session: DraftSession, cover: AppliedCover, card: QImage, replacing: str | None
    ) -> None:
        # The strip shows the cover at once, without asking the backend for its thumbnail.
        self._ctx.thumbnails.put(cover.sha256, card)
        added = session.add_cover(
            cover.sha256, cover.recipe, cover.composition, replacing=replacing
        )
        self._done(session, self.made.emit, session, cover, replacing, added)

    def _done(self, session: DraftSession, emit: Callable[..., None], *args: object) -> None:
        self.busy = False
        session.end_cover()
        emit(*args)
