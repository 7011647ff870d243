"""Small generated media for tests: real encoded images, made on the fly."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (60, 80), color=(220, 60, 80)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def write_image(path: Path, fmt: str = "JPEG", **kwargs) -> Path:
    path.write_bytes(image_bytes(fmt, **kwargs))
    return path
