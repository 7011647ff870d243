"""Where pages send what the user should read: a short translated note or an error.

The main window shows them as toasts; pages never open message boxes for routine errors.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from publisher.client import ClientError
from studio.messages import message


class Notifier(QObject):
    """`posted(text, level)` with level "info", "success" or "error"."""

    posted = Signal(str, str)

    def info(self, text: str) -> None:
        self.posted.emit(text, "info")

    def success(self, text: str) -> None:
        self.posted.emit(text, "success")

    def error(self, text: str) -> None:
        self.posted.emit(text, "error")

    def show_error(self, error: ClientError) -> None:
        self.error(message(error.code, error.params))
