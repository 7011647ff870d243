"""The built-in filter looks shipped in resources/luts, listed for the Filters panel.

`resources/luts/looks.json` (written by `scripts/make_luts.py` together with the tables) names
each look and its .cube file in display order. Both the list and each parsed table are cached:
the list is read once, and a table is parsed the first time a photo uses it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import resources
from editor.errors import EditorError
from editor.lut import CubeLut, load_cube

__all__ = ["Look", "builtin_looks", "load_builtin"]

_INDEX = ("luts", "looks.json")


@dataclass(frozen=True)
class Look:
    """A built-in look as the Filters panel shows it.

    Attributes:
        id: The `FilterLook.id` a recipe stores, e.g. ``"builtin:cream"``.
        name_zh: The name shown in Chinese, e.g. ``"奶油"``.
        name_en: The name shown in English, e.g. ``"Cream"``.
    """

    id: str
    name_zh: str
    name_en: str


def builtin_looks() -> list[Look]:
    """Return the built-in looks in display order (a new list; the caller may change it)."""
    return [look for look, _ in _index().values()]


def load_builtin(look_id: str) -> CubeLut:
    """Return the table of a built-in look, parsed once and then shared.

    Args:
        look_id: A ``builtin:<name>`` id from `builtin_looks`.

    Raises:
        EditorError: ``look.unknown`` with ``id`` when no built-in look has that id.
    """
    if look_id not in _index():
        raise EditorError("look.unknown", {"id": look_id})
    return _load_table(look_id)


@cache
def _index() -> dict[str, tuple[Look, str]]:
    """Look id → (look, file name), in the order looks.json lists them."""
    document = json.loads(resources.path(*_INDEX).read_text(encoding="utf-8"))
    return {
        entry["id"]: (Look(entry["id"], entry["name_zh"], entry["name_en"]), entry["file"])
        for entry in document["looks"]
    }


# Only ids from the index get here, so the cache holds at most one 0.4 MB table per look.
@cache
def _load_table(look_id: str) -> CubeLut:
    _, file_name = _index()[look_id]
    return load_cube(resources.path("luts", file_name))
