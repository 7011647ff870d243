"""Brand briefs and the collaborations they start: rounds, review comments and the audit log.

A brief belongs to a brand organization; a collaboration joins it to one creator account (the
pair is unique). Each submission freezes a round: the note's text and the hashes of its media
as they were, so a later edit cannot change what the brand reviewed. Media assets are
content-addressed and never change, so a hash is the frozen file.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from publisher.db.base import Base, IdMixin, TimestampMixin, UTCDateTime, VersionedMixin, utcnow


class Brief(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "briefs"

    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    """draft (only the brand sees it) | open | closed (no new invitations or applications)."""
    mode: Mapped[str] = mapped_column(String(16), default="custom")
    """custom (the brand invites named creators) | recruitment (creators apply with a quote)."""
    campaign: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    note_type: Mapped[str] = mapped_column(String(8), default="image")
    note_count: Mapped[int] = mapped_column(default=1)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    mentions: Mapped[list[str]] = mapped_column(JSON, default=list)
    key_messages: Mapped[list[str]] = mapped_column(JSON, default=list)
    forbidden_words: Mapped[list[str]] = mapped_column(JSON, default=list)
    dos: Mapped[list[str]] = mapped_column(JSON, default=list)
    donts: Mapped[list[str]] = mapped_column(JSON, default=list)
    fee_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    category: Mapped[str] = mapped_column(String(32), default="")
    followers_min: Mapped[int] = mapped_column(BigInteger, default=0)
    followers_max: Mapped[int | None] = mapped_column(BigInteger)
    region: Mapped[str] = mapped_column(String(32), default="")
    apply_by: Mapped[datetime | None] = mapped_column(UTCDateTime)
    publish_from: Mapped[datetime | None] = mapped_column(UTCDateTime)
    publish_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    protection_days: Mapped[int] = mapped_column(default=30)
    review_hours: Mapped[int] = mapped_column(default=48)
    """How long the brand has to review a submission: the due time the app counts down."""

    product_links: Mapped[list[BriefProduct]] = relationship(
        order_by="BriefProduct.position", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def product_ids(self) -> list[str]:
        return [str(link.product_id) for link in self.product_links]


class BriefProduct(Base):
    """A product the brief is about, in the brand's order; a link table so the creators of
    a brief can be let see exactly its products."""

    __tablename__ = "brief_products"
    __table_args__ = (UniqueConstraint("brief_id", "position"),)

    brief_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("briefs.id", ondelete="CASCADE"), primary_key=True
    )
    product_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int]


class Collaboration(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "collaborations"
    __table_args__ = (UniqueConstraint("brief_id", "account_id"),)

    brief_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("briefs.id", ondelete="CASCADE"))
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[str] = mapped_column(String(20), index=True)
    origin: Mapped[str] = mapped_column(String(16))
    """invited | applied."""
    quote_fen: Mapped[int | None] = mapped_column(BigInteger)
    """The fee the creator asked for when applying; the brief's fee for an invitation."""
    message: Mapped[str] = mapped_column(Text, default="")
    note_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("notes.id", ondelete="SET NULL"), unique=True
    )
    round: Mapped[int] = mapped_column(default=0)
    """The last submitted round; 0 before the first submission."""
    review_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminders: Mapped[list[str]] = mapped_column(JSON, default=list)
    """The deadline reminders already sent (`review:2`, `publish_until` …): each goes once."""

    brief: Mapped[Brief] = relationship(lazy="joined")


class Submission(IdMixin, Base):
    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("collaboration_id", "round"),)

    collaboration_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("collaborations.id", ondelete="CASCADE")
    )
    round: Mapped[int]
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    """The note as submitted: type, title, body, topics, mentions, products, flags and, per
    position, the sha256 of the photo or video as it will be published."""
    submitted_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decision: Mapped[str | None] = mapped_column(String(20))
    decided_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    media: Mapped[list[SubmissionMedium]] = relationship(
        order_by="SubmissionMedium.position", cascade="all, delete-orphan", lazy="selectin"
    )


class SubmissionMedium(Base):
    """A photo or video of a round as it will be published: what the brand may download."""

    __tablename__ = "submission_media"

    submission_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("media_assets.sha256"), index=True)


class ReviewComment(IdMixin, TimestampMixin, VersionedMixin, Base):
    """A comment of either side; on the brand's side it may point at a field, an image or a
    rectangle of an image (`region`: x, y, width, height as fractions of the image)."""

    __tablename__ = "review_comments"

    collaboration_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("collaborations.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(default=0)
    """The round it was written on (0: before the first submission)."""
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    side: Mapped[str] = mapped_column(String(8))
    target: Mapped[str] = mapped_column(String(8), default="note")
    """note | field | image | region."""
    field: Mapped[str | None] = mapped_column(String(16))
    position: Mapped[int | None]
    region: Mapped[dict[str, float] | None] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class AuditEntry(Base):
    """Who did what to which object, and when; written in the same transaction as the change."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    """None when the server acted on its own (the scheduler)."""
    action: Mapped[str] = mapped_column(String(40))
    object_kind: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[uuid.UUID] = mapped_column(index=True)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
