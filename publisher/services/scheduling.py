"""Scheduling a note: the rules pack's window and every block rule, checked on the server.

A note is scheduled for an aware time between `schedule.min_lead_seconds` and
`schedule.max_lead_seconds` from now by the server's clock; a refusal lists every violated
rule. Unscheduling returns it to a draft. The scheduler (`scheduler.py`) publishes it when due.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from publisher.db.models import Note, User
from publisher.domain.checks import blocking
from publisher.domain.rules import RulesPack
from publisher.schemas import NoteUpdate
from publisher.services import collaboration_notes, notes
from publisher.services.checklist import note_violations
from publisher.services.errors import Invalid

SCHEDULABLE_STATUSES = frozenset({"draft", "scheduled", "held"})
UNSCHEDULABLE_STATUSES = frozenset({"scheduled", "held"})


def _require_allowed(
    session: Session, note: Note, at: datetime, rules: RulesPack, now: datetime
) -> None:
    """Raises `Invalid("note.rules_violated")` with every violation (warnings included) if
    any blocks: the whole pre-publish check, plus the window for `at` seen at `now`."""
    violations = note_violations(session, note, rules=rules, scheduled_at=at, now=now)
    if blocking(violations):
        raise Invalid(
            "note.rules_violated",
            {"count": len(blocking(violations))},
            violations=[v.to_dict() for v in violations],
        )


def schedule_note(
    session: Session,
    user: User,
    note_id: uuid.UUID,
    *,
    at: datetime,
    version: int,
    rules: RulesPack,
    now: datetime | None = None,
) -> Note:
    """Schedule (or reschedule, or release a held note at a new time) for `at`.

    Raises:
        Conflict: `version` is stale.
        Invalid: `note.not_schedulable` ({status}) or `note.rules_violated` (every violation).
    """
    note = notes.note_at_version(session, user, note_id, version)
    if note.status not in SCHEDULABLE_STATUSES:
        raise Invalid("note.not_schedulable", {"status": note.status})
    _require_allowed(session, note, at, rules, now or datetime.now(UTC))
    collaboration_notes.require_publishable(session, note, at)
    with notes.note_compare_and_set(session, user, note_id):
        note.status = "scheduled"
        note.scheduled_at = at
        note.scheduled_by = user.id
        collaboration_notes.note_scheduled(session, note, user.id)
    session.refresh(note)
    return note


def unschedule_note(session: Session, user: User, note_id: uuid.UUID, *, version: int) -> Note:
    """Back to a draft; a scheduled or held note only (`note.not_scheduled` otherwise)."""
    note = notes.note_at_version(session, user, note_id, version)
    if note.status not in UNSCHEDULABLE_STATUSES:
        raise Invalid("note.not_scheduled", {"status": note.status})
    with notes.note_compare_and_set(session, user, note_id):
        note.status = "draft"
        note.scheduled_at = None
        note.scheduled_by = None
        collaboration_notes.note_unscheduled(session, note, user.id)
    session.refresh(note)
    return note


def update_note(
    session: Session,
    user: User,
    note_id: uuid.UUID,
    data: NoteUpdate,
    *,
    rules: RulesPack,
    now: datetime | None = None,
) -> Note:
    """PATCH: a new `scheduled_at` on a scheduled note reschedules it, with the same checks.

    Raises:
        Invalid: `note.not_scheduled` when `scheduled_at` is sent for a note that is not
            scheduled (schedule it instead), or `note.rules_violated`.
    """
    if "scheduled_at" not in data.model_fields_set:
        return notes.update_note(session, user, note_id, data, rules=rules)
    note = notes.note_at_version(session, user, note_id, data.version)
    if note.status != "scheduled" or data.scheduled_at is None:
        raise Invalid("note.not_scheduled", {"status": note.status})
    _require_allowed(session, note, data.scheduled_at, rules, now or datetime.now(UTC))
    collaboration_notes.require_publishable(session, note, data.scheduled_at)
    return notes.update_note(
        session, user, note_id, data, reschedule_to=data.scheduled_at, rules=rules
    )
