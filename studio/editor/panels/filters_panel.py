"""Filters (滤镜): a grid of looks previewed on the current photo, a strength slider, and the
import of the user's own .cube files.

Thumbnails are rendered off the UI thread from a small copy of the photo's proxy, one job per
look, while the panel is shown; a new photo starts a new generation and late thumbnails of the
old one are dropped.
Imported looks go to the backend (so they follow the user) and appear as ``user:<sha256>``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.looks import builtin_looks
from editor.recipe import FilterLook, Recipe
from editor.render import render
from publisher.client import ClientError
from publisher.domain.changes import ChangeSet
from publisher.schemas import LutPublic
from studio.connection import BackendState
from studio.editor.panels.look_tile import LookTileDelegate
from studio.editor.panels.panel_style import style_panel
from studio.editor.panels.slider_row import SliderRow
from studio.editor.render_worker import to_qimage
from studio.looks_cache import LooksCache
from studio.messages import message
from studio.models.looks import LooksListModel
from studio.ops import Mutation, Query, run_in_background
from studio.tasks import Lane

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from publisher.client import StudioClient
    from publisher.schemas import Page
    from studio.context import AppContext

THUMB_SIDE = 72
_MAX_USER_LOOKS = 200


def thumbnail_source(proxy: np.ndarray, side: int = THUMB_SIDE) -> np.ndarray:
    """The centre square of the photo at thumbnail size, for rendering every look on."""
    height, width = proxy.shape[:2]
    edge = min(height, width)
    top, left = (height - edge) // 2, (width - edge) // 2
    square = proxy[top : top + edge, left : left + edge]
    return cv2.resize(square, (side, side), interpolation=cv2.INTER_AREA)


def look_thumbnail(source: np.ndarray, look_id: str | None, looks: LooksCache) -> QImage:
    """`source` through one look at full strength (None: unfiltered), as a QImage."""
    recipe = Recipe() if look_id is None else Recipe(filter=FilterLook(look_id))
    return to_qimage(render(source, recipe, looks=looks))


class FiltersPanel(QWidget):
    previewed = Signal(object)
    """A Recipe to render while the strength is dragged; not a history step."""
    committed = Signal(object)
    """A Recipe that is one undo step (a look picked, strength set)."""
    thumbnail_ready = Signal(object)
    """A look id whose thumbnail of the current photo arrived."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self._ctx = ctx
        self._recipe = Recipe()
        self._looks = LooksCache.for_context(ctx)
        self._generation = 0
        """Counts photos: thumbnails of an earlier one are dropped when they arrive."""
        self._proxy: np.ndarray | None = None
        self._source: np.ndarray | None = None
        """The photo's centre square at thumbnail size, once made."""
        self._shrinking = False
        self._requested: set[str | None] = set()
        """Looks whose thumbnail of this photo was asked for."""
        self._user_loaded = False

        title = QLabel(self.tr("Filters"), self)
        title.setObjectName("PanelTitle")
        self.import_button = QPushButton(self.tr("Import .cube…"), self)
        self.import_button.setToolTip(
            self.tr("Add your own look from a .cube LUT file; it is kept with your account")
        )
        self.import_button.clicked.connect(self._on_import_clicked)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.import_button)

        self.model = LooksListModel(self.tr("None"), self)
        self.model.set_builtin(builtin_looks(), ctx.language)
        self.grid = QListView(self)
        self.grid.setModel(self.model)
        # Our own selection model: asking the view for its own one can hand back a stale
        # Python wrapper (PySide reuses wrappers by address).
        self.selection = QItemSelectionModel(self.model, self.grid)
        self.grid.setSelectionModel(self.selection)
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setWrapping(True)
        self.grid.setUniformItemSizes(True)
        self.grid.setItemDelegate(LookTileDelegate(THUMB_SIDE, self.grid))
        self.grid.setSpacing(6)
        self.grid.setMouseTracking(True)
        self.grid.clicked.connect(self._on_grid_picked)
        self.grid.activated.connect(self._on_grid_picked)

        self.strength = SliderRow(
            self.tr("Strength"), minimum=0, maximum=100, default=100.0, parent=self
        )
        self.strength.dragged.connect(self._on_strength_dragged)
        self.strength.changed.connect(self._on_strength_changed)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("PanelError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 10, 14)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(self.error_label)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.strength)
        self._show_selection()
        ctx.events.changed.connect(self._on_events_changed)
        ctx.connection.state_changed.connect(self._on_connection_state_changed)
        self._load_user_looks()

    # -- the contract with the editor ------------------------------------------------------

    def set_recipe(self, recipe: Recipe) -> None:
        """Show `recipe`'s look and strength; emits nothing."""
        self._recipe = recipe
        self._show_selection()

    def set_proxy(self, proxy: np.ndarray | None) -> None:
        """The current photo's screen proxy. Each look's thumbnail is rendered from it once
        the panel is shown, so photos flicked through with the panel hidden cost nothing."""
        self._generation += 1
        self._proxy = proxy
        self._source = None
        self._shrinking = False
        self._requested.clear()
        self.model.clear_thumbnails()
        self._render_missing()

    def import_cube(self, path: Path) -> None:
        """Upload a .cube file to the backend and add it to the grid; a refusal is shown."""
        self.error_label.hide()
        self.import_button.setEnabled(False)
        looks = self._looks

        def upload(client: StudioClient) -> tuple[LutPublic, ChangeSet]:
            lut, changes = client.upload_lut(path)
            looks.store_file(lut.sha256, path)
            return lut, changes

        Mutation(self._ctx, parent=self, op=upload).success(self._on_imported).failure(
            self._on_import_failed
        ).run()

    # -- picking ---------------------------------------------------------------------------

    def _on_grid_picked(self, index: QModelIndex) -> None:
        look_id = index.data(LooksListModel.IdRole)
        current = self._recipe.filter
        if look_id == (current.id if current else None):
            return
        look = None if look_id is None else FilterLook(look_id)
        self._recipe = replace(self._recipe, filter=look)
        self._show_selection()
        self.committed.emit(self._recipe)

    def _with_strength(self, value: float) -> Recipe:
        look = self._recipe.filter
        return (
            self._recipe
            if look is None
            else replace(self._recipe, filter=replace(look, strength=value))
        )

    def _on_strength_dragged(self, value: float) -> None:
        self.previewed.emit(self._with_strength(value))

    def _on_strength_changed(self, value: float) -> None:
        if self._recipe.filter is not None:
            self._recipe = self._with_strength(value)
            self.committed.emit(self._recipe)

    def _show_selection(self) -> None:
        look = self._recipe.filter
        row = self.model.row_of(look.id if look else None)
        # Picks come from clicks (`clicked`/`activated`), so moving the selection emits nothing.
        if row >= 0:
            self.grid.setCurrentIndex(self.model.index(row))
        else:
            self.selection.clear()
        self.strength.setEnabled(look is not None)
        self.strength.set_value(look.strength if look else 100.0)

    # -- thumbnails ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._render_missing()

    def _render_missing(self) -> None:
        """Start what the shown grid still lacks: the small source first, then each look."""
        if self._proxy is None or not self.isVisible():
            return
        if self._source is None:
            if not self._shrinking:
                self._shrinking = True
                proxy, generation = self._proxy, self._generation
                run_in_background(
                    self._ctx.runner,
                    Lane.MEDIA,
                    owner=self,
                    job=lambda _progress: thumbnail_source(proxy),
                    on_success=lambda source: self._on_source_ready(generation, source),
                    on_failure=lambda _error: None,
                )
            return
        for look_id in self.model.look_ids():
            if look_id not in self._requested:
                self._requested.add(look_id)
                self._render_thumbnail(look_id)

    def _on_source_ready(self, generation: int, source: np.ndarray) -> None:
        if generation == self._generation:
            self._source = source
            self._render_missing()

    def _render_thumbnail(self, look_id: str | None) -> None:
        source, looks, generation = self._source, self._looks, self._generation
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=lambda _progress: look_thumbnail(source, look_id, looks),
            on_success=lambda image: self._on_thumbnail_rendered(generation, look_id, image),
            # A look that cannot be resolved (offline, deleted) keeps its empty tile.
            on_failure=lambda _error: None,
        )

    def _on_thumbnail_rendered(self, generation: int, look_id: str | None, image: QImage) -> None:
        if generation == self._generation:
            self.model.set_thumbnail(look_id, image)
            self.thumbnail_ready.emit(look_id)

    # -- the user's looks ------------------------------------------------------------------

    def _load_user_looks(self) -> None:
        if self._ctx.connection.state is not BackendState.CONNECTED:
            return
        Query(
            self._ctx, parent=self, op=lambda client: client.list_luts(limit=_MAX_USER_LOOKS)
        ).success(self._on_user_looks_loaded).failure(lambda _error: None).run()

    def _on_user_looks_loaded(self, page: Page[LutPublic]) -> None:
        self._user_loaded = True
        self.model.set_user(page.items)
        self._show_selection()
        self._render_missing()

    def _on_connection_state_changed(self, state: object) -> None:
        if state is BackendState.CONNECTED and not self._user_loaded:
            self._load_user_looks()

    def _on_events_changed(self, changes: ChangeSet, initiator: object) -> None:
        if changes.looks and initiator is not self:
            self._load_user_looks()

    def _on_import_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a look"), "", self.tr("Cube LUT files (*.cube)")
        )
        if path:
            self.import_cube(Path(path))

    def _on_imported(self, lut: LutPublic) -> None:
        self.import_button.setEnabled(True)
        row = self.model.add_user(lut)
        self.grid.scrollTo(self.model.index(row))
        self._render_missing()

    def _on_import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        if isinstance(error, ClientError):
            text = message(error.code, error.params)
        elif isinstance(error, OSError):
            text = message("file.unreadable")
        else:
            raise error
        self.error_label.setText(text)
        self.error_label.show()
