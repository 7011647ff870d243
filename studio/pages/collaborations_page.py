"""Brand collaborations: the creator's side (invitations, open briefs, their collaborations)
and the brand's (briefs, the review queue), one tab each.

One person may be both: the embedded studio's user can run a brand organization and their own
creator accounts, so every tab is always there and each says what it needs when empty.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from studio.collab.briefs_tab import BriefsTab
from studio.collab.creator_tab import CreatorTab
from studio.collab.review_queue import ReviewQueueTab

if TYPE_CHECKING:
    from studio.context import AppContext

_REVIEW_NEWS = frozenset(
    {"collaboration.submitted", "collaboration.review_due", "collaboration.comment"}
)
"""News for the brand that the review screen answers."""


class CollaborationsPage(QWidget):
    open_note_requested = Signal(str)
    submit_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        title = QLabel(self.tr("Collaborations"), self)
        title.setObjectName("PageTitle")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("PageTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setDrawBase(False)
        self.creator_tab = CreatorTab(ctx, self)
        self.briefs_tab = BriefsTab(ctx, self)
        self.review_tab = ReviewQueueTab(ctx, self)
        self.tabs.addTab(self.creator_tab, self.tr("As a creator"))
        self.tabs.addTab(self.briefs_tab, self.tr("Brand briefs"))
        self.tabs.addTab(self.review_tab, self.tr("Review queue"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.creator_tab.open_note_requested.connect(self.open_note_requested)
        self.creator_tab.submit_requested.connect(self.submit_requested)

    def open_collaboration(self, collaboration_id: uuid.UUID, side: str, kind: str) -> None:
        """Show the collaboration a notification is about, on the side it was sent to: the
        creator's view, the review screen for a round to review, else the brand's briefs."""
        if side != "brand":
            self.tabs.setCurrentWidget(self.creator_tab)
            self.creator_tab.open_collaboration(collaboration_id)
        elif kind in _REVIEW_NEWS:
            self.tabs.setCurrentWidget(self.review_tab)
            self.review_tab.open_review(collaboration_id)
        else:
            self.tabs.setCurrentWidget(self.briefs_tab)
            self.briefs_tab.refresh()
