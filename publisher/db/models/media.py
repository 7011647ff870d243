"""Media originals, addressed by sha256, and which users hold a reference to each.

The bytes live in the content-addressed store on disk; a row records what the gate learned
about them. `MediaRef` scopes visibility: a user sees only media they uploaded, so the
existence of someone else's file cannot be probed by its hash.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from publisher.db.base import Base, UTCDateTime, utcnow


class MediaAsset(Base):
    __tablename__ = "media_assets"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    mime: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    width: Mapped[int]
    height: Mapped[int]
    """As displayed: a phone video's display rotation is applied."""
    duration_ms: Mapped[int | None]
    """A video's length in milliseconds; None for an image."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def duration(self) -> float | None:
        """A video's length in seconds, as the API answers it."""
        return None if self.duration_ms is None else self.duration_ms / 1000


class MediaRef(Base):
    __tablename__ = "media_refs"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    sha256: Mapped[str] = mapped_column(
        ForeignKey("media_assets.sha256", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
