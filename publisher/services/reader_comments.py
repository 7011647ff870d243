"""Readers' comments on a note: written, moderated (`publisher.domain.comment_moderation`),
limited per reader, counted once when shown, and listed for the note's page.

A comment with a word of the rules pack's `comments` group or a link waits for the note's
author (`reader_comments_review`); it counts only once let through. What the author decides
there is counted by `count_comment`, the same call that counts a comment shown at once.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from publisher.db.base import utcnow
from publisher.db.models import ReaderComment
from publisher.domain import comment_moderation as moderation
from publisher.domain.rules import RulesPack
from publisher.services.errors import Invalid, TooManyRequests
from publisher.services.reader_actions import (
    Engagement,
    one_reader_at_a_time,
    public_note,
    record_once,
    retry_after,
)

COMMENT_GAP = timedelta(seconds=15)
COMMENTS_PER_HOUR = 20
NAME_CODE_POINTS = 40
"""The most a name column holds (`ReaderComment.name`): 20 characters of emoji may not fit."""
DEFAULT_NAME = "读者"
"""A comment without a name is signed 读者 and four hex digits of the reader's id."""


def comment_name(name: str | None, reader_id: str) -> str:
    """The name a comment is signed with: the one given, on one line, or 读者 and four hex
    digits of the reader's id (also for a name of invisible characters only).

    Raises: Invalid `reader_comment.name_too_long` ({max}).
    """
    too_long = Invalid("reader_comment.name_too_long", {"max": moderation.MAX_NAME_CHARS})
    if name and len(name) > 8 * NAME_CODE_POINTS:  # not worth cleaning to measure
        raise too_long
    cleaned = " ".join(moderation.clean(name or "").split())
    if moderation.blank(cleaned):
        return DEFAULT_NAME + reader_id[:4]
    if len(cleaned) > NAME_CODE_POINTS or moderation.length(cleaned) > moderation.MAX_NAME_CHARS:
        raise too_long
    return cleaned


def comment_words(rules: RulesPack) -> tuple[list[str], list[str]]:
    """The words that hold a comment for its author, and their exemptions. A rules pack of
    its own (`serve --rules`) without a `comments` group holds comments for links only."""
    group = rules.rules.get("comments", {})
    return list(group.get("forbidden", [])), list(group.get("exempt", []))


def _checked_body(body: str) -> str:
    """The body as stored.

    Raises: Invalid `reader_comment.empty` (nothing visible), `reader_comment.too_long` ({max}).
    """
    too_long = Invalid("reader_comment.too_long", {"max": moderation.MAX_BODY_CHARS})
    if len(body) > 8 * moderation.MAX_BODY_CHARS:  # not worth cleaning to measure
        raise too_long
    cleaned = moderation.clean(body)
    if moderation.blank(cleaned):
        raise Invalid("reader_comment.empty")
    if moderation.length(cleaned) > moderation.MAX_BODY_CHARS:
        raise too_long
    return cleaned


def add_comment(
    session: Session,
    rules: RulesPack,
    reader_id: str,
    note_id: uuid.UUID,
    body: str,
    name: str | None,
    *,
    now: datetime,
) -> tuple[ReaderComment, Engagement]:
    """A reader's comment on a note, committed: shown at once, or held for the note's author
    when it carries a word of the rules pack's `comments` group or a link (then no event counts
    until the author lets it through, as "c:" + its id).

    Raises:
        NotFound: `note.not_found`.
        Invalid: `reader_comment.empty`, `reader_comment.too_long` ({max}),
            `reader_comment.name_too_long` ({max}).
        TooManyRequests: `reader_comment.rate_limited` ({retry_after}): one comment per 15 s
            and 20 an hour per reader.
    """
    note = public_note(session, note_id)
    cleaned = _checked_body(body)
    signed = comment_name(name, reader_id)
    verdict = moderation.moderate(f"{signed}\n{cleaned}", *comment_words(rules))
    one_reader_at_a_time(session, reader_id)
    comment = ReaderComment(
        id=uuid.uuid4(),
        note_id=note.id,
        reader_id=reader_id,
        name=signed,
        body=cleaned,
        status=verdict.status,
        held_reason=verdict.reason,
        created_at=now,
    )
    session.add(comment)
    session.flush()  # written first: on SQLite the write lock now keeps other writers waiting
    recent = list(
        session.scalars(
            select(ReaderComment.created_at)
            .where(
                ReaderComment.reader_id == reader_id,
                ReaderComment.created_at > now - timedelta(hours=1),
                ReaderComment.id != comment.id,
            )
            .order_by(ReaderComment.created_at.desc())
        )
    )
    if recent and recent[0] > now - COMMENT_GAP:
        session.rollback()
        raise TooManyRequests(
            "reader_comment.rate_limited", retry_after(recent[0] + COMMENT_GAP, now)
        )
    if len(recent) >= COMMENTS_PER_HOUR:
        oldest = recent[COMMENTS_PER_HOUR - 1]
        session.rollback()
        raise TooManyRequests(
            "reader_comment.rate_limited", retry_after(oldest + timedelta(hours=1), now)
        )
    if verdict.status == moderation.VISIBLE:
        count_comment(session, comment, now=now)
    session.commit()
    return comment, note.engagement("comment")


def count_comment(session: Session, comment: ReaderComment, *, now: datetime | None = None) -> None:
    """Count a comment shown on its note (at once, or when its author lets a held one
    through), in the caller's transaction: its event id is "c:" + its id, so it counts once."""
    record_once(session, f"c:{comment.id}", comment.note_id, "comment", now or utcnow())


def shown_to(note_id: uuid.UUID, reader_id: str) -> ColumnElement[bool]:
    """The comments of a note a reader sees: the visible ones and their own held ones."""
    return (ReaderComment.note_id == note_id) & or_(
        ReaderComment.status == moderation.VISIBLE,
        (ReaderComment.status == moderation.HELD) & (ReaderComment.reader_id == reader_id),
    )


def visible_comments(
    session: Session, note_id: uuid.UUID, reader_id: str, limit: int = 50
) -> list[ReaderComment]:
    """A note's comments a reader sees (`shown_to`), newest first."""
    return list(
        session.scalars(
            select(ReaderComment)
            .where(shown_to(note_id, reader_id))
            .order_by(ReaderComment.created_at.desc(), ReaderComment.id)
            .limit(limit)
        )
    )
