"""User templates: a user's own cover templates, kept by the backend so they follow the user."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from publisher.db.base import Base, IdMixin, TimestampMixin, VersionedMixin


class UserTemplate(IdMixin, TimestampMixin, VersionedMixin, Base):
    """A checked `editor.templates` document under a name unique among its owner's templates;
    the document's own `name` and `category` are kept equal to the row's."""

    __tablename__ = "user_templates"
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    # The unique (user_id, name) index also serves every "this user's templates" query.
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(Text)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
