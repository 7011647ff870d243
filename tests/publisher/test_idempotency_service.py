"""Idempotency claims: a claim left by a request that died does not block its key forever."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.migrations import upgrade
from publisher.db.models import IdempotencyRecord
from publisher.services import idempotency


@pytest.fixture
def sessions(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'keys.db'}")
    upgrade(engine)
    yield make_sessionmaker(engine)
    engine.dispose()


def _claim(sessions, request_hash: str = "h"):
    return idempotency.claim(sessions, principal="p", key="k", request_hash=request_hash)


def _age_claims(sessions, seconds: float) -> None:
    with sessions() as session:
        then = datetime.now(UTC) - timedelta(seconds=seconds)
        session.execute(update(IdempotencyRecord).values(created_at=then))
        session.commit()


def test_a_running_claim_blocks_its_key(sessions) -> None:
    assert isinstance(_claim(sessions), idempotency.Claimed)
    assert isinstance(_claim(sessions), idempotency.InProgress)
    assert isinstance(_claim(sessions, "other"), idempotency.Mismatch)


def test_a_stale_claim_is_taken_over_once(sessions) -> None:
    first = _claim(sessions)
    _age_claims(sessions, idempotency.STALE_CLAIM.total_seconds() + 5)
    taken = _claim(sessions)
    assert isinstance(taken, idempotency.Claimed) and taken.record_id == first.record_id
    assert isinstance(_claim(sessions), idempotency.InProgress)


def test_an_answered_key_replays(sessions) -> None:
    claimed = _claim(sessions)
    idempotency.complete(sessions, claimed.record_id, idempotency.StoredResponse(201, b"{}", None))
    assert _claim(sessions) == idempotency.StoredResponse(201, b"{}", None)


def test_start_up_on_an_exclusive_database_forgets_unanswered_claims(sessions) -> None:
    _claim(sessions)
    idempotency.purge_expired(sessions, exclusive=False)
    assert isinstance(_claim(sessions), idempotency.InProgress)
    idempotency.purge_expired(sessions, exclusive=True)
    assert isinstance(_claim(sessions), idempotency.Claimed)
