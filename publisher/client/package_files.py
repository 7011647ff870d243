"""Writing a publish package as files, shared by `main.py package` and the studio's dialog.

Both hold a `PublishPackage` and a way to read its images (over the client or from the local
store), so the file layout lives here once: `01.jpg`… in order, `cover.<ext>`, `caption.txt`
(UTF-8) and `meta.json`. Each file is written beside its target and renamed into place, so a
failed write never leaves a half file under the final name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from publisher.schemas import PublishPackage

ImageReader = Callable[[int], bytes]
"""The bytes of the package image at a position."""


def _write(target: Path, data: bytes) -> None:
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, target)


def write_package(manifest: PublishPackage, read_image: ImageReader, out: Path) -> list[Path]:
    """Write the package's files into `out` (created if missing); the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for image in manifest.images:
        data = read_image(image.position)
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
