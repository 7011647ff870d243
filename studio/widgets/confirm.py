"""The question asked before something that cannot be undone (deleting a note or a product,
rejecting a note): a warning whose default answer is Cancel, so Enter never destroys
anything."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_confirm(parent: QWidget, title: str, text: str, action_label: str) -> bool:
    """Whether the user chose `action_label` (the destructive button) over Cancel."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, parent
    )
    action = box.addButton(action_label, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is action
