"""The topic groups dialog (话题组): save the note's topics as a named group, rename a group,
change its topics, delete it.

It opens from the topic picker, either on a new group holding the note's topics or on the
saved groups. Every group being edited keeps its own unsaved draft, so switching groups or
closing the dialog loses nothing; a save the backend refuses (a taken name, a group changed or
deleted elsewhere, the backend down) leaves the draft as typed and says why. The store checks
and sends; this dialog only shows drafts and asks.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from publisher.client import ClientError
from studio.composer.chips import ChipRow
from studio.composer.topic_groups import (
    MAX_NAME_CHARS,
    Problem,
    TopicGroupsListModel,
    TopicGroupStore,
    clean_name,
    group_tags,
    with_topics,
)
from studio.drafts.journal import Tag
from studio.messages import message
from studio.style import ACCENT, BORDER, TEXT, TEXT_MUTED

if TYPE_CHECKING:
    from publisher.schemas import TopicGroupPublic

DIALOG_STYLE = f"""
#GroupEditor {{ background: white; border: 1px solid {BORDER}; border-radius: 14px; }}
#GroupMessage {{ font-size: 13px; color: {TEXT_MUTED}; }}
#GroupMessage[level="error"] {{ color: {ACCENT}; }}
#GroupMessage[level="success"] {{ color: #1E7F4C; }}
#GroupCount {{ color: {TEXT_MUTED}; font-size: 12px; }}
#GroupCount[over="true"] {{ color: {ACCENT}; font-weight: 600; }}
#GroupConfirm {{ background: #FFF6E5; border-radius: 10px; }}
#GroupEmpty {{ color: {TEXT_MUTED}; font-size: 13px; }}
#GroupChips, #GroupChipsHost {{ background: transparent; }}
QPushButton#ChipAdd {{
    background: transparent; color: {TEXT_MUTED}; border: 1px dashed #CFD0D6;
    border-radius: 13px; padding: 4px 12px; font-size: 13px; font-weight: 500;
}}
QPushButton#ChipAdd:hover {{ color: {ACCENT}; border-color: {ACCENT}; }}
QPushButton#ChipAdd:disabled {{ color: #C4C6CC; border-color: {BORDER}; }}
QPushButton#GroupDelete {{ color: {ACCENT}; }}
"""


@dataclass(frozen=True)
class _Draft:
    """What the user typed for one group; `version` is the group's version it was based on."""

    name: str
    topics: tuple[Tag, ...]
    version: int | None = None


class _GroupDelegate(QStyledItemDelegate):
    """A group as two lines: its name, then its topics in the muted hint colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        rect = option.rect.adjusted(12, 7, -12, -7)  # type: ignore[attr-defined]
        name_font = QFont(option.font)  # type: ignore[attr-defined]
        name_font.setWeight(QFont.Weight.DemiBold)
        topics_font = QFont(option.font)  # type: ignore[attr-defined]
        topics_font.setPixelSize(12)
        name_metrics, topics_metrics = QFontMetrics(name_font), QFontMetrics(topics_font)
        name = name_metrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)), Qt.TextElideMode.ElideRight, rect.width()
        )
        topics = topics_metrics.elidedText(
            str(index.data(TopicGroupsListModel.TopicsRole) or ""),
            Qt.TextElideMode.ElideRight,
            rect.width(),
        )
        painter.save()
        painter.setFont(name_font)
        painter.setPen(QColor(TEXT))
        top = QRect(rect.x(), rect.y(), rect.width(), name_metrics.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(topics_font)
        painter.setPen(QColor(TEXT_MUTED))
        bottom = QRect(rect.x(), top.bottom() + 3, rect.width(), topics_metrics.height())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, topics)
        painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        font = QFont(option.font)  # type: ignore[attr-defined]
        small = QFont(font)
        small.setPixelSize(12)
        height = QFontMetrics(font).height() + QFontMetrics(small).height() + 3 + 14
        return QSize(180, height)


class TopicGroupsDialog(QDialog):
    """Create, rename, re-topic and delete topic groups; one draft per group being edited."""

    group_saved = Signal(object)
    """The backend saved a group (`TopicGroupPublic`)."""
    group_deleted = Signal(object)
    """The backend deleted the group with this id."""

    def __init__(
        self,
        store: TopicGroupStore,
        note_topics: tuple[Tag, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._note_topics = note_topics
        self._drafts: dict[uuid.UUID | None, _Draft] = {}
        self._current: uuid.UUID | None = None
        """The group being edited; None with `_new` set: a group not saved yet."""
        self._new = False
        self._auto_new = False
        """The new group was started only because there was no group to show."""
        self._busy = ""
        """What the backend is doing for the dialog: "saving", "deleting" or "" (nothing)."""
        self._following_list = False
        """Set while the dialog itself moves the selection after the list changed."""
        self.setWindowTitle(self.tr("Topic groups"))
        self.setStyleSheet(DIALOG_STYLE)
        self.resize(740, 540)
        self._build()
        store.changed.connect(self._on_store_changed)
        self._on_store_changed()

    def _build(self) -> None:
        title = QLabel(self.tr("Topic groups"), self)
        title.setObjectName("CardTitle")
        hint = QLabel(
            self.tr(
                "Save topics you often use together, then add them to a note in one click. "
                "A group holds up to {max} topics."
            ).format(max=self._store.max_topics),
            self,
        )
        hint.setObjectName("Hint")
        hint.setWordWrap(True)

        self.list = QListView(self)
        self.list.setObjectName("PickerList")
        self.list.setModel(self._store.model)
        self.list.setItemDelegate(_GroupDelegate(self.list))
        # Our own selection model: asking the view for its own one can hand back a stale
        # Python wrapper (PySide reuses wrappers by address).
        self.selection = QItemSelectionModel(self._store.model, self.list)
        self.list.setSelectionModel(self.selection)
        self.list.setMinimumWidth(220)
        self.selection.currentChanged.connect(self._on_current_changed)
        self.empty_label = QLabel(self.tr("No saved groups yet."), self)
        self.empty_label.setObjectName("GroupEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("+ New group"), self)
        self.new_button.clicked.connect(lambda: self.start_new())
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.list, 1)
        left.addWidget(self.empty_label, 1)
        left.addWidget(self.new_button)

        right = QVBoxLayout()
        right.addWidget(self._build_editor(), 1)

        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)

        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

    def _build_editor(self) -> QWidget:
        self.editor = QFrame(self)
        self.editor.setObjectName("GroupEditor")
        self.editor_title = QLabel(self.editor)
        self.editor_title.setObjectName("CardTitle")
        name_label = QLabel(self.tr("Name"), self.editor)
        name_label.setObjectName("FormLabel")
        self.name_edit = QLineEdit(self.editor)
        self.name_edit.setPlaceholderText(self.tr("e.g. 周末探店 ☕"))
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        self.name_edit.textEdited.connect(self._on_name_edited)
        topics_label = QLabel(self.tr("Topics"), self.editor)
        topics_label.setObjectName("FormLabel")
        self.count_label = QLabel(self.editor)
        self.count_label.setObjectName("GroupCount")
        topics_head = QHBoxLayout()
        topics_head.addWidget(topics_label)
        topics_head.addStretch(1)
        topics_head.addWidget(self.count_label)
        # The chips wrap onto as many lines as they need and scroll past the room there is,
        # so a long list never squeezes the buttons below.
        self.chips_scroll = QScrollArea(self.editor)
        self.chips_scroll.setObjectName("GroupChips")
        self.chips_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.chips_scroll.setWidgetResizable(True)
        self.chips_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chip_row = ChipRow(
            "#",
            self.tr("No topics in this group yet."),
            chip_tooltip=self.tr("Remove from the group"),
        )
        self.chip_row.setObjectName("GroupChipsHost")
        self.chip_row.removed.connect(self._on_chip_removed)
        self.chips_scroll.setWidget(self.chip_row)
        self.add_note_topics_button = QPushButton(self.tr("+ Add this note's topics"))
        self.add_note_topics_button.setObjectName("ChipAdd")
        self.add_note_topics_button.clicked.connect(self._on_add_note_topics)
        self.chip_row.add_trailing(self.add_note_topics_button)

        self.message_label = QLabel(self.editor)
        self.message_label.setObjectName("GroupMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.confirm_bar = QFrame(self.editor)
        self.confirm_bar.setObjectName("GroupConfirm")
        self.confirm_label = QLabel(self.confirm_bar)
        self.confirm_label.setWordWrap(True)
        self.confirm_delete_button = QPushButton(self.tr("Delete"), self.confirm_bar)
        self.confirm_delete_button.setProperty("accent", True)
        self.confirm_delete_button.clicked.connect(self._on_delete_confirmed)
        self.keep_button = QPushButton(self.tr("Keep it"), self.confirm_bar)
        self.keep_button.clicked.connect(self.confirm_bar.hide)
        confirm = QHBoxLayout(self.confirm_bar)
        confirm.setContentsMargins(12, 8, 8, 8)
        confirm.addWidget(self.confirm_label, 1)
        confirm.addWidget(self.keep_button)
        confirm.addWidget(self.confirm_delete_button)
        self.confirm_bar.hide()

        self.delete_button = QPushButton(self.tr("Delete…"), self.editor)
        self.delete_button.setObjectName("GroupDelete")
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.revert_button = QPushButton(self.tr("Revert"), self.editor)
        self.revert_button.setToolTip(self.tr("Forget the changes and show the saved group"))
        self.revert_button.clicked.connect(self._on_revert_clicked)
        self.save_button = QPushButton(self.editor)
        self.save_button.setProperty("accent", True)
        # Enter in the name saves: the dialog's default button takes it.
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        actions = QHBoxLayout()
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)

        layout = QVBoxLayout(self.editor)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(8)
        layout.addWidget(self.editor_title)
        layout.addWidget(name_label)
        layout.addWidget(self.name_edit)
        layout.addSpacing(4)
        layout.addLayout(topics_head)
        layout.addWidget(self.chips_scroll, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.confirm_bar)
        layout.addLayout(actions)
        return self.editor

    # -- what the picker tells it ----------------------------------------------------------

    def set_note_topics(self, topics: tuple[Tag, ...]) -> None:
        """The note's topics now: what "Add this note's topics" adds."""
        self._note_topics = topics
        self._refresh_actions()

    def start_new(self, topics: tuple[Tag, ...] | None = None) -> None:
        """Edit a group not saved yet, holding `topics` (default: the note's)."""
        if self._busy:
            return
        self._auto_new = False
        draft = self._drafts.get(None)
        if topics is not None or draft is None:
            name = draft.name if draft is not None else ""
            self._drafts[None] = _Draft(name, self._note_topics if topics is None else topics)
        self._current, self._new = None, True
        self.selection.clearCurrentIndex()
        self.selection.clearSelection()
        self._show_editor()
        self.name_edit.setFocus()

    def select_group(self, group_id: uuid.UUID) -> bool:
        row = self._store.model.row_of(group_id)
        if row < 0:
            return False
        index = self._store.model.index(row)
        self.selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return True

    # -- state -----------------------------------------------------------------------------

    def current_group(self) -> TopicGroupPublic | None:
        return None if self._current is None else self._store.group(self._current)

    def draft(self) -> _Draft | None:
        """What the editor shows: the unsaved draft, else the saved group, else nothing."""
        key = None if self._new else self._current
        if key in self._drafts:
            return self._drafts[key]
        group = self.current_group()
        if group is None:
            return None
        return _Draft(group.name, group_tags(group), group.version)

    def _is_dirty(self) -> bool:
        if self._new:
            return True
        group, draft = self.current_group(), self._drafts.get(self._current)
        if group is None or draft is None:
            return False
        return clean_name(draft.name) != group.name or draft.topics != group_tags(group)

    def _edit(self, **changes: object) -> None:
        draft = self.draft()
        if draft is None:
            return
        key = None if self._new else self._current
        self._drafts[key] = replace(draft, **changes)  # type: ignore[arg-type]
        self._auto_new = False
        self.confirm_bar.hide()
        self._show_message("")
        self._refresh_actions()

    # -- the list --------------------------------------------------------------------------

    def _on_store_changed(self) -> None:
        groups = self._store.groups()
        self._following_list = True
        try:
            if self._current is not None and self._store.group(self._current) is None:
                self._on_current_vanished(self._current)
            if self._new and self._auto_new and groups:
                self._new = False
            if self._current is not None:
                self.select_group(self._current)
            elif not self._new and self._store.is_loaded:
                if groups:
                    self.select_group(groups[0].id)
                else:
                    self.start_new()
                    self._auto_new = True
        finally:
            self._following_list = False
        empty = self._store.is_loaded and not groups
        self.list.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self._show_editor()

    def _on_current_vanished(self, group_id: uuid.UUID) -> None:
        """The group being edited was deleted elsewhere: an unsaved edit of it becomes a new
        group, so what was typed is not lost. While its save is on the way the same holds,
        and the save's answer says why; only the dialog's own delete lets the group go."""
        self._current = None
        edited = self._drafts.pop(group_id, None)
        if edited is None or self._busy == "deleting":
            return
        self._drafts[None] = replace(edited, version=None)
        self._new = True
        if self._busy:
            return
        text = message("topic_group.not_found")
        self._show_message(
            f"{text} {self.tr('Save to keep your changes as a new group.')}", level="error"
        )

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        group = self._store.model.group_at(current.row()) if current.isValid() else None
        if group is None:
            return
        self._current, self._new = group.id, False
        if not self._following_list:
            self.confirm_bar.hide()
            self._show_message("")
        self._show_editor()

    # -- the editor ------------------------------------------------------------------------

    def _show_editor(self) -> None:
        draft = self.draft()
        if self._new:
            self.editor_title.setText(self.tr("New group"))
        elif draft is not None:
            self.editor_title.setText(self.tr("Edit group"))
        self.editor.setEnabled(draft is not None and not self._busy)
        if draft is None:
            draft = _Draft("", ())
        if self.name_edit.text() != draft.name:
            self.name_edit.setText(draft.name)
        self._show_chips(draft.topics)
        self._refresh_actions()

    def _show_chips(self, topics: tuple[Tag, ...]) -> None:
        self.chip_row.show_tags(topics)

    def chip_texts(self) -> list[str]:
        return self.chip_row.texts()

    def _refresh_actions(self) -> None:
        draft = self.draft()
        count, limit = (len(draft.topics) if draft else 0), self._store.max_topics
        self.count_label.setText(self.tr("{count} / {max}").format(count=count, max=limit))
        self.count_label.setProperty("over", count > limit)
        self.count_label.style().unpolish(self.count_label)
        self.count_label.style().polish(self.count_label)
        dirty = draft is not None and self._is_dirty()
        missing = draft is not None and any(
            tag.id not in {t.id for t in draft.topics} for tag in self._note_topics
        )
        self.add_note_topics_button.setEnabled(missing and not self._busy)
        self.add_note_topics_button.setToolTip(
            "" if self._note_topics else self.tr("The note has no topics yet.")
        )
        self.save_button.setText(self.tr("Save group") if self._new else self.tr("Save changes"))
        self.save_button.setEnabled(dirty and not self._busy)
        self.revert_button.setVisible(not self._new)
        self.revert_button.setEnabled(dirty and not self._busy)
        self.delete_button.setVisible(not self._new)
        self.delete_button.setEnabled(draft is not None and not self._busy)
        self.new_button.setEnabled(not self._busy)
        self.list.setEnabled(not self._busy)

    def _show_message(self, text: str, *, level: str = "info") -> None:
        self.message_label.setText(text)
        self.message_label.setProperty("level", level)
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setVisible(bool(text))

    def message_text(self) -> str:
        return self.message_label.text() if self.message_label.isVisible() else ""

    def _set_busy(self, busy: str, text: str = "") -> None:
        self._busy = busy
        self.editor.setEnabled(not busy and self.draft() is not None)
        if text:
            self._show_message(text)
        self._refresh_actions()

    # -- edits -----------------------------------------------------------------------------

    def _on_name_edited(self, text: str) -> None:
        self._edit(name=text)

    def _on_chip_removed(self, tag_id: str) -> None:
        draft = self.draft()
        if draft is not None:
            self._edit(topics=tuple(tag for tag in draft.topics if tag.id != tag_id))
            self._show_chips(self.draft().topics)  # type: ignore[union-attr]

    def _on_add_note_topics(self) -> None:
        draft = self.draft()
        if draft is not None:
            self._edit(topics=with_topics(draft.topics, self._note_topics))
            self._show_chips(self.draft().topics)  # type: ignore[union-attr]

    def _on_revert_clicked(self) -> None:
        self._drafts.pop(self._current, None)
        self.confirm_bar.hide()
        self._show_message("")
        self._show_editor()

    # -- saving ----------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        draft = self.draft()
        if draft is None or self._busy or not self._is_dirty():
            return
        self.confirm_bar.hide()
        key = None if self._new else self._current
        if key is None:
            problem = self._store.create(
                draft.name,
                draft.topics,
                owner=self,
                on_saved=lambda group: self._on_saved(None, group),
                on_failed=lambda error: self._on_save_failed(None, error),
            )
        else:
            group = self.current_group()
            version = draft.version if draft.version is not None else group.version  # type: ignore[union-attr]
            problem = self._store.update(
                key,
                version=version,
                name=draft.name,
                topics=draft.topics,
                owner=self,
                on_saved=lambda saved: self._on_saved(key, saved),
                on_failed=lambda error: self._on_save_failed(key, error),
            )
        if problem is not None:
            self._show_problem(problem)
            return
        self._set_busy("saving", self.tr("Saving…"))

    def _show_problem(self, problem: Problem) -> None:
        self._show_message(message(problem.code, problem.params), level="error")
        if problem.code.startswith("topic_group.name"):
            self.name_edit.setFocus()

    def _on_saved(self, key: uuid.UUID | None, group: TopicGroupPublic) -> None:
        # The store puts `group` in the list right after this: the editor follows it then.
        self._drafts.pop(key, None)
        self._current, self._new = group.id, False
        self._busy = ""
        self._show_message(self.tr("Saved “{name}”.").format(name=group.name), level="success")
        self.group_saved.emit(group)

    def _on_save_failed(self, key: uuid.UUID | None, error: BaseException) -> None:
        self._set_busy("")
        if not isinstance(error, ClientError):
            raise error
        text = message(error.code, error.params)
        if error.code == "topic_group.version_conflict" and key in self._drafts:
            # Keep what was typed, now based on the latest version: saving again is a
            # deliberate choice to replace the other change, Revert shows it.
            latest = error.params.get("version")
            if isinstance(latest, int):
                self._drafts[key] = replace(self._drafts[key], version=latest)
            text += " " + self.tr(
                "Your changes are still here: save again to keep them, or Revert to see the latest."
            )
        elif error.code == "topic_group.not_found" and key is not None:
            # Deleted elsewhere: what was typed becomes a new group, unless the user says no.
            typed = self._drafts.pop(key, None) or self.draft()
            if typed is not None:
                self._drafts[None] = replace(typed, version=None)
            self._current, self._new = None, True
            self.selection.clearCurrentIndex()
            text += " " + self.tr("Save to keep your changes as a new group.")
        elif error.code == "topic_group.name_taken":
            self.name_edit.setFocus()
            self.name_edit.selectAll()
        self._show_editor()
        self._show_message(text, level="error")

    # -- deleting --------------------------------------------------------------------------

    def _on_delete_clicked(self) -> None:
        group = self.current_group()
        if group is None:
            return
        self.confirm_label.setText(
            self.tr("Delete “{name}”? Notes keep their topics.").format(name=group.name)
        )
        self.confirm_bar.show()

    def _on_delete_confirmed(self) -> None:
        group = self.current_group()
        if group is None or self._busy:
            return
        draft = self._drafts.get(group.id)
        version = draft.version if draft and draft.version is not None else group.version
        group_id = group.id
        self.confirm_bar.hide()
        self._set_busy("deleting", self.tr("Deleting…"))
        self._store.delete(
            group_id,
            version=version,
            owner=self,
            on_deleted=lambda _none: self._on_deleted(group_id, group.name),
            on_failed=lambda error: self._on_delete_failed(group_id, error),
        )

    def _on_deleted(self, group_id: uuid.UUID, name: str) -> None:
        # The store drops it from the list right after this: the editor moves on then.
        self._drafts.pop(group_id, None)
        self._current = None
        self._busy = ""
        self._show_message(self.tr("Deleted “{name}”.").format(name=name), level="success")
        self.group_deleted.emit(group_id)

    def _on_delete_failed(self, group_id: uuid.UUID, error: BaseException) -> None:
        self._set_busy("")
        if not isinstance(error, ClientError):
            raise error
        text = message(error.code, error.params)
        if error.code == "topic_group.version_conflict":
            text += " " + self.tr("Look at the latest before deleting it.")
            self._drafts.pop(group_id, None)
            self._show_editor()
        self._show_message(text, level="error")
