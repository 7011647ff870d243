"""The brief's checklist, checked on a submitted note: what a reviewer would otherwise tick by hand.

Each item says whether the note meets one demand of the brief — the deliverable's type, the
required topics and mentions, every key message, no forbidden word, the collaboration
disclosure, the brief's products — and carries what it found, so the app can point at it.

Text is compared after NFKC folding and lower-casing, so full-width letters and digits match
their half-width forms. A key message counts as said when it appears as written, or when
most of its words (segmented by the caller's word splitter, jieba on the server) appear:
"持妆12小时不脱妆" is said by "不脱妆，持妆能到12小时".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

KEY_MESSAGE_COVERAGE = 0.75
"""The share of a key message's words the note must contain to count as saying it."""

WordSplitter = Callable[[str], Sequence[str]]


@dataclass(frozen=True)
class BriefDemands:
    note_type: str
    topics: Sequence[str] = ()
    mentions: Sequence[str] = ()
    key_messages: Sequence[str] = ()
    forbidden_words: Sequence[str] = ()
    forbidden_exempt: Sequence[str] = ()
    """Words that contain a forbidden one but are not it: 最近 is not the superlative 最."""
    product_ids: Sequence[str] = ()


@dataclass(frozen=True)
class NoteContent:
    type: str
    title: str
    body: str
    topics: Sequence[str] = ()
    mentions: Sequence[str] = ()
    product_ids: Sequence[str] = ()
    disclosed: bool = False


@dataclass(frozen=True)
class BriefCheck:
    key: str
    ok: bool
    params: dict[str, Any] = field(default_factory=dict)


def fold(text: str) -> str:
    """The form text is compared in: NFKC (full-width → half-width), lower case, no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def _is_word(token: str) -> bool:
    """Segments worth looking for: not punctuation, spaces or a lone particle (的, 了)."""
    token = token.strip()
    if not token:
        return False
    if all(unicodedata.category(char)[0] in "PSZ" for char in token):
        return False
    return len(token) > 1 or token.isascii() and token.isalnum()


def message_said(message: str, text: str, words: WordSplitter) -> tuple[bool, list[str]]:
    """Whether `text` says the key message, and the message's words it lacks."""
    folded_text = fold(text)
    folded = fold(message)
    if not folded or folded in folded_text:
        return True, []
    tokens = list(dict.fromkeys(fold(t) for t in words(message) if _is_word(t)))
    if not tokens:
        return False, [message]
    missing = [token for token in tokens if token not in folded_text]
    said = (len(tokens) - len(missing)) / len(tokens) >= KEY_MESSAGE_COVERAGE
    return said, missing


def forbidden_found(text: str, words: Sequence[str], exempt: Sequence[str]) -> list[dict]:
    """Each forbidden word in `text` with how often it occurs and a stretch around the first,
    ignoring occurrences inside an exempt word."""
    folded_text = fold(text)
    blanked = folded_text
    for allowed in sorted((fold(w) for w in exempt if fold(w)), key=len, reverse=True):
        blanked = blanked.replace(allowed, "\x00" * len(allowed))
    found = []
    for word in dict.fromkeys(words):
        target = fold(word)
        if not target or target not in blanked:
            continue
        first = blanked.index(target)
        found.append(
            {
                "word": word,
                "count": blanked.count(target),
                "context": folded_text[max(0, first - 8) : first + len(target) + 8],
            }
        )
    return found


def check_note(demands: BriefDemands, note: NoteContent, words: WordSplitter) -> list[BriefCheck]:
    """Every demand of the brief, checked on the note, in the order a reviewer reads them."""
    text = f"{note.title}\n{note.body}"
    topics = {fold(name) for name in note.topics}
    mentions = {fold(name) for name in note.mentions}
    checks = [
        BriefCheck(
            "type",
            note.type == demands.note_type,
            {"expected": demands.note_type, "actual": note.type},
        ),
    ]
    missing_topics = [name for name in demands.topics if fold(name) not in topics]
    checks.append(BriefCheck("topics", not missing_topics, {"missing": missing_topics}))
    missing_mentions = [name for name in demands.mentions if fold(name) not in mentions]
    checks.append(BriefCheck("mentions", not missing_mentions, {"missing": missing_mentions}))
    for message in demands.key_messages:
        said, lacking = message_said(message, text, words)
        checks.append(BriefCheck("key_message", said, {"message": message, "missing": lacking}))
    found = forbidden_found(text, demands.forbidden_words, demands.forbidden_exempt)
    checks.append(BriefCheck("forbidden_words", not found, {"found": found}))
    checks.append(BriefCheck("disclosure", note.disclosed))
    missing_products = [pid for pid in demands.product_ids if pid not in set(note.product_ids)]
    checks.append(BriefCheck("products", not missing_products, {"missing": missing_products}))
    return checks
