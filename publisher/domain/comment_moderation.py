"""Readers' comments, checked before anyone else reads them: cleaned, measured, and held for the
note's author when they carry a forbidden word, a link or contact details (a phone number, a
WeChat or QQ id: the diversion off the platform spam comments are for).

Links are what spam comments live on, and their writers know a plain `http://` is caught, so
the check looks through the usual disguises: full-width or circled letters (NFKC folds them),
zero-width characters between letters, spaced-out letters (`w w w . x x . c o m`), and a dot
written as `。`, `点`, `dot` or `[.]`. A comment that only looks like a link to this check (a
false alarm) is not lost: it waits for the author, who may let it through.

Pure: no database, no rules pack of its own — the caller passes the words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from publisher.domain.brief_checks import forbidden_found
from publisher.domain.text import char_count

MAX_BODY_CHARS = 500
MAX_NAME_CHARS = 20

VISIBLE = "visible"
HELD = "held"
REASON_WORDS = "words"
REASON_LINK = "link"
"""A link, or contact details (a phone number, a WeChat or QQ id): both lead readers off
the note."""

_BIDI = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}
"""Direction overrides: they make text read differently from how it is stored."""
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD}
"""Zero-width characters and the soft hyphen: dropped only where a link is looked for (a
zero-width joiner also glues emoji together, so the stored text keeps it)."""
_BLANK_LETTERS = {0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800}
"""Hangul fillers and the blank Braille pattern: letters that show nothing, the usual way to
post a comment that looks empty."""

_STRONG_TLDS = "com|cn|net|org|xyz|vip|biz|info|icu|wang|ltd"
"""Top-level domains that are no everyday word: caught even with spaces around the dot."""
_WEAK_TLDS = (
    "top|cc|me|co|io|ai|tv|app|ly|hk|tw|jp|kr|uk|us|de|shop|site|club|online|link|store|"
    "tech|live|fun|work|tk|ml"
)
"""Domains that are also words (`me`, `top`, CC霜): caught only when written as a domain is,
with nothing between the dot and the name."""

_DOT = r"(?:\.|。|｡|·|点|\(\s*\.\s*\)|\[\s*\.\s*\]|【\s*\.\s*】|\(?\s*dot\s*\)?)"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_SCHEME = re.compile(
    r"(?:h\s*t\s*t\s*p\s*s?|f\s*t\s*p)\s*[:：]\s*/\s*/"
    rf"|(?<![a-z0-9])w\s*w\s*w\s*{_DOT}\s*(?:{_LABEL}\s*{_DOT}\s*)+"
    rf"(?:{_STRONG_TLDS}|{_WEAK_TLDS})(?![a-z0-9])"
)
"""A scheme, or `www`, a name and a domain with any dots between (`www 。shop 。top`): `www`
alone is how readers laugh (`太好笑了www。`, `笑死www点赞`)."""
_DOMAIN = re.compile(
    rf"(?<![a-z0-9-])(?:{_LABEL}\s*{_DOT}\s*)+(?:{_STRONG_TLDS})(?![a-z0-9])"
    rf"|(?<![a-z0-9-])(?:{_LABEL}\.)+(?:{_WEAK_TLDS})(?![a-z0-9])"
)
_PHONE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9](?:[ -]?[0-9]){9}(?![0-9])")
"""A mainland mobile number, also spaced or dashed (`138 1234 5678`, `138-1234-5678`):
eleven digits starting 13 to 19, so prices, dates, weights and model numbers stay visible."""
_CONTACT_ID = re.compile(
    r"(?<![a-z])(?:v信|vx|wx|微信|威信|薇信|qq|扣扣)\s*(?:号|号码|id)?\s*[:=]?\s*"
    r"([a-z0-9][a-z0-9_-]{4,19})(?![a-z0-9_-])"
)
"""A WeChat or QQ id after its marker (`V信 abc123`, `wx：zc2026`, `加我qq 12345678`): five
characters or more, so `微信 2026` (a year) is no id."""
_SPACED_LETTERS = re.compile(r"(?<![a-z0-9])(?:[a-z0-9] ){2,}[a-z0-9](?![a-z0-9])")
"""`b a i d u`: single letters with single spaces between them."""


@dataclass(frozen=True)
class Verdict:
    """What a comment gets: `visible` at once, or `held` for the author with the reason and
    what was found (the words, or the link as the check read it)."""

    status: str
    reason: str | None = None
    found: tuple[str, ...] = ()


def clean(text: str) -> str:
    """The text as stored: control and direction-override characters removed (line breaks
    kept, at most one blank line in a row), trimmed."""
    kept = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "):
        if char == "\n":
            kept.append(char)
        elif unicodedata.category(char) != "Cc" and ord(char) not in _BIDI:
            kept.append(char)
    return re.sub(r"\n{3,}", "\n\n", "".join(kept)).strip()


def blank(text: str) -> bool:
    """Whether `text` shows nothing: white space, format characters (zero-width ones, the
    byte order mark, the soft hyphen), marks with no letter to sit on, and blank letters."""
    return all(
        char.isspace()
        or unicodedata.category(char) in ("Cf", "Cc", "Mn", "Me")
        or ord(char) in _BLANK_LETTERS
        for char in text
    )


def length(text: str) -> int:
    """How long a comment is, as the limits count it: characters of its NFKC form."""
    return char_count(unicodedata.normalize("NFKC", text))


def _folded(text: str) -> str:
    """The text links are looked for in: NFKC, lower case, invisible characters dropped, runs
    of white space made one space, spaced-out letters joined."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(char for char in text if ord(char) not in _INVISIBLE)
    text = re.sub(r"\s+", " ", text)
    return _SPACED_LETTERS.sub(lambda match: match.group(0).replace(" ", ""), text)


def find_link(text: str) -> str | None:
    """The first thing in `text` that reads as a web address, or None."""
    folded = _folded(text)
    for pattern in (_SCHEME, _DOMAIN):
        match = pattern.search(folded)
        if match:
            return match.group(0).strip()
    return None


def find_contact(text: str) -> str | None:
    """The first phone number or WeChat/QQ id in `text`, as the check read it, or None."""
    folded = _folded(text)
    for pattern in (_PHONE, _CONTACT_ID):
        match = pattern.search(folded)
        if match:
            return match.group(0).strip()
    return None


def moderate(text: str, words: Sequence[str], exempt: Sequence[str] = ()) -> Verdict:
    """Whether a comment (its name and body together) may be shown at once.

    Args:
        text: what the reader wrote.
        words: forbidden words (the rules pack's); found in any width, case or spacing.
        exempt: everyday words that contain a forbidden one (最近 holds 最).
    """
    link = find_link(text) or find_contact(text)
    if link is not None:
        return Verdict(HELD, REASON_LINK, (link,))
    visible_text = "".join(char for char in text if ord(char) not in _INVISIBLE)
    found = forbidden_found(visible_text, words, exempt)
    if found:
        return Verdict(HELD, REASON_WORDS, tuple(item["word"] for item in found))
    return Verdict(VISIBLE)
