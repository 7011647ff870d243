"""Alembic environment: runs online against the engine handed over in the config."""

from __future__ import annotations

from alembic import context

from publisher.db import models  # noqa: F401  (registers every table on the metadata)
from publisher.db.base import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()
