"""The pieces the team cards list things with: a row (an optional initial, a title, a muted
line under it, buttons at the end), section heads, small buttons. Styled by object name in the
app's stylesheet, like the collaboration screens they match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

AVATAR_SIDE = 36


def list_row(
    parent: QWidget, *, title: str, detail: str = "", initial: str | None = None
) -> tuple[QFrame, QHBoxLayout]:
    """A row; returns it and the layout its trailing widgets (badges, buttons) go in."""
    row = QFrame(parent)
    row.setObjectName("CollabRow")
    layout = QHBoxLayout(row)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setSpacing(12)
    if initial is not None:
        avatar = QLabel((initial.strip()[:1] or "?").upper(), row)
        avatar.setObjectName("Avatar")
        avatar.setFixedSize(AVATAR_SIDE, AVATAR_SIDE)
        avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(avatar)
    texts = QVBoxLayout()
    texts.setSpacing(1)
    name = QLabel(title, row)
    name.setObjectName("CollabName")
    name.setTextFormat(Qt.TextFormat.PlainText)
    texts.addWidget(name)
    if detail:
        line = QLabel(detail, row)
        line.setObjectName("Hint")
        line.setWordWrap(True)
        line.setTextFormat(Qt.TextFormat.PlainText)
        texts.addWidget(line)
    layout.addLayout(texts, 1)
    actions = QHBoxLayout()
    actions.setSpacing(8)
    layout.addLayout(actions)
    return row, actions


def small_button(text: str, parent: QWidget, *, danger: bool = False) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName("BannerButton")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    if danger:
        button.setProperty("danger", True)
    return button


def section_head(text: str, parent: QWidget) -> tuple[QHBoxLayout, QLabel]:
    """A section's title row inside a card; callers add buttons at its end."""
    row = QHBoxLayout()
    row.setSpacing(8)
    label = QLabel(text, parent)
    label.setObjectName("SectionLabel")
    row.addWidget(label)
    row.addStretch(1)
    return row, label


def hint_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("Hint")
    label.setWordWrap(True)
    return label
