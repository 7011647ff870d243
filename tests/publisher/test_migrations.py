"""Schema migrations: a database made by an older release is upgraded when `serve` starts."""

from __future__ import annotations

import multiprocessing
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from pwdlib import PasswordHash

from publisher.client import StudioClient
from publisher.db import models  # noqa: F401  (registers every table)
from publisher.db.base import Base, UTCDateTime
from publisher.db.engine import make_engine
from publisher.db.migrations import alembic_config, upgrade
from tests.backend_process import start_backend
from tests.conftest import PASSWORD
from tests.postgres_server import create_database

SHA = "ab" * 32
LEGACY_RECIPE = {"adjust": {"exposure": 1}}


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        return create_database(request.getfixturevalue("postgres_cluster"))
    return f"sqlite:///{tmp_path / 'old.db'}"


def _column_type(value: Any) -> sa.types.TypeEngine | None:
    if isinstance(value, uuid.UUID):
        return sa.Uuid()
    if isinstance(value, datetime):
        return UTCDateTime()
    if isinstance(value, dict):
        return sa.JSON()
    return None


def insert(connection: sa.Connection, table: str, **values: Any) -> None:
    """A row written as release 0001 would have: no ORM, whose models are already newer."""
    columns = [sa.column(name, _column_type(value)) for name, value in values.items()]
    connection.execute(sa.insert(sa.table(table, *columns)).values(**values))


def fill_release_0001(engine: sa.Engine, email: str) -> uuid.UUID:
    """A user with an account and a note with one medium carrying a recipe; the note's id."""
    now = datetime.now(UTC)
    stamps = {"created_at": now, "updated_at": now}
    user, org, account, note = (uuid.uuid4() for _ in range(4))
    with engine.begin() as connection:
        insert(
            connection,
            "users",
            id=user,
            email=email,
            password_hash=PasswordHash.recommended().hash(PASSWORD),
            display_name="old",
            is_local=False,
            version=1,
            **stamps,
        )
        insert(
            connection, "organizations", id=org, name="old", kind="personal", version=1, **stamps
        )
        insert(
            connection,
            "memberships",
            id=uuid.uuid4(),
            organization_id=org,
            user_id=user,
            role="owner",
            **stamps,
        )
        insert(
            connection,
            "accounts",
            id=account,
            organization_id=org,
            nickname="old",
            timezone="Asia/Shanghai",
            version=1,
            **stamps,
        )
        insert(
            connection,
            "media_assets",
            sha256=SHA,
            mime="image/jpeg",
            size=100,
            width=60,
            height=80,
            created_at=now,
        )
        insert(connection, "media_refs", user_id=user, sha256=SHA, created_at=now)
        insert(
            connection,
            "notes",
            id=note,
            account_id=account,
            type="image",
            title="写于旧版本",
            body="",
            status="draft",
            version=1,
            **stamps,
        )
        insert(
            connection,
            "note_media",
            id=uuid.uuid4(),
            note_id=note,
            position=0,
            sha256=SHA,
            recipe=LEGACY_RECIPE,
        )
    return note


def test_head_matches_the_models_and_0002_downgrades_cleanly(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
        command.downgrade(alembic_config(engine), "0001")
        assert "edit_presets" not in sa.inspect(engine).get_table_names()
        upgrade(engine)
        assert {"edit_presets", "user_luts"} <= set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_serve_upgrades_a_release_0001_database_and_keeps_its_notes(
    database_url: str, tmp_path: Path
) -> None:
    engine = make_engine(database_url)
    try:
        command.upgrade(alembic_config(engine), "0001")
        email = f"old-{uuid.uuid4().hex[:6]}@example.com"
        note_id = fill_release_0001(engine, email)
    finally:
        engine.dispose()

    backend = start_backend(tmp_path / "data", db_url=database_url)
    client = StudioClient(backend.url)
    try:
        client.sign_in(email, PASSWORD)
        medium = client.get_note(note_id).media[0]
        assert (medium.sha256, medium.recipe, medium.rendered_sha256) == (SHA, LEGACY_RECIPE, None)
        preset, _ = client.create_preset(name="after upgrade", recipe=LEGACY_RECIPE)
        assert preset.recipe == {"version": 1, "adjust": {"exposure": 1.0}}
        assert client.list_luts().total == 0
    finally:
        client.close()
        backend.stop()
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            head = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    assert head == ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def _migrate(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()


def test_replicas_starting_together_migrate_a_fresh_postgresql_once(postgres_cluster) -> None:
    """Three processes upgrade one empty database at once (replicas of a new release): the
    advisory lock makes them take turns, and all of them start."""
    url = create_database(postgres_cluster)
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_migrate, args=(url,)) for _ in range(3)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [process.exitcode for process in processes] == [0, 0, 0]
    engine = make_engine(url)
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    with engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    engine.dispose()
    assert versions == [(head,)]
