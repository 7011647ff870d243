"""Clip (片段): the selected clip's speed and sound, splitting and deleting it, adding videos.

The panel edits one clip of the edit — the one selected on the timeline — through the
timeline's own operations (`editor.video.timeline`): a speed gesture or a sound choice becomes
a new edit (`previewed` while the speed handle is held, `committed` once per gesture).
Splitting, deleting and adding a video change the timeline and the selection, which the
window owns, so the panel only asks for them, and offers them only when they would do
something.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.errors import EditorError
from editor.video import timeline
from editor.video.edit import VideoEdit
from studio.editor.panels.glyphs import delete_icon
from studio.editor.panels.panel_style import PANEL_MUTED, PANEL_TEXT, style_panel
from studio.editor.panels.slider_row import ResetSlider, SliderRow
from studio.style import ACCENT
from studio.video.panels.parts import (
    VIDEO_PANEL_STYLESHEET,
    ChoiceTile,
    clock,
    draw_mute,
    draw_sound,
    heading,
    hint,
    output_length,
    title,
)

SPEED_MARKS = (0.5, 1.0, 1.5, 2.0)
_SPEED_DECIMALS = 2
_MARK_REACH = 18
"""How far from a mark's centre (pixels) a click still picks it."""


def speed_text(speed: float) -> str:
    """``1.5×``, ``0.75×``, ``2×``."""
    return f"{speed:g}×"


class SpeedMarks(QWidget):
    """The usual speeds written under the speed slider, each at its place on the groove; a
    click on one picks it, and the speed in use is lit."""

    picked = Signal(float)

    def __init__(self, slider: ResetSlider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slider = slider
        self._value = 1.0
        self.setFixedHeight(20)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click a speed to use it"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 20)

    def set_value(self, speed: float) -> None:
        self._value = speed
        self.update()

    def mark_x(self, speed: float) -> float:
        """Where the slider's handle sits at `speed`, in this widget's coordinates."""
        # The slider's own mapping from value to handle centre, so marks and handle agree.
        x = self._slider.x_of(round(speed * 10**_SPEED_DECIMALS))
        return self.mapFromGlobal(self._slider.mapToGlobal(QPoint(round(x), 0))).x()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(11)
        enabled = self.isEnabled()
        for speed in SPEED_MARKS:
            current = enabled and abs(speed - self._value) < 1e-6
            font.setBold(current)
            painter.setFont(font)
            painter.setPen(QColor(ACCENT if current else (PANEL_TEXT if enabled else PANEL_MUTED)))
            x = self.mark_x(speed)
            if speed == SPEED_MARKS[0]:
                box, align = QRectF(x - 7, 0, 60, 20), Qt.AlignmentFlag.AlignLeft
            elif speed == SPEED_MARKS[-1]:
                box, align = QRectF(x + 7 - 60, 0, 60, 20), Qt.AlignmentFlag.AlignRight
            else:
                box, align = QRectF(x - 30, 0, 60, 20), Qt.AlignmentFlag.AlignHCenter
            painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, speed_text(speed))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x = event.position().x()
        nearest = min(SPEED_MARKS, key=lambda speed: abs(self.mark_x(speed) - x))
        if event.button() == Qt.MouseButton.LeftButton and abs(self.mark_x(nearest) - x) <= (
            _MARK_REACH
        ):
            self.picked.emit(nearest)
            event.accept()
        else:
            super().mousePressEvent(event)


class ClipPanel(QWidget):
    previewed = Signal(object)
    """A VideoEdit to render while the speed handle is held; not a history step."""
    committed = Signal(object)
    """A VideoEdit that is one undo step."""
    split_requested = Signal()
    """Cut the selected clip in two at the playhead."""
    delete_requested = Signal()
    """Take the selected clip off the timeline."""
    add_requested = Signal()
    """Pick another video to add after the last clip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self.setStyleSheet(self.styleSheet() + VIDEO_PANEL_STYLESHEET)
        self._edit = VideoEdit()
        self._durations: Mapping[str, float] = {}
        self._index: int | None = None
        self._playhead = 0.0

        self.position_label = QLabel(self)
        self.position_label.setObjectName("Subtle")
        head = QHBoxLayout()
        head.addWidget(title(self.tr("Clip"), self), 1)
        head.addWidget(self.position_label)
        self.span_label = hint("", self)
        self.empty_hint = hint(
            self.tr(
                "Click a clip on the timeline to change its speed or sound, split or delete it."
            ),
            self,
        )

        self.speed = SliderRow(
            self.tr("Speed"),
            minimum=SPEED_MARKS[0],
            maximum=SPEED_MARKS[-1],
            decimals=_SPEED_DECIMALS,
            step=0.05,
            default=1.0,
            parent=self,
        )
        self.speed.field.setSuffix("×")
        self.speed.slider.setToolTip(
            self.tr("Slower or faster, from half to double speed; double-click for normal speed")
        )
        self.speed.dragged.connect(self._on_speed_dragged)
        self.speed.changed.connect(self._on_speed_changed)
        self.speed_marks = SpeedMarks(self.speed.slider, self)
        self.speed_marks.picked.connect(self._on_speed_changed)

        self.keep_sound_tile = ChoiceTile(
            self.tr("Keep sound"),
            self.tr("Same pitch at any speed"),
            draw_sound,
            icon_height=24,
            parent=self,
        )
        self.mute_tile = ChoiceTile(
            self.tr("Mute"),
            self.tr("No sound from this clip"),
            draw_mute,
            icon_height=24,
            parent=self,
        )
        sound_group = QButtonGroup(self)
        sound = QHBoxLayout()
        sound.setSpacing(8)
        for tile, mute in ((self.keep_sound_tile, False), (self.mute_tile, True)):
            sound_group.addButton(tile)
            tile.clicked.connect(lambda _checked=False, mute=mute: self._on_sound_picked(mute))
            sound.addWidget(tile)

        self.split_button = QPushButton(self.tr("Split at playhead"), self)
        self.split_button.setToolTip(self.tr("Cut this clip in two where the playhead is"))
        self.split_button.clicked.connect(self.split_requested)
        self.delete_button = QPushButton(delete_icon(), self.tr("Delete clip"), self)
        self.delete_button.setObjectName("DangerButton")
        self.delete_button.clicked.connect(self.delete_requested)
        cutting = QHBoxLayout()
        cutting.setSpacing(8)
        cutting.addWidget(self.split_button, 1)
        cutting.addWidget(self.delete_button, 1)

        self.clip_controls = QWidget(self)
        controls = QVBoxLayout(self.clip_controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.setSpacing(6)
        controls.addWidget(self.span_label)
        controls.addSpacing(4)
        controls.addWidget(self.speed)
        controls.addWidget(self.speed_marks)
        controls.addWidget(heading(self.tr("Sound"), self.clip_controls))
        controls.addLayout(sound)
        controls.addWidget(heading(self.tr("Cut"), self.clip_controls))
        controls.addLayout(cutting)

        self.add_button = QPushButton(self.tr("＋  Add video…"), self)
        self.add_button.setObjectName("BigButton")
        self.add_button.setToolTip(self.tr("Add another video after the last clip"))
        self.add_button.clicked.connect(self.add_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 16)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.clip_controls)
        layout.addStretch(1)
        layout.addWidget(heading(self.tr("More videos"), self))
        layout.addWidget(self.add_button)
        layout.addWidget(
            hint(self.tr("Each video you add becomes a clip at the end of the timeline."), self)
        )
        self._show()

    # -- the contract with the window ------------------------------------------------------

    def set_playhead(self, playhead: float) -> None:
        """The playhead moved (a seek, a pause): what the playhead buttons use."""
        self._playhead = playhead
        self._show()

    def show_edit(
        self,
        edit: VideoEdit,
        *,
        playhead: float,
        selected_clip: int,
        durations: Mapping[str, float],
        **_window_state: object,
    ) -> None:
        """Show clip `selected_clip` of `edit` (−1: none) and what can be done at `playhead`;
        emits nothing. `durations` are the sources' lengths in seconds, by key; until every
        clip's is known the clip cannot be changed. The window's other state is not shown."""
        self._edit = edit
        self._durations = durations
        self._playhead = playhead
        self._index = selected_clip if 0 <= selected_clip < len(edit.clips) else None
        self._show()

    # -- gestures --------------------------------------------------------------------------

    def _with_clip(self, **changes: float | bool) -> VideoEdit | None:
        """The edit with the selected clip changed, None while it cannot be (no clip, or a
        source's length still unknown)."""
        if self._index is None or output_length(self._edit, self._durations) is None:
            return None
        return timeline.set_clip(self._edit, self._durations, self._index, **changes)

    def _on_speed_dragged(self, speed: float) -> None:
        edit = self._with_clip(speed=speed)
        if edit is not None:
            self.speed_marks.set_value(speed)
            self.previewed.emit(edit)

    def _on_speed_changed(self, speed: float) -> None:
        self._commit(self._with_clip(speed=speed))

    def _on_sound_picked(self, mute: bool) -> None:
        self._commit(self._with_clip(mute=mute))

    def _commit(self, edit: VideoEdit | None) -> None:
        changed = edit is not None and edit != self._edit
        if changed:
            self._edit = edit
        self._show()  # also after a gesture that changed nothing: the slider shows the edit
        if changed:
            self.committed.emit(edit)

    # -- display ---------------------------------------------------------------------------

    def _show(self) -> None:
        index = self._index
        self.empty_hint.setVisible(index is None)
        self.clip_controls.setVisible(index is not None)
        count = len(self._edit.clips)
        self.position_label.setText(
            ""
            if index is None
            else self.tr("Clip {number} of {count}").format(number=index + 1, count=count)
        )
        if index is None:
            return
        clip = self._edit.clips[index]
        self.speed.set_value(clip.speed)
        self.speed_marks.set_value(clip.speed)
        self.keep_sound_tile.setChecked(not clip.mute)
        self.mute_tile.setChecked(clip.mute)
        known = output_length(self._edit, self._durations) is not None
        placed = None
        if known:  # a clip starting past its source's end is not placed
            placed = next((p for p in self._edit.placed(self._durations) if p.index == index), None)
        if placed is None:
            self.span_label.hide()
        else:
            self.span_label.setText(
                self.tr("{start} – {end} of its video · plays for {length}").format(
                    start=clock(placed.source_start),
                    end=clock(placed.source_end),
                    length=self.tr("{seconds} s").format(
                        seconds=f"{placed.out_end - placed.out_start:.1f}"
                    ),
                )
            )
            self.span_label.show()
        self.clip_controls.setEnabled(known)
        self.split_button.setEnabled(self._can_split())
        self.delete_button.setEnabled(count > 1)
        self.delete_button.setToolTip(
            self.tr("Take this clip off the timeline")
            if count > 1
            else self.tr("A video keeps at least one clip")
        )

    def _can_split(self) -> bool:
        """A cut at the playhead would leave two clips long enough to keep."""
        if output_length(self._edit, self._durations) is None:
            return False
        try:
            return timeline.split(self._edit, self._durations, self._playhead) is not self._edit
        except EditorError:  # the timeline holds all the clips it may
            return False
