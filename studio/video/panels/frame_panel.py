"""Frame (画面): the video's shape on the platform and how the picture fills it.

A shape is a tile (3:4, 9:16, 1:1, or the picture as shot); the picture either fills the
frame as a crop window the creator places (zoom and position here, or by dragging on the
preview) or fits whole over a blurred copy of itself. Each choice is one step (`committed`);
the zoom and position sliders preview while dragged.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QVBoxLayout, QWidget

from editor.video.edit import OUTPUT_SIZES, Frame, VideoEdit
from studio.editor.panels.panel_style import style_panel
from studio.editor.panels.slider_row import SliderRow
from studio.video.panels.parts import (
    VIDEO_PANEL_STYLESHEET,
    ChoiceTile,
    draw_as_shot,
    draw_aspect,
    draw_crop,
    draw_fit,
    heading,
    hint,
    title,
)

AS_SHOT = ""
"""The shape tiles' key for no reframing (`frame` None)."""


def _place(offset: float) -> float:
    """A position slider's offset from the centre (−50…50) as the frame's 0…1 place."""
    return 0.5 + offset / 100


def _offset(place: float) -> float:
    return round((place - 0.5) * 100)


class FramePanel(QWidget):
    previewed = Signal(object)
    """A VideoEdit to render while zoom or position is dragged; not a history step."""
    committed = Signal(object)
    """A VideoEdit that is one undo step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self.setStyleSheet(self.styleSheet() + VIDEO_PANEL_STYLESHEET)
        self._edit = VideoEdit()

        shapes = {
            "3:4": self.tr("Feed"),
            "9:16": self.tr("Full screen"),
            "1:1": self.tr("Square"),
        }
        self.shape_tiles: dict[str, ChoiceTile] = {}
        for aspect, note in shapes.items():
            width, height = OUTPUT_SIZES[aspect]
            self.shape_tiles[aspect] = ChoiceTile(
                aspect, note, draw_aspect(width, height), parent=self
            )
        self.shape_tiles[AS_SHOT] = ChoiceTile(
            self.tr("As shot"), self.tr("Original"), draw_as_shot, parent=self
        )
        shape_group = QButtonGroup(self)
        shape_row = QHBoxLayout()
        shape_row.setSpacing(6)
        for aspect, tile in self.shape_tiles.items():
            shape_group.addButton(tile)
            tile.clicked.connect(lambda _checked=False, aspect=aspect: self._on_shape(aspect))
            shape_row.addWidget(tile)
        self.shape_note = hint("", self)

        self.crop_tile = ChoiceTile(
            self.tr("Crop"),
            self.tr("Fill the frame, choose what shows"),
            draw_crop,
            icon_height=40,
            note_lines=2,
            parent=self,
        )
        self.fit_tile = ChoiceTile(
            self.tr("Fit"),
            self.tr("Whole picture on a blurred background"),
            draw_fit,
            icon_height=40,
            note_lines=2,
            parent=self,
        )
        mode_group = QButtonGroup(self)
        mode_row = QHBoxLayout()
        mode_row.setSpacing(8)
        for tile, mode in ((self.crop_tile, "crop"), (self.fit_tile, "fit")):
            mode_group.addButton(tile)
            tile.clicked.connect(lambda _checked=False, mode=mode: self._set(mode=mode))
            mode_row.addWidget(tile)

        self.zoom = SliderRow(
            self.tr("Zoom"), minimum=1.0, maximum=4.0, decimals=2, step=0.05, default=1.0
        )
        self.zoom.field.setSuffix("×")
        # Position as an offset from the centre, −50 (left or top edge) … 50, so an untouched
        # slider sits in the middle with nothing lit.
        self.x = SliderRow(self.tr("Left – right"), minimum=-50, maximum=50)
        self.y = SliderRow(self.tr("Top – bottom"), minimum=-50, maximum=50)
        self.zoom.dragged.connect(lambda value: self._preview(zoom=value))
        self.zoom.changed.connect(lambda value: self._set(zoom=value))
        for row, name in ((self.x, "x"), (self.y, "y")):
            row.dragged.connect(lambda value, name=name: self._preview(**{name: _place(value)}))
            row.changed.connect(lambda value, name=name: self._set(**{name: _place(value)}))

        self.crop_controls = QWidget(self)
        crop = QVBoxLayout(self.crop_controls)
        crop.setContentsMargins(0, 4, 0, 0)
        crop.setSpacing(4)
        for row in (self.zoom, self.x, self.y):
            crop.addWidget(row)
        crop.addWidget(
            hint(self.tr("Or drag the picture on the preview to choose what shows."), self)
        )
        self.fit_hint = hint(
            self.tr("Nothing is cut off: the bands around the picture show a blurred copy of it."),
            self,
        )

        self.fill_controls = QWidget(self)
        fill = QVBoxLayout(self.fill_controls)
        fill.setContentsMargins(0, 0, 0, 0)
        fill.setSpacing(8)
        fill.addWidget(heading(self.tr("Fill"), self.fill_controls))
        fill.addLayout(mode_row)
        fill.addWidget(self.crop_controls)
        fill.addWidget(self.fit_hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(title(self.tr("Frame"), self))
        layout.addWidget(heading(self.tr("Shape"), self))
        layout.addLayout(shape_row)
        layout.addWidget(self.shape_note)
        layout.addWidget(self.fill_controls)
        layout.addStretch(1)
        self._show()

    # -- the contract with the window ------------------------------------------------------

    def show_edit(self, edit: VideoEdit, **_window_state: object) -> None:
        """Show `edit`'s frame; emits nothing. The window's other state (playhead,
        selection…) does not change it."""
        self._edit = edit
        self._show()

    # -- gestures --------------------------------------------------------------------------

    def _on_shape(self, aspect: str) -> None:
        frame = self._edit.frame
        if aspect == AS_SHOT:
            self._commit(None)
        elif frame is None:
            self._commit(Frame(aspect=aspect))
        else:
            self._commit(replace(frame, aspect=aspect))

    def _preview(self, **values: float) -> None:
        if self._edit.frame is not None:
            self.previewed.emit(replace(self._edit, frame=replace(self._edit.frame, **values)))

    def _set(self, **values: object) -> None:
        if self._edit.frame is not None:
            self._commit(replace(self._edit.frame, **values))

    def _commit(self, frame: Frame | None) -> None:
        if frame != self._edit.frame:
            self._edit = replace(self._edit, frame=frame)
            self.committed.emit(self._edit)
        self._show()

    # -- display ---------------------------------------------------------------------------

    def _show(self) -> None:
        frame = self._edit.frame
        self.shape_tiles[AS_SHOT if frame is None else frame.aspect].setChecked(True)
        if frame is None:
            note = self.tr(
                "Keeps the video's own framing. A video that is only trimmed is copied as it "
                "is: no re-encoding, no quality lost."
            )
        else:
            width, height = frame.size
            note = {
                "3:4": self.tr("{size}: the largest a video shows in the feed."),
                "9:16": self.tr("{size}: fills a phone screen when opened."),
                "1:1": self.tr("{size}: the same square in the feed and when opened."),
            }[frame.aspect].format(size=f"{width} × {height}")
        self.shape_note.setText(note)
        self.fill_controls.setVisible(frame is not None)
        if frame is None:
            return
        self.crop_tile.setChecked(frame.mode == "crop")
        self.fit_tile.setChecked(frame.mode == "fit")
        self.crop_controls.setVisible(frame.mode == "crop")
        self.fit_hint.setVisible(frame.mode == "fit")
        self.zoom.set_value(frame.zoom)
        self.x.set_value(_offset(frame.x))
        self.y.set_value(_offset(frame.y))
