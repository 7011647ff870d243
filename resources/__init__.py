"""Data that ships with the studio (rules pack, translations, icons, samples).

A leaf package: it imports nothing of ours, so every layer may use it to find its files.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def path(*parts: str) -> Path:
    """Return the filesystem path of a shipped resource file or folder."""
    return Path(str(files(__name__).joinpath(*parts)))
