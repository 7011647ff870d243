"""@mentions: finding accounts to mention and storing a note's mentions in order.

Mentioning is public on the platform: any account can be found by nickname and mentioned.
The search therefore answers only what a mention shows (id, nickname, avatar), never who owns
an account or its settings.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from publisher.db.models import Account, Note, NoteMention
from publisher.services.like import LIKE_ESCAPE, like_escaped
from publisher.services.links import replace_ordered, require_known_ids


def search_accounts(
    session: Session, query: str, *, offset: int, limit: int
) -> tuple[list[Account], int]:
    """Accounts whose nickname contains `query` (any case); names starting with it first."""
    needle = query.strip()
    escaped = like_escaped(needle)
    where = Account.nickname.ilike(f"%{escaped}%", escape=LIKE_ESCAPE)
    starts = Account.nickname.ilike(f"{escaped}%", escape=LIKE_ESCAPE)
    total = session.scalar(select(func.count()).select_from(Account).where(where)) or 0
    rows = session.scalars(
        select(Account)
        .where(where)
        .order_by(starts.desc(), func.length(Account.nickname), Account.nickname, Account.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), total


def set_note_mentions(session: Session, note: Note, account_ids: Sequence[uuid.UUID]) -> None:
    """Replace the note's mentions, in order.

    Raises:
        Invalid: `mention.duplicate` or `mention.unknown` ({account_id}).
    """
    require_known_ids(session, Account.id, account_ids, kind="mention", param="account_id")
    replace_ordered(
        session,
        note.mention_links,
        (
            NoteMention(account_id=account_id, position=index)
            for index, account_id in enumerate(account_ids)
        ),
    )
