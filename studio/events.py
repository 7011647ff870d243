"""The one app-wide event: something changed on the backend, here is what (Anki's OpChanges).

Pages listen to `changed` and refresh only what a `ChangeSet` names; the initiator lets a page
skip the echo of its own edit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Broadcasts `changed(ChangeSet, initiator)` after every successful mutation."""

    changed = Signal(object, object)
