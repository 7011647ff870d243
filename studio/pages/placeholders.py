"""Pages that later issues build: each says honestly what it will hold.

Declared as data so the navigation and the empty states stay in one list.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studio.widgets.empty_state import EmptyState


@dataclass(frozen=True)
class Upcoming:
    key: str
    glyph: str
    title: str
    text: str


UPCOMING = (
    Upcoming(
        "analytics",
        "◔",
        QT_TRANSLATE_NOOP("Placeholders", "Analytics will appear once notes are live"),
        QT_TRANSLATE_NOOP(
            "Placeholders",
            "Impressions, views, cover click-through, interactions and followers gained, "
            "per note and per account, including imports from the data center.",
        ),
    ),
)


class UpcomingPage(QWidget):
    def __init__(self, upcoming: Upcoming, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        self.empty_state = EmptyState(
            glyph=upcoming.glyph,
            title=QCoreApplication.translate("Placeholders", upcoming.title),
            text=QCoreApplication.translate("Placeholders", upcoming.text),
            parent=self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_state)
