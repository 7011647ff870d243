"""Idempotency keys: the first request with a key is run, repeats get its stored answer.

A key is claimed by inserting a row before the request runs, so two concurrent requests with
one key cannot both run: the loser sees the claim and is told the first is in progress.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from publisher.db.models import IdempotencyRecord

RETENTION = timedelta(days=7)
STALE_CLAIM = timedelta(seconds=60)
"""A claim still unanswered after this long belongs to a request that died with its process
(the body is read before the claim, so a live request answers in far less)."""


@dataclass(frozen=True)
class StoredResponse:
    status_code: int
    body: bytes
    content_type: str | None


@dataclass(frozen=True)
class Claimed:
    record_id: uuid.UUID


@dataclass(frozen=True)
class Mismatch:
    """The key was used before with a different request body."""


@dataclass(frozen=True)
class InProgress:
    """The first request with this key has not finished yet."""


ClaimResult = Claimed | StoredResponse | Mismatch | InProgress


def claim(
    sessions: sessionmaker[Session], *, principal: str, key: str, request_hash: str
) -> ClaimResult:
    """Claim `key` for this request, or say why it cannot run."""
    with sessions() as session:
        record = IdempotencyRecord(principal=principal, key=key, request_hash=request_hash)
        session.add(record)
        try:
            session.commit()
            return Claimed(record.id)
        except IntegrityError:
            session.rollback()
        existing = session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.principal == principal, IdempotencyRecord.key == key
            )
        )
        if existing is None:
            return InProgress()
        if existing.request_hash != request_hash:
            return Mismatch()
        if existing.status_code is None:
            return _reclaim(session, existing.id) or InProgress()
        return StoredResponse(
            existing.status_code, existing.response_body or b"", existing.content_type
        )


def _reclaim(session: Session, record_id: uuid.UUID) -> Claimed | None:
    """Take over a stale claim; the conditional UPDATE lets exactly one contender win."""
    now = datetime.now(UTC)
    taken = cast(
        "CursorResult[Any]",
        session.execute(
            update(IdempotencyRecord)
            .where(
                IdempotencyRecord.id == record_id,
                IdempotencyRecord.status_code.is_(None),
                IdempotencyRecord.created_at < now - STALE_CLAIM,
            )
            .values(created_at=now),
        ),
    )
    session.commit()
    return Claimed(record_id) if taken.rowcount == 1 else None


def complete(
    sessions: sessionmaker[Session], record_id: uuid.UUID, response: StoredResponse
) -> None:
    with sessions() as session:
        record = session.get(IdempotencyRecord, record_id)
        if record is not None:
            record.status_code = response.status_code
            record.response_body = response.body
            record.content_type = response.content_type
            session.commit()


def release(sessions: sessionmaker[Session], record_id: uuid.UUID) -> None:
    """Forget a claim whose request failed on the server's side, so a retry may run it."""
    with sessions() as session:
        session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.id == record_id))
        session.commit()


def purge_expired(sessions: sessionmaker[Session], *, exclusive: bool) -> None:
    """Forget answers past retention; with `exclusive` (no other process serves this database)
    also every unanswered claim, since the requests that made them died with their process."""
    cutoff = datetime.now(UTC) - RETENTION
    with sessions() as session:
        session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < cutoff))
        if exclusive:
            session.execute(
                delete(IdempotencyRecord).where(IdempotencyRecord.status_code.is_(None))
            )
        session.commit()
