"""Perceptual fingerprints of media and texts, kept by content so each is computed once.

A fingerprint depends only on the bytes of a medium (its sha256) or on a note's text (the
sha256 of that text), never on the note holding it, so the same photo in a hundred notes is
hashed once, by whichever server process meets it first. `version` names the algorithm that
made a row; rows of another version are made again rather than compared.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from publisher.db.base import Base, UTCDateTime, utcnow


class MediaFingerprint(Base):
    __tablename__ = "media_fingerprints"

    sha256: Mapped[str] = mapped_column(
        ForeignKey("media_assets.sha256", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int]
    hashes: Mapped[str] = mapped_column(Text)
    """64-bit pHashes, 16 hex digits each (`editor.fingerprint.format_hashes`): one for a
    photo, a few frames' for a video, none for what has no picture (music) or could not be
    decoded. Text, so that a query can concatenate a note's fingerprints into one row."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TextFingerprint(Base):
    __tablename__ = "text_fingerprints"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    """sha256 of the text as written (title, newline, body)."""
    version: Mapped[int]
    shingles: Mapped[int]
    """How many word pairs the text has; short texts are not compared."""
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    """The MinHash signature, big-endian uint32s; empty when the text has no words."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
