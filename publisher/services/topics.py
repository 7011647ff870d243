"""Topics (话题): normalised names, search by use, a note's ordered topics, saved groups.

Topics are shared entities: any user may find, create and use any topic, as on the platform.
Topic groups are private to the user who saved them.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from sqlalchemy import Subquery, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from publisher.db.models import Note, NoteTopic, Topic, TopicGroup, TopicGroupItem, User
from publisher.domain.rules import RulesPack
from publisher.domain.text import char_count
from publisher.schemas import TopicGroupCreate, TopicGroupPublic, TopicGroupUpdate
from publisher.services.errors import Conflict, Invalid, NotFound
from publisher.services.like import LIKE_ESCAPE, like_escaped
from publisher.services.links import replace_ordered, require_known_ids
from publisher.services.versioning import compare_and_set, unique_or_conflict, version_conflict

TOPIC_GUARD = 10
"""How many topics beyond the pack's block limit a draft may hold: enough to trim later."""


def normalise_topic_name(raw: str, *, max_chars: int) -> str:
    """The canonical spelling of a topic: NFKC (full-width forms folded), trimmed, without
    leading `#` signs.

    Raises:
        Invalid: `topic.name_invalid` with `reason` empty | too_long | control (and `max`).
    """
    name = unicodedata.normalize("NFKC", raw).strip().lstrip("#").strip()
    if not name:
        raise Invalid("topic.name_invalid", {"reason": "empty", "max": max_chars})
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in name):
        raise Invalid("topic.name_invalid", {"reason": "control", "max": max_chars})
    if char_count(name) > max_chars:
        raise Invalid("topic.name_invalid", {"reason": "too_long", "max": max_chars})
    return name


def topic_key(name: str) -> str:
    """What makes two spellings one topic: the case-folded normalised name."""
    return name.casefold()


def _max_name_chars(rules: RulesPack) -> int:
    return int(rules.limit("topics", "max_name_chars"))


def _use_counts() -> Subquery:
    return (
        select(NoteTopic.topic_id, func.count().label("uses"))
        .group_by(NoteTopic.topic_id)
        .subquery()
    )


def search_topics(
    session: Session, *, query: str | None, offset: int, limit: int
) -> tuple[list[tuple[Topic, int]], int]:
    """Topics whose name contains `query` (any case), most used first, with their use count."""
    uses = _use_counts()
    conditions = []
    if query and query.strip():
        needle = topic_key(unicodedata.normalize("NFKC", query).strip().lstrip("#"))
        conditions.append(Topic.key.like(f"%{like_escaped(needle)}%", escape=LIKE_ESCAPE))
    total = session.scalar(select(func.count()).select_from(Topic).where(*conditions)) or 0
    count = func.coalesce(uses.c.uses, 0)
    rows = session.execute(
        select(Topic, count)
        .outerjoin(uses, uses.c.topic_id == Topic.id)
        .where(*conditions)
        .order_by(count.desc(), Topic.key, Topic.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return [(row[0], int(row[1])) for row in rows], total


def use_count(session: Session, topic_id: uuid.UUID) -> int:
    return session.scalar(select(func.count()).where(NoteTopic.topic_id == topic_id)) or 0


def get_topic(session: Session, topic_id: uuid.UUID) -> Topic:
    topic = session.get(Topic, topic_id)
    if topic is None:
        raise NotFound("topic.not_found")
    return topic


def ensure_topic(
    session: Session, user: User, raw_name: str, *, rules: RulesPack
) -> tuple[Topic, bool]:
    """The topic of that name, created if new; True when this call created it.

    Two users creating the same topic at once both get the one row: the unique key decides.
    """
    name = normalise_topic_name(raw_name, max_chars=_max_name_chars(rules))
    key = topic_key(name)
    existing = session.scalar(select(Topic).where(Topic.key == key))
    if existing is not None:
        return existing, False
    topic = Topic(name=name, key=key, created_by=user.id)
    session.add(topic)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        winner = session.scalar(select(Topic).where(Topic.key == key))
        if winner is None:
            raise
        return winner, False
    return topic, True


def _known_topics(session: Session, topic_ids: Sequence[uuid.UUID]) -> None:
    """Raises `topic.duplicate` or `topic.unknown` (422, naming the topic id)."""
    require_known_ids(session, Topic.id, topic_ids, kind="topic", param="topic_id")


def set_note_topics(
    session: Session, note: Note, topic_ids: Sequence[uuid.UUID], *, max_topics: int
) -> None:
    """Replace the note's topics, in order. More than the pack blocks is kept as a draft (the
    checklist says so), up to `max_topics`.

    Raises:
        Invalid: `note.too_many_topics` ({max}), `topic.duplicate`, `topic.unknown`.
    """
    if len(topic_ids) > max_topics:
        raise Invalid("note.too_many_topics", {"count": len(topic_ids), "max": max_topics})
    _known_topics(session, topic_ids)
    replace_ordered(
        session,
        note.topic_links,
        (NoteTopic(topic_id=topic_id, position=index) for index, topic_id in enumerate(topic_ids)),
    )


# -- topic groups ----------------------------------------------------------------------------


def list_groups(
    session: Session, user: User, *, offset: int, limit: int
) -> tuple[list[TopicGroup], int]:
    where = TopicGroup.user_id == user.id
    total = session.scalar(select(func.count()).select_from(TopicGroup).where(where)) or 0
    rows = session.scalars(
        select(TopicGroup)
        .where(where)
        .order_by(TopicGroup.name, TopicGroup.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), total


def get_group(session: Session, user: User, group_id: uuid.UUID) -> TopicGroup:
    """One of the caller's groups; anyone else's is `topic_group.not_found` like a missing one."""
    group = session.scalar(
        select(TopicGroup).where(TopicGroup.id == group_id, TopicGroup.user_id == user.id)
    )
    if group is None:
        raise NotFound("topic_group.not_found")
    return group


def _unique_group_name(session: Session, name: str) -> AbstractContextManager[None]:
    """The unique (user, name) index decides, so two racing saves cannot both win."""
    return unique_or_conflict(session, "topic_group.name_taken", {"name": name})


def _set_group_topics(session: Session, group: TopicGroup, topic_ids: Sequence[uuid.UUID]) -> None:
    _known_topics(session, topic_ids)
    replace_ordered(
        session,
        group.items,
        (
            TopicGroupItem(topic_id=topic_id, position=index)
            for index, topic_id in enumerate(topic_ids)
        ),
    )


def require_group_size(topic_ids: Sequence[uuid.UUID] | None, *, max_topics: int) -> None:
    """A group holds at most as many topics as one note may carry (the rules pack's block
    limit): applying it must never make a note unpublishable.

    Raises:
        Invalid: `topic_group.too_many_topics` ({count, max}).
    """
    if topic_ids is not None and len(topic_ids) > max_topics:
        raise Invalid("topic_group.too_many_topics", {"count": len(topic_ids), "max": max_topics})


def create_group(session: Session, user: User, data: TopicGroupCreate) -> TopicGroup:
    """Raises: Conflict `topic_group.name_taken`; Invalid `topic.unknown`/`topic.duplicate`."""
    _known_topics(session, data.topic_ids)
    group = TopicGroup(user_id=user.id, name=data.name)
    with _unique_group_name(session, data.name):
        session.add(group)
        session.flush()
        _set_group_topics(session, group, data.topic_ids)
        session.commit()
    session.refresh(group)
    return group


def _stale_group(group: TopicGroup) -> Conflict:
    return version_conflict("topic_group", group, TopicGroupPublic)


def update_group(
    session: Session, user: User, group_id: uuid.UUID, data: TopicGroupUpdate
) -> TopicGroup:
    group = get_group(session, user, group_id)
    if group.version != data.version:
        raise _stale_group(group)
    with (
        _unique_group_name(session, data.name or group.name),
        compare_and_set(session, lambda: _stale_group(get_group(session, user, group_id))),
    ):
        if data.name is not None:
            group.name = data.name
        group.updated_at = datetime.now(UTC)
        if data.topic_ids is not None:
            _set_group_topics(session, group, data.topic_ids)
    session.refresh(group)
    return group


def delete_group(session: Session, user: User, group_id: uuid.UUID, *, version: int) -> None:
    group = get_group(session, user, group_id)
    if group.version != version:
        raise _stale_group(group)
    with compare_and_set(session, lambda: _stale_group(get_group(session, user, group_id))):
        session.delete(group)
