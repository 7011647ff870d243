"""Short-lived messages floating at the bottom of the window, newest on top."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

TOAST_MS = 6000
_MAX_TOASTS = 4


class ToastArea(QWidget):
    """Owned by the main window; `post(text, level)` shows a toast for a few seconds."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ToastArea")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.hide()

    def post(self, text: str, level: str) -> QLabel:
        toast = QLabel(text, self)
        toast.setObjectName("Toast")
        toast.setProperty("level", level)
        toast.setWordWrap(True)
        self._layout.addWidget(toast)
        while self._layout.count() > _MAX_TOASTS:
            old = self._layout.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        QTimer.singleShot(TOAST_MS, toast, toast.deleteLater)
        toast.destroyed.connect(self._reposition_later)
        self.show()
        self.reposition()
        return toast

    def texts(self) -> list[str]:
        return [
            item.widget().text()
            for item in (self._layout.itemAt(i) for i in range(self._layout.count()))
            if item is not None and isinstance(item.widget(), QLabel)
        ]

    def _reposition_later(self) -> None:
        QTimer.singleShot(0, self, self.reposition)

    def reposition(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        if self._layout.count() == 0:
            self.hide()
            return
        width = min(520, parent.width() - 48)
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(parent.width() - width - 24, parent.height() - self.height() - 24)
        self.raise_()
