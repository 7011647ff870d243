"""Topics (话题): entities with ids that notes list in order, and users' saved topic groups.

A topic's `name` is normalised (NFKC, trimmed, no leading `#`); `key`, its case-folded form,
is what makes two spellings of one topic ("OOTD", "ootd") the same topic.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from publisher.db.base import Base, IdMixin, TimestampMixin, UTCDateTime, VersionedMixin, utcnow

TOPIC_NAME_STORAGE = 120
"""Column size: far above the 30 characters a name may have, for any encoding's width."""


class Topic(IdMixin, Base):
    __tablename__ = "topics"

    name: Mapped[str] = mapped_column(String(TOPIC_NAME_STORAGE))
    key: Mapped[str] = mapped_column(String(TOPIC_NAME_STORAGE), unique=True)
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NoteTopic(Base):
    """A topic on a note at a position; the topic index serves use counts and trending."""

    __tablename__ = "note_topics"
    __table_args__ = (UniqueConstraint("note_id", "position"),)

    note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int]

    topic: Mapped[Topic] = relationship(lazy="joined")


class TopicGroup(IdMixin, TimestampMixin, VersionedMixin, Base):
    """A user's saved set of topics, added to a note in one click."""

    __tablename__ = "topic_groups"
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))

    items: Mapped[list[TopicGroupItem]] = relationship(
        order_by="TopicGroupItem.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    @property
    def topics(self) -> list[Topic]:
        return [item.topic for item in self.items]


class TopicGroupItem(Base):
    __tablename__ = "topic_group_items"
    __table_args__ = (UniqueConstraint("group_id", "position"),)

    group_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("topic_groups.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int]

    topic: Mapped[Topic] = relationship(lazy="joined")
