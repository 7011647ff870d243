"""What the preview shows, worked out without Qt: the body with its topics and @mentions as
the platform lays them out, the cover's shape in the feed, and the carousel's counter.

The platform shows a note's topics as links after the body (as the publish package's caption
writes them) and its @mentions as links too; everything else is plain text. A cover keeps its
own shape in the feed within the image rules' ratios (3:4 … 4:3), cropped to the nearest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from publisher.domain.checks import parse_ratio


class RunKind(Enum):
    TEXT = "text"
    TOPIC = "topic"
    MENTION = "mention"


@dataclass(frozen=True)
class Run:
    """A stretch of the body as shown: plain text or one link."""

    text: str
    kind: RunKind = RunKind.TEXT


def body_runs(body: str, topics: Sequence[str], mentions: Sequence[str] = ()) -> tuple[Run, ...]:
    """The body as the note page shows it: the text, then a line of `#topic` and `@name`
    links, separated from the text by a blank line (nothing added when there are none)."""
    links = [Run(f"#{name}", RunKind.TOPIC) for name in topics if name]
    links += [Run(f"@{name}", RunKind.MENTION) for name in mentions if name]
    runs: list[Run] = []
    text = body.strip()
    if text:
        runs.append(Run(text))
    for index, link in enumerate(links):
        if index == 0 and text:
            runs.append(Run("\n"))
        elif index:
            runs.append(Run(" "))
        runs.append(link)
    return tuple(runs)


def ratio_bounds(allowed: Sequence[str]) -> tuple[float, float]:
    """The narrowest and widest width/height the rules allow (``["3:4", "1:1", "4:3"]`` gives
    0.75 and 1.333…); a square when the rules name none."""
    ratios = [parse_ratio(name) for name in allowed] or [1.0]
    return min(ratios), max(ratios)


def cover_aspect(width: int, height: int, bounds: tuple[float, float]) -> float:
    """The width/height a picture of `width` × `height` is shown at: its own, clamped to
    `bounds`; the narrowest (portrait) for a picture of no size, as a placeholder is drawn."""
    low, high = bounds
    if width <= 0 or height <= 0:
        return low
    return min(max(width / height, low), high)


def counter_text(index: int, count: int) -> str:
    """The carousel's "2/5"; empty for a note of one picture or none, as the platform does."""
    return f"{index + 1}/{count}" if count > 1 else ""
