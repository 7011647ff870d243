"""The composer's fields of a note beyond its text and media: topics, @mentions, linked
products and the flags (visibility, original, AI-generated). One entry point for create and
update, so both validate the same way."""

from __future__ import annotations

from sqlalchemy.orm import Session

from publisher.db.models import Note, User
from publisher.domain.rules import RulesPack
from publisher.schemas import MAX_NOTE_TOPICS, NoteCreate, NoteUpdate
from publisher.services.errors import Invalid
from publisher.services.mentions import set_note_mentions
from publisher.services.products import set_note_products
from publisher.services.topics import TOPIC_GUARD, set_note_topics


def topic_guard(rules: RulesPack | None) -> int:
    """How many topics a draft may hold: the pack's block limit plus a margin to trim later."""
    if rules is None:
        return MAX_NOTE_TOPICS
    return int(rules.limit("topics", "block_max")) + TOPIC_GUARD


def require_topic_count(topic_ids: list | None, *, rules: RulesPack) -> None:
    """Refuse more topics than a draft may hold under the server's pack, before anything
    else runs (the PATCH route passes through scheduling, which does not carry the pack on).

    Raises:
        Invalid: `note.too_many_topics` ({count, max}).
    """
    guard = topic_guard(rules)
    if topic_ids is not None and len(topic_ids) > guard:
        raise Invalid("note.too_many_topics", {"count": len(topic_ids), "max": guard})


def set_composer_fields(
    session: Session,
    user: User,
    note: Note,
    data: NoteCreate | NoteUpdate,
    *,
    rules: RulesPack | None,
) -> None:
    """Apply what `data` carries (an update leaves out what it does not change).

    Flags are set before the links, whose replacement flushes: the note's row is then
    written, and its version bumped, once.

    Raises:
        Invalid: `note.too_many_topics`, `topic.unknown`, `topic.duplicate`,
            `mention.unknown`, `mention.duplicate`, `product.link_not_allowed`,
            `product.duplicate`.
        NotFound: `product.not_found`.
    """
    for flag in ("visibility", "original", "ai_generated"):
        value = getattr(data, flag)
        if value is not None:
            setattr(note, flag, value)
    if data.topics is not None:
        set_note_topics(session, note, data.topics, max_topics=topic_guard(rules))
    if data.mentions is not None:
        set_note_mentions(session, note, data.mentions)
    if data.product_ids is not None:
        set_note_products(session, user, note, data.product_ids)
