"""Ordered links from one row to others: a note's topics, mentions, products and media, a
topic group's topics."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from publisher.services.errors import Invalid


def require_unique(ids: Sequence[uuid.UUID], *, kind: str, param: str) -> None:
    """Every id given once.

    Raises:
        Invalid: `{kind}.duplicate` with `{param}` the first repeated id.
    """
    seen: set[uuid.UUID] = set()
    for row_id in ids:
        if row_id in seen:
            raise Invalid(f"{kind}.duplicate", {param: str(row_id)})
        seen.add(row_id)


def require_known_ids(
    session: Session,
    id_column: InstrumentedAttribute[uuid.UUID],
    ids: Sequence[uuid.UUID],
    *,
    kind: str,
    param: str,
) -> None:
    """Every id given once and naming an existing row of `id_column`'s table.

    Raises:
        Invalid: `{kind}.duplicate`, else `{kind}.unknown`, with `{param}` the first such id.
    """
    require_unique(ids, kind=kind, param=param)
    found = set(session.scalars(select(id_column).where(id_column.in_(ids))))
    missing = [row_id for row_id in ids if row_id not in found]
    if missing:
        raise Invalid(f"{kind}.unknown", {param: str(missing[0])})


def replace_ordered(session: Session, links: list[Any], rows: Iterable[Any]) -> None:
    """Replace a collection ordered by a `position` unique per owner: the old rows are deleted
    (cleared and flushed) first, so the new ones never collide with them."""
    links.clear()
    session.flush()
    links.extend(rows)
