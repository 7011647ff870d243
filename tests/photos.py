"""Real photos for tests (see data/photos/README.md), and copies altered the way reposts are.

A repost is rarely the same file: it is resized, re-encoded, cropped a little or brightened.
`altered` makes such a copy; `slideshow` makes a real H.264 video out of photos.
"""

from __future__ import annotations

import io
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageEnhance

PHOTOS = Path(__file__).parent / "data" / "photos"
NAMES = ("coffee", "cat", "astronaut", "rocket")


def photo(name: str) -> Path:
    """The committed photo `name` (one of `NAMES`)."""
    return PHOTOS / f"{name}.jpg"


def altered(
    name: str,
    *,
    scale: float = 1.0,
    crop: float = 0.0,
    brightness: float = 1.0,
    fmt: str = "JPEG",
    quality: int = 85,
) -> bytes:
    """Photo `name` with `crop` (a fraction) cut from every side, then scaled by `scale`,
    brightened by `brightness` (1 = as is), and encoded as `fmt`."""
    image = Image.open(photo(name)).convert("RGB")
    width, height = image.size
    dx, dy = round(width * crop), round(height * crop)
    image = image.crop((dx, dy, width - dx, height - dy))
    if scale != 1.0:
        size = (round(image.width * scale), round(image.height * scale))
        image = image.resize(size, Image.Resampling.LANCZOS)
    image = ImageEnhance.Brightness(image).enhance(brightness)
    out = io.BytesIO()
    image.save(out, fmt, **({"quality": quality} if fmt in ("JPEG", "WEBP") else {}))
    return out.getvalue()


def slideshow(
    path: Path,
    names: tuple[str, ...],
    *,
    size: tuple[int, int] = (320, 240),
    seconds_each: float = 1.0,
    fps: int = 15,
    gop: int = 15,
) -> Path:
    """An H.264 video showing each photo in turn, slowly zooming in (so frames change)."""
    width, height = size
    per_photo = round(seconds_each * fps)
    with av.open(str(path), mode="w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.codec_context.gop_size = gop
        stream.options = {"preset": "ultrafast"}
        index = 0
        for name in names:
            image = Image.open(photo(name)).convert("RGB")
            for step in range(per_photo):
                inset = round(step * 0.002 * image.width)
                box = (inset, inset, image.width - inset, image.height - inset)
                picture = np.asarray(image.resize(size, Image.Resampling.BILINEAR, box=box))
                frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
                frame.pts = index
                frame.time_base = Fraction(1, fps)
                out.mux(stream.encode(frame))
                index += 1
        out.mux(stream.encode())
    return path
