"""What a mutation changed, so screens refresh only what they show (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChangeSet:
    """Flags naming the kinds of data a mutation changed."""

    notes: bool = False
    media: bool = False
    accounts: bool = False
    schedule: bool = False

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            notes=self.notes or other.notes,
            media=self.media or other.media,
            accounts=self.accounts or other.accounts,
            schedule=self.schedule or other.schedule,
        )
