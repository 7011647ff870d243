"""Merging a draft with the server's copy after a conflict, field by field.

Two people changed the same note. With the copy both last agreed on (the base), a field only
one side changed merges by itself; a field both changed differently is the creator's call.
Photos move as one field with their edits and the note's kind, since a photo without its
edit, or a video edit on a photo note, is not what either person made. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from studio.drafts.journal import DraftFields


class Side(Enum):
    MINE = "mine"
    THEIRS = "theirs"


FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "body": ("body",),
    "media": ("media", "edits", "type"),
    "topics": ("topics",),
    "mentions": ("mentions",),
    "products": ("products",),
    "place": ("place",),
    "settings": ("visibility", "original", "ai_generated"),
}
"""What the creator chooses between, in the order the composer shows them. The planned time
is not here: it stays local until the creator schedules."""


def _values(fields: DraftFields, group: str) -> tuple[object, ...]:
    return tuple(getattr(fields, name) for name in FIELD_GROUPS[group])


@dataclass(frozen=True)
class FieldDifference:
    group: str
    mine_changed: bool
    theirs_changed: bool
    suggested: Side
    """Whichever side changed it; mine when both did (the creator is looking at theirs)."""

    @property
    def both_changed(self) -> bool:
        return self.mine_changed and self.theirs_changed


def differences(
    base: DraftFields | None, mine: DraftFields, theirs: DraftFields
) -> list[FieldDifference]:
    """The fields where mine and theirs differ. Without a base (an old journal) every
    difference counts as changed on both sides."""
    found = []
    for group in FIELD_GROUPS:
        if _values(mine, group) == _values(theirs, group):
            continue
        mine_changed = base is None or _values(mine, group) != _values(base, group)
        theirs_changed = base is None or _values(theirs, group) != _values(base, group)
        suggested = Side.THEIRS if theirs_changed and not mine_changed else Side.MINE
        found.append(FieldDifference(group, mine_changed, theirs_changed, suggested))
    return found


def merged(mine: DraftFields, theirs: DraftFields, choices: dict[str, Side]) -> DraftFields:
    """Mine, with each group chosen as theirs taken from theirs (unlisted groups stay mine)."""
    taken = {
        name: getattr(theirs, name)
        for group, side in choices.items()
        if side is Side.THEIRS
        for name in FIELD_GROUPS[group]
    }
    return replace(mine, **taken)
