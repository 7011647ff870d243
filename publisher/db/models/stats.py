"""The data center's tables: raw events, daily rollups, spend, and imported platform figures.

Raw events are append-only and carry only what ingestion needs to stay fast: a sequence, the
caller's event id (unique — what makes ingestion idempotent), the note, kind, time and value.
They have no foreign key and no other index on purpose: each index costs inserts several times
over, and a foreign key to notes would make every draft deletion scan millions of rows. The
events of a deleted note stay in the log (they happened) and drop out of every rollup, whose
rows cascade with the note, account or brief.

Rollups are counters (`publisher.domain.metrics.COUNTERS`) per day — the day in the account's
own time zone — kept current in the same transaction as the events they count. `source` keeps
apart what events counted (`SOURCE_EVENTS`) from what imported platform exports added
(`SOURCE_IMPORT`), so a rebuild from raw events never loses an import.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from publisher.db.base import Base, IdMixin, UTCDateTime, utcnow

SOURCE_EVENTS = 0
SOURCE_IMPORT = 1

_SEQ = BigInteger().with_variant(Integer, "sqlite")
"""SQLite's rowid alias must be spelled INTEGER to autoincrement."""


class Event(Base):
    __tablename__ = "events"

    seq: Mapped[int] = mapped_column(_SEQ, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64), unique=True)
    """The sender's id for the event: the same id twice is counted once."""
    note_id: Mapped[uuid.UUID]
    kind: Mapped[int] = mapped_column(SmallInteger)
    ts: Mapped[datetime] = mapped_column(UTCDateTime)
    value: Mapped[int | None] = mapped_column(BigInteger)
    """Watch seconds of a video view; the amount of an order in fen."""
    completed: Mapped[bool | None]
    """Whether a video view watched to the end."""


class _Counters:
    """The counters of `publisher.domain.metrics.COUNTERS`, one column each."""

    impressions: Mapped[int] = mapped_column(BigInteger, default=0)
    views: Mapped[int] = mapped_column(BigInteger, default=0)
    video_views: Mapped[int] = mapped_column(BigInteger, default=0)
    watch_seconds: Mapped[int] = mapped_column(BigInteger, default=0)
    completions: Mapped[int] = mapped_column(BigInteger, default=0)
    likes: Mapped[int] = mapped_column(BigInteger, default=0)
    collects: Mapped[int] = mapped_column(BigInteger, default=0)
    comments: Mapped[int] = mapped_column(BigInteger, default=0)
    shares: Mapped[int] = mapped_column(BigInteger, default=0)
    follows: Mapped[int] = mapped_column(BigInteger, default=0)
    product_clicks: Mapped[int] = mapped_column(BigInteger, default=0)
    orders: Mapped[int] = mapped_column(BigInteger, default=0)
    gmv_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    counting_version: Mapped[int] = mapped_column(SmallInteger)


class NoteDailyStats(_Counters, Base):
    __tablename__ = "note_daily_stats"

    note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    source: Mapped[int] = mapped_column(SmallInteger, primary_key=True)


class AccountDailyStats(_Counters, Base):
    __tablename__ = "account_daily_stats"

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    source: Mapped[int] = mapped_column(SmallInteger, primary_key=True)


class BriefDailyStats(_Counters, Base):
    __tablename__ = "brief_daily_stats"

    brief_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("briefs.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    source: Mapped[int] = mapped_column(SmallInteger, primary_key=True)


class AccountHourlyActivity(Base):
    """When an account's readers look and interact, hour by hour of the account's clock: what
    the best-time-to-post heatmap is drawn from."""

    __tablename__ = "account_hourly_activity"

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    hour: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    views: Mapped[int] = mapped_column(BigInteger, default=0)
    interactions: Mapped[int] = mapped_column(BigInteger, default=0)
    counting_version: Mapped[int] = mapped_column(SmallInteger)


class SpendRecord(IdMixin, Base):
    """Money spent on a note or a brief: a boost (薯条), ads (聚光), a creator's fee."""

    __tablename__ = "spend_records"

    brief_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("briefs.id", ondelete="CASCADE"), index=True
    )
    note_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(8))
    day: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    memo: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StatImport(IdMixin, Base):
    """One platform data-center export brought in: who, which file, what matched."""

    __tablename__ = "stat_imports"

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(Text, default="")
    as_of: Mapped[date] = mapped_column(Date)
    matched: Mapped[int] = mapped_column(Integer, default=0)
    unmatched: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_by: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NotePlatformTotals(_Counters, Base):
    """A note's cumulative figures as the last imported export showed them: the next import
    adds only what grew since."""

    __tablename__ = "note_platform_totals"

    note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True
    )
    import_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stat_imports.id", ondelete="CASCADE"))
    as_of: Mapped[date] = mapped_column(Date)
