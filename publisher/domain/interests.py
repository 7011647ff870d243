"""A reader's interests: the topics and authors they engaged with, weighted and fading.

Kept in the reader's own first-party cookie, not on the server: the feed reads it on each
request, every engagement returns an updated one. The cookie is the reader's to change, so
parsing takes anything (hostile, truncated, from an older version) and keeps what makes sense.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

COOKIE_VERSION = "i1"
KEY_LENGTH = 16
"""Topics and authors are kept by the first 16 hex digits of their id (64 bits)."""
MAX_TOPICS = 24
MAX_AUTHORS = 12
FADE = 0.9
"""Each engagement fades what was learnt before, so interests follow the reader."""
MAX_WEIGHT = 100.0
MAX_COOKIE_CHARS = 2048

WEIGHTS = {
    "view": 1.0,
    "product_click": 2.0,
    "like": 3.0,
    "comment": 3.0,
    "share": 3.0,
    "collect": 4.0,
    "follow": 5.0,
    "order": 6.0,
}
"""How much an engagement of each kind says about the reader's taste."""


def key(item_id: uuid.UUID) -> str:
    return item_id.hex[:KEY_LENGTH]


@dataclass
class Interests:
    topics: dict[str, float] = field(default_factory=dict)
    authors: dict[str, float] = field(default_factory=dict)

    @classmethod
    def parse(cls, cookie: str | None) -> Interests:
        """The interests in a cookie value; empty for anything unreadable."""
        if not cookie or len(cookie) > MAX_COOKIE_CHARS or not cookie.startswith(COOKIE_VERSION):
            return cls()
        try:
            raw = json.loads(base64.urlsafe_b64decode(cookie[len(COOKIE_VERSION) + 1 :] + "=="))
        except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        return cls(_weights(raw.get("t"), MAX_TOPICS), _weights(raw.get("a"), MAX_AUTHORS))

    def cookie(self) -> str:
        """The cookie value: compact JSON of the rounded weights, base64url."""
        raw = {
            "t": {k: round(w, 2) for k, w in self.topics.items()},
            "a": {k: round(w, 2) for k, w in self.authors.items()},
        }
        packed = json.dumps(raw, separators=(",", ":")).encode()
        return f"{COOKIE_VERSION}.{base64.urlsafe_b64encode(packed).decode().rstrip('=')}"

    def learn(self, kind: str, topic_ids: Iterable[uuid.UUID], author_id: uuid.UUID) -> None:
        """Fade what was known, then add an engagement of `kind` with a note of these topics
        by this author."""
        weight = WEIGHTS.get(kind, 1.0)
        self.topics = _faded(self.topics)
        self.authors = _faded(self.authors)
        for topic_id in topic_ids:
            k = key(topic_id)
            self.topics[k] = min(MAX_WEIGHT, self.topics.get(k, 0.0) + weight)
        k = key(author_id)
        self.authors[k] = min(MAX_WEIGHT, self.authors.get(k, 0.0) + weight)
        self.topics = _strongest(self.topics, MAX_TOPICS)
        self.authors = _strongest(self.authors, MAX_AUTHORS)

    def __bool__(self) -> bool:
        return bool(self.topics or self.authors)


def _weights(raw: object, limit: int) -> dict[str, float]:
    if not isinstance(raw, dict):
        return {}
    kept = {
        k: weight
        for k, w in raw.items()
        if isinstance(k, str)
        and len(k) == KEY_LENGTH
        and all(c in "0123456789abcdef" for c in k)
        and (weight := usable_weight(w)) is not None
    }
    return _strongest(kept, limit)


def usable_weight(value: object) -> float | None:
    """A weight as the cookie may hold it, capped; None for anything else (a bool, NaN, a
    negative, an integer of 400 digits that no float can hold)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return float(min(value, MAX_WEIGHT))  # min first: a huge int would overflow float()


def _faded(weights: dict[str, float]) -> dict[str, float]:
    return {k: w * FADE for k, w in weights.items() if w * FADE >= 0.05}


def _strongest(weights: dict[str, float], limit: int) -> dict[str, float]:
    return dict(sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:limit])
