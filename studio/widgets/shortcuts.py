"""Keyboard shortcuts that work anywhere inside one editor and nowhere else."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

Keys = QKeySequence.StandardKey | str


def editor_shortcuts(
    editor: QWidget,
    undo: Callable[[], None],
    redo: Callable[[], None],
    more: Iterable[tuple[Keys, Callable[[], None]]] = (),
) -> None:
    """Undo (the platform's key), redo (Ctrl+Shift+Z and Ctrl+Y) and `more`, active while
    the focus is in `editor` or its children, so two editors in one window never clash."""
    bindings = [
        (QKeySequence.StandardKey.Undo, undo),
        ("Ctrl+Shift+Z", redo),
        ("Ctrl+Y", redo),
        *more,
    ]
    for keys, slot in bindings:
        shortcut = QShortcut(QKeySequence(keys), editor)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
