"""Notes: CRUD with compare-and-set, publish and archive."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from publisher.schemas import (
    NoteCreate,
    NotePublic,
    NotePublish,
    NoteStatus,
    NoteUpdate,
    NoteVersion,
    Page,
    Text,
)
from publisher.server.deps import CurrentUser, SessionDep, StateDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import access, note_fields, notes, scheduling

router = APIRouter(tags=["notes"])


@router.get("/notes", response_model=Page[NotePublic])
def list_notes(
    user: CurrentUser,
    session: SessionDep,
    account_id: uuid.UUID | None = None,
    status: NoteStatus | None = None,
    q: Annotated[Text | None, Query(max_length=200)] = None,
    offset: Offset = 0,
    limit: Limit = 50,
):
    rows, total = notes.list_notes(
        session, user, account_id=account_id, status=status, query=q, offset=offset, limit=limit
    )
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.post("/notes", status_code=status.HTTP_201_CREATED, response_model=NotePublic)
def create_note(data: NoteCreate, user: CurrentUser, session: SessionDep, state: StateDep):
    return notes.create_note(session, user, data, rules=state.rules)


@router.get("/notes/{note_id}", response_model=NotePublic)
def get_note(note_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return access.get_note(session, user, note_id)


@router.patch("/notes/{note_id}", response_model=NotePublic)
def update_note(
    note_id: uuid.UUID, data: NoteUpdate, user: CurrentUser, session: SessionDep, state: StateDep
):
    note_fields.require_topic_count(data.topics, rules=state.rules)
    return scheduling.update_note(session, user, note_id, data, rules=state.rules)


@router.delete("/notes/{note_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_note(
    note_id: uuid.UUID, version: Annotated[int, Query()], user: CurrentUser, session: SessionDep
) -> Response:
    notes.delete_note(session, user, note_id, version=version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/notes/{note_id}/publish", response_model=NotePublic)
def publish_note(
    note_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    state: StateDep,
    data: NotePublish | None = None,
):
    version = data.version if data else None
    return notes.publish_note(session, user, note_id, version=version, rules=state.rules)


@router.post("/notes/{note_id}/archive", response_model=NotePublic)
def archive_note(note_id: uuid.UUID, data: NoteVersion, user: CurrentUser, session: SessionDep):
    return notes.archive_note(session, user, note_id, version=data.version)
