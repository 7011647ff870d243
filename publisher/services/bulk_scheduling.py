"""Scheduling a batch of notes across accounts, spaced by the planner's rules.

The times come from `publisher.domain.spacing.plan_slots`, the function the app's preview runs
too, over the part of the asked period the platform lets be booked now. Each note is then
scheduled by `scheduling.schedule_note` — the very call a single note goes through — so every
permission, version and rule check applies, and a refusal of one note is reported with its
code while the others carry on.

A note that cannot be scheduled at all (not found, stale, not a draft or scheduled, not the
caller's to change) is refused before planning and takes no slot. The posts the accounts
already have — scheduled notes outside the batch, and published ones — occupy their slots.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from publisher.bulk_schemas import (
    BulkError,
    BulkSchedule,
    BulkScheduleItem,
    BulkSchedulePublic,
    NoteRef,
    PeriodIn,
)
from publisher.db.models import Account, Note, User
from publisher.domain.rules import RulesPack
from publisher.domain.spacing import Occupied, Period, PlannedNote, bookable_period, plan_slots
from publisher.domain.timezones import DEFAULT_TIMEZONE
from publisher.schemas import NotePublic
from publisher.services import notes, scheduling
from publisher.services.errors import Invalid, ServiceError

OCCUPYING_STATUSES = ("scheduled", "held")
_NEIGHBOURS = timedelta(days=1)
"""Posts this far outside the period still matter: a gap or a day count reaches across."""


@dataclass(frozen=True)
class _Candidate:
    ref: NoteRef
    note: PlannedNote


def schedule_in_bulk(
    session: Session,
    user: User,
    data: BulkSchedule,
    *,
    rules: RulesPack,
    now: datetime | None = None,
) -> BulkSchedulePublic:
    """Plan the batch and, unless `data.dry_run`, schedule each note at its slot.

    Never raises for one note: each item says what became of it.
    """
    now = now or datetime.now(UTC)
    period = bookable_period(data.period.to_domain(), rules, now)
    items: dict[uuid.UUID, BulkScheduleItem] = {}
    candidates: list[_Candidate] = []
    for ref in data.notes:
        try:
            candidates.append(_Candidate(ref, _planned(session, user, ref)))
        except ServiceError as error:
            session.rollback()
            items[ref.id] = _failed(ref.id, error)
    plan = plan_slots(
        [candidate.note for candidate in candidates],
        period,
        data.rules.to_domain(),
        _occupied(session, candidates, period),
    )
    for candidate in candidates:
        items[candidate.ref.id] = _outcome(
            session, user, candidate, plan.at(candidate.note.note_id), data, rules, now
        )
    return BulkSchedulePublic(
        period=PeriodIn(start=period.start, end=period.end) if period.start < period.end else None,
        items=[items[ref.id] for ref in data.notes],
    )


def _planned(session: Session, user: User, ref: NoteRef) -> PlannedNote:
    """The note to place, if the caller may schedule it at all.

    Raises:
        NotFound, Forbidden, Conflict: as changing the note would.
        Invalid: `note.not_schedulable` ({status}).
    """
    note = notes.note_at_version(session, user, ref.id, ref.version)
    if note.status not in scheduling.SCHEDULABLE_STATUSES:
        raise Invalid("note.not_schedulable", {"status": note.status})
    account = session.get(Account, note.account_id)
    timezone = account.timezone if account is not None else DEFAULT_TIMEZONE
    return PlannedNote(str(note.id), str(note.account_id), timezone)


def _occupied(session: Session, candidates: list[_Candidate], period: Period) -> list[Occupied]:
    """The accounts' other posts around the period: scheduled or published."""
    accounts = {uuid.UUID(candidate.note.account_id) for candidate in candidates}
    batch = [candidate.ref.id for candidate in candidates]
    low, high = period.start - _NEIGHBOURS, period.end + _NEIGHBOURS
    scheduled = (Note.status.in_(OCCUPYING_STATUSES)) & Note.scheduled_at.between(low, high)
    published = (Note.status == "published") & Note.published_at.between(low, high)
    rows = session.execute(
        select(Note.account_id, Note.status, Note.scheduled_at, Note.published_at).where(
            Note.account_id.in_(accounts), Note.id.not_in(batch), or_(scheduled, published)
        )
    )
    found = []
    for account_id, status, scheduled_at, published_at in rows:
        at = published_at if status == "published" else scheduled_at
        if at is not None:  # the query asks for a time in the window: always set
            found.append(Occupied(str(account_id), at))
    return found


def _outcome(
    session: Session,
    user: User,
    candidate: _Candidate,
    at: datetime | None,
    data: BulkSchedule,
    rules: RulesPack,
    now: datetime,
) -> BulkScheduleItem:
    note_id, account_id = candidate.ref.id, uuid.UUID(candidate.note.account_id)
    if at is None:
        return BulkScheduleItem(
            note_id=note_id,
            account_id=account_id,
            outcome="unplaced",
            error=BulkError(code="spacing.no_room"),
        )
    if data.dry_run:
        return BulkScheduleItem(note_id=note_id, account_id=account_id, outcome="planned", at=at)
    try:
        note = scheduling.schedule_note(
            session, user, note_id, at=at, version=candidate.ref.version, rules=rules, now=now
        )
    except ServiceError as error:
        session.rollback()
        return _failed(note_id, error, account_id=account_id, at=at)
    return BulkScheduleItem(
        note_id=note_id,
        account_id=account_id,
        outcome="scheduled",
        at=at,
        note=NotePublic.model_validate(note),
    )


def _failed(
    note_id: uuid.UUID,
    error: ServiceError,
    *,
    account_id: uuid.UUID | None = None,
    at: datetime | None = None,
) -> BulkScheduleItem:
    return BulkScheduleItem(
        note_id=note_id,
        account_id=account_id,
        outcome="failed",
        at=at,
        error=BulkError(
            code=error.code, params=error.params, violations=error.extra.get("violations")
        ),
    )
