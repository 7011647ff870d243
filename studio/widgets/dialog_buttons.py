"""The foot of a form dialog and the labels that say why its action failed: one build for
every dialog, so Cancel and the accent action sit, look and answer Enter alike everywhere.

The caller passes the texts through its own `self.tr`, so each dialog keeps its translations."""

from __future__ import annotations

from typing import Literal, NamedTuple

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class DialogButtons(NamedTuple):
    row: QHBoxLayout
    cancel: QPushButton
    action: QPushButton


def dialog_buttons(
    parent: QWidget,
    *,
    cancel: str,
    action: str = "",
    failure: QLabel | None = None,
    default: Literal["action", "cancel"] | None = "action",
) -> DialogButtons:
    """Cancel and the action (the accent button) at the right of a row; `failure` (see
    `failure_label`) takes the room at their left, else a stretch does. `default` is the
    button Enter presses: Cancel where going ahead may do harm, none where the action may
    not be ready when the dialog opens."""
    cancel_button = QPushButton(cancel, parent)
    action_button = QPushButton(action, parent)
    action_button.setProperty("accent", True)
    if default == "action":
        action_button.setDefault(True)
    elif default == "cancel":
        cancel_button.setDefault(True)
    row = QHBoxLayout()
    if failure is None:
        row.addStretch(1)
    else:
        row.addWidget(failure, 1)
    row.addWidget(cancel_button)
    row.addWidget(action_button)
    return DialogButtons(row, cancel_button, action_button)


def failure_label(parent: QWidget) -> QLabel:
    """Why the action failed, in red beside the buttons; empty until it did."""
    label = QLabel(parent)
    label.setObjectName("SaveState")
    label.setProperty("state", "failed")
    label.setWordWrap(True)
    return label


def error_note(parent: QWidget) -> QLabel:
    """Why the form was refused, boxed on a line of its own above the buttons; hidden until
    there is something to say."""
    label = QLabel(parent)
    label.setObjectName("ErrorNote")
    label.setWordWrap(True)
    label.hide()
    return label
