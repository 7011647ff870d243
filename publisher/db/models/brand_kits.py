"""Brand kits: an organization's colours, title font and logo, kept by the backend so every
member's templates and watermarks draw the same brand."""

from __future__ import annotations

import uuid

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from publisher.db.base import Base, IdMixin, TimestampMixin, VersionedMixin


class BrandKit(IdMixin, TimestampMixin, VersionedMixin, Base):
    """The one kit of an organization; without a row the organization uses the defaults."""

    __tablename__ = "brand_kits"

    # Unique: one kit per organization, and the index that decides two racing first saves.
    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), unique=True
    )
    name: Mapped[str] = mapped_column(Text)
    colors: Mapped[dict[str, str]] = mapped_column(JSON)
    """Exactly the roles of `editor.brand.BRAND_COLOR_NAMES`, each `#RRGGBB`."""
    font: Mapped[str] = mapped_column(String(16))
    logo_sha256: Mapped[str | None] = mapped_column(ForeignKey("media_assets.sha256"))
    """A PNG original (the watermark draws it with its transparency)."""
