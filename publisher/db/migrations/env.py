"""Alembic environment: runs online against the engine handed over in the config."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from publisher.db import models  # noqa: F401  (registers every table on the metadata)
from publisher.db.base import Base

MIGRATION_LOCK = 0x7A68_6F6E_6763_616F  # "zhongcao": any constant no other lock uses
"""Replicas of a team server starting together on a new release take turns: the first
migrates, the next finds the schema current. The lock ends with the transaction."""

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()
