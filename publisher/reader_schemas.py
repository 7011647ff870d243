"""Pydantic shapes of readers' comments as a note's authors moderate them in the studio.

Readers write comments on the backend's public note pages; those carrying a forbidden word or
a link are held for the note's authors, who approve or remove them here.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from publisher.schemas import Page, _Public

ReaderCommentStatus = Literal["visible", "held", "removed"]
ReaderCommentFilter = Literal["held", "visible", "all"]
HeldReason = Literal["words", "link"]


class ReaderCommentPublic(_Public):
    id: uuid.UUID
    note_id: uuid.UUID
    name: str
    """The name the reader gave (or the page's stand-in for an anonymous reader)."""
    body: str
    status: ReaderCommentStatus
    held_reason: HeldReason | None = None
    """Why it waits: a forbidden word, or a link."""
    created_at: datetime


class ReaderCommentPage(Page[ReaderCommentPublic]):
    """A page of a note's comments, newest first, with what the studio needs around it."""

    counts: dict[ReaderCommentStatus, int] = Field(default_factory=dict)
    """Every comment of the note by status, whatever the filter."""
    may_moderate: bool = False
    """Whether the caller may approve and remove them (editors and above of the account)."""


class HeldCommentsCount(BaseModel):
    held: int
    """Held comments waiting on the notes the caller may moderate."""
