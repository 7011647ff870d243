"""The list of notes another note nearly duplicates: which account, which note, and why.

Each match is a row: the other note's matched photo (when the backend lets this user see its
thumbnail), its account and title, where it stands (published, scheduled, a draft checked
alongside), and why it matches — "Photo 2 ≈ their photo 1", "Text 87 % similar". The widget
only shows what `set_matches` gives it; checking is the caller's business, so the composer's
schedule flow and bulk scheduling show matches alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from publisher.near_duplicate_schemas import NearDuplicatePublic
from studio.models.notes import local_time

if TYPE_CHECKING:
    from studio.thumbnails import ThumbnailCache

THUMB = QSize(56, 56)
KINDS = {
    "image": QT_TRANSLATE_NOOP("NearDuplicates", "Same photo"),
    "text": QT_TRANSLATE_NOOP("NearDuplicates", "Same text"),
    "both": QT_TRANSLATE_NOOP("NearDuplicates", "Same photo and text"),
}
"""What a match's `kind` is called on its tag."""


def reasons(match: NearDuplicatePublic) -> list[str]:
    """Why `match` was found, one phrase per matched photo and one for the text."""
    found = [
        QCoreApplication.translate("NearDuplicates", "Photo {mine} ≈ their photo {theirs}").format(
            mine=photo.position + 1, theirs=photo.other_position + 1
        )
        for photo in match.photos
    ]
    if match.text_score is not None:
        found.append(
            QCoreApplication.translate("NearDuplicates", "Text {percent} % similar").format(
                percent=round(match.text_score * 100)
            )
        )
    return found


def standing(match: NearDuplicatePublic) -> str:
    """Where the other note stands, with its time in its account's zone."""
    if match.status == "published":
        when = local_time(match.published_at, match.account_timezone)
        return QCoreApplication.translate("NearDuplicates", "Published {time}").format(time=when)
    if match.status == "scheduled":
        when = local_time(match.scheduled_at, match.account_timezone)
        return QCoreApplication.translate("NearDuplicates", "Scheduled for {time}").format(
            time=when
        )
    if match.status == "held":
        return QCoreApplication.translate("NearDuplicates", "Held at its publishing time")
    return QCoreApplication.translate("NearDuplicates", "Draft, checked with this one")


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("NearDuplicates", KINDS[kind]) if kind in KINDS else kind


class _MatchRow(QFrame):
    """One match; a double-click asks to open the other note."""

    activated = Signal(str)

    def __init__(self, match: NearDuplicatePublic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CollabRow")
        self.match = match
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(THUMB)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setObjectName("Tag")
        self.thumbnail.setText("✎" if match.kind == "text" else "▣")
        title = match.title.strip() or self.tr("(untitled)")
        self.heading = QLabel(f"{match.account_nickname} · {title}", self)
        self.heading.setObjectName("CollabName")
        self.heading.setWordWrap(True)
        self.standing = QLabel(standing(match), self)
        self.standing.setObjectName("BriefMeta")
        self.why = QLabel(" · ".join(reasons(match)), self)
        self.why.setObjectName("CollabMessage")
        self.why.setWordWrap(True)
        self.kind = QLabel(kind_label(match.kind), self)
        self.kind.setObjectName("Tag")
        self.kind.setProperty("tone", "bad")
        texts = QVBoxLayout()
        texts.setSpacing(3)
        texts.addWidget(self.heading)
        texts.addWidget(self.standing)
        texts.addWidget(self.why)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 10, 12, 10)
        layout.setSpacing(12)
        layout.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        layout.addWidget(self.kind, 0, Qt.AlignmentFlag.AlignTop)
        self.setToolTip(self.tr("Double-click to open this note"))

    @property
    def thumbnail_sha(self) -> str | None:
        """The other note's first matched photo, whose thumbnail the row shows."""
        return self.match.photos[0].other_sha256 if self.match.photos else None

    def show_thumbnail(self, pixmap: QPixmap) -> None:
        self.thumbnail.setObjectName("")
        self.thumbnail.setPixmap(
            pixmap.scaled(
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            ).copy(0, 0, THUMB.width(), THUMB.height())
        )

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.activated.emit(str(self.match.note_id))
        super().mouseDoubleClickEvent(event)


class NearDuplicatesWidget(QWidget):
    """The matches of one note, most alike first, in a scrolling list.

    Use `set_matches` with the `matches` of a `NoteNearDuplicatesPublic`; `note_activated`
    gives the id of a match the user double-clicked. Thumbnails come from `thumbnails` when
    given (the app's shared cache) and fill in as they arrive.
    """

    note_activated = Signal(str)

    def __init__(
        self, thumbnails: ThumbnailCache | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._thumbnails = thumbnails
        self._rows: list[_MatchRow] = []
        self._list = QWidget(self)
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(8)
        self._list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("ClearScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        if thumbnails is not None:
            thumbnails.ready.connect(self._on_thumbnail_ready)

    def set_matches(self, matches: Sequence[NearDuplicatePublic]) -> None:
        """Show `matches` (in their order), replacing what was shown."""
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        for match in matches:
            row = _MatchRow(match, self._list)
            row.activated.connect(self.note_activated)
            self._list_layout.insertWidget(len(self._rows), row)
            self._rows.append(row)
            self._fill_thumbnail(row)

    def count(self) -> int:
        return len(self._rows)

    def list_height(self) -> int:
        """The height the rows take, all shown (the widget itself scrolls them)."""
        return self._list.sizeHint().height()

    def rows(self) -> list[_MatchRow]:
        return list(self._rows)

    def _fill_thumbnail(self, row: _MatchRow) -> None:
        sha = row.thumbnail_sha
        if self._thumbnails is not None and sha is not None:
            pixmap = self._thumbnails.get(sha)
            if pixmap is not None:
                row.show_thumbnail(pixmap)

    def _on_thumbnail_ready(self, sha256: str) -> None:
        for row in self._rows:
            if row.thumbnail_sha == sha256:
                self._fill_thumbnail(row)
