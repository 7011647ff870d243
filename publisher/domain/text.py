"""How the platform counts text: title width units and body characters.

Counting is by user-perceived character (grapheme cluster), so a family emoji or a flag made
of several code points counts once, as the platform's own counter does.
"""

from __future__ import annotations

import regex

_GRAPHEME = regex.compile(r"\X")


def graphemes(text: str) -> list[str]:
    """Split text into user-perceived characters."""
    return _GRAPHEME.findall(text)


def char_count(text: str) -> int:
    """Number of user-perceived characters in `text`."""
    return len(graphemes(text))


def width_units(text: str, *, ascii_width: int = 1, other_width: int = 2) -> int:
    """Width of `text` in the title's units: printable ASCII counts 1, anything else 2.

    Args:
        text: the title.
        ascii_width: units for a character in the ASCII range.
        other_width: units for CJK, full-width, emoji and every other character.

    Returns:
        The total width in units.
    """
    return sum(ascii_width if g.isascii() else other_width for g in graphemes(text))
