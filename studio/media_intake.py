"""Bringing the creator's files into a draft: check locally, thumbnail, upload — in workers.

Each file passes the editor's gate (`editor.probe_image`) before anything decodes it, gets a
local thumbnail so the card fills in at once, and is uploaded (the client skips bytes the
backend already has). A refused file is reported by name with the reason and removed; the
others carry on. Results find their card by its local id, so reordering meanwhile is safe.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from publisher.client import OfflineError
from publisher.schemas import MediaPublic
from studio.messages import message
from studio.models.media import MediaListModel, MediaState
from studio.ops import run_in_background
from studio.tasks import Lane
from studio.thumbnails import THUMB_SIZE, decode_thumbnail

if TYPE_CHECKING:
    from studio.context import AppContext
    from studio.drafts.session import DraftSession

IMAGE_PATTERNS = "*.jpg *.jpeg *.png *.webp *.heic *.heif"
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".mkv", ".webm"})


@dataclass(frozen=True)
class Admission:
    """Which of the files a creator adds may join the draft, and the note's type after."""

    accepted: tuple[Path, ...]
    refused: tuple[tuple[Path, str], ...]
    """Each refused file with the code saying why."""
    note_type: str


def admit(note_type: str, media_count: int, paths: list[Path]) -> Admission:
    """Sort added files by the platform's rule: a note is photos, or exactly one video.

    The kind is judged by the file's name here (no reading on the UI thread); each file's
    gate then judges it by its bytes. An empty draft takes either; its first video makes it a
    video note, and everything else added with that video is refused.
    """
    videos = [path for path in paths if path.suffix.lower() in VIDEO_SUFFIXES]
    if note_type == "video" and media_count > 0:
        return Admission((), tuple((path, "media.video_note_full") for path in paths), "video")
    if media_count == 0 and videos:
        first = videos[0]
        refused = tuple(
            (path, "media.video_note_full" if path in videos else "media.video_note_photos")
            for path in paths
            if path != first
        )
        return Admission((first,), refused, "video")
    accepted = tuple(path for path in paths if path not in videos)
    refused = tuple((path, "media.photo_note_video") for path in videos)
    return Admission(accepted, refused, "image")


@dataclass(frozen=True)
class Refusal:
    name: str
    reason: str


def _check_and_thumbnail(path: Path) -> QImage:
    import editor  # heavy (Pillow, numpy, PyAV): loaded in the worker, on first use
    from editor.errors import EditorError
    from editor.files import open_regular
    from editor.video.frames import frame_at
    from editor.video.probe import probe_video, sniff_video
    from studio.editor.render_worker import to_qimage

    stream, _size = open_regular(path, lambda _size: None)
    with stream:
        is_video = sniff_video(stream.read(64)) is not None
    if is_video != (path.suffix.lower() in VIDEO_SUFFIXES):
        # `admit` sorted it by its name; a photo named .mov (or a video named .jpg) would
        # land in the wrong kind of note.
        raise EditorError("media.misnamed", {"video": is_video})
    if not is_video:
        editor.probe_image(path)
        return decode_thumbnail(editor.make_thumbnail(path, THUMB_SIZE))
    info = probe_video(path)
    # A moment in, not the first frame: videos often open on black or a fade.
    at = min(1.0, info.duration * 0.1)
    return to_qimage(frame_at(path, at, max_side=THUMB_SIZE, info=info))


class MediaIntake(QObject):
    """Feeds files into a `MediaListModel`; reports progress and refusals."""

    progress_changed = Signal(int, int)
    """(files finished, files in this batch); (0, 0) when idle."""
    refused = Signal(list)
    """list[Refusal] of a finished batch."""

    def __init__(self, ctx: AppContext, model: MediaListModel, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._model = model
        self._total = 0
        self._done = 0
        self._refusals: list[Refusal] = []
        self._owners: dict[str, DraftSession] = {}
        """In-flight uploads by local id: the draft each one belongs to."""
        self._detached: set[str] = set()
        """In-flight uploads whose card left the editor with its draft: they still finish,
        into their own draft."""
        model.modelReset.connect(self._on_model_reset)

    @property
    def busy(self) -> bool:
        return self._done < self._total

    def add_files(self, paths: list[Path], row: int = -1, *, session: DraftSession) -> None:
        """Upload `paths` into `session`, the draft in the editor, showing a card for each."""
        for offset, path in enumerate(paths):
            at = row + offset if row >= 0 else -1
            local_id = self._model.add_pending(path.name, at)
            self._track(local_id, Path(path), session)
        self.progress_changed.emit(self._done, self._total)

    def resume(self, paths: list[Path], session: DraftSession) -> None:
        """Upload `paths` into a draft not in the editor (restored after a restart)."""
        for path in paths:
            local_id = f"bg-{uuid.uuid4()}"
            self._detached.add(local_id)
            self._track(local_id, Path(path), session)
        self.progress_changed.emit(self._done, self._total)

    def _track(self, local_id: str, path: Path, session: DraftSession) -> None:
        self._total += 1
        self._owners[local_id] = session
        session.begin_upload(str(path))
        self._start(local_id, path)

    def _on_model_reset(self) -> None:
        # The editor switched drafts (or took the server's copy): the cards are gone, the
        # uploads are not.
        self._detached.update(self._owners)

    def _settle(self, local_id: str, path: Path, sha256: str | None = None) -> None:
        session = self._owners.pop(local_id, None)
        detached = local_id in self._detached
        self._detached.discard(local_id)
        if session is not None:
            session.end_upload(str(path), sha256 if detached else None)

    def _start(self, local_id: str, path: Path) -> None:
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=lambda _progress: _check_and_thumbnail(path),
            on_success=lambda image: self._on_checked(local_id, path, image),
            on_failure=lambda error: self._on_failed(local_id, path, error),
        )

    def _on_checked(self, local_id: str, path: Path, image: QImage) -> None:
        if local_id not in self._detached:
            if self._model.row_of(local_id) < 0:  # removed by the creator meanwhile
                self._settle(local_id, path)
                self._finish_one()
                return
            self._model.update(
                local_id, state=MediaState.UPLOADING, thumbnail=QPixmap.fromImage(image)
            )
        connection = self._ctx.connection
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=lambda _progress: connection.client().upload_media(path),
            on_success=lambda media: self._on_uploaded(local_id, path, image, media),
            on_failure=lambda error: self._on_failed(local_id, path, error),
        )

    def _on_uploaded(self, local_id: str, path: Path, image: QImage, media: MediaPublic) -> None:
        self._ctx.thumbnails.put(media.sha256, image)
        if local_id not in self._detached:
            self._model.update(local_id, state=MediaState.READY, sha256=media.sha256)
        self._settle(local_id, path, media.sha256)
        self._finish_one()

    def _on_failed(self, local_id: str, path: Path, error: BaseException) -> None:
        code = getattr(error, "code", None)
        if not isinstance(code, str) and isinstance(error, OSError):
            code = "file.unreadable"  # moved, deleted or locked after the check
        if not isinstance(code, str):
            self._settle(local_id, path)
            self._model.remove(local_id)
            self._finish_one()
            raise error
        if isinstance(error, OfflineError):
            self._ctx.connection.report_offline()
        params = getattr(error, "params", None) or {}
        self._model.remove(local_id)
        self._settle(local_id, path)
        self._refusals.append(Refusal(path.name, message(code, params)))
        self._finish_one()

    def _finish_one(self) -> None:
        self._done += 1
        if self._done >= self._total:
            refusals, self._refusals = self._refusals, []
            self._done = self._total = 0
            self.progress_changed.emit(0, 0)
            if refusals:
                self.refused.emit(refusals)
        else:
            self.progress_changed.emit(self._done, self._total)


def refusal_text(refusals: list[Refusal]) -> str:
    lines = [
        QCoreApplication.translate("MediaIntake", "{name}: {reason}").format(
            name=item.name, reason=item.reason
        )
        for item in refusals
    ]
    heading = QCoreApplication.translate("MediaIntake", "Not added:")
    return "\n".join([heading, *lines])
