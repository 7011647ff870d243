"""What changed between two rounds of a collaboration note, worked out without Qt.

Text is compared per user-perceived character, so Chinese (which has no spaces to split words
at) shows exactly the characters that changed; a run of Latin letters or digits is one token,
so an edited English word reads as a whole word replaced rather than a jumble of letters.
Lists (topics, mentions, products) are compared as sets of names, the photos by position.
Long unchanged stretches are shortened to their ends, so a one-word change in a long body is
found at a glance.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

import regex

from publisher.domain.text import graphemes

_WORD = regex.compile(r"[A-Za-z0-9]+|\X")
"""A token: a run of ASCII letters and digits, or one grapheme (a CJK character, an emoji…)."""
ELLIPSIS = "…"
CONTEXT = 40
"""Characters of unchanged text kept on each side of a change; the rest becomes "…"."""

INSERT_STYLE = "background:#DDF5E6; color:#136C3A; text-decoration:none;"
DELETE_STYLE = "background:#FFE1E6; color:#B3122E; text-decoration:line-through;"

TEXT_FIELDS = ("title", "body", "place")
LIST_FIELDS = ("topics", "mentions", "products")


class SpanKind(Enum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Span:
    """A stretch of the compared text: kept, added in the newer round, or removed from it."""

    kind: SpanKind
    text: str


def tokens(text: str) -> list[str]:
    """`text` cut into the units the diff compares (see the module's docstring)."""
    return _WORD.findall(text)


def diff_text(old: str, new: str) -> list[Span]:
    """The spans that turn `old` into `new`, neighbours of one kind merged."""
    before, after = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    spans: list[Span] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(spans, SpanKind.EQUAL, "".join(before[i1:i2]))
            continue
        # A replacement reads best as what went, then what came.
        _append(spans, SpanKind.DELETE, "".join(before[i1:i2]))
        _append(spans, SpanKind.INSERT, "".join(after[j1:j2]))
    return spans


def _append(spans: list[Span], kind: SpanKind, text: str) -> None:
    if not text:
        return
    if spans and spans[-1].kind is kind:
        spans[-1] = Span(kind, spans[-1].text + text)
    else:
        spans.append(Span(kind, text))


def changed(spans: Sequence[Span]) -> bool:
    return any(span.kind is not SpanKind.EQUAL for span in spans)


def shorten(spans: Sequence[Span], context: int = CONTEXT) -> list[Span]:
    """Unchanged stretches longer than twice `context` keep only their ends (the start of
    the text keeps its end, the end of the text its start), joined by "…"."""
    result = []
    last = len(spans) - 1
    for index, span in enumerate(spans):
        chars = graphemes(span.text)
        if span.kind is not SpanKind.EQUAL or len(chars) <= 2 * context:
            result.append(span)
            continue
        head = "" if index == 0 else "".join(chars[:context])
        tail = "" if index == last else "".join(chars[-context:])
        result.append(Span(SpanKind.EQUAL, f"{head}{ELLIPSIS}{tail}"))
    return result


def spans_html(spans: Sequence[Span]) -> str:
    """The spans as rich text: insertions green, deletions red and struck through; the text
    escaped (it is the creator's) and its line breaks kept."""
    parts = []
    for span in spans:
        text = html.escape(span.text).replace("\n", "<br>")
        if span.kind is SpanKind.INSERT:
            parts.append(f'<span style="{INSERT_STYLE}">{text}</span>')
        elif span.kind is SpanKind.DELETE:
            parts.append(f'<span style="{DELETE_STYLE}">{text}</span>')
        else:
            parts.append(text)
    return "".join(parts)


@dataclass(frozen=True)
class ListChange:
    added: tuple[str, ...]
    removed: tuple[str, ...]


def diff_names(old: Sequence[str], new: Sequence[str]) -> ListChange:
    """Names added and removed, each in its list's order."""
    return ListChange(
        added=tuple(name for name in new if name not in old),
        removed=tuple(name for name in old if name not in new),
    )


@dataclass(frozen=True)
class PhotoChange:
    """A position whose picture differs: None where the round had no picture there."""

    position: int
    old: str | None
    new: str | None


@dataclass(frozen=True)
class RoundDiff:
    """Only what changed: text fields as spans, lists as names, flags by name, photos."""

    texts: dict[str, list[Span]]
    lists: dict[str, ListChange]
    flags: tuple[str, ...]
    photos: tuple[PhotoChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.texts or self.lists or self.flags or self.photos)


def _names(snapshot: dict[str, Any], field: str) -> list[str]:
    items = snapshot.get(field) or []
    return [str(item["name"]) if isinstance(item, dict) else str(item) for item in items]


def _photos(snapshot: dict[str, Any]) -> dict[int, str]:
    return {int(m["position"]): str(m["sha256"]) for m in snapshot.get("media") or []}


def diff_rounds(old: dict[str, Any], new: dict[str, Any]) -> RoundDiff:
    """Compare two submissions' snapshots (type, title, body, topics … media)."""
    texts = {}
    for field in TEXT_FIELDS:
        spans = diff_text(str(old.get(field) or ""), str(new.get(field) or ""))
        if changed(spans):
            texts[field] = spans
    lists = {}
    for field in LIST_FIELDS:
        change = diff_names(_names(old, field), _names(new, field))
        if change.added or change.removed:
            lists[field] = change
    old_flags, new_flags = old.get("flags") or {}, new.get("flags") or {}
    flags = tuple(
        name
        for name in sorted(set(old_flags) | set(new_flags))
        if old_flags.get(name) != new_flags.get(name)
    )
    before, after = _photos(old), _photos(new)
    photos = tuple(
        PhotoChange(position, before.get(position), after.get(position))
        for position in sorted(set(before) | set(after))
        if before.get(position) != after.get(position)
    )
    return RoundDiff(texts, lists, flags, photos)
