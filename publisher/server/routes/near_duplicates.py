"""The near-duplicate check: which visible notes the given notes are too much like."""

from __future__ import annotations

from fastapi import APIRouter

from publisher.near_duplicate_schemas import NearDuplicatesPublic, NearDuplicatesQuery
from publisher.server.deps import CurrentUser, SessionDep, StateDep
from publisher.services import near_duplicates

router = APIRouter(tags=["notes"])


@router.post("/notes/near-duplicates", response_model=NearDuplicatesPublic)
def find_near_duplicates(
    data: NearDuplicatesQuery, user: CurrentUser, session: SessionDep, state: StateDep
):
    """For each note, the scheduled, held and published notes of every account the caller
    sees (and the other notes asked about) whose photos or text it nearly repeats. Changes
    nothing but the cache of fingerprints, so it may be asked again freely."""
    found = near_duplicates.find(session, user, state.store, data.note_ids)
    return {"notes": found}
