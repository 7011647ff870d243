"""Comments on a collaboration: the brand's review comments (on the note, a field, an image or
a region of an image) that the creator resolves, and either side's messages.

A comment belongs to the round it was written on. The creator resolves the brand's comments
(marking them done, or reopening them); a creator's own message is born resolved, since
nobody owes it an answer.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from publisher.brief_schemas import CommentCreate, CommentPublic, CommentResolve, Region
from publisher.db.models import Collaboration, ReviewComment, User
from publisher.domain.collaboration import TERMINAL, Side, State
from publisher.domain.roles import EDITOR_ROLES, REVIEWER_ROLES
from publisher.services.collaborations import (
    acting_sides,
    announce,
    get_collaboration,
    new_comment,
)
from publisher.services.errors import Conflict, Forbidden, Invalid, NotFound
from publisher.services.rounds import last_submission
from publisher.services.versioning import compare_and_set


def _writer_side(session: Session, user: User, collab: Collaboration) -> Side:
    """The side the caller writes as: the brand when they are of it (they review), else the
    creator's; viewers only read."""
    sides = acting_sides(session, user, collab)
    if sides.get(Side.BRAND) in REVIEWER_ROLES:
        return Side.BRAND
    if sides.get(Side.CREATOR) in EDITOR_ROLES:
        return Side.CREATOR
    raise Forbidden("comment.forbidden", {})


def comment_public(row: ReviewComment, author_name: str) -> CommentPublic:
    return CommentPublic.model_validate(
        dict(
            id=row.id,
            round=row.round,
            author_name=author_name,
            side=row.side,
            target=row.target,
            field=row.field,
            position=row.position,
            region=Region.model_validate(row.region) if row.region else None,
            text=row.text,
            resolved_at=row.resolved_at,
            version=row.version,
            created_at=row.created_at,
        )
    )


def list_comments(session: Session, user: User, collaboration_id: uuid.UUID) -> list[CommentPublic]:
    collab = get_collaboration(session, user, collaboration_id)
    rows = session.execute(
        select(ReviewComment, User.display_name)
        .outerjoin(User, User.id == ReviewComment.author_id)
        .where(ReviewComment.collaboration_id == collab.id)
        .order_by(ReviewComment.created_at, ReviewComment.id)
    ).all()
    return [comment_public(row, name or "") for row, name in rows]


def add_comment(
    session: Session, user: User, collaboration_id: uuid.UUID, data: CommentCreate
) -> CommentPublic:
    """Raises: Forbidden `comment.forbidden` (viewers); Invalid `comment.closed` (the
    collaboration ended), `comment.no_round` (a brand comment on an image or field before
    anything was submitted), `comment.position` (no such image in the round)."""
    collab = get_collaboration(session, user, collaboration_id)
    if State(collab.state) in TERMINAL:
        raise Invalid("comment.closed", {"state": collab.state})
    side = _writer_side(session, user, collab)
    if data.target != "note":
        if collab.round == 0:
            raise Invalid("comment.no_round", {})
        if data.position is not None and not _has_position(session, collab, data.position):
            raise Invalid("comment.position", {"position": data.position})
    row = new_comment(
        collab,
        user,
        side,
        data.text,
        target=data.target,
        field=data.field,
        position=data.position,
        region=data.region.model_dump() if data.region else None,
    )
    session.add(row)
    other = Side.CREATOR if side is Side.BRAND else Side.BRAND
    announce(
        session,
        collab,
        "collaboration.comment",
        to=other,
        actor=user.id,
        extra={"text": row.text[:80]},
    )
    session.commit()
    return comment_public(row, user.display_name)


def _has_position(session: Session, collab: Collaboration, position: int) -> bool:
    submission = last_submission(session, collab)
    return submission is not None and any(m.position == position for m in submission.media)


def resolve_comment(
    session: Session,
    user: User,
    collaboration_id: uuid.UUID,
    comment_id: uuid.UUID,
    data: CommentResolve,
) -> CommentPublic:
    """The creator marks a brand comment done (or not done again).

    Raises: NotFound `comment.not_found`; Forbidden `comment.forbidden` (only the
    creator's editors resolve); Conflict `comment.version_conflict`.
    """
    collab = get_collaboration(session, user, collaboration_id)
    row = session.scalar(
        select(ReviewComment).where(
            ReviewComment.id == comment_id, ReviewComment.collaboration_id == collab.id
        )
    )
    if row is None:
        raise NotFound("comment.not_found")
    if acting_sides(session, user, collab).get(Side.CREATOR) not in EDITOR_ROLES:
        raise Forbidden("comment.forbidden", {})
    author = session.get(User, row.author_id) if row.author_id else None
    name = author.display_name if author else ""

    def stale() -> Conflict:
        session.refresh(row)
        return Conflict(
            "comment.version_conflict",
            {"version": row.version},
            current=comment_public(row, name).model_dump(mode="json"),
        )

    if row.version != data.version:
        raise stale()
    with compare_and_set(session, stale):
        row.resolved_at = datetime.now(UTC) if data.resolved else None
        row.resolved_by = user.id if data.resolved else None
    session.refresh(row)
    return comment_public(row, name)
