"""A friendly centred message for a page with nothing to show yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(self, *, glyph: str, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(10)
        self.glyph = QLabel(glyph, self)
        self.glyph.setObjectName("EmptyGlyph")
        self.title = QLabel(title, self)
        self.title.setObjectName("EmptyTitle")
        self.text = QLabel(text, self)
        self.text.setObjectName("EmptyText")
        self.text.setWordWrap(True)
        self.text.setMaximumWidth(460)
        for label in (self.glyph, self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
