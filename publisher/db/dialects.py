"""What differs between the two databases a server runs on, in one place."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert(session: Session, target: Any) -> postgresql.Insert | sqlite.Insert:
    """An INSERT into `target` (a model or a table) that takes `ON CONFLICT` clauses: SQLite
    and PostgreSQL spell them alike, but SQLAlchemy builds them per dialect."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(target)
    return sqlite.insert(target)
