"""The publish package of a note, its images, and the human's "posted" confirmation."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import FileResponse

from publisher.schemas import NotePublic, PostedConfirmation, PublishPackage
from publisher.server.deps import CurrentUser, SessionDep, StateDep
from publisher.services import package

router = APIRouter(tags=["publishing"])


@router.get("/notes/{note_id}/package", response_model=PublishPackage)
def get_package(note_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return package.build_package(session, user, note_id)


@router.get("/notes/{note_id}/package/images/{position}")
def package_image(
    note_id: uuid.UUID,
    position: Annotated[int, Path(ge=0, le=1000)],
    user: CurrentUser,
    session: SessionDep,
    state: StateDep,
):
    path, mime = package.image_file(session, user, state.store, note_id, position)
    return FileResponse(path, media_type=mime)


@router.get("/notes/{note_id}/package/cover")
def package_cover(note_id: uuid.UUID, user: CurrentUser, session: SessionDep, state: StateDep):
    """The cover: a photo note's first image, a video note's chosen image or frame (JPEG)."""
    path, mime = package.cover_file(session, user, state.store, note_id)
    return FileResponse(path, media_type=mime)


@router.post("/notes/{note_id}/confirm-posted", response_model=NotePublic)
def confirm_posted(
    note_id: uuid.UUID, user: CurrentUser, session: SessionDep, data: PostedConfirmation
):
    return package.confirm_posted(session, user, note_id, link=data.link)
