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
from publisher.services.errors import Invalid
from publisher.services.like import LIKE_ESCAPE, like_escaped


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
    seen: set[uuid.UUID] = set()
    for account_id in account_ids:
        if account_id in seen:
            raise Invalid("mention.duplicate", {"account_id": str(account_id)})
        seen.add(account_id)
    found = set(session.scalars(select(Account.id).where(Account.id.in_(seen))))
    missing = [a for a in account_ids if a not in found]
    if missing:
        raise Invalid("mention.unknown", {"account_id": str(missing[0])})
    note.mention_links.clear()
    session.flush()
    note.mention_links.extend(
        NoteMention(account_id=account_id, position=index)
        for index, account_id in enumerate(account_ids)
    )
