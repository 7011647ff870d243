"""The built-in sticker set shipped in resources/stickers, resolved for sticker layers.

A sticker id ``builtin:<name>`` names ``resources/stickers/<name>.png``, an RGBA PNG. Like the
filter looks (`editor.looks`), a sticker is decoded the first time a recipe uses it and then
shared; a missing or unreadable file is an `EditorError` (``sticker.unknown``,
``sticker.invalid``) that the caller translates, never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np

import resources
from editor.errors import EditorError

__all__ = ["MAX_STICKER_SIDE", "StickerResolver", "builtin_names", "load_builtin", "rgba_sticker"]

StickerResolver = Callable[[str], np.ndarray]
"""Sticker id → H×W×4 uint8 RGBA pixels."""

MAX_STICKER_SIDE = 4096
MAX_STICKER_ASPECT = 8.0
_NAME = re.compile(r"^builtin:([a-z0-9_]{1,64})$")


def builtin_names() -> list[str]:
    """The ids of the shipped stickers, sorted (empty when none are installed)."""
    folder = resources.path("stickers")
    if not folder.is_dir():
        return []
    return sorted(
        f"builtin:{p.stem}" for p in folder.glob("*.png") if _NAME.match(f"builtin:{p.stem}")
    )


def load_builtin(sticker_id: str) -> np.ndarray:
    """Return the pixels of a shipped sticker, decoded once and then shared (read-only).

    Raises:
        EditorError: ``sticker.unknown`` (``id``) when no shipped sticker has that id,
            ``sticker.invalid`` (``id``, ``reason``) when its file is not a usable picture.
    """
    match = _NAME.match(sticker_id)
    if match is None:
        raise EditorError("sticker.unknown", {"id": sticker_id})
    return _load(match.group(1))


@lru_cache(maxsize=64)
def _load(name: str) -> np.ndarray:
    path = resources.path("stickers", f"{name}.png")
    if not path.is_file():
        raise EditorError("sticker.unknown", {"id": f"builtin:{name}"})
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EditorError(
            "sticker.invalid", {"id": f"builtin:{name}", "reason": "unreadable"}
        ) from exc
    pixels = rgba_sticker(data, sticker_id=f"builtin:{name}")
    pixels.setflags(write=False)
    return pixels


def rgba_sticker(data: bytes, *, sticker_id: str) -> np.ndarray:
    """Decode a sticker PNG (or any picture Pillow reads) to RGBA, within the size limits.

    Raises:
        EditorError: ``sticker.invalid`` (``id``, ``reason``).
    """
    import io

    from PIL import Image

    def refuse(reason: str) -> EditorError:
        return EditorError("sticker.invalid", {"id": sticker_id, "reason": reason})

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG":
                raise refuse("not_png")
            width, height = image.size
            if max(width, height) > MAX_STICKER_SIDE:
                raise refuse("too_large")
            if max(width, height) > MAX_STICKER_ASPECT * min(width, height):
                raise refuse("bad_aspect")
            pixels = np.asarray(image.convert("RGBA"))
    except EditorError:
        raise
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise refuse("corrupt") from exc
    return np.ascontiguousarray(pixels)
