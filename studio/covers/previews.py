"""Template pictures for the gallery, rendered from the templates themselves in workers.

Each picture is the template filled with what the note has — its photos (each with its edit,
as applying will use them), its title, the brand style — so the gallery shows the cover the
creator would get, not a stock sample. Pictures are kept by template, width and those inputs:
reopening the gallery, or going back to a template, shows them at once, and a change of title,
photos or brand draws them anew. While a new picture is being made the previous one of the
same template stands in, so the grid never flashes empty.

Pictures are drawn in the media lane, which making a cover and exports share: a change of
inputs (a photo dragged to another slot, a new brand kit) or the gallery closing drops every
queued picture, which then returns at its start without drawing, instead of holding the cover
up behind a grid of stale renders.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from editor.brand import DEFAULT_BRAND, BrandStyle
from editor.recipe import Recipe
from editor.render import LookResolver, render
from editor.stickers import StickerResolver
from editor.templates import Template, render_template
from publisher.client import StudioClient
from studio.covers.apply import cover_texts, photo_only
from studio.covers.catalog import TemplateEntry
from studio.editor.edited_thumbnails import to_array
from studio.editor.render_worker import to_qimage
from studio.ops import run_in_background
from studio.tasks import Lane, TaskRunner
from studio.thumbnails import decode_thumbnail

PHOTO_SIDE = 1080
"""Long side asked of the backend for the note's photos: a large preview is 720 px wide."""
KEEP_BYTES = 96 * 1024 * 1024
"""Pictures kept, by their pixels' size: the grid's for several sets of inputs and the large
ones of the templates looked at (a grid picture is ~0.5 MB, a large one ~2.5 MB)."""


def fetch_photo_pairs(
    client: StudioClient, shas: Sequence[str], recipes: Sequence[Recipe], looks: LookResolver
) -> tuple[tuple[str, np.ndarray], ...]:
    """The note's photos as (sha256, RGB array), each through its edit without its text (runs
    in a worker). A photo whose picture cannot be had is left out, so every array comes with
    its own sha, never the one of a photo before it."""
    photos = []
    for sha, recipe in zip(shas, recipes, strict=True):
        image = decode_thumbnail(client.thumbnail(sha, PHOTO_SIDE))
        if not image.isNull():
            photos.append((sha, render(to_array(image), photo_only(recipe), looks=looks)))
    return tuple(photos)


def fetch_photos(
    client: StudioClient, shas: Sequence[str], recipes: Sequence[Recipe], looks: LookResolver
) -> tuple[np.ndarray, ...]:
    """`fetch_photo_pairs`' arrays alone, in order; a left-out photo's slot shows its
    placeholder."""
    return tuple(array for _sha, array in fetch_photo_pairs(client, shas, recipes, looks))


@dataclass(frozen=True)
class Inputs:
    """What the pictures are filled with; `photos_key` names the photos (their shas and edits)."""

    title: str = ""
    style: BrandStyle = DEFAULT_BRAND
    photos_key: tuple[object, ...] = ()
    photos: tuple[np.ndarray, ...] = field(default=(), compare=False, hash=False)


def render_preview(
    template: Template, inputs: Inputs, width: int, stickers: StickerResolver
) -> QImage:
    texts = cover_texts(template, inputs.title)
    pixels = render_template(
        template, inputs.photos, texts, width=width, brand=inputs.style, stickers=stickers
    )
    return to_qimage(pixels)


_Key = tuple[Template, int, Inputs]
"""A picture: the template, its width and what it is filled with."""


class TemplatePreviews(QObject):
    """`ready(key)` when a picture of the entry `key` arrived; `get` asks for one."""

    ready = Signal(str)

    def __init__(
        self, runner: TaskRunner, stickers: StickerResolver, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._stickers = stickers
        self.inputs = Inputs()
        self._pictures: OrderedDict[_Key, QImage] = OrderedDict()
        self._bytes = 0
        """The pixels' size of `_pictures`, kept under `KEEP_BYTES`."""
        self._latest: dict[tuple[str, int], QImage] = {}
        """Per entry and width, its newest picture: the stand-in while a new one is made."""
        self._generation = 0
        """Moves on when the queued pictures are dropped; a job of an older one is stale."""
        self._pending: set[_Key] = set()
        self._failed: set[_Key] = set()

    def set_inputs(self, inputs: Inputs) -> bool:
        """Fill the pictures with `inputs` from now on; True when that changes them (the
        pictures queued for the old ones are dropped, those that failed are tried again)."""
        changed = inputs != self.inputs
        self.inputs = inputs
        if changed:
            self.drop_queued()
            self._failed.clear()
        return changed

    def drop_queued(self) -> None:
        """No picture asked for so far is wanted any more (the inputs changed, the gallery
        closed): those not yet started return without drawing."""
        self._generation += 1
        self._pending.clear()

    def get(self, entry: TemplateEntry, width: int) -> QImage | None:
        """The entry's picture at `width`, or the previous one while it is being made."""
        key = (entry.template, width, self.inputs)
        picture = self._pictures.get(key)
        if picture is not None:
            self._pictures.move_to_end(key)
            return picture
        if key not in self._pending and key not in self._failed:
            self._pending.add(key)
            inputs, stickers, generation = self.inputs, self._stickers, self._generation

            def job(_progress: object) -> QImage | None:
                if generation != self._generation:
                    return None  # dropped while it waited in the lane
                return render_preview(entry.template, inputs, width, stickers)

            run_in_background(
                self._runner,
                Lane.MEDIA,
                owner=self,
                job=job,
                on_success=lambda image: self._on_rendered(entry.key, key, generation, image),
                on_failure=lambda _error: self._on_failed(key, generation),
            )
        return self._latest.get((entry.key, width))

    def is_pending(self, entry: TemplateEntry, width: int) -> bool:
        return (entry.template, width, self.inputs) in self._pending

    def _on_rendered(self, name: str, key: _Key, generation: int, image: QImage | None) -> None:
        if generation == self._generation:
            self._pending.discard(key)
        if image is None:
            return
        self._keep(key, image)
        if key[2] == self.inputs:
            self._latest[(name, key[1])] = image
        self.ready.emit(name)

    def _keep(self, key: _Key, image: QImage) -> None:
        old = self._pictures.pop(key, None)
        if old is not None:
            self._bytes -= old.sizeInBytes()
        self._pictures[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > KEEP_BYTES and len(self._pictures) > 1:
            _key, dropped = self._pictures.popitem(last=False)
            self._bytes -= dropped.sizeInBytes()

    def _on_failed(self, key: _Key, generation: int) -> None:
        # The card keeps its placeholder; applying the template reports what is wrong.
        if generation == self._generation:
            self._pending.discard(key)
            self._failed.add(key)
