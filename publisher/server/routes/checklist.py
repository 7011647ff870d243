"""The pre-publish checklist: of a stored note, or of a draft as it is typed."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from fastapi import APIRouter
from pydantic import AwareDatetime

from publisher.schemas import ChecklistDraft, ChecklistPublic
from publisher.server.deps import CurrentUser, SessionDep, StateDep
from publisher.services import access, checklist, keywords

router = APIRouter(tags=["checklist"])


@router.get("/notes/{note_id}/checklist", response_model=ChecklistPublic)
def note_checklist(
    note_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    state: StateDep,
    scheduled_at: AwareDatetime | None = None,
):
    """Every rule of the server's rules pack that applies to the note, with pass, warn or
    block and its figures. `scheduled_at` checks a planned time against the window, as
    scheduling will."""
    note = access.get_note(session, user, note_id)
    now = datetime.now(UTC)
    items = checklist.note_checklist(
        session, note, rules=state.rules, scheduled_at=scheduled_at, now=now
    )
    return checklist.checklist_public(items, state.rules, now)


@router.post("/checklist", response_model=ChecklistPublic)
def draft_checklist(data: ChecklistDraft, user: CurrentUser, session: SessionDep, state: StateDep):
    """The same checklist for a draft the composer holds; nothing is stored."""
    keywords.warm_up_in_background()  # the composer is open: suggestions come next
    now = datetime.now(UTC)
    items = checklist.draft_checklist(session, data, rules=state.rules, now=now)
    return checklist.checklist_public(items, state.rules, now)
