"""Bulk work on notes: a batch scheduled across accounts with spacing rules, and a note moved
to another account."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from publisher.bulk_schemas import BulkSchedule, BulkSchedulePublic, NoteMove
from publisher.schemas import NotePublic
from publisher.server.deps import CurrentUser, SessionDep, StateDep
from publisher.services import bulk_scheduling, note_moves

router = APIRouter(tags=["notes"])


@router.post("/notes/bulk/schedule", response_model=BulkSchedulePublic)
def schedule_in_bulk(data: BulkSchedule, user: CurrentUser, session: SessionDep, state: StateDep):
    """Each note gets a time from the spacing rules and is scheduled like a single note; the
    answer says, note by note, when — or why not. `dry_run` only plans."""
    return bulk_scheduling.schedule_in_bulk(session, user, data, rules=state.rules)


@router.post("/notes/{note_id}/move", response_model=NotePublic)
def move_note(note_id: uuid.UUID, data: NoteMove, user: CurrentUser, session: SessionDep):
    """Give a draft or scheduled note to another account the caller may write; a scheduled
    note keeps its time. A brand collaboration's note never moves."""
    return note_moves.move_note(session, user, note_id, data)
