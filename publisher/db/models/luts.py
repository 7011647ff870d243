"""Colour looks (.cube files) a user imported, so recipes using them render on any machine.

The file itself lives in the content-addressed media store under its sha256; a row says that
a user holds it, which is what makes it visible to them and to nobody else.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from publisher.db.base import Base, UTCDateTime, utcnow


class UserLut(Base):
    __tablename__ = "user_luts"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
