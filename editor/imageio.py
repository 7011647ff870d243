"""The gate every image file passes before a decoder sees it, and the decode that follows.

A source (a path or the file's bytes) must be a regular file within the size cap, be one of the
allowed formats by its magic bytes (JPEG, PNG, WebP, HEIC and, where Pillow can decode it,
AVIF), and declare dimensions and a frame count within `ImageLimits` in its header; only then
is it decoded, and the result is normalised to 8-bit RGB with EXIF orientation applied. Every
refusal is an `EditorError` with a stable code. Pillow, pillow_heif and numpy are imported on
first use, so importing this module (for `sniff_format` or the error types) stays cheap.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from functools import lru_cache
from math import ceil
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

from editor.errors import EditorError
from editor.files import open_regular

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image, ImageCms, ImageFile

__all__ = [
    "DEFAULT_LIMITS",
    "ImageInfo",
    "ImageLimits",
    "load_image",
    "load_reduced",
    "make_thumbnail",
    "mime_for",
    "probe_image",
    "sniff_format",
]

_MIME = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    # Only HEVC-coded HEIF passes the gate, and image/heic is that flavour's registered type.
    "heif": "image/heic",
    "avif": "image/avif",
}

# How much of a file sniff_format is given: enough for an ftyp box with a dozen brands.
_HEAD_BYTES = 64

# ISO-BMFF (HEIF family) brands. HEVC brands go to pillow_heif; AV1 brands go to Pillow's AVIF
# plugin. mif1/msf1 only say "image (sequence) in a HEIF container" without naming the codec,
# so for them the compatible brands decide.
_HEVC_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_CONTAINER_BRANDS = frozenset({b"mif1", b"msf1"})

# Exceptions the decoders raise on hostile or damaged data; each one means "this file is
# corrupt", never "our code is wrong", because only calls into Pillow/pillow_heif are wrapped.
# MemoryError is deliberately absent: the caps below bound what a decode allocates, so running
# out of memory says something about the process, not the file.
_DECODER_ERRORS = (
    OSError,  # Pillow: "image file is truncated", decoder errors, unidentified data
    SyntaxError,  # Pillow plugins: "not a PNG file"; pillow_heif wraps libheif parse errors in it
    ValueError,  # bare ValueError from odd headers; pillow_heif: "invalid input data"
    EOFError,  # pillow_heif: corrupted image data; Pillow: header without a first frame
    RuntimeError,  # pillow_heif: libheif's "some other error"
    # Pillow's parsers leak these when data ends early or names an unknown mode (Image.open
    # catches the same set around its plugins, which we call directly).
    struct.error,
    IndexError,
    TypeError,
    KeyError,
)

# EXIF orientations (1 = as stored) whose display swaps width and height.
_SWAPS_AXES = frozenset({5, 6, 7, 8})

_WHITE = (255, 255, 255)

# Embedded colour profiles are a few hundred bytes to a few KiB; anything past this is refused
# as a profile (the photo is still decoded, as untagged sRGB).
_MAX_ICC_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ImageLimits:
    """Caps checked against a file and its header before anything is decoded.

    Attributes:
        max_bytes: Largest file accepted, in bytes.
        max_pixels: Largest width × height of one frame.
        max_side: Longest width or height.
        max_frames: Most frames (animation frames, HEIF top-level images) a file may declare;
            only the first (primary) one is decoded, but a file claiming thousands is refused.
    """

    max_bytes: int = 50 * 1024 * 1024
    max_pixels: int = 100_000_000
    max_side: int = 20_000
    max_frames: int = 100

    def __post_init__(self) -> None:
        for field in fields(self):
            if getattr(self, field.name) < 1:
                raise ValueError(f"ImageLimits.{field.name} must be at least 1")


DEFAULT_LIMITS = ImageLimits()


@dataclass(frozen=True)
class ImageInfo:
    """What the header of an accepted image says, read without decoding it.

    Attributes:
        format: One of ``"jpeg"``, ``"png"``, ``"webp"``, ``"heif"``, ``"avif"``.
        mime: The MIME type for the format (see `mime_for`).
        width: Width as displayed, i.e. with the EXIF orientation applied.
        height: Height as displayed.
        frames: Frames or top-level images the file declares (1 for a still; a JPEG counts
            its primary image only).
        size_bytes: Size of the file in bytes.
    """

    format: str
    mime: str
    width: int
    height: int
    frames: int
    size_bytes: int


class _Gated(NamedTuple):
    image: ImageFile.ImageFile  # opened (header parsed), not decoded
    info: ImageInfo
    # Taken from the header before decoding, so that probe and decode agree even for a PNG
    # whose eXIf chunk only follows the pixel data.
    orientation: int


def sniff_format(head: bytes) -> str | None:
    """Identify an allowed image format by its magic bytes; the file name is never consulted.

    ``"avif"`` is recognised here whether or not this Pillow can decode it; the gate in
    `probe_image` refuses it when it cannot (Pillow < 11.3 or a build without libavif).

    Args:
        head: The first bytes of the file; 64 are enough for every format.

    Returns:
        ``"jpeg"``, ``"png"``, ``"webp"``, ``"heif"`` (HEVC-coded HEIF, i.e. HEIC) or
        ``"avif"``; None for anything else, including EPS/PostScript, PDF, SVG, HTML, GIF,
        TIFF and HEIF files holding other codecs.
    """
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return _sniff_ftyp(head)


def _sniff_ftyp(head: bytes) -> str | None:
    if len(head) < 16 or head[4:8] != b"ftyp":
        return None
    box_size = int.from_bytes(head[:4], "big")
    # An ftyp box holds at least a major brand and a minor version; sizes 0 ("to the end of the
    # file") and 1 ("64-bit size follows") never occur for it in a real file.
    if box_size < 16:
        return None
    major = head[8:12]
    if major in _HEVC_BRANDS:
        return "heif"
    if major in _AVIF_BRANDS:
        return "avif"
    if major not in _CONTAINER_BRANDS:
        return None
    end = min(box_size, len(head))
    compatible = {head[i : i + 4] for i in range(16, end - 3, 4)}
    if compatible & _HEVC_BRANDS:
        return "heif"
    if compatible & _AVIF_BRANDS:
        return "avif"
    return None


def mime_for(format: str) -> str:
    """Return the MIME type of an image format named by `sniff_format`.

    Args:
        format: A format name such as ``"jpeg"``.

    Returns:
        The MIME type, e.g. ``"image/jpeg"``.

    Raises:
        ValueError: If the format is not one `sniff_format` returns.
    """
    try:
        return _MIME[format]
    except KeyError:
        raise ValueError(f"unknown image format {format!r}") from None


def probe_image(source: Path | bytes, *, limits: ImageLimits = DEFAULT_LIMITS) -> ImageInfo:
    """Pass a file through the gate and report what its header says, without decoding it.

    Args:
        source: A path (symlinks are followed, but must end at a regular file) or the file's
            content as bytes.
        limits: The caps to enforce.

    Returns:
        The format, MIME type, displayed dimensions, frame count and size of the file.

    Raises:
        EditorError: ``file.not_found``, ``file.unreadable``, ``file.not_regular``,
            ``file.empty``, ``file.too_large``, ``image.unsupported_format``,
            ``image.corrupt``, ``image.too_many_pixels``, ``image.side_too_long`` or
            ``image.too_many_frames``.
    """
    with _gate(source, limits) as gated:
        return gated.info


def load_image(
    source: Path | bytes,
    *,
    max_side: int | None = None,
    limits: ImageLimits = DEFAULT_LIMITS,
) -> np.ndarray:
    """Decode an image through the gate into an upright 8-bit RGB array.

    Normalisation: EXIF orientation applied; CMYK, grayscale and palette images converted to
    RGB; 16-bit samples scaled to 8 bits (not clipped); transparency composited on white. A
    truncated file is refused rather than returned half-decoded.

    Args:
        source: A path or the file's content as bytes, as for `probe_image`.
        max_side: If given, the long side of the result is at most this many pixels; JPEGs are
            then decoded at reduced size (DCT scaling), which is much faster for proxies.
        limits: The caps to enforce before decoding.

    Returns:
        A read-only H×W×3 ``uint8`` array; originals are immutable, so copy it to edit in place.

    Raises:
        EditorError: Any code `probe_image` raises; ``image.corrupt`` also when the pixel data
            turns out to be damaged or truncated.
        ValueError: If ``max_side`` is less than 1.
    """
    import numpy as np

    _check_positive("max_side", max_side)
    with _gate(source, limits) as gated:
        return np.asarray(_decode(gated, max_side))


def load_reduced(
    source: Path | bytes,
    scale_for: Callable[[int, int], float],
    *,
    limits: ImageLimits = DEFAULT_LIMITS,
) -> np.ndarray:
    """Decode an image through the gate at the smallest size the caller can use, cheaply.

    JPEGs are scaled in the DCT by 1/2, 1/4 or 1/8, whichever keeps at least the scale asked
    for; other formats decode at full size. Nothing is resampled afterwards, so the result is
    between the asked scale and full size: the caller resamples once, to exactly what it needs.
    Normalisation is that of `load_image`.

    Args:
        source: A path or the file's content as bytes, as for `probe_image`.
        scale_for: Given the displayed width and height from the header, the smallest scale
            (relative to that size) the caller can use; 1 or more decodes at full size.
        limits: The caps to enforce before decoding.

    Returns:
        A read-only H×W×3 ``uint8`` array, upright.

    Raises:
        EditorError: Any code `load_image` raises.
    """
    import numpy as np

    with _gate(source, limits) as gated:
        scale = scale_for(gated.info.width, gated.info.height)
        return np.asarray(_decode_at(gated, min(1.0, scale)))


def make_thumbnail(
    source: Path | bytes,
    size: int = 256,
    *,
    quality: int = 85,
    limits: ImageLimits = DEFAULT_LIMITS,
) -> bytes:
    """Make a JPEG thumbnail of an image, carrying no metadata at all.

    Nothing of the source's metadata is written: no EXIF (so no GPS position or camera
    serial), XMP, ICC profile or comment; the orientation is baked into the pixels instead.

    Args:
        source: A path or the file's content as bytes, as for `probe_image`.
        size: The long side of the thumbnail is at most this many pixels; smaller images are
            not enlarged.
        quality: JPEG quality, 1–95.
        limits: The caps to enforce before decoding.

    Returns:
        The JPEG file's bytes.

    Raises:
        EditorError: Any code `load_image` raises.
        ValueError: If ``size`` is less than 1 or ``quality`` is outside 1–95.
    """
    from PIL import Image

    _check_positive("size", size)
    if not 1 <= quality <= 95:
        raise ValueError("quality must be within 1-95")
    with _gate(source, limits) as gated:
        decoded = _decode(gated, size)
        # A new image from the pixels alone: Pillow's writers fall back on an image's info
        # (the JPEG writer copies its comment, for one), and nothing of the source may pass.
        bare = Image.frombytes("RGB", decoded.size, decoded.tobytes())
    out = io.BytesIO()
    bare.save(out, "JPEG", quality=quality)
    return out.getvalue()


def _check_positive(name: str, value: int | None) -> None:
    if value is not None and value < 1:
        raise ValueError(f"{name} must be at least 1")


@contextmanager
def _gate(source: Path | bytes, limits: ImageLimits) -> Iterator[_Gated]:
    stream, size = _open_source(source, limits)
    with stream:
        fmt = sniff_format(stream.read(_HEAD_BYTES))
        if fmt is None or (fmt == "avif" and not _avif_decodable()):
            raise EditorError("image.unsupported_format", {"format": fmt} if fmt else {})
        stream.seek(0)
        image = _open_header(fmt, stream)
        try:
            orientation = _orientation(image)
            info = _check_header(image, fmt=fmt, size=size, orientation=orientation, limits=limits)
            yield _Gated(image, info, orientation)
        finally:
            image.close()


def _open_source(source: Path | bytes, limits: ImageLimits) -> tuple[IO[bytes], int]:
    if isinstance(source, bytes):
        _check_size(len(source), limits)
        return io.BytesIO(source), len(source)
    return open_regular(source, lambda size: _check_size(size, limits))


def _check_size(size: int, limits: ImageLimits) -> None:
    if size == 0:
        raise EditorError("file.empty")
    if size > limits.max_bytes:
        raise EditorError("file.too_large", {"size": size, "max": limits.max_bytes})


def _avif_decodable() -> bool:
    from PIL import features

    try:
        return bool(features.check_module("avif"))
    except ValueError:  # Pillow before 11.3 does not know the module at all
        return False


def _opener(fmt: str) -> Callable[[IO[bytes]], ImageFile.ImageFile]:
    # We call the one plugin class that matches the sniffed format instead of Image.open, so no
    # other Pillow parser ever sees the file, and Pillow's process-global decompression-bomb
    # threshold (which only warns between 89 and 179 Mpx) plays no part: ImageLimits decide.
    # HEIF goes the same way, so pillow_heif's opener is never registered globally.
    if fmt == "jpeg":
        # Not jpeg_factory: we decode the primary image only, so MPO extras (depth maps,
        # second views) need no parsing, and its malformed-MPO warning cannot fire.
        from PIL.JpegImagePlugin import JpegImageFile

        return JpegImageFile
    if fmt == "png":
        from PIL.PngImagePlugin import PngImageFile

        return PngImageFile
    if fmt == "webp":
        from PIL.WebPImagePlugin import WebPImageFile

        return WebPImageFile
    if fmt == "heif":
        from pillow_heif import HeifImageFile

        return HeifImageFile
    from PIL.AvifImagePlugin import AvifImageFile

    return AvifImageFile


def _open_header(fmt: str, stream: IO[bytes]) -> ImageFile.ImageFile:
    opener = _opener(fmt)
    try:
        return opener(stream)
    except _DECODER_ERRORS as exc:
        raise EditorError("image.corrupt") from exc


def _orientation(image: ImageFile.ImageFile) -> int:
    from PIL import ExifTags

    # PngImageFile.getexif() decodes the whole image to look for an eXIf chunk after the pixel
    # data; a header-only probe must not, so such a late chunk is not consulted.
    if image.format == "PNG" and "exif" not in image.info:
        return 1
    try:
        value = image.getexif().get(ExifTags.Base.Orientation, 1)
    except _DECODER_ERRORS:
        # Unreadable metadata should cost the creator the orientation hint, not the photo; the
        # pixel data is still checked by the decoder.
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _check_header(
    image: ImageFile.ImageFile, *, fmt: str, size: int, orientation: int, limits: ImageLimits
) -> ImageInfo:
    width, height = image.size
    pixels = width * height
    if pixels > limits.max_pixels:
        raise EditorError(
            "image.too_many_pixels",
            {"width": width, "height": height, "pixels": pixels, "max": limits.max_pixels},
        )
    if max(width, height) > limits.max_side:
        raise EditorError(
            "image.side_too_long", {"width": width, "height": height, "max": limits.max_side}
        )
    frames = getattr(image, "n_frames", 1)
    if frames > limits.max_frames:
        raise EditorError("image.too_many_frames", {"frames": frames, "max": limits.max_frames})
    if orientation in _SWAPS_AXES:
        width, height = height, width
    return ImageInfo(
        format=fmt,
        mime=_MIME[fmt],
        width=width,
        height=height,
        frames=frames,
        size_bytes=size,
    )


def _decode(gated: _Gated, max_side: int | None) -> Image.Image:
    long_side = max(gated.image.size)
    scale = 1.0 if max_side is None else min(1.0, max_side / long_side)
    rgb = _decode_at(gated, scale, orient=False)
    if max_side is not None:
        rgb = _fit(rgb, max_side)
    # Rotating last, on the smallest image, is cheapest; fitting the long side does not care.
    return _apply_orientation(rgb, gated.orientation)


def _decode_at(gated: _Gated, scale: float, *, orient: bool = True) -> Image.Image:
    image = gated.image
    if scale < 1.0:
        # JPEG decodes at 1/2, 1/4 or 1/8 scale in the DCT and HEIF may use an embedded
        # thumbnail; both keep at least the requested size. Other formats ignore the request.
        image.draft("RGB", (ceil(image.width * scale), ceil(image.height * scale)))
    try:
        image.load()
    except _DECODER_ERRORS as exc:
        raise EditorError("image.corrupt") from exc
    rgb = _to_rgb(image)
    if rgb is not image:
        # Free the decoded original before the next copy: with a 100-megapixel RGBA PNG the
        # two would otherwise hold 700 MB at once.
        image.close()
    rgb = _to_srgb(rgb, image.info.get("icc_profile"))
    return _apply_orientation(rgb, gated.orientation) if orient else rgb


def _to_srgb(image: Image.Image, icc: object) -> Image.Image:
    """Convert RGB pixels tagged with another colour space (an iPhone's Display P3, Adobe RGB)
    to sRGB: the space screens are assumed to show and exports are published in, untagged.
    Untagged and sRGB-tagged pixels are sRGB already and cost nothing; a profile that cannot
    be read, is not an RGB profile, or is implausibly large costs the conversion, not the
    photo. (LittleCMS takes about 20 ns a pixel: 60 ms for a half-size 12 MP decode.)
    """
    if not isinstance(icc, bytes) or not icc or len(icc) > _MAX_ICC_BYTES:
        return image
    transform = _srgb_transform(icc)
    return image if transform is None else transform.apply(image)


@lru_cache(maxsize=8)  # a photo library holds a handful of distinct profiles
def _srgb_transform(icc: bytes) -> ImageCms.ImageCmsTransform | None:
    from PIL import ImageCms

    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if profile.profile.xcolor_space.strip() != "RGB":
            return None
        if "srgb" in ImageCms.getProfileDescription(profile).lower():
            return None
        return ImageCms.buildTransform(profile, ImageCms.createProfile("sRGB"), "RGB", "RGB")
    # What a damaged or hostile profile raises: OSError when LittleCMS cannot read it at all,
    # ValueError (UnicodeDecodeError) from `xcolor_space` when its colour-space signature is
    # not ASCII, PyCMSError from describing it or building the transform (Pillow wraps its
    # C core's errors in it). Each costs the conversion only: the photo decodes as sRGB.
    except (ImageCms.PyCMSError, OSError, ValueError):
        return None


def _to_rgb(image: Image.Image) -> Image.Image:
    from PIL import Image

    if image.mode.startswith("I;16"):  # 16-bit grayscale PNG
        return _gray16_to_rgb(image)
    if image.has_transparency_data:
        rgba = image if image.mode == "RGBA" else image.convert("RGBA")
        flat = Image.new("RGB", image.size, _WHITE)
        flat.paste(rgba, mask=rgba)
        return flat
    # Pillow's 16-bit RGB(A) PNG decoder already keeps the high byte: a scale, not a clip.
    return image if image.mode == "RGB" else image.convert("RGB")


def _gray16_to_rgb(image: Image.Image) -> Image.Image:
    import numpy as np
    from PIL import Image

    # Pillow's own I;16 → L conversion clips at 255; scale with rounding instead
    # (65535 → 255, 32768 → 128). A 64 K lookup table avoids a wide temporary per pixel.
    lut = ((np.arange(65536, dtype=np.uint32) * 255 + 32767) // 65535).astype(np.uint8)
    samples = np.asarray(image)
    gray = lut[samples]
    transparent = image.info.get("transparency")
    if isinstance(transparent, int):
        # A gray tRNS marks one exact sample value as fully transparent: white on white.
        gray[samples == transparent] = 255
    return Image.fromarray(gray).convert("RGB")


def _fit(image: Image.Image, max_side: int) -> Image.Image:
    from PIL import Image

    width, height = image.size
    long_side = max(width, height)
    if long_side <= max_side:
        return image
    scale = max_side / long_side
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    # reducing_gap=3 first shrinks by an integer factor, then resamples: several times faster,
    # and per Pillow's documentation indistinguishable from a plain Lanczos pass.
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _apply_orientation(image: Image.Image, orientation: int) -> Image.Image:
    from PIL import Image

    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    return image if method is None else image.transpose(method)
