"""Topics (话题): the picked ones as chips, a search, suggestions and saved groups.

Suggestions come from the note's own text, from what is trending and from the account's
recent topics, each shown with why it is suggested. A suggestion or a typed name that is not
a topic yet is created on the backend when picked. The "Topic groups" menu adds a saved group
in one click, saves the note's topics as a new group and opens the dialog that renames,
re-topics and deletes groups. The picker only shows and asks; the draft session keeps the
list, the `TopicGroupStore` the groups.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.client import ClientError
from publisher.schemas import TopicPublic, TopicSuggestion
from studio.composer.chips import ChipRow
from studio.composer.debounced import DebouncedQuery
from studio.composer.hint import HintLabel
from studio.composer.topic_groups import (
    TopicGroupStore,
    group_tags,
    topics_line,
    with_topics,
)
from studio.composer.topic_groups_dialog import TopicGroupsDialog
from studio.drafts.journal import Tag
from studio.messages import message
from studio.ops import run_in_background
from studio.style import ACCENT_SOFT, BORDER, TEXT, TEXT_MUTED
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
MENU_STYLE = f"""
QMenu {{ background: white; border: 1px solid {BORDER}; border-radius: 10px; padding: 6px; }}
QMenu::item {{ padding: 7px 28px 7px 12px; border-radius: 6px; color: {TEXT}; }}
QMenu::item:selected {{ background: {ACCENT_SOFT}; }}
QMenu::item:disabled {{ color: {TEXT_MUTED}; }}
QMenu::separator {{ height: 1px; background: {BORDER}; margin: 5px 8px; }}
"""
GROUP_PREVIEW_PX = 220
"""How wide a group's topics may run beside its name in the menu before they are elided."""
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
        self.groups = TopicGroupStore(ctx, self)
        self.groups_dialog: TopicGroupsDialog | None = None
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
        self.groups_menu = QMenu(self)
        self.groups_menu.setStyleSheet(MENU_STYLE)
        self.groups_menu.setToolTipsVisible(True)
        self.groups_button = QPushButton(self.tr("Topic groups"), self)
        self.groups_button.setToolTip(
            self.tr("Add a saved group of topics, or save these topics as a group")
        )
        self.groups_button.setMenu(self.groups_menu)
        self.groups.changed.connect(self._show_groups)
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
        search_row.addWidget(self.groups_button)
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
        self._show_groups()
        if self.groups_dialog is not None:
            self.groups_dialog.set_note_topics(topics)

    def suggest_for(self, title: str, body: str, account_id: str | None) -> None:
        """The note's text changed: suggestions follow once typing pauses."""
        account = uuid.UUID(account_id) if account_id else None
        self._suggest.request(
            lambda client: client.suggest_topics(title=title, body=body, account_id=account)
        )

    def load_groups(self) -> None:
        self.groups.reload()

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

    def _show_groups(self) -> None:
        """Rebuild the menu: each group (adds its topics), then save-as and manage."""
        menu = self.groups_menu
        menu.clear()
        groups = self.groups.groups()
        metrics = QFontMetrics(menu.font())
        for group in groups:
            line = topics_line(group_tags(group))
            preview = metrics.elidedText(line, Qt.TextElideMode.ElideRight, GROUP_PREVIEW_PX)
            action = QAction(f"{group.name}\t{preview}", menu)
            action.setToolTip(line or group.name)
            action.setData(str(group.id))
            action.triggered.connect(
                lambda _checked=False, group_id=group.id: self.apply_group(group_id)
            )
            menu.addAction(action)
        if not groups:
            empty = menu.addAction(self.tr("No saved groups yet"))
            empty.setEnabled(False)
        menu.addSeparator()
        self.save_group_action = menu.addAction(self.tr("Save these topics as a group…"))
        self.save_group_action.setEnabled(bool(self._topics))
        if not self._topics:
            self.save_group_action.setToolTip(self.tr("Pick some topics first."))
        self.save_group_action.triggered.connect(lambda: self.open_groups_dialog(new=True))
        self.manage_groups_action = menu.addAction(self.tr("Edit groups…"))
        self.manage_groups_action.setEnabled(bool(groups))
        self.manage_groups_action.triggered.connect(lambda: self.open_groups_dialog())

    def group_actions(self) -> list[QAction]:
        """The menu's entries that add a group, in order."""
        return [action for action in self.groups_menu.actions() if action.data()]

    def apply_group(self, group_id: uuid.UUID) -> None:
        """Add the group's topics the note does not hold yet, after its own."""
        group = self.groups.group(group_id)
        if group is not None:
            self._emit(with_topics(self._topics, group_tags(group)))

    def open_groups_dialog(self, *, new: bool = False) -> TopicGroupsDialog:
        """Show the groups dialog; `new` starts a group holding the note's topics."""
        if self.groups_dialog is None:
            self.groups_dialog = TopicGroupsDialog(self.groups, self._topics, self)
        dialog = self.groups_dialog
        dialog.set_note_topics(self._topics)
        if new:
            dialog.start_new(self._topics)
        # Another machine may have changed the groups since they were listed.
        self.groups.reload()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog
