"""A live "used/limit" counter that turns red past its limit."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class CounterLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Counter")
        self.over = False

    def set_count(self, used: int, limit: int) -> None:
        self.setText(f"{used}/{limit}")
        over = used > limit
        if over != self.over:
            self.over = over
            self.setProperty("over", over)
            self.style().unpolish(self)
            self.style().polish(self)
