"""The pre-publish checklist of a stored note or a draft, and the one verdict that publishing
and scheduling both obey (`note_violations`).

The facts come from what will be published: each image's (video's) rendered export when there
is one, else its original; the topics, mentions and products in the note's order.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from publisher.db.models import Note, NoteMedia, Topic
from publisher.domain.checks import (
    BriefRequirement,
    CheckItem,
    CoverFacts,
    MediaFacts,
    NoteFacts,
    Violation,
    evaluate_note,
)
from publisher.domain.rules import RulesPack
from publisher.schemas import ChecklistDraft, ChecklistPublic, MediaFactsIn
from publisher.services.errors import Invalid
from publisher.services.media import is_video


def _published_media(medium: NoteMedia) -> MediaFacts:
    asset = medium.rendered or medium.asset
    return MediaFacts(
        width=asset.width,
        height=asset.height,
        bytes=asset.size,
        mime=asset.mime,
        duration=asset.duration,
    )


def _chosen_cover(note: Note) -> CoverFacts | None:
    """An image a video's edit names as the cover; None leaves the cover to the checks (the
    first image, or a frame of the video)."""
    for medium in note.media:
        if is_video(medium.mime) and (medium.recipe or {}).get("cover", {}).get("sha256"):
            return CoverFacts(present=True, source="image")
    return None


def brief_requirements(session: Session, note: Note) -> tuple[BriefRequirement, ...] | None:
    """The requirements of the brief `note` answers, or None: notes answer no brief yet.

    Extension point for the brand issue: look up the note's collaboration and turn its
    brief into `BriefRequirement`s (kinds in `publisher.domain.checks.BRIEF_REQUIREMENTS`).
    """
    return None


def note_facts(note: Note, *, scheduled_at: datetime | None = None) -> NoteFacts:
    """What the checks know of a stored note; `scheduled_at` is the time it would go out."""
    media = [_published_media(m) for m in note.media]
    images = tuple(m for m in media if (m.mime or "").startswith("image/"))
    videos = tuple(m for m in media if (m.mime or "").startswith("video/"))
    return NoteFacts(
        type=note.type,
        title=note.title,
        body=note.body,
        image_count=len(images),
        video_count=len(videos),
        images=images,
        videos=videos,
        topics=tuple(note.topic_names),
        mentions=tuple(str(a) for a in note.mentions),
        products=tuple(str(p) for p in note.product_ids),
        scheduled_at=scheduled_at,
        cover=_chosen_cover(note),
    )


def note_checklist(
    session: Session,
    note: Note,
    *,
    rules: RulesPack,
    scheduled_at: datetime | None = None,
    now: datetime,
) -> list[CheckItem]:
    """Every rule that applies to a stored note, passed or not."""
    facts = note_facts(note, scheduled_at=scheduled_at)
    brief = brief_requirements(session, note)
    if brief is not None:
        facts = replace(facts, brief=brief)
    return evaluate_note(facts, rules, now=now)


def note_violations(
    session: Session,
    note: Note,
    *,
    rules: RulesPack,
    scheduled_at: datetime | None = None,
    now: datetime,
) -> list[Violation]:
    """Everything the note breaks, warnings included: the one check publishing (now) and
    scheduling (for `scheduled_at`, against the window seen at `now`) both refuse on when
    any violation is a block. `rules` is the server's pack (it may override the shipped one).
    """
    items = note_checklist(session, note, rules=rules, scheduled_at=scheduled_at, now=now)
    return [v for item in items for v in item.violations]


def _topic_names(session: Session, topic_ids: Sequence[uuid.UUID]) -> tuple[str, ...]:
    rows = session.execute(select(Topic.id, Topic.name).where(Topic.id.in_(topic_ids)))
    names = {topic_id: name for topic_id, name in rows}
    missing = [t for t in topic_ids if t not in names]
    if missing:
        raise Invalid("topic.unknown", {"topic_id": str(missing[0])})
    return tuple(names[t] for t in topic_ids)


def _media(items: list[MediaFactsIn]) -> tuple[MediaFacts, ...]:
    return tuple(MediaFacts(m.width, m.height, m.bytes, m.mime, m.duration) for m in items)


def draft_checklist(
    session: Session, draft: ChecklistDraft, *, rules: RulesPack, now: datetime
) -> list[CheckItem]:
    """The checklist of a draft the composer holds, without storing anything.

    Raises:
        Invalid: `topic.unknown` ({topic_id}).
    """
    facts = NoteFacts(
        type=draft.type,
        title=draft.title,
        body=draft.body,
        image_count=len(draft.images),
        video_count=len(draft.videos),
        images=_media(draft.images),
        videos=_media(draft.videos),
        topics=_topic_names(session, draft.topics),
        mentions=tuple(str(a) for a in draft.mentions),
        products=tuple(str(p) for p in draft.product_ids),
        scheduled_at=draft.scheduled_at,
    )
    return evaluate_note(facts, rules, now=now)


def checklist_public(items: list[CheckItem], rules: RulesPack, now: datetime) -> ChecklistPublic:
    return ChecklistPublic.model_validate(
        {
            "items": [item.to_dict() for item in items],
            "blocked": any(item.status == "block" for item in items),
            "rules_version": rules.version,
            "checked_at": now,
        }
    )
