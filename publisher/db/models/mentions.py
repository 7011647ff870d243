"""@mentions: the accounts a note mentions, in the order the creator typed them."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from publisher.db.base import Base

if TYPE_CHECKING:
    from publisher.db.models.accounts import Account


class NoteMention(Base):
    __tablename__ = "note_mentions"
    __table_args__ = (UniqueConstraint("note_id", "position"),)

    note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True
    )
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int]

    account: Mapped[Account] = relationship(lazy="joined")
    """Joined so a note carries its mentions' nicknames: a reopened draft shows them."""
