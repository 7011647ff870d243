"""Asking for a template's name, and saving under it before closing.

The save runs while the dialog stays open: a refused name (taken, too long) is explained under
the field and the creator fixes it there; only a save that landed closes the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from publisher.client import ClientError
from publisher.schemas import MAX_TEMPLATE_NAME_LENGTH
from studio.messages import message
from studio.ops import Mutation

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from publisher.domain.changes import ChangeSet
    from studio.context import AppContext

SaveOp = Callable[["StudioClient", str], "tuple[Any, ChangeSet]"]


def clean_name(text: str) -> str:
    """A name as typed, on one line, trimmed."""
    return " ".join(text.split())


class TemplateNameDialog(QDialog):
    """`saved` (the save's result) is read after `accepted`."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        title: str,
        prompt: str,
        name: str,
        save: SaveOp,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._save = save
        self.saved: Any = None
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.setSpacing(10)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setMaxLength(MAX_TEMPLATE_NAME_LENGTH)
        self.name_edit.selectAll()
        label.setBuddy(self.name_edit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("FieldError")
        self.error_label.setStyleSheet("#FieldError { color: #FF2442; font-size: 12px; }")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setProperty("accent", True)
        self.save_button.style().polish(self.save_button)
        layout.addWidget(label)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.error_label)
        layout.addSpacing(4)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._on_edited)
        self._busy = False
        self._refresh()

    def submit(self) -> None:
        name = clean_name(self.name_edit.text())
        if not name or self._busy:
            return
        self._busy = True
        self._refresh()
        save = self._save
        Mutation(self._ctx, parent=self, op=lambda client: save(client, name)).success(
            self._on_saved
        ).failure(self._on_failed).run()

    def _on_saved(self, result: Any) -> None:
        self._busy = False
        self.saved = result
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        self._refresh()
        if not isinstance(error, ClientError):
            raise error
        self.error_label.setText(message(error.code, error.params))
        self.error_label.show()
        self.name_edit.setFocus()

    def _on_edited(self) -> None:
        self.error_label.hide()  # the creator is fixing what was refused
        self._refresh()

    def _refresh(self) -> None:
        self.save_button.setEnabled(bool(clean_name(self.name_edit.text())) and not self._busy)
