"""@mentions: search accounts by nickname and add them as chips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from studio.composer.chips import ChipRow
from studio.composer.tag_search import TagSearchPicker
from studio.drafts.journal import Tag

if TYPE_CHECKING:
    from publisher.schemas import AccountBrief, Page
    from studio.context import AppContext


class MentionPicker(TagSearchPicker):
    mentions_changed = Signal(tuple)
    """The new tuple of `Tag`s (account id, nickname), in order."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._build(
            ChipRow("@", self.tr("Nobody @mentioned"), self),
            placeholder=self.tr("@ someone: search a nickname"),
            searching=self.tr("Searching…"),
            list_height=120,
            search=self._on_search_edited,
            show_results=self._show_results,
            changed=self.mentions_changed.emit,
        )

    def _on_search_edited(self, text: str) -> None:
        query = text.strip().lstrip("@")
        if query:
            self._search.request(lambda client: client.search_mentionable(query, limit=20))
        else:
            self._search.cancel()
            self.results.hide()

    def _show_results(self, page: Page[AccountBrief]) -> None:
        self.results.clear()
        for account in page.items:
            self._add_result(f"@{account.nickname}", Tag(str(account.id), account.nickname))
        self.results.setVisible(bool(page.items))
        if not page.items:
            self.state_label.setText(self.tr("No account matches."))
