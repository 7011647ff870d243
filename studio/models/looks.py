"""The looks the Filters panel offers: "None", the built-in looks, then the user's imports.

Rows are plain `LookRow` values; thumbnails arrive later (rendered off the UI thread from the
current photo) and are matched to their row by look id, so a late thumbnail can never land on
the wrong look.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QImage, QPixmap

from editor.looks import Look
from publisher.schemas import LutPublic
from studio.looks_cache import user_look_id

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class LookRow:
    """`look_id` is None for "no filter"."""

    look_id: str | None
    name: str
    user: bool = False


def look_name(look: Look, language: str) -> str:
    """The name in the interface language: Chinese names for zh, English otherwise."""
    return look.name_zh if language.startswith("zh") else look.name_en


class LooksListModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    IsUserRole = Qt.ItemDataRole.UserRole + 2
    """True for a look the user imported."""

    def __init__(self, none_label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._none = LookRow(None, none_label)
        self._builtin: list[LookRow] = []
        self._user: list[LookRow] = []
        self._rows: list[LookRow] = [self._none]
        self._thumbnails: dict[str | None, QPixmap] = {}

    # -- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnails.get(row.look_id)
        if role == self.IdRole:
            return row.look_id
        if role == self.IsUserRole:
            return row.user
        return None

    def rows(self) -> list[LookRow]:
        return list(self._rows)

    def look_ids(self) -> list[str | None]:
        return [row.look_id for row in self._rows]

    def row_of(self, look_id: str | None) -> int:
        """The row showing `look_id`, or -1 (a recipe may name a look not listed yet)."""
        for number, row in enumerate(self._rows):
            if row.look_id == look_id:
                return number
        return -1

    # -- changing --------------------------------------------------------------------------

    def set_builtin(self, looks: list[Look], language: str) -> None:
        self._builtin = [LookRow(look.id, look_name(look, language)) for look in looks]
        self._reset_rows()

    def set_user(self, luts: list[LutPublic]) -> None:
        self._user = [
            LookRow(user_look_id(lut.sha256), lut.title or lut.sha256[:8], user=True)
            for lut in luts
        ]
        self._reset_rows()

    def add_user(self, lut: LutPublic) -> int:
        """Add an imported look (or keep the one already listed); returns its row."""
        look_id = user_look_id(lut.sha256)
        if self.row_of(look_id) < 0:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._user.append(LookRow(look_id, lut.title or lut.sha256[:8], user=True))
            self._rows.append(self._user[-1])
            self.endInsertRows()
        return self.row_of(look_id)

    def set_thumbnail(self, look_id: str | None, image: QImage) -> None:
        self._thumbnails[look_id] = QPixmap.fromImage(image)
        row = self.row_of(look_id)
        if row >= 0:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def clear_thumbnails(self) -> None:
        self._thumbnails.clear()
        if self._rows:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.DecorationRole]
            )

    def _reset_rows(self) -> None:
        self.beginResetModel()
        self._rows = [self._none, *self._builtin, *self._user]
        self.endResetModel()
