"""The conversation between creator and brand on a collaboration: the first message (the
invitation's or the application's) and every comment that is not one of the round's review
comments, as chat bubbles, with a box to write back."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.collab.collaboration_state import Loaded, group_key, review_comments
from studio.collab.labels import clear
from studio.collab.review_comments_card import group_name
from studio.collab.wording import shown_time

ENDED = ("declined", "rejected", "cancelled", "completed")
"""States in which nobody writes any more."""


class ConversationCard(QFrame):
    """`send_requested(text)` when the creator sends a reply."""

    send_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(10)
        title = QLabel(self.tr("Conversation"), self)
        title.setObjectName("CardTitle")
        layout.addWidget(title)
        self.messages = QVBoxLayout()
        self.messages.setSpacing(8)
        layout.addLayout(self.messages)
        self.reply = QPlainTextEdit(self)
        self.reply.setPlaceholderText(self.tr("Write to the brand…"))
        self.reply.setFixedHeight(72)
        self.send = QPushButton(self.tr("Send"), self)
        self.send.setCursor(Qt.CursorShape.PointingHandCursor)
        self.send.clicked.connect(self._on_send)
        layout.addWidget(self.reply)
        send_row = QHBoxLayout()
        send_row.addStretch(1)
        send_row.addWidget(self.send)
        layout.addLayout(send_row)

    def _on_send(self) -> None:
        text = self.reply.toPlainText().strip()
        if text:
            self.send_requested.emit(text)

    def show_loaded(self, loaded: Loaded) -> None:
        clear(self.messages)
        review = {c.id for c in review_comments(loaded.collab, loaded.comments)}
        talk = [c for c in loaded.comments if c.id not in review]
        collab = loaded.collab
        if collab.message:
            side = "brand" if collab.origin == "invited" else "creator"
            who = collab.brief.organization_name if side == "brand" else collab.account.nickname
            self.messages.addWidget(self._bubble(collab.message, side, who, collab.created_at))
        for comment in talk:
            where = "" if comment.target == "note" else f" · {group_name(group_key(comment))}"
            self.messages.addWidget(
                self._bubble(
                    comment.text, comment.side, comment.author_name + where, comment.created_at
                )
            )
        if not talk and not collab.message:
            empty = QLabel(self.tr("No messages yet."), self)
            empty.setObjectName("Hint")
            self.messages.addWidget(empty)
        ended = collab.state in ENDED
        self.reply.setVisible(not ended)
        self.send.setVisible(not ended)

    def _bubble(self, text: str, side: str, who: str, when: datetime) -> QWidget:
        bubble = QFrame(self)
        bubble.setObjectName("Bubble")
        bubble.setProperty("mine", side == "creator")
        layout = QVBoxLayout(bubble)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        meta = QLabel(f"{who} · {shown_time(when)}", bubble)
        meta.setObjectName("BubbleMeta")
        body = QLabel(text, bubble)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(meta)
        layout.addWidget(body)
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        if side == "creator":
            row.addStretch(1)
        row.addWidget(bubble, 4)
        if side != "creator":
            row.addStretch(1)
        return holder
