"""What the review screen shows of one collaboration, loaded in one go, and what a new comment
is about. No widgets here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from publisher.brief_schemas import (
    BriefCheckPublic,
    CollaborationPublic,
    CommentPublic,
    SubmissionPublic,
)
from studio.collab.comment_marks import Mark, region_marks
from studio.collab.round_diff import RoundDiff, diff_rounds

if TYPE_CHECKING:
    from publisher.client import StudioClient


def round_media(submission: SubmissionPublic | None) -> list[dict[str, Any]]:
    """A submitted round's photos in their order; none for no round."""
    media = (submission.snapshot.get("media") or []) if submission else []
    return sorted(media, key=lambda medium: medium["position"])


def region_numbers(comments: list[CommentPublic]) -> dict[uuid.UUID, int]:
    """Each region comment's number, counted per round and photo in the order written: the
    creator's screens number a photo's boxes the same way (`comment_marks.photo_numbers`)."""
    numbers: dict[uuid.UUID, int] = {}
    counts: dict[tuple[int, int | None], int] = {}
    for comment in comments:
        if comment.target == "region":
            key = (comment.round, comment.position)
            counts[key] = counts.get(key, 0) + 1
            numbers[comment.id] = counts[key]
    return numbers


@dataclass(frozen=True)
class ReviewState:
    """Everything one review screen shows, loaded in one go."""

    collaboration: CollaborationPublic
    submissions: list[SubmissionPublic]
    checks: list[BriefCheckPublic]
    comments: list[CommentPublic]

    def submission(self, round_: int) -> SubmissionPublic | None:
        return next((s for s in self.submissions if s.round == round_), None)

    @property
    def current(self) -> SubmissionPublic | None:
        return self.submission(self.collaboration.round)

    @property
    def previous(self) -> SubmissionPublic | None:
        return self.submission(self.collaboration.round - 1)

    @property
    def diff(self) -> RoundDiff | None:
        """What changed since the previous round; None for the first."""
        current, previous = self.current, self.previous
        if current is None or previous is None:
            return None
        return diff_rounds(previous.snapshot, current.snapshot)

    @property
    def commented(self) -> bool:
        """The brand said something on this round that is still open: what the server asks
        of a request for changes."""
        return any(
            c.side == "brand" and c.round == self.collaboration.round and c.resolved_at is None
            for c in self.comments
        )

    def product_names(self) -> dict[str, str]:
        """The brief's products' names by id, for the checklist."""
        return {str(p.id): p.name for p in self.collaboration.brief.products}

    def marks(self, position: int) -> list[Mark]:
        """The current round's region comments on the photo at `position`."""
        on_photo = [
            c
            for c in self.comments
            if c.target == "region"
            and c.round == self.collaboration.round
            and c.position == position
        ]
        return region_marks(on_photo, region_numbers(self.comments))


def load_review(client: StudioClient, collaboration_id: uuid.UUID) -> ReviewState:
    collaboration = client.get_collaboration(collaboration_id)
    checks = (
        client.brief_checks(collaboration_id, round_=collaboration.round)
        if collaboration.round
        else []
    )
    return ReviewState(
        collaboration,
        client.submissions(collaboration_id),
        checks,
        client.comments(collaboration_id),
    )


@dataclass(frozen=True)
class Target:
    """What a new comment is about, as `add_comment` takes it."""

    target: str
    field: str | None = None
    position: int | None = None
