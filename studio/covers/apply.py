"""Applying a template to the note's photos: a cover that stays editable. No widgets.

The template is split (`editor.templates.split_template`): its background, photo slots and
shapes are baked into one picture at the template's export size, filled with the note's photos
(each with its own edit — crop, colour, look — but not its text or stickers, which belong to
that photo); its texts (the note's title in the ``title`` slot) and stickers become the cover's
recipe layers, which the creator can then retype, move and restyle in the photo editor. The
cover remembers how it was made (its composition: the whole template, the photos, the slot
texts), so it can be saved as the creator's own template later.

What reads files, decodes, draws or uploads (`resolve_template`, `make_cover`) runs in a
worker and takes the worker's client.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from editor.brand import BrandStyle
from editor.export import encode_jpeg
from editor.layers import TextLayer
from editor.recipe import Recipe
from editor.render import LookResolver, load_proxy, render
from editor.stickers import StickerResolver
from editor.templates import (
    Template,
    compose_template,
    layer_slots,
    load_template,
    render_template,
    split_template,
)
from publisher.client import StudioClient
from studio.drafts.journal import DraftFields
from studio.editor.photo_store import PhotoStore

COVER_QUALITY = 95
"""The baked picture is edited and exported again: it is kept close to lossless."""
TITLE_SLOT = "title"


def cover_texts(template: Template, title: str) -> dict[str, str]:
    """The slot texts a note gives a template: its title, when it has one and the template
    has a title slot (otherwise the template's own sample title stays, to be retyped)."""
    title = title.strip()
    return {TITLE_SLOT: title} if title and TITLE_SLOT in template.text_slots else {}


def template_photos(fields: DraftFields) -> tuple[str, ...]:
    """The note's photos a template is filled with, in order: not its covers made from a
    template (a collage is not put inside the next one)."""
    composed = set(fields.composed())
    return tuple(sha for sha in fields.media if sha not in composed)


TemplateSource = str | Mapping[str, Any] | Template
"""A built-in template's name, a template document, or a checked template."""


def resolve_template(source: TemplateSource) -> Template:
    """The template `source` names (reads a built-in's file: call it in a worker).

    Raises:
        EditorError: ``template.unknown`` and the other codes of `load_template` and
            `Template.from_dict`.
    """
    if isinstance(source, Template):
        return source
    if isinstance(source, str):
        return load_template(source)
    return Template.from_dict(source)


def photo_only(recipe: Recipe) -> Recipe:
    """A photo's edit without what is drawn over it (text, stickers, watermark)."""
    return replace(recipe, layers=(), watermark=None)


@dataclass(frozen=True)
class ComposedCover:
    """A cover made from a template, before it is uploaded."""

    jpeg: bytes
    """The baked picture: background, photos and shapes."""
    recipe: Recipe
    """Its editable layers (texts and stickers) and the brand style they are drawn with."""
    composition: dict[str, Any]
    """``{"template": document, "photos": [sha256, …], "texts": {slot: text}}``."""


def compose_cover(
    template: Template,
    photos: Sequence[np.ndarray],
    shas: Sequence[str],
    texts: Mapping[str, str],
    *,
    style: BrandStyle,
    stickers: StickerResolver,
) -> ComposedCover:
    """Bake `template`'s base at its export size from `photos` (RGB arrays of the photos
    `shas`, in slot order) and keep its texts and stickers as layers.

    Raises:
        EditorError: ``template.unknown_slot`` / ``template.invalid`` for a text; the sticker
            codes.
    """
    base, layers = split_template(template, texts)
    pixels = render_template(base, photos, brand=style, stickers=stickers)
    return ComposedCover(
        jpeg=encode_jpeg(pixels, COVER_QUALITY),
        recipe=Recipe(layers=layers, brand=style),
        composition={
            "template": template.to_dict(),
            "photos": list(shas[: len(photos)]),
            "texts": dict(texts),
        },
    )


@dataclass(frozen=True)
class AppliedCover:
    """A cover uploaded to the backend, ready to join the note."""

    sha256: str
    recipe: Recipe
    composition: dict[str, Any]
    jpeg: bytes = field(repr=False, compare=False)
    """The baked picture as uploaded (the strip's card is made from it at once)."""


@dataclass(frozen=True)
class CoverOrder:
    """What to make: everything is a plain value, so the job runs safely in a worker."""

    template: Template
    shas: tuple[str, ...]
    """The photos, in slot order (extra ones are not used)."""
    recipes: tuple[Recipe, ...]
    """Each photo's edit, as the note holds it."""
    texts: dict[str, str]
    style: BrandStyle


def make_cover(
    client: StudioClient,
    store: PhotoStore,
    order: CoverOrder,
    *,
    looks: LookResolver,
    stickers: StickerResolver,
) -> AppliedCover:
    """Render the cover from the photos' originals (each through its edit) and upload it.

    Raises:
        EditorError: a photo's gate code, a look or sticker code, a template text code.
        ClientError: the download of an original or the upload failed.
    """
    template = order.template
    side = 2 * max(template.width, template.height)  # a slot as large as the canvas, filled
    count = min(len(template.photo_slots), len(order.shas))
    photos = []
    for sha, recipe in zip(order.shas[:count], order.recipes, strict=False):
        original = load_proxy(store.original(client, sha), max_side=side)
        photos.append(render(original, photo_only(recipe), looks=looks, stickers=stickers))
    cover = compose_cover(
        template, photos, order.shas, order.texts, style=order.style, stickers=stickers
    )
    with tempfile.TemporaryDirectory(prefix="cover-", dir=store.folder.parent) as folder:
        path = Path(folder) / "cover.jpg"
        path.write_bytes(cover.jpeg)
        sha256 = client.upload_media(path).sha256
    return AppliedCover(sha256, cover.recipe, cover.composition, cover.jpeg)


def title_layer(cover: AppliedCover) -> int | None:
    """The index of the cover's layer holding the title it was given, if any."""
    title = cover.composition.get("texts", {}).get(TITLE_SLOT)
    for index, layer in enumerate(cover.recipe.layers):
        if title and isinstance(layer, TextLayer) and layer.text == title:
            return index
    return None


def template_of_cover(composition: Mapping[str, Any], recipe: Recipe) -> Template:
    """The creator's own template from a composed cover as it is now: the template's base
    (background, photo slots, shapes) with the cover's current text and sticker layers; a
    text still where a slot's text was (retyped or not) asks for that slot again.

    Raises:
        EditorError: ``template.invalid`` / ``template.too_new`` for a damaged or newer
            composition, or a result beyond the format's limits.
    """
    texts = dict(composition.get("texts") or {})
    template = Template.from_dict(composition.get("template"))
    base, _layers = split_template(template, texts)
    return compose_template(base, recipe.layers, layer_slots(template, texts))
