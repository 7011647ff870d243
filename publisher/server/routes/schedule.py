"""Scheduling a note for publishing, and taking it back."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from publisher.schemas import NotePublic, NoteSchedule, NoteVersion
from publisher.server.deps import CurrentUser, SessionDep, StateDep
from publisher.services import scheduling

router = APIRouter(tags=["notes"])


@router.post("/notes/{note_id}/schedule", response_model=NotePublic)
def schedule_note(
    note_id: uuid.UUID, data: NoteSchedule, user: CurrentUser, session: SessionDep, state: StateDep
):
    return scheduling.schedule_note(
        session, user, note_id, at=data.at, version=data.version, rules=state.rules
    )


@router.post("/notes/{note_id}/unschedule", response_model=NotePublic)
def unschedule_note(note_id: uuid.UUID, data: NoteVersion, user: CurrentUser, session: SessionDep):
    return scheduling.unschedule_note(session, user, note_id, version=data.version)
