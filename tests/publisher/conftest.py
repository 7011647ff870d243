"""Fixtures the service-level tests share."""

from __future__ import annotations

import pytest

from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.migrations import upgrade


@pytest.fixture(params=["sqlite", "postgresql"])
def both_databases(request: pytest.FixtureRequest, tmp_path):
    """Sessions on a freshly migrated database, once on SQLite and once on PostgreSQL."""
    if request.param == "postgresql":
        from tests.postgres_server import create_database

        url = create_database(request.getfixturevalue("postgres_cluster"))
    else:
        url = f"sqlite:///{tmp_path / 'service.db'}"
    engine = make_engine(url)
    upgrade(engine)
    yield make_sessionmaker(engine)
    engine.dispose()
