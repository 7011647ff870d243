"""User text inside SQL LIKE patterns: a `%`, `_` or `\\` the user typed matches itself."""

from __future__ import annotations

LIKE_ESCAPE = "\\"
"""The escape character `like_escaped` uses; pass it as `escape=` to `like`/`ilike`."""


def like_escaped(text: str) -> str:
    """`text` with LIKE's wildcards (and the escape character itself) escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
