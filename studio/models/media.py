"""The images of the draft in the editor, in order, including those still being uploaded.

Rows carry a local id so an upload's answer finds its row even after the creator reordered
or removed others meanwhile. Reordering by drag uses our own MIME type carrying row numbers;
files dropped from outside arrive as URLs and are announced with `files_dropped`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPixmap

ROWS_MIME = "application/x-zhongcao-media-rows"
Index = QModelIndex | QPersistentModelIndex


class MediaState(Enum):
    CHECKING = "checking"
    UPLOADING = "uploading"
    READY = "ready"


@dataclass(frozen=True)
class MediaItem:
    local_id: str
    name: str
    state: MediaState
    sha256: str | None = None
    thumbnail: QPixmap | None = None


class MediaListModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    StateRole = Qt.ItemDataRole.UserRole + 2
    ShaRole = Qt.ItemDataRole.UserRole + 3
    EditedRole = Qt.ItemDataRole.UserRole + 4

    order_changed = Signal()
    """The ready images, or their order, changed: the draft should follow."""
    files_dropped = Signal(list, int)

    def __init__(
        self,
        thumbnail_for: Callable[[MediaItem], QPixmap | None],
        parent: QObject | None = None,
        *,
        is_edited: Callable[[str], bool] = lambda _sha: False,
    ) -> None:
        super().__init__(parent)
        self._items: list[MediaItem] = []
        self._thumbnail_for = thumbnail_for
        self._is_edited = is_edited

    # -- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail_for(item)
        if role == self.IdRole:
            return item.local_id
        if role == self.StateRole:
            return item.state
        if role == self.ShaRole:
            return item.sha256
        if role == self.EditedRole:
            return item.sha256 is not None and self._is_edited(item.sha256)
        return None

    def ready_shas(self) -> tuple[str, ...]:
        return tuple(
            item.sha256 for item in self._items if item.state is MediaState.READY and item.sha256
        )

    def row_of(self, local_id: str) -> int:
        for row, item in enumerate(self._items):
            if item.local_id == local_id:
                return row
        return -1

    def row_of_sha(self, sha256: str) -> int:
        for row, item in enumerate(self._items):
            if item.sha256 == sha256:
                return row
        return -1

    def item(self, row: int) -> MediaItem:
        return self._items[row]

    # -- changing --------------------------------------------------------------------------

    def reset(self, shas: tuple[str, ...]) -> None:
        """Show a draft's saved images (when a draft is opened or restored)."""
        self.beginResetModel()
        self._items = [
            MediaItem(str(uuid.uuid4()), "", MediaState.READY, sha256=sha) for sha in shas
        ]
        self.endResetModel()

    def follow(self, shas: tuple[str, ...]) -> None:
        """Show the draft's images after a change made outside the strip (a cover made from a
        template): ready rows become `shas`, keeping the rows of images still being uploaded
        where they are, and each kept image its row (so its thumbnail stays)."""
        known = {item.sha256: item for item in self._items if item.state is MediaState.READY}
        items = [
            known.get(sha) or MediaItem(str(uuid.uuid4()), "", MediaState.READY, sha256=sha)
            for sha in shas
        ]
        for row, item in enumerate(self._items):
            if item.state is not MediaState.READY:
                items.insert(min(row, len(items)), item)
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def add_pending(self, name: str, row: int = -1) -> str:
        row = len(self._items) if row < 0 or row > len(self._items) else row
        local_id = str(uuid.uuid4())
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, MediaItem(local_id, name, MediaState.CHECKING))
        self.endInsertRows()
        return local_id

    def update(self, local_id: str, **changes: object) -> None:
        row = self.row_of(local_id)
        if row < 0:
            return
        before = self._items[row]
        self._items[row] = replace(before, **changes)  # type: ignore[arg-type]
        index = self.index(row)
        self.dataChanged.emit(index, index)
        if before.state is not self._items[row].state:
            self.order_changed.emit()

    def refresh_sha(self, sha256: str) -> None:
        """A thumbnail or the edit of `sha256` changed: repaint the rows showing it."""
        for row, item in enumerate(self._items):
            if item.sha256 == sha256:
                index = self.index(row)
                self.dataChanged.emit(
                    index, index, [Qt.ItemDataRole.DecorationRole, self.EditedRole]
                )

    def remove(self, local_id: str) -> None:
        row = self.row_of(local_id)
        if row >= 0:
            self.removeRows(row, 1)

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        if parent.isValid() or row < 0 or row + count > len(self._items):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._items[row : row + count]
        self.endRemoveRows()
        self.order_changed.emit()
        return True

    def moveRows(  # noqa: N802
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        last = source_row + count - 1
        if (
            source_parent.isValid()
            or destination_parent.isValid()
            or source_row < 0
            or last >= len(self._items)
            or source_row <= destination_child <= last + 1
            or not 0 <= destination_child <= len(self._items)
        ):
            return False
        root = QModelIndex()
        if not self.beginMoveRows(root, source_row, last, root, destination_child):
            return False
        moving = self._items[source_row : last + 1]
        del self._items[source_row : last + 1]
        insert_at = destination_child - count if destination_child > last else destination_child
        self._items[insert_at:insert_at] = moving
        self.endMoveRows()
        self.order_changed.emit()
        return True

    def move(self, row: int, destination: int) -> bool:
        """Move one row so it ends up before what is now at `destination`."""
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(), destination)

    # -- drag and drop ---------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsDragEnabled)
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ROWS_MIME, "text/uri-list"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime.setData(ROWS_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802, ANN001
        return data.hasFormat(ROWS_MIME) or data.hasUrls()

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802, ANN001
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._items))
        if data.hasFormat(ROWS_MIME):
            raw = bytes(data.data(ROWS_MIME).data()).decode()
            rows = [int(part) for part in raw.split(",") if part.isdigit()]
            if len(rows) != 1:
                return False
            return self.move(rows[0], target)
        paths = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths, target)
            return True
        return False
