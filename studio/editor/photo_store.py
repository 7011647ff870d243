"""Originals, screen proxies and rendered exports on disk, by content address.

Opening a photo needs its original (downloaded once from the backend) and a screen-size proxy
decoded from it (the slow part). Both are kept in the app's data folder under their sha256,
so reopening a photo, or the same photo in another note, is a disk read. A user's sticker
pictures (a brand's logo) are originals too, kept the same way. Files are written to
a temporary name and renamed, so a crash never leaves half a file under a real name. Plain
Python: every method here runs on a worker thread.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path

import numpy as np

from editor.errors import EditorError
from editor.recipe import Recipe
from editor.render import LookResolver, export_jpeg, load_proxy
from editor.stickers import StickerResolver
from publisher.client import StudioClient
from studio.atomic_file import write_atomically
from studio.editor.sticker_source import StickerSource

CACHE_DIR = "photo-cache"
PROXY_SIDE = 1440


class PhotoStore:
    """The cache folder of one data folder; `client` is the calling thread's client."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / CACHE_DIR

    def original(self, client: StudioClient, sha256: str) -> Path:
        """The original's file, downloaded first if needed and checked against its address."""
        path = self.folder / "originals" / sha256
        if not path.is_file():
            data = client.media_bytes(sha256)
            if hashlib.sha256(data).hexdigest() != sha256:
                raise EditorError("media.checksum_mismatch", {"sha256": sha256})
            write_atomically(path, data, durable=False)
        return path

    def sticker_source(self, client: Callable[[], StudioClient]) -> StickerSource:
        """Stickers for renders: the built-in ones, and the user's kept here as originals.

        Args:
            client: Gives the calling thread's client (`Connection.client`).
        """
        return StickerSource(lambda sha256: self.original(client(), sha256).read_bytes())

    def proxy(self, client: StudioClient, sha256: str) -> np.ndarray:
        """The screen-size RGB proxy of the original (decoded once, then read from disk)."""
        path = self.folder / "proxies" / f"{sha256}-{PROXY_SIDE}.npy"
        if path.is_file():
            try:
                return np.load(path, allow_pickle=False)
            except (OSError, ValueError):
                path.unlink(missing_ok=True)  # a damaged cache file is simply made again
        proxy = load_proxy(self.original(client, sha256), max_side=PROXY_SIDE)
        buffer = io.BytesIO()
        np.save(buffer, proxy, allow_pickle=False)
        write_atomically(path, buffer.getvalue(), durable=False)
        return proxy

    def export(
        self,
        client: StudioClient,
        sha256: str,
        recipe: Recipe,
        looks: LookResolver,
        *,
        quality: int,
        stickers: StickerResolver,
    ) -> Path:
        """Render original + recipe at the platform's size to a JPEG file, ready to upload.

        The recipe's stickers and watermark may name the user's own pictures (a logo):
        `stickers` resolves them (the app's shared `AppContext.stickers`).
        """
        data = export_jpeg(
            self.original(client, sha256),
            recipe,
            quality=quality,
            looks=looks,
            stickers=stickers,
        )
        path = self.folder / "rendered" / f"{hashlib.sha256(data).hexdigest()}.jpg"
        write_atomically(path, data, durable=False)
        return path
