"""Typed calls of bulk work on notes: scheduling a batch across accounts, moving a note to
another account, and the keyed calls an import repeats safely. Mixed into `StudioClient`."""

from __future__ import annotations

import uuid
from datetime import datetime

from publisher.bulk_schemas import (
    BulkSchedule,
    BulkSchedulePublic,
    NoteMove,
    NoteRef,
    PeriodIn,
    SpacingRulesIn,
)
from publisher.client.http import Transport, replayed
from publisher.domain.changes import ChangeSet
from publisher.schemas import NoteCreate, NotePublic, NoteSchedule

BULK_SCHEDULED = ChangeSet(notes=True, schedule=True)


class BulkCalls:
    transport: Transport

    def schedule_in_bulk(
        self,
        notes: list[NoteRef],
        *,
        start: datetime,
        end: datetime,
        rules: SpacingRulesIn | None = None,
        dry_run: bool = False,
    ) -> tuple[BulkSchedulePublic, ChangeSet]:
        """Space `notes` between the aware times `start` and `end` and schedule each (or, with
        `dry_run`, only say when). One refused note does not stop the others: each item of
        the answer says what became of its note."""
        body = BulkSchedule(
            notes=notes,
            period=PeriodIn(start=start, end=end),
            rules=rules or SpacingRulesIn(),
            dry_run=dry_run,
        )
        response = self.transport.request(
            "POST", "/notes/bulk/schedule", json=body.model_dump(mode="json")
        )
        changes = ChangeSet() if dry_run else BULK_SCHEDULED
        return BulkSchedulePublic.model_validate(response.json()), changes

    def move_note(
        self, note_id: uuid.UUID, *, account_id: uuid.UUID, version: int
    ) -> tuple[NotePublic, ChangeSet]:
        """Give a draft or scheduled note to another account (a scheduled one keeps its time).

        Raises:
            ValidationError: `note.not_movable`, `note.collaboration_fixed`,
                `product.link_not_allowed`.
            ForbiddenError: `note.forbidden`, `account.forbidden`.
            ConflictError: the note changed since `version`.
        """
        body = NoteMove(account_id=account_id, version=version).model_dump(mode="json")
        response = self.transport.request("POST", f"/notes/{note_id}/move", json=body)
        return NotePublic.model_validate(response.json()), BULK_SCHEDULED

    def create_note_once(self, data: NoteCreate, *, key: str) -> tuple[NotePublic, bool]:
        """Create a draft under an idempotency key the caller derives from what it imports;
        also says whether the key was used before (the note already existed: nothing new)."""
        response = self.transport.request(
            "POST", "/notes", json=data.model_dump(mode="json"), idempotency_key=key
        )
        return NotePublic.model_validate(response.json()), replayed(response)

    def schedule_note_once(
        self, note_id: uuid.UUID, *, at: datetime, version: int, key: str
    ) -> tuple[NotePublic, bool]:
        """Schedule under an idempotency key, as `create_note_once` creates."""
        body = NoteSchedule(at=at, version=version).model_dump(mode="json")
        response = self.transport.request(
            "POST", f"/notes/{note_id}/schedule", json=body, idempotency_key=key
        )
        return NotePublic.model_validate(response.json()), replayed(response)
