"""Presets (预设): save the current look under a name, apply, rename or delete saved ones.

Presets live in the backend, so they follow the user to every machine; this panel lists them,
sends every change through a background mutation and reloads the list from the backend's
answer. Applying a preset keeps the photo's own crop and rotation (`apply_preset`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.errors import EditorError
from editor.recipe import Recipe
from publisher.client import ClientError
from publisher.domain.changes import ChangeSet
from publisher.schemas import PresetPublic
from studio.connection import BackendState
from studio.editor.panels.panel_style import style_panel
from studio.messages import message
from studio.models.presets import (
    MAX_NAME_CHARS,
    PresetsListModel,
    apply_preset,
    clean_name,
    preset_document,
)
from studio.ops import Mutation, Query

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from publisher.schemas import Page
    from studio.context import AppContext

_MAX_PRESETS = 200


class PresetsPanel(QWidget):
    previewed = Signal(object)
    """Part of the panel contract; applying a preset is never a preview."""
    committed = Signal(object)
    """A Recipe that is one undo step: a preset applied."""
    presets_loaded = Signal()
    """The list now shows the backend's presets."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self._ctx = ctx
        self._recipe = Recipe()
        self._loaded = False

        title = QLabel(self.tr("Presets"), self)
        title.setObjectName("PanelTitle")
        hint = QLabel(
            self.tr(
                "A preset keeps adjust, curves and filter. Applying one replaces those and "
                "keeps this photo's crop and rotation."
            ),
            self,
        )
        hint.setObjectName("PanelHint")
        hint.setWordWrap(True)

        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Name this look"))
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        self.name_edit.returnPressed.connect(self._on_save_clicked)
        self.name_edit.textChanged.connect(self._refresh_actions)
        self.save_button = QPushButton(self.tr("Save current as…"), self)
        self.save_button.setProperty("accent", True)
        self.save_button.clicked.connect(self._on_save_clicked)
        save_row = QHBoxLayout()
        save_row.addWidget(self.name_edit, 1)
        save_row.addWidget(self.save_button)

        self.model = PresetsListModel(self)
        self.model.rename_requested.connect(self._on_rename_requested)
        self.list = QListView(self)
        self.list.setObjectName("PresetList")
        self.list.setModel(self.model)
        # Our own selection model: asking the view for its own one can hand back a stale
        # Python wrapper (PySide reuses wrappers by address).
        self.selection = QItemSelectionModel(self.model, self.list)
        self.list.setSelectionModel(self.selection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.list.doubleClicked.connect(self._on_list_double_clicked)
        self.selection.currentChanged.connect(self._refresh_actions)
        self.empty_label = QLabel(
            self.tr("No presets yet. Edit a photo, name the look and save it."), self
        )
        self.empty_label.setObjectName("PanelHint")
        self.empty_label.setWordWrap(True)

        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.rename_button = QPushButton(self.tr("Rename"), self)
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        actions = QHBoxLayout()
        actions.addWidget(self.apply_button)
        actions.addWidget(self.rename_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("PanelError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(save_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.list, 1)
        # Either the list or, in its place, the empty state: whichever is shown takes the room.
        layout.addWidget(self.empty_label, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(actions)
        ctx.events.changed.connect(self._on_events_changed)
        ctx.connection.state_changed.connect(self._on_connection_state_changed)
        self._refresh_actions()
        self.reload()

    # -- the contract with the editor ------------------------------------------------------

    def set_recipe(self, recipe: Recipe) -> None:
        """The recipe "Save current as…" saves; emits nothing."""
        self._recipe = recipe

    def reload(self) -> None:
        """Fetch the user's presets from the backend (once it is connected)."""
        if self._ctx.connection.state is not BackendState.CONNECTED:
            return
        Query(
            self._ctx, parent=self, op=lambda client: client.list_presets(limit=_MAX_PRESETS)
        ).success(self._on_loaded).failure(self._show_error).run()

    def selected(self) -> PresetPublic | None:
        return self.model.preset_at(self.list.currentIndex().row())

    # -- actions ---------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        name = clean_name(self.name_edit.text())
        if not name:
            return
        document = preset_document(self._recipe)
        self._mutate(
            lambda client: client.create_preset(name=name, recipe=document),
            after=self.name_edit.clear,
        )

    def _on_apply_clicked(self) -> None:
        preset = self.selected()
        if preset is None:
            return
        try:
            stored = Recipe.from_dict(preset.recipe)
        except EditorError as error:
            self._show_error(error)
            return
        self.error_label.hide()
        self._recipe = apply_preset(self._recipe, stored)
        self.committed.emit(self._recipe)

    def _on_list_double_clicked(self, _index: QModelIndex) -> None:
        self._on_apply_clicked()

    def _on_rename_clicked(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.list.edit(index)

    def _on_rename_requested(self, preset: PresetPublic, name: str) -> None:
        preset_id, version = preset.id, preset.version
        self._mutate(lambda client: client.update_preset(preset_id, version=version, name=name))

    def _on_delete_clicked(self) -> None:
        preset = self.selected()
        if preset is None:
            return
        preset_id, version = preset.id, preset.version
        self._mutate(lambda client: client.delete_preset(preset_id, version=version))

    def _mutate(
        self,
        op: Callable[[StudioClient], object],
        *,
        after: Callable[[], None] | None = None,
    ) -> None:
        self.error_label.hide()

        def done(_result: object) -> None:
            if after is not None:
                after()
            self.reload()

        Mutation(self._ctx, parent=self, op=op).success(done).failure(self._on_failed).run()

    # -- answers ---------------------------------------------------------------------------

    def _on_loaded(self, page: Page[PresetPublic]) -> None:
        self._loaded = True
        current = self.selected()
        self.model.set_presets(page.items)
        if current is not None and (row := self.model.row_of(current.id)) >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        self._refresh_actions()
        self.presets_loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._show_error(error)
        # A refused rename or a stale version: show what the backend has now.
        self.reload()

    def _show_error(self, error: BaseException) -> None:
        if not isinstance(error, ClientError | EditorError):
            raise error
        self.error_label.setText(message(error.code, error.params))
        self.error_label.show()

    def _on_events_changed(self, changes: ChangeSet, initiator: object) -> None:
        if changes.presets and initiator is not self:
            self.reload()

    def _on_connection_state_changed(self, state: object) -> None:
        if state is BackendState.CONNECTED and not self._loaded:
            self.reload()

    def _refresh_actions(self, *_args: object) -> None:
        chosen = self.selected() is not None
        for button in (self.apply_button, self.rename_button, self.delete_button):
            button.setEnabled(chosen)
        self.save_button.setEnabled(bool(clean_name(self.name_edit.text())))
        empty = self._loaded and self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.list.setVisible(not empty)
