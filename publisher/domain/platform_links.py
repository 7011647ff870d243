"""Notes' addresses on the platform: the 24-hex-digit id inside a note's link.

A note is reached as `…/explore/<id>`, `…/discovery/item/<id>` or a share link carrying
tracking parameters; the id is what stays the same, so it is what matching compares.
"""

from __future__ import annotations

import re

_NOTE_ID = re.compile(r"(?:/explore/|/discovery/item/|/item/)([0-9a-f]{24})(?![0-9a-f])", re.I)
_BARE_ID = re.compile(r"[0-9a-f]{24}", re.I)


def note_id_from_link(link: str | None) -> str | None:
    """The platform's id of the note a link points at, lower-case; None when there is none."""
    if not link:
        return None
    found = _NOTE_ID.search(link)
    return found.group(1).lower() if found else None


def is_note_id(text: str) -> bool:
    return _BARE_ID.fullmatch(text) is not None


def normal_note_id(text: str | None) -> str | None:
    """A note id as an export's id column writes it, or the id inside a link there."""
    if not text:
        return None
    text = text.strip()
    return text.lower() if is_note_id(text) else note_id_from_link(text)
