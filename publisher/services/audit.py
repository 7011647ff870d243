"""The audit log: who did what to which object, written in the transaction of the change."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from publisher.db.models import AuditEntry, User


def record(
    session: Session,
    user_id: uuid.UUID | None,
    action: str,
    object_kind: str,
    object_id: uuid.UUID,
    params: dict[str, Any] | None = None,
) -> None:
    """Add an entry to the caller's transaction; `user_id` None is the server acting alone."""
    session.add(
        AuditEntry(
            user_id=user_id,
            action=action,
            object_kind=object_kind,
            object_id=object_id,
            params=params or {},
        )
    )


def entries_for(session: Session, object_id: uuid.UUID) -> list[tuple[AuditEntry, str]]:
    """An object's entries, oldest first, each with its actor's display name ("" for none)."""
    rows = session.execute(
        select(AuditEntry, User.display_name)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.object_id == object_id)
        .order_by(AuditEntry.id)
    ).all()
    return [(entry, name or "") for entry, name in rows]
