"""What a mutation changed, so screens refresh only what they show (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class ChangeSet:
    """Flags naming the kinds of data a mutation changed."""

    notes: bool = False
    media: bool = False
    accounts: bool = False
    schedule: bool = False
    presets: bool = False
    looks: bool = False
    """The user's imported LUTs (the looks a recipe may name)."""
    brand_kits: bool = False
    """An organization's brand kit (colours, font, logo that templates and watermarks use)."""
    templates: bool = False
    """The user's own cover templates."""
    briefs: bool = False
    collaborations: bool = False
    """A collaboration's state, note, rounds or comments."""
    storefronts: bool = False
    """A storefront or its products."""
    teams: bool = False
    """Organizations' members, invitations, or accounts granted to an MCN."""

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            **{
                flag.name: getattr(self, flag.name) or getattr(other, flag.name)
                for flag in fields(self)
            }
        )
