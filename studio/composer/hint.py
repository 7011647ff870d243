"""A muted one-line hint that takes no room while it has nothing to say (loading, empty and
error states of the pickers)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class HintLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Hint")
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setVisible(bool(text))
