"""Saved topic groups (话题组): what a group must be, the list of them, and the writes.

A group is a name and at most the rules pack's topic limit of topics, kept per user on the
backend. `TopicGroupStore` mirrors the backend's list in a `TopicGroupsListModel`, checks a
group before it is sent, and sends every create, edit and delete through the write lane; after
a write, and after a write refused because the group changed or vanished elsewhere, it reloads
the list. Widgets show the list and ask the store; they keep no groups of their own.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from publisher.client import ClientError
from publisher.schemas import TopicGroupPublic
from studio.connection import BackendState
from studio.drafts.journal import Tag
from studio.ops import Mutation
from studio.quiet_read import ignore_failure, quiet_read

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from publisher.domain.rules import RulesPack
    from publisher.schemas import Page
    from studio.context import AppContext

Index = QModelIndex | QPersistentModelIndex

MAX_NAME_CHARS = 100
"""The backend's `ShortName` limit for a group's name."""
MAX_GROUPS = 500
"""One page of the backend's list (its largest page) holds every group a creator keeps."""
_RELOAD_AFTER = ("topic_group.version_conflict", "topic_group.not_found", "topic_group.name_taken")
"""Refusals that mean the list is out of date: show what the backend has now."""


@dataclass(frozen=True)
class Problem:
    """Why a group cannot be saved as it is: a message code and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def clean_name(text: str) -> str:
    """A group name as typed, on one line with single spaces (a pasted newline or tab, too)."""
    return " ".join(text.split())


def has_visible_text(name: str) -> bool:
    """False for a name of only spaces, control or invisible format characters (a lone
    zero-width space): the backend would keep it, but no one could tell the group apart."""
    return any(unicodedata.category(char)[0] not in "CZ" for char in name)


def max_group_topics(rules: RulesPack) -> int:
    """A group holds what one note may carry: the rules pack's blocking topic limit."""
    return int(rules.limit("topics", "block_max"))


def check_group(name: str, topics: Sequence[Tag], *, max_topics: int) -> Problem | None:
    """The first reason `name` and `topics` cannot be saved as a group, or None."""
    if not has_visible_text(name):
        return Problem("topic_group.name_empty")
    if len(name) > MAX_NAME_CHARS:
        return Problem("topic_group.name_too_long", {"max": MAX_NAME_CHARS})
    if not topics:
        return Problem("topic_group.no_topics")
    if len(topics) > max_topics:
        return Problem("topic_group.too_many_topics", {"count": len(topics), "max": max_topics})
    return None


def group_tags(group: TopicGroupPublic) -> tuple[Tag, ...]:
    return tuple(Tag(str(topic.id), topic.name) for topic in group.topics)


def with_topics(current: tuple[Tag, ...], added: Sequence[Tag]) -> tuple[Tag, ...]:
    """`current` followed by those of `added` it does not hold yet, in their order."""
    known = {tag.id for tag in current}
    new = []
    for tag in added:
        if tag.id not in known:
            known.add(tag.id)
            new.append(tag)
    return (*current, *new)


def topics_line(tags: Sequence[Tag]) -> str:
    return " ".join(f"#{tag.name}" for tag in tags)


class TopicGroupsListModel(QAbstractListModel):
    """The user's groups as the backend last listed them, sorted by name as it sorts them."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    TopicsRole = Qt.ItemDataRole.UserRole + 2
    """The group's topics as one line ("#咖啡 #探店")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[TopicGroupPublic] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._groups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        group = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return group.name
        if role == self.IdRole:
            return group.id
        if role in (self.TopicsRole, Qt.ItemDataRole.ToolTipRole):
            return topics_line(group_tags(group))
        return None

    def set_groups(self, groups: Sequence[TopicGroupPublic]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def groups(self) -> list[TopicGroupPublic]:
        return list(self._groups)

    def group_at(self, row: int) -> TopicGroupPublic | None:
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def row_of(self, group_id: uuid.UUID) -> int:
        return next((row for row, g in enumerate(self._groups) if g.id == group_id), -1)

    def put(self, group: TopicGroupPublic) -> None:
        """The backend's answer to a save: the group as it is now, replaced or added."""
        groups = [g for g in self._groups if g.id != group.id]
        row = self.row_of(group.id)
        groups.insert(row if row >= 0 else len(groups), group)
        self.set_groups(groups)

    def drop(self, group_id: uuid.UUID) -> None:
        self.set_groups([g for g in self._groups if g.id != group_id])


class TopicGroupStore(QObject):
    """The groups of the signed-in user: load them, check and send every change."""

    changed = Signal()
    """The model changed: the backend listed the groups, or answered a write."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = TopicGroupsListModel(self)
        self.max_topics = max_group_topics(ctx.rules)
        self.is_loaded = False
        self._generation = 0
        # Groups belong to the user, not to an account: they are listed as soon as the
        # backend is up (and again after it restarted), whichever page is showing.
        ctx.connection.state_changed.connect(self._on_connection_state_changed)
        self._on_connection_state_changed(ctx.connection.state)

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        # Reads run in parallel, so an older list may answer after a newer one: only the
        # answer to the latest request is shown.
        self._generation += 1
        generation = self._generation
        quiet_read(
            self._ctx,
            self,
            lambda client: client.list_topic_groups(limit=MAX_GROUPS),
            lambda page: self._on_loaded(generation, page),
            ignore_failure,
        )

    def _on_connection_state_changed(self, state: object) -> None:
        if state is BackendState.CONNECTED:
            self.reload()

    def _on_loaded(self, generation: int, page: Page[TopicGroupPublic]) -> None:
        if generation != self._generation:
            return
        self.model.set_groups(page.items)
        self.is_loaded = True
        self.changed.emit()

    def groups(self) -> list[TopicGroupPublic]:
        return self.model.groups()

    def group(self, group_id: uuid.UUID) -> TopicGroupPublic | None:
        return self.model.group_at(self.model.row_of(group_id))

    def check(self, name: str, topics: Sequence[Tag]) -> Problem | None:
        return check_group(clean_name(name), topics, max_topics=self.max_topics)

    # -- writing ---------------------------------------------------------------------------

    def create(
        self,
        name: str,
        topics: Sequence[Tag],
        *,
        owner: QObject,
        on_saved: Callable[[TopicGroupPublic], None],
        on_failed: Callable[[BaseException], None],
    ) -> Problem | None:
        """Save a new group unless `check` refuses it (then nothing is sent)."""
        if problem := self.check(name, topics):
            return problem
        clean, ids = clean_name(name), [uuid.UUID(tag.id) for tag in topics]
        self._write(
            lambda client: client.create_topic_group(name=clean, topic_ids=ids),
            self.model.put,
            owner,
            on_saved,
            on_failed,
        )
        return None

    def update(
        self,
        group_id: uuid.UUID,
        *,
        version: int,
        name: str,
        topics: Sequence[Tag],
        owner: QObject,
        on_saved: Callable[[TopicGroupPublic], None],
        on_failed: Callable[[BaseException], None],
    ) -> Problem | None:
        """Save a group's name and topics at `version` (compare-and-set) unless `check` refuses."""
        if problem := self.check(name, topics):
            return problem
        clean, ids = clean_name(name), [uuid.UUID(tag.id) for tag in topics]
        self._write(
            lambda client: client.update_topic_group(
                group_id, version=version, name=clean, topic_ids=ids
            ),
            self.model.put,
            owner,
            on_saved,
            on_failed,
        )
        return None

    def delete(
        self,
        group_id: uuid.UUID,
        *,
        version: int,
        owner: QObject,
        on_deleted: Callable[[None], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        self._write(
            lambda client: client.delete_topic_group(group_id, version=version),
            lambda _none: self.model.drop(group_id),
            owner,
            on_deleted,
            on_failed,
        )

    def _write(
        self,
        op: Callable[[StudioClient], Any],
        apply: Callable[[Any], None],
        owner: QObject,
        on_saved: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        # The store owns the write, so the list follows the answer even when the dialog that
        # asked was closed meanwhile; the dialog hears the answer only while it still exists,
        # and before the list changes, so it knows what it is about to see.
        def saved(result: Any) -> None:
            if shiboken6.isValid(owner):
                on_saved(result)
            apply(result)
            self.changed.emit()
            # The backend's order (and anything changed elsewhere) comes with the full list.
            self.reload()

        def failed(error: BaseException) -> None:
            if isinstance(error, ClientError) and error.code in _RELOAD_AFTER:
                self.reload()
            if shiboken6.isValid(owner):
                on_failed(error)
            elif not isinstance(error, ClientError):
                raise error

        Mutation(self._ctx, parent=self, op=op).success(saved).failure(failed).run()
