"""Template pictures for the gallery, rendered from the templates themselves in workers.

Each picture is the template filled with what the note has — its photos (each with its edit,
as applying will use them), its title, the brand style — so the gallery shows the cover the
creator would get, not a stock sample. Pictures are kept by template, width and those inputs:
reopening the gallery, or going back to a template, shows them at once, and a change of title,
photos or brand draws them anew. While a new picture is being made the previous one of the
same template stands in, so the grid never flashes empty.
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
KEEP = 240
"""Pictures kept: every template at two sizes for a few sets of inputs."""


def fetch_photos(
    client: StudioClient, shas: Sequence[str], recipes: Sequence[Recipe], looks: LookResolver
) -> tuple[np.ndarray, ...]:
    """The note's photos as RGB arrays, each through its edit without its text (runs in a
    worker). A photo whose picture cannot be had is left out; the slot shows its placeholder."""
    photos = []
    for sha, recipe in zip(shas, recipes, strict=True):
        image = decode_thumbnail(client.thumbnail(sha, PHOTO_SIDE))
        if not image.isNull():
            photos.append(render(to_array(image), photo_only(recipe), looks=looks))
    return tuple(photos)


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
        self._pictures: OrderedDict[tuple[Template, int, Inputs], QImage] = OrderedDict()
        self._latest: dict[tuple[str, int], QImage] = {}
        """Per entry and width, its newest picture: the stand-in while a new one is made."""
        self._pending: set[tuple[Template, int, Inputs]] = set()
        self._failed: set[tuple[Template, int, Inputs]] = set()

    def set_inputs(self, inputs: Inputs) -> bool:
        """Fill the pictures with `inputs` from now on; True when that changes them."""
        changed = inputs != self.inputs
        self.inputs = inputs
        return changed

    def get(self, entry: TemplateEntry, width: int) -> QImage | None:
        """The entry's picture at `width`, or the previous one while it is being made."""
        key = (entry.template, width, self.inputs)
        picture = self._pictures.get(key)
        if picture is not None:
            self._pictures.move_to_end(key)
            return picture
        if key not in self._pending and key not in self._failed:
            self._pending.add(key)
            inputs, stickers = self.inputs, self._stickers
            run_in_background(
                self._runner,
                Lane.MEDIA,
                owner=self,
                job=lambda _progress: render_preview(entry.template, inputs, width, stickers),
                on_success=lambda image: self._on_rendered(entry.key, key, image),
                on_failure=lambda _error: self._on_failed(key),
            )
        return self._latest.get((entry.key, width))

    def is_pending(self, entry: TemplateEntry, width: int) -> bool:
        return (entry.template, width, self.inputs) in self._pending

    def _on_rendered(self, name: str, key: tuple[Template, int, Inputs], image: QImage) -> None:
        self._pending.discard(key)
        self._pictures[key] = image
        while len(self._pictures) > KEEP:
            self._pictures.popitem(last=False)
        if key[2] == self.inputs:
            self._latest[(name, key[1])] = image
        self.ready.emit(name)

    def _on_failed(self, key: tuple[Template, int, Inputs]) -> None:
        # The card keeps its placeholder; applying the template reports what is wrong.
        self._pending.discard(key)
        self._failed.add(key)
