"""Resolving sticker ids for renders, including the user's own pictures (`user:<sha256>`).

A brand's logo (and any picture a user uploads to use as a sticker) is a PNG stored by the
backend under its content address, so it follows the user to every machine. `StickerSource`
is an `editor.stickers.StickerResolver`: built-in stickers come from the engine; a user's is
fetched once through `PhotoStore` (which keeps the file on disk in the data folder, checked
against its address), decoded once with `editor.stickers.rgba_sticker` and then shared. It is
called from render workers, never on the UI thread, since a first use may download a file.

One source serves the whole app (`AppContext.stickers`), so its memory is bounded: decoded
pictures by their size (a logo at the 4096-px cap is 64 MB), and the locks that make two
renders fetch a new logo once by a fixed number of stripes rather than one per id ever seen.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

from editor.errors import EditorError
from editor.stickers import load_builtin, rgba_sticker
from publisher.client import NotFoundError

USER_PREFIX = "user:"
_USER_ID = re.compile(r"^user:([0-9a-f]{64})$")
KEPT_BYTES = 128 * 1024 * 1024
"""Decoded user stickers kept in memory, by their pixels' size (the newest is always kept)."""
_STRIPES = 16

Fetch = Callable[[str], bytes]
"""sha256 → the stored file's bytes, already checked against the address."""


def user_sticker_id(sha256: str) -> str:
    return f"{USER_PREFIX}{sha256}"


class StickerSource:
    """A thread-safe `StickerResolver` over built-in stickers and the user's uploaded PNGs."""

    def __init__(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self._decoded: OrderedDict[str, np.ndarray] = OrderedDict()
        self._kept_bytes = 0
        self._guard = threading.Lock()
        self._locks = tuple(threading.Lock() for _ in range(_STRIPES))

    def __call__(self, sticker_id: str) -> np.ndarray:
        return self.resolve(sticker_id)

    def resolve(self, sticker_id: str) -> np.ndarray:
        """The RGBA pixels (read-only) of a sticker layer's id.

        Raises:
            EditorError: ``sticker.unknown`` (``id``) for an id that is neither built in nor a
                stored picture, ``sticker.invalid`` (``id``, ``reason``) when the picture is
                not a usable PNG, ``media.checksum_mismatch`` when a download was damaged.
            ClientError: the backend could not be asked (offline, signed out …).
        """
        match = _USER_ID.match(sticker_id)
        if match is None:
            return load_builtin(sticker_id)
        with self._lock_for(sticker_id):
            pixels = self._remembered(sticker_id)
            if pixels is None:
                pixels = rgba_sticker(
                    self._bytes(match.group(1), sticker_id), sticker_id=sticker_id
                )
                pixels.setflags(write=False)
                self._remember(sticker_id, pixels)
        return pixels

    def _lock_for(self, sticker_id: str) -> threading.Lock:
        # The same sticker always takes the same lock: two renders asking for the same new
        # logo fetch it once, while most different stickers still load in parallel.
        return self._locks[hash(sticker_id) % len(self._locks)]

    def _remembered(self, sticker_id: str) -> np.ndarray | None:
        with self._guard:
            pixels = self._decoded.get(sticker_id)
            if pixels is not None:
                self._decoded.move_to_end(sticker_id)
            return pixels

    def _remember(self, sticker_id: str, pixels: np.ndarray) -> None:
        with self._guard:
            self._decoded[sticker_id] = pixels
            self._kept_bytes += pixels.nbytes
            while self._kept_bytes > KEPT_BYTES and len(self._decoded) > 1:
                _id, dropped = self._decoded.popitem(last=False)
                self._kept_bytes -= dropped.nbytes

    def _bytes(self, sha256: str, sticker_id: str) -> bytes:
        try:
            return self._fetch(sha256)
        except NotFoundError as exc:
            raise EditorError("sticker.unknown", {"id": sticker_id}) from exc
