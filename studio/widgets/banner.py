"""A coloured strip above a page's content for a state the user must notice (offline, conflict)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    """Hidden until `show_message`; its optional buttons emit `action_clicked(action_id)`."""

    action_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self._label = QLabel(self)
        self._label.setObjectName("BannerText")
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(16, 10, 12, 10)
        self._layout.setSpacing(8)
        self._layout.addWidget(self._label, 1)
        self._buttons: list[QPushButton] = []
        self.hide()

    @property
    def text(self) -> str:
        return self._label.text()

    def show_message(
        self, text: str, *, level: str = "info", actions: tuple[tuple[str, str], ...] = ()
    ) -> None:
        """Show `text`; `level` is info, warning, error or success; actions are (id, label)."""
        self._label.setText(text)
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        for action_id, label in actions:
            button = QPushButton(label, self)
            button.setObjectName("BannerButton")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False, a=action_id: self.action_clicked.emit(a))
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.show()

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)
