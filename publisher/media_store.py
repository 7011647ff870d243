"""The content-addressed store of media originals: a file per sha256, written atomically.

Names on disk come only from the hash, never from what a client called the file, so no
upload can choose where it lands.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import BinaryIO

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1 << 20


class SizeLimitExceeded(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


class MediaStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.incoming = self.root / "incoming"
        self.incoming.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError("not a sha256 hex digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def receive(self, stream: BinaryIO, *, max_bytes: int) -> tuple[Path, str, int]:
        """Copy an upload to a temporary file, hashing it on the way.

        Returns:
            (temporary path, sha256, size). The caller checks the file, then `commit`s or
            deletes it.

        Raises:
            SizeLimitExceeded: the stream is longer than `max_bytes` (nothing is kept).
        """
        digest = hashlib.sha256()
        size = 0
        fd, name = tempfile.mkstemp(dir=self.incoming)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in iter(lambda: stream.read(_CHUNK), b""):
                    size += len(chunk)
                    if size > max_bytes:
                        raise SizeLimitExceeded(max_bytes)
                    digest.update(chunk)
                    out.write(chunk)
        except BaseException:
            os.unlink(name)
            raise
        return Path(name), digest.hexdigest(), size

    def commit(self, temp: Path, sha256: str) -> Path:
        """Move a received file into place; an identical file already there wins."""
        target = self.path_for(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            temp.unlink(missing_ok=True)
        else:
            os.chmod(temp, 0o644)
            os.replace(temp, target)
        return target
