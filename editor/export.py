"""Writing a rendered picture out: the published JPEG and the atomic file write.

The JPEG carries pixels only. A new Pillow image is built from the array, so nothing of the
original's metadata can ride along (no EXIF — hence no GPS position, camera serial or capture
time — no XMP, no comment, no ICC profile: untagged JPEG is read as sRGB everywhere, which is
what the render produces). Chroma is subsampled 4:2:0, as the platform itself serves photos:
finer chroma would only be thrown away by its re-encode while making the upload larger.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import tempfile
from pathlib import Path

import numpy as np

__all__ = ["encode_jpeg", "temporary_beside", "write_failure", "write_new_file"]

_SUBSAMPLING_420 = 2
# Numbered names tried for an output before giving up ("a-2.jpg" … "a-9999.jpg").
_MAX_SUFFIX = 9999


def encode_jpeg(pixels: np.ndarray, quality: int = 90) -> bytes:
    """Encode H×W×3 uint8 RGB as a baseline JPEG with no metadata at all.

    Raises:
        ValueError: If `quality` is outside 1–100.
    """
    from PIL import Image

    if not 1 <= quality <= 100:
        raise ValueError("quality must be within 1-100")
    image = Image.fromarray(np.ascontiguousarray(pixels), "RGB")
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality, optimize=False, subsampling=_SUBSAMPLING_420)
    return out.getvalue()


def write_new_file(folder: Path, name: str, data: bytes) -> Path:
    """Write `data` under `folder` as `name`, or `stem-2.ext`, `stem-3.ext` … if taken.

    Never replaces an existing file, and never leaves a partial one: the bytes go to a hidden
    temporary file in the same folder, are flushed to disk, and are then hard-linked under the
    first free name (a link, unlike a rename, fails instead of replacing a file that appeared
    meanwhile). The temporary file is removed in every case.

    Returns:
        The path written.

    Raises:
        OSError: If the folder cannot be written, or no free name is found.
    """
    stem, suffix = os.path.splitext(name)
    fd, temp = tempfile.mkstemp(prefix=f".{stem}-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            # mkstemp makes the file private (0600); an exported photo is an ordinary file.
            os.fchmod(handle.fileno(), 0o644)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        for number in range(1, _MAX_SUFFIX + 1):
            target = folder / (name if number == 1 else f"{stem}-{number}{suffix}")
            try:
                _publish(temp, target)
            except FileExistsError:
                continue
            return target
        raise FileExistsError(f"no free name for {name} in {folder}")
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _publish(temp: str, target: Path) -> None:
    """Give the finished temporary file its name, failing if the name is taken."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError as exc:
        # Some file systems (FAT on a USB stick, some network shares) have no hard links:
        # claim the name with an exclusive create, then move the finished file over it.
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        os.replace(temp, target)


def temporary_beside(out: Path) -> Path:
    """An unused hidden name in `out`'s folder for a file written before it is renamed to
    `out` (beside it, so the rename stays on one file system and is atomic)."""
    return out.with_name(f".{out.stem}.{secrets.token_hex(6)}.part")


def write_failure(exc: BaseException) -> str:
    """Why writing an output failed, for ``output.write_failed``'s ``reason``."""
    return getattr(exc, "strerror", None) or type(exc).__name__
