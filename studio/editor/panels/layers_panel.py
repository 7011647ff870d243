"""Text & stickers (文字贴纸): add a title or a sticker, pick a layer, style it.

The panel holds the recipe it was last shown and which layer is selected. Stickers are picked
from a sheet (`StickerPicker`) so the selected layer's style keeps the panel's room. Adding,
reordering,
duplicating and deleting are one step each (`committed`); the selected layer's form previews
while a slider is dragged or text is typed and commits once per gesture. Layers are edited on
the photo too (`studio.editor.layer_overlay`); the editor keeps both selections in step through
`selection_changed` and `select`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.brand import DEFAULT_BRAND
from editor.errors import EditorError
from editor.layers import MAX_LAYERS, Layer, Shadow, StickerLayer, TextLayer
from editor.recipe import Recipe
from studio.editor.layer_edit import added, deleted, duplicated, free_spot, reordered, replaced
from studio.editor.panels.brand_box import BrandBox
from studio.editor.panels.glyphs import (
    delete_icon,
    duplicate_icon,
    order_icon,
    sticker_icon,
    text_badge,
)
from studio.editor.panels.layer_forms import StickerLayerForm, TextLayerForm
from studio.editor.panels.panel_style import PANEL_LINE, PANEL_RAISED, style_panel
from studio.editor.panels.sticker_picker import StickerPicker
from studio.editor.sticker_catalog import StickerEntry, load_catalog
from studio.messages import message
from studio.ops import run_in_background
from studio.style import ACCENT, ACCENT_HOVER
from studio.tasks import Lane

if TYPE_CHECKING:
    from studio.context import AppContext

_THUMB = 96  # decoded at about twice the tile, for sharp icons on dense screens
NEW_TEXT_SIZE = 0.06
_LIST_ROW = 36

LAYERS_STYLESHEET = f"""
#EditorPanel #AddTextButton {{
    background: {ACCENT}; border: none; color: white; border-radius: 18px;
    padding: 8px 14px; font-size: 14px; font-weight: 600;
}}
#EditorPanel #AddTextButton:hover {{ background: {ACCENT_HOVER}; }}
#EditorPanel #AddTextButton:disabled {{ background: #5D2A33; color: #B8BAC2; }}
#EditorPanel #StickersButton {{
    border-radius: 18px; padding: 8px 14px; font-size: 14px; font-weight: 600;
}}
#EditorPanel #LayerList::item {{ padding: 2px 6px; }}
#EditorPanel #LayerList::item:selected {{ color: white; border: 1px solid {ACCENT}; }}
#EditorPanel #BoldButton {{ font-weight: 800; padding: 5px 0; }}
#EditorPanel #IconButton {{ padding: 5px 0; }}
#EditorPanel QPlainTextEdit {{
    background: {PANEL_RAISED}; border: 1px solid {PANEL_LINE}; border-radius: 8px;
    padding: 4px; font-size: 14px; selection-background-color: {ACCENT};
}}
#EditorPanel QPlainTextEdit:focus {{ border-color: {ACCENT}; }}
"""


def load_sticker_icons(
    owner: QObject,
    ctx: AppContext,
    catalog: list[StickerEntry],
    deliver: Callable[[dict[str, QIcon]], None],
) -> None:
    """The stickers' tile-size pictures, read on a worker and delivered as icons by id (a
    failure leaves the grid with its names as tooltips)."""
    run_in_background(
        ctx.runner,
        Lane.READ,
        owner=owner,
        job=lambda _progress: load_sticker_thumbnails(catalog),
        on_success=lambda thumbnails: deliver(
            {
                sticker_id: QIcon(QPixmap.fromImage(image))
                for sticker_id, image in thumbnails.items()
            }
        ),
        on_failure=lambda _error: None,
    )


def load_sticker_thumbnails(entries: list[StickerEntry]) -> dict[str, QImage]:
    """On a worker: every sticker's picture at tile size (QImage is safe off the UI thread)."""
    thumbnails: dict[str, QImage] = {}
    for entry in entries:
        image = QImage(str(entry.path))
        if not image.isNull():
            thumbnails[entry.id] = image.scaled(
                _THUMB,
                _THUMB,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
    return thumbnails


class LayersPanel(QWidget):
    previewed = Signal(object)
    """A Recipe to render while a layer's slider is dragged or its text typed."""
    committed = Signal(object)
    """A Recipe that is one undo step."""
    selection_changed = Signal(object)
    """The layer index the creator picked in the panel (None: none)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self.setStyleSheet(self.styleSheet() + LAYERS_STYLESHEET)
        self._ctx = ctx
        self._recipe = Recipe()
        self._selected: int | None = None
        self._catalog = load_catalog()
        self._names = {entry.id: entry.name(ctx.language) for entry in self._catalog}
        self._icons: dict[str, QIcon] = {}
        self._thumbnails_asked = False

        title = QLabel(self.tr("Text & stickers"), self)
        title.setObjectName("PanelTitle")
        self.add_text_button = QPushButton(self.tr("＋  Add text"), self)
        self.add_text_button.setObjectName("AddTextButton")
        self.add_text_button.setToolTip(self.tr("Add a title in the middle of the photo"))
        self.add_text_button.clicked.connect(self.add_text)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("PanelError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.stickers_button = QPushButton(self.tr("Stickers"), self)
        self.stickers_button.setObjectName("StickersButton")
        self.stickers_button.setIcon(sticker_icon())
        self.stickers_button.setToolTip(self.tr("Labels, arrows, circles, highlights and more"))
        self.sticker_picker = StickerPicker(self._catalog, ctx.language, self)
        self.sticker_picker.picked.connect(self.add_sticker)
        self.stickers_button.clicked.connect(
            lambda: self.sticker_picker.open_below(self.stickers_button)
        )
        adding = QHBoxLayout()
        adding.setSpacing(8)
        adding.addWidget(self.add_text_button, 3)
        adding.addWidget(self.stickers_button, 2)

        self.layers_heading = QLabel(self)
        self.layers_heading.setObjectName("GroupTitle")
        self.layer_list = QListWidget(self)
        self.layer_list.setObjectName("LayerList")
        self.layer_list.setIconSize(QSize(28, 28))
        self.layer_list.itemClicked.connect(self._on_layer_clicked)
        self.layer_list.currentRowChanged.connect(self._on_layer_row_changed)
        self.forward_button = self._icon_button(order_icon(True), self.tr("Bring forward"))
        self.backward_button = self._icon_button(order_icon(False), self.tr("Send backward"))
        self.duplicate_button = self._icon_button(duplicate_icon(), self.tr("Duplicate"))
        self.delete_button = self._icon_button(delete_icon(), self.tr("Delete (Del)"))
        self.forward_button.clicked.connect(lambda: self._reorder(1))
        self.backward_button.clicked.connect(lambda: self._reorder(-1))
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.layer_actions = QWidget(self)
        actions = QHBoxLayout(self.layer_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(4)
        for button in (
            self.forward_button,
            self.backward_button,
            self.duplicate_button,
            self.delete_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.text_form = TextLayerForm(self)
        self.sticker_form = StickerLayerForm(self)
        for form in (self.text_form, self.sticker_form):
            form.previewed.connect(self._on_form_previewed)
            form.committed.connect(self._on_form_committed)
        self.hint = QLabel(
            self.tr(
                "Add a title or a sticker, or click one on the photo to style it. "
                "Drag it to move, pull a corner to resize, turn it with the round knob."
            ),
            self,
        )
        self.hint.setObjectName("PanelHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        body = QWidget()
        body.setObjectName("PanelBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 6, 12)
        # One page shows at a time; hidden ones take no room (a stack would be as tall as
        # the text form even for the sticker's three sliders).
        for page in (self.hint, self.text_form, self.sticker_form):
            body_layout.addWidget(page)
        self.brand_box = BrandBox(ctx, body)
        self.brand_box.previewed.connect(self.previewed)
        self.brand_box.committed.connect(self.committed)
        body_layout.addWidget(self.brand_box)
        body_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 10, 0)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addLayout(adding)
        layout.addWidget(self.error_label)
        layout.addWidget(self.layers_heading)
        layout.addWidget(self.layer_list)
        layout.addWidget(self.layer_actions)
        layout.addWidget(self.scroll, 1)
        self._show()

    def _icon_button(self, icon: QIcon, tip: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName("IconButton")
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFixedWidth(40)
        return button

    # -- the contract with the editor ------------------------------------------------------

    @property
    def selected(self) -> int | None:
        return self._selected

    def set_recipe(self, recipe: Recipe) -> None:
        """Show `recipe`'s layers and the selected one's properties; emits nothing."""
        self._recipe = recipe
        self.brand_box.set_recipe(recipe)
        if self._selected is not None and self._selected >= len(recipe.layers):
            self._selected = None
        self._show()

    def select(self, index: int | None) -> None:
        """Select layer `index` (None: none), as picked on the photo; emits nothing."""
        if index is not None and not 0 <= index < len(self._recipe.layers):
            index = None
        if index != self._selected:
            self.text_form.flush_typing()
            self._selected = index
            self._show()

    def edit_text(self, index: int) -> None:
        """Select text layer `index` and put the cursor in its text."""
        self.select(index)
        if self._selected is not None and isinstance(self._recipe.layers[index], TextLayer):
            self.text_form.focus_text()

    # -- adding ----------------------------------------------------------------------------

    def add_text(self) -> None:
        """A centred bold title, selected, with its text ready to be typed over."""
        x, y = free_spot(self._recipe, 0.5, 0.5)
        layer = TextLayer(
            self.tr("Double-click to edit"),
            size=NEW_TEXT_SIZE,
            weight="bold",
            color="#FFFFFF",
            shadow=Shadow(),
            x=x,
            y=y,
        )
        if self._add(layer):
            self.text_form.focus_text()

    def add_sticker(self, sticker_id: str) -> None:
        x, y = free_spot(self._recipe, 0.5, 0.5)
        self._add(StickerLayer(sticker_id, x=x, y=y))

    def _add(self, layer: Layer) -> bool:
        self.text_form.flush_typing()
        return self._change(lambda recipe: added(recipe, layer))

    def _change(self, edit: Callable[[Recipe], tuple[Recipe, int | None]]) -> bool:
        """Apply an edit of the stack as one step and select what it returns."""
        try:
            recipe, selected = edit(self._recipe)
        except EditorError as error:
            self.error_label.setText(message(error.code, error.params))
            self.error_label.show()
            return False
        self.error_label.hide()
        self._recipe, self._selected = recipe, selected
        self._show()
        self.committed.emit(recipe)  # first, so the selection names a layer the step has
        self.selection_changed.emit(selected)
        return True

    # -- the stack -------------------------------------------------------------------------

    def _reorder(self, offset: int) -> None:
        index = self._selected
        if index is not None:
            self._change(lambda recipe: reordered(recipe, index, offset))

    def duplicate_selected(self) -> None:
        index = self._selected
        if index is not None:
            self.text_form.flush_typing()
            self._change(lambda recipe: duplicated(recipe, index))

    def delete_selected(self) -> None:
        index = self._selected
        if index is not None:
            self._change(lambda recipe: (deleted(recipe, index), None))

    def _row_of(self, index: int) -> int:
        """The list shows the top layer first."""
        return len(self._recipe.layers) - 1 - index

    def _on_layer_clicked(self, item: QListWidgetItem) -> None:
        self._on_layer_row_changed(self.layer_list.row(item))

    def _on_layer_row_changed(self, row: int) -> None:
        index = None if row < 0 else self._row_of(row)
        if index != self._selected:
            self.select(index)
            self.selection_changed.emit(self._selected)

    # -- the selected layer's form ---------------------------------------------------------

    def _on_form_previewed(self, layer: Layer) -> None:
        if self._selected is not None:
            self.previewed.emit(replaced(self._recipe, self._selected, layer))

    def _on_form_committed(self, layer: Layer) -> None:
        if self._selected is not None:
            self._recipe = replaced(self._recipe, self._selected, layer)
            self._show_list()
            self.committed.emit(self._recipe)

    # -- sticker thumbnails ----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._thumbnails_asked:
            self._thumbnails_asked = True
            load_sticker_icons(self, self._ctx, self._catalog, self._on_icons)

    def _on_icons(self, icons: dict[str, QIcon]) -> None:
        self._icons = icons
        self.sticker_picker.set_icons(self._icons)
        self._show_list()

    # -- display ---------------------------------------------------------------------------

    def _show(self) -> None:
        self._show_list()
        index = self._selected
        layer = None if index is None else self._recipe.layers[index]
        if isinstance(layer, TextLayer):
            self.text_form.set_layer(layer, self._recipe.brand or DEFAULT_BRAND)
        elif isinstance(layer, StickerLayer):
            self.sticker_form.set_layer(layer)
        self.text_form.setVisible(isinstance(layer, TextLayer))
        self.sticker_form.setVisible(isinstance(layer, StickerLayer))
        self.hint.setVisible(layer is None)
        full = len(self._recipe.layers) >= MAX_LAYERS
        self.add_text_button.setEnabled(not full)
        self.stickers_button.setEnabled(not full)
        self.duplicate_button.setEnabled(index is not None and not full)
        self.delete_button.setEnabled(index is not None)
        last = len(self._recipe.layers) - 1
        self.forward_button.setEnabled(index is not None and index < last)
        self.backward_button.setEnabled(index is not None and index > 0)

    def _show_list(self) -> None:
        layers = self._recipe.layers
        self.layers_heading.setText(
            self.tr("Layers ({count}/{max})").format(count=len(layers), max=MAX_LAYERS)
        )
        self.layer_list.blockSignals(True)
        self.layer_list.clear()
        text_icon = QIcon(text_badge())
        for layer in reversed(layers):
            if isinstance(layer, TextLayer):
                item = QListWidgetItem(text_icon, _first_line(layer.text))
            else:
                name = self._names.get(layer.id, layer.id)
                item = QListWidgetItem(self._icons.get(layer.id, QIcon()), name)
            item.setSizeHint(QSize(0, _LIST_ROW))
            self.layer_list.addItem(item)
        if self._selected is not None:
            self.layer_list.setCurrentRow(self._row_of(self._selected))
        self.layer_list.blockSignals(False)
        rows = min(max(len(layers), 1), 4)
        self.layer_list.setFixedHeight(rows * _LIST_ROW + 6)
        self.layer_list.setVisible(bool(layers))
        self.layer_actions.setVisible(bool(layers))


def _first_line(text: str) -> str:
    """A text layer's name in the list: its first line, shortened."""
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= 24 else first[:23] + "…"
