"""Typed calls of readers' comments as a note's authors moderate them. Mixed into
`StudioClient`."""

from __future__ import annotations

import uuid

from publisher.client.http import Transport
from publisher.domain.changes import ChangeSet
from publisher.reader_schemas import (
    HeldCommentsCount,
    ReaderCommentFilter,
    ReaderCommentPage,
    ReaderCommentPublic,
)

COMMENTS_CHANGED = ChangeSet()
"""No screen lists readers' comments but the one that moderates them, which reloads itself."""


class ReaderCommentsCalls:
    transport: Transport

    def reader_comments(
        self,
        note_id: uuid.UUID,
        *,
        status: ReaderCommentFilter = "all",
        offset: int = 0,
        limit: int = 50,
    ) -> ReaderCommentPage:
        """A note's readers' comments, newest first, with its counts by status."""
        params = {"status": status, "offset": offset, "limit": limit}
        data = self.transport.request("GET", f"/notes/{note_id}/comments", params=params).json()
        return ReaderCommentPage.model_validate(data)

    def approve_reader_comment(
        self, comment_id: uuid.UUID
    ) -> tuple[ReaderCommentPublic, ChangeSet]:
        """Show a held comment on the note's page (it counts from then on)."""
        response = self.transport.request("POST", f"/comments/{comment_id}/approve")
        return ReaderCommentPublic.model_validate(response.json()), COMMENTS_CHANGED

    def remove_reader_comment(self, comment_id: uuid.UUID) -> tuple[ReaderCommentPublic, ChangeSet]:
        response = self.transport.request("POST", f"/comments/{comment_id}/remove")
        return ReaderCommentPublic.model_validate(response.json()), COMMENTS_CHANGED

    def held_reader_comments(self) -> int:
        """How many held comments wait on the notes the caller may moderate."""
        data = self.transport.request("GET", "/notes/held-comments/count").json()
        return HeldCommentsCount.model_validate(data).held
