"""Moving a note to another account: an MCN's staff planned it for one creator and give it to
another.

Only a draft or a scheduled note moves: a published note is already out under its account.
A brand collaboration's note belongs to the creator the brand chose and never moves. The
caller must be allowed to change notes of both accounts (403 otherwise). Linked products go
along only to an account that may link products.

A scheduled note keeps its time: what the user moves is a planned post, which still goes out
when planned, now from the other account (it is shown there in the calendar at once). Taking
it off the schedule instead would silently drop a post the user meant to keep; respacing the
other account's week is what bulk scheduling is for.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from publisher.bulk_schemas import NoteMove
from publisher.db.models import Note, User
from publisher.services import notes
from publisher.services.access import get_account
from publisher.services.errors import Invalid

MOVABLE_STATUSES = frozenset({"draft", "scheduled"})


def move_note(session: Session, user: User, note_id: uuid.UUID, data: NoteMove) -> Note:
    """Give the note, still at `data.version`, to `data.account_id`; a move to its own
    account changes nothing.

    Raises:
        NotFound: `note.not_found`, `account.not_found` (the target is not visible).
        Forbidden: `note.forbidden` / `account.forbidden` ({role}) for a role below editor.
        Conflict: `note.version_conflict` (stale `version`, with `current`).
        Invalid: `note.not_movable` ({status}), `note.collaboration_fixed`,
            `product.link_not_allowed` ({account_id}).
    """
    note = notes.note_at_version(session, user, note_id, data.version)
    if note.status not in MOVABLE_STATUSES:
        raise Invalid("note.not_movable", {"status": note.status})
    if note.collaboration_id is not None or note.collaboration:
        raise Invalid("note.collaboration_fixed")
    target = get_account(session, user, data.account_id, write=True)
    if target.id == note.account_id:
        return note
    if note.product_links and not target.can_link_products:
        raise Invalid("product.link_not_allowed", {"account_id": str(target.id)})
    with notes.note_compare_and_set(session, user, note_id):
        note.account_id = target.id
        note.updated_at = datetime.now(UTC)
    session.refresh(note)
    return note
