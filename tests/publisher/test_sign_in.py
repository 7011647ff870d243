"""Signing in to a team server: guessing is slowed down (429 with Retry-After), passwords must
be hard to guess, and a user sees and ends their sessions (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid

import pytest
import requests

from publisher.client import StudioClient
from publisher.client.errors import AuthError, ClientError
from publisher.services.sign_in import MAX_FAILURES_PER_EMAIL, WINDOW
from tests.conftest import PASSWORD, signed_up

API = "/api/v1"


def _token_call(backend, email: str, password: str) -> requests.Response:
    return requests.post(
        backend.url + f"{API}/auth/token",
        data={"username": email, "password": password},
        headers={"User-Agent": "pytest-laptop"},
        timeout=10,
    )


def _registered(backend, name: str) -> str:
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.com"
    StudioClient(backend.url).register(email=email, password=PASSWORD, display_name=name)
    return email


def test_wrong_passwords_lock_the_address_for_a_while_then_say_when_to_retry(backend):
    email = _registered(backend, "mia")
    for _ in range(MAX_FAILURES_PER_EMAIL):
        assert _token_call(backend, email, "wrong password").status_code == 401
    locked = _token_call(backend, email, PASSWORD)
    assert locked.status_code == 429
    assert locked.json()["code"] == "auth.too_many_attempts"
    retry_after = int(locked.headers["Retry-After"])
    assert 0 < retry_after <= WINDOW.total_seconds()
    assert locked.json()["params"]["retry_after"] == retry_after
    # Another address is not held up by mia's typos.
    other = _registered(backend, "lan")
    assert _token_call(backend, other, PASSWORD).status_code == 200


def test_a_good_sign_in_clears_earlier_typos(backend):
    email = _registered(backend, "typo")
    for _ in range(MAX_FAILURES_PER_EMAIL - 1):
        assert _token_call(backend, email, "nope").status_code == 401
    assert _token_call(backend, email, PASSWORD).status_code == 200
    for _ in range(MAX_FAILURES_PER_EMAIL - 1):
        assert _token_call(backend, email, "nope").status_code == 401
    assert _token_call(backend, email, PASSWORD).status_code == 200


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short1!", "too_short"),
        ("password123", "too_guessable"),
        ("qwertyuiop", "too_guessable"),
        ("x" * 300, "too_long"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(backend, password, reason):
    client = StudioClient(backend.url)
    with pytest.raises(ClientError) as caught:
        client.register(email="weak@example.com", password=password, display_name="weak")
    assert (caught.value.code, caught.value.params) == ("auth.weak_password", {"reason": reason})


def test_the_own_name_or_address_is_not_a_password(backend):
    with pytest.raises(ClientError) as caught:
        StudioClient(backend.url).register(
            email="zhangxiaohong@example.com", password="zhangxiaohong", display_name="张小红"
        )
    assert caught.value.params == {"reason": "too_guessable"}


def test_sessions_are_listed_and_ended_and_a_new_password_signs_out_the_rest(backend):
    laptop = signed_up(backend.url, "mia")
    email = laptop.me().email
    phone = StudioClient(backend.url)
    phone.sign_in(email, PASSWORD)
    sessions = laptop.list_sessions()
    assert len(sessions) == 2 and [s.current for s in sessions].count(True) == 1

    laptop.end_other_sessions()
    with pytest.raises(AuthError):
        phone.me()
    assert len(laptop.list_sessions()) == 1

    phone.sign_in(email, PASSWORD)
    with pytest.raises(ClientError) as typo:
        laptop.change_password("not my password", "a brand new passphrase 2026")
    assert (typo.value.code, typo.value.status) == ("auth.wrong_password", 403)
    assert laptop.me().email == email  # a typo is not a lost session
    with pytest.raises(ClientError) as weak:
        laptop.change_password(PASSWORD, "password1")
    assert weak.value.code == "auth.weak_password"
    laptop.change_password(PASSWORD, "a brand new passphrase 2026")
    assert laptop.me().email == email
    with pytest.raises(AuthError):
        phone.me()
    with pytest.raises(AuthError):
        StudioClient(backend.url).sign_in(email, PASSWORD)
    StudioClient(backend.url).sign_in(email, "a brand new passphrase 2026")


def test_a_user_sees_their_sign_ins_including_failed_ones_and_ends_one_session(backend):
    email = _registered(backend, "history")
    _token_call(backend, email, "wrong")
    token = _token_call(backend, email, PASSWORD).json()["access_token"]
    client = StudioClient(backend.url, token)
    history = client.sign_in_history()
    assert [h.succeeded for h in history[:2]] == [True, False]
    assert history[0].client == "pytest-laptop" and history[0].ip == "127.0.0.1"
    other = StudioClient(backend.url)
    other.sign_in(email, PASSWORD)
    mine = {s.id for s in client.list_sessions() if not s.current}
    assert len(mine) == 1
    client.end_session(mine.pop())
    with pytest.raises(AuthError):
        other.me()
    stranger = signed_up(backend.url, "stranger")
    with pytest.raises(ClientError) as caught:
        stranger.end_session(client.list_sessions()[0].id)
    assert caught.value.code == "session.not_found"
