"""Images the brand picks for a product or as the storefront's logo: gated, thumbnailed,
uploaded — all in a worker, never on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from studio.ops import run_in_background
from studio.tasks import Lane
from studio.thumbnails import THUMB_SIZE, decode_thumbnail

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

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


def upload_in_background(
    ctx: AppContext,
    owner: QObject,
    path: Path,
    on_success: Callable[[str, QImage], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """`upload_image` in the media lane; the thumbnail goes into the app's cache before
    `on_success(sha256, thumbnail)`, so every view of the image finds it."""
    connection = ctx.connection

    def uploaded(result: tuple[str, QImage]) -> None:
        sha256, thumbnail = result
        ctx.thumbnails.put(sha256, thumbnail)
        on_success(sha256, thumbnail)

    run_in_background(
        ctx.runner,
        Lane.MEDIA,
        owner=owner,
        job=lambda _progress: upload_image(connection.client(), path),
        on_success=uploaded,
        on_failure=on_failure,
    )
