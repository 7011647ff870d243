"""The recommended feed's order: interests move their notes up, proven engagement beats luck,
fresh notes rise, little-seen notes get exploration slots, no author fills the top, no topic
fills a personal feed while others are left (nor its exploration slots), a visit's seed changes
the order a little and nothing else does, and any cookie is survivable."""

from __future__ import annotations

import math
import random
import statistics
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from publisher.domain.feed_ranking import (
    AUTHOR_MAX,
    AUTHOR_WINDOW,
    EXPLORE_EVERY,
    NOW_STEP_SECONDS,
    TOPIC_MAX,
    TOPIC_WINDOW,
    FeedIndex,
)
from publisher.domain.interests import Interests, key
from publisher.services.reader_catalog import NoteCard

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
_IDS = random.Random(0)
AUTHORS = [uuid.UUID(int=_IDS.getrandbits(128)) for _ in range(10)]
TOPICS = [uuid.UUID(int=_IDS.getrandbits(128)) for _ in range(6)]
"""Random ids: interests know topics and authors by their first 64 bits."""


def card(
    *,
    author: uuid.UUID | None = None,
    topics: tuple[uuid.UUID, ...] = (),
    days_old: float = 10.0,
    impressions: int = 5000,
    likes: int = 100,
    rng: random.Random | None = None,
) -> NoteCard:
    rng = rng or random.Random()
    return NoteCard(
        id=uuid.UUID(int=rng.getrandbits(128)),
        title="笔记",
        body="",
        type="image",
        account_id=author or AUTHORS[0],
        author="作者",
        published_at=NOW - timedelta(days=days_old),
        cover_sha256=None,
        cover_width=3,
        cover_height=4,
        topic_ids=topics,
        topic_names=tuple("话题" for _ in topics),
        product_ids=(),
        impressions=impressions,
        likes=likes,
    )


def world(count: int = 60, seed: int = 1) -> list[NoteCard]:
    """Proven notes of every age, authors and topics cycling, engagement varied."""
    rng = random.Random(seed)
    return [
        card(
            author=AUTHORS[n % len(AUTHORS)],
            topics=(TOPICS[n % len(TOPICS)],),
            days_old=rng.uniform(3, 40),
            impressions=rng.randint(2000, 20000),
            likes=rng.randint(10, 400),
            rng=rng,
        )
        for n in range(count)
    ]


def liking(topic: uuid.UUID, times: int = 3) -> Interests:
    interests = Interests()
    for _ in range(times):
        interests.learn("like", [topic], uuid.uuid4())
    return interests


def positions(ranked: list[NoteCard], wanted: set[uuid.UUID]) -> list[int]:
    return [index for index, note in enumerate(ranked) if note.id in wanted]


def test_interest_moves_the_readers_topic_to_the_top() -> None:
    cards = world()
    index = FeedIndex(cards)
    topic = {note.id for note in cards if TOPICS[2] in note.topic_ids}
    for seed in range(10):
        plain = index.rank(Interests(), NOW, seed)
        personal = index.rank(liking(TOPICS[2]), NOW, seed)
        assert statistics.mean(positions(personal, topic)) < statistics.mean(
            positions(plain, topic)
        )
        assert {note.id for note in personal[:3]} <= topic


def test_a_liked_author_moves_up_without_sharing_a_topic() -> None:
    cards = world()
    index = FeedIndex(cards)
    interests = Interests()
    interests.authors[key(AUTHORS[7])] = 5.0
    theirs = {note.id for note in cards if note.account_id == AUTHORS[7]}
    plain = index.rank(Interests(), NOW, 3)
    personal = index.rank(interests, NOW, 3)
    assert statistics.mean(positions(personal, theirs)) < statistics.mean(positions(plain, theirs))
    assert personal[0].id in theirs


def test_interests_matching_nothing_leave_the_general_order() -> None:
    index = FeedIndex(world())
    assert index.rank(liking(uuid.uuid4()), NOW, 5) == index.rank(Interests(), NOW, 5)


def test_a_proven_note_beats_a_lucky_one() -> None:
    rng = random.Random(4)
    lucky = card(impressions=3, likes=2, author=AUTHORS[1], rng=rng)
    proven = card(impressions=15000, likes=170, author=AUTHORS[2], rng=rng)
    index = FeedIndex([lucky, proven])
    for seed in range(30):
        assert index.rank(Interests(), NOW, seed) == [proven, lucky]


def test_without_interests_popular_and_fresh_notes_lead() -> None:
    rng = random.Random(5)
    fresh = card(days_old=0.2, impressions=3000, likes=60, author=AUTHORS[1], rng=rng)
    popular = card(days_old=20, impressions=40000, likes=2500, author=AUTHORS[2], rng=rng)
    stale = [
        card(days_old=30 + n, impressions=3000, likes=20, author=AUTHORS[3 + n % 5], rng=rng)
        for n in range(20)
    ]
    index = FeedIndex([*stale, fresh, popular])
    for seed in range(10):
        top = {note.id for note in index.rank(Interests(), NOW, seed, limit=3)}
        assert {fresh.id, popular.id} <= top


def test_a_never_seen_note_gets_an_exploration_slot_on_the_first_page() -> None:
    rng = random.Random(6)
    unseen = card(days_old=25, impressions=0, likes=0, author=AUTHORS[9], rng=rng)
    cards = [*world(100), unseen]
    index = FeedIndex(cards)
    for seed in range(20):
        ranked = index.rank(Interests(), NOW, seed, limit=20)
        assert ranked[EXPLORE_EVERY - 1] == unseen
        personal = index.rank(liking(TOPICS[0]), NOW, seed, limit=20)
        assert unseen in personal


def test_little_seen_notes_take_turns_in_the_exploration_slots() -> None:
    rng = random.Random(7)
    unseen = [
        card(days_old=25, impressions=n, likes=0, author=AUTHORS[n % 10], rng=rng)
        for n in range(30)
    ]
    index = FeedIndex([*world(100), *unseen])
    explored = set()
    for seed in range(20):
        ranked = index.rank(Interests(), NOW, seed, limit=20)
        slots = [ranked[i] for i in range(EXPLORE_EVERY - 1, 20, EXPLORE_EVERY)]
        assert all(note in unseen for note in slots)
        explored.update(note.id for note in slots)
    assert len(explored) > 20


def assert_authors_spread(ranked: list[NoteCard]) -> None:
    for start in range(len(ranked) - AUTHOR_WINDOW + 1):
        window = [note.account_id for note in ranked[start : start + AUTHOR_WINDOW]]
        assert max(window.count(author) for author in window) <= AUTHOR_MAX, start


def test_no_author_fills_the_top() -> None:
    rng = random.Random(8)
    star = [
        card(author=AUTHORS[0], impressions=50000, likes=5000, days_old=1, rng=rng)
        for _ in range(30)
    ]
    others = [
        card(author=AUTHORS[1 + n % 9], impressions=5000, likes=50, days_old=30, rng=rng)
        for n in range(30)
    ]
    index = FeedIndex([*star, *others])
    ranked = index.rank(Interests(), NOW, 1)
    assert_authors_spread(ranked[:40])
    assert ranked[0].account_id == AUTHORS[0]
    assert sorted(note.id for note in ranked) == sorted(note.id for note in star + others)


def test_a_single_author_catalog_still_lists_every_note() -> None:
    notes = [card(author=AUTHORS[0], rng=random.Random(n)) for n in range(12)]
    ranked = FeedIndex(notes).rank(Interests(), NOW, 2)
    assert sorted(note.id for note in ranked) == sorted(note.id for note in notes)


def of_topic(ranked: list[NoteCard], topic: uuid.UUID) -> list[bool]:
    return [topic in note.topic_ids for note in ranked]


def test_a_strong_interest_keeps_the_feed_diverse() -> None:
    rng = random.Random(14)
    food = TOPICS[2]
    unseen = [
        card(topics=(TOPICS[n % 3 + 2],), impressions=0, likes=0, author=AUTHORS[n], rng=rng)
        for n in range(9)
    ]
    cards = [*world(120), *unseen]
    index = FeedIndex(cards)
    interests = Interests()
    for note in [note for note in cards if food in note.topic_ids][:4]:
        interests.learn("like", note.topic_ids, note.account_id)
    shares = []
    for seed in range(20):
        plain = of_topic(index.rank(Interests(), NOW, seed, limit=20), food)
        ranked = index.rank(interests, NOW, seed, limit=20)
        personal = of_topic(ranked, food)
        shares.append((sum(plain), sum(personal)))
        # Interest still shows: the topic leads and fills about half the page.
        assert personal[:3] == [True] * 3 and sum(personal) >= 8
        assert personal.count(False) >= 6
        for start in range(len(personal) - TOPIC_WINDOW + 1):
            assert sum(personal[start : start + TOPIC_WINDOW]) <= TOPIC_MAX, (seed, start)
        # The exploration slots go to little-seen notes of other topics.
        slots = [ranked[i] for i in range(EXPLORE_EVERY - 1, 20, EXPLORE_EVERY)]
        assert all(note in unseen and food not in note.topic_ids for note in slots)
        assert_authors_spread(ranked)
    plain_share = statistics.mean(plain for plain, _ in shares)
    assert statistics.mean(personal for _, personal in shares) >= 2 * plain_share


def test_a_strong_interest_fills_the_feed_once_other_topics_run_out() -> None:
    rng = random.Random(15)
    food, other = TOPICS[2], TOPICS[3]
    cards = [
        *(card(topics=(food,), author=AUTHORS[n % 10], rng=rng) for n in range(20)),
        *(card(topics=(other,), author=AUTHORS[n], rng=rng, impressions=0) for n in range(2)),
    ]
    index = FeedIndex(cards)
    ranked = index.rank(liking(food), NOW, 3)
    assert sorted(note.id for note in ranked) == sorted(note.id for note in cards)
    assert of_topic(ranked, food)[:6].count(False) == 2
    assert all(of_topic(ranked, food)[6:])
    # Interest only in an author, or in topics the catalog lacks: no topic is held back.
    by_author = Interests(authors={key(AUTHORS[0]): 5.0})
    assert of_topic(index.rank(by_author, NOW, 3, limit=6), food).count(True) >= 4


def test_every_note_once_and_pages_are_prefixes() -> None:
    cards = world(80)
    index = FeedIndex(cards)
    interests = liking(TOPICS[1])
    full = index.rank(interests, NOW, 11)
    assert len({note.id for note in full}) == len(cards) == len(full)
    for limit in (0, 1, 5, 20, 79, 80, 500):
        assert index.rank(interests, NOW, 11, limit=limit) == full[:limit]


def test_deterministic_for_the_inputs_and_varied_by_the_seed() -> None:
    cards = world()
    first = FeedIndex(cards).rank(liking(TOPICS[3]), NOW, 42)
    again = FeedIndex(list(cards)).rank(liking(TOPICS[3]), NOW, 42)
    same_step = NOW.replace(minute=0) + timedelta(seconds=NOW_STEP_SECONDS - 1)
    assert first == again == FeedIndex(cards).rank(liking(TOPICS[3]), same_step, 42)
    index = FeedIndex(cards)
    orders = {tuple(note.id for note in index.rank(Interests(), NOW, seed)) for seed in range(8)}
    assert len(orders) == 8


def test_the_order_of_the_catalog_does_not_matter_beyond_ties() -> None:
    cards = world()
    shuffled = cards[:]
    random.Random(3).shuffle(shuffled)
    assert FeedIndex(cards).rank(Interests(), NOW, 9) == FeedIndex(shuffled).rank(
        Interests(), NOW, 9
    )


def test_empty_inputs() -> None:
    empty = FeedIndex([])
    assert len(empty) == 0
    assert empty.rank(Interests(), NOW, 1) == []
    assert empty.rank(liking(TOPICS[0]), NOW, 1, limit=20) == []
    assert empty.topics_for(liking(TOPICS[0]), 8) == []
    assert FeedIndex(world(5)).rank(Interests(), NOW, 1, limit=0) == []
    assert FeedIndex(world(5)).rank(Interests(), NOW, 1, limit=-3) == []


@pytest.mark.parametrize(
    "interests",
    [
        Interests.parse("i1.not base64 at all"),
        Interests.parse("i1." + "A" * 5000),
        Interests(
            topics={
                key(TOPICS[0]): math.nan,
                key(TOPICS[1]): -4.0,
                key(TOPICS[2]): math.inf,
                key(TOPICS[3]): 0.0,
                "no": "heavy",  # type: ignore[dict-item]
                7: 3.0,  # type: ignore[dict-item]
            },
            authors=["not", "a", "mapping"],  # type: ignore[arg-type]
        ),
        Interests(topics={key(TOPICS[4]): True}),  # type: ignore[dict-item]
    ],
)
def test_hostile_interests_rank_like_none(interests: Interests) -> None:
    index = FeedIndex(world())
    assert index.rank(interests, NOW, 13) == index.rank(Interests(), NOW, 13)


def test_enormous_weights_are_capped() -> None:
    index = FeedIndex(world())
    huge = Interests(topics={key(TOPICS[0]): 1e300, key(TOPICS[1]): 1e308})
    ranked = index.rank(huge, NOW, 1)
    assert len(ranked) == 60
    assert ranked[0].topic_ids[0] in (TOPICS[0], TOPICS[1])


@pytest.mark.parametrize(
    "now", [datetime(1990, 1, 1, tzinfo=UTC), datetime(2400, 1, 1, tzinfo=UTC)]
)
def test_clocks_far_from_the_notes(now: datetime) -> None:
    cards = world()
    assert len(FeedIndex(cards).rank(liking(TOPICS[0]), now, 1)) == len(cards)


def test_chips_put_the_readers_topics_first_and_skip_nested_topics() -> None:
    rng = random.Random(10)
    travel, dali, food, niche = TOPICS[:4]
    cards = [
        *(card(topics=(travel, dali), likes=900, author=AUTHORS[n], rng=rng) for n in range(4)),
        *(card(topics=(travel,), likes=300, author=AUTHORS[n], rng=rng) for n in range(2)),
        *(card(topics=(food,), likes=200, author=AUTHORS[n], rng=rng) for n in range(5)),
        card(topics=(niche,), likes=1, rng=rng),
    ]
    index = FeedIndex(cards)
    assert index.topics_for(Interests(), 8) == [travel, food, niche]
    assert index.topics_for(liking(niche), 8) == [niche, travel, food]
    assert index.topics_for(liking(uuid.uuid4()), 2) == [travel, food]


def test_pages_past_the_notes_shown_list_every_note_once_whatever_changes_between() -> None:
    rng = random.Random(12)
    cards = [
        card(
            author=AUTHORS[rng.randrange(10)],
            topics=tuple(rng.sample(TOPICS, 3)),
            days_old=rng.uniform(0, 90),
            impressions=rng.randint(0, 30000),
            likes=rng.randint(0, 800),
            rng=rng,
        )
        for _ in range(300)
    ]
    index = FeedIndex(cards)
    assert index.rank(Interests(), NOW, 4, limit=20, exclude=[uuid.uuid4()]) == index.rank(
        Interests(), NOW, 4, limit=20
    )
    shown: list[uuid.UUID] = []
    for page in range(100):
        # Each page with other interests and a later clock: the order of what is left moves.
        interests = liking(TOPICS[page % len(TOPICS)], times=page % 4 + 1)
        later = NOW + timedelta(hours=page)
        ranked = index.rank(interests, later, 4, limit=20, exclude=set(shown))
        if not ranked:
            break
        assert not {note.id for note in ranked} & set(shown)
        assert ranked == index.rank(interests, later, 4, exclude=shown)[:20]
        shown += [note.id for note in ranked]
    assert len(shown) == len(set(shown)) == len(cards)
    assert index.rank(Interests(), NOW, 4, exclude=shown) == []
