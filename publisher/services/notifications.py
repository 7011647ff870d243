"""A user's notifications: read after a cursor, marked read up to an id.

The cursor is the last id seen. On PostgreSQL two replicas' transactions may commit ids out
of order, so a poll landing between them could pass over the lower id; `unread` (a count of
everything unread, not only the page) lets the app notice and re-read from 0.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from publisher.db.models import Notification, User
from publisher.schemas import NotificationPage, NotificationPublic


def notify(
    session: Session,
    user_id: uuid.UUID,
    kind: str,
    note_id: uuid.UUID | None,
    params: dict[str, Any],
) -> None:
    """Add a notification to the caller's transaction: it exists exactly when the event does."""
    session.add(Notification(user_id=user_id, kind=kind, note_id=note_id, params=params))


def list_notifications(session: Session, user: User, *, after: int, limit: int) -> NotificationPage:
    """The caller's notifications with an id above `after`, oldest first."""
    rows = session.scalars(
        select(Notification)
        .where(Notification.user_id == user.id, Notification.id > after)
        .order_by(Notification.id)
        .limit(limit)
    ).all()
    unread = session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )
    return NotificationPage(
        items=[NotificationPublic.model_validate(row) for row in rows],
        cursor=rows[-1].id if rows else after,
        unread=unread or 0,
    )


def mark_read(session: Session, user: User, *, up_to: int) -> int:
    """Mark the caller's unread notifications with id ≤ `up_to` read; how many were."""
    result = cast(
        "CursorResult[Any]",
        session.execute(
            update(Notification)
            .where(
                Notification.user_id == user.id,
                Notification.id <= up_to,
                Notification.read_at.is_(None),
            )
            .values(read_at=datetime.now(UTC))
        ),
    )
    session.commit()
    return result.rowcount
