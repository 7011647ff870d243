"""The brand's review of a collaboration note as the composer and the photo editor show it:
the collaboration, the brand's comments on the round under review, and the round's photos
they point at.

`NoteReviewSource` fetches it off the UI thread for the note in the composer, again whenever
collaborations or notes change, and carries out the creator's answers to it (resolving a
comment, submitting the note); what may be done is what the backend answers in
`CollaborationPublic.actions`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from publisher.brief_schemas import CollaborationPublic, CommentPublic
from studio.collab.collaboration_state import PHOTO_SIZE, photos_of_round, review_comments
from studio.collab.comment_marks import Mark, photo_numbers, region_marks
from studio.drafts.journal import DraftFields
from studio.ops import Mutation
from studio.quiet_read import quiet_read
from studio.thumbnails import decode_thumbnail

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from publisher.domain.changes import ChangeSet
    from studio.context import AppContext

SCHEDULABLE = ("approved", "scheduled")
"""Collaboration states in which the note may be scheduled or published (as approved)."""


@dataclass(frozen=True)
class NoteReview:
    """One fetch of a collaboration note's review."""

    collab: CollaborationPublic
    comments: tuple[CommentPublic, ...]
    """The brand's comments on the round under review, oldest first."""
    submitted: dict[int, str] = field(default_factory=dict)
    """Position → sha256 of the photos the brand saw in that round."""
    photos: dict[int, QImage] = field(default_factory=dict)
    """The round's commented photos, by position."""

    @property
    def may_resolve(self) -> bool:
        """Comments are answered while the note may be (re)submitted."""
        return "submit" in self.collab.actions

    @property
    def open_count(self) -> int:
        return sum(1 for comment in self.comments if comment.resolved_at is None)

    @property
    def schedulable(self) -> bool:
        return self.collab.state in SCHEDULABLE

    def on_note(self) -> list[CommentPublic]:
        return [c for c in self.comments if c.target == "note"]

    def on_field(self, name: str) -> list[CommentPublic]:
        return [c for c in self.comments if c.target == "field" and c.field == name]

    def on_photo(self, position: int) -> list[CommentPublic]:
        return [
            c for c in self.comments if c.target in ("image", "region") and c.position == position
        ]

    def photo_positions(self) -> list[int]:
        return sorted(
            {c.position for c in self.comments if c.position is not None and c.target != "field"}
        )

    def numbers(self, position: int) -> dict[uuid.UUID, int]:
        """The region comments of a photo numbered 1, 2… as the collaboration view numbers
        them, so the badge on the photo and the one beside the text agree."""
        return photo_numbers(self.on_photo(position))

    def marks(self, position: int) -> list[Mark]:
        """The photo's region comments as boxes to draw."""
        return region_marks(self.on_photo(position), self.numbers(position))

    def position_of(self, fields: DraftFields, sha256: str) -> int | None:
        """Which submitted photo the note's photo `sha256` is: the same file (or its export)
        wherever it moved to, else the photo now at the submitted one's place unless that one
        is elsewhere in the note."""
        matched = {
            row: self._submitted_position(fields, sha) for row, sha in enumerate(fields.media)
        }
        row = fields.media.index(sha256) if sha256 in fields.media else -1
        if matched.get(row) is not None:
            return matched[row]
        if row in self.submitted and row not in matched.values():
            return row
        return None

    def _submitted_position(self, fields: DraftFields, sha256: str) -> int | None:
        edit = fields.edit_of(sha256)
        files = {sha256, edit.rendered_sha256 if edit else None}
        return next((p for p, sha in self.submitted.items() if sha in files), None)


def load_review(
    client: StudioClient, collaboration_id: uuid.UUID, known: NoteReview | None = None
) -> NoteReview:
    """On a worker: the collaboration, its current round's brand comments and photos (a
    photo `known` already shows is not fetched again: a round's files never change)."""
    collab = client.get_collaboration(collaboration_id)
    comments = review_comments(collab, client.comments(collaboration_id))
    submitted = (
        photos_of_round(client.submissions(collaboration_id), collab.round) if comments else {}
    )
    have = {known.submitted[p]: image for p, image in known.photos.items()} if known else {}
    photos = {}
    for position in sorted({c.position for c in comments if c.position is not None}):
        sha = submitted.get(position)
        if sha is not None:
            photos[position] = have.get(sha) or decode_thumbnail(client.thumbnail(sha, PHOTO_SIZE))
    return NoteReview(collab, tuple(comments), submitted, photos)


class NoteReviewSource(QObject):
    """The review of the collaboration the composer's note belongs to (None: no such note)."""

    changed = Signal(object)
    """The newest `NoteReview`, or None when the note is not a collaboration's."""
    failed = Signal(object)
    """A resolve or submit the backend refused (the error)."""
    submitted = Signal(object)
    """The `CollaborationPublic` after a submit went through."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._collaboration_id: uuid.UUID | None = None
        self.review: NoteReview | None = None
        ctx.events.changed.connect(self._on_changed)

    def follow(self, collaboration_id: str | None) -> None:
        wanted = uuid.UUID(collaboration_id) if collaboration_id else None
        if wanted == self._collaboration_id:
            return
        self._collaboration_id = wanted
        self.review = None
        self.changed.emit(None)
        self.reload()

    def reload(self) -> None:
        collaboration_id = self._collaboration_id
        if collaboration_id is None:
            return
        known = self.review
        quiet_read(
            self._ctx,
            self,
            lambda client: load_review(client, collaboration_id, known),
            self._on_loaded,
        )

    def resolve(self, comment: CommentPublic, resolved: bool) -> None:
        collaboration_id = self._collaboration_id
        if collaboration_id is None:
            return
        self._mutate(
            lambda client: client.resolve_comment(
                collaboration_id, comment.id, version=comment.version, resolved=resolved
            ),
            lambda _comment: None,
        )

    def submit(self) -> None:
        """Submit the note as the backend has it now (the caller saved it first)."""
        collaboration_id = self._collaboration_id
        if collaboration_id is None:
            return

        def op(client: StudioClient) -> tuple[CollaborationPublic, ChangeSet]:
            # Our own save of the note may have moved the collaboration on (an approved note
            # changed starts a new round): submit on its version as it is now.
            current = client.get_collaboration(collaboration_id)
            return client.submit(collaboration_id, version=current.version)

        self._mutate(op, self.submitted.emit)

    def _mutate(self, op: Callable[[StudioClient], Any], then: Callable[[Any], None]) -> None:
        def done(result: object) -> None:
            then(result)
            self.reload()

        def failed(error: BaseException) -> None:
            self.failed.emit(error)
            self.reload()

        Mutation(self._ctx, parent=self, op=op).success(done).failure(failed).run()

    def _on_loaded(self, review: NoteReview) -> None:
        if review.collab.id == self._collaboration_id:
            self.review = review
            self.changed.emit(review)

    def _on_changed(self, changes: ChangeSet, initiator: object) -> None:
        # Our own mutations reload when they answer. A saved note matters only where a
        # change can move the collaboration: an approved note changed starts a new round.
        review = self.review
        note_moves_it = changes.notes and (review is None or review.schedulable)
        if initiator is not self and (changes.collaborations or note_moves_it):
            self.reload()
