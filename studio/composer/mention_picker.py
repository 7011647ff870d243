"""@mentions: search accounts by nickname and add them as chips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from publisher.client import ClientError
from studio.composer.chips import ChipRow
from studio.composer.debounced import DebouncedQuery
from studio.composer.hint import HintLabel
from studio.drafts.journal import Tag
from studio.messages import message

if TYPE_CHECKING:
    from publisher.schemas import AccountBrief, Page
    from studio.context import AppContext

IdRole = Qt.ItemDataRole.UserRole + 1


class MentionPicker(QWidget):
    mentions_changed = Signal(tuple)
    """The new tuple of `Tag`s (account id, nickname), in order."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mentions: tuple[Tag, ...] = ()
        self._search = DebouncedQuery(ctx, self)
        self._search.answered.connect(self._show_results)
        self._search.failed.connect(self._show_error)
        self._search.loading_changed.connect(
            lambda loading: self.state_label.setText(self.tr("Searching…") if loading else "")
        )
        self.chips = ChipRow("@", self.tr("Nobody @mentioned"), self)
        self.chips.removed.connect(
            lambda account_id: self._emit(tuple(t for t in self._mentions if t.id != account_id))
        )
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("@ someone: search a nickname"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(self._on_search_edited)
        self.state_label = HintLabel(self)
        self.results = QListWidget(self)
        self.results.setObjectName("PickerList")
        self.results.setMaximumHeight(120)
        self.results.hide()
        self.results.itemClicked.connect(self._pick)
        self.results.itemActivated.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.chips, self.search_edit, self.state_label, self.results):
            layout.addWidget(widget)

    def show_mentions(self, mentions: tuple[Tag, ...]) -> None:
        self._mentions = mentions
        self.chips.show_tags(mentions)

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
            item = QListWidgetItem(f"@{account.nickname}")
            item.setData(IdRole, str(account.id))
            item.setData(Qt.ItemDataRole.UserRole, account.nickname)
            self.results.addItem(item)
        self.results.setVisible(bool(page.items))
        if not page.items:
            self.state_label.setText(self.tr("No account matches."))

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, ClientError):
            self.state_label.setText(message(error.code, error.params))

    def _pick(self, item: QListWidgetItem) -> None:
        tag = Tag(str(item.data(IdRole)), str(item.data(Qt.ItemDataRole.UserRole)))
        self.search_edit.clear()
        self.results.hide()
        if all(existing.id != tag.id for existing in self._mentions):
            self._emit((*self._mentions, tag))

    def _emit(self, mentions: tuple[Tag, ...]) -> None:
        self.show_mentions(mentions)
        self.mentions_changed.emit(mentions)
