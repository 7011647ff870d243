"""Perceptual fingerprints of photos and videos, for finding the same picture posted twice.

A fingerprint is a 64-bit DCT hash (pHash): the picture in grey, squeezed to 32×32, its 8×8
lowest spatial frequencies compared with their median, one bit each. Those frequencies are the
picture's broad layout of light and dark, which survives what reposting does to a photo —
resizing, JPEG re-encoding, a light filter or brightness change, a small crop — while two
different photos disagree on about half the bits. How alike two pictures are is the Hamming
distance between their hashes: 0 for the same picture, around 32 for unrelated ones.

A video is fingerprinted by a few frames at fixed fractions of its length, so a re-encoded copy
(other keyframes, other bitrate) yields the same frames. Every file goes through the editor's
gates first; bad input raises `EditorError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import cv2
import numpy as np

from editor.imageio import DEFAULT_LIMITS, ImageLimits, load_reduced

__all__ = [
    "HASH_BITS",
    "VIDEO_FRAME_POSITIONS",
    "distances",
    "format_hashes",
    "hamming",
    "image_hash",
    "parse_hashes",
    "picture_hash",
    "video_hashes",
]

HASH_BITS = 64
_GREY_SIDE = 32
"""The grey downscale the DCT runs on: small enough to drop texture, noise and JPEG blocks."""
_LOW_FREQUENCIES = 8
"""8×8 lowest DCT frequencies: one bit each, 64 in all."""
_DECODE_SIDE = 256
"""A photo is decoded (DCT-scaled, for a JPEG) to at least this long side: far more than the
32×32 the hash needs, so the area average is the same as from the full picture, at a fraction
of a full decode's time and memory."""
_FRAME_SIDE = 128
"""Video frames are scaled to this long side while converting from YUV (cheap in swscale)."""
VIDEO_FRAME_POSITIONS = (0.1, 0.3, 0.5, 0.7, 0.9)
"""Where a video's fingerprint frames are taken, as fractions of its length: past an opening
fade and before closing credits, spread so that a copy trimmed a little still shares most."""


def picture_hash(rgb: np.ndarray) -> int:
    """The 64-bit pHash of a decoded H×W×3 RGB picture (any size).

    Returns:
        The hash as an unsigned int; bit 63 is the lowest frequency (the mean brightness).
    """
    grey = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY)
    small = cv2.resize(grey, (_GREY_SIDE, _GREY_SIDE), interpolation=cv2.INTER_AREA)
    low = cv2.dct(small.astype(np.float32))[:_LOW_FREQUENCIES, :_LOW_FREQUENCIES].ravel()
    # The median of the 63 AC terms: the DC term (mean brightness) dwarfs them and would pull
    # the median up; brightening a photo moves only DC, so the AC bits stay put.
    bits = low > np.median(low[1:])
    return int(np.packbits(bits).view(">u8")[0])


def image_hash(source: Path | bytes, *, limits: ImageLimits = DEFAULT_LIMITS) -> int:
    """The pHash of an image file, decoded through the gate (EXIF orientation applied).

    Args:
        source: A path or the file's bytes.
        limits: The gate's caps.

    Raises:
        EditorError: Any code of the image gate (``image.corrupt``, ``image.unsupported_format``
            …).
    """
    pixels = load_reduced(
        source, lambda width, height: _DECODE_SIDE / max(width, height), limits=limits
    )
    return picture_hash(pixels)


def video_hashes(path: Path | str) -> tuple[int, ...]:
    """The pHashes of a video's frames at `VIDEO_FRAME_POSITIONS` of its length, upright.

    Raises:
        EditorError: Any code of the video gate (``video.corrupt``, ``video.no_video`` …).
    """
    from editor.video.frames import FrameReader

    with FrameReader(path) as reader:
        length = reader.info.duration
        return tuple(
            picture_hash(reader.frame_at(length * position, _FRAME_SIDE))
            for position in VIDEO_FRAME_POSITIONS
        )


def hamming(a: int, b: int) -> int:
    """How many of the 64 bits two hashes differ in."""
    return (a ^ b).bit_count()


def distances(hashes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """The Hamming distance of every hash in `hashes` to every hash in `others`, vectorised.

    Args:
        hashes: A 1-D ``uint64`` array of k hashes.
        others: A 1-D ``uint64`` array of n hashes.

    Returns:
        A k×n ``uint8`` array of distances.
    """
    return np.bitwise_count(np.bitwise_xor(hashes[:, None], others[None, :]))


def format_hashes(hashes: Iterable[int]) -> str:
    """Hashes as text, 16 hex digits each: what a database can store, join and concatenate
    like any other string."""
    return "".join(f"{value:016x}" for value in hashes)


def parse_hashes(text: str) -> tuple[int, ...]:
    """The hashes written by `format_hashes`.

    Raises:
        ValueError: The text is not a whole number of 16-hex-digit hashes.
    """
    if len(text) % 16:
        raise ValueError("hashes are 16 hex digits each")
    return tuple(int(text[start : start + 16], 16) for start in range(0, len(text), 16))
