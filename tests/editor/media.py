"""Small images generated on the fly for the editor tests, so no binary fixtures are committed."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
from PIL import Image

RED = (255, 0, 0)
BLUE = (0, 0, 255)
WHITE = (255, 255, 255)


def encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    """Return `image` saved in Pillow format `fmt` (``"JPEG"``, ``"PNG"``, ``"WEBP"`` …)."""
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def heic(image: Image.Image, **params: object) -> bytes:
    """Return `image` saved as HEIC with pillow_heif (without registering it with Pillow)."""
    import pillow_heif

    out = io.BytesIO()
    pillow_heif.from_pillow(image).save(out, **params)
    return out.getvalue()


def halves(size: tuple[int, int], left: tuple[int, ...], right: tuple[int, ...]) -> Image.Image:
    """An RGB image whose left half is `left` and right half is `right`."""
    width, height = size
    pixels = np.empty((height, width, 3), dtype=np.uint8)
    pixels[:, : width // 2] = left
    pixels[:, width // 2 :] = right
    return Image.fromarray(pixels)


def png_claiming(width: int, height: int) -> bytes:
    """A valid-looking PNG of a few dozen bytes whose IHDR claims `width` × `height`."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


def assert_close(actual: np.ndarray, expected: tuple[int, ...], tolerance: int = 0) -> None:
    """Assert every pixel of `actual` is within `tolerance` of the colour `expected`."""
    difference = np.abs(actual.astype(np.int16) - np.array(expected, dtype=np.int16))
    assert difference.max() <= tolerance, f"{actual.reshape(-1, actual.shape[-1])[0]} != {expected}"
