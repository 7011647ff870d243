"""The backend's state in words and a coloured dot, at the foot of the navigation rail."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from studio.connection import BackendState

_TEXTS = {
    BackendState.STARTING: QT_TRANSLATE_NOOP("BackendStatus", "Starting…"),
    BackendState.CONNECTED: QT_TRANSLATE_NOOP("BackendStatus", "Connected"),
    BackendState.OFFLINE: QT_TRANSLATE_NOOP("BackendStatus", "Offline — retrying"),
    BackendState.FAILED: QT_TRANSLATE_NOOP("BackendStatus", "Could not start"),
    BackendState.SIGNED_OUT: QT_TRANSLATE_NOOP("BackendStatus", "Signed out"),
}


def state_text(state: BackendState) -> str:
    return QCoreApplication.translate("BackendStatus", _TEXTS[state])


class BackendStatusLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BackendStatus")

    def show_state(self, state: BackendState) -> None:
        self.setText(f"●  {state_text(state)}")
        self.setProperty("state", state.value)
        self.style().unpolish(self)
        self.style().polish(self)
