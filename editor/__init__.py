"""The media engine: images and video as data, with no Qt, no database and no network.

Every file enters through the gate in `editor.imageio`; bad input surfaces as an `EditorError`
whose code the caller translates.
"""

from __future__ import annotations

from editor.errors import EditorError
from editor.imageio import (
    DEFAULT_LIMITS,
    ImageInfo,
    ImageLimits,
    load_image,
    make_thumbnail,
    mime_for,
    probe_image,
    sniff_format,
)

__all__ = [
    "DEFAULT_LIMITS",
    "EditorError",
    "ImageInfo",
    "ImageLimits",
    "load_image",
    "make_thumbnail",
    "mime_for",
    "probe_image",
    "sniff_format",
]
