"""The photo editor: canvas (or crop overlay), a toolbar and the tabbed panels.

The editor shows one photo of the open note at a time. Panels emit recipes; the editor turns
`previewed` ones into renders and `committed` ones into history steps, and reports each
step with `recipe_committed(sha256, recipe)` so the note saves it. What a paste or "apply to
all" does is decided in `EditBook`, what a crop drag does in `crop_frame`; renders run in the
`RenderWorker`, loading in a worker through `PhotoStore`. On a brand collaboration's note the
brand's comments on the open photo can be shown beside it, their boxes over it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.errors import EditorError
from editor.export import write_new_file
from editor.recipe import Crop, Recipe
from editor.render import Preview
from editor.stickers import StickerResolver
from studio.editor.canvas import PhotoCanvas
from studio.editor.crop_frame import frame_aspect
from studio.editor.crop_panel import CropPanel
from studio.editor.crop_tool import CropTool
from studio.editor.edit_book import EditBook
from studio.editor.history import History
from studio.editor.layer_overlay import LayerTool
from studio.editor.panels.adjust_panel import AdjustPanel
from studio.editor.panels.curves_panel import CurvesPanel
from studio.editor.panels.filters_panel import FiltersPanel
from studio.editor.panels.layers_panel import LayersPanel
from studio.editor.panels.presets_panel import PresetsPanel
from studio.editor.photo_store import PhotoStore
from studio.editor.render_worker import RenderRequest, RenderResult, RenderWorker, to_qimage
from studio.editor.review_pane import REVIEW_PANE_STYLE, ReviewPane
from studio.looks_cache import LooksCache
from studio.messages import reason_of
from studio.ops import run_in_background
from studio.settings import EXPORT_QUALITY
from studio.tasks import Lane
from studio.widgets.shortcuts import editor_shortcuts

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.composer.note_review import NoteReview
    from studio.context import AppContext

PANEL_WIDTH = 368
EDITOR_STYLESHEET = """
#PhotoEditor, #EditorToolbar { background: #1C1D21; }
#EditorToolbar { border-bottom: 1px solid #2C2E33; }
#EditorToolbar QLabel { color: #E6E7EA; font-size: 13px; }
#EditorToolbar #EditorTitle { font-size: 15px; font-weight: 600; }
#EditorToolbar #EditorNotice { color: #FF8A9A; }
#EditorToolbar QPushButton {
    background: #26272C; color: #E6E7EA; border: 1px solid #33353B; border-radius: 14px;
    padding: 5px 10px; font-size: 13px;
}
#EditorToolbar QPushButton[text="‹"], #EditorToolbar QPushButton[text="›"] {
    padding: 0; border-radius: 15px; font-size: 16px;
}
#EditorToolbar QPushButton:hover { border-color: #55575E; }
#EditorToolbar QPushButton:pressed, #EditorToolbar QPushButton:checked {
    background: #FF2442; border-color: #FF2442; color: white;
}
#EditorToolbar QPushButton:disabled { color: #5D6068; border-color: #2C2E33; }
#EditorTabs::pane { border: none; background: #1C1D21; }
#EditorTabs QTabBar::tab {
    background: #1C1D21; color: #8E9199; padding: 10px 7px; border: none;
    border-bottom: 2px solid transparent; font-size: 13px;
}
#EditorTabs QTabBar::tab:selected { color: #FFFFFF; border-bottom: 2px solid #FF2442; }
#EditorTabs QTabBar { background: #1C1D21; }
"""


def editor_toolbar(editor: QWidget) -> tuple[QWidget, QHBoxLayout, QPushButton]:
    """The dark bar across the top of an editor, its row and its "back to the note" button
    (the photo and the video editor add their own tools to the row)."""
    toolbar = QWidget(editor)
    toolbar.setObjectName("EditorToolbar")
    toolbar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    bar = QHBoxLayout(toolbar)
    bar.setContentsMargins(16, 10, 16, 10)
    bar.setSpacing(6)
    back = QPushButton(QCoreApplication.translate("PhotoEditor", "← Back to note"), toolbar)
    return toolbar, bar, back


class PhotoEditor(QWidget):
    """Edits the photos of one note; `recipe_committed(sha256, recipe)` is every step."""

    recipe_committed = Signal(str, object)
    back_requested = Signal()
    photo_opened = Signal(str)
    """The editor moved to another photo of the note by itself (previous / next)."""
    exported = Signal(object)
    """The Path an "Export…" wrote."""
    resolve_toggled = Signal(object, bool)
    """A brand comment (`CommentPublic`) ticked resolved (True) or open again."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhotoEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(EDITOR_STYLESHEET + REVIEW_PANE_STYLE)
        # Takes the keyboard when opened, so Ctrl+Z and the \ key reach it at once.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._ctx = ctx
        self._store = PhotoStore(ctx.data_dir)
        self._stickers = ctx.stickers
        """The app's one resolver for previews, the canvas tool and exports: a logo is fetched
        and decoded once."""
        self._looks = LooksCache.for_context(ctx)
        self.book = EditBook()
        self.worker = RenderWorker(ctx.runner, self)
        self._sha: str | None = None
        self._history: History | None = None
        self._shown = Recipe()
        """What is on screen: the current step, or a panel's preview during a drag."""
        self._source_size = (1, 1)
        """Pixel size of the open photo's proxy, which has the original's aspect."""
        self._photos: tuple[str, ...] = ()
        self._saved_recipe: Callable[[str], Recipe] = lambda _sha: Recipe()
        self._loading = 0
        self._review: NoteReview | None = None
        self._position_of: Callable[[str], int | None] = lambda _sha: None
        self._build()
        self._connect()
        self._refresh_actions()

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        toolbar, bar, self.back_button = editor_toolbar(self)
        self.previous_button = QPushButton("‹", toolbar)
        self.previous_button.setToolTip(self.tr("Previous photo"))
        self.next_button = QPushButton("›", toolbar)
        self.next_button.setToolTip(self.tr("Next photo"))
        for arrow in (self.previous_button, self.next_button):
            arrow.setFixedSize(30, 30)
        self.title_label = QLabel(toolbar)
        self.title_label.setObjectName("EditorTitle")
        self.notice_label = QLabel(toolbar)
        self.notice_label.setObjectName("EditorNotice")
        self.undo_button = QPushButton(self.tr("Undo"), toolbar)
        self.undo_button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.redo_button = QPushButton(self.tr("Redo"), toolbar)
        self.redo_button.setToolTip(self.tr("Redo (Ctrl+Shift+Z)"))
        self.before_button = QPushButton(self.tr("Compare"), toolbar)
        self.before_button.setToolTip(self.tr("Hold to see the original (or hold the \\ key)"))
        self.fit_button = QPushButton(self.tr("Fit"), toolbar)
        self.actual_button = QPushButton("100%", toolbar)
        self.zoom_label = QLabel(toolbar)
        self.zoom_label.setMinimumWidth(44)
        self.copy_button = QPushButton(self.tr("Copy edits"), toolbar)
        self.copy_button.setToolTip(self.tr("Copy this photo's adjustments, curves and filter"))
        self.paste_button = QPushButton(self.tr("Paste edits"), toolbar)
        self.paste_button.setToolTip(
            self.tr("Paste the copied look; this photo keeps its own crop and rotation")
        )
        self.apply_all_button = QPushButton(self.tr("Apply to all"), toolbar)
        self.apply_all_button.setToolTip(
            self.tr("Give every photo of this note this look (each keeps its crop)")
        )
        bar.addWidget(self.back_button)
        bar.addSpacing(8)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.title_label)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.notice_label, 1)
        self.comments_button = QPushButton(self.tr("Brand comments"), toolbar)
        self.comments_button.setToolTip(
            self.tr("Show or hide the brand's comments on this photo and their boxes on it")
        )
        self.comments_button.setMinimumWidth(self.comments_button.sizeHint().width())
        self.comments_button.setCheckable(True)
        self.comments_button.setChecked(True)
        self.comments_button.hide()
        bar.addWidget(self.comments_button)
        bar.addSpacing(8)
        for widget in (self.undo_button, self.redo_button):
            bar.addWidget(widget)
        bar.addSpacing(8)
        for widget in (self.before_button, self.fit_button, self.actual_button, self.zoom_label):
            bar.addWidget(widget)
        self.export_button = QPushButton(self.tr("Export…"), toolbar)
        self.export_button.setToolTip(
            self.tr("Save this photo as edited, at the platform's size, to a folder")
        )
        bar.addSpacing(8)
        for widget in (
            self.copy_button,
            self.paste_button,
            self.apply_all_button,
            self.export_button,
        ):
            bar.addWidget(widget)

        self.canvas = PhotoCanvas(self)
        self.crop_tool = CropTool(self)
        for view in (self.canvas, self.crop_tool):
            view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.view = QStackedWidget(self)
        self.view.addWidget(self.canvas)
        self.view.addWidget(self.crop_tool)

        self.crop_panel = CropPanel(self)
        rules = self._ctx.rules
        self.crop_panel.set_publishable_ratios(
            rules.limit("images", "allowed_ratios"), rules.limit("images", "ratio_tolerance")
        )
        self.adjust_panel = AdjustPanel(self)
        self.curves_panel = CurvesPanel(self)
        self.filters_panel = FiltersPanel(self._ctx, self)
        self.layers_panel = LayersPanel(self._ctx, self)
        self.presets_panel = PresetsPanel(self._ctx, self)
        self.layer_tool = LayerTool(self.canvas, stickers=self._stickers, parent=self)
        self.panels = (
            self.crop_panel,
            self.adjust_panel,
            self.curves_panel,
            self.filters_panel,
            self.layers_panel,
            self.presets_panel,
        )
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("EditorTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setDrawBase(False)
        self.tabs.setFixedWidth(PANEL_WIDTH)
        for panel, label in zip(
            self.panels,
            (
                self.tr("Crop"),
                self.tr("Adjust"),
                self.tr("Curves"),
                self.tr("Filters"),
                self.tr("Text & stickers").replace("&", "&&"),  # a tab's & marks a shortcut
                self.tr("Presets"),
            ),
            strict=True,
        ):
            self.tabs.addTab(panel, label)
        self.tabs.setCurrentWidget(self.adjust_panel)  # the tool most photos need first

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.review_pane = ReviewPane(self)
        self.review_pane.hide()
        body.addWidget(self.review_pane)
        body.addWidget(self.view, 1)
        body.addWidget(self.tabs)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(toolbar)
        outer.addLayout(body, 1)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.back_requested.emit)
        self.previous_button.clicked.connect(lambda: self.step_photo(-1))
        self.next_button.clicked.connect(lambda: self.step_photo(1))
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.before_button.pressed.connect(lambda: self.canvas.show_before(True))
        self.before_button.released.connect(lambda: self.canvas.show_before(False))
        self.fit_button.clicked.connect(self.canvas.fit)
        self.actual_button.clicked.connect(self.canvas.actual_size)
        self.canvas.zoom_changed.connect(lambda percent: self.zoom_label.setText(f"{percent}%"))
        self.copy_button.clicked.connect(self.copy_edits)
        self.paste_button.clicked.connect(self.paste_edits)
        self.apply_all_button.clicked.connect(self.apply_to_all)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.comments_button.toggled.connect(lambda _on: self._show_review())
        self.review_pane.resolve_toggled.connect(self.resolve_toggled)
        self.tabs.currentChanged.connect(lambda _index: self._show_mode())
        for source in (*self.panels, self.layer_tool):
            source.previewed.connect(self._preview)
            source.committed.connect(self.commit)
        self.layers_panel.selection_changed.connect(self.layer_tool.select)
        self.layer_tool.selection_changed.connect(self.layers_panel.select)
        self.layer_tool.text_edit_requested.connect(self.layers_panel.edit_text)
        self.crop_tool.crop_released.connect(self._on_crop_released)
        self.worker.rendered.connect(self._on_rendered)
        self.worker.failed.connect(self._on_render_failed)
        editor_shortcuts(self, self.undo, self.redo)

    # -- which photo -----------------------------------------------------------------------

    @property
    def sha256(self) -> str | None:
        return self._sha

    @property
    def recipe(self) -> Recipe:
        """The current step of the open photo."""
        return self._history.current if self._history else Recipe()

    def set_note_photos(self, shas: tuple[str, ...], saved: Callable[[str], Recipe]) -> None:
        """The open note's photos and where to read each one's saved recipe."""
        self._photos, self._saved_recipe = shas, saved
        self._refresh_actions()

    def forget_note(self) -> None:
        """Another note was opened: histories start again (copied edits stay)."""
        self.book.forget_all()
        self._sha = self._history = None
        self.worker.set_preview(None)

    def open_photo(self, sha256: str, recipe: Recipe) -> None:
        """Show a photo of the note with its saved `recipe`; its history continues if it was
        edited before while the note is open."""
        self.layers_panel.select(None)  # text still being typed goes to the photo it was typed on
        self.layer_tool.select(None)
        self._sha = sha256
        self._history = self.book.history(sha256, recipe)
        self._shown = self._history.current
        self._show_panels()
        self._refresh_actions()
        self.worker.set_preview(None)
        self.filters_panel.set_proxy(None)
        self.curves_panel.set_proxy(None)
        self.canvas.set_image(QImage())
        self.canvas.set_before(QImage(), "")
        self.crop_tool.set_frame(QImage())
        self.canvas.show_message(self.tr("Opening the photo…"))
        self.notice_label.clear()
        self._show_review()
        self._show_mode()
        self._load(sha256)

    def step_photo(self, offset: int) -> None:
        """Open the note's previous (-1) or next (+1) photo, keeping each one's history."""
        if self._sha not in self._photos:
            return
        index = self._photos.index(self._sha) + offset
        if 0 <= index < len(self._photos):
            sha = self._photos[index]
            try:
                recipe = self._saved_recipe(sha)
            except EditorError as error:
                self._ctx.notifier.error(reason_of(error))
                return
            self.open_photo(sha, recipe)
            self.photo_opened.emit(sha)

    def show_review(
        self, review: NoteReview | None, position_of: Callable[[str], int | None]
    ) -> None:
        """The brand's review of the note (None: the note is no collaboration's, or not
        loaded yet) and which reviewed photo each of the note's photos is."""
        self._review, self._position_of = review, position_of
        self._show_review()

    def _show_review(self) -> None:
        review, sha = self._review, self._sha
        position = self._position_of(sha) if review is not None and sha is not None else None
        comments = review.on_photo(position) if review is not None and position is not None else []
        self.comments_button.setVisible(bool(comments))
        showing = bool(comments) and self.comments_button.isChecked()
        if review is not None and position is not None and comments:
            self.review_pane.show_comments(
                comments,
                review.numbers(position),
                review.marks(position),
                may_resolve=review.may_resolve,
            )
        self.review_pane.setVisible(showing)
        self.canvas.set_overlay(self.review_pane.paint_over if showing else None)

    def _load(self, sha256: str) -> None:
        self._loading += 1
        ticket, store, client_of = self._loading, self._store, self._ctx.connection.client
        looks, stickers = self._looks, self._stickers
        run_in_background(
            self._ctx.runner,
            Lane.READ,
            owner=self,
            job=lambda _progress: _open_preview(store, client_of(), looks, stickers, sha256),
            on_success=lambda opened: self._on_loaded(ticket, opened),
            on_failure=lambda error: self._on_load_failed(ticket, error),
        )

    def _on_loaded(self, ticket: int, opened: tuple[Preview, np.ndarray]) -> None:
        if ticket != self._loading:
            return  # another photo was opened meanwhile
        preview, proxy = opened
        height, width = proxy.shape[:2]
        self._source_size = (width, height)
        self._update_frame()
        self.filters_panel.set_proxy(proxy)
        self.curves_panel.set_proxy(proxy)
        self.canvas.set_before(to_qimage(proxy), self.tr("Original"))
        self.worker.set_preview(preview)
        self._show_mode()

    def _on_load_failed(self, ticket: int, error: BaseException) -> None:
        if ticket == self._loading:
            self.canvas.show_message(
                self.tr("This photo cannot be opened: {reason}").format(reason=reason_of(error))
            )

    # -- edits -----------------------------------------------------------------------------

    def commit(self, recipe: Recipe) -> None:
        """One undo step on the open photo (from a panel, the crop tool, paste…)."""
        if self._history is None or self._sha is None:
            return
        if self._history.commit(recipe):
            self.recipe_committed.emit(self._sha, recipe)
        self._after_step()

    def undo(self) -> None:
        if self._history is not None and self._history.can_undo:
            self._history.undo()
            self._announce_step()

    def redo(self) -> None:
        if self._history is not None and self._history.can_redo:
            self._history.redo()
            self._announce_step()

    def copy_edits(self) -> None:
        self.book.copy(self.recipe)
        self._refresh_actions()
        self._ctx.notifier.info(self.tr("Edits copied. Open another photo and paste them."))

    def paste_edits(self) -> None:
        if self._sha is None or self._history is None:
            return
        pasted = self.book.paste(self._sha, self._history.current)
        if pasted is not None:
            self.recipe_committed.emit(self._sha, pasted)
        self._after_step()

    def apply_to_all(self) -> None:
        """This photo's look on every photo of the note: one step per photo."""
        others = [sha for sha in self._photos if sha != self._sha]
        changed = self.book.apply_to_all(self.recipe, others, self._saved_recipe)
        for sha, recipe in changed.items():
            self.recipe_committed.emit(sha, recipe)
        self._ctx.notifier.success(
            self.tr("Applied to {count} other photo(s) of this note.").format(count=len(changed))
        )

    def _on_export_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export the edited photo to…"), str(Path.home())
        )
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        """Render the open photo at the platform's size into `folder` (never overwriting)."""
        sha = self._sha
        if sha is None:
            return
        store, looks, client_of = self._store, self._looks, self._ctx.connection.client
        recipe, quality = self.recipe, self._ctx.settings.get(EXPORT_QUALITY)
        stickers = self._stickers

        def job(_progress: Callable[[float], None]) -> Path:
            rendered = store.export(
                client_of(), sha, recipe, looks, quality=quality, stickers=stickers
            )
            return write_new_file(folder, f"zhongcao-{sha[:12]}.jpg", rendered.read_bytes())

        self.export_button.setEnabled(False)
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=job,
            on_success=self._on_exported,
            on_failure=self._on_export_failed,
        )

    def _on_exported(self, path: Path) -> None:
        self._refresh_actions()
        self.exported.emit(path)
        self._ctx.notifier.success(self.tr("Exported to {path}").format(path=path))

    def _on_export_failed(self, error: BaseException) -> None:
        self._refresh_actions()
        self._ctx.notifier.error(self.tr("Not exported: {reason}").format(reason=reason_of(error)))

    def _announce_step(self) -> None:
        if self._sha is not None:
            self.recipe_committed.emit(self._sha, self.recipe)
        self._after_step()

    def _after_step(self) -> None:
        self._shown = self.recipe
        self._update_frame()
        self._show_panels()
        self._refresh_actions()
        self._render()

    def _update_frame(self) -> None:
        """A quarter turn swaps the frame's sides; ratios are measured in the current frame."""
        width, height = self._source_size
        self.crop_panel.set_frame_aspect(
            frame_aspect(width, height, self.recipe.geometry.quarter_turns)
        )

    def _preview(self, recipe: Recipe) -> None:
        self._shown = recipe
        self.layer_tool.show_recipe(recipe)
        self._render()

    def _on_crop_released(self, crop: Crop) -> None:
        geometry = replace(self.recipe.geometry, crop=crop)
        self.commit(replace(self.recipe, geometry=geometry))

    # -- showing ---------------------------------------------------------------------------

    def _cropping(self) -> bool:
        return self.tabs.currentWidget() is self.crop_panel

    def _show_mode(self) -> None:
        # The crop overlay needs the photo; until it is there the canvas says why it is not.
        cropping = self._cropping() and self.worker.has_preview
        self.view.setCurrentWidget(self.crop_tool if cropping else self.canvas)
        layering = self.tabs.currentWidget() is self.layers_panel
        self.canvas.set_tool(self.layer_tool if layering else None)
        self._render()

    def _show_panels(self) -> None:
        for panel in self.panels:
            panel.set_recipe(self.recipe)
        self.layer_tool.set_recipe(self.recipe)
        geometry = self._shown.geometry
        self.crop_tool.set_crop(geometry.crop, geometry.aspect)

    def _render(self) -> None:
        self.worker.request(RenderRequest(self._shown, crop=not self._cropping()))

    def _on_rendered(self, result: RenderResult) -> None:
        if result.request.crop:
            self.canvas.set_image(result.image)
        else:
            self.crop_tool.set_frame(result.image)
            geometry = result.request.recipe.geometry
            self.crop_tool.set_crop(geometry.crop, geometry.aspect)

    def _on_render_failed(self, error: BaseException) -> None:
        self.notice_label.setText(
            self.tr("Preview not updated: {reason}").format(reason=reason_of(error))
        )

    def _refresh_actions(self) -> None:
        history, has_photo = self._history, self._sha is not None
        self.undo_button.setEnabled(bool(history and history.can_undo))
        self.redo_button.setEnabled(bool(history and history.can_redo))
        self.copy_button.setEnabled(has_photo)
        self.paste_button.setEnabled(has_photo and self.book.clipboard is not None)
        self.apply_all_button.setEnabled(has_photo and len(self._photos) > 1)
        self.export_button.setEnabled(has_photo)
        in_note = has_photo and self._sha in self._photos
        place = self._photos.index(self._sha) if in_note and self._sha else -1
        self.previous_button.setEnabled(place > 0)
        self.next_button.setEnabled(0 <= place < len(self._photos) - 1)
        self.title_label.setText(
            self.tr("Photo {number} of {count}").format(number=place + 1, count=len(self._photos))
            if in_note
            else ""
        )

    # -- before / after on the \\ key ------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Backslash:
            if not event.isAutoRepeat():
                self.canvas.show_before(True)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Backslash:
            if not event.isAutoRepeat():
                self.canvas.show_before(False)
            return
        super().keyReleaseEvent(event)


def _open_preview(
    store: PhotoStore,
    client: StudioClient,
    looks: LooksCache,
    stickers: StickerResolver,
    sha256: str,
) -> tuple[Preview, np.ndarray]:
    """On a worker: fetch (or read from disk) the proxy and build its fast preview renderer."""
    proxy = store.proxy(client, sha256)
    return Preview(proxy, looks=looks, stickers=stickers), proxy
