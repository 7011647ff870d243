"""Replacing a file so a reader (or the next start after a crash) sees the old content or the
new, never half of it: write a temporary file beside it, flush it to disk, rename it over.

The temporary file is made by `mkstemp`, so the result is readable by its owner only (0600):
right for tokens, harmless for the rest of the data folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """`durable` also flushes the file to the disk before the rename, so a power cut cannot
    leave an empty file; a cache that can be rebuilt skips that cost."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
