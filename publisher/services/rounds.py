"""The collaboration's note and its rounds: attaching a note, submitting (which freezes a
round), the rounds' history, and the brief's checklist on a round or on the current note."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from publisher.brief_schemas import BriefCheckPublic, CollaborationNote
from publisher.db.models import (
    Account,
    Collaboration,
    Note,
    NoteProduct,
    NoteTopic,
    Submission,
    SubmissionMedium,
    User,
)
from publisher.domain.brief_checks import BriefDemands, NoteContent, check_note
from publisher.domain.collaboration import OPEN_FOR_WORK, Action, Side, State
from publisher.domain.rules import RulesPack
from publisher.services.access import get_note
from publisher.services.collaborations import (
    announce,
    at_version,
    get_collaboration,
    lost_race,
    move,
    review_due,
    side_for,
)
from publisher.services.errors import Invalid, NotFound
from publisher.services.keywords import words
from publisher.services.topics import ensure_topic
from publisher.services.versioning import compare_and_set

CONTENT_KEYS = (
    "type",
    "title",
    "body",
    "topics",
    "mentions",
    "products",
    "place",
    "flags",
    "media",
)
"""What a round freezes, and what changing after approval means a new round."""


def note_snapshot(note: Note) -> dict[str, Any]:
    """The note as the brand reviews it: its text and, per position, the file as it will be
    published (the render when edited, else the original)."""
    return {
        "type": note.type,
        "title": note.title,
        "body": note.body,
        "topics": note.topic_names,
        "mentions": note.mention_names,
        "products": [
            {"id": str(link.product_id), "name": link.product.name} for link in note.product_links
        ],
        "place": (note.place or {}).get("name"),
        "flags": {
            "visibility": note.visibility,
            "original": note.original,
            "ai_generated": note.ai_generated,
            "collaboration": note.collaboration,
        },
        "media": [
            {
                "position": medium.position,
                "sha256": medium.rendered_sha256 or medium.sha256,
                "mime": (medium.rendered or medium.asset).mime,
                "width": medium.rendered_width or medium.width,
                "height": medium.rendered_height or medium.height,
                "duration": medium.duration,
            }
            for medium in note.media
        ],
    }


def same_content(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(key) == b.get(key) for key in CONTENT_KEYS)


def _linkable_note(session: Session, user: User, collab: Collaboration, note_id: uuid.UUID) -> Note:
    note = get_note(session, user, note_id)
    if note.account_id != collab.account_id:
        raise Invalid("collaboration.note_other_account", {})
    if note.status != "draft":
        raise Invalid("collaboration.note_not_draft", {"status": note.status})
    linked = session.scalar(select(Collaboration.id).where(Collaboration.note_id == note.id))
    if linked is not None and linked != collab.id:
        raise Invalid("collaboration.note_taken", {})
    return note


def attach_note(
    session: Session,
    user: User,
    collaboration_id: uuid.UUID,
    data: CollaborationNote,
    *,
    rules: RulesPack,
) -> Collaboration:
    """Give the collaboration its note: an existing draft of the account, or a new draft with
    the brief's type, topics and products. The note carries the collaboration disclosure.

    Raises:
        Invalid: `collaboration.wrong_state` (only while working on it, before any round),
            `collaboration.note_other_account`, `collaboration.note_not_draft`,
            `collaboration.note_taken`; Forbidden `collaboration.not_allowed`.
    """
    collab = at_version(session, user, collaboration_id, data.version)
    side_for(session, user, collab, Action.SUBMIT)  # the creator's editors only
    if State(collab.state) not in OPEN_FOR_WORK or collab.round:
        raise Invalid("collaboration.wrong_state", {"action": "attach", "state": collab.state})
    if data.note_id is not None:
        note = _linkable_note(session, user, collab, data.note_id)
    else:
        note = _note_from_brief(session, user, collab, rules)
    with compare_and_set(session, lost_race(session, user, collaboration_id)):
        note.collaboration = True
        collab.note_id = note.id
    session.refresh(collab)
    return collab


def _note_from_brief(session: Session, user: User, collab: Collaboration, rules: RulesPack) -> Note:
    """A new draft with what the brief asks for already in: its type, its topics and, where
    the account may link products, its products."""
    brief = collab.brief
    topics = [ensure_topic(session, user, name, rules=rules)[0].id for name in brief.topics]
    account = session.get(Account, collab.account_id)
    products = brief.product_ids if account is not None and account.can_link_products else []
    note = Note(account_id=collab.account_id, type=brief.note_type, created_by=user.id)
    note.topic_links = [NoteTopic(topic_id=tid, position=i) for i, tid in enumerate(topics)]
    note.product_links = [
        NoteProduct(product_id=uuid.UUID(pid), position=i) for i, pid in enumerate(products)
    ]
    session.add(note)
    session.flush()  # gives the note its id
    return note


def submit(
    session: Session, user: User, collaboration_id: uuid.UUID, *, version: int
) -> Collaboration:
    """Freeze the note as the next round and hand it to the brand for review.

    Raises:
        Invalid: `collaboration.no_note`, `collaboration.note_empty` (no photo or video),
            `collaboration.wrong_state`, `collaboration.unchanged` (resubmitting the round the
            brand already saw, with nothing changed); Forbidden `collaboration.not_allowed`.
    """
    collab = at_version(session, user, collaboration_id, version)
    side = side_for(session, user, collab, Action.SUBMIT)
    if collab.note_id is None:
        raise Invalid("collaboration.no_note", {})
    note = get_note(session, user, collab.note_id)
    if not note.media:
        raise Invalid("collaboration.note_empty", {})
    snapshot = note_snapshot(note)
    previous = last_submission(session, collab)
    if previous is not None and same_content(previous.snapshot, snapshot):
        raise Invalid("collaboration.unchanged", {"round": previous.round})
    now = datetime.now(UTC)
    with compare_and_set(session, lost_race(session, user, collaboration_id)):
        collab.round += 1
        move(session, collab, Action.SUBMIT, side, actor=user.id, params={"round": collab.round})
        collab.review_due_at = review_due(collab.brief, now)
        session.add(
            Submission(
                collaboration_id=collab.id,
                round=collab.round,
                snapshot=snapshot,
                submitted_by=user.id,
                submitted_at=now,
                media=[
                    SubmissionMedium(position=item["position"], sha256=item["sha256"])
                    for item in snapshot["media"]
                ],
            )
        )
        announce(
            session,
            collab,
            "collaboration.submitted",
            to=Side.BRAND,
            actor=user.id,
            extra={"round": collab.round},
        )
    session.refresh(collab)
    return collab


def last_submission(session: Session, collab: Collaboration) -> Submission | None:
    return session.scalar(
        select(Submission)
        .where(Submission.collaboration_id == collab.id)
        .order_by(Submission.round.desc())
        .limit(1)
    )


def list_submissions(session: Session, user: User, collaboration_id: uuid.UUID) -> list[Submission]:
    collab = get_collaboration(session, user, collaboration_id)
    return list(
        session.scalars(
            select(Submission)
            .where(Submission.collaboration_id == collab.id)
            .order_by(Submission.round)
        )
    )


def _demands(collab: Collaboration, rules: RulesPack) -> BriefDemands:
    brief = collab.brief
    return BriefDemands(
        note_type=brief.note_type,
        topics=brief.topics,
        mentions=brief.mentions,
        key_messages=brief.key_messages,
        forbidden_words=brief.forbidden_words,
        forbidden_exempt=rules.limit("advertising", "exempt"),
        product_ids=brief.product_ids,
    )


def _content(snapshot: dict[str, Any]) -> NoteContent:
    return NoteContent(
        type=snapshot["type"],
        title=snapshot["title"],
        body=snapshot["body"],
        topics=snapshot["topics"],
        mentions=snapshot["mentions"],
        product_ids=[item["id"] for item in snapshot["products"]],
        disclosed=snapshot["flags"]["collaboration"],
    )


def brief_checks(
    session: Session,
    user: User,
    collaboration_id: uuid.UUID,
    *,
    round_: int | None,
    rules: RulesPack,
) -> list[BriefCheckPublic]:
    """The brief's checklist on round `round_`, or on the note as it is now (None).

    Raises:
        NotFound: `collaboration.round_not_found`; `collaboration.no_note` while there is none.
    """
    collab = get_collaboration(session, user, collaboration_id)
    if round_ is None:
        if collab.note_id is None:
            raise NotFound("collaboration.no_note")
        snapshot = note_snapshot(get_note(session, user, collab.note_id))
    else:
        submission = session.scalar(
            select(Submission).where(
                Submission.collaboration_id == collab.id, Submission.round == round_
            )
        )
        if submission is None:
            raise NotFound("collaboration.round_not_found", {"round": round_})
        snapshot = submission.snapshot
    checks = check_note(_demands(collab, rules), _content(snapshot), words)
    return [BriefCheckPublic(key=c.key, ok=c.ok, params=c.params) for c in checks]
