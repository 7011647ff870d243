"""Edit presets: what a preset keeps of a recipe, what applying one does, and the list of them.

A preset is the look of an edit — adjust, curves and filter — never its geometry, text or
stickers: a crop, a turn or a title belongs to one photo. Saving keeps the look only; applying
replaces the photo's look and keeps the rest. The list mirrors the backend (the presets follow
the user), and a rename typed into the list is announced for the panel to save, never kept
locally.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from editor.recipe import Recipe
from publisher.schemas import PresetPublic

Index = QModelIndex | QPersistentModelIndex
MAX_NAME_CHARS = 40


def preset_document(recipe: Recipe) -> dict[str, Any]:
    """The recipe document a preset stores: the look of `recipe`, without its geometry, text
    and stickers (which belong to that one photo)."""
    return recipe.look().to_dict()


def apply_preset(current: Recipe, preset: Recipe) -> Recipe:
    """`preset`'s adjust, curves and filter on the photo as it is otherwise (crop, turns,
    flips, text and stickers)."""
    return current.with_look(preset)


def clean_name(text: str) -> str:
    """A preset name as typed, trimmed; empty when there is nothing to save under."""
    return " ".join(text.split())[:MAX_NAME_CHARS]


class PresetsListModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1

    rename_requested = Signal(object, str)
    """(PresetPublic, new name): the user typed a new name into the list."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._presets: list[PresetPublic] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._presets)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        preset = self._presets[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return preset.name
        if role == self.IdRole:
            return preset.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        preset = self._presets[index.row()]
        name = clean_name(str(value))
        if name and name != preset.name:
            self.rename_requested.emit(preset, name)
        # The list shows the backend's names: the rename lands when the backend answers.
        return False

    def set_presets(self, presets: list[PresetPublic]) -> None:
        """Show the backend's list. The same rows in the same order are updated in place, so
        a refresh in the background neither closes a name being typed nor drops the
        selection; only a different set of rows resets the list."""
        presets = list(presets)
        if [p.id for p in presets] != [p.id for p in self._presets]:
            self.beginResetModel()
            self._presets = presets
            self.endResetModel()
            return
        old, self._presets = self._presets, presets
        for row, (before, after) in enumerate(zip(old, presets, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(row), self.index(row))

    def preset_at(self, row: int) -> PresetPublic | None:
        return self._presets[row] if 0 <= row < len(self._presets) else None

    def row_of(self, preset_id: uuid.UUID) -> int:
        for row, preset in enumerate(self._presets):
            if preset.id == preset_id:
                return row
        return -1

    def names(self) -> list[str]:
        return [preset.name for preset in self._presets]
