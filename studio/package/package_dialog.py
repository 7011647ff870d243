"""The publish package: what a human needs to post a note by hand on the platform.

The images in order (cover marked), the caption with one-click copy, the files saved to a
folder to drag into the creator web page, and "I posted it" (with the platform link) which the
backend records with who confirmed it. Every fetch and write runs off the UI thread; the file
layout is `publisher.client.package_files`, the same as `main.py package`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from publisher.client import ClientError
from publisher.client.package_files import PackageImageError, write_package
from publisher.schemas import NotePublic, PackageImage, PublishPackage, UserPublic
from studio.messages import message
from studio.ops import Mutation, Query
from studio.timezones import DEFAULT_TIMEZONE, zone

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

THUMB = 132
DIALOG_STYLE = """
#PackageThumb { background: #F0F0F3; border-radius: 10px; }
#PackageThumbCaption { color: #8A8D94; font-size: 12px; }
#PackageThumbCaption[cover="true"] { color: #FF2442; font-weight: 600; }
#PackagePosted { background: #E9F8EF; color: #1E7F4C; border-radius: 8px; padding: 8px 10px; }
"""


@dataclass(frozen=True)
class PackageState:
    """The package as loaded: its manifest, the note (for who posted it), and the viewer."""

    package: PublishPackage
    note: NotePublic
    me: UserPublic


def _load(client: StudioClient, note_id: uuid.UUID) -> PackageState:
    return PackageState(client.get_package(note_id), client.get_note(note_id), client.me())


def _thumbnail(
    client: StudioClient, note_id: uuid.UUID, image: PackageImage
) -> tuple[bytes | None, QImage]:
    """The file's bytes (kept for saving) and its thumbnail; a video shows its cover frame,
    and its bytes are left to the save, which streams them."""
    if image.mime.startswith("video/"):
        data, kept = client.package_cover(note_id), None
    else:
        data = kept = client.package_image(note_id, image.position)
    picture = QImage.fromData(data).scaled(
        THUMB,
        THUMB,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return kept, picture


class PackageDialog(QDialog):
    """One note's publish package; `saved_to` is the folder the files went to, if any."""

    def __init__(self, ctx: AppContext, note_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self.note_id = note_id
        self.state: PackageState | None = None
        self.image_bytes: dict[int, bytes] = {}
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Publish package"))
        self.setStyleSheet(DIALOG_STYLE)
        self.resize(760, 640)

        self.title_label = QLabel(self)
        self.title_label.setObjectName("PageTitle")
        self.title_label.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Post it in the platform's creator web page: drag the saved images in order, "
                "paste the caption, then confirm here."
            ),
            self,
        )
        hint.setObjectName("Hint")
        hint.setWordWrap(True)
        self.thumbs_host = QWidget(self)
        self.thumbs_layout = QHBoxLayout(self.thumbs_host)
        self.thumbs_layout.setContentsMargins(0, 0, 0, 0)
        self.thumbs_layout.setSpacing(10)
        self.thumbs_layout.addStretch(1)
        self.thumbs: list[QLabel] = []
        self.thumb_captions: list[QLabel] = []
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFixedHeight(THUMB + 44)
        scroll.setWidget(self.thumbs_host)

        caption_title = QLabel(self.tr("Caption"), self)
        caption_title.setObjectName("CardTitle")
        self.caption_edit = QPlainTextEdit(self)
        self.caption_edit.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy caption"), self)
        self.copy_button.setProperty("accent", True)
        self.save_button = QPushButton(self.tr("Save files to folder…"), self)
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.open_button.setEnabled(False)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("Hint")
        self.saved_label.setWordWrap(True)
        files = QHBoxLayout()
        files.addWidget(self.copy_button)
        files.addWidget(self.save_button)
        files.addWidget(self.open_button)
        files.addStretch(1)

        posted_title = QLabel(self.tr("Posted on the platform?"), self)
        posted_title.setObjectName("CardTitle")
        self.link_edit = QLineEdit(self)
        self.link_edit.setPlaceholderText(self.tr("Note link on the platform (optional)"))
        self.posted_button = QPushButton(self.tr("I posted it"), self)
        self.posted_button.setProperty("accent", True)
        self.posted_label = QLabel(self)
        self.posted_label.setObjectName("PackagePosted")
        self.posted_label.setWordWrap(True)
        self.posted_label.hide()
        confirm = QHBoxLayout()
        confirm.addWidget(self.link_edit, 1)
        confirm.addWidget(self.posted_button)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("Hint")
        self.error_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(hint)
        layout.addWidget(scroll)
        layout.addWidget(caption_title)
        layout.addWidget(self.caption_edit, 1)
        layout.addLayout(files)
        layout.addWidget(self.saved_label)
        layout.addSpacing(6)
        layout.addWidget(posted_title)
        layout.addLayout(confirm)
        layout.addWidget(self.posted_label)
        layout.addWidget(self.error_label)

        self.copy_button.clicked.connect(self.copy_caption)
        self.save_button.clicked.connect(self._choose_folder)
        self.open_button.clicked.connect(self.open_folder)
        self.posted_button.clicked.connect(self.confirm_posted)
        for button in (self.copy_button, self.save_button, self.posted_button):
            button.setEnabled(False)
        self.reload()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        note_id = self.note_id
        Query(self._ctx, parent=self, op=lambda client: _load(client, note_id)).success(
            self._on_loaded
        ).failure(self._on_failed).run()

    def _on_loaded(self, state: PackageState) -> None:
        self.state = state
        package = state.package
        self.title_label.setText(package.title or self.tr("(untitled)"))
        self.caption_edit.setPlainText(package.caption)
        self._show_thumbnails(package)
        self._show_posted(state.note)
        for button in (self.copy_button, self.save_button):
            button.setEnabled(True)

    def _show_thumbnails(self, package: PublishPackage) -> None:
        cover = package.cover.position if package.cover else None
        for index, image in enumerate(package.images, start=1):
            cell = QVBoxLayout()
            thumb = QLabel(self.thumbs_host)
            thumb.setObjectName("PackageThumb")
            thumb.setFixedSize(THUMB, THUMB)
            thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
            is_cover = image.position == cover
            text = self.tr("{number} · cover") if is_cover else self.tr("{number}")
            caption = QLabel(text.format(number=index), self.thumbs_host)
            caption.setObjectName("PackageThumbCaption")
            caption.setProperty("cover", is_cover)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.addWidget(thumb)
            cell.addWidget(caption)
            self.thumbs_layout.insertLayout(self.thumbs_layout.count() - 1, cell)
            self.thumbs.append(thumb)
            self.thumb_captions.append(caption)
            self._fetch_thumbnail(image, thumb)

    def _fetch_thumbnail(self, image: PackageImage, thumb: QLabel) -> None:
        note_id = self.note_id
        Query(
            self._ctx, parent=thumb, op=lambda client: _thumbnail(client, note_id, image)
        ).success(lambda result: self._on_thumbnail(image.position, thumb, result)).run()

    def _on_thumbnail(
        self, position: int, thumb: QLabel, result: tuple[bytes | None, QImage]
    ) -> None:
        data, picture = result
        if data is not None:
            self.image_bytes[position] = data
        thumb.setPixmap(QPixmap.fromImage(picture))

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, ClientError):
            self.error_label.setText(message(error.code, error.params))
        else:
            raise error

    # -- actions ---------------------------------------------------------------------------

    def copy_caption(self) -> None:
        if self.state is None:
            return
        QGuiApplication.clipboard().setText(self.state.package.caption)
        self._ctx.notifier.success(self.tr("Caption copied."))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the package to"))
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> None:
        """Write the numbered images, cover, caption.txt and meta.json into a subfolder of
        `folder` named after the note, off the UI thread."""
        if self.state is None:
            return
        package = self.state.package
        cached = dict(self.image_bytes)
        target = folder / _folder_name(package)
        note_id = self.note_id

        def write(client: StudioClient) -> Path:
            def read(position: int) -> bytes:
                return cached.get(position) or client.package_image(note_id, position)

            write_package(package, read, target, read_cover=lambda: client.package_cover(note_id))
            return target

        self.save_button.setEnabled(False)
        Query(self._ctx, parent=self, op=write).success(self._on_saved).failure(
            self._on_save_failed
        ).run()

    def _on_saved(self, target: Path) -> None:
        self.saved_to = target
        self.save_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.saved_label.setText(self.tr("Saved to {folder}").format(folder=target))

    def _on_save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, OSError):
            self.error_label.setText(
                message("package.unwritable", {"folder": str(error.filename or "")})
            )
        elif isinstance(error, PackageImageError):
            self.error_label.setText(message(error.code, error.params))
        else:
            self._on_failed(error)

    def open_folder(self) -> None:
        if self.saved_to is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_to)))

    def confirm_posted(self) -> None:
        link = self.link_edit.text().strip() or None
        note_id = self.note_id
        self.posted_button.setEnabled(False)
        Mutation(
            self._ctx, parent=self, op=lambda client: client.confirm_posted(note_id, link=link)
        ).success(self._show_posted).failure(self._on_confirm_failed).run()

    def _on_confirm_failed(self, error: BaseException) -> None:
        self.posted_button.setEnabled(True)
        self._on_failed(error)

    def _show_posted(self, note: NotePublic) -> None:
        if note.posted_at is None:
            published = note.status == "published"
            self.posted_button.setEnabled(published)
            if not published:
                self.posted_button.setToolTip(self.tr("Available once the note is published."))
            return
        when = note.posted_at.astimezone(zone(DEFAULT_TIMEZONE)).strftime("%Y-%m-%d %H:%M")
        me = self.state.me if self.state else None
        if me is not None and note.posted_by == me.id:
            text = self.tr("Posted — confirmed by {who} at {when}.").format(
                who=me.display_name, when=when
            )
        else:
            text = self.tr("Posted — confirmed by another member at {when}.").format(when=when)
        if note.posted_link:
            text += "\n" + note.posted_link
        self.posted_label.setText(text)
        self.posted_label.show()
        self.link_edit.setText(note.posted_link or "")
        self.link_edit.setEnabled(False)
        self.posted_button.setEnabled(False)


def _folder_name(package: PublishPackage) -> str:
    """A folder name that says which note it holds and never collides with another note's."""
    safe = "".join(ch for ch in package.title if ch.isalnum() or ch in " -_").strip()
    return f"{safe[:30] or 'note'}-{str(package.note_id)[:8]}"
