"""Resolving filter looks for renders, including the user's imported ones (`user:<sha256>`).

A recipe names an imported .cube by its content address; the file itself lives in the backend
so it follows the user. `LooksCache.resolve` is an `editor.render.LookResolver`: built-in looks
come from the engine, a user look is downloaded once, kept on disk in the app's data folder
(checked against its sha256 when read back) and parsed once per process. It is called from
render workers, never on the UI thread, since a first use may download and parse a file.

Both the Filters panel (thumbnails) and the editor's render worker use one of these; they share
the disk folder, so a look is downloaded once per machine.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from editor.errors import EditorError
from editor.lut import CubeLut, load_cube
from editor.render import builtin_resolver
from publisher.client import NotFoundError

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

USER_PREFIX = "user:"
LOOKS_FOLDER = "looks"


def user_look_id(sha256: str) -> str:
    return f"{USER_PREFIX}{sha256}"


class LooksCache:
    """A thread-safe `LookResolver` over built-in looks and the user's imported .cube files."""

    def __init__(self, folder: Path, client: Callable[[], StudioClient]) -> None:
        self._folder = folder
        self._client = client
        self._parsed: dict[str, CubeLut] = {}
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    @classmethod
    def for_context(cls, ctx: AppContext) -> LooksCache:
        """The cache over the app's data folder, downloading with the worker's own client."""
        return cls(ctx.data_dir / LOOKS_FOLDER, ctx.connection.client)

    def __call__(self, look_id: str) -> CubeLut:
        return self.resolve(look_id)

    def resolve(self, look_id: str) -> CubeLut:
        """The look for a `FilterLook.id`.

        Raises:
            EditorError: ``look.unknown`` for an id that is neither built in nor the user's,
                or a ``lut.*`` code when the stored file does not parse.
            ClientError: the backend could not be asked (offline, signed out …).
        """
        if not look_id.startswith(USER_PREFIX):
            return builtin_resolver(look_id)
        sha256 = look_id.removeprefix(USER_PREFIX)
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise EditorError("look.unknown", {"id": look_id})
        with self._lock_for(sha256):
            lut = self._parsed.get(sha256)
            if lut is None:
                lut = load_cube(self._cube_bytes(sha256, look_id))
                self._parsed[sha256] = lut
        return lut

    def store_file(self, sha256: str, path: Path) -> None:
        """Keep a just-imported file so this machine never downloads it back (best effort:
        the backend has it, so a file that cannot be read again only costs a download)."""
        try:
            data = path.read_bytes()
        except OSError:
            return
        if hashlib.sha256(data).hexdigest() == sha256:
            self._write(sha256, data)

    def _lock_for(self, sha256: str) -> threading.Lock:
        # One lock per look: two renders asking for the same new look download it once, while
        # different looks still load in parallel.
        with self._guard:
            return self._locks.setdefault(sha256, threading.Lock())

    def _cube_bytes(self, sha256: str, look_id: str) -> bytes:
        path = self._folder / f"{sha256}.cube"
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        if hashlib.sha256(data).hexdigest() == sha256:
            return data
        try:
            data = self._client().lut_text(sha256).encode("utf-8")
        except NotFoundError as exc:
            raise EditorError("look.unknown", {"id": look_id}) from exc
        self._write(sha256, data)
        return data

    def _write(self, sha256: str, data: bytes) -> None:
        """Atomically, so a reader (another worker, another run) never sees half a file. The
        disk copy only saves a download: failing to write it must not fail the render."""
        temporary = self._folder / f".{sha256}.{threading.get_ident()}.tmp"
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, self._folder / f"{sha256}.cube")
        except OSError:
            temporary.unlink(missing_ok=True)
