"""Notes as a table: fetched a page at a time in a worker, filtered by status and text.

Filtering and search run on the server (the list may be long); sorting by a column sorts the
rows already loaded, through `SortRole`. A generation number drops pages that arrive after
the filter changed, so a slow answer never overwrites a newer one.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon

from publisher.schemas import NotePublic, Page
from studio.models.accounts import AccountsListModel
from studio.ops import Query
from studio.timezones import zone

if TYPE_CHECKING:
    from studio.context import AppContext

PAGE_SIZE = 50
Index = QModelIndex | QPersistentModelIndex

STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("NotesTableModel", "Draft"),
    "scheduled": QT_TRANSLATE_NOOP("NotesTableModel", "Scheduled"),
    "published": QT_TRANSLATE_NOOP("NotesTableModel", "Published"),
    "archived": QT_TRANSLATE_NOOP("NotesTableModel", "Archived"),
}
STATUS_COLORS = {"draft": "#8A8D94", "scheduled": "#D98200", "published": "#1E9E5A"}
HEADERS = (
    QT_TRANSLATE_NOOP("NotesTableModel", "Cover"),
    QT_TRANSLATE_NOOP("NotesTableModel", "Title"),
    QT_TRANSLATE_NOOP("NotesTableModel", "Account"),
    QT_TRANSLATE_NOOP("NotesTableModel", "Status"),
    QT_TRANSLATE_NOOP("NotesTableModel", "Updated"),
    QT_TRANSLATE_NOOP("NotesTableModel", "Published at"),
)
COVER, TITLE, ACCOUNT, STATUS, UPDATED, PUBLISHED = range(len(HEADERS))


def status_label(status: str) -> str:
    return QCoreApplication.translate("NotesTableModel", STATUS_LABELS.get(status, status))


def local_time(moment: datetime | None, timezone: str) -> str:
    """`moment` in the account's time zone as `YYYY-MM-DD HH:MM`; empty when unset."""
    if moment is None:
        return ""
    return moment.astimezone(zone(timezone)).strftime("%Y-%m-%d %H:%M")


class NotesTableModel(QAbstractTableModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    NoteRole = Qt.ItemDataRole.UserRole + 3

    loading_changed = Signal(bool)
    load_failed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        accounts: AccountsListModel,
        parent=None,  # noqa: ANN001
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._accounts = accounts
        self._notes: list[NotePublic] = []
        self._total = 0
        self._status: str | None = None
        self._query = ""
        self._account_id: uuid.UUID | None = None
        self._generation = 0
        self._loading = False
        accounts.modelReset.connect(self._on_accounts_reset)
        ctx.thumbnails.ready.connect(self._on_thumbnail_ready)

    # -- filter and fetch ------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, *, status: str | None, query: str) -> None:
        self._status, self._query = status, query.strip()
        self.reload()

    def set_account(self, account_id: str | None) -> None:
        """Only this account's notes (None: every account's), from the next reload on."""
        self._account_id = uuid.UUID(account_id) if account_id else None

    def reload(self) -> None:
        """Start over at the first page (filter changed, or a mutation touched notes)."""
        self._generation += 1
        self._loading = False
        self._fetch(offset=0, generation=self._generation)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._loading and len(self._notes) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._fetch(offset=len(self._notes), generation=self._generation)

    def _fetch(self, *, offset: int, generation: int) -> None:
        status, query, account_id = self._status, self._query or None, self._account_id
        self._set_loading(True)
        Query(
            self._ctx,
            parent=self,
            op=lambda client: client.list_notes(
                account_id=account_id, status=status, query=query, offset=offset, limit=PAGE_SIZE
            ),
        ).success(lambda page: self._on_page(page, offset, generation)).failure(
            lambda error: self._on_failed(error, generation)
        ).run()

    def _on_page(self, page: Page[NotePublic], offset: int, generation: int) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self._total = page.total
        if offset == 0:
            self.beginResetModel()
            self._notes = list(page.items)
            self.endResetModel()
        elif page.items:
            first = len(self._notes)
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
            self._notes.extend(page.items)
            self.endInsertRows()

    def _on_failed(self, error: BaseException, generation: int) -> None:
        if generation == self._generation:
            self._set_loading(False)
            self.load_failed.emit(error)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- table -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._notes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("NotesTableModel", HEADERS[section])
        return None

    def note(self, row: int) -> NotePublic:
        return self._notes[row]

    def row_of(self, note_id: str) -> int:
        for row, note in enumerate(self._notes):
            if str(note.id) == note_id:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        note, column = self._notes[index.row()], index.column()
        if role == self.IdRole:
            return str(note.id)
        if role == self.NoteRole:
            return note
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(note, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COVER and note.media:
            cover = min(note.media, key=lambda item: item.position)
            pixmap = self._ctx.thumbnails.get(cover.sha256)
            # An icon, not the pixmap: the view scales icons to its iconSize.
            return QIcon(pixmap) if pixmap is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return QColor(STATUS_COLORS.get(note.status, "#8A8D94"))
        if role == self.SortRole:
            return self._sort_key(note, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return note.title
        return None

    def _display(self, note: NotePublic, column: int) -> str | None:
        timezone = self._accounts.timezone(str(note.account_id))
        if column == TITLE:
            return note.title or QCoreApplication.translate("NotesTableModel", "(untitled)")
        if column == ACCOUNT:
            return self._accounts.nickname(str(note.account_id))
        if column == STATUS:
            return status_label(note.status)
        if column == UPDATED:
            return local_time(note.updated_at, timezone)
        if column == PUBLISHED:
            return local_time(note.published_at, timezone)
        return None

    def _sort_key(self, note: NotePublic, column: int) -> object:
        if column == UPDATED:
            return note.updated_at.timestamp()
        if column == PUBLISHED:
            return note.published_at.timestamp() if note.published_at else 0.0
        if column == COVER:
            return len(note.media)
        return self._display(note, column) or ""

    def _on_accounts_reset(self) -> None:
        if self._notes:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._notes) - 1, PUBLISHED))

    def _on_thumbnail_ready(self, sha256: str) -> None:
        for row, note in enumerate(self._notes):
            if note.media and min(note.media, key=lambda item: item.position).sha256 == sha256:
                index = self.index(row, COVER)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
