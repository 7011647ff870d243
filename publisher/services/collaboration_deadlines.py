"""Deadline reminders for collaborations, sent by the scheduler's tick: a review falling due,
an invitation whose brief stops taking answers, a publish window about to close.

Each reminder goes once: its key is added to the collaboration's `reminders` in the same
compare-and-set write as the notification, so two replicas racing on one collaboration send
it once (the loser's write is stale and rolled back).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from publisher.db.models import Brief, Collaboration
from publisher.domain.collaboration import OPEN_FOR_WORK, Side, State
from publisher.services.collaborations import announce

REVIEW_WARNING = timedelta(hours=6)
ANSWER_WARNING = timedelta(hours=24)
PUBLISH_WARNING = timedelta(hours=48)
BATCH = 200


def _due(session: Session, now: datetime) -> Iterator[tuple[Collaboration, str, str, Side]]:
    """(collaboration, reminder key, notification kind, side told) for every deadline near."""
    submitted = session.scalars(
        select(Collaboration)
        .where(
            Collaboration.state == State.SUBMITTED.value,
            Collaboration.review_due_at <= now + REVIEW_WARNING,
        )
        .limit(BATCH)
    )
    for collab in submitted:
        yield collab, f"review:{collab.round}", "collaboration.review_due", Side.BRAND
    invited = session.scalars(
        select(Collaboration)
        .join(Brief, Brief.id == Collaboration.brief_id)
        .where(
            Collaboration.state == State.INVITED.value,
            Brief.apply_by > now,
            Brief.apply_by <= now + ANSWER_WARNING,
        )
        .limit(BATCH)
    )
    for collab in invited:
        yield collab, "apply_by", "collaboration.answer_due", Side.CREATOR
    working = session.scalars(
        select(Collaboration)
        .join(Brief, Brief.id == Collaboration.brief_id)
        .where(
            Collaboration.state.in_(
                [s.value for s in (*OPEN_FOR_WORK, State.SUBMITTED, State.APPROVED)]
            ),
            Brief.publish_until > now,
            Brief.publish_until <= now + PUBLISH_WARNING,
        )
        .limit(BATCH)
    )
    for collab in working:
        yield collab, "publish_until", "collaboration.publish_due", Side.CREATOR


def send_reminders(sessions: sessionmaker[Session], now: datetime) -> int:
    """Notify each deadline once; how many reminders this call sent."""
    with sessions() as session:
        pending = [
            (collab.id, key, kind, side)
            for collab, key, kind, side in _due(session, now)
            if key not in collab.reminders
        ]
    sent = 0
    for collab_id, key, kind, side in pending:
        with sessions() as session:
            collab = session.get(Collaboration, collab_id)
            if collab is None or key in collab.reminders:
                continue
            collab.reminders = [*collab.reminders, key]
            due = {
                "review:": collab.review_due_at,
                "apply_by": collab.brief.apply_by,
                "publish_until": collab.brief.publish_until,
            }
            moment = next(value for prefix, value in due.items() if key.startswith(prefix))
            extra = {"due_at": moment.isoformat() if moment else None}
            announce(session, collab, kind, to=side, actor=None, extra=extra)
            try:
                session.commit()
            except StaleDataError:
                session.rollback()
                continue
            sent += 1
    return sent
