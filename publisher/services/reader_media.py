"""Which stored media anyone may fetch without signing in: what the reader pages show.

The photos and videos of public published notes as readers see them (the edited render where
there is one, never the original under it), and the images of products and logos of
storefronts (their pages are public). Anything else — drafts, submissions under review, a
brand kit — stays behind the API's own access rules, even to someone who knows its hash.
"""

from __future__ import annotations

from sqlalchemy import String, and_, cast, exists, or_, select
from sqlalchemy.orm import Session

from publisher.db.models import MediaAsset, Note, NoteMedia, Product, Storefront
from publisher.services.reader_catalog import is_public_note


def public_asset(session: Session, sha256: str) -> MediaAsset | None:
    """The asset when a reader page may show it, else None."""
    shown = or_(
        NoteMedia.rendered_sha256 == sha256,
        and_(NoteMedia.sha256 == sha256, NoteMedia.rendered_sha256.is_(None)),
    )
    in_notes = exists().where(NoteMedia.note_id == Note.id, is_public_note(), shown)
    in_products = exists().where(
        or_(Product.image_sha256 == sha256, cast(Product.images, String).contains(sha256))
    )
    in_storefronts = exists().where(Storefront.logo_sha256 == sha256)
    return session.scalar(
        select(MediaAsset).where(
            MediaAsset.sha256 == sha256, or_(in_notes, in_products, in_storefronts)
        )
    )
