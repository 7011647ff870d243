"""The review screen's comment list: every round's comments, newest round first, each saying
what it is about (the whole note, a field, a photo or a numbered area of one)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from publisher.brief_schemas import CommentPublic
from studio.collab.labels import clear, hint
from studio.collab.review_state import ReviewState, region_numbers
from studio.collab.wording import field_name, photo_name, round_name, shown_day_time, whole_note


class CommentList(QWidget):
    """Filled by `show_state`; the current round's comments stand out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comments_layout = QVBoxLayout(self)
        self.comments_layout.setContentsMargins(0, 0, 4, 0)
        self.comments_layout.setSpacing(8)
        self.comments_layout.addStretch(1)

    def target_label(self, comment: CommentPublic, numbers: dict[uuid.UUID, int]) -> str:
        photo = photo_name(comment.position) if comment.position is not None else ""
        if comment.target == "region":
            return self.tr("Area {number} on {photo}").format(
                number=numbers.get(comment.id, "?"), photo=photo
            )
        if comment.target == "image":
            return photo
        if comment.target == "field":
            return field_name(comment.field)
        return whole_note()

    def show_state(self, state: ReviewState | None) -> None:
        clear(self.comments_layout)
        if state is None:
            return
        numbers = region_numbers(state.comments)
        rounds = sorted({c.round for c in state.comments}, reverse=True)
        if not rounds:
            self.comments_layout.addWidget(
                hint(self.tr("No comments yet. Say what should change, or approve the note."), self)
            )
        for round_ in rounds:
            heading = QLabel(
                round_name(round_) if round_ else self.tr("Before the first round"), self
            )
            heading.setObjectName("RoundHeading")
            self.comments_layout.addWidget(heading)
            current = round_ == state.collaboration.round
            for comment in (c for c in state.comments if c.round == round_):
                self.comments_layout.addWidget(self._card(comment, numbers, current))
        self.comments_layout.addStretch(1)

    def _card(self, comment: CommentPublic, numbers: dict[uuid.UUID, int], current: bool) -> QFrame:
        card = QFrame(self)
        card.setObjectName("Comment")
        card.setProperty("current", current)
        column = QVBoxLayout(card)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(4)
        where = QLabel(self.target_label(comment, numbers), card)
        where.setObjectName("CommentWhere")
        resolved = comment.resolved_at is not None
        where.setProperty("resolved", resolved and comment.side == "brand")
        author = comment.author_name or (
            self.tr("Brand") if comment.side == "brand" else self.tr("Creator")
        )
        meta = f"{author} · {shown_day_time(comment.created_at)}"
        if comment.side == "brand":
            meta += " · " + (self.tr("Resolved") if resolved else self.tr("Open"))
        meta_label = QLabel(meta, card)
        meta_label.setObjectName("CommentMeta")
        top = QHBoxLayout()
        top.addWidget(where)
        top.addStretch(1)
        top.addWidget(meta_label)
        text = QLabel(comment.text, card)
        text.setObjectName("CommentText")
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addLayout(top)
        column.addWidget(text)
        return card
