"""Deadline reminders go once each, to the side that owes the answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.migrations import upgrade
from publisher.db.models import (
    Account,
    Brief,
    Collaboration,
    Membership,
    Notification,
    Organization,
    User,
)
from publisher.services import auth
from publisher.services.collaboration_deadlines import send_reminders


@pytest.fixture
def sessions(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'one.db'}")
    upgrade(engine)
    yield make_sessionmaker(engine)
    engine.dispose()


def _world(sessions, now: datetime) -> tuple[User, User]:
    """A creator (the local user) and a brand member with a submitted and an invited
    collaboration on two briefs."""
    with sessions() as session:
        creator = auth.ensure_local_user(session, display_name="me", account_name="小鹿")
        account = session.scalar(select(Account))
        reviewer = User(email="brand@example.com", display_name="品牌审核")
        brand = Organization(name="山野", kind="brand")
        session.add_all([reviewer, brand])
        session.flush()
        session.add(Membership(organization_id=brand.id, user_id=reviewer.id, role="reviewer"))
        reviewing = Brief(organization_id=brand.id, title="评审中", status="open")
        answering = Brief(
            organization_id=brand.id,
            title="待回复",
            status="open",
            apply_by=now + timedelta(hours=3),
        )
        session.add_all([reviewing, answering])
        session.flush()
        session.add_all(
            [
                Collaboration(
                    brief_id=reviewing.id,
                    account_id=account.id,
                    state="submitted",
                    origin="invited",
                    round=2,
                    review_due_at=now + timedelta(hours=2),
                ),
                Collaboration(
                    brief_id=answering.id, account_id=account.id, state="invited", origin="invited"
                ),
            ]
        )
        session.commit()
        return creator, reviewer


def _kinds(sessions, user: User) -> list[str]:
    with sessions() as session:
        return sorted(
            session.scalars(select(Notification.kind).where(Notification.user_id == user.id))
        )


def test_each_deadline_is_announced_once_to_the_side_that_owes_it(sessions) -> None:
    now = datetime.now(UTC)
    creator, reviewer = _world(sessions, now)
    assert send_reminders(sessions, now) == 2
    assert send_reminders(sessions, now + timedelta(minutes=5)) == 0
    assert _kinds(sessions, reviewer) == ["collaboration.review_due"]
    assert _kinds(sessions, creator) == ["collaboration.answer_due"]


def test_a_far_deadline_is_not_announced_yet(sessions) -> None:
    now = datetime.now(UTC)
    _world(sessions, now)
    assert send_reminders(sessions, now - timedelta(days=2)) == 0
