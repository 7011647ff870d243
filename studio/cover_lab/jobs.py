"""The lab's reads off the UI thread: plain functions the dialog runs in the read lane with the
worker's own client. Pictures come back as QImages, which (unlike pixmaps) may be made there.

The note's photos are fetched as the backend's large thumbnails, not as originals: a variant
is drawn a few hundred pixels wide, and a recipe is in fractions, so any scale renders alike.
The template photos are the gallery's (`studio.covers.previews.fetch_photos`: each photo with
its edit but not its text), so a variant is the cover applying the template makes.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QImage

from editor.errors import EditorError
from editor.recipe import Recipe
from editor.render import LookResolver, render
from editor.stickers import StickerResolver
from publisher.client import ClientError, OfflineError, StudioClient
from publisher.schemas import NotePublic
from studio.covers.previews import PHOTO_SIDE, fetch_photos
from studio.editor.edited_thumbnails import to_array
from studio.editor.render_worker import to_qimage
from studio.thumbnails import decode_thumbnail

RECENT_COUNT = 5
"""Other notes shown around the cover: the two columns of one phone screen."""
RECENT_SCAN = 30
RECENT_PICTURE = 512
"""Long side asked for a recent note's cover: a tile is at most 2 × 31 mm on screen."""


@dataclass(frozen=True)
class RecentNote:
    title: str
    picture: QImage | None
    """The cover, None when its picture could not be had (a grey cover stands in)."""
    size: tuple[int, int]
    """The cover's width and height, for its shape while the picture is missing."""


def pick_recent(notes: Sequence[NotePublic], exclude: str | None, count: int) -> list[NotePublic]:
    """Image notes with a photo other than `exclude`: published ones first (they are what
    readers see on the account), then the others, each group in the given (newest first)
    order."""
    usable = [n for n in notes if n.type == "image" and n.media and str(n.id) != exclude]
    published = [n for n in usable if n.status == "published"]
    others = [n for n in usable if n.status != "published"]
    return (published + others)[:count]


def _cover_picture(client: StudioClient, note: NotePublic) -> tuple[QImage | None, tuple[int, int]]:
    cover = min(note.media, key=lambda item: item.position)
    shown = cover.rendered_sha256 or cover.sha256
    size = (cover.rendered_width or cover.width, cover.rendered_height or cover.height)
    try:
        image = decode_thumbnail(client.thumbnail(shown, RECENT_PICTURE))
    except OfflineError:
        raise
    except ClientError:
        return None, size  # one missing picture leaves a grey cover, not an empty feed
    return (None if image.isNull() else image), size


def fetch_recent(
    client: StudioClient, account_id: str, exclude: str | None, count: int = RECENT_COUNT
) -> list[RecentNote]:
    """The account's recent notes as the feed shows them."""
    page = client.list_notes(account_id=uuid.UUID(account_id), limit=RECENT_SCAN)
    recent = []
    for note in pick_recent(page.items, exclude, count):
        picture, size = _cover_picture(client, note)
        recent.append(RecentNote(note.title, picture, size))
    return recent


@dataclass(frozen=True)
class Sources:
    """What every variant is drawn from."""

    cover: QImage
    """The current cover: the note's first picture through its whole edit."""
    photos: tuple[np.ndarray, ...]
    """The photos templates are filled with, each through its edit without its text."""


def fetch_sources(
    client: StudioClient,
    cover: tuple[str, Recipe],
    photos: Sequence[tuple[str, Recipe]],
    *,
    looks: LookResolver,
    stickers: StickerResolver,
) -> Sources:
    """The current cover and the template photos, (sha256, recipe) each."""
    sha256, recipe = cover
    image = decode_thumbnail(client.thumbnail(sha256, PHOTO_SIDE))
    if image.isNull():
        raise EditorError("image.corrupt", {"sha256": sha256})
    drawn = render(to_array(image), recipe, looks=looks, stickers=stickers)
    shas, recipes = [sha for sha, _ in photos], [recipe for _, recipe in photos]
    return Sources(to_qimage(drawn), fetch_photos(client, shas, recipes, looks))
