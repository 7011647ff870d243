"""Invitation codes people can read aloud and type: 12 characters in groups of four.

The alphabet leaves out what is mistaken for something else (0/O, 1/I/L), and reading a code
forgives case, spaces, dashes and a whole pasted link. 31^12 ≈ 2^59 codes: guessing one that
exists is hopeless, so a code needs no rate limit of its own.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12
GROUP = 4
JOIN_PATH = "/join/"


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def read_code(text: str) -> str | None:
    """The code in what someone typed or pasted (a code or a join link), canonical, or None."""
    text = text.strip()
    if JOIN_PATH in text:
        text = text.rsplit(JOIN_PATH, 1)[1].split("?", 1)[0].split("#", 1)[0]
    raw = re.sub(r"[\s\-_]", "", text).upper()
    if len(raw) != LENGTH or any(c not in ALPHABET for c in raw):
        return None
    return "-".join(raw[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def join_link(server_url: str, code: str) -> str:
    return server_url.rstrip("/") + JOIN_PATH + code
