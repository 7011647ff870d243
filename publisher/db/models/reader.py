"""What readers of the backend's own pages leave behind: reactions, follows, comments, orders
and searches.

Readers have no accounts: a reader is the random id in their first-party cookie. Counting is
the events' job (the rollups); these rows hold what a page must remember about one reader —
whether they liked a note, follow an account — and what others read (comments, hot searches).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from publisher.db.base import Base, IdMixin, UTCDateTime, utcnow

READER_ID_LENGTH = 32
"""A reader id is 128 random bits in hex."""


class ReaderReaction(Base):
    """A like or a collect by one reader on one note (at most one of each, ever counted once)."""

    __tablename__ = "reader_reactions"

    reader_id: Mapped[str] = mapped_column(String(READER_ID_LENGTH), primary_key=True)
    note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    """like | collect; `unlike` | `uncollect` once taken back: the row stays, because the
    event was counted once for good and a page shows the count less those taken back."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReaderFollow(Base):
    __tablename__ = "reader_follows"

    reader_id: Mapped[str] = mapped_column(String(READER_ID_LENGTH), primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReaderComment(IdMixin, Base):
    """A reader's comment on a note. `held` ones (forbidden words, links) wait for the note's
    author and are shown only to the reader who wrote them until approved."""

    __tablename__ = "reader_comments"
    __table_args__ = (Index("ix_reader_comments_reader_id_created_at", "reader_id", "created_at"),)

    note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), index=True
    )
    reader_id: Mapped[str] = mapped_column(String(READER_ID_LENGTH))
    name: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(8), default="visible")
    """visible | held | removed"""
    held_reason: Mapped[str | None] = mapped_column(String(16))
    """words | link, when held."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReaderOrder(IdMixin, Base):
    """A buy on a product page: recorded, no payment taken. `note_id` is the note the reader
    came from, when there was one: the order counts for that note (and its campaign)."""

    __tablename__ = "reader_orders"
    __table_args__ = (Index("ix_reader_orders_reader_id_created_at", "reader_id", "created_at"),)

    product_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    note_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("notes.id", ondelete="SET NULL"))
    reader_id: Mapped[str] = mapped_column(String(READER_ID_LENGTH))
    quantity: Mapped[int]
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReaderSearch(Base):
    """How often a query was searched on a day: the hot searches."""

    __tablename__ = "reader_searches"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    query: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(BigInteger, default=0)
