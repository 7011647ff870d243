"""Writing a publish package as files, shared by `main.py package` and the studio's dialog.

Both hold a `PublishPackage` and a way to read its images (over the client or from the local
store), so the file layout lives here once: `01.jpg`… in order, `cover.<ext>`, `caption.txt`
(UTF-8) and `meta.json`. Each file is written beside its target and renamed into place, so a
failed write never leaves a half file under the final name.

The cover is written one way for both kinds of note: when it is one of the images (a photo
note's first) it is a copy of that file as written; otherwise (a video note's `cover.jpg`,
chosen image or frame) it is read on its own (`GET /notes/{id}/package/cover`) and goes
through the same labelling as an image.

This is the one place every exported copy of a package passes (the CLI against a server or a
local folder, and the studio's dialog), so it is where a note flagged `ai_generated` gets the
implicit AI-generated-content label (`publisher.domain.aigc_label`, GB 45438-2025) written
into each JPEG, PNG and WebP image's XMP; the explicit one is `flags.ai_generated` in
meta.json. The stored originals and renders stay unlabelled: the flag can change after a
photo was edited, and the label is the note's, decided when it is handed on.

No image of such a note leaves unlabelled. One whose format has no XMP carrier written here
(HEIC and AVIF originals) is converted to a JPEG and labelled; the manifest already names it
`NN.jpg` (`publisher.services.package`). Videos are out of scope: they are written as stored,
without an implicit label (GB 45438 puts a video's in its container, which is not edited here).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path

from editor import EditorError, load_image
from publisher.domain.aigc_label import (
    AigcLabel,
    can_label,
    label_image,
    read_label,
    xmp_packet,
)
from publisher.domain.xmp_files import put_xmp
from publisher.schemas import PackageImage, PublishPackage

ImageReader = Callable[[int], bytes]
"""The bytes of the package image at a position."""
CoverReader = Callable[[], bytes]
"""The bytes of the package's cover."""


class PackageImageError(Exception):
    """An image whose AI-generated label cannot be written: its bytes are not a well-formed
    file of its type (or, for one converted to JPEG, cannot be decoded). The export stops
    rather than hand the image on without its label."""

    code = "package.image_malformed"

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self.params = {"file": filename}


def _write(target: Path, data: bytes) -> None:
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, target)


JPEG_QUALITY = 95
"""Of an image converted to carry the label: visually lossless, chroma at full resolution."""
_ORIENTATION = 0x0112


def _source_metadata(data: bytes, mime: str) -> tuple[bytes | None, bytes | None]:
    """(EXIF, XMP) of a HEIC/AVIF file, read from its header; None for what is missing or
    unreadable (losing camera data costs less than refusing the photo)."""
    from PIL import Image

    try:
        if mime == "image/heic":
            from pillow_heif import HeifImageFile

            opened: Image.Image = HeifImageFile(io.BytesIO(data))
        else:
            opened = Image.open(io.BytesIO(data))
        with opened:
            exif, xmp = opened.info.get("exif"), opened.info.get("xmp")
    except Exception:  # noqa: BLE001 - any decoder's error: the metadata is dropped, not the photo
        return None, None
    return (
        exif if isinstance(exif, bytes) else None,
        xmp if isinstance(xmp, bytes) else None,
    )


def as_jpeg(data: bytes, mime: str) -> bytes:
    """An image of a type with no XMP carrier (HEIC, AVIF) as a high-quality JPEG that can
    carry the label.

    The pixels go through the editor's gate and decode: upright (the orientation is applied,
    and the EXIF kept with it reset to 1), converted from their embedded profile (an iPhone's
    Display P3) to sRGB and written untagged, as every export of the studio is. The camera's
    EXIF stays as it does for a JPEG original; of the XMP only a generator's AI label is kept,
    so its producer fields survive the merge.

    Raises:
        EditorError: the bytes are not a decodable image (see `editor.load_image`).
    """
    from PIL import Image

    pixels = load_image(data)
    exif_bytes, xmp = _source_metadata(data, mime)
    exif = Image.Exif()
    if exif_bytes:
        try:
            exif.load(exif_bytes)
        except Exception:  # noqa: BLE001 - a damaged EXIF block is dropped, not the photo
            exif = Image.Exif()
    if _ORIENTATION in exif:
        exif[_ORIENTATION] = 1
    out = io.BytesIO()
    picture = Image.fromarray(pixels, "RGB")
    options = {"quality": JPEG_QUALITY, "subsampling": 0}
    try:
        picture.save(out, "JPEG", exif=exif, **options)
    except ValueError:  # an EXIF block past a JPEG segment's 64 KB
        out = io.BytesIO()
        picture.save(out, "JPEG", **options)
    converted = out.getvalue()
    producer = read_label(xmp) if xmp else None
    if producer is not None:
        converted = put_xmp(converted, "image/jpeg", xmp_packet(producer))
    return converted


def propagate_id(manifest: PublishPackage, image: PackageImage) -> str:
    """The studio's stable id of one package image: the note's id and the image's number."""
    return f"{manifest.note_id}/{image.position + 1:02d}"


def write_package(
    manifest: PublishPackage,
    read_image: ImageReader,
    out: Path,
    *,
    read_cover: CoverReader | None = None,
) -> list[Path]:
    """Write the package's files into `out` (created if missing); the paths written.

    In a note flagged `ai_generated` every image is labelled, a HEIC or AVIF one after it is
    converted to `NN.jpg` (`as_jpeg`); videos are written as stored (see the module's notes).
    `read_cover` reads a cover that is none of the images; without it no such cover is
    written.

    Raises:
        PackageImageError: an image to be labelled is malformed (files before it are written).
        OSError: `out` or a file in it cannot be written.
    """
    out.mkdir(parents=True, exist_ok=True)
    written = []
    names = []
    for image in manifest.images:
        data, name = _exported(manifest, image, read_image(image.position))
        _write(out / name, data)
        written.append(out / name)
        names.append(name)
        if image == manifest.cover:
            written.append(_write_cover(out, name, data))
    cover = manifest.cover
    if cover is not None and cover not in manifest.images and read_cover is not None:
        data, name = _exported(manifest, cover, read_cover())
        written.append(_write_cover(out, name, data))
    caption = out / "caption.txt"
    _write(caption, manifest.caption.encode("utf-8"))
    meta = out / "meta.json"
    document = {
        "note_id": str(manifest.note_id),
        "title": manifest.title,
        "images": names,
        **manifest.meta.model_dump(mode="json"),
    }
    _write(meta, json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
    return written + [caption, meta]


def _exported(manifest: PublishPackage, image: PackageImage, data: bytes) -> tuple[bytes, str]:
    """(bytes, file name) of a file as the package hands it on: labelled when it is an image
    of a note flagged `ai_generated`, else as read."""
    if manifest.meta.flags.get("ai_generated") and image.mime.startswith("image/"):
        return _labelled(manifest, image, data)
    return data, image.filename


def _write_cover(out: Path, name: str, data: bytes) -> Path:
    """`cover.<ext>` beside the images, `<ext>` that of the file as written."""
    cover = out / ("cover" + Path(name).suffix)
    _write(cover, data)
    return cover


def _labelled(manifest: PublishPackage, image: PackageImage, data: bytes) -> tuple[bytes, str]:
    """(bytes, file name) of an AI-generated note's image, carrying the label."""
    mime, name = image.mime, image.filename
    try:
        if not can_label(mime):
            data, mime = as_jpeg(data, mime), "image/jpeg"
            name = str(Path(name).with_suffix(".jpg"))
        label = AigcLabel.propagated(propagate_id(manifest, image))
        return label_image(data, mime, label), name
    except (ValueError, EditorError) as exc:  # XmpContainerError is a ValueError
        raise PackageImageError(image.filename) from exc
