"""Music (音乐): a song under the video, how loud it and the video's own sound are, and its
fades.

Picking the file is the window's (`music_requested`: it opens, checks and stores the file and
puts it in the edit); the panel shows which song is used, sets the volumes and fades
(`previewed` while a slider is dragged, `committed` once per gesture) and removes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from editor.video.edit import VideoEdit
from studio.editor.panels.glyphs import delete_icon
from studio.editor.panels.panel_style import style_panel
from studio.editor.panels.slider_row import SliderRow
from studio.video.panels.parts import (
    VIDEO_PANEL_STYLESHEET,
    ElidedLabel,
    clock,
    heading,
    hint,
    title,
)

_MUSIC_STYLESHEET = """
#EditorPanel #MusicNote { font-size: 22px; }
"""


def _percent_row(label: str, parent: QWidget) -> SliderRow:
    row = SliderRow(label, minimum=0, maximum=200, default=100.0, parent=parent)
    row.field.setSuffix(" %")
    return row


def _seconds_row(label: str, parent: QWidget) -> SliderRow:
    row = SliderRow(label, minimum=0.0, maximum=10.0, decimals=1, step=0.1, parent=parent)
    row.field.setSuffix(" s")
    return row


class MusicPanel(QWidget):
    previewed = Signal(object)
    """A VideoEdit to render (and hear) while a slider is dragged; not a history step."""
    committed = Signal(object)
    """A VideoEdit that is one undo step."""
    music_requested = Signal()
    """Pick an audio file to put under the video (in place of the music it has)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self.setStyleSheet(self.styleSheet() + VIDEO_PANEL_STYLESHEET + _MUSIC_STYLESHEET)
        self._edit = VideoEdit()

        card = QFrame(self)
        card.setObjectName("PanelCard")
        note = QLabel("♪", card)
        note.setObjectName("MusicNote")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setFixedWidth(30)
        self.name_label = ElidedLabel(card)
        self.name_label.setObjectName("Strong")
        self.length_label = QLabel(card)
        self.length_label.setObjectName("Subtle")
        self.add_button = QPushButton(self.tr("＋  Add music…"), card)
        self.add_button.setObjectName("PrimaryButton")
        self.add_button.setToolTip(self.tr("Pick a song or a voice-over (MP3, M4A, WAV…)"))
        self.add_button.clicked.connect(self.music_requested)
        self.replace_button = QPushButton(self.tr("Replace…"), card)
        self.replace_button.setToolTip(self.tr("Use another audio file instead"))
        self.replace_button.clicked.connect(self.music_requested)
        self.remove_button = QPushButton(delete_icon(), self.tr("Remove"), card)
        self.remove_button.setObjectName("DangerButton")
        self.remove_button.setToolTip(self.tr("Take the music off the video"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        grid = QGridLayout(card)
        grid.setContentsMargins(12, 10, 12, 12)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.addWidget(note, 0, 0, 2, 1)
        grid.addWidget(self.name_label, 0, 1, 1, 2)
        grid.addWidget(self.length_label, 1, 1, 1, 2)
        grid.addWidget(self.add_button, 2, 0, 1, 3)
        grid.addWidget(self.replace_button, 2, 1)
        grid.addWidget(self.remove_button, 2, 2)
        grid.setRowMinimumHeight(2, 44)
        grid.setColumnStretch(1, 1)

        self.original_volume = _percent_row(self.tr("Original sound"), self)
        self.original_volume.slider.setToolTip(
            self.tr("How loud the videos' own sound plays; 0 % silences it")
        )
        self.music_volume = _percent_row(self.tr("Music"), self)
        self.fade_in = _seconds_row(self.tr("Fade in"), self)
        self.fade_out = _seconds_row(self.tr("Fade out"), self)
        self.original_volume.dragged.connect(
            lambda value: self.previewed.emit(self._with_original(value))
        )
        self.original_volume.changed.connect(lambda value: self._commit(self._with_original(value)))
        for row, name, scale in (
            (self.music_volume, "volume", 100.0),
            (self.fade_in, "fade_in", 1.0),
            (self.fade_out, "fade_out", 1.0),
        ):
            row.dragged.connect(
                lambda value, name=name, scale=scale: self._preview_music(**{name: value / scale})
            )
            row.changed.connect(
                lambda value, name=name, scale=scale: self._commit_music(**{name: value / scale})
            )

        self.music_controls = QWidget(self)
        music = QVBoxLayout(self.music_controls)
        music.setContentsMargins(0, 0, 0, 0)
        music.setSpacing(4)
        music.addWidget(self.music_volume)
        music.addWidget(heading(self.tr("Fade"), self.music_controls))
        music.addWidget(self.fade_in)
        music.addWidget(self.fade_out)
        music.addWidget(
            hint(
                self.tr("The music rises at the start of the video and dies away at its end."),
                self.music_controls,
            )
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(title(self.tr("Music"), self))
        layout.addWidget(card)
        layout.addWidget(heading(self.tr("Volume"), self))
        layout.addWidget(self.original_volume)
        layout.addWidget(self.music_controls)
        layout.addStretch(1)
        self._names: Mapping[str, str] = {}
        self._durations: Mapping[str, float] = {}
        self._show()

    # -- the contract with the window ------------------------------------------------------

    def show_edit(
        self,
        edit: VideoEdit,
        *,
        durations: Mapping[str, float],
        names: Mapping[str, str] | None = None,
        **_window_state: object,
    ) -> None:
        """Show `edit`'s music and volumes; emits nothing. `durations` and `names` give each
        source's length in seconds and file name (as the creator picked it), by key. The
        window's other state (playhead, selection…) does not change the panel."""
        self._edit = edit
        self._durations = durations
        self._names = names or {}
        self._show()

    # -- gestures --------------------------------------------------------------------------

    def _with_original(self, percent: float) -> VideoEdit:
        return replace(self._edit, original_volume=percent / 100)

    def _preview_music(self, **values: float) -> None:
        if self._edit.music is not None:
            self.previewed.emit(replace(self._edit, music=replace(self._edit.music, **values)))

    def _commit_music(self, **values: float) -> None:
        if self._edit.music is not None:
            self._commit(replace(self._edit, music=replace(self._edit.music, **values)))

    def _on_remove_clicked(self) -> None:
        self._commit(replace(self._edit, music=None))

    def _commit(self, edit: VideoEdit) -> None:
        if edit != self._edit:
            self._edit = edit
            self.committed.emit(edit)
        self._show()

    # -- display ---------------------------------------------------------------------------

    def _show(self) -> None:
        music = self._edit.music
        has_music = music is not None
        self.add_button.setVisible(not has_music)
        for widget in (self.replace_button, self.remove_button):
            widget.setVisible(has_music)
        self.music_controls.setVisible(has_music)
        self.original_volume.set_value(round(self._edit.original_volume * 100))
        if music is None:
            self.name_label.setText(self.tr("No music yet"))
            self.length_label.setText(self.tr("Add a song or a voice-over under your video."))
            return
        self.name_label.setText(self._names.get(music.source) or self.tr("Music"))
        length = self._durations.get(music.source)
        self.length_label.setText(
            ""
            if length is None
            else self.tr("{length} long").format(length=clock(length, tenths=False))
        )
        self.music_volume.set_value(round(music.volume * 100))
        self.fade_in.set_value(music.fade_in)
        self.fade_out.set_value(music.fade_out)
