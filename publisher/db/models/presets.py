"""Named edit presets: a user's saved recipes, kept by the backend so they follow the user."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from publisher.db.base import Base, IdMixin, TimestampMixin, VersionedMixin


class EditPreset(IdMixin, TimestampMixin, VersionedMixin, Base):
    """A recipe under a name unique among its owner's presets."""

    __tablename__ = "edit_presets"
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    # The unique (user_id, name) index also serves every "this user's presets" query.
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    recipe: Mapped[dict[str, Any]] = mapped_column(JSON)
