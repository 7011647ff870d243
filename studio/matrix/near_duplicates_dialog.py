"""The question asked when a note about to be scheduled or published looks like notes already
on the user's accounts: the matches, why they matter, and "… anyway" or Cancel.

Cancel is the default button, so Enter never posts a duplicate by accident. The dialog is
opened with `open()` (window-modal, not blocking the event loop); `accepted` means go ahead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from publisher.near_duplicate_schemas import NearDuplicatePublic
from studio.matrix.near_duplicates import NearDuplicatesWidget
from studio.widgets.dialog_buttons import dialog_buttons

if TYPE_CHECKING:
    from studio.thumbnails import ThumbnailCache

WIDTH = 580
MAX_HEIGHT = 620


class NearDuplicatesDialog(QDialog):
    """`note_activated(note_id)` when a match is double-clicked (the dialog is then rejected:
    the user went to look rather than decide)."""

    note_activated = Signal(str)

    def __init__(
        self,
        matches: Sequence[NearDuplicatePublic],
        *,
        proceed_label: str,
        thumbnails: ThumbnailCache | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Similar content on your accounts"))
        heading = QLabel(self.tr("This note looks like notes already on your accounts"), self)
        heading.setObjectName("DialogHeading")
        heading.setWordWrap(True)
        explanation = QLabel(
            self.tr(
                "The platform shows the same content posted on several accounts to fewer "
                "people. Change the photos or the text, or go ahead if it is meant to be so."
            ),
            self,
        )
        explanation.setObjectName("WarnNote")
        explanation.setWordWrap(True)
        self.matches = NearDuplicatesWidget(thumbnails, self)
        self.matches.set_matches(matches)
        self.matches.note_activated.connect(self._on_note_activated)
        buttons, self.cancel_button, self.proceed_button = dialog_buttons(
            self, cancel=self.tr("Cancel"), action=proceed_label, default="cancel"
        )
        self.cancel_button.clicked.connect(self.reject)
        self.proceed_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.matches, 1)
        layout.addLayout(buttons)
        # As tall as the matches need, up to a screenful; longer lists scroll.
        around = self.sizeHint().height() - self.matches.sizeHint().height()
        self.resize(WIDTH, min(MAX_HEIGHT, around + self.matches.list_height()))

    def _on_note_activated(self, note_id: str) -> None:
        self.reject()
        self.note_activated.emit(note_id)
