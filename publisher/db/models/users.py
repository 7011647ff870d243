"""People and the organizations they act for: users, organizations, memberships, tokens."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from publisher.db.base import Base, IdMixin, TimestampMixin, UTCDateTime, VersionedMixin


class User(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "users"

    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    """None for the embedded app's local user, who signs in with the per-run token only."""
    display_name: Mapped[str] = mapped_column(String(100))
    is_local: Mapped[bool] = mapped_column(default=False)


class Organization(IdMixin, TimestampMixin, VersionedMixin, Base):
    """Who accounts belong to: a person's own workspace, an MCN or a brand."""

    __tablename__ = "organizations"

    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16), default="personal")

    memberships: Mapped[list[Membership]] = relationship(back_populates="organization")


class Membership(IdMixin, TimestampMixin, Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("organization_id", "user_id"),)

    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(16), default="owner")

    organization: Mapped[Organization] = relationship(back_populates="memberships")


class AuthToken(IdMixin, Base):
    """A bearer token, stored only as its sha256 so a database leak does not leak sessions."""

    __tablename__ = "auth_tokens"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    client: Mapped[str] = mapped_column(String(200), default="", server_default="")
    """The app and machine that signed in (its User-Agent), to tell sessions apart."""
    ip: Mapped[str] = mapped_column(String(64), default="", server_default="")
