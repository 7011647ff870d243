"""What a collaboration means for its note: only the approved round is scheduled or published,
a changed approved note starts a new round, and a published one is protected from deletion
for the brief's protection period.

Called by the note services at each of those moments, inside their transaction, so the note
and its collaboration never disagree.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from publisher.db.models import Collaboration, Note
from publisher.domain.collaboration import TERMINAL, Action, Side, State
from publisher.services.collaborations import announce, move
from publisher.services.errors import Invalid
from publisher.services.rounds import last_submission, note_snapshot, same_content


def active_collaboration(session: Session, note_id: uuid.UUID) -> Collaboration | None:
    """The collaboration the note is the deliverable of, unless it has ended."""
    collab = session.scalar(select(Collaboration).where(Collaboration.note_id == note_id))
    if collab is None or State(collab.state) in TERMINAL:
        return None
    return collab


def _approved_unchanged(session: Session, collab: Collaboration, note: Note) -> bool:
    submission = last_submission(session, collab)
    return (
        submission is not None
        and submission.decision == Action.APPROVE.value
        and same_content(submission.snapshot, note_snapshot(note))
    )


def require_publishable(session: Session, note: Note, at: datetime | None = None) -> None:
    """Before scheduling (at `at`) or publishing now: the brand approved this very content,
    and the time is inside the brief's publish window.

    Raises:
        Invalid: `collaboration.not_approved` ({state}), `collaboration.outside_window`
            ({publish_from, publish_until}).
    """
    collab = active_collaboration(session, note.id)
    if collab is None:
        return
    state = State(collab.state)
    if state not in (State.APPROVED, State.SCHEDULED) or not _approved_unchanged(
        session, collab, note
    ):
        raise Invalid("collaboration.not_approved", {"state": state.value})
    brief = collab.brief
    moment = at or datetime.now(UTC)
    if (brief.publish_from and moment < brief.publish_from) or (
        brief.publish_until and moment > brief.publish_until
    ):
        raise Invalid(
            "collaboration.outside_window",
            {
                "publish_from": brief.publish_from.isoformat() if brief.publish_from else None,
                "publish_until": brief.publish_until.isoformat() if brief.publish_until else None,
            },
        )


def note_scheduled(session: Session, note: Note, actor: uuid.UUID | None) -> None:
    collab = active_collaboration(session, note.id)
    if collab is not None and collab.state == State.APPROVED.value:
        move(session, collab, Action.SCHEDULE, Side.CREATOR, actor=actor)


def note_unscheduled(session: Session, note: Note, actor: uuid.UUID | None) -> None:
    collab = active_collaboration(session, note.id)
    if collab is not None and collab.state == State.SCHEDULED.value:
        move(session, collab, Action.UNSCHEDULE, Side.CREATOR, actor=actor)


def note_published(
    session: Session, note_id: uuid.UUID, actor: uuid.UUID | None, now: datetime
) -> None:
    """The note is live: the collaboration is published, the note disclosed and protected.

    A Core UPDATE, not the ORM: the scheduler settles notes it read in another session, and
    these two columns are bookkeeping that must not bump the note's version."""
    collab = active_collaboration(session, note_id)
    if collab is None:
        return
    side = Side.SYSTEM if actor is None else Side.CREATOR
    move(session, collab, Action.PUBLISH, side, actor=actor)
    collab.published_at = now
    session.execute(
        update(Note)
        .where(Note.id == note_id)
        .values(
            collaboration=True, protected_until=now + timedelta(days=collab.brief.protection_days)
        )
        .execution_options(synchronize_session=False)
    )
    announce(session, collab, "collaboration.published", to=Side.BRAND, actor=actor)


def note_changed(session: Session, note: Note, actor: uuid.UUID | None) -> bool:
    """After an edit: an approved (or scheduled) note that no longer is what the brand approved
    goes back to work for a new round, and off the schedule. True when that happened."""
    collab = active_collaboration(session, note.id)
    if collab is None or collab.state not in (State.APPROVED.value, State.SCHEDULED.value):
        return False
    if _approved_unchanged(session, collab, note):
        return False
    move(session, collab, Action.REOPEN, Side.SYSTEM, actor=actor)
    if note.status == "scheduled":
        note.status = "draft"
        note.scheduled_at = None
    announce(session, collab, "collaboration.reopened", to=Side.BRAND, actor=actor)
    return True


def require_removable(note: Note, now: datetime | None = None) -> None:
    """Raises: Invalid `note.protected` ({until}) inside a collaboration's protection period."""
    moment = now or datetime.now(UTC)
    if note.protected_until is not None and moment < note.protected_until:
        raise Invalid("note.protected", {"until": note.protected_until.isoformat()})
