"""Collaborations: invitations, applications, moves, the note, rounds, checks, comments and
the audit log. Every call answers 404 for a collaboration the caller may not see."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from publisher.brief_schemas import (
    Application,
    AuditPublic,
    BriefCheckPublic,
    CollaborationAct,
    CollaborationNote,
    CollaborationPublic,
    CollaborationState,
    CommentCreate,
    CommentPublic,
    CommentResolve,
    Invitation,
    Side,
    SubmissionPublic,
)
from publisher.domain.collaboration import Side as DomainSide
from publisher.schemas import NoteVersion, Page
from publisher.server.deps import CurrentUser, SessionDep, StateDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import audit, collaborations, review_comments, rounds

router = APIRouter(tags=["collaborations"])


def _public(session, user, collab) -> CollaborationPublic:
    return collaborations.collaboration_public(session, user, collab)


@router.get("/collaborations", response_model=Page[CollaborationPublic])
def list_collaborations(
    user: CurrentUser,
    session: SessionDep,
    side: Side | None = None,
    brief_id: uuid.UUID | None = None,
    state: Annotated[list[CollaborationState] | None, Query()] = None,
    account_id: uuid.UUID | None = None,
    offset: Offset = 0,
    limit: Limit = 50,
):
    """`side=brand`: submissions to the caller's briefs (the review queue); `side=creator`:
    their accounts' own; filter by brief, states and account."""
    rows, total = collaborations.list_collaborations(
        session,
        user,
        side=DomainSide(side) if side else None,
        brief_id=brief_id,
        states=list(state) if state else None,
        account_id=account_id,
        offset=offset,
        limit=limit,
    )
    items = [_public(session, user, row) for row in rows]
    return Page(items=items, total=total, offset=offset, limit=limit)


@router.post(
    "/collaborations/invitations",
    status_code=status.HTTP_201_CREATED,
    response_model=CollaborationPublic,
)
def invite(data: Invitation, user: CurrentUser, session: SessionDep, state: StateDep):
    collab = collaborations.invite(session, user, data, rules=state.rules)
    return _public(session, user, collab)


@router.post(
    "/collaborations/applications",
    status_code=status.HTTP_201_CREATED,
    response_model=CollaborationPublic,
)
def apply(data: Application, user: CurrentUser, session: SessionDep, state: StateDep):
    collab = collaborations.apply(session, user, data, rules=state.rules)
    return _public(session, user, collab)


@router.get("/collaborations/{collaboration_id}", response_model=CollaborationPublic)
def get_collaboration(collaboration_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return _public(session, user, collaborations.get_collaboration(session, user, collaboration_id))


@router.post("/collaborations/{collaboration_id}/actions", response_model=CollaborationPublic)
def act(
    collaboration_id: uuid.UUID, data: CollaborationAct, user: CurrentUser, session: SessionDep
):
    """Accept, decline, withdraw, approve, request changes (needs a comment on the round),
    reject, complete or cancel, at the collaboration's `version`."""
    return _public(session, user, collaborations.act(session, user, collaboration_id, data))


@router.put("/collaborations/{collaboration_id}/note", response_model=CollaborationPublic)
def attach_note(
    collaboration_id: uuid.UUID,
    data: CollaborationNote,
    user: CurrentUser,
    session: SessionDep,
    state: StateDep,
):
    """Give the collaboration its note: a draft of the account, or a new one from the brief."""
    collab = rounds.attach_note(session, user, collaboration_id, data, rules=state.rules)
    return _public(session, user, collab)


@router.post("/collaborations/{collaboration_id}/submit", response_model=CollaborationPublic)
def submit(collaboration_id: uuid.UUID, data: NoteVersion, user: CurrentUser, session: SessionDep):
    """Freeze the note as the next round for the brand to review; `version` is the
    collaboration's."""
    return _public(
        session, user, rounds.submit(session, user, collaboration_id, version=data.version)
    )


@router.get("/collaborations/{collaboration_id}/submissions", response_model=list[SubmissionPublic])
def list_submissions(collaboration_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    """Every round, oldest first; each round's media are readable at `/media/{sha256}`."""
    return rounds.list_submissions(session, user, collaboration_id)


@router.get("/collaborations/{collaboration_id}/checks", response_model=list[BriefCheckPublic])
def brief_checks(
    collaboration_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    state: StateDep,
    round_: Annotated[int | None, Query(alias="round", ge=1)] = None,
):
    """The brief's checklist on a round, or (no `round`) on the note as it is now."""
    return rounds.brief_checks(session, user, collaboration_id, round_=round_, rules=state.rules)


@router.get("/collaborations/{collaboration_id}/comments", response_model=list[CommentPublic])
def list_comments(collaboration_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return review_comments.list_comments(session, user, collaboration_id)


@router.post(
    "/collaborations/{collaboration_id}/comments",
    status_code=status.HTTP_201_CREATED,
    response_model=CommentPublic,
)
def add_comment(
    collaboration_id: uuid.UUID, data: CommentCreate, user: CurrentUser, session: SessionDep
):
    return review_comments.add_comment(session, user, collaboration_id, data)


@router.post(
    "/collaborations/{collaboration_id}/comments/{comment_id}/resolve",
    response_model=CommentPublic,
)
def resolve_comment(
    collaboration_id: uuid.UUID,
    comment_id: uuid.UUID,
    data: CommentResolve,
    user: CurrentUser,
    session: SessionDep,
):
    return review_comments.resolve_comment(session, user, collaboration_id, comment_id, data)


@router.get("/collaborations/{collaboration_id}/audit", response_model=list[AuditPublic])
def audit_log(collaboration_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    collab = collaborations.get_collaboration(session, user, collaboration_id)
    return [
        AuditPublic(at=entry.at, actor=name, action=entry.action, params=entry.params)
        for entry, name in audit.entries_for(session, collab.id)
    ]
