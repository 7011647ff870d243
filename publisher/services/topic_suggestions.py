"""Topic suggestions for a note being written: from its own text, what is trending, and what
the account used lately — ranked together, each saying why it is suggested."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from publisher.db.models import Note, NoteTopic, Topic, User
from publisher.domain.rules import RulesPack
from publisher.schemas import SuggestionReason, TopicSuggestion, TopicSuggestRequest
from publisher.services.access import get_account
from publisher.services.keywords import keywords
from publisher.services.like import LIKE_ESCAPE, like_escaped
from publisher.services.topics import topic_key

TEXT_WEIGHT, TRENDING_WEIGHT, RECENT_WEIGHT = 1.0, 0.6, 0.5
"""How much each source counts: the note's own words first."""
PREFIX_DISCOUNT = 0.8
"""An existing topic that only starts with a keyword (咖啡 → 咖啡探店) ranks a bit lower."""
PREFIX_MATCHES = 3
RECENT_NOTES = 20


@dataclass
class _Candidate:
    name: str
    topic_id: uuid.UUID | None
    score: float = 0.0
    reasons: list[SuggestionReason] = field(default_factory=list)

    def add(self, reason: SuggestionReason, score: float) -> None:
        self.score += score
        if reason not in self.reasons:
            self.reasons.append(reason)


class _Ranking:
    """Candidates by topic key, so one topic found several ways is one suggestion."""

    def __init__(self) -> None:
        self.by_key: dict[str, _Candidate] = {}

    def add(
        self, name: str, topic_id: uuid.UUID | None, reason: SuggestionReason, score: float
    ) -> None:
        key = topic_key(name)
        candidate = self.by_key.setdefault(key, _Candidate(name, topic_id))
        if candidate.topic_id is None and topic_id is not None:
            candidate.name, candidate.topic_id = name, topic_id
        candidate.add(reason, score)

    def best(self, limit: int) -> list[TopicSuggestion]:
        ranked = sorted(self.by_key.values(), key=lambda c: (-c.score, c.name))[:limit]
        return [
            TopicSuggestion(
                name=c.name, topic_id=c.topic_id, reasons=c.reasons, score=round(c.score, 4)
            )
            for c in ranked
        ]


def _prefix_matches(session: Session, word: str) -> list[Topic]:
    key = topic_key(word)
    escaped = like_escaped(key)
    return list(
        session.scalars(
            select(Topic)
            .where(Topic.key.like(f"{escaped}%", escape=LIKE_ESCAPE), Topic.key != key)
            .order_by(Topic.key)
            .limit(PREFIX_MATCHES)
        )
    )


def _from_text(session: Session, ranking: _Ranking, title: str, body: str, limit: int) -> None:
    """Keywords of the title (counted twice: it says what the note is about) and body, matched
    to existing topics exactly or by prefix, or offered as new topics."""
    found = keywords(f"{title}\n{title}\n{body}", limit=limit)
    if not found:
        return
    existing = {
        t.key: t
        for t in session.scalars(
            select(Topic).where(Topic.key.in_([topic_key(w) for w, _ in found]))
        )
    }
    for word, weight in found:
        exact = existing.get(topic_key(word))
        if exact is not None:
            ranking.add(exact.name, exact.id, "text", TEXT_WEIGHT * weight)
        else:
            ranking.add(word, None, "text", TEXT_WEIGHT * weight)
        for topic in _prefix_matches(session, word):
            ranking.add(topic.name, topic.id, "text", TEXT_WEIGHT * weight * PREFIX_DISCOUNT)


def trending(
    session: Session, rules: RulesPack, *, now: datetime, limit: int
) -> list[tuple[Topic, float]]:
    """Topics of public notes published in the trending window, each use weighted by recency
    (1 when published now, falling linearly to 0 at the window's start), normalised to 0..1.

    Uses only: the backend holds no reader engagement yet (likes, collects and views arrive
    with the data center's events), so a use is not yet weighed by how well its note did."""
    days = int(rules.limit("topics", "trending_days"))
    since = now - timedelta(days=days)
    rows = session.execute(
        select(NoteTopic.topic_id, Note.published_at)
        .join(Note, Note.id == NoteTopic.note_id)
        .where(
            Note.status == "published",
            Note.visibility == "public",
            Note.published_at >= since,
        )
    ).all()
    window = timedelta(days=days).total_seconds()
    totals: dict[uuid.UUID, float] = {}
    for topic_id, published_at in rows:
        if published_at is None:
            continue
        age = max(0.0, (now - published_at).total_seconds())
        recency = max(0.0, 1.0 - age / window)
        totals[topic_id] = totals.get(topic_id, 0.0) + recency
    best = sorted(totals.items(), key=lambda item: -item[1])[:limit]
    if not best:
        return []
    top = best[0][1] or 1.0
    topics = {t.id: t for t in session.scalars(select(Topic).where(Topic.id.in_(totals)))}
    return [(topics[topic_id], score / top) for topic_id, score in best]


def recent_topics(session: Session, account_id: uuid.UUID, *, limit: int) -> list[Topic]:
    """The account's topics, most recently edited notes first, each topic once."""
    notes = (
        select(Note.id, Note.updated_at)
        .where(Note.account_id == account_id)
        .order_by(Note.updated_at.desc())
        .limit(RECENT_NOTES)
        .subquery()
    )
    rows = session.execute(
        select(Topic)
        .join(NoteTopic, NoteTopic.topic_id == Topic.id)
        .join(notes, notes.c.id == NoteTopic.note_id)
        .order_by(notes.c.updated_at.desc(), NoteTopic.position)
    ).scalars()
    seen: dict[uuid.UUID, Topic] = {}
    for topic in rows:
        seen.setdefault(topic.id, topic)
        if len(seen) == limit:
            break
    return list(seen.values())


def suggest_topics(
    session: Session,
    user: User,
    request: TopicSuggestRequest,
    *,
    rules: RulesPack,
    now: datetime | None = None,
) -> list[TopicSuggestion]:
    """Ranked suggestions; an account the caller may not see is `account.not_found` (404)."""
    now = now or datetime.now(UTC)
    ranking = _Ranking()
    if request.account_id is not None:
        get_account(session, user, request.account_id)
    _from_text(session, ranking, request.title, request.body, request.limit)
    for topic, score in trending(session, rules, now=now, limit=request.limit):
        ranking.add(topic.name, topic.id, "trending", TRENDING_WEIGHT * score)
    if request.account_id is not None:
        recent = recent_topics(session, request.account_id, limit=request.limit)
        for rank, topic in enumerate(recent):
            ranking.add(topic.name, topic.id, "recent", RECENT_WEIGHT * (1 - rank / len(recent)))
    return ranking.best(request.limit)
