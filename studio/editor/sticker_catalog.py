"""The shipped stickers as the editor offers them: in the manifest's order, by category, named
in the interface language.

`resources/stickers/stickers.json` lists the stickers with their names and categories; the
engine only needs the PNGs (`editor.stickers`). A sticker whose file is missing is left out, and
a PNG the manifest does not list (or a manifest that cannot be read) still shows, under its file
name, so the grid never hides what a recipe can use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import resources
from editor.stickers import builtin_names

OTHER = "other"
"""The category of a sticker the manifest does not list."""


@dataclass(frozen=True)
class StickerEntry:
    id: str
    category: str
    name_zh: str
    name_en: str
    path: Path

    def name(self, language: str) -> str:
        """Chinese for a zh interface, English otherwise."""
        return self.name_zh if language.startswith("zh") else self.name_en


def load_catalog() -> list[StickerEntry]:
    """The shipped stickers, listed ones first in the manifest's order."""
    folder = resources.path("stickers")
    shipped = set(builtin_names())
    entries: list[StickerEntry] = []
    for item in _manifest(folder / "stickers.json"):
        sticker_id = item.get("id")
        if sticker_id in shipped and all(
            isinstance(item.get(key), str) for key in ("category", "name_zh", "name_en")
        ):
            shipped.discard(sticker_id)
            name = sticker_id.split(":", 1)[1]
            entries.append(
                StickerEntry(
                    sticker_id,
                    item["category"],
                    item["name_zh"],
                    item["name_en"],
                    folder / f"{name}.png",
                )
            )
    for sticker_id in sorted(shipped):
        name = sticker_id.split(":", 1)[1]
        entries.append(StickerEntry(sticker_id, OTHER, name, name, folder / f"{name}.png"))
    return entries


def _manifest(path: Path) -> list[dict[str, object]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    items = document.get("stickers") if isinstance(document, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def categories(entries: list[StickerEntry]) -> list[str]:
    """The categories in the order their first sticker appears."""
    return list(dict.fromkeys(entry.category for entry in entries))
