"""Readers' comments as a note's authors see them in the studio: every comment of a note, and
the held ones (a forbidden word, a link) approved or removed.

Whoever sees the note may read its comments; moderating them is the account's editors' and
above (viewers and reviewers read only). A comment on a note the caller cannot see is
`comment.not_found`, like one that does not exist, so ids cannot be probed. An approved comment
is shown on the note's page and counts from then on (`reader_comments.count_comment`, once).
"""

from __future__ import annotations

import uuid
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from publisher.db.models import Account, Note, ReaderComment, User
from publisher.domain.roles import EDITOR_ROLES
from publisher.reader_schemas import (
    ReaderCommentFilter,
    ReaderCommentPage,
    ReaderCommentPublic,
    ReaderCommentStatus,
)
from publisher.services.access import account_role, get_note
from publisher.services.errors import Forbidden, Invalid, NotFound
from publisher.services.events import writable_account_ids
from publisher.services.reader_comments import count_comment

STATUSES: tuple[ReaderCommentStatus, ...] = ("visible", "held", "removed")


def list_comments(
    session: Session,
    user: User,
    note_id: uuid.UUID,
    status: ReaderCommentFilter = "all",
    *,
    offset: int = 0,
    limit: int = 50,
) -> ReaderCommentPage:
    """A note's comments, newest first, with the note's counts by status.

    Raises:
        NotFound: `note.not_found` (missing or not visible).
    """
    note = get_note(session, user, note_id)
    query = select(ReaderComment).where(ReaderComment.note_id == note.id)
    if status != "all":
        query = query.where(ReaderComment.status == status)
    rows = session.scalars(
        query.order_by(ReaderComment.created_at.desc(), ReaderComment.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    found = dict(
        session.execute(
            select(ReaderComment.status, func.count())
            .where(ReaderComment.note_id == note.id)
            .group_by(ReaderComment.status)
        )
        .tuples()
        .all()
    )
    counts = {name: found.get(name, 0) for name in STATUSES}
    return ReaderCommentPage(
        items=[ReaderCommentPublic.model_validate(row) for row in rows],
        total=sum(counts.values()) if status == "all" else counts[status],
        offset=offset,
        limit=limit,
        counts=counts,
        may_moderate=_role(session, user, note) in EDITOR_ROLES,
    )


def approve(session: Session, user: User, comment_id: uuid.UUID) -> ReaderCommentPublic:
    """Show a held comment on the note's page and count it; approving a visible one again
    changes nothing.

    Raises:
        NotFound: `comment.not_found`.
        Forbidden: `reader_comment.forbidden` ({role}) below editor.
        Invalid: `reader_comment.removed` for a comment removed meanwhile.
    """
    comment = _moderated(session, user, comment_id)
    if _move(session, comment, ("held",), "visible"):
        count_comment(session, comment)
    elif comment.status == "removed":
        raise Invalid("reader_comment.removed")
    session.commit()
    return ReaderCommentPublic.model_validate(comment)


def remove(session: Session, user: User, comment_id: uuid.UUID) -> ReaderCommentPublic:
    """Take a comment off the note's page for good (a visible one too: what it counted stays
    counted, as the event happened). Removing it again changes nothing.

    Raises:
        NotFound: `comment.not_found`.
        Forbidden: `reader_comment.forbidden` ({role}) below editor.
    """
    comment = _moderated(session, user, comment_id)
    _move(session, comment, ("held", "visible"), "removed")
    session.commit()
    return ReaderCommentPublic.model_validate(comment)


def held_count(session: Session, user: User) -> int:
    """Held comments waiting on every note the caller may moderate."""
    accounts = writable_account_ids(session, user)
    if not accounts:
        return 0
    return (
        session.scalar(
            select(func.count())
            .select_from(ReaderComment)
            .join(Note, Note.id == ReaderComment.note_id)
            .where(ReaderComment.status == "held", Note.account_id.in_(accounts))
        )
        or 0
    )


def _role(session: Session, user: User, note: Note) -> str | None:
    account = session.get(Account, note.account_id)
    assert account is not None  # the foreign key cascades
    return account_role(session, user, account)


def _moderated(session: Session, user: User, comment_id: uuid.UUID) -> ReaderComment:
    """A comment on a note the caller may moderate."""
    comment = session.get(ReaderComment, comment_id)
    if comment is None:
        raise NotFound("comment.not_found")
    try:
        note = get_note(session, user, comment.note_id)
    except NotFound:
        raise NotFound("comment.not_found") from None
    role = _role(session, user, note)
    if role not in EDITOR_ROLES:
        raise Forbidden("reader_comment.forbidden", {"role": role or ""})
    return comment


def _move(session: Session, comment: ReaderComment, sources: tuple[str, ...], target: str) -> bool:
    """Compare-and-set the comment's status from one of `sources` to `target`; True when this
    call moved it (two moderators at once: only one does), and `comment` is current either
    way."""
    values: dict[str, str | None] = {"status": target}
    if target == "visible":
        values["held_reason"] = None  # a reason is only what a held comment waits for
    moved = cast(
        "CursorResult[Any]",
        session.execute(
            update(ReaderComment)
            .where(ReaderComment.id == comment.id, ReaderComment.status.in_(sources))
            .values(values)
            .execution_options(synchronize_session=False)
        ),
    )
    session.refresh(comment)
    return moved.rowcount == 1
