"""Acting as readers in tests: a reader's browser that opened a page (and so holds a signed
reader id), and readers' comments written straight into a backend's database."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import requests
from sqlalchemy.orm import Session, sessionmaker

from publisher.db.models import ReaderComment


def known_reader(url: str, address: str | None = None) -> requests.Session:
    """A reader's browser that opened the feed: reader ids come only with pages, and an action
    without one counts nothing. `address`: where it connects from (`X-Forwarded-For`, which a
    backend trusts from this machine), so it spends its own per-address limits."""
    reader = requests.Session()
    if address is not None:
        reader.headers["X-Forwarded-For"] = address
    opened = reader.get(f"{url}/", timeout=30)
    assert opened.status_code == 200 and "zc_reader" in reader.cookies, opened.text[:200]
    return reader


def add_reader_comment(
    sessions: sessionmaker[Session],
    note_id: uuid.UUID,
    body: str,
    *,
    held: str | None = None,
    minutes_ago: int = 10,
) -> uuid.UUID:
    """A reader's comment as a note's page stores it, held for `held` (words | link) when given;
    its id."""
    with sessions() as session:
        row = ReaderComment(
            note_id=note_id,
            reader_id=uuid.uuid4().hex,
            name="小鹿",
            body=body,
            status="held" if held else "visible",
            held_reason=held,
            created_at=datetime.now(UTC) - timedelta(minutes=minutes_ago),
        )
        session.add(row)
        session.commit()
        return row.id
