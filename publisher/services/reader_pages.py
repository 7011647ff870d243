"""What a note's and a product's pages show of them.

A note's page starts from its card in the catalog snapshot (title, body, author, topics,
figures, its products' ids: `reader_catalog`); its photos are read once per snapshot
(`MediaCache`). Fresh on every page is one row: the note's place and disclosures and what the
reader did (like, collect, follow, how many comments they see); then the comments and the
products' cards only when there are any. Nothing goes through ORM relationships,
which would load assets and storefronts one row at a time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Exists, Row, exists, func, select
from sqlalchemy.orm import Session, aliased

from publisher.db.models import (
    Brief,
    Collaboration,
    MediaAsset,
    Note,
    NoteMedia,
    Organization,
    Product,
    ReaderComment,
    ReaderFollow,
    ReaderReaction,
)
from publisher.services.reader_catalog import Catalog, NoteCard, is_public_note
from publisher.services.reader_comments import shown_to, visible_comments


@dataclass(frozen=True)
class Medium:
    """A photo or video a page shows, with its size (and a video's length in seconds)."""

    sha256: str
    width: int
    height: int
    duration: float | None = None

    @property
    def video(self) -> bool:
        return self.duration is not None


@dataclass(frozen=True)
class NotePage:
    """A note's page: its card, what the card lacks, and what this reader did and sees."""

    card: NoteCard
    media: list[Medium]
    place: str
    collaboration: bool
    ai_generated: bool
    brand: str | None
    """The brand of the collaboration the note discloses."""
    products: list[Row]
    """id, name, image_sha256, price_fen, status, stock of each product, in the note's order."""
    liked: bool
    collected: bool
    following: bool
    comments: list[ReaderComment]
    comment_count: int
    """The comments this reader can see (the list may show fewer), not the event counter."""


class MediaCache:
    """Each note's photos or video, read once per catalog snapshot (a published note's media
    change only when it is published again, which a new snapshot shows like its card)."""

    def __init__(self) -> None:
        self._catalog: Catalog | None = None
        self._media: dict[uuid.UUID, list[Medium]] = {}

    def of(self, session: Session, catalog: Catalog, note_id: uuid.UUID) -> list[Medium]:
        if self._catalog is not catalog:
            self._catalog, self._media = catalog, {}
        media = self._media.get(note_id)
        if media is None:
            media = self._media[note_id] = _note_media(session, note_id)
        return media


MEDIA = MediaCache()


def note_page(
    session: Session, catalog: Catalog, card: NoteCard, reader_id: str
) -> NotePage | None:
    """What a note's page shows, or None when the note stopped being public since the
    snapshot was read."""
    row = _fresh(session, card, reader_id)
    if row is None:
        return None
    count = int(row.comment_count or 0)
    return NotePage(
        card=card,
        media=MEDIA.of(session, catalog, card.id),
        place=(row.place or {}).get("name", ""),
        collaboration=row.collaboration,
        ai_generated=row.ai_generated,
        brand=row.brand,
        products=_products(session, card.product_ids),
        liked=row.liked,
        collected=row.collected,
        following=row.following,
        comments=visible_comments(session, card.id, reader_id) if count else [],
        comment_count=count,
    )


def _fresh(session: Session, card: NoteCard, reader_id: str) -> Row | None:
    """One row, none unless the note is still public: its place, labels and brand (the
    disclosures are never older than the page), the reader's like, collect and follow of the
    author, and how many comments they see."""

    def reacted(kind: str) -> Exists:
        return exists().where(
            ReaderReaction.reader_id == reader_id,
            ReaderReaction.note_id == card.id,
            ReaderReaction.kind == kind,
        )

    brand = (
        select(Organization.name)
        .join(Brief, Brief.organization_id == Organization.id)
        .join(Collaboration, Collaboration.brief_id == Brief.id)
        .where(Collaboration.note_id == card.id)
        .limit(1)
        .scalar_subquery()
    )
    return session.execute(
        select(
            Note.place,
            Note.collaboration,
            Note.ai_generated,
            brand.label("brand"),
            reacted("like").label("liked"),
            reacted("collect").label("collected"),
            exists()
            .where(ReaderFollow.account_id == card.account_id, ReaderFollow.reader_id == reader_id)
            .label("following"),
            select(func.count())
            .select_from(ReaderComment)
            .where(shown_to(card.id, reader_id))
            .scalar_subquery()
            .label("comment_count"),
        ).where(Note.id == card.id, is_public_note())
    ).first()


def _note_media(session: Session, note_id: uuid.UUID) -> list[Medium]:
    """The note's photos or video in order, as rendered when they were (else as uploaded)."""
    rendered = aliased(MediaAsset)
    rows = session.execute(
        select(
            func.coalesce(rendered.sha256, MediaAsset.sha256),
            func.coalesce(rendered.width, MediaAsset.width),
            func.coalesce(rendered.height, MediaAsset.height),
            func.coalesce(rendered.duration_ms, MediaAsset.duration_ms),
        )
        .select_from(NoteMedia)
        .join(MediaAsset, MediaAsset.sha256 == NoteMedia.sha256)
        .outerjoin(rendered, rendered.sha256 == NoteMedia.rendered_sha256)
        .where(NoteMedia.note_id == note_id)
        .order_by(NoteMedia.position)
    )
    return [
        Medium(sha, width or 3, height or 4, None if ms is None else ms / 1000)
        for sha, width, height, ms in rows
    ]


def _products(session: Session, product_ids: tuple[uuid.UUID, ...]) -> list[Row]:
    if not product_ids:
        return []
    rows = {
        row.id: row
        for row in session.execute(
            select(
                Product.id,
                Product.name,
                Product.image_sha256,
                Product.price_fen,
                Product.status,
                Product.stock,
            ).where(Product.id.in_(product_ids))
        )
    }
    return [rows[product_id] for product_id in product_ids if product_id in rows]


def product_media(session: Session, product: Product) -> list[Medium]:
    """A product's images, main one first, with their sizes."""
    shas = list(
        dict.fromkeys([*([product.image_sha256] if product.image_sha256 else []), *product.images])
    )
    sizes = {
        asset.sha256: asset
        for asset in session.scalars(select(MediaAsset).where(MediaAsset.sha256.in_(shas)))
    }
    return [
        Medium(sha, sizes[sha].width or 1, sizes[sha].height or 1) for sha in shas if sha in sizes
    ]
