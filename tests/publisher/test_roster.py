"""The roster: each visible account's figures (posts this week in its own time zone, the next
scheduled note, drafts, collaborations waiting on either side, the last 7 days), the
organization it comes through, a query count that does not grow with the accounts, and the
`GET /roster` endpoint on both databases."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from publisher.client import AuthError, StudioClient, ValidationError
from publisher.db.models import (
    Account,
    AccountGrant,
    Brief,
    Collaboration,
    Membership,
    Note,
    Organization,
    User,
)
from publisher.domain.roster import week_start
from publisher.services import events
from publisher.services.roster import roster
from publisher.stats_schemas import EventIn
from tests.conftest import register_user, signed_up

NOW = datetime(2026, 3, 11, 4, 0, tzinfo=UTC)
"""Wednesday noon in Shanghai, Tuesday 21:00 in Los Angeles (summer time since Sunday)."""


@pytest.fixture
def sessions(both_databases):
    return both_databases


def _org(session: Session, name: str, kind: str, *members: tuple[User, str]) -> Organization:
    org = Organization(name=name, kind=kind)
    session.add(org)
    session.flush()
    for user, role in members:
        session.add(Membership(organization_id=org.id, user_id=user.id, role=role))
    return org


def _user(session: Session, name: str) -> User:
    user = User(email=f"{name}-{uuid.uuid4().hex[:6]}@example.com", display_name=name)
    session.add(user)
    session.flush()
    return user


def _account(session: Session, org: Organization, nickname: str, **fields) -> Account:
    account = Account(organization_id=org.id, nickname=nickname, **fields)
    session.add(account)
    session.flush()
    return account


def _note(session: Session, account: Account, title: str, status: str, **times) -> Note:
    note = Note(account_id=account.id, title=title, status=status, **times)
    session.add(note)
    return note


def _collaborations(session: Session, account: Account, brand: Organization, *states: str):
    for state in states:
        brief = Brief(organization_id=brand.id, title=f"brief {state}", status="open")
        session.add(brief)
        session.flush()
        session.add(
            Collaboration(brief_id=brief.id, account_id=account.id, state=state, origin="invited")
        )


def _mcn(session: Session, accounts: int) -> tuple[User, Organization]:
    """MCN staff whose organization owns half of `accounts` and manages the other half
    through creators' grants, each account with a week of work."""
    staff = _user(session, "运营小王")
    mcn = _org(session, "星河MCN", "mcn", (staff, "editor"))
    brand = _org(session, "山野咖啡", "brand")
    for index in range(accounts):
        if index % 2:
            creator = _user(session, f"达人{index}")
            home = _org(session, f"达人{index}的空间", "personal", (creator, "owner"))
            account = _account(session, home, f"达人{index}号")
            session.add(AccountGrant(account_id=account.id, organization_id=mcn.id))
        else:
            account = _account(session, mcn, f"矩阵{index}号")
        _note(session, account, "草稿", "draft")
        _note(session, account, "明早", "scheduled", scheduled_at=NOW + timedelta(hours=20))
        _note(session, account, "已发", "published", published_at=NOW - timedelta(hours=3))
        _collaborations(session, account, brand, "submitted", "invited")
    session.commit()
    return staff, mcn


@contextmanager
def _statements(session: Session) -> Iterator[list[str]]:
    """The SQL statements the session's connection runs inside the block."""
    seen: list[str] = []
    engine = session.get_bind()

    def count(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_the_roster_costs_the_same_queries_for_2_and_20_accounts(sessions) -> None:
    counts = []
    for accounts in (2, 20):
        with sessions() as session:
            staff, _mcn_org = _mcn(session, accounts)
        with sessions() as session:
            user = session.get(User, staff.id)
            with _statements(session) as statements:
                rows, total = roster(session, user, now=NOW, offset=0, limit=100)
            assert total == len(rows) == accounts
            assert all(row.drafts == 1 and row.posts_this_week == 1 for row in rows)
            counts.append(len(statements))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 8


def test_figures_of_each_account(sessions) -> None:
    with sessions() as session:
        me = _user(session, "小鹿")
        home = _org(session, "小鹿的空间", "personal", (me, "owner"))
        brand = _org(session, "山野咖啡", "brand")
        shanghai = _account(
            session, home, "小鹿日记", followers=12_800, category="美食", region="上海"
        )
        la = _account(session, home, "Deer in LA", timezone="America/Los_Angeles")
        idle = _account(session, home, "空号")
        # Monday 11:00 in Shanghai is Sunday 20:00 in Los Angeles: this week for one only.
        monday_utc = datetime(2026, 3, 9, 3, 0, tzinfo=UTC)
        for account in (shanghai, la):
            _note(session, account, "周一", "published", published_at=monday_utc)
            _note(session, account, "上周四", "published", published_at=NOW - timedelta(days=6))
            _note(session, account, "半月前", "archived", published_at=NOW - timedelta(days=15))
        _note(session, shanghai, "草稿一", "draft")
        _note(session, shanghai, "草稿二", "draft")
        _note(session, shanghai, "后天", "scheduled", scheduled_at=NOW + timedelta(days=2))
        _note(session, shanghai, "明天", "scheduled", scheduled_at=NOW + timedelta(days=1))
        _note(session, shanghai, "扣住", "held", scheduled_at=NOW + timedelta(hours=2))
        _collaborations(
            session,
            shanghai,
            brand,
            "submitted",
            "submitted",
            "changes_requested",
            "invited",
            "approved",
            "completed",
        )
        stranger = _user(session, "别人")
        _account(session, _org(session, "别人的空间", "personal", (stranger, "owner")), "别人家")
        session.commit()

        rows, total = roster(session, me, now=NOW, offset=0, limit=50)
    assert total == 3
    by_name = {row.nickname: row for row in rows}
    assert set(by_name) == {"小鹿日记", "Deer in LA", "空号"}
    first = by_name["小鹿日记"]
    assert (first.followers, first.category, first.region) == (12_800, "美食", "上海")
    assert (first.posts_this_week, first.last_7_days.published) == (1, 2)
    assert (first.drafts, first.awaiting_brand, first.awaiting_creator) == (2, 2, 2)
    upcoming = first.next_scheduled
    assert upcoming is not None
    assert (upcoming.title, upcoming.at) == ("明天", NOW + timedelta(days=1))
    assert (first.organization_name, first.organization_kind, first.managed) == (
        "小鹿的空间",
        "personal",
        False,
    )
    second = by_name["Deer in LA"]
    assert (second.posts_this_week, second.last_7_days.published) == (0, 2)
    assert second.next_scheduled is None
    empty = by_name["空号"]
    assert (empty.posts_this_week, empty.drafts, empty.awaiting_brand) == (0, 0, 0)
    assert idle.id == empty.account_id


def test_readers_figures_cover_the_last_7_days_of_each_accounts_calendar(sessions) -> None:
    """NOW is Wednesday 12:00 in Shanghai and Tuesday 21:00 in Los Angeles: the 7 days are
    Thursday to Wednesday there, and Wednesday to Tuesday here."""
    with sessions() as session:
        me = _user(session, "达人")
        home = _org(session, "我的", "personal", (me, "owner"))
        shanghai = _account(session, home, "上海号", timezone="Asia/Shanghai")
        angeles = _account(session, home, "洛杉矶号", timezone="America/Los_Angeles")
        notes = {
            account.nickname: _note(session, account, "笔记", "published", published_at=NOW)
            for account in (shanghai, angeles)
        }
        session.flush()
        six_days_back = NOW - timedelta(days=6, hours=13)  # Wed 23:00 Shanghai, Wed 08:00 LA
        events.record(
            session,
            [
                EventIn(id=f"{name}-{kind}-{index}", note_id=note.id, kind=kind, ts=at)
                for name, note in notes.items()
                for index, (kind, at) in enumerate(
                    [("view", NOW), ("view", six_days_back), ("like", NOW), ("share", NOW)]
                )
            ],
        )
        session.commit()
        rows = {row.nickname: row for row in roster(session, me, now=NOW, offset=0, limit=10)[0]}
    assert rows["上海号"].last_7_days.views == 1, "Wednesday a week ago is outside"
    assert rows["洛杉矶号"].last_7_days.views == 2
    assert rows["洛杉矶号"].last_7_days.interactions == 2
    assert rows["上海号"].last_7_days.published == 1


def test_managed_accounts_come_through_the_mcn_and_a_revoked_grant_hides_one(sessions) -> None:
    with sessions() as session:
        staff, mcn = _mcn(session, 4)
        revoked = session.query(AccountGrant).filter_by(organization_id=mcn.id).first()
        revoked.revoked_at = NOW
        session.commit()
        rows, total = roster(session, staff, now=NOW, offset=0, limit=50)
    assert total == len(rows) == 3
    assert revoked.account_id not in {row.account_id for row in rows}
    assert {row.organization_name for row in rows} == {"星河MCN"}
    assert sorted(row.managed for row in rows) == [False, False, True]


def test_the_week_starts_on_monday_midnight_where_the_account_lives() -> None:
    assert week_start(NOW, "Asia/Shanghai") == datetime(2026, 3, 8, 16, 0, tzinfo=UTC)
    assert week_start(NOW, "America/Los_Angeles") == datetime(2026, 3, 9, 7, 0, tzinfo=UTC)
    assert week_start(NOW, "no/such zone") == week_start(NOW, "Asia/Shanghai")


# -- the endpoint, on SQLite and PostgreSQL ---------------------------------------------------


def test_the_endpoint_lists_only_visible_accounts_with_their_figures(backend, tmp_path) -> None:
    creator = register_user(backend, "小鹿")
    staff = signed_up(backend.url, "运营")
    outsider = register_user(backend, "路人")
    mcn = staff.create_organization(name="星河MCN", kind="mcn")
    owned = [
        staff.create_account(nickname=f"矩阵{index}号", organization_id=str(mcn.id))
        for index in range(3)
    ]
    draft, _ = staff.create_note(account_id=owned[0].id, title="第一篇")
    staff.create_note(account_id=owned[0].id, title="第二篇")

    rows = staff.roster()
    assert [row.nickname for row in rows] == [account.nickname for account in owned]
    first = rows[0]
    assert (first.drafts, first.posts_this_week, first.next_scheduled) == (2, 0, None)
    assert (first.organization_name, first.organization_kind, first.managed) == (
        "星河MCN",
        "mcn",
        False,
    )
    assert [row.nickname for row in creator.roster()] == ["小鹿的小号"]
    assert all(row.account_id not in {a.id for a in owned} for row in outsider.roster())
    assert draft.account_id == first.account_id


def test_the_endpoint_pages_and_refuses_bad_paging_and_strangers(backend) -> None:
    staff = signed_up(backend.url, "运营")
    mcn = staff.create_organization(name="星河MCN", kind="mcn")
    for index in range(3):
        staff.create_account(nickname=f"矩阵{index}号", organization_id=str(mcn.id))
    page = staff.transport.request("GET", "/roster", params={"offset": 1, "limit": 1}).json()
    assert (page["total"], len(page["items"]), page["items"][0]["nickname"]) == (3, 1, "矩阵1号")
    with pytest.raises(ValidationError) as refused:
        staff.transport.request("GET", "/roster", params={"limit": 0})
    assert refused.value.code == "request.invalid"
    anonymous = StudioClient(backend.url)
    with pytest.raises(AuthError):
        anonymous.roster()
