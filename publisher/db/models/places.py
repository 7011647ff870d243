"""Places users add (a shop, a café): shipped administrative places live in a data file.

A user place belongs to the organization of the user who added it, so everyone who works for
that organization can pick it. Pinyin is stored beside the name so search needs no work per row.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from publisher.db.base import Base, IdMixin, TimestampMixin


class UserPlace(IdMixin, TimestampMixin, Base):
    __tablename__ = "user_places"

    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    name: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(Text, default="")
    longitude: Mapped[float] = mapped_column(Float)
    latitude: Mapped[float] = mapped_column(Float)
    pinyin: Mapped[str] = mapped_column(String(400), default="")
    initials: Mapped[str] = mapped_column(String(200), default="")
