"""The near-duplicate check. Mixed into `StudioClient`."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from publisher.client.http import Transport
from publisher.near_duplicate_schemas import NearDuplicatesPublic, NoteNearDuplicatesPublic

CHECK_TIMEOUT = 30.0
"""Seconds to wait for a check: usually well under one, but the first check on a database from
before the feature fingerprints every scheduled and published photo once."""


class NearDuplicateCalls:
    transport: Transport

    def near_duplicates(self, note_ids: Sequence[uuid.UUID]) -> list[NoteNearDuplicatesPublic]:
        """For each note (in the order given), the visible notes it nearly duplicates: photos
        that look alike, or text that reads alike. Reads only; safe to repeat."""
        body = {"note_ids": [str(note_id) for note_id in note_ids]}
        response = self.transport.request(
            "POST", "/notes/near-duplicates", json=body, timeout=CHECK_TIMEOUT
        )
        return NearDuplicatesPublic.model_validate(response.json()).notes
