"""The brand's review where the creator writes: a strip above the note with the collaboration
(its brief, state, what is due, Submit / Resubmit), and each comment beside what it is about —
a field's under that field, a photo's under the photo strip with its boxes drawn on the photo.

Widgets only show a `NoteReview` and emit what the creator does (`resolve_toggled(comment,
resolved)`, `submit_requested`, …); `NoteReviewSource` carries it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.brief_schemas import CommentPublic
from studio.collab.comment_marks import CommentMarks
from studio.collab.comment_row import CommentRow
from studio.collab.labels import clear, restyle, section_label, show_state, state_badge
from studio.collab.wording import next_step, photo_name, round_name, state_name
from studio.style import ACCENT, ACCENT_SOFT

if TYPE_CHECKING:
    from studio.composer.note_review import NoteReview

PHOTO_BOX = QSize(150, 200)
"""A commented photo beside its comments under the strip."""

REVIEW_STYLE = f"""
#CollabStrip {{ background: white; border: 1px solid #FFD3DA; border-radius: 14px; }}
#CollabMark {{
    background: {ACCENT}; color: white; border-radius: 9px; padding: 2px 8px;
    font-size: 12px; font-weight: 700;
}}
#FieldNotes {{ background: {ACCENT_SOFT}; border-radius: 10px; }}
#FieldNotesTitle {{ color: {ACCENT}; font-size: 12px; font-weight: 600; }}
#CommentRow {{ border: none; padding: 0; }}
#PhotoNotes {{ border-top: 1px solid #F1F2F4; }}
"""
"""Styles of the review in the composer, over the app's stylesheet."""


def comment_rows(
    comments: Sequence[CommentPublic],
    review: NoteReview,
    parent: QWidget,
    numbers: dict | None = None,
) -> list[CommentRow]:
    return [
        CommentRow(comment, (numbers or {}).get(comment.id), review.may_resolve, parent)
        for comment in comments
    ]


class FieldNotes(QFrame):
    """The brand's comments on one field, shown under it; hidden while there are none."""

    resolve_toggled = Signal(object, bool)

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FieldNotes")
        self.setStyleSheet(REVIEW_STYLE)
        self.field = field
        self.rows: list[CommentRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 12, 6)
        self._layout.setSpacing(2)
        self.title = QLabel(self)
        self.title.setObjectName("FieldNotesTitle")
        self._layout.addWidget(self.title)
        self.hide()

    def show_review(self, review: NoteReview | None) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        comments = review.on_field(self.field) if review else []
        self.rows = comment_rows(comments, review, self) if review else []
        for row in self.rows:
            row.resolve_toggled.connect(self.resolve_toggled)
            self._layout.addWidget(row)
        still_open = sum(1 for c in comments if c.resolved_at is None)
        self.title.setText(
            self.tr("The brand on this: {count} to resolve").format(count=still_open)
            if still_open
            else self.tr("The brand on this: all resolved")
        )
        self.setVisible(bool(comments))


class PhotoNotes(QWidget):
    """The brand's comments on photos, under the photo strip: each commented photo as the
    brand saw it with the boxes drawn on it, its comments beside it."""

    resolve_toggled = Signal(object, bool)
    edit_requested = Signal(int)
    """The row of the note's photo to open in the editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhotoNotes")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(REVIEW_STYLE)
        self.photos: dict[int, CommentMarks] = {}
        """The photos on screen by their position in the round."""
        self.rows: list[CommentRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 10, 0, 0)
        self._layout.setSpacing(12)
        self.hide()

    def show_review(self, review: NoteReview | None, rows: dict[int, int | None]) -> None:
        """`rows` maps each commented position of the round to the note's photo it is now
        (None: no longer in the note)."""
        clear(self._layout)
        self.photos, self.rows = {}, []
        positions = review.photo_positions() if review else []
        self.setVisible(bool(positions))
        if review is None:
            return
        for position in positions:
            line = QHBoxLayout()
            line.setSpacing(14)
            photo = CommentMarks(self, box=PHOTO_BOX)
            photo.set_image(review.photos.get(position))
            photo.set_marks(review.marks(position))
            self.photos[position] = photo
            line.addWidget(photo, 0, Qt.AlignmentFlag.AlignTop)
            column = QVBoxLayout()
            column.setSpacing(2)
            head = QHBoxLayout()
            row = rows.get(position)
            head.addWidget(section_label(self._heading(position, row), self), 1)
            if row is not None:
                edit = QPushButton(self.tr("Edit this photo"), self)
                edit.setToolTip(self.tr("Open it in the editor with the brand's boxes on it"))
                edit.clicked.connect(lambda _checked=False, r=row: self.edit_requested.emit(r))
                head.addWidget(edit)
            column.addLayout(head)
            for comment_row in comment_rows(
                review.on_photo(position), review, self, review.numbers(position)
            ):
                comment_row.resolve_toggled.connect(self.resolve_toggled)
                self.rows.append(comment_row)
                column.addWidget(comment_row)
            column.addStretch(1)
            line.addLayout(column, 1)
            self._layout.addLayout(line)

    def _heading(self, position: int, row: int | None) -> str:
        if row is None:
            return self.tr("Photo {number} of the round (no longer in the note)").format(
                number=position + 1
            )
        if row != position:
            return self.tr("Photo {number} (photo {was} in the round)").format(
                number=row + 1, was=position + 1
            )
        return photo_name(position)


class CollaborationStrip(QFrame):
    """The collaboration above the note: brief, brand, state, what is due, the comments on
    the whole note, and the moves the backend allows now."""

    open_requested = Signal()
    submit_requested = Signal()
    resolve_toggled = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CollabStrip")
        self.setStyleSheet(REVIEW_STYLE)
        self.rows: list[CommentRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(10)
        mark = QLabel(self.tr("Brand collaboration"), self)
        mark.setObjectName("CollabMark")
        titles = QVBoxLayout()
        titles.setSpacing(1)
        self.title = QLabel(self)
        self.title.setObjectName("CardTitle")
        self.brand = QLabel(self)
        self.brand.setObjectName("Hint")
        titles.addWidget(self.title)
        titles.addWidget(self.brand)
        self.state = state_badge("", "creator", self)
        self.open_button = QPushButton(self.tr("Open collaboration"), self)
        self.open_button.setToolTip(self.tr("The brief, the checklist and the conversation"))
        self.submit_button = QPushButton(self.tr("Submit for review"), self)
        self.submit_button.setProperty("accent", True)
        for button in (self.open_button, self.submit_button):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        top.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(titles, 1)
        top.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(8)
        top.addWidget(self.open_button)
        top.addWidget(self.submit_button)
        layout.addLayout(top)
        due_row = QHBoxLayout()
        self.due = QLabel(self)
        self.due.setObjectName("Due")
        self.due.setWordWrap(True)
        self.progress = QLabel(self)
        self.progress.setObjectName("Hint")
        due_row.addWidget(self.due, 1)
        due_row.addWidget(self.progress)
        layout.addLayout(due_row)
        self.notes = QVBoxLayout()
        self.notes.setSpacing(0)
        layout.addLayout(self.notes)
        self.open_button.clicked.connect(self.open_requested)
        self.submit_button.clicked.connect(self.submit_requested)
        self.hide()

    def show_review(self, review: NoteReview | None, *, submitting: bool = False) -> None:
        self.setVisible(review is not None)
        clear(self.notes)
        self.rows = []
        if review is None:
            return
        collab = review.collab
        self.title.setText(collab.brief.title)
        self.brand.setText(f"{collab.brief.organization_name} · {collab.account.nickname}")
        show_state(self.state, collab.state, "creator")
        due, my_turn = next_step(collab)
        self.due.setText(due or state_name(collab.state))
        self.due.setProperty("tone", "accent" if my_turn else "")
        restyle(self.due)
        total = len(review.comments)
        self.progress.setText(
            self.tr("Round {round} · {open} of {total} comment(s) open").format(
                round=collab.round, open=review.open_count, total=total
            )
            if total
            else (round_name(collab.round) if collab.round else "")
        )
        may_submit = "submit" in collab.actions
        self.submit_button.setVisible(may_submit)
        self.submit_button.setEnabled(not submitting)
        if submitting:
            self.submit_button.setText(self.tr("Submitting…"))
        else:
            self.submit_button.setText(
                self.tr("Resubmit") if collab.round else self.tr("Submit for review")
            )
        on_note = review.on_note()
        if on_note:
            self.notes.addSpacing(4)
            self.notes.addWidget(section_label(self.tr("On the whole note"), self))
            for row in comment_rows(on_note, review, self):
                row.resolve_toggled.connect(self.resolve_toggled)
                self.rows.append(row)
                self.notes.addWidget(row)
