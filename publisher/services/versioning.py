"""Compare-and-set writes shared by every versioned row (notes, presets …), and the unique
indexes that decide between two racing saves (a preset's name, a product's SKU …)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from publisher.services.errors import Conflict


class _Versioned(Protocol):
    version: int


def version_conflict(kind: str, row: _Versioned, public: type[BaseModel]) -> Conflict:
    """`{kind}.version_conflict` (409) with the row's version and, as `current`, the row as
    `public` shows it: what a write at a stale version answers. `row` is a stored row, or
    already the public model of one."""
    return Conflict(
        f"{kind}.version_conflict",
        {"version": row.version},
        current=public.model_validate(row).model_dump(mode="json"),
    )


@contextmanager
def compare_and_set(session: Session, stale: Callable[[], Conflict]) -> Iterator[None]:
    """Run writes and their commit, turning a lost compare-and-set race into `stale()`, a 409
    that carries the winner's row. The race may surface at any flush inside, not only at the
    commit, so the whole block is guarded."""
    try:
        yield
        session.commit()
    except StaleDataError as exc:
        session.rollback()
        raise stale() from exc


@contextmanager
def unique_or_conflict(session: Session, code: str, params: dict[str, Any]) -> Iterator[None]:
    """Run writes and their commit where a unique index decides (a name, a SKU), so two racing
    saves cannot both win: the loser's IntegrityError becomes `Conflict(code, params)`."""
    try:
        yield
    except IntegrityError as exc:
        session.rollback()
        raise Conflict(code, params) from exc
