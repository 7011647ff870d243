"""Pydantic shapes of the near-duplicate check: which notes to check, and what each one is
too much like. Same conventions as `publisher.schemas`."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from publisher.schemas import NoteStatus, _Public

MAX_CHECKED_NOTES = 200
"""Notes one check may name: a week of bulk scheduling across 20 accounts, with room."""

MatchKind = Literal["image", "text", "both"]


class NearDuplicatesQuery(BaseModel):
    note_ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_CHECKED_NOTES)


class PhotoMatchPublic(_Public):
    position: int
    """The checked note's photo (or video), from 0."""
    other_position: int
    """The other note's photo (or video) it looks like, from 0."""
    other_sha256: str
    """The other note's original at that position, for a thumbnail."""
    distance: int
    """Bits of 64 in which their perceptual hashes differ: 0 is the same picture."""


class NearDuplicatePublic(_Public):
    note_id: uuid.UUID
    account_id: uuid.UUID
    account_nickname: str
    account_timezone: str
    """Its times are shown in it."""
    title: str
    status: NoteStatus
    scheduled_at: datetime | None
    published_at: datetime | None
    kind: MatchKind
    score: float
    """0..1, the larger of `text_score` and the share of photos that match."""
    text_score: float | None
    """How alike the texts are, 0..1, when that is why they match."""
    photos: list[PhotoMatchPublic]


class NoteNearDuplicatesPublic(_Public):
    note_id: uuid.UUID
    matches: list[NearDuplicatePublic]
    """Most alike first."""


class NearDuplicatesPublic(_Public):
    notes: list[NoteNearDuplicatesPublic]
    """In the order the notes were asked for."""
