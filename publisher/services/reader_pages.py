"""What a note's and a product's pages show of them, read fresh from the database (the lists of
notes beside them come from the catalog snapshot)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from publisher.db.models import (
    Account,
    Brief,
    Collaboration,
    MediaAsset,
    Note,
    NoteDailyStats,
    NoteTopic,
    Organization,
    Product,
    Topic,
)
from publisher.services.reader_catalog import is_public_note


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
    note: Note
    author: Account
    media: list[Medium]
    topics: list[tuple[uuid.UUID, str]]
    products: list[Product]
    brand: str | None
    """The brand of the collaboration the note discloses."""
    comments: int
    shares: int


def note_page(session: Session, note_id: uuid.UUID) -> NotePage | None:
    """What a note's page shows of it, or None unless it is public and published."""
    note = session.scalar(select(Note).where(Note.id == note_id, is_public_note()))
    if note is None:
        return None
    author = session.get(Account, note.account_id)
    assert author is not None
    media = [
        Medium(
            sha256=item.rendered_sha256 or item.sha256,
            width=(item.rendered_width or item.width) or 3,
            height=(item.rendered_height or item.height) or 4,
            duration=(item.rendered or item.asset).duration,
        )
        for item in note.media
    ]
    topics = [
        (topic_id, name)
        for topic_id, name in session.execute(
            select(Topic.id, Topic.name)
            .join(NoteTopic, NoteTopic.topic_id == Topic.id)
            .where(NoteTopic.note_id == note.id)
            .order_by(NoteTopic.position)
        )
    ]
    brand = None
    if note.collaboration:
        brand = session.scalar(
            select(Organization.name)
            .join(Brief, Brief.organization_id == Organization.id)
            .join(Collaboration, Collaboration.brief_id == Brief.id)
            .where(Collaboration.note_id == note.id)
        )
    comments, shares = session.execute(
        select(
            func.coalesce(func.sum(NoteDailyStats.comments), 0),
            func.coalesce(func.sum(NoteDailyStats.shares), 0),
        ).where(NoteDailyStats.note_id == note.id)
    ).one()
    return NotePage(
        note=note,
        author=author,
        media=media,
        topics=topics,
        products=[link.product for link in note.product_links],
        brand=brand,
        comments=int(comments),
        shares=int(shares),
    )


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
