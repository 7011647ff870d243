"""The brand's comments on the round under review, as the creator works through them: grouped
by what they point at (the whole note, a field, a photo), the commented photos with their
numbered areas, and a "Resolved" box on each."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from publisher.brief_schemas import CommentPublic
from studio.collab.collaboration_state import Loaded, grouped, review_comments
from studio.collab.comment_marks import CommentMarks, photo_numbers, region_marks
from studio.collab.comment_row import CommentRow
from studio.collab.labels import clear, section_label
from studio.collab.wording import field_name, photo_name, whole_note


def group_name(key: tuple[str, object]) -> str:
    """A group's heading (see `collaboration_state.group_key`): the photo's or the field's
    name, or the whole note."""
    kind, value = key
    if kind == "photo":
        return photo_name(int(value))  # type: ignore[arg-type]
    if kind == "field":
        return field_name(str(value))
    return whole_note()


class ReviewCommentsCard(QFrame):
    """Hidden while the round has no brand comments; `resolve_requested(comment, resolved)`
    when the creator ticks or unticks one."""

    resolve_requested = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(20, 18, 20, 18)
        self._layout.setSpacing(12)
        self.photos: dict[int, CommentMarks] = {}
        """The commented photos on screen by position."""
        self.resolve_boxes: dict[uuid.UUID, QCheckBox] = {}

    def show_loaded(self, loaded: Loaded) -> None:
        clear(self._layout)
        self.photos = {}
        self.resolve_boxes = {}
        comments = review_comments(loaded.collab, loaded.comments)
        self.setVisible(bool(comments))
        if not comments:
            return
        title = QLabel(
            self.tr("The brand's comments on round {round}").format(round=loaded.collab.round),
            self,
        )
        title.setObjectName("CardTitle")
        open_count = sum(1 for c in comments if c.resolved_at is None)
        count = QLabel(
            self.tr("{count} still open").format(count=open_count)
            if open_count
            else self.tr("All resolved"),
            self,
        )
        count.setObjectName("Hint")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(count)
        self._layout.addLayout(head)
        may_resolve = "submit" in loaded.collab.actions
        for key, group in grouped(comments):
            self._layout.addWidget(section_label(group_name(key), self))
            if key[0] == "photo":
                self._layout.addLayout(self._photo_group(key[1], group, loaded, may_resolve))
            else:
                for comment in group:
                    self._layout.addWidget(self._comment_row(comment, None, may_resolve))

    def _photo_group(
        self, position: int, group: list, loaded: Loaded, may_resolve: bool
    ) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        numbers = photo_numbers(group)
        photo = CommentMarks(self)
        photo.set_image(loaded.photos.get(position))
        photo.set_marks(region_marks(group, numbers))
        self.photos[position] = photo
        row.addWidget(photo, 0, Qt.AlignmentFlag.AlignTop)
        rows = QVBoxLayout()
        rows.setSpacing(0)
        for comment in group:
            rows.addWidget(self._comment_row(comment, numbers.get(comment.id), may_resolve))
        rows.addStretch(1)
        row.addLayout(rows, 1)
        return row

    def _comment_row(
        self, comment: CommentPublic, number: int | None, may_resolve: bool
    ) -> CommentRow:
        row = CommentRow(comment, number, may_resolve, self)
        row.resolve_toggled.connect(self.resolve_requested)
        self.resolve_boxes[comment.id] = row.resolved
        return row
