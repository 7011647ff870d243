"""Notes from draft to published: compare-and-set edits and the rules pack on publish."""

from __future__ import annotations

import uuid
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from publisher.db.models import Note, NoteMedia, User
from publisher.domain.checks import blocking
from publisher.domain.rules import RulesPack
from publisher.schemas import NoteCreate, NoteMediaIn, NotePublic, NoteUpdate
from publisher.services import collaboration_notes
from publisher.services.access import get_account, get_note, visible_account_ids
from publisher.services.checklist import note_violations
from publisher.services.errors import Conflict, Invalid
from publisher.services.like import LIKE_ESCAPE, like_escaped
from publisher.services.links import replace_ordered
from publisher.services.media import is_video, uploaded_mimes
from publisher.services.note_fields import set_composer_fields
from publisher.services.places import get_place
from publisher.services.recipes import media_recipe
from publisher.services.template_docs import composition_photos, media_composition
from publisher.services.versioning import compare_and_set, version_conflict
from publisher.services.video_edits import media_video_edit

EDITABLE_STATUSES = frozenset({"draft", "scheduled", "held", "published"})
PUBLISHABLE_STATUSES = frozenset({"draft", "scheduled", "held"})


def list_notes(
    session: Session,
    user: User,
    *,
    account_id: uuid.UUID | None,
    status: str | None,
    query: str | None,
    offset: int,
    limit: int,
) -> tuple[list[Note], int]:
    conditions: list[ColumnElement[bool]] = [Note.account_id.in_(visible_account_ids(user))]
    if account_id is not None:
        conditions.append(Note.account_id == account_id)
    if status is not None:
        conditions.append(Note.status == status)
    if query:
        pattern = f"%{like_escaped(query.strip())}%"
        conditions.append(
            or_(
                Note.title.ilike(pattern, escape=LIKE_ESCAPE),
                Note.body.ilike(pattern, escape=LIKE_ESCAPE),
            )
        )
    total = session.scalar(select(func.count()).select_from(Note).where(*conditions)) or 0
    rows = session.scalars(
        select(Note)
        .where(*conditions)
        .order_by(Note.updated_at.desc(), Note.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), total


def _named_media(media: list[NoteMediaIn], compositions: list[dict | None]) -> set[str]:
    """Originals, their renders and the photos of their compositions: files the caller must
    have uploaded."""
    named = {item.sha256 for item in media}
    named.update(item.rendered_sha256 for item in media if item.rendered_sha256)
    for composition in compositions:
        named.update(composition_photos(composition))
    return named


def _medium_recipe(
    session: Session, user: User, item: NoteMediaIn, mime: str, index: int
) -> dict | None:
    """The stored edit of a medium: a video edit for a video original, else a photo recipe."""
    if is_video(mime):
        return media_video_edit(session, user, item.recipe, index=index)
    return media_recipe(item.recipe, index=index)


def _set_media(session: Session, user: User, note: Note, media: list[NoteMediaIn]) -> None:
    compositions = [media_composition(item.composition, index=i) for i, item in enumerate(media)]
    mimes = uploaded_mimes(session, user, _named_media(media, compositions))
    recipes = [
        _medium_recipe(session, user, item, mimes[item.sha256], index)
        for index, item in enumerate(media)
    ]
    replace_ordered(
        session,
        note.media,
        (
            NoteMedia(
                position=index,
                sha256=item.sha256,
                recipe=recipe,
                rendered_sha256=item.rendered_sha256,
                composition=composition,
            )
            for index, (item, recipe, composition) in enumerate(
                zip(media, recipes, compositions, strict=True)
            )
        ),
    )


def create_note(
    session: Session, user: User, data: NoteCreate, *, rules: RulesPack | None = None
) -> Note:
    """A draft; `rules` (the server's pack) bounds how many topics it may hold."""
    get_account(session, user, data.account_id, write=True)
    note = Note(
        account_id=data.account_id,
        type=data.type,
        title=data.title,
        body=data.body,
        status="draft",
        created_by=user.id,
    )
    session.add(note)
    session.flush()
    if data.place_id:
        _set_place(session, user, note, data.place_id)
    set_composer_fields(session, user, note, data, rules=rules)
    if data.media:
        _set_media(session, user, note, data.media)
    session.commit()
    session.refresh(note)
    return note


def _stale(note: Note) -> Conflict:
    return version_conflict("note", note, NotePublic)


def note_at_version(session: Session, user: User, note_id: uuid.UUID, version: int | None) -> Note:
    """The note about to be changed: the caller may change it (`note.forbidden`, 403, for a
    member who may only see it) and it is still at `version` (None: any version)."""
    note = get_note(session, user, note_id, write=True)
    if version is not None and note.version != version:
        raise _stale(note)
    return note


def note_compare_and_set(
    session: Session, user: User, note_id: uuid.UUID
) -> AbstractContextManager[None]:
    """Guard a note's writes and their commit: a lost race is `note.version_conflict` (409)
    carrying the winner's note. Used by every service that changes a note row."""
    return compare_and_set(session, lambda: _stale(get_note(session, user, note_id)))


def _set_place(session: Session, user: User, note: Note, place_id: str | None) -> None:
    """Tag the note with a place the caller can see, keeping a snapshot of it."""
    place = get_place(session, user, place_id) if place_id else None
    note.place_id = place.id if place else None
    note.place = place.model_dump(mode="json") if place else None


def update_note(
    session: Session,
    user: User,
    note_id: uuid.UUID,
    data: NoteUpdate,
    *,
    reschedule_to: datetime | None = None,
    rules: RulesPack | None = None,
) -> Note:
    """Apply a partial update; `reschedule_to` is a new time the scheduling service checked."""
    note = note_at_version(session, user, note_id, data.version)
    if note.status not in EDITABLE_STATUSES:
        raise Invalid("note.not_editable", {"status": note.status})
    if data.type is not None and data.type != note.type and note.status != "draft":
        raise Invalid("note.type_fixed", {"status": note.status})
    with note_compare_and_set(session, user, note_id):
        if data.type is not None:
            note.type = data.type
        if data.title is not None:
            note.title = data.title
        if data.body is not None:
            note.body = data.body
        if "place_id" in data.model_fields_set:
            _set_place(session, user, note, data.place_id)
        if reschedule_to is not None:
            note.scheduled_at = reschedule_to
            note.scheduled_by = user.id
        # Touching updated_at makes even a media-only change an UPDATE of the note row, so the
        # version check guards it too. It is set before the media flush so the row is written
        # (and its version bumped) exactly once.
        note.updated_at = datetime.now(UTC)
        set_composer_fields(session, user, note, data, rules=rules)
        if data.media is not None:
            _set_media(session, user, note, data.media)
        session.flush()
        session.refresh(note)
        collaboration_notes.note_changed(session, note, user.id)
    session.refresh(note)
    return note


def delete_note(session: Session, user: User, note_id: uuid.UUID, *, version: int) -> None:
    """Raises: Invalid `note.protected` ({until}) inside a collaboration's protection period."""
    note = note_at_version(session, user, note_id, version)
    collaboration_notes.require_removable(note)
    with note_compare_and_set(session, user, note_id):
        session.delete(note)


def publish_note(
    session: Session, user: User, note_id: uuid.UUID, *, version: int | None, rules: RulesPack
) -> Note:
    """Publish now, recording the human who confirmed it.

    Raises:
        Conflict: `version` is given and stale.
        Invalid: the note is not a draft or scheduled (`note.not_publishable`), or it breaks
            rules (`note.rules_violated`, with every violation, warnings included).
    """
    note = note_at_version(session, user, note_id, version)
    if note.status not in PUBLISHABLE_STATUSES:
        raise Invalid("note.not_publishable", {"status": note.status})
    violations = note_violations(session, note, rules=rules, now=datetime.now(UTC))
    if blocking(violations):
        raise Invalid(
            "note.rules_violated",
            {"count": len(blocking(violations))},
            violations=[v.to_dict() for v in violations],
        )
    collaboration_notes.require_publishable(session, note)
    now = datetime.now(UTC)
    with note_compare_and_set(session, user, note_id):
        note.status = "published"
        note.published_at = now
        note.published_by = user.id
        note.scheduled_at = None
        collaboration_notes.note_published(session, note.id, user.id, now)
    session.refresh(note)
    return note


def archive_note(session: Session, user: User, note_id: uuid.UUID, *, version: int) -> Note:
    note = note_at_version(session, user, note_id, version)
    collaboration_notes.require_removable(note)
    with note_compare_and_set(session, user, note_id):
        note.status = "archived"
    session.refresh(note)
    return note
