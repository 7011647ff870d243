"""Text (文字): titles, stickers and subtitles shown over the video, each for a stretch of time.

The list shows every overlay with when it is on screen, in time order. A new title or sticker
starts at the playhead and stays `NEW_SECONDS`; the selected one's times are set here (typed,
nudged, or taken from the playhead) and its style in the photo editor's own text and sticker
forms. Subtitles come from an SRT file, which only the window can open
(`import_subtitles_requested`); they can be restyled together and removed together.

Adding, deleting and retiming are one step each (`committed`); a form previews while a slider
is dragged or text is typed. Which overlay is selected is the window's state: the panel says
what the creator picked with `overlay_selected` and is told with `show_edit`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from editor.brand import DEFAULT_BRAND
from editor.layers import Layer, Shadow, StickerLayer, TextLayer
from editor.video import timeline
from editor.video.edit import MAX_OVERLAYS, MAX_SECONDS, Overlay, VideoEdit
from editor.video.subtitles import with_subtitles
from studio.editor.panels.glyphs import delete_icon, sticker_icon, text_badge
from studio.editor.panels.layer_forms import StickerLayerForm, TextLayerForm
from studio.editor.panels.layers_panel import LAYERS_STYLESHEET, load_sticker_icons
from studio.editor.panels.panel_style import PANEL_MUTED, style_panel
from studio.editor.panels.sticker_picker import StickerPicker
from studio.editor.sticker_catalog import load_catalog
from studio.video.panels.parts import (
    VIDEO_PANEL_STYLESHEET,
    caption_badge,
    clock,
    heading,
    hint,
    output_length,
    title,
)

if TYPE_CHECKING:
    from studio.context import AppContext

NEW_TITLE_Y = 0.2
"""A new title sits in the upper part of the frame, clear of the platform's caption area."""
_ROW = 36
_VISIBLE_ROWS = 5


def with_overlay(edit: VideoEdit, index: int, overlay: Overlay) -> VideoEdit:
    overlays = list(edit.overlays)
    overlays[index] = overlay
    return replace(edit, overlays=tuple(overlays))


def styled_subtitles(edit: VideoEdit, style: TextLayer) -> VideoEdit:
    """Every subtitle drawn in `style`, each keeping its own words."""
    return replace(
        edit,
        overlays=tuple(
            replace(overlay, layer=replace(style, text=overlay.layer.text))
            if overlay.subtitle and isinstance(overlay.layer, TextLayer)
            else overlay
            for overlay in edit.overlays
        ),
    )


class OverlayRowDelegate(QStyledItemDelegate):
    """An overlay's row: its mark and name, and when it shows at the right, muted."""

    TimeRole = Qt.ItemDataRole.UserRole + 1

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        when = str(index.data(self.TimeRole) or "")
        room = option.fontMetrics.horizontalAdvance(when) + 14
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        text_width = view.rect.width() - view.decorationSize.width() - room - 20
        view.text = view.fontMetrics.elidedText(view.text, Qt.TextElideMode.ElideRight, text_width)
        style = view.widget.style() if view.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, view.widget)
        painter.save()
        painter.setPen(QColor(PANEL_MUTED))
        box = QRect(option.rect).adjusted(0, 0, -10, 0)
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when)
        painter.restore()


class TextPanel(QWidget):
    previewed = Signal(object)
    """A VideoEdit to render while a style slider is dragged or text typed."""
    committed = Signal(object)
    """A VideoEdit that is one undo step."""
    overlay_selected = Signal(int)
    """The overlay index the creator picked in the list or just added (−1: none)."""
    import_subtitles_requested = Signal()
    """Pick an SRT file and put its subtitles on the video."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        # The photo editor's text and sticker styles, for the same buttons, list and forms.
        self.setStyleSheet(self.styleSheet() + VIDEO_PANEL_STYLESHEET + LAYERS_STYLESHEET)
        self._ctx = ctx
        self._edit = VideoEdit()
        self._selected: int | None = None
        self._playhead = 0.0
        self._durations: Mapping[str, float] = {}
        self._length: float | None = None
        """The video's length, None while a source's length is unknown."""
        self._rows: list[int] = []
        """Overlay index of each list row (the list is in time order)."""
        self._catalog = load_catalog()
        self._names = {entry.id: entry.name(ctx.language) for entry in self._catalog}
        self._icons: dict[str, QIcon] = {}
        self._thumbnails_asked = False

        self.add_text_button = QPushButton(self.tr("＋  Add text"), self)
        self.add_text_button.setObjectName("AddTextButton")
        self.add_text_button.setToolTip(
            self.tr("A title from the playhead, shown for {seconds} seconds").format(
                seconds=f"{timeline.NEW_SECONDS:g}"
            )
        )
        self.add_text_button.clicked.connect(self.add_text)
        self.stickers_button = QPushButton(sticker_icon(), self.tr("Stickers"), self)
        self.stickers_button.setObjectName("StickersButton")
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

        self.import_button = QPushButton(self.tr("Import subtitles (SRT)…"), self)
        self.import_button.setToolTip(
            self.tr("Put the lines of an .srt file on the video at their times")
        )
        self.import_button.clicked.connect(self.import_subtitles_requested)
        self.remove_subtitles_button = QPushButton(self.tr("Remove subtitles"), self)
        self.remove_subtitles_button.setObjectName("DangerButton")
        self.remove_subtitles_button.clicked.connect(self._on_remove_subtitles_clicked)
        subtitles = QHBoxLayout()
        subtitles.setSpacing(8)
        subtitles.addWidget(self.import_button, 1)
        subtitles.addWidget(self.remove_subtitles_button)

        self.list_heading = heading("", self)
        self.overlay_list = QListWidget(self)
        self.overlay_list.setObjectName("LayerList")
        self.overlay_list.setIconSize(QSize(26, 26))
        self.overlay_list.setItemDelegate(OverlayRowDelegate(self.overlay_list))
        self.overlay_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overlay_list.itemClicked.connect(self._on_item_clicked)
        self.overlay_list.currentRowChanged.connect(self._on_row_changed)
        self.empty_hint = hint(
            self.tr(
                "Add a title or a sticker: it starts at the playhead and shows for {seconds} "
                "seconds. Select one in the list to change when it shows and how it looks."
            ).format(seconds=f"{timeline.NEW_SECONDS:g}"),
            self,
        )

        self.start_field = self._time_field(self.tr("Start"))
        self.end_field = self._time_field(self.tr("End"))
        self.start_field.valueChanged.connect(lambda value: self._retime(start=value))
        self.end_field.valueChanged.connect(lambda value: self._retime(end=value))
        self.start_here_button = QPushButton(self.tr("Set to playhead"), self)
        self.end_here_button = QPushButton(self.tr("Set to playhead"), self)
        self.start_here_button.clicked.connect(lambda: self._retime(start=self._playhead))
        self.end_here_button.clicked.connect(lambda: self._retime(end=self._playhead))
        self.timing_heading = heading("", self)
        self.delete_button = QPushButton(delete_icon(), self.tr("Delete"), self)
        self.delete_button.setObjectName("DangerButton")
        self.delete_button.setToolTip(self.tr("Take this overlay off the video"))
        self.delete_button.clicked.connect(self.delete_selected)
        timing_head = QHBoxLayout()
        timing_head.setSpacing(8)
        timing_head.addWidget(self.timing_heading, 1)
        timing_head.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignBottom)
        timing = QGridLayout()
        timing.setHorizontalSpacing(8)
        timing.setVerticalSpacing(6)
        for row, (name, field, button) in enumerate(
            (
                (self.tr("Start"), self.start_field, self.start_here_button),
                (self.tr("End"), self.end_field, self.end_here_button),
            )
        ):
            label = QLabel(name, self)
            label.setBuddy(field)
            timing.addWidget(label, row, 0)
            timing.addWidget(field, row, 1)
            timing.addWidget(button, row, 2)
        timing.setColumnStretch(2, 1)
        self.timing = QWidget(self)
        timing_box = QVBoxLayout(self.timing)
        timing_box.setContentsMargins(0, 0, 0, 0)
        timing_box.setSpacing(6)
        timing_box.addLayout(timing_head)
        timing_box.addLayout(timing)

        self.text_form = TextLayerForm(self)
        self.sticker_form = StickerLayerForm(self)
        for form in (self.text_form, self.sticker_form):
            form.previewed.connect(self._on_form_previewed)
            form.committed.connect(self._on_form_committed)
        self.all_subtitles_button = QPushButton(self.tr("Use this style for all subtitles"), self)
        self.all_subtitles_button.setToolTip(
            self.tr("Every subtitle line takes this line's font, size, colours and place")
        )
        self.all_subtitles_button.clicked.connect(self._on_all_subtitles_clicked)
        body = QWidget()
        body.setObjectName("PanelBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 6, 12)
        body_layout.setSpacing(8)
        body_layout.addWidget(self.empty_hint)
        body_layout.addWidget(self.all_subtitles_button)
        body_layout.addWidget(self.text_form)
        body_layout.addWidget(self.sticker_form)
        body_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 10, 0)
        layout.setSpacing(8)
        layout.addWidget(title(self.tr("Text & stickers"), self))
        layout.addLayout(adding)
        layout.addLayout(subtitles)
        layout.addWidget(self.list_heading)
        layout.addWidget(self.overlay_list)
        layout.addWidget(self.timing)
        layout.addWidget(self.scroll, 1)
        self._show()

    def _time_field(self, name: str) -> QDoubleSpinBox:
        field = QDoubleSpinBox(self)
        field.setDecimals(1)
        field.setSingleStep(0.1)
        field.setSuffix(self.tr(" s"))
        field.setRange(0.0, MAX_SECONDS)
        field.setKeyboardTracking(False)
        field.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        field.setAlignment(Qt.AlignmentFlag.AlignRight)
        field.setFixedWidth(76)
        field.setAccessibleName(name)
        field.setToolTip(self.tr("Type a time in seconds, or use the arrow keys (0.1 s steps)"))
        return field

    # -- the contract with the window ------------------------------------------------------

    @property
    def selected(self) -> int:
        """The selected overlay's index, −1 when none is."""
        return -1 if self._selected is None else self._selected

    def set_playhead(self, playhead: float) -> None:
        """The playhead moved (a seek, a pause): what the playhead buttons use."""
        self._playhead = playhead

    def show_edit(
        self,
        edit: VideoEdit,
        *,
        playhead: float,
        selected_overlay: int,
        durations: Mapping[str, float],
        **_window_state: object,
    ) -> None:
        """Show `edit`'s overlays, overlay `selected_overlay`'s times and style (−1: none),
        and what the playhead buttons would set; emits nothing. Times can be set once every
        source's length is in `durations`. Text still being typed is committed when its field
        loses focus, as any click elsewhere does. The window's other state is not shown."""
        self._edit = edit
        self._playhead = playhead
        self._durations = durations
        self._length = output_length(edit, durations)
        valid = 0 <= selected_overlay < len(edit.overlays)
        self._selected = selected_overlay if valid else None
        self._show()

    # -- adding and removing ---------------------------------------------------------------

    def add_text(self) -> None:
        """A bold white title near the top from the playhead, selected, ready to type over."""
        layer = TextLayer(
            self.tr("Your title"),
            size=0.055,
            weight="bold",
            color="#FFFFFF",
            shadow=Shadow(),
            y=NEW_TITLE_Y,
            max_width=0.86,
        )
        if self._add(layer):
            self.text_form.focus_text()

    def add_sticker(self, sticker_id: str) -> None:
        self._add(StickerLayer(sticker_id))

    def _add(self, layer: Layer) -> bool:
        if len(self._edit.overlays) >= MAX_OVERLAYS:
            return False
        self.text_form.flush_typing()
        start, end = timeline.new_span(self._playhead, self._length)
        overlays = (*self._edit.overlays, Overlay(start=start, end=end, layer=layer))
        edit, index = replace(self._edit, overlays=overlays), len(overlays) - 1
        if self._length is not None:
            edit = timeline.time_overlay(edit, self._durations, index, start, end)
        self._step(edit, index)
        return True

    def delete_selected(self) -> None:
        index = self._selected
        if index is not None:
            overlays = self._edit.overlays[:index] + self._edit.overlays[index + 1 :]
            self._step(replace(self._edit, overlays=overlays), None)

    def _on_remove_subtitles_clicked(self) -> None:
        selected = self._selected
        if selected is not None and self._edit.overlays[selected].subtitle:
            selected = None
        elif selected is not None:
            # The other overlays keep their order: the selected one's index counts only them.
            selected = sum(1 for overlay in self._edit.overlays[:selected] if not overlay.subtitle)
        self._step(with_subtitles(self._edit, ()), selected)

    def _on_all_subtitles_clicked(self) -> None:
        index = self._selected
        if index is not None and isinstance(self.text_form.layer, TextLayer):
            self.text_form.flush_typing()
            self._step(styled_subtitles(self._edit, self.text_form.layer), index)

    def _step(self, edit: VideoEdit, selected: int | None) -> None:
        """One undo step, then the selection it leaves (so it names an overlay the step has)."""
        changed = edit != self._edit
        self._edit = edit
        moved = selected != self._selected
        self._selected = selected
        self._show()
        if changed:
            self.committed.emit(edit)
        if moved:
            self.overlay_selected.emit(self.selected)

    # -- picking ---------------------------------------------------------------------------

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        self._on_row_changed(self.overlay_list.row(item))

    def _on_row_changed(self, row: int) -> None:
        index = self._rows[row] if 0 <= row < len(self._rows) else None
        if index != self._selected:
            self.text_form.flush_typing()
            self._selected = index
            self._show()
            self.overlay_selected.emit(self.selected)

    # -- the selected overlay --------------------------------------------------------------

    def _retime(self, **times: float) -> None:
        index = self._selected
        if index is not None and self._length is not None:
            start, end = timeline.moved_span(self._edit.overlays[index], **times)
            self._step(timeline.time_overlay(self._edit, self._durations, index, start, end), index)

    def _with_layer(self, layer: Layer) -> VideoEdit | None:
        index = self._selected
        if index is None:
            return None
        return with_overlay(self._edit, index, replace(self._edit.overlays[index], layer=layer))

    def _on_form_previewed(self, layer: Layer) -> None:
        edit = self._with_layer(layer)
        if edit is not None:
            self.previewed.emit(edit)

    def _on_form_committed(self, layer: Layer) -> None:
        edit = self._with_layer(layer)
        if edit is not None and edit != self._edit:
            self._edit = edit
            self._show_list()
            self.committed.emit(edit)

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
        overlay = None if index is None else self._edit.overlays[index]
        layer = None if overlay is None else overlay.layer
        if isinstance(layer, TextLayer):
            self.text_form.set_layer(layer, DEFAULT_BRAND)
        elif isinstance(layer, StickerLayer):
            self.sticker_form.set_layer(layer)
        self.text_form.setVisible(isinstance(layer, TextLayer))
        self.sticker_form.setVisible(isinstance(layer, StickerLayer))
        self.all_subtitles_button.setVisible(overlay is not None and overlay.subtitle)
        self.empty_hint.setVisible(overlay is None)
        self.timing.setVisible(overlay is not None)
        self.timing.setEnabled(self._length is not None)
        full = len(self._edit.overlays) >= MAX_OVERLAYS
        self.add_text_button.setEnabled(not full)
        self.stickers_button.setEnabled(not full)
        self.remove_subtitles_button.setEnabled(any(o.subtitle for o in self._edit.overlays))
        playhead = clock(self._playhead)
        for button, tip in (
            (self.start_here_button, self.tr("Start at the playhead ({time})")),
            (self.end_here_button, self.tr("End at the playhead ({time})")),
        ):
            button.setToolTip(tip.format(time=playhead))
        if overlay is None:
            return
        limit = MAX_SECONDS if self._length is None else self._length
        for field, value in ((self.start_field, overlay.start), (self.end_field, overlay.end)):
            field.blockSignals(True)
            field.setRange(0.0, max(limit, overlay.end))
            field.setValue(value)
            field.blockSignals(False)
        self.timing_heading.setText(
            self.tr("On screen for {seconds} s").format(
                seconds=f"{overlay.end - overlay.start:.1f}"
            )
        )

    def _show_list(self) -> None:
        overlays = self._edit.overlays
        self.list_heading.setText(
            self.tr("On the video ({count})").format(count=len(overlays))
            if overlays
            else self.tr("On the video")
        )
        self._rows = sorted(range(len(overlays)), key=lambda index: overlays[index].start)
        text_icon, caption_icon = QIcon(text_badge()), QIcon(caption_badge())
        self.overlay_list.blockSignals(True)
        self.overlay_list.clear()
        for index in self._rows:
            overlay = overlays[index]
            layer = overlay.layer
            if isinstance(layer, TextLayer):
                icon = caption_icon if overlay.subtitle else text_icon
                item = QListWidgetItem(icon, _first_line(layer.text))
            else:
                item = QListWidgetItem(
                    self._icons.get(layer.id, QIcon()), self._names.get(layer.id, layer.id)
                )
            item.setData(
                OverlayRowDelegate.TimeRole, f"{clock(overlay.start)} – {clock(overlay.end)}"
            )
            item.setSizeHint(QSize(0, _ROW))
            self.overlay_list.addItem(item)
        if self._selected is not None:
            self.overlay_list.setCurrentRow(self._rows.index(self._selected))
            self.overlay_list.scrollToItem(self.overlay_list.currentItem())
        self.overlay_list.blockSignals(False)
        rows = min(max(len(overlays), 1), _VISIBLE_ROWS)
        self.overlay_list.setFixedHeight(rows * _ROW + 6)
        self.overlay_list.setVisible(bool(overlays))
        self.list_heading.setVisible(bool(overlays))


def _first_line(text: str) -> str:
    """A text overlay's name in the list: its first line."""
    return text.strip().split("\n", 1)[0]
