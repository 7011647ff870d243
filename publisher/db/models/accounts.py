"""Creator and brand accounts on the platform, each owned by an organization."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from publisher.db.base import Base, IdMixin, TimestampMixin, VersionedMixin


class Account(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "accounts"

    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    nickname: Mapped[str] = mapped_column(String(100))
    platform_user_id: Mapped[str | None] = mapped_column(String(64))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    can_link_products: Mapped[bool] = mapped_column(default=False)
    """Whether the platform lets this account link products; set by the account's owner."""
    followers: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    """As the platform last showed it; brands' briefs filter creators by it."""
    category: Mapped[str] = mapped_column(String(32), default="", server_default="")
    """The account's field (美妆, 美食 …), as the platform's creator centre names it."""
    region: Mapped[str] = mapped_column(String(32), default="", server_default="")
