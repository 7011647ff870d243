"""Pictures the video editor shows beside the preview, made on worker threads: the timeline's
thumbnail strips and the cover candidates.

Workers make QImages (safe off the UI thread); the pixmaps are made on delivery.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage, QPixmap

from editor.video.cover import cover_candidates
from editor.video.frames import FrameReader, thumbnails
from studio.editor.render_worker import to_qimage
from studio.ops import run_in_background
from studio.tasks import Lane
from studio.video.sources import Source

if TYPE_CHECKING:
    from studio.context import AppContext

STRIP_HEIGHT = 72
"""Thumbnail height in the timeline's clip track (it draws them at up to this)."""
CANDIDATE_SIDE = 240
CANDIDATES = 8
Frames = list[tuple[float, QPixmap]]


def _pixmaps(frames: list[tuple[float, QImage]]) -> Frames:
    return [(t, QPixmap.fromImage(image)) for t, image in frames]


def load_strip(
    owner: QObject, ctx: AppContext, source: Source, deliver: Callable[[str, Frames], None]
) -> None:
    """Thumbnails across `source` for the timeline, delivered as ``deliver(key, frames)``."""
    if source.video is None:
        return
    count = max(8, min(120, round(source.duration)))
    path, info = source.path, source.video

    def job(_progress: Callable[[float], None]) -> list[tuple[float, QImage]]:
        return [
            (t, to_qimage(picture))
            for t, picture in thumbnails(path, count, height=STRIP_HEIGHT, info=info)
        ]

    run_in_background(
        ctx.runner,
        Lane.MEDIA,
        owner=owner,
        job=job,
        on_success=lambda frames: deliver(source.key, _pixmaps(frames)),
        on_failure=lambda _error: None,  # the strip stays plain; the preview reports errors
    )


def load_cover_candidates(
    owner: QObject, ctx: AppContext, source: Source | None, deliver: Callable[[Frames], None]
) -> None:
    """The best cover frames of the note's video (sharp, well exposed, faces), as (source
    time, picture) pairs; `editor.video.timeline.output_time` places them on the edit."""
    if source is None or source.video is None:
        deliver([])
        return
    path, info = source.path, source.video

    def job(_progress: Callable[[float], None]) -> list[tuple[float, QImage]]:
        with FrameReader(path, info) as reader:
            return [
                (found.time, to_qimage(reader.frame_at(found.time, max_side=CANDIDATE_SIDE)))
                for found in cover_candidates(path, count=CANDIDATES, info=info)
            ]

    run_in_background(
        ctx.runner,
        Lane.MEDIA,
        owner=owner,
        job=job,
        on_success=lambda frames: deliver(_pixmaps(frames)),
        on_failure=lambda _error: deliver([]),
    )
