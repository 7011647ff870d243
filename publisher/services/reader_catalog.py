"""The published notes readers may see, as tiles: one in-memory snapshot shared by the feed,
search, topic and account pages.

Every reader page lists notes with their cover, author and likes; asking the database for
that on each request would make the feed as slow as its slowest join. A snapshot is loaded
in a handful of queries and kept for `SNAPSHOT_SECONDS`: a newly published note or a like
appears on tiles within that time (a note's own page reads its figures fresh).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from publisher.db.models import (
    Account,
    MediaAsset,
    Note,
    NoteDailyStats,
    NoteMedia,
    NoteProduct,
    NoteTopic,
    ReaderReaction,
    Topic,
)

SNAPSHOT_SECONDS = 10.0
SHOWN_COUNTERS = ("impressions", "views", "likes", "collects", "comments", "shares")
REACTIONS = {"like": ("unlike", "likes"), "collect": ("uncollect", "collects")}
"""Each reaction's row kind once the reader took it back, and the counter it is shown in."""
TAKEN_BACK = {taken_back: counter for taken_back, counter in REACTIONS.values()}
"""The rows of a reader who took a like or collect back, and the counter they lower."""


@dataclass(frozen=True, slots=True)
class NoteCard:
    """What a tile shows and what ranking and search need of one published note."""

    id: uuid.UUID
    title: str
    body: str
    type: str
    """image | video"""
    account_id: uuid.UUID
    author: str
    published_at: datetime
    cover_sha256: str | None
    cover_width: int
    cover_height: int
    topic_ids: tuple[uuid.UUID, ...]
    topic_names: tuple[str, ...]
    product_ids: tuple[uuid.UUID, ...]
    impressions: int = 0
    views: int = 0
    likes: int = 0
    collects: int = 0
    comments: int = 0
    shares: int = 0

    @property
    def interactions(self) -> int:
        return self.likes + self.collects + self.comments + self.shares


@dataclass(frozen=True)
class Catalog:
    """Published public notes, newest first, with indexes by id, account and topic."""

    cards: tuple[NoteCard, ...]
    topic_names: dict[uuid.UUID, str]
    loaded_at: float
    by_id: dict[uuid.UUID, NoteCard] = field(init=False)
    by_account: dict[uuid.UUID, tuple[NoteCard, ...]] = field(init=False)
    by_topic: dict[uuid.UUID, tuple[NoteCard, ...]] = field(init=False)

    def __post_init__(self) -> None:
        accounts: dict[uuid.UUID, list[NoteCard]] = defaultdict(list)
        topics: dict[uuid.UUID, list[NoteCard]] = defaultdict(list)
        for card in self.cards:
            accounts[card.account_id].append(card)
            for topic_id in card.topic_ids:
                topics[topic_id].append(card)
        object.__setattr__(self, "by_id", {card.id: card for card in self.cards})
        object.__setattr__(self, "by_account", {k: tuple(v) for k, v in accounts.items()})
        object.__setattr__(self, "by_topic", {k: tuple(v) for k, v in topics.items()})


def is_public_note() -> ColumnElement[bool]:
    """What makes a note readable on the reader pages: published, public, with a date."""
    return and_(
        Note.status == "published",
        Note.visibility == "public",
        Note.published_at.is_not(None),
    )


def is_public(session: Session, note_id: uuid.UUID) -> bool:
    return session.scalar(select(Note.id).where(Note.id == note_id, is_public_note())) is not None


def load(session: Session) -> Catalog:
    """Read the snapshot: public published notes with covers, topics, products and figures
    (every source: readers' events, imports, the demo's)."""
    rows = session.execute(
        select(
            Note.id,
            Note.title,
            Note.body,
            Note.type,
            Note.account_id,
            Account.nickname,
            Note.published_at,
        )
        .join(Account, Account.id == Note.account_id)
        .where(is_public_note())
        .order_by(Note.published_at.desc(), Note.id)
    ).all()
    covers = {
        note_id: (sha, width, height)
        for note_id, sha, width, height in session.execute(
            select(NoteMedia.note_id, MediaAsset.sha256, MediaAsset.width, MediaAsset.height)
            .join(
                MediaAsset,
                MediaAsset.sha256 == func.coalesce(NoteMedia.rendered_sha256, NoteMedia.sha256),
            )
            .join(Note, Note.id == NoteMedia.note_id)
            .where(Note.status == "published", NoteMedia.position == 0)
        )
    }
    topic_names: dict[uuid.UUID, str] = {}
    note_topics: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for note_id, topic_id, name in session.execute(
        select(NoteTopic.note_id, Topic.id, Topic.name)
        .join(Topic, Topic.id == NoteTopic.topic_id)
        .join(Note, Note.id == NoteTopic.note_id)
        .where(Note.status == "published")
        .order_by(NoteTopic.note_id, NoteTopic.position)
    ):
        topic_names[topic_id] = name
        note_topics[note_id].append(topic_id)
    note_products: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for note_id, product_id in session.execute(
        select(NoteProduct.note_id, NoteProduct.product_id)
        .join(Note, Note.id == NoteProduct.note_id)
        .where(Note.status == "published")
        .order_by(NoteProduct.note_id, NoteProduct.position)
    ):
        note_products[note_id].append(product_id)
    figures = {
        row[0]: row[1:]
        for row in session.execute(
            select(
                NoteDailyStats.note_id,
                *(func.sum(getattr(NoteDailyStats, name)) for name in SHOWN_COUNTERS),
            )
            .join(Note, Note.id == NoteDailyStats.note_id)
            .where(is_public_note())
            .group_by(NoteDailyStats.note_id)
        )
    }
    taken_back = _taken_back(session)
    cards = []
    for note_id, title, body, kind, account_id, author, published_at in rows:
        assert published_at is not None
        sha, width, height = covers.get(note_id, (None, 3, 4))
        topics = note_topics.get(note_id, [])
        counts = [int(value or 0) for value in figures.get(note_id, ())] or [0] * len(
            SHOWN_COUNTERS
        )
        for counter, fewer in taken_back.get(note_id, {}).items():
            counts[SHOWN_COUNTERS.index(counter)] -= fewer
        cards.append(
            NoteCard(
                id=note_id,
                title=title,
                body=body,
                type=kind,
                account_id=account_id,
                author=author,
                published_at=published_at,
                cover_sha256=sha,
                cover_width=width or 3,
                cover_height=height or 4,
                topic_ids=tuple(topics),
                topic_names=tuple(topic_names[topic_id] for topic_id in topics),
                product_ids=tuple(note_products.get(note_id, ())),
                **dict(zip(SHOWN_COUNTERS, map(int, counts), strict=True)),
            )
        )
    return Catalog(tuple(cards), topic_names, time.monotonic())


def _taken_back(session: Session) -> dict[uuid.UUID, dict[str, int]]:
    """Likes and collects readers took back, per note: counted once for good by the data
    center, but a tile shows what the note's page shows, the count without them."""
    taken: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    for note_id, kind, number in session.execute(
        select(ReaderReaction.note_id, ReaderReaction.kind, func.count())
        .where(ReaderReaction.kind.in_(TAKEN_BACK))
        .group_by(ReaderReaction.note_id, ReaderReaction.kind)
    ):
        taken[note_id][TAKEN_BACK[kind]] = number
    return taken


class CatalogCache:
    """One process's snapshot: reloaded when older than `max_age`, by one thread at a time
    while the others keep answering from the previous one."""

    def __init__(self, sessions: Callable[[], Session], max_age: float = SNAPSHOT_SECONDS) -> None:
        self._sessions = sessions
        self._max_age = max_age
        self._current: Catalog | None = None
        self._lock = threading.Lock()

    def newer_than(self, seen: Catalog) -> Catalog:
        """A snapshot loaded after `seen`, which lacked something the database has (a note
        published a moment ago: only such a note's page asks, so a flood of made-up ids
        cannot make the process reload). Readers asking at once share one reload."""
        current = self._current
        if current is not None and current is not seen:
            return current
        with self._lock:
            if self._current is seen:
                with self._sessions() as session:
                    self._current = load(session)
            assert self._current is not None
            return self._current

    def get(self) -> Catalog:
        current = self._current
        if current is not None and time.monotonic() - current.loaded_at < self._max_age:
            return current
        if not self._lock.acquire(blocking=current is None):
            assert current is not None
            return current
        try:
            if self._current is current:
                with self._sessions() as session:
                    self._current = load(session)
            assert self._current is not None
            return self._current
        finally:
            self._lock.release()
