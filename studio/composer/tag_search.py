"""A picker of `Tag`s: the picked ones as chips, over a search box whose results add one more.

@mentions and products are both this. The chips, the debounced search with its "Searching…"
and error line, the result list and "a pick is added once, in order" live here; what is
searched, how a result reads and which signal announces a change are the subclass's. Every
text comes from the subclass, translated in its own context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from publisher.client import ClientError
from studio.composer.debounced import DebouncedQuery
from studio.composer.hint import HintLabel
from studio.drafts.journal import Tag
from studio.messages import message

if TYPE_CHECKING:
    from studio.composer.chips import ChipRow
    from studio.context import AppContext

IdRole = Qt.ItemDataRole.UserRole + 1
NameRole = Qt.ItemDataRole.UserRole + 2


class TagSearchPicker(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tags: tuple[Tag, ...] = ()
        self._search = DebouncedQuery(ctx, self)

    def _build(
        self,
        chips: ChipRow,
        *,
        placeholder: str,
        searching: str,
        list_height: int,
        search: Callable[[str], None],
        show_results: Callable[[Any], None],
        changed: Callable[[tuple[Tag, ...]], None],
    ) -> None:
        """Lay out `chips`, the search box, the state line and the result list.

        The subclass's part comes in as callables: `search` runs on each edit of the box,
        `show_results` fills `results` from the search's answer (a `Page` of what it searches),
        `changed` announces the new tuple of tags with the subclass's own signal.
        """
        self.chips = chips
        self._changed = changed
        self.chips.removed.connect(
            lambda tag_id: self._emit(tuple(t for t in self._tags if t.id != tag_id))
        )
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(placeholder)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(search)
        self.state_label = HintLabel(self)
        self.results = QListWidget(self)
        self.results.setObjectName("PickerList")
        self.results.setMaximumHeight(list_height)
        self.results.hide()
        self.results.itemClicked.connect(self._pick)
        self.results.itemActivated.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.chips, self.search_edit, self.state_label, self.results):
            layout.addWidget(widget)
        self._search.answered.connect(show_results)
        self._search.failed.connect(self._show_error)
        self._search.loading_changed.connect(
            lambda loading: self.state_label.setText(searching if loading else "")
        )

    def show_tags(self, tags: tuple[Tag, ...]) -> None:
        self._tags = tags
        self.chips.show_tags(tags)

    def _add_result(self, text: str, tag: Tag) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(IdRole, tag.id)
        item.setData(NameRole, tag.name)
        self.results.addItem(item)
        return item

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, ClientError):
            self.state_label.setText(message(error.code, error.params))

    def _pick(self, item: QListWidgetItem) -> None:
        tag = Tag(str(item.data(IdRole)), str(item.data(NameRole)))
        self.search_edit.clear()
        self.results.hide()
        if all(existing.id != tag.id for existing in self._tags):
            self._emit((*self._tags, tag))

    def _emit(self, tags: tuple[Tag, ...]) -> None:
        self.show_tags(tags)
        self._changed(tags)
