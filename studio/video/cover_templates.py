"""A video note's cover made from a template: the chosen frame, as edited, in a video-cover
template with the note's title and the brand style.

The dialog shows each video-cover template drawn with the frame; choosing one renders it at
full size on a worker, uploads the JPEG, and hands back its sha256 for the edit's
`Cover(time, sha256)`. The frame is rendered through the edit's own `FrameRenderer` (look,
frame, overlays at that moment), so the cover shows what the video shows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.brand import BrandStyle
from editor.export import encode_jpeg
from editor.render import LookResolver
from editor.stickers import StickerResolver
from editor.templates import render_template
from editor.video.edit import VideoEdit
from editor.video.frames import frame_at
from editor.video.render import FrameRenderer
from editor.video.timeline import clip_at
from studio.covers.catalog import TemplateEntry, builtin_entries
from studio.editor.render_worker import to_qimage
from studio.ops import run_in_background
from studio.tasks import Lane
from studio.video.sources import Source

if TYPE_CHECKING:
    from studio.context import AppContext

_THUMB_WIDTH = 180
_TITLE_SLOT = "title"


def video_cover_entries() -> list[TemplateEntry]:
    """The shipped video-cover templates."""
    return [entry for entry in builtin_entries() if entry.group == "video"]


def edited_frame(
    edit: VideoEdit,
    sources: Mapping[str, Source],
    t: float,
    *,
    looks: LookResolver,
    stickers: StickerResolver,
) -> np.ndarray:
    """The frame the video shows at output time `t`, at the export's size, with the edit's
    look and the overlays shown then."""
    durations = {key: source.duration for key, source in sources.items()}
    _, placed = clip_at(edit, durations, t)
    source, first = sources[placed.clip.source], sources[edit.clips[0].source]
    assert source.video is not None and first.video is not None
    picture = frame_at(source.path, placed.source_time(t), info=source.video)
    renderer = FrameRenderer(
        edit, (first.video.width, first.video.height), looks=looks, stickers=stickers
    )
    return renderer.render(picture, t)


def draw_cover(
    entry: TemplateEntry,
    frame: np.ndarray,
    title: str,
    *,
    width: int | None,
    brand: BrandStyle | None,
    stickers: StickerResolver,
) -> np.ndarray:
    texts = (
        {_TITLE_SLOT: title} if title.strip() and _TITLE_SLOT in entry.template.text_slots else {}
    )
    return render_template(
        entry.template,
        [frame],
        texts,
        width=width,
        brand=brand,
        stickers=stickers,
    )


class VideoCoverDialog(QDialog):
    """Pick a template for the cover frame; `chosen(entry)` when one is accepted."""

    chosen = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cover from a template"))
        self._ctx = ctx
        self._entries = video_cover_entries()
        heading = QLabel(
            self.tr("The chosen frame with the note's title, in a video-cover template."), self
        )
        heading.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(_THUMB_WIDTH, _THUMB_WIDTH * 16 // 9))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setSpacing(12)
        self.list.setMinimumSize(3 * (_THUMB_WIDTH + 36), _THUMB_WIDTH * 16 // 9 + 70)
        for entry in self._entries:
            item = QListWidgetItem(entry.title, self.list)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this cover"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept())
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def show_frame(self, frame: np.ndarray, title: str) -> None:
        """Draw every template with `frame` (on a worker) and show the dialog."""
        entries, brand, stickers = self._entries, self._ctx.brand.style, self._ctx.stickers

        def job(_progress: Callable[[float], None]) -> list[QImage]:
            return [
                to_qimage(
                    draw_cover(
                        entry, frame, title, width=_THUMB_WIDTH, brand=brand, stickers=stickers
                    )
                )
                for entry in entries
            ]

        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=job,
            on_success=self._on_thumbnails,
            on_failure=lambda _error: None,  # the names are still there to choose from
        )
        self.open()

    def _on_thumbnails(self, images: list[QImage]) -> None:
        for row, image in enumerate(images):
            self.list.item(row).setIcon(QIcon(QPixmap.fromImage(image)))

    def _accept(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._entries):
            self.chosen.emit(self._entries[row])
        self.accept()


def make_cover_file(
    entry: TemplateEntry,
    frame: np.ndarray,
    title: str,
    folder: Path,
    *,
    brand: BrandStyle | None,
    stickers: StickerResolver,
) -> Path:
    """Render the cover at the template's size into a JPEG in `folder` (for uploading)."""
    pixels = draw_cover(entry, frame, title, width=None, brand=brand, stickers=stickers)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"video-cover-{entry.key}-{uuid.uuid4().hex[:12]}.jpg"
    path.write_bytes(encode_jpeg(pixels, 92))
    return path
