"""Notes and their ordered media."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from publisher.db.base import Base, IdMixin, TimestampMixin, UTCDateTime, VersionedMixin
from publisher.db.models.media import MediaAsset

if TYPE_CHECKING:
    from publisher.db.models.collaborations import Collaboration
    from publisher.db.models.mentions import NoteMention
    from publisher.db.models.products import NoteProduct
    from publisher.db.models.topics import NoteTopic


class Note(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "notes"

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    type: Mapped[str] = mapped_column(String(8), default="image")
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    # -- place and scheduled publishing (issue 6) --
    place_id: Mapped[str | None] = mapped_column(String(64))
    """`cn:<adcode>` for a shipped place, a user place's UUID; `place` is its snapshot."""
    place: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    scheduled_by: Mapped[uuid.UUID | None]
    """Who scheduled it (no foreign key: SQLite cannot add one to an existing table)."""
    published_by_scheduler: Mapped[bool] = mapped_column(default=False, server_default=false())
    """The scheduler published it on behalf of `published_by` (who scheduled it)."""
    published_late: Mapped[bool] = mapped_column(default=False, server_default=false())
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    posted_by: Mapped[uuid.UUID | None]
    """The human who confirmed it is live on the platform."""
    posted_link: Mapped[str | None] = mapped_column(Text)

    media: Mapped[list[NoteMedia]] = relationship(
        back_populates="note",
        order_by="NoteMedia.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    # -- topics, mentions, products and flags (issue 6) --
    visibility: Mapped[str] = mapped_column(String(8), default="public")
    """public | private ("only me") | mutual (mutual followers)."""
    original: Mapped[bool] = mapped_column(default=False)
    """The creator declares the content original."""
    ai_generated: Mapped[bool] = mapped_column(default=False)
    """The explicit AI-generated-content label."""
    collaboration: Mapped[bool] = mapped_column(default=False)
    """Brand-collaboration disclosure (合作); set by the brand flow, read-only elsewhere."""
    protected_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """A published collaboration note may not be deleted or archived before this."""
    topic_links: Mapped[list[NoteTopic]] = relationship(
        order_by="NoteTopic.position", cascade="all, delete-orphan", lazy="selectin"
    )
    mention_links: Mapped[list[NoteMention]] = relationship(
        order_by="NoteMention.position", cascade="all, delete-orphan", lazy="selectin"
    )
    product_links: Mapped[list[NoteProduct]] = relationship(
        order_by="NoteProduct.position", cascade="all, delete-orphan", lazy="selectin"
    )

    collaboration_link: Mapped[Collaboration | None] = relationship(
        primaryjoin="Note.id == foreign(Collaboration.note_id)",
        viewonly=True,
        uselist=False,
        lazy="selectin",
    )

    @property
    def collaboration_id(self) -> uuid.UUID | None:
        """The collaboration this note is the deliverable of, if any."""
        return self.collaboration_link.id if self.collaboration_link else None

    @property
    def topics(self) -> list[uuid.UUID]:
        return [link.topic_id for link in self.topic_links]

    @property
    def topic_names(self) -> list[str]:
        return [link.topic.name for link in self.topic_links]

    @property
    def mentions(self) -> list[uuid.UUID]:
        return [link.account_id for link in self.mention_links]

    @property
    def mention_names(self) -> list[str]:
        return [link.account.nickname for link in self.mention_links]

    @property
    def product_ids(self) -> list[uuid.UUID]:
        return [link.product_id for link in self.product_links]

    @property
    def product_names(self) -> list[str]:
        return [link.product.name for link in self.product_links]


class NoteMedia(Base):
    __tablename__ = "note_media"
    __table_args__ = (UniqueConstraint("note_id", "position"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    sha256: Mapped[str] = mapped_column(ForeignKey("media_assets.sha256"), index=True)
    recipe: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    rendered_sha256: Mapped[str | None] = mapped_column(
        ForeignKey("media_assets.sha256"), index=True
    )
    """The original rendered through `recipe`, as the client last exported it."""
    composition: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """How a cover was composed from a template (the template, the photos that filled its
    slots, the slot texts), so the app can re-arrange it later; None for a plain photo."""

    note: Mapped[Note] = relationship(back_populates="media")
    asset: Mapped[MediaAsset] = relationship(foreign_keys=[sha256], lazy="joined")
    rendered: Mapped[MediaAsset | None] = relationship(
        foreign_keys=[rendered_sha256], lazy="joined"
    )

    @property
    def mime(self) -> str:
        return self.asset.mime

    @property
    def width(self) -> int:
        return self.asset.width

    @property
    def height(self) -> int:
        return self.asset.height

    @property
    def duration(self) -> float | None:
        return self.asset.duration

    @property
    def rendered_width(self) -> int | None:
        return self.rendered.width if self.rendered else None

    @property
    def rendered_height(self) -> int | None:
        return self.rendered.height if self.rendered else None
