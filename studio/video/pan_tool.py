"""Dragging the picture on the video preview to choose what a crop frame shows.

The preview shows the output; dragging it moves the picture under a fixed frame, the way a
phone's crop works, so the crop window moves the other way. The tool only turns the drag into
fractions of the output; `editor.video.render.pan_frame` decides what that does to the frame.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter

from editor.video.edit import VideoEdit
from editor.video.render import pan_frame
from studio.editor.canvas import PhotoCanvas


class PanTool(QObject):
    """`previewed(edit)` while dragging, `committed(edit)` on release."""

    previewed = Signal(object)
    committed = Signal(object)

    def __init__(self, canvas: PhotoCanvas, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._canvas = canvas
        self._edit: VideoEdit | None = None
        self._source_size = (1, 1)
        self._pressed: QPointF | None = None
        self._moved: VideoEdit | None = None

    def show_edit(self, edit: VideoEdit, source_size: tuple[int, int]) -> None:
        """The edit on screen and its first clip's picture size (as displayed)."""
        self._edit, self._source_size = edit, source_size

    @property
    def active(self) -> bool:
        edit = self._edit
        return edit is not None and edit.frame is not None and edit.frame.mode == "crop"

    def paint(self, painter: QPainter) -> None:
        return

    def mouse_press(self, event: QMouseEvent) -> bool:
        if not self.active or event.button() != Qt.MouseButton.LeftButton:
            return False
        if not self._canvas.image_rect().contains(event.position()):
            return False
        self._pressed, self._moved = event.position(), None
        self._canvas.setCursor(Qt.CursorShape.ClosedHandCursor)
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        if self._pressed is None or self._edit is None or self._edit.frame is None:
            if self.active and self._canvas.image_rect().contains(event.position()):
                self._canvas.setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self._canvas.unsetCursor()
            return False
        shown = self._canvas.image_rect()
        delta = event.position() - self._pressed
        frame = pan_frame(
            self._edit.frame,
            self._source_size,
            delta.x() / max(1.0, shown.width()),
            delta.y() / max(1.0, shown.height()),
        )
        self._moved = replace(self._edit, frame=frame)
        self.previewed.emit(self._moved)
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        if self._pressed is None:
            return False
        self._pressed = None
        self._canvas.setCursor(Qt.CursorShape.OpenHandCursor)
        if self._moved is not None:
            self.committed.emit(self._moved)
        return True

    def mouse_double_click(self, event: QMouseEvent) -> bool:
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        return False

    def key_release(self, event: QKeyEvent) -> bool:
        return False
