"""Pre-publish checks: every rule a note breaks, each with its level and parameters.

The server refuses to publish while a `block` violation stands and answers all of them at
once; the app shows the same list as it is typed. Violations carry codes and parameters,
never English text: the app translates them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from publisher.domain.rules import RulesPack
from publisher.domain.text import char_count, width_units

Level = Literal["warn", "block"]


@dataclass(frozen=True)
class Violation:
    """One broken rule: a stable `code` (e.g. ``title.too_wide``), its level and figures."""

    code: str
    level: Level
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class NoteFacts:
    """What the checks need to know about a note, independent of how it is stored."""

    type: str
    title: str
    body: str
    image_count: int
    video_count: int = 0


def title_limits(rules: RulesPack) -> tuple[int, int, int]:
    """(max width units, units per ASCII char, units per other char) from the pack."""
    title = rules.rules["title"]
    widths = title["unit_width"]
    return title["block_max_width_units"], widths["ascii"], widths["other"]


def title_width(title: str, rules: RulesPack) -> int:
    """The title's width in the pack's units."""
    _, ascii_w, other_w = title_limits(rules)
    return width_units(title, ascii_width=ascii_w, other_width=other_w)


def check_note(note: NoteFacts, rules: RulesPack) -> list[Violation]:
    """Every rule of the pack that `note` breaks, in a stable order."""
    found: list[Violation] = []
    max_units, _, _ = title_limits(rules)
    units = title_width(note.title, rules)
    if not note.title.strip():
        found.append(Violation("title.empty", "block"))
    elif units > max_units:
        found.append(Violation("title.too_wide", "block", {"units": units, "max": max_units}))

    body_max = rules.limit("body", "block_max_chars")
    chars = char_count(note.body)
    if chars > body_max:
        found.append(Violation("body.too_long", "block", {"chars": chars, "max": body_max}))

    if note.type == "image":
        low, high = rules.limit("images", "block_min"), rules.limit("images", "block_max")
        if note.image_count < low:
            found.append(
                Violation("images.too_few", "block", {"count": note.image_count, "min": low})
            )
        elif note.image_count > high:
            found.append(
                Violation("images.too_many", "block", {"count": note.image_count, "max": high})
            )
    elif note.type == "video":
        expected = rules.limit("video", "count")
        if note.video_count != expected:
            found.append(
                Violation("video.count", "block", {"count": note.video_count, "expected": expected})
            )
    return found


def blocking(violations: list[Violation]) -> list[Violation]:
    """The violations that refuse publishing."""
    return [v for v in violations if v.level == "block"]
