"""Platform-export imports at the service level, on both databases: two imports of the same
notes at once add their growth once; an older export after a newer one is reported and its
figures stand; a note's first import lands on its publish day."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from publisher.db.models import Account, Membership, Note, NoteDailyStats, Organization, User
from publisher.services import stat_imports
from publisher.stats_schemas import ImportRequest, ImportRowIn

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)
PUBLISHED = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


@pytest.fixture
def sessions(both_databases):
    return both_databases


@pytest.fixture
def account(sessions) -> tuple[User, Account, list[Note]]:
    with sessions() as session:
        user = User(email="importer@example.com", display_name="importer")
        org = Organization(name="我的", kind="personal")
        session.add_all([user, org])
        session.flush()
        session.add(Membership(organization_id=org.id, user_id=user.id, role="owner"))
        account = Account(organization_id=org.id, nickname="导入号")
        session.add(account)
        session.flush()
        notes = [
            Note(account_id=account.id, title=title, status="published", published_at=PUBLISHED)
            for title in ("早八通勤妆", "周末露营")
        ]
        session.add_all(notes)
        session.commit()
        return user, account, notes


def _request(account: Account, views: int, as_of: date) -> ImportRequest:
    rows = [
        ImportRowIn(row=3, title="早八通勤妆", metrics={"views": views, "likes": 10}),
        ImportRowIn(row=4, title="周末露营", metrics={"views": 50}),
    ]
    return ImportRequest(account_id=account.id, rows=rows, as_of=as_of)


def _views(session, note: Note) -> dict[date, int]:
    rows = session.execute(
        select(NoteDailyStats.day, func.sum(NoteDailyStats.views))
        .where(NoteDailyStats.note_id == note.id)
        .group_by(NoteDailyStats.day)
    )
    return {day: int(views) for day, views in rows}


def test_two_imports_at_once_add_the_growth_once(sessions, account) -> None:
    user, owned, notes = account
    with sessions() as session:
        stat_imports.commit(session, user, _request(owned, 100, date(2026, 11, 10)), now=NOW)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def grown() -> None:
        try:
            with sessions() as session:
                user_here = session.get(User, user.id)
                barrier.wait()
                request = _request(owned, 300, date(2026, 11, 19))
                stat_imports.commit(session, user_here, request, now=NOW)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=grown) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with sessions() as session:
        assert sum(_views(session, notes[0]).values()) == 300
        assert _views(session, notes[0]) == {date(2026, 11, 2): 100, date(2026, 11, 19): 200}


def test_an_older_export_after_a_newer_one_is_reported_and_stands(sessions, account) -> None:
    user, owned, notes = account
    with sessions() as session:
        stat_imports.commit(session, user, _request(owned, 500, date(2026, 11, 19)), now=NOW)
        older = stat_imports.commit(
            session, user, _request(owned, 200, date(2026, 11, 12)), now=NOW
        )
        assert older.report["lowered"] == [3]
        assert older.report["added"]["views"] == -300
        assert sum(_views(session, notes[0]).values()) == 200
        assert sum(_views(session, notes[1]).values()) == 50, "unchanged, counted once"
