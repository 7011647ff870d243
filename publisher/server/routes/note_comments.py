"""Readers' comments for a note's authors: list a note's comments, approve or remove the held
ones, and how many wait across the caller's notes (the studio's badge)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from publisher.reader_schemas import (
    HeldCommentsCount,
    ReaderCommentFilter,
    ReaderCommentPage,
    ReaderCommentPublic,
)
from publisher.server.deps import CurrentUser, SessionDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import reader_comments_review

router = APIRouter(tags=["notes"])


@router.get("/notes/held-comments/count", response_model=HeldCommentsCount)
def held_comments_count(user: CurrentUser, session: SessionDep):
    """Held comments waiting on every note the caller may moderate."""
    return HeldCommentsCount(held=reader_comments_review.held_count(session, user))


@router.get("/notes/{note_id}/comments", response_model=ReaderCommentPage)
def list_note_comments(
    note_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    status: ReaderCommentFilter = "all",
    offset: Offset = 0,
    limit: Limit = 50,
):
    """Readers' comments on the note, newest first; `counts` by status and `may_moderate`
    come with every page."""
    return reader_comments_review.list_comments(
        session, user, note_id, status, offset=offset, limit=limit
    )


@router.post("/comments/{comment_id}/approve", response_model=ReaderCommentPublic)
def approve_comment(comment_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    """A held comment shown on the note's page, counted from now on."""
    return reader_comments_review.approve(session, user, comment_id)


@router.post("/comments/{comment_id}/remove", response_model=ReaderCommentPublic)
def remove_comment(comment_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return reader_comments_review.remove(session, user, comment_id)
