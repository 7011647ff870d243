"""The recommended feed's order: which published notes a reader sees first on `/`.

A note's score mixes four things, each on a 0…1 scale:

- **interest**: the reader's weights (their interests cookie) of the note's topics, plus half
  their weight of its author, relative to the best-matching note in the catalog (square root,
  so a note sharing one of the reader's topics still moves up);
- **engagement**: interactions per impression, smoothed towards the catalog's mean with
  `PRIOR_IMPRESSIONS` imagined impressions (so 2 likes out of 3 impressions is not a hit),
  as a share `rate / (rate + mean)` (0.5 at the mean), averaged with the volume of
  interactions on a log scale (a proven note beats a lucky one);
- **recency**: halves every `HALF_LIFE_DAYS`;
- **jitter**: a deterministic value per (visit seed, note), so two visits differ a little.

`score = WI·interest + WE·engagement + WR·recency + WJ·jitter`, with the weights of
`PERSONAL` for a reader with interests and `GENERAL` (popular and fresh) for one without.

The ranked notes are then dealt into slots: every `EXPLORE_EVERY`-th slot goes to a note with
little exposure (fewer than `EXPLORE_IMPRESSIONS` impressions, or newer than
`EXPLORE_NEW_HOURS`), picked mostly by the jitter, so new notes get seen and earn figures;
no author gets more than `AUTHOR_MAX` of any `AUTHOR_WINDOW` consecutive slots while
another author has a note left; and a personal feed stays diverse: notes of the reader's
strongest topic take at most `TOPIC_MAX` of any `TOPIC_WINDOW` consecutive slots while notes
of other topics are left, and the exploration slots go outside that topic when they can (so
a reader who liked four recipes still sees what else the catalog holds, and their likes can
teach it something new).

Everything that depends only on the catalog (engagement, timestamps, per-note random
numbers, topic and author keys) is computed once per snapshot in `FeedIndex`; a request
adds the reader's interests, the clock and the seed: a few list passes and one sort.
Deterministic for (cards, interests, `now` rounded to `NOW_STEP_SECONDS`, seed, notes
excluded). Pure: no clock, no database.

A page after the first ranks the notes not shown yet (`exclude`): whatever changed in between
(the reader's interests, the figures), a visit can neither show a note twice nor skip one.
"""

from __future__ import annotations

import hashlib
import math
import random
import uuid
from collections import Counter, deque
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from publisher.domain.interests import Interests, key, usable_weight

HALF_LIFE_DAYS = 3.0
NOW_STEP_SECONDS = 900
"""The clock is rounded to this, so a reader scrolling for a while keeps one order."""
PRIOR_IMPRESSIONS = 200
"""How many impressions at the catalog's mean rate every note starts with."""
FALLBACK_RATE = 0.03
"""The mean interaction rate assumed before the catalog has any impressions."""
AUTHOR_SHARE = 0.5
"""An author's weight counts half as much as a topic's towards a note's interest."""
EXPLORE_EVERY = 5
EXPLORE_IMPRESSIONS = 200
EXPLORE_NEW_HOURS = 48
AUTHOR_WINDOW = 6
AUTHOR_MAX = 2
TOPIC_WINDOW = 6
TOPIC_MAX = 3
"""Of any six consecutive slots, at most half from the reader's strongest topic."""
MAX_CHANNELS = 24
CHANNEL_OVERLAP = 0.6


@dataclass(frozen=True)
class Weights:
    interest: float
    engagement: float
    recency: float
    jitter: float


PERSONAL = Weights(interest=0.55, engagement=0.2, recency=0.15, jitter=0.1)
"""A note fully matching the reader's taste outranks any note that does not match at all."""
GENERAL = Weights(interest=0.0, engagement=0.5, recency=0.38, jitter=0.12)


class Rankable(Protocol):
    """What ranking reads of a note (`reader_catalog.NoteCard` is one)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def account_id(self) -> uuid.UUID: ...
    @property
    def topic_ids(self) -> tuple[uuid.UUID, ...]: ...
    @property
    def published_at(self) -> datetime: ...
    @property
    def impressions(self) -> int: ...
    @property
    def interactions(self) -> int: ...


C = TypeVar("C", bound=Rankable)


class FeedIndex(Generic[C]):
    """One catalog snapshot, prepared for ranking it for any reader."""

    def __init__(self, cards: Sequence[C]) -> None:
        self.cards = tuple(cards)
        impressions = [max(0, card.impressions) for card in self.cards]
        interactions = [max(0, card.interactions) for card in self.cards]
        self._impressions = impressions
        self._engagement = _engagement(impressions, interactions)
        self._published = [card.published_at.timestamp() for card in self.cards]
        self._newest = max(self._published, default=0.0)
        self._half_life = HALF_LIFE_DAYS * 86400
        self._decay = [2.0 ** ((at - self._newest) / self._half_life) for at in self._published]
        # Two random numbers per note from its id: the jitter of a visit is (a + b·t) mod 1
        # for the visit's t, the same for a note wherever it sits in the catalog.
        self._jitter_a, self._jitter_b = [], []
        for card in self.cards:
            digest = hashlib.blake2b(card.id.bytes, digest_size=16).digest()
            self._jitter_a.append(int.from_bytes(digest[:8]) / 2**64)
            self._jitter_b.append(int.from_bytes(digest[8:]) / 2**64)
        self._authors = [card.account_id for card in self.cards]
        numbers: dict[uuid.UUID, int] = {}
        self._author_keys = [2 * numbers.setdefault(a, len(numbers)) for a in self._authors]
        """Each note's author as an even number: a note's key adds 1 when it is of the
        reader's strongest topic (`_deal`)."""
        self._position = {card.id: i for i, card in enumerate(self.cards)}
        by_topic: dict[str, list[int]] = {}
        by_author: dict[str, list[int]] = {}
        self._topic_of_key: dict[str, uuid.UUID] = {}
        topic_interactions: Counter[uuid.UUID] = Counter()
        for i, card in enumerate(self.cards):
            by_author.setdefault(key(card.account_id), []).append(i)
            for topic_id in dict.fromkeys(card.topic_ids):
                by_topic.setdefault(key(topic_id), []).append(i)
                self._topic_of_key[key(topic_id)] = topic_id
                topic_interactions[topic_id] += interactions[i] + 1
        self._by_topic = by_topic
        self._by_author = by_author
        self._channels = _channels(topic_interactions, by_topic)

    def __len__(self) -> int:
        return len(self.cards)

    def rank(
        self,
        interests: Interests,
        now: datetime,
        seed: int,
        limit: int | None = None,
        exclude: Collection[uuid.UUID] = (),
    ) -> list[C]:
        """The first `limit` notes (all without one) in the order this reader sees them,
        leaving out those in `exclude` (the ones shown already)."""
        skipped = {self._position[note_id] for note_id in exclude if note_id in self._position}
        left = len(self.cards) - len(skipped)
        count = left if limit is None else max(0, min(limit, left))
        if not count:
            return []
        now_at = now.timestamp() // NOW_STEP_SECONDS * NOW_STEP_SECONDS
        factor = 2.0 ** min(60.0, (self._newest - now_at) / self._half_life)
        t = random.Random(seed).uniform(1000.0, 2000.0)
        jitter = [(a + b * t) % 1.0 for a, b in zip(self._jitter_a, self._jitter_b, strict=True)]
        matches = self._interest(interests)
        weights = PERSONAL if matches else GENERAL
        scores = [
            weights.engagement * e + weights.recency * min(1.0, d * factor) + weights.jitter * j
            for e, d, j in zip(self._engagement, self._decay, jitter, strict=True)
        ]
        for i, interest in matches.items():
            scores[i] += weights.interest * interest
        order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
        new_since = now_at - EXPLORE_NEW_HOURS * 3600
        fresh = [
            i
            for i, (shown, at) in enumerate(zip(self._impressions, self._published, strict=True))
            if shown < EXPLORE_IMPRESSIONS or at >= new_since
        ]
        # Among the little-seen, chance decides most, fewer impressions a little.
        fresh.sort(key=lambda i: -(jitter[i] + 0.5 * _unseen(self._impressions[i])))
        strongest = self._strongest_topic(interests) if matches else ()
        return [self.cards[i] for i in self._deal(order, fresh, count, skipped, strongest)]

    def topics_for(self, interests: Interests, limit: int) -> list[uuid.UUID]:
        """Topics worth a chip on the feed: the reader's strongest, then the most engaged."""
        theirs = [
            self._topic_of_key[k]
            for k, _ in sorted(_valid(interests.topics), key=lambda item: -item[1])
            if k in self._topic_of_key
        ]
        return list(dict.fromkeys(theirs[: limit // 2] + self._channels))[:limit]

    def _strongest_topic(self, interests: Interests) -> Sequence[int]:
        """The notes of the reader's most weighted topic that the catalog has (none without)."""
        ranked = sorted(_valid(interests.topics), key=lambda item: (-item[1], item[0]))
        return next((self._by_topic[k] for k, _ in ranked if k in self._by_topic), ())

    def _interest(self, interests: Interests) -> dict[int, float]:
        """Each matching note's interest, 1.0 for the best match; empty without interests."""
        raw: dict[int, float] = {}
        for weights, index, share in (
            (interests.topics, self._by_topic, 1.0),
            (interests.authors, self._by_author, AUTHOR_SHARE),
        ):
            for k, weight in _valid(weights):
                for i in index.get(k, ()):
                    raw[i] = raw.get(i, 0.0) + weight * share
        best = max(raw.values(), default=0.0)
        return {i: math.sqrt(value / best) for i, value in raw.items()} if best > 0 else {}

    def _deal(
        self,
        order: list[int],
        fresh: list[int],
        count: int,
        skipped: set[int],
        strongest: Sequence[int] = (),
    ) -> list[int]:
        """Fill `count` slots from the ranking, every `EXPLORE_EVERY`-th from the little-seen
        (outside the `strongest` topic's notes when one fits), keeping any author to
        `AUTHOR_MAX` in a window of `AUTHOR_WINDOW` and the strongest topic to `TOPIC_MAX` in
        a window of `TOPIC_WINDOW`; `skipped` notes are not dealt."""
        used = bytearray(len(self.cards))
        for i in skipped:
            used[i] = 1
        keys = self._author_keys.copy()
        for i in strongest:
            keys[i] += 1
        recent_authors: deque[int] = deque(maxlen=AUTHOR_WINDOW - 1)
        recent_topic: deque[int] = deque(maxlen=TOPIC_WINDOW - 1)

        def fits(note_key: int) -> bool:
            author, of_topic = note_key >> 1, note_key & 1
            return recent_authors.count(author) < AUTHOR_MAX and (
                not of_topic or sum(recent_topic) < TOPIC_MAX
            )

        def elsewhere(note_key: int) -> bool:
            return not note_key & 1 and fits(note_key)

        ranked, explored = _Stream(order, used, keys), _Stream(fresh, used, keys)
        dealt: list[int] = []
        while len(dealt) < count:
            pick = None
            if len(dealt) % EXPLORE_EVERY == EXPLORE_EVERY - 1:
                pick = explored.take(elsewhere, force=False)
                if pick is None and strongest:
                    pick = explored.take(fits, force=False)
            if pick is None:
                pick = ranked.take(fits, force=True)
            if pick is None:
                break
            used[pick] = 1
            recent_authors.append(keys[pick] >> 1)
            recent_topic.append(keys[pick] & 1)
            dealt.append(pick)
        return dealt


class _Stream:
    """Notes in order of preference. Whether a note fits a slot depends on its key alone (its
    author, and whether it is of the reader's strongest topic). One passed over because its
    key had no room waits in its key's queue and, once the key has room again, comes before
    any note not yet offered (it ranked higher): each note is looked at about once however
    long the ranking."""

    def __init__(self, order: list[int], used: bytearray, keys: list[int]) -> None:
        self._order = order
        self._next = 0
        self._waiting: dict[int, deque[tuple[int, int]]] = {}
        """key → (place in `order`, note) of the passed-over notes, best first"""
        self._used = used
        self._keys = keys

    def take(self, fits: Callable[[int], bool], *, force: bool) -> int | None:
        """The most preferred note whose key `fits`; failing that, with `force`, the most
        preferred note left."""
        best: tuple[int, int] | None = None
        best_fitting: tuple[int, int] | None = None
        for note_key in list(self._waiting):
            queue = self._waiting[note_key]
            while queue and self._used[queue[0][1]]:
                queue.popleft()
            if not queue:
                del self._waiting[note_key]
                continue
            head = queue[0]
            best = min(best, head) if best else head
            if fits(note_key):
                best_fitting = min(best_fitting, head) if best_fitting else head
        if best_fitting:
            return self._pop(best_fitting[1])
        while self._next < len(self._order):
            place, i = self._next, self._order[self._next]
            self._next += 1
            if self._used[i]:
                continue
            if fits(self._keys[i]):
                return i
            self._waiting.setdefault(self._keys[i], deque()).append((place, i))
            best = best or (place, i)  # any note waiting from before ranked higher
        return self._pop(best[1]) if force and best else None

    def _pop(self, i: int) -> int:
        queue = self._waiting[self._keys[i]]
        queue.popleft()
        if not queue:
            del self._waiting[self._keys[i]]
        return i


def _engagement(impressions: list[int], interactions: list[int]) -> list[float]:
    """Each note's engagement, 0…1: smoothed rate against the catalog's mean, and volume."""
    total = sum(impressions)
    mean = sum(interactions) / total if total else 0.0
    mean = mean if mean > 0 else FALLBACK_RATE
    volume_scale = math.log1p(max(interactions, default=0)) or 1.0
    prior = PRIOR_IMPRESSIONS * mean
    result = []
    for shown, engaged in zip(impressions, interactions, strict=True):
        rate = (engaged + prior) / (shown + PRIOR_IMPRESSIONS)
        result.append(0.5 * rate / (rate + mean) + 0.5 * math.log1p(engaged) / volume_scale)
    return result


def _channels(
    topic_interactions: Counter[uuid.UUID], by_topic: dict[str, list[int]]
) -> list[uuid.UUID]:
    """The most engaged topics, leaving out any whose notes mostly sit under one already
    kept (大理旅行 beside 旅行): each chip should open a different part of the catalog."""
    kept: list[tuple[uuid.UUID, set[int]]] = []
    for topic_id, _ in sorted(topic_interactions.items(), key=lambda item: (-item[1], item[0])):
        notes = set(by_topic[key(topic_id)])
        if all(len(notes & other) < CHANNEL_OVERLAP * len(notes) for _, other in kept):
            kept.append((topic_id, notes))
            if len(kept) == MAX_CHANNELS:
                break
    return [topic_id for topic_id, _ in kept]


def _unseen(impressions: int) -> float:
    return max(0.0, 1.0 - impressions / EXPLORE_IMPRESSIONS)


def _valid(weights: object) -> list[tuple[str, float]]:
    """The usable (key, weight) pairs of a weights mapping, whatever it holds (an `Interests`
    may be made by hand, not only parsed from a cookie)."""
    if not isinstance(weights, dict):
        return []
    return [
        (k, weight)
        for k, w in weights.items()
        if isinstance(k, str) and (weight := usable_weight(w)) is not None
    ]
