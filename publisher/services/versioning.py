"""Compare-and-set writes shared by every versioned row (notes, presets …)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from publisher.services.errors import Conflict


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
