"""What the bulk schedule dialog plans with, Qt-free: the selected notes as the spacing
function takes them, the posts their accounts already have, and the period the dialog's days
stand for. The preview and the backend run the same `plan_slots`, so what is shown is what is
scheduled (give or take a post added elsewhere meanwhile)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta

from publisher.bulk_schemas import NoteRef
from publisher.domain.rules import RulesPack
from publisher.domain.spacing import (
    Occupied,
    Period,
    PlannedNote,
    SpacingPlan,
    SpacingRules,
    bookable_period,
    plan_slots,
)
from publisher.domain.timezones import DEFAULT_TIMEZONE, zone
from publisher.schemas import NotePublic

SCHEDULABLE = frozenset({"draft", "scheduled", "held"})
OCCUPYING = frozenset({"scheduled", "held"})


def schedulable(notes: Iterable[NotePublic]) -> list[NotePublic]:
    """The notes a schedule can take: drafts, and scheduled or held ones (rescheduled)."""
    return [note for note in notes if note.status in SCHEDULABLE]


def planned_notes(
    notes: Iterable[NotePublic], timezone_of: Callable[[str], str]
) -> list[PlannedNote]:
    return [
        PlannedNote(str(note.id), str(note.account_id), timezone_of(str(note.account_id)))
        for note in notes
    ]


def occupied_posts(posts: Iterable[NotePublic], batch: Iterable[NotePublic]) -> list[Occupied]:
    """The accounts' posts outside the batch: scheduled ones at their time, published ones at
    theirs. A note of the batch that is scheduled now is about to move, so it occupies
    nothing."""
    moving = {note.id for note in batch}
    found = []
    for post in posts:
        at = post.scheduled_at if post.status in OCCUPYING else post.published_at
        if post.id not in moving and at is not None:
            found.append(Occupied(str(post.account_id), at))
    return found


def period_of(first: date, last: date) -> Period:
    """From the start of `first` to the end of `last`, in platform time (the dialog's days);
    each account still posts in its own hours."""
    tz = zone(DEFAULT_TIMEZONE)
    start = datetime.combine(first, time(0), tzinfo=tz)
    return Period(start, datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz))


def preview(
    notes: list[PlannedNote],
    period: Period,
    rules: SpacingRules,
    occupied: list[Occupied],
    pack: RulesPack,
    now: datetime,
) -> SpacingPlan:
    """The plan the backend would make now."""
    return plan_slots(notes, bookable_period(period, pack, now), rules, occupied)


def note_refs(notes: Iterable[NotePublic]) -> list[NoteRef]:
    return [NoteRef(id=note.id, version=note.version) for note in notes]
