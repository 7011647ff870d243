"""Pydantic shapes of bulk work on notes: scheduling a batch across accounts with spacing
rules, and moving a note to another account.

Kept beside `publisher.schemas` (same conventions) so neither module grows past reading.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import datetime, time, timedelta
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, Field, model_validator

from publisher.domain.spacing import Period, SpacingRules
from publisher.schemas import NotePublic, ViolationPublic

MAX_BULK_NOTES = 500
"""A week of 20 accounts at three posts a day is 420."""
MAX_PERIOD = timedelta(days=31)


class NoteRef(BaseModel):
    """A note as the caller last saw it."""

    id: uuid.UUID
    version: int


class SpacingRulesIn(BaseModel):
    """`publisher.domain.spacing.SpacingRules` on the wire; times are the accounts' wall
    clock."""

    min_gap_minutes: int = Field(default=240, ge=0, le=24 * 60)
    max_per_day: int = Field(default=2, ge=1, le=24)
    window_start: time = time(8, 0)
    window_end: time = time(22, 0)
    max_offset_minutes: int = Field(default=9, ge=0, le=30)

    @model_validator(mode="after")
    def _hours_not_empty(self) -> SpacingRulesIn:
        if (self.window_end.hour, self.window_end.minute) <= (
            self.window_start.hour,
            self.window_start.minute,
        ):
            raise ValueError("the posting hours end before they start")
        return self

    def to_domain(self) -> SpacingRules:
        return SpacingRules(**self.model_dump())

    @classmethod
    def from_domain(cls, rules: SpacingRules) -> SpacingRulesIn:
        return cls(**asdict(rules))


class PeriodIn(BaseModel):
    start: AwareDatetime
    end: AwareDatetime

    @model_validator(mode="after")
    def _ordered(self) -> PeriodIn:
        if not self.start < self.end <= self.start + MAX_PERIOD:
            raise ValueError("the period must end after it starts, within 31 days")
        return self

    def to_domain(self) -> Period:
        return Period(self.start, self.end)


class BulkSchedule(BaseModel):
    """Schedule `notes` inside `period`, spaced by `rules`; `dry_run` only says when."""

    notes: list[NoteRef] = Field(min_length=1, max_length=MAX_BULK_NOTES)
    period: PeriodIn
    rules: SpacingRulesIn = Field(default_factory=SpacingRulesIn)
    dry_run: bool = False

    @model_validator(mode="after")
    def _each_note_once(self) -> BulkSchedule:
        if len({ref.id for ref in self.notes}) != len(self.notes):
            raise ValueError("a note is listed twice")
        return self


BulkOutcome = Literal["scheduled", "planned", "unplaced", "failed"]
"""scheduled: done; planned: the time a dry run found; unplaced: the period has no room for
it under the rules; failed: refused (see `error`)."""


class BulkError(BaseModel):
    """Why one note of a batch was not scheduled: a stable code and its params, as any error."""

    code: str
    params: dict[str, Any] = Field(default_factory=dict)
    violations: list[ViolationPublic] | None = None


class BulkScheduleItem(BaseModel):
    note_id: uuid.UUID
    account_id: uuid.UUID | None = None
    """None when the note cannot be seen."""
    outcome: BulkOutcome
    at: datetime | None = None
    note: NotePublic | None = None
    """The note as scheduled (its new version), for a caller to carry on from."""
    error: BulkError | None = None


class BulkSchedulePublic(BaseModel):
    period: PeriodIn | None
    """The part of the asked period that could be booked (the platform schedules 1 hour to
    14 days ahead); None when none of it can."""
    items: list[BulkScheduleItem]
    """One per note, in the order asked."""


class NoteMove(BaseModel):
    """Move a note, decided on `version`, to another account the caller may write."""

    account_id: uuid.UUID
    version: int
