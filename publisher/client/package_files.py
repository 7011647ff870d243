"""Writing a publish package as files, shared by `main.py package` and the studio's dialog.

Both hold a `PublishPackage` and a way to read its images (over the client or from the local
store), so the file layout lives here once: `01.jpg`… in order, `cover.<ext>`, `caption.txt`
(UTF-8) and `meta.json`. Each file is written beside its target and renamed into place, so a
failed write never leaves a half file under the final name.

This is the one place every exported copy of a package passes (the CLI against a server or a
local folder, and the studio's dialog), so it is where a note flagged `ai_generated` gets the
implicit AI-generated-content label (`publisher.domain.aigc_label`, GB 45438-2025) written
into each JPEG, PNG and WebP image's XMP; the explicit one is `flags.ai_generated` in
meta.json. The stored originals and renders stay unlabelled: the flag can change after a
photo was edited, and the label is the note's, decided when it is handed on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from publisher.domain.aigc_label import AigcLabel, can_label, label_image
from publisher.schemas import PackageImage, PublishPackage

ImageReader = Callable[[int], bytes]
"""The bytes of the package image at a position."""


class PackageImageError(Exception):
    """An image whose AI-generated label cannot be written: its bytes are not a well-formed
    file of its type. The export stops rather than hand the image on without its label."""

    code = "package.image_malformed"

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self.params = {"file": filename}


def _write(target: Path, data: bytes) -> None:
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, target)


def propagate_id(manifest: PublishPackage, image: PackageImage) -> str:
    """The studio's stable id of one package image: the note's id and the image's number."""
    return f"{manifest.note_id}/{image.position + 1:02d}"


def write_package(manifest: PublishPackage, read_image: ImageReader, out: Path) -> list[Path]:
    """Write the package's files into `out` (created if missing); the paths written.

    Raises:
        PackageImageError: an image to be labelled is malformed (files before it are written).
        OSError: `out` or a file in it cannot be written.
    """
    out.mkdir(parents=True, exist_ok=True)
    written = []
    ai_generated = bool(manifest.meta.flags.get("ai_generated"))
    for image in manifest.images:
        data = read_image(image.position)
        if ai_generated and can_label(image.mime):
            label = AigcLabel.propagated(propagate_id(manifest, image))
            try:
                data = label_image(data, image.mime, label)
            except ValueError as exc:
                raise PackageImageError(image.filename) from exc
        _write(out / image.filename, data)
        written.append(out / image.filename)
        if manifest.cover and image.position == manifest.cover.position:
            cover = out / ("cover" + Path(image.filename).suffix)
            _write(cover, data)
            written.append(cover)
    caption = out / "caption.txt"
    _write(caption, manifest.caption.encode("utf-8"))
    meta = out / "meta.json"
    document = {
        "note_id": str(manifest.note_id),
        "title": manifest.title,
        "images": [image.filename for image in manifest.images],
        **manifest.meta.model_dump(mode="json"),
    }
    _write(meta, json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
    return written + [caption, meta]
