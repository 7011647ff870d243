"""Likes, collects and follows: a reader's toggles, and what the pages show of them.

A like, a collect and a follow count once ever (their event id is the reader's, the subject's
and the kind's, bucket "ever"). Taking a like or a collect back keeps its row as `unlike` /
`uncollect`: the counted event stays for good, and pages show the count less those taken
back. One reader's toggles of one note take turns (`one_reader_at_a_time`), so a like and its
taking back sent at the same moment leave one row, never both.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Literal, cast

from sqlalchemy import CursorResult, Integer, case, delete, func, select
from sqlalchemy.orm import Session

from publisher.db.models import Account, Note, NoteDailyStats, ReaderFollow, ReaderReaction
from publisher.services.errors import NotFound
from publisher.services.reader_actions import (
    Engagement,
    PublicNote,
    insert_new,
    is_public_account,
    one_reader_at_a_time,
    public_note,
    public_notes,
    reader_event_id,
    record_once,
)
from publisher.services.reader_catalog import REACTIONS, TAKEN_BACK, is_public_note


def _reaction_counts(session: Session, note_id: uuid.UUID) -> dict[str, int]:
    """Likes and collects as a page shows them: counted ones less those taken back."""
    likes, collects = session.execute(
        select(
            func.coalesce(func.sum(NoteDailyStats.likes), 0),
            func.coalesce(func.sum(NoteDailyStats.collects), 0),
        ).where(NoteDailyStats.note_id == note_id)
    ).one()
    shown = {"likes": int(likes), "collects": int(collects)}
    for kind, number in session.execute(
        select(ReaderReaction.kind, func.count())
        .where(ReaderReaction.note_id == note_id, ReaderReaction.kind.in_(TAKEN_BACK))
        .group_by(ReaderReaction.kind)
    ):
        counter = TAKEN_BACK[kind]
        shown[counter] = max(0, shown[counter] - number)
    return shown


def reaction_state(session: Session, reader_id: str, note_id: uuid.UUID) -> dict[str, Any]:
    """Whether the reader liked and collected the note, and its likes and collects shown."""
    kinds = set(
        session.scalars(
            select(ReaderReaction.kind).where(
                ReaderReaction.reader_id == reader_id, ReaderReaction.note_id == note_id
            )
        )
    )
    return {"liked": "like" in kinds, "collected": "collect" in kinds} | _reaction_counts(
        session, note_id
    )


def set_reaction(
    session: Session,
    reader_id: str,
    note_id: uuid.UUID,
    kind: Literal["like", "collect"],
    on: bool,
    *,
    now: datetime,
) -> tuple[dict[str, Any], Engagement | None]:
    """Like or collect a note (`on`), or take it back; committed. The event counts the first
    time only. Returns `{on, count}` (the count shown) and what it teaches, if anything.

    The row of the other state goes first, then the new one is inserted unless it is there:
    on SQLite the delete takes the write lock, so one reader's toggles take turns there too,
    and a reader whose rows were left in both states (before toggles took turns) is mended
    by their next toggle.

    Raises: NotFound `note.not_found`.
    """
    one_reader_at_a_time(session, reader_id)
    note = public_note(session, note_id)
    taken_back, counter = REACTIONS[kind]
    drop, keep = (taken_back, kind) if on else (kind, taken_back)
    mine = (ReaderReaction.reader_id == reader_id, ReaderReaction.note_id == note.id)
    dropped = cast(
        "CursorResult[Any]",
        session.execute(delete(ReaderReaction).where(*mine, ReaderReaction.kind == drop)),
    ).rowcount
    values = {"reader_id": reader_id, "note_id": note.id, "kind": keep, "created_at": now}
    added = (on or dropped > 0) and insert_new(session, ReaderReaction, values)
    engagement = None
    if on and added and not dropped:  # never liked before: the one event it counts
        record_once(session, reader_event_id(reader_id, note.id, kind, "ever"), note.id, kind, now)
    if on and (added or dropped):
        engagement = note.engagement(kind)
    session.commit()
    return {"on": on, "count": _reaction_counts(session, note.id)[counter]}, engagement


def follow_state(session: Session, reader_id: str, account_id: uuid.UUID) -> tuple[bool, int]:
    """Whether the reader follows the account, and its followers shown."""
    return follow_states(session, reader_id, [account_id]).get(account_id, (False, 0))


def follow_states(
    session: Session, reader_id: str, account_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, tuple[bool, int]]:
    """Each account's (whether the reader follows it, its followers shown: as the platform last
    showed them, plus readers of these pages), in one grouped query for a whole list (the users
    tab of a search, a brand's accounts)."""
    ids = list(account_ids)
    if not ids:
        return {}
    follows = func.count(ReaderFollow.reader_id)
    theirs = func.sum(case((ReaderFollow.reader_id == reader_id, 1), else_=0), type_=Integer)
    rows = session.execute(
        select(
            Account.id,
            Account.followers.label("platform"),
            follows.label("follows"),
            theirs.label("following"),
        )
        .outerjoin(ReaderFollow, ReaderFollow.account_id == Account.id)
        .where(Account.id.in_(ids))
        .group_by(Account.id, Account.followers)
    )
    return {
        row.id: (bool(row.following), int(row.platform or 0) + int(row.follows)) for row in rows
    }


def _follow_note(
    session: Session, account_id: uuid.UUID, note_id: uuid.UUID | None
) -> PublicNote | None:
    """The note a follow is credited to: the one the reader followed from when it is the
    account's public note, else the account's latest public note."""
    if note_id is not None:
        note = public_notes(session, [note_id]).get(note_id)
        if note is not None and note.account_id == account_id:
            return note
    latest = session.scalar(
        select(Note.id)
        .where(Note.account_id == account_id, is_public_note())
        .order_by(Note.published_at.desc(), Note.id)
        .limit(1)
    )
    return None if latest is None else public_notes(session, [latest]).get(latest)


def set_follow(
    session: Session,
    reader_id: str,
    account_id: uuid.UUID,
    on: bool,
    note_id: uuid.UUID | None,
    *,
    now: datetime,
) -> tuple[dict[str, Any], Engagement | None]:
    """Follow an account open to readers (`is_public_account`) or stop; committed. The first
    follow counts a follow event on the note it came from (see `_follow_note`); a brand's
    account without public notes gets none.

    Raises: NotFound `account.not_found`, also for an account readers cannot open.
    """
    public = select(Account.id).where(Account.id == account_id, is_public_account())
    if session.scalar(public) is None:
        raise NotFound("account.not_found")
    engagement = None
    if on:
        values = {"reader_id": reader_id, "account_id": account_id, "created_at": now}
        if insert_new(session, ReaderFollow, values):
            note = _follow_note(session, account_id, note_id)
            if note is not None:
                event_id = reader_event_id(reader_id, account_id, "follow", "ever")
                record_once(session, event_id, note.id, "follow", now)
            topics = note.topic_ids if note is not None else ()
            engagement = Engagement("follow", topics, account_id)
    else:
        session.execute(
            delete(ReaderFollow).where(
                ReaderFollow.reader_id == reader_id, ReaderFollow.account_id == account_id
            )
        )
    session.commit()
    return {"on": on, "count": follow_state(session, reader_id, account_id)[1]}, engagement
