"""Tokens expire and can be revoked; passwords are stored only as argon2 hashes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.migrations import upgrade
from publisher.services import auth
from publisher.services.errors import Unauthorized


@pytest.fixture
def session(tmp_path) -> Iterator[Session]:
    engine = make_engine(f"sqlite:///{tmp_path / 'auth.db'}")
    upgrade(engine)
    with make_sessionmaker(engine)() as session:
        yield session
    engine.dispose()


def _user(session: Session):
    return auth.register(
        session, email="Mia@Example.com", password="long enough secret", display_name="Mia"
    )


def test_password_is_hashed_with_argon2_and_email_is_case_insensitive(session) -> None:
    user = _user(session)
    assert user.password_hash.startswith("$argon2")
    assert "long enough secret" not in user.password_hash
    assert auth.authenticate(session, email="mia@example.COM", password="long enough secret")
    with pytest.raises(Unauthorized):
        auth.authenticate(session, email="mia@example.com", password="wrong")


def test_an_expired_token_is_refused(session) -> None:
    user = _user(session)
    live, _ = auth.issue_token(session, user, ttl=timedelta(hours=1))
    expired, _ = auth.issue_token(session, user, ttl=timedelta(seconds=-1))
    assert auth.user_for_token(session, live, local_token=None).id == user.id
    with pytest.raises(Unauthorized):
        auth.user_for_token(session, expired, local_token=None)


def test_a_revoked_token_is_refused_and_others_keep_working(session) -> None:
    user = _user(session)
    first, _ = auth.issue_token(session, user, ttl=timedelta(hours=1))
    second, _ = auth.issue_token(session, user, ttl=timedelta(hours=1))
    auth.revoke_token(session, first)
    with pytest.raises(Unauthorized):
        auth.user_for_token(session, first, local_token=None)
    assert auth.user_for_token(session, second, local_token=None).id == user.id


def test_the_local_token_only_works_where_it_was_given(session) -> None:
    local = auth.ensure_local_user(session, display_name="me", account_name="me")
    assert auth.user_for_token(session, "per-run", local_token="per-run").id == local.id
    with pytest.raises(Unauthorized):
        auth.user_for_token(session, "per-run", local_token=None)
    with pytest.raises(Unauthorized):
        auth.user_for_token(session, "per-run", local_token="another-run")


def test_the_unknown_address_hash_costs_what_a_real_one_does():
    """Sign-in with an unknown e-mail verifies against a fixed hash; its argon2 parameters must
    be the ones real passwords get, or the time would tell unknown addresses apart."""

    def parameters(encoded: str) -> str:
        return encoded.rsplit("$", 2)[0]

    assert parameters(auth._DUMMY_HASH) == parameters(auth._hasher.hash("any password"))
