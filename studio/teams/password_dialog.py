"""Change the team server password: the current one, the new one twice. What the form lacks
is said before anything is sent; the server's password policy says why a new password is
refused (too short, too easy to guess) in the user's language. Signing in again is not needed:
this device stays signed in, every other one is signed out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.changes import ChangeSet
from studio.messages import reason_of
from studio.ops import Mutation
from studio.teams.team_state import password_problem
from studio.widgets.dialog_buttons import dialog_buttons, error_note

if TYPE_CHECKING:
    from studio.context import AppContext

PASSWORD_MAX = 256
_PROBLEMS = {
    "current_missing": QT_TRANSLATE_NOOP("PasswordDialog", "Enter your current password."),
    "new_missing": QT_TRANSLATE_NOOP("PasswordDialog", "Enter a new password."),
    "mismatch": QT_TRANSLATE_NOOP("PasswordDialog", "The two new passwords are not the same."),
    "unchanged": QT_TRANSLATE_NOOP(
        "PasswordDialog", "The new password is the same as the current one."
    ),
}


class PasswordDialog(QDialog):
    """`accept()`s once the server took the new password."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Change password"))
        self.setObjectName("PageHost")
        self.setMinimumWidth(480)
        heading = QLabel(self.tr("Change password"), self)
        heading.setObjectName("DialogHeading")
        self.current_edit = self._password_field()
        self.new_edit = self._password_field()
        self.repeat_edit = self._password_field()
        policy = QLabel(
            self.tr(
                "At least 10 characters. A few unrelated words are easy to remember and hard "
                "to guess; no need for symbols. Your other devices will be signed out."
            ),
            self,
        )
        policy.setObjectName("Hint")
        policy.setWordWrap(True)
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for text, field in (
            (self.tr("Current password"), self.current_edit),
            (self.tr("New password"), self.new_edit),
            (self.tr("Repeat the new one"), self.repeat_edit),
        ):
            label = QLabel(text, self)
            label.setObjectName("FormLabel")
            form.addRow(label, field)
        self.error_label = error_note(self)
        buttons, self.cancel_button, self.change_button = dialog_buttons(
            self, cancel=self.tr("Cancel"), action=self.tr("Change password")
        )
        self.cancel_button.clicked.connect(self.reject)
        self.change_button.clicked.connect(self.change)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(policy)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    def _password_field(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(PASSWORD_MAX)
        field.textEdited.connect(lambda _text: self.error_label.hide())
        field.returnPressed.connect(self.change)
        return field

    def change(self) -> None:
        if not self.change_button.isEnabled():
            return
        current, new = self.current_edit.text(), self.new_edit.text()
        problem = password_problem(current, new, self.repeat_edit.text())
        if problem is not None:
            field = {"current_missing": self.current_edit, "mismatch": self.repeat_edit}.get(
                problem, self.new_edit
            )
            self._show_error(
                QCoreApplication.translate("PasswordDialog", _PROBLEMS[problem]), field
            )
            return
        self.change_button.setEnabled(False)
        self.error_label.hide()

        def op(client):  # noqa: ANN001, ANN202
            client.change_password(current, new)
            return ChangeSet()

        Mutation(self._ctx, parent=self, op=op).success(lambda _none: self.accept()).failure(
            self._on_refused
        ).run()

    def _on_refused(self, error: BaseException) -> None:
        wrong_current = getattr(error, "code", None) == "auth.bad_credentials"
        self._show_error(reason_of(error), self.current_edit if wrong_current else self.new_edit)

    def _show_error(self, text: str, field: QLineEdit) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.change_button.setEnabled(True)
        field.setFocus()
        field.selectAll()
