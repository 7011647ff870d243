"""Images the brand picks for a product or as the storefront's logo: gated, thumbnailed,
uploaded — all in a worker, never on the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from studio.thumbnails import THUMB_SIZE, decode_thumbnail

if TYPE_CHECKING:
    from publisher.client import StudioClient

IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp *.heic *.heif"


def upload_image(client: StudioClient, path: Path) -> tuple[str, QImage]:
    """The stored image's sha256 and its thumbnail.

    Raises:
        EditorError: the gate's codes (`file.*`, `image.*`) for a file that is no usable image.
        ClientError: the upload failed.
    """
    import editor  # heavy (Pillow, numpy): loaded in the worker, on first use

    editor.probe_image(path)
    thumbnail = decode_thumbnail(editor.make_thumbnail(path, THUMB_SIZE))
    return client.upload_media(path).sha256, thumbnail
