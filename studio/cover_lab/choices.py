"""Which cover templates the lab offers and which it shows first, worked out without Qt.

An image note's cover must keep the image rules' shapes (3:4 … 4:3), and video covers are for
video notes, so the lab offers the gallery's covers and collages of an allowed shape. The first
variants are the covers creators reach for: a big title over the photo, a collage that uses the
note's photos, a checklist — each preferred only when the note has the photos to fill it, so no
default shows empty slots.
"""

from __future__ import annotations

from collections.abc import Sequence

from studio.covers.catalog import TemplateEntry

COLLAGE = "collage"
PREFERRED = ("cover_big_title", COLLAGE, "cover_checklist", "before_after", "cover_price_tag")
"""Default variants in order; `COLLAGE` stands for the collage fitting the photo count."""
IMAGE_GROUPS = ("cover", COLLAGE)
MAX_VARIANTS = 4
"""The current cover and three templates: as many as fit side by side on a laptop screen."""
MIN_VARIANTS = 2


def offered(entries: Sequence[TemplateEntry], bounds: tuple[float, float]) -> list[TemplateEntry]:
    """The templates an image note's cover may be made with: covers first, then collages,
    each group in the gallery's order."""
    low, high = bounds

    def fits(entry: TemplateEntry) -> bool:
        aspect = entry.template.width / entry.template.height
        return entry.group in IMAGE_GROUPS and low - 1e-6 <= aspect <= high + 1e-6

    return sorted(filter(fits, entries), key=lambda entry: IMAGE_GROUPS.index(entry.group))


def collage_for(entries: Sequence[TemplateEntry], photo_count: int) -> str | None:
    """The collage that uses the most of the note's photos without an empty slot (the first by
    key among equals); None for fewer than two photos."""
    usable = [e for e in entries if e.group == COLLAGE and 2 <= e.photo_count <= photo_count]
    if not usable:
        return None
    most = max(e.photo_count for e in usable)
    return min(e.key for e in usable if e.photo_count == most)


def default_variants(entries: Sequence[TemplateEntry], photo_count: int, count: int) -> list[str]:
    """`count` template keys to compare with the current cover: the preferred ones the photos
    fill, then any other the photos fill, then the rest (each once, in `entries` order)."""
    by_key = {e.key: e for e in entries}
    preferred = [collage_for(entries, photo_count) if k == COLLAGE else k for k in PREFERRED]
    ordered = [k for k in preferred if k in by_key] + list(by_key)
    filled = [k for k in ordered if by_key[k].photo_count <= max(photo_count, 1)]
    return list(dict.fromkeys(filled + ordered))[:count]
