"""The interests cookie: learnt from engagements, fading, bounded, and safe to read whatever
a reader (or anyone) puts in it."""

from __future__ import annotations

import base64
import json
import uuid

import pytest

from publisher.domain.interests import (
    MAX_AUTHORS,
    MAX_COOKIE_CHARS,
    MAX_TOPICS,
    MAX_WEIGHT,
    Interests,
    key,
)


def _cookie(raw: object) -> str:
    packed = json.dumps(raw).encode()
    return "i1." + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def test_engagements_are_learnt_and_survive_the_cookie() -> None:
    topic, author = uuid.uuid4(), uuid.uuid4()
    interests = Interests()
    interests.learn("like", [topic], author)
    interests.learn("collect", [topic], author)
    again = Interests.parse(interests.cookie())
    assert again.topics == {key(topic): pytest.approx(3 * 0.9 + 4, abs=0.01)}
    assert again.authors == {key(author): pytest.approx(3 * 0.9 + 4, abs=0.01)}
    assert len(interests.cookie()) < MAX_COOKIE_CHARS


def test_old_interests_fade_and_only_the_strongest_are_kept() -> None:
    interests = Interests()
    first = uuid.uuid4()
    interests.learn("follow", [first], uuid.uuid4())
    for _ in range(60):
        interests.learn("view", [uuid.uuid4(), uuid.uuid4()], uuid.uuid4())
    assert len(interests.topics) <= MAX_TOPICS and len(interests.authors) <= MAX_AUTHORS
    assert key(first) not in interests.topics
    assert len(Interests.parse(interests.cookie()).cookie()) < MAX_COOKIE_CHARS


@pytest.mark.parametrize(
    "cookie",
    [
        None,
        "",
        "garbage",
        "i1.",
        "i1.%%%%",
        "i2." + base64.urlsafe_b64encode(b'{"t":{}}').decode(),
        "i1." + "A" * 5000,
        _cookie([1, 2, 3]),
        _cookie("text"),
        _cookie({"t": "x", "a": []}),
        _cookie({"t": {"short": 3, "0123456789ABCDEF": 2, 7: 1}}),
        _cookie({"t": {"0123456789abcdef": True}}),
        _cookie({"t": {"0123456789abcdef": -5}}),
        _cookie({"t": {"0123456789abcdef": "3"}}),
        "i1." + base64.urlsafe_b64encode(b'{"t":{"0123456789abcdef":NaN}}').decode(),
        "i1." + base64.urlsafe_b64encode(b'{"t":{"0123456789abcdef":Infinity}}').decode(),
        "i1." + base64.urlsafe_b64encode(b"[" * 5000).decode(),
    ],
)
def test_anything_unreadable_is_no_interests(cookie: str | None) -> None:
    assert not Interests.parse(cookie)


def test_absurd_weights_are_capped_not_fatal() -> None:
    parsed = Interests.parse(_cookie({"t": {"0123456789abcdef": int("9" * 400)}}))
    assert parsed.topics == {"0123456789abcdef": MAX_WEIGHT}
    many = {f"{index:016x}": index + 1 for index in range(40)}
    assert len(Interests.parse(_cookie({"t": many})).topics) == MAX_TOPICS
