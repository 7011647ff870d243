"""What the creator's view of one collaboration shows, fetched together in one worker, and
how the brand's review comments are grouped there. No widgets here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QImage

from publisher.brief_schemas import (
    BriefCheckPublic,
    CollaborationPublic,
    CommentPublic,
    SubmissionPublic,
)
from studio.thumbnails import decode_thumbnail

if TYPE_CHECKING:
    from publisher.client import StudioClient

PHOTO_SIZE = 512
"""The thumbnail size a commented photo is fetched at: sharp in its 240×320 frame on HiDPI."""


def review_comments(collab: CollaborationPublic, comments: Sequence[CommentPublic]) -> list:
    """The brand's comments on the round under review: what the creator works through."""
    return [c for c in comments if c.side == "brand" and collab.round and c.round == collab.round]


def group_key(comment: CommentPublic) -> tuple[str, Any]:
    """Where a comment points, as the panel groups them: the whole note, a field, a photo."""
    if comment.target in ("image", "region"):
        return ("photo", comment.position)
    if comment.target == "field":
        return ("field", comment.field)
    return ("note", None)


def grouped(comments: Sequence[CommentPublic]) -> list[tuple[tuple[str, Any], list]]:
    """Comments by `group_key`: the whole note first, then fields, then photos in order."""
    groups: dict[tuple[str, Any], list[CommentPublic]] = {}
    for comment in comments:
        groups.setdefault(group_key(comment), []).append(comment)
    order = {"note": 0, "field": 1, "photo": 2}
    return sorted(groups.items(), key=lambda item: (order[item[0][0]], str(item[0][1])))


def photos_of_round(submissions: Sequence[SubmissionPublic], round_: int) -> dict[int, str]:
    """Position → sha256 of the photos the brand saw in `round_`."""
    for submission in submissions:
        if submission.round == round_:
            media = submission.snapshot.get("media", [])
            return {int(item["position"]): str(item["sha256"]) for item in media}
    return {}


@dataclass
class Loaded:
    """Everything the panel shows, fetched together in one worker."""

    collab: CollaborationPublic
    comments: list[CommentPublic]
    checks: list[BriefCheckPublic]
    photos: dict[int, QImage] = field(default_factory=dict)


def load(client: StudioClient, collaboration_id: uuid.UUID) -> Loaded:
    collab = client.get_collaboration(collaboration_id)
    comments = client.comments(collaboration_id)
    checks = client.brief_checks(collaboration_id) if collab.note_id else []
    media = (
        photos_of_round(client.submissions(collaboration_id), collab.round) if collab.round else {}
    )
    positions = {c.position for c in review_comments(collab, comments) if c.position is not None}
    photos = {
        position: decode_thumbnail(client.thumbnail(media[position], PHOTO_SIZE))
        for position in sorted(positions)
        if position in media
    }
    return Loaded(collab, comments, checks, photos)
