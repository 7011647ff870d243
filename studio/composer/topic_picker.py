"""Topics (话题): the picked ones as chips, a search, suggestions and saved groups.

Suggestions come from the note's own text, from what is trending and from the account's
recent topics, each shown with why it is suggested. A suggestion or a typed name that is not
a topic yet is created on the backend when picked. The picker only shows and asks; the draft
session keeps the list.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from publisher.client import ClientError
from publisher.schemas import TopicGroupPublic, TopicPublic, TopicSuggestion
from studio.composer.chips import ChipRow
from studio.composer.debounced import DebouncedQuery
from studio.composer.hint import HintLabel
from studio.drafts.journal import Tag
from studio.messages import message
from studio.ops import run_in_background
from studio.quiet_read import ignore_failure, quiet_read
from studio.tasks import Lane

if TYPE_CHECKING:
    from publisher.schemas import Page
    from studio.context import AppContext

SUGGESTION_DEBOUNCE_MS = 800
"""Suggestions follow the text more slowly than a search follows the search box."""

REASONS = {
    "text": QT_TRANSLATE_NOOP("TopicPicker", "from your text"),
    "trending": QT_TRANSLATE_NOOP("TopicPicker", "trending"),
    "recent": QT_TRANSLATE_NOOP("TopicPicker", "you used it recently"),
}
NameRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2


def reasons_text(reasons: list[str]) -> str:
    return " · ".join(QCoreApplication.translate("TopicPicker", REASONS[r]) for r in reasons)


class TopicPicker(QWidget):
    topics_changed = Signal(tuple)
    """The new tuple of `Tag`s, in order."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._topics: tuple[Tag, ...] = ()
        self._groups: list[TopicGroupPublic] = []
        self._search = DebouncedQuery(ctx, self)
        self._suggest = DebouncedQuery(ctx, self, delay_ms=SUGGESTION_DEBOUNCE_MS)
        self._build()
        self._search.answered.connect(self._show_search)
        self._search.failed.connect(self._show_error)
        self._search.loading_changed.connect(self._show_loading)
        self._suggest.answered.connect(self._show_suggestions)

    def _build(self) -> None:
        self.chips = ChipRow("#", self.tr("No topics yet: search, or pick a suggestion."), self)
        self.chips.removed.connect(self._remove)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search topics, or type a new one and Enter"))
        self.search_edit.setClearButtonEnabled(True)
        self.groups_combo = QComboBox(self)
        self.groups_combo.setToolTip(self.tr("Add every topic of a saved group"))
        self.groups_combo.activated.connect(self._on_group_chosen)
        self.state_label = HintLabel(self)
        self.results = QListWidget(self)
        self.results.setObjectName("PickerList")
        self.results.setMaximumHeight(150)
        self.results.hide()
        self.suggestions = QListWidget(self)
        self.suggestions.setObjectName("PickerList")
        self.suggestions.setMaximumHeight(120)
        suggest_title = QLabel(self.tr("Suggested"), self)
        suggest_title.setObjectName("Hint")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.groups_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.chips)
        layout.addLayout(search_row)
        layout.addWidget(self.state_label)
        layout.addWidget(self.results)
        layout.addWidget(suggest_title)
        layout.addWidget(self.suggestions)
        self.search_edit.textEdited.connect(self._on_search_edited)
        self.search_edit.returnPressed.connect(self._on_return)
        self.results.itemActivated.connect(self._pick_item)
        self.results.itemClicked.connect(self._pick_item)
        self.suggestions.itemActivated.connect(self._pick_item)
        self.suggestions.itemClicked.connect(self._pick_item)
        self._show_groups()

    # -- state from the draft --------------------------------------------------------------

    def show_topics(self, topics: tuple[Tag, ...]) -> None:
        self._topics = topics
        self.chips.show_tags(topics)

    def suggest_for(self, title: str, body: str, account_id: str | None) -> None:
        """The note's text changed: suggestions follow once typing pauses."""
        account = uuid.UUID(account_id) if account_id else None
        self._suggest.request(
            lambda client: client.suggest_topics(title=title, body=body, account_id=account)
        )

    def load_groups(self) -> None:
        quiet_read(
            self._ctx,
            self,
            lambda client: client.list_topic_groups(),
            self._on_groups,
            ignore_failure,
        )

    # -- search ----------------------------------------------------------------------------

    def _on_search_edited(self, text: str) -> None:
        query = text.strip().lstrip("#")
        if not query:
            self._search.cancel()
            self.results.hide()
            return
        self._search.request(lambda client: client.search_topics(query, limit=20))

    def _show_loading(self, loading: bool) -> None:
        self.state_label.setText(self.tr("Searching…") if loading else "")

    def _show_search(self, page: Page[TopicPublic]) -> None:
        self.results.clear()
        for topic in page.items:
            text = self.tr("#{name}   {count} notes").format(name=topic.name, count=topic.use_count)
            self._add_item(self.results, text, topic.name, str(topic.id))
        typed = self.search_edit.text().strip().lstrip("#")
        if typed and all(topic.name != typed for topic in page.items):
            self._add_item(self.results, self.tr("Create #{name}").format(name=typed), typed, None)
        self.results.setVisible(self.results.count() > 0)
        if not page.items:
            self.state_label.setText(self.tr("No topic matches yet: press Enter to create it."))

    def _show_suggestions(self, suggestions: list[TopicSuggestion]) -> None:
        self.suggestions.clear()
        picked = {tag.name for tag in self._topics}
        for suggestion in suggestions:
            if suggestion.name in picked:
                continue
            text = f"#{suggestion.name}   ({reasons_text(list(suggestion.reasons))})"
            topic_id = None if suggestion.topic_id is None else str(suggestion.topic_id)
            self._add_item(self.suggestions, text, suggestion.name, topic_id)
        if self.suggestions.count() == 0:
            item = QListWidgetItem(self.tr("Write a little more to get suggestions."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.suggestions.addItem(item)

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, ClientError):
            self.state_label.setText(message(error.code, error.params))

    @staticmethod
    def _add_item(widget: QListWidget, text: str, name: str, topic_id: str | None) -> None:
        item = QListWidgetItem(text)
        item.setData(NameRole, name)
        item.setData(IdRole, topic_id)
        widget.addItem(item)

    # -- picking ---------------------------------------------------------------------------

    def _on_return(self) -> None:
        if self.results.count() > 0:
            self._pick_item(self.results.item(0))
        elif name := self.search_edit.text().strip():
            self._create_and_add(name)

    def _pick_item(self, item: QListWidgetItem) -> None:
        name, topic_id = item.data(NameRole), item.data(IdRole)
        if name is None:
            return
        if topic_id is None:
            self._create_and_add(str(name))
        else:
            self.add(Tag(str(topic_id), str(name)))

    def _create_and_add(self, name: str) -> None:
        """A new topic is made on the backend (or the existing one of that name is found)."""
        connection = self._ctx.connection
        run_in_background(
            self._ctx.runner,
            Lane.WRITE,
            owner=self,
            job=lambda _progress: connection.client().create_topic(name),
            on_success=lambda topic: self.add(Tag(str(topic.id), topic.name)),
            on_failure=self._show_error,
        )

    def add(self, tag: Tag) -> None:
        self.search_edit.clear()
        self.results.hide()
        if all(existing.id != tag.id for existing in self._topics):
            self._emit((*self._topics, tag))
        self._drop_suggestion(tag.name)

    def _remove(self, topic_id: str) -> None:
        self._emit(tuple(tag for tag in self._topics if tag.id != topic_id))

    def _emit(self, topics: tuple[Tag, ...]) -> None:
        self.show_topics(topics)
        self.topics_changed.emit(topics)

    def _drop_suggestion(self, name: str) -> None:
        for row in reversed(range(self.suggestions.count())):
            if self.suggestions.item(row).data(NameRole) == name:
                self.suggestions.takeItem(row)

    # -- saved groups ----------------------------------------------------------------------

    def _on_groups(self, page: Page[TopicGroupPublic]) -> None:
        self._groups = list(page.items)
        self._show_groups()

    def _show_groups(self) -> None:
        self.groups_combo.clear()
        self.groups_combo.addItem(self.tr("Topic groups…"))
        for group in self._groups:
            self.groups_combo.addItem(f"{group.name} ({len(group.topics)})")
        self.groups_combo.setEnabled(bool(self._groups))

    def _on_group_chosen(self, row: int) -> None:
        if row <= 0:
            return
        group = self._groups[row - 1]
        known = {tag.id for tag in self._topics}
        new = tuple(Tag(str(t.id), t.name) for t in group.topics if str(t.id) not in known)
        self._emit((*self._topics, *new))
        self.groups_combo.setCurrentIndex(0)
