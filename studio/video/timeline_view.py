"""The video editor's timeline: a ruler, the clips with their pictures, the text and sticker
overlays, the music, and the red playhead across them.

It is one painted widget (no child widget per clip, so hundreds of subtitles stay cheap) that
shows the window's state and turns gestures into intent: it never changes the edit itself.
A drag shows its result live — computed with the same pure operations the window will apply
(`editor.video.timeline`) — and asks for it once, on release. The arithmetic of zoom, ticks,
lanes and drop slots lives in `timeline_scale`, the drawing of small parts in `timeline_paint`.

Gestures: click or drag on the ruler (or on empty space) moves the playhead, snapped to whole
frames; a clip's body selects it and drags it to another place; its edges trim it; an overlay
bar moves, its edges retime it. Ctrl+wheel zooms around the pointer, the wheel scrolls; the
whole timeline shows until the creator zooms in. Keys: ←/→ a frame (with Shift a second),
Home/End, S splits at the playhead, Delete removes the selected clip, Esc cancels a drag.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from editor.layers import TextLayer
from editor.video.edit import OUTPUT_FPS, Overlay, Placed, VideoEdit
from editor.video.timeline import last_frame_time, snap_to_frame, time_overlay, trim_clip
from studio.video.panels.parts import clock
from studio.video.timeline_paint import (
    BACKGROUND,
    CLIP_EMPTY,
    LANE,
    LINE,
    MUSIC,
    MUTED,
    SELECTION,
    STICKER_OVERLAY,
    SUBTITLE_OVERLAY,
    TEXT,
    TEXT_OVERLAY,
    draw_badge,
    draw_film_icon,
    draw_handle,
    draw_muted,
    draw_note_icon,
    draw_playhead,
    draw_ruler,
    draw_text_icon,
    font,
    round_pen,
)
from studio.video.timeline_scale import (
    TimeAxis,
    drop_slot,
    fit_axis,
    is_fit,
    overlay_lanes,
    scrolled,
    showing,
    zoomed,
)

GUTTER = 36
"""The column of track icons on the left."""
PAD_LEFT = 14
PAD_RIGHT = 18
RULER_HEIGHT = 24
CLIPS_TOP, CLIPS_HEIGHT = 32, 62
OVERLAYS_TOP, OVERLAYS_HEIGHT = 102, 36
OVERLAY_LANE = 20
MUSIC_TOP, MUSIC_HEIGHT = 144, 18
HEIGHT = 180
EDGE_PIXELS = 8
"""How close to a clip's or overlay's edge a press grabs the edge instead of the body."""
MAGNET_PIXELS = 6
"""A dragged edge this close to the playhead sticks to it."""
FRAME = 1 / OUTPUT_FPS
_CLIP_GAP = 1.0
_RADIUS = 6.0


@dataclass(frozen=True)
class Hit:
    """What is under a point: `kind` is ``ruler``, ``clip``, ``clip_start``, ``clip_end``,
    ``overlay``, ``overlay_start``, ``overlay_end`` or ``empty``; `index` the clip's or
    overlay's index in the edit."""

    kind: str
    index: int = -1


@dataclass
class _Drag:
    hit: Hit
    press_x: float
    x: float
    moved: bool = False


@dataclass(frozen=True)
class _Block:
    """A clip as drawn: its placement and where it sits (`shift` seconds from its place while
    its start is being trimmed, so the dragged edge follows the pointer)."""

    placed: Placed
    left: float
    right: float
    shift: float


class TimelineView(QWidget):
    seek = Signal(float)
    """Show this output time (seconds, on a frame); sent continuously while dragging."""
    clip_selected = Signal(int)
    """The clip the creator picked, or -1 when a click on empty space dropped the selection."""
    overlay_selected = Signal(int)
    """The overlay the creator picked, or -1 when the selection went elsewhere."""
    trim_requested = Signal(int, float, float)
    """Clip index, new source start and end (seconds in its source)."""
    move_requested = Signal(int, int)
    """Clip index and the index it should have in the new order."""
    split_requested = Signal(float)
    """Cut the clip under this output time (the playhead)."""
    delete_requested = Signal(int)
    """Remove this clip."""
    overlay_timing_requested = Signal(int, float, float)
    """Overlay index, new start and end (output seconds)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edit: VideoEdit | None = None
        self._durations: dict[str, float] = {}
        self._placed: list[Placed] = []
        self._duration = 0.0
        self._lanes: list[int] = []
        self._playhead = 0.0
        self._selected_clip = -1
        self._selected_overlay = -1
        self._strips: dict[str, list[tuple[float, QPixmap]]] = {}
        self._scaled: dict[tuple[str, int, int], QPixmap] = {}
        self._fit = True
        self._axis = self._fit_axis()
        self._drag: _Drag | None = None
        self._hover = Hit("empty")
        self.setMinimumHeight(HEIGHT)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Timeline"))
        self.setAccessibleDescription(
            self.tr(
                "Left and Right arrows step one frame, Home and End go to the start and end, "
                "S splits the clip at the playhead, Delete removes the selected clip."
            )
        )

    # -- state -----------------------------------------------------------------------------

    def show_edit(self, edit: VideoEdit, durations: Mapping[str, float]) -> None:
        """Show `edit`, whose sources last `durations` seconds; emits nothing. A clip whose
        source's length is not known yet is left out until it is. A drag in progress survives
        only if the edit did not change under it."""
        known = {source: durations.get(source, 0.0) for source in edit.sources}
        if self._drag is not None and (edit != self._edit or known != self._durations):
            self._drag = None
        self._edit = edit
        self._durations = known
        self._placed = edit.placed(self._durations)
        self._duration = self._placed[-1].out_end if self._placed else 0.0
        self._lanes = overlay_lanes(edit.overlays)
        self._relayout()

    def set_strip(self, source: str, frames: Sequence[tuple[float, QPixmap]]) -> None:
        """The pictures of `source` at the given source times (seconds), for the clips."""
        self._strips[source] = sorted(frames, key=lambda item: item[0])
        self._scaled = {key: value for key, value in self._scaled.items() if key[0] != source}
        self.update()

    def set_playhead(self, t: float) -> None:
        """Move the playhead to output time `t`, scrolling it into view when zoomed in."""
        self._playhead = max(0.0, t)
        if not self._fit and self._drag is None:
            self._axis = showing(self._axis, self._playhead, self._view_width(), self._duration)
        self.update()

    def set_selected_clip(self, index: int) -> None:
        """Select clip `index` (-1: none); emits nothing."""
        self._selected_clip = index
        self.update()

    def set_selected_overlay(self, index: int) -> None:
        """Select overlay `index` (-1: none); emits nothing."""
        self._selected_overlay = index
        self.update()

    def playhead(self) -> float:
        return self._playhead

    def axis(self) -> TimeAxis:
        """Where times sit across the widget now (for tests and the window's scrolling)."""
        return self._axis

    def zoom(self, factor: float, x: float | None = None) -> None:
        """Zoom by `factor` around widget x `x` (default: the playhead)."""
        anchor = self._axis.x(self._playhead) if x is None else x
        self._axis = zoomed(self._axis, factor, anchor, self._view_width(), self._duration)
        self._fit = is_fit(self._axis, self._view_width(), self._duration)
        self.update()

    def zoom_to_fit(self) -> None:
        self._fit = True
        self._relayout()

    # -- geometry --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(800, HEIGHT)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._relayout()

    def _view_width(self) -> float:
        return max(1.0, self.width() - GUTTER - PAD_LEFT - PAD_RIGHT)

    def _fit_axis(self) -> TimeAxis:
        return fit_axis(GUTTER + PAD_LEFT, self._view_width(), self._duration)

    def _relayout(self) -> None:
        if self._fit:
            self._axis = self._fit_axis()
        else:
            self._axis = scrolled(self._axis, 0.0, self._view_width(), self._duration)
            self._fit = is_fit(self._axis, self._view_width(), self._duration)
            if self._fit:
                self._axis = self._fit_axis()
        self.update()

    def clip_rect(self, index: int) -> QRectF:
        """Where clip `index` is drawn (empty when it plays nothing)."""
        for block in self._blocks():
            if block.placed.index == index:
                return QRectF(block.left, CLIPS_TOP, block.right - block.left, CLIPS_HEIGHT)
        return QRectF()

    def overlay_rect(self, index: int) -> QRectF:
        """Where overlay `index`'s bar is drawn."""
        edit = self._shown_edit()
        if edit is None or not 0 <= index < len(edit.overlays):
            return QRectF()
        return self._overlay_rect(edit.overlays[index], index)

    def _overlay_rect(self, overlay: Overlay, index: int) -> QRectF:
        lanes = max(self._lanes, default=0) + 1
        lane_height = min(OVERLAY_LANE, (OVERLAYS_HEIGHT + 2) / lanes)
        top = OVERLAYS_TOP + (OVERLAYS_HEIGHT + 2 - lanes * lane_height) / 2
        top += self._lanes[index] * lane_height
        left, right = self._axis.x(overlay.start), self._axis.x(overlay.end)
        return QRectF(left, top, max(right - left, 3.0), lane_height - 2)

    def hit(self, position: QPointF) -> Hit:
        """What a press at `position` would grab."""
        x, y = position.x(), position.y()
        if y < RULER_HEIGHT + 2:
            return Hit("ruler")
        if x < GUTTER:
            return Hit("empty")
        if CLIPS_TOP <= y <= CLIPS_TOP + CLIPS_HEIGHT:
            for block in self._blocks():
                if block.left - 2 <= x <= block.right + 2:
                    edge = min(EDGE_PIXELS, (block.right - block.left) / 3)
                    # At a cut the pointer's side of the line says which clip's edge it takes.
                    if x <= block.left + edge:
                        return Hit("clip_start", block.placed.index)
                    if x >= block.right - edge:
                        return Hit("clip_end", block.placed.index)
                    return Hit("clip", block.placed.index)
        if OVERLAYS_TOP <= y <= OVERLAYS_TOP + OVERLAYS_HEIGHT and self._edit is not None:
            for index in reversed(range(len(self._edit.overlays))):
                rect = self._overlay_rect(self._edit.overlays[index], index)
                if rect.top() <= y <= rect.bottom() and rect.left() - 3 <= x <= rect.right() + 3:
                    edge = min(EDGE_PIXELS, rect.width() / 3)
                    if x <= rect.left() + edge:
                        return Hit("overlay_start", index)
                    if x >= rect.right() - edge:
                        return Hit("overlay_end", index)
                    return Hit("overlay", index)
        return Hit("empty")

    # -- what a drag would make --------------------------------------------------------------

    def _drag_seconds(self) -> float:
        """How far the pointer has dragged, in output seconds snapped to whole frames."""
        if self._drag is None:
            return 0.0
        seconds = self._axis.seconds(self._drag.x - self._drag.press_x)
        return round(seconds * OUTPUT_FPS) / OUTPUT_FPS

    def _dragged_edge(self, t: float) -> float:
        """Where an edge that was at output time `t` is dragged to: on the playhead when it
        comes within `MAGNET_PIXELS` of it, else moved by whole frames."""
        if self._drag is None:
            return t
        pointer = t + self._axis.seconds(self._drag.x - self._drag.press_x)
        if abs(self._axis.x(pointer) - self._axis.x(self._playhead)) <= MAGNET_PIXELS:
            return self._playhead
        return t + self._drag_seconds()

    def _trimmed(self) -> tuple[VideoEdit, float] | None:
        """The edit as the trim being dragged makes it, and how far the trimmed clip is drawn
        shifted (a start trim keeps the clip's end where it was)."""
        drag, edit = self._drag, self._edit
        if edit is None or drag is None or drag.hit.kind not in ("clip_start", "clip_end"):
            return None
        if not drag.moved:  # a press on an edge near the playhead must not jump to it
            return None
        index = drag.hit.index
        placed = next(item for item in self._placed if item.index == index)
        speed = placed.clip.speed
        if drag.hit.kind == "clip_start":
            edge = self._dragged_edge(placed.out_start)
            start = placed.source_start + (edge - placed.out_start) * speed
            trimmed = trim_clip(edit, self._durations, index, start, placed.source_end)
        else:
            edge = self._dragged_edge(placed.out_end)
            end = placed.source_start + (edge - placed.out_start) * speed
            trimmed = trim_clip(edit, self._durations, index, placed.source_start, end)
        if drag.hit.kind == "clip_end":
            return trimmed, 0.0
        after = next(item for item in trimmed.placed(self._durations) if item.index == index)
        return trimmed, (placed.out_end - placed.out_start) - (after.out_end - after.out_start)

    def _retimed(self) -> VideoEdit | None:
        """The edit as the overlay being dragged makes it."""
        drag, edit = self._drag, self._edit
        if edit is None or drag is None or not drag.hit.kind.startswith("overlay"):
            return None
        if not drag.moved:
            return None
        overlay = edit.overlays[drag.hit.index]
        start, end = overlay.start, overlay.end
        if drag.hit.kind == "overlay":
            delta = min(max(self._drag_seconds(), -start), max(0.0, self._duration - end))
            start, end = start + delta, end + delta
        elif drag.hit.kind == "overlay_start":
            start = min(self._dragged_edge(start), end - FRAME)
        else:
            end = max(self._dragged_edge(end), start + FRAME)
        return time_overlay(edit, self._durations, drag.hit.index, start, end)

    def _shown_edit(self) -> VideoEdit | None:
        trimmed = self._trimmed()
        if trimmed is not None:
            return trimmed[0]
        return self._retimed() or self._edit

    def _blocks(self) -> list[_Block]:
        trimmed = self._trimmed()
        if trimmed is None:
            placed, shift, shifted = self._placed, 0.0, -1
        else:
            placed = trimmed[0].placed(self._durations)
            shift = trimmed[1]
            shifted = self._drag.hit.index if self._drag is not None else -1
        blocks = []
        for item in placed:
            # A start trim shows the trimmed clip and those after it where they were.
            offset = shift if shift and item.index >= shifted else 0.0
            left = self._axis.x(item.out_start + offset)
            right = self._axis.x(item.out_end + offset)
            blocks.append(_Block(item, left + _CLIP_GAP, right - _CLIP_GAP, offset))
        return blocks

    def _move_target(self) -> tuple[int, float] | None:
        drag = self._drag
        if drag is None or drag.hit.kind != "clip" or not drag.moved or self._edit is None:
            return None
        return drop_slot(self._placed, len(self._edit.clips), drag.hit.index, self._axis.t(drag.x))

    # -- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self._edit is None:
            super().mousePressEvent(event)
            return
        x = event.position().x()
        hit = self.hit(event.position())
        self._drag = _Drag(hit, x, x)
        if hit.kind in ("ruler", "empty"):
            if hit.kind == "empty":
                self._select(-1, -1)
            self._seek_to(x)
        elif hit.kind.startswith("clip"):
            self._select(hit.index, -1)
        else:
            self._select(-1, hit.index)
        self._set_cursor(hit, pressed=True)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x = event.position().x()
        drag = self._drag
        if drag is None:
            hit = self.hit(event.position())
            self._set_cursor(hit, pressed=False)
            self.setToolTip(self._tooltip(hit))
            if hit != self._hover:
                self._hover = hit
                self.update()
            return
        drag.x = x
        if abs(x - drag.press_x) >= QApplication.startDragDistance():
            drag.moved = True
        if drag.hit.kind in ("ruler", "empty"):
            self._seek_to(x)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        drag = self._drag
        if event.button() != Qt.MouseButton.LeftButton or drag is None:
            return
        drag.x = event.position().x()
        target = self._move_target()
        trimmed = self._trimmed()
        retimed = self._retimed()
        self._drag = None
        self._set_cursor(self.hit(event.position()), pressed=False)
        self.update()
        index = drag.hit.index
        if target is not None and target[0] != index:
            self.move_requested.emit(index, target[0])
        elif trimmed is not None and trimmed[0] != self._edit:
            placed = next(
                item for item in trimmed[0].placed(self._durations) if item.index == index
            )
            self.trim_requested.emit(index, placed.source_start, placed.source_end)
        elif retimed is not None and retimed != self._edit:
            overlay = retimed.overlays[index]
            self.overlay_timing_requested.emit(index, overlay.start, overlay.end)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta()
        steps = (delta.y() or delta.x()) / 120
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.25**steps, event.position().x())
        else:
            pixels = event.pixelDelta()
            moved = -(pixels.y() or pixels.x()) if not pixels.isNull() else -steps * 60
            self._axis = scrolled(self._axis, moved, self._view_width(), self._duration)
            self.update()
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._hover = Hit("empty")
        if self._drag is None:
            self.unsetCursor()
        self.update()

    def _select(self, clip: int, overlay: int) -> None:
        """Select one clip or one overlay (or neither), telling the window what changed."""
        if overlay != self._selected_overlay:
            self._selected_overlay = overlay
            self.overlay_selected.emit(overlay)
        if clip != self._selected_clip:
            self._selected_clip = clip
            self.clip_selected.emit(clip)

    def _seek_to(self, x: float) -> None:
        self._seek_time(snap_to_frame(self._axis.t(x)))

    def _seek_time(self, t: float) -> None:
        """Move the playhead to frame time `t` (kept on the timeline) and say so."""
        t = min(max(0.0, t), last_frame_time(self._duration))
        if t != self._playhead:
            self.set_playhead(t)
            self.seek.emit(t)

    def _set_cursor(self, hit: Hit, *, pressed: bool) -> None:
        if hit.kind.endswith(("_start", "_end")):
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        elif hit.kind in ("clip", "overlay"):
            closed = Qt.CursorShape.ClosedHandCursor
            self.setCursor(closed if pressed else Qt.CursorShape.OpenHandCursor)
        else:
            self.unsetCursor()

    # -- keys, menu, tooltips ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, modifiers = event.key(), event.modifiers()
        step = 1.0 if modifiers & Qt.KeyboardModifier.ShiftModifier else FRAME
        if self._edit is None:
            super().keyPressEvent(event)
        elif key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.update()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            sign = -1 if key == Qt.Key.Key_Left else 1
            self._seek_time(snap_to_frame(self._playhead + sign * step))
        elif key == Qt.Key.Key_Home:
            self._seek_time(0.0)
        elif key == Qt.Key.Key_End:
            self._seek_time(last_frame_time(self._duration))
        elif key == Qt.Key.Key_S and not modifiers & Qt.KeyboardModifier.ControlModifier:
            self.split_requested.emit(self._playhead)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._selected_clip >= 0:
            self.delete_requested.emit(self._selected_clip)
        elif modifiers & Qt.KeyboardModifier.ControlModifier and key in (
            Qt.Key.Key_Plus,
            Qt.Key.Key_Equal,
        ):
            self.zoom(1.5)
        elif modifiers & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_Minus:
            self.zoom(1 / 1.5)
        elif modifiers & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_0:
            self.zoom_to_fit()
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        if self._edit is None:
            return
        menu = self.context_menu(QPointF(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, position: QPointF) -> QMenu:
        """The menu a right-click at `position` opens (selecting the clip under it)."""
        hit = self.hit(position)
        if hit.kind.startswith("clip"):
            self._select(hit.index, -1)
            self.update()
        menu = QMenu(self)
        split = QAction(self.tr("Split at playhead"), menu)
        split.setShortcut("S")
        split.triggered.connect(lambda: self.split_requested.emit(self._playhead))
        menu.addAction(split)
        if hit.kind.startswith("clip"):
            delete = QAction(self.tr("Delete clip"), menu)
            delete.setShortcut("Del")
            delete.setEnabled(self._edit is not None and len(self._edit.clips) > 1)
            delete.triggered.connect(lambda: self.delete_requested.emit(hit.index))
            menu.addAction(delete)
        menu.addSeparator()
        fit = QAction(self.tr("Show the whole timeline"), menu)
        fit.setShortcut("Ctrl+0")
        fit.setEnabled(not self._fit)
        fit.triggered.connect(self.zoom_to_fit)
        menu.addAction(fit)
        return menu

    def _tooltip(self, hit: Hit) -> str:
        return {
            "ruler": self.tr("Click or drag to move the playhead"),
            "clip": self.tr("Drag to reorder · S splits at the playhead · Delete removes it"),
            "clip_start": self.tr("Drag to trim the start of this clip"),
            "clip_end": self.tr("Drag to trim the end of this clip"),
            "overlay": self.tr("Drag to move when this shows"),
            "overlay_start": self.tr("Drag to change when this appears"),
            "overlay_end": self.tr("Drag to change when this disappears"),
        }.get(hit.kind, "")

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), BACKGROUND)
        width = float(self.width())
        painter.save()
        painter.setClipRect(QRectF(GUTTER, 0, width - GUTTER, self.height()))
        for top, height in (
            (CLIPS_TOP, CLIPS_HEIGHT),
            (OVERLAYS_TOP, OVERLAYS_HEIGHT),
            (MUSIC_TOP, MUSIC_HEIGHT),
        ):
            painter.fillRect(QRectF(GUTTER, top, width - GUTTER, height), LANE)
        edit = self._shown_edit()
        if edit is None:
            painter.fillRect(QRectF(GUTTER, 0, width - GUTTER, RULER_HEIGHT), BACKGROUND)
            painter.setPen(MUTED)
            painter.setFont(font(12))
            painter.drawText(
                QRectF(GUTTER, CLIPS_TOP, width - GUTTER, CLIPS_HEIGHT),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("The clips of the video show here."),
            )
            painter.restore()
            self._paint_gutter(painter)
            return
        ruler = QRectF(GUTTER, 0, width - GUTTER, RULER_HEIGHT)
        draw_ruler(painter, self._axis, ruler, self._duration)
        self._paint_clips(painter)
        self._paint_overlays(painter, edit)
        self._paint_music(painter, edit)
        target = self._move_target()
        if target is not None and self._drag is not None and target[0] != self._drag.hit.index:
            x = self._axis.x(target[1])
            painter.setPen(round_pen(SELECTION, 3))
            painter.drawLine(QPointF(x, CLIPS_TOP - 3), QPointF(x, CLIPS_TOP + CLIPS_HEIGHT + 3))
        draw_playhead(painter, self._axis.x(self._playhead), 0, self.height())
        self._paint_scroll(painter)
        painter.restore()
        self._paint_gutter(painter)

    def _paint_gutter(self, painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, GUTTER, self.height()), BACKGROUND)
        painter.setPen(QPen(LINE, 1))
        painter.drawLine(QPointF(GUTTER - 0.5, 0), QPointF(GUTTER - 0.5, self.height()))
        middle = GUTTER / 2
        draw_film_icon(painter, QPointF(middle, CLIPS_TOP + CLIPS_HEIGHT / 2))
        draw_text_icon(painter, QPointF(middle, OVERLAYS_TOP + OVERLAYS_HEIGHT / 2))
        draw_note_icon(painter, QPointF(middle, MUSIC_TOP + MUSIC_HEIGHT / 2))

    def _paint_clips(self, painter: QPainter) -> None:
        drag = self._drag
        dragged = drag.hit.index if drag is not None and self._move_target() else -1
        lifted: _Block | None = None
        for block in self._blocks():
            if block.right < GUTTER or block.left > self.width():
                continue
            if block.placed.index == dragged:
                lifted = block
                painter.setOpacity(0.3)
            self._paint_clip(
                painter,
                block,
                QRectF(block.left, CLIPS_TOP, block.right - block.left, CLIPS_HEIGHT),
            )
            painter.setOpacity(1.0)
        if lifted is not None and drag is not None:
            dx = drag.x - drag.press_x
            rect = QRectF(lifted.left + dx, CLIPS_TOP - 4, lifted.right - lifted.left, CLIPS_HEIGHT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 110))
            painter.drawRoundedRect(rect.translated(0, 4), _RADIUS, _RADIUS)
            painter.setOpacity(0.9)
            self._paint_clip(painter, lifted, rect)
            painter.setOpacity(1.0)

    def _paint_clip(self, painter: QPainter, block: _Block, rect: QRectF) -> None:
        placed = block.placed
        clip = placed.clip
        shape = QPainterPath()
        shape.addRoundedRect(rect, _RADIUS, _RADIUS)
        painter.save()
        painter.setClipPath(shape, Qt.ClipOperation.IntersectClip)
        painter.fillRect(rect, CLIP_EMPTY)
        self._paint_thumbnails(painter, block, rect)
        painter.fillRect(
            QRectF(rect.left(), rect.top(), rect.width(), 22), QColor(0, 0, 0, 40)
        )  # keeps the badges legible over bright frames
        painter.restore()
        selected = placed.index == self._selected_clip
        hovered = self._drag is None and self._hover.index == placed.index
        hovered = hovered and self._hover.kind.startswith("clip")
        if selected:
            border = QPen(SELECTION, 2)
        else:
            border = QPen(QColor(255, 255, 255, 110 if hovered else 28), 1)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(border)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), _RADIUS, _RADIUS)
        if rect.width() > 34:
            painter.save()
            painter.setClipRect(rect.adjusted(2, 0, -2, 0))
            # The badges stay in view while the clip's start is scrolled off to the left.
            left = max(rect.left() + 13, GUTTER + 5.0)
            corner = QPointF(left, rect.top() + 4)
            badge = draw_badge(painter, corner, clock(placed.out_end - placed.out_start))
            if clip.speed != 1.0:
                speed = f"{clip.speed:g}×"
                draw_badge(painter, QPointF(badge.right() + 4, badge.top()), speed)
            if clip.mute:
                draw_muted(painter, QPointF(corner.x(), rect.bottom() - 19))
            painter.restore()
        handle = 10.0
        starts = QRectF(rect.left(), rect.top(), handle, rect.height())
        ends = QRectF(rect.right() - handle, rect.top(), handle, rect.height())
        if selected:
            draw_handle(painter, starts, left=True)
            draw_handle(painter, ends, left=False)
        elif hovered and self._hover.kind != "clip":
            # A faint handle says "this edge trims" before the creator presses.
            painter.setOpacity(0.55)
            at_start = self._hover.kind == "clip_start"
            draw_handle(painter, starts if at_start else ends, left=at_start)
            painter.setOpacity(1.0)

    def _paint_thumbnails(self, painter: QPainter, block: _Block, rect: QRectF) -> None:
        strip = self._strips.get(block.placed.clip.source)
        if not strip:
            return
        height = int(rect.height())
        first = self._scaled_pixmap(block.placed.clip.source, 0, height)
        slot = max(4.0, first.width() / first.devicePixelRatio())
        left = max(rect.left(), float(GUTTER)) - rect.left()
        right = min(rect.right(), float(self.width()))
        index = int(left // slot)
        times = [t for t, _pixmap in strip]
        while rect.left() + index * slot < right:
            x = rect.left() + index * slot
            shown = self._axis.t(x + slot / 2) - block.shift
            source_time = block.placed.source_time(min(shown, block.placed.out_end))
            nearest = _nearest(times, source_time)
            painter.drawPixmap(
                QPointF(x, rect.top()),
                self._scaled_pixmap(block.placed.clip.source, nearest, height),
            )
            index += 1

    def _scaled_pixmap(self, source: str, index: int, height: int) -> QPixmap:
        key = (source, index, height)
        pixmap = self._scaled.get(key)
        if pixmap is None:
            ratio = self.devicePixelRatioF()
            original = self._strips[source][index][1]
            pixmap = original.scaledToHeight(
                max(1, round(height * ratio)), Qt.TransformationMode.SmoothTransformation
            )
            pixmap.setDevicePixelRatio(ratio)
            self._scaled[key] = pixmap
        return pixmap

    def _paint_overlays(self, painter: QPainter, edit: VideoEdit) -> None:
        painter.setFont(font(10, bold=True))
        for index, overlay in enumerate(edit.overlays):
            rect = self._overlay_rect(overlay, index)
            if rect.right() < GUTTER or rect.left() > self.width():
                continue
            color = _overlay_color(overlay)
            selected = index == self._selected_overlay
            painter.setPen(QPen(SELECTION, 1.5) if selected else QPen(color.lighter(125), 1))
            painter.setBrush(color if selected else color.darker(115))
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            if rect.width() > 16:
                painter.setPen(QColor("#241A08") if color == TEXT_OVERLAY else TEXT)
                text_rect = QRectF(rect).adjusted(6, 0, -4, 0)
                text_rect.setLeft(max(text_rect.left(), GUTTER + 6.0))
                label = painter.fontMetrics().elidedText(
                    self._overlay_label(overlay),
                    Qt.TextElideMode.ElideRight,
                    int(text_rect.width()),
                )
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, label)

    def _overlay_label(self, overlay: Overlay) -> str:
        if isinstance(overlay.layer, TextLayer):
            return overlay.layer.text.replace("\n", " ")
        return self.tr("Sticker")

    def _paint_music(self, painter: QPainter, edit: VideoEdit) -> None:
        music = edit.music
        if music is None:
            return
        left = self._axis.x(0.0)
        right = self._axis.x(self._duration)
        rect = QRectF(left, MUSIC_TOP + 1, right - left, MUSIC_HEIGHT - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MUSIC.darker(260))
        painter.drawRoundedRect(rect, 4, 4)
        # The fades: the bar's brighter body ramps up and down over the fade lengths.
        fade_in = music.fade_in * self._axis.pixels_per_second
        fade_out = music.fade_out * self._axis.pixels_per_second
        body = QPainterPath()
        body.moveTo(rect.left(), rect.bottom())
        body.lineTo(rect.left() + fade_in, rect.top())
        body.lineTo(rect.right() - fade_out, rect.top())
        body.lineTo(rect.right(), rect.bottom())
        body.closeSubpath()
        clip = QPainterPath()
        clip.addRoundedRect(rect, 4, 4)
        painter.setBrush(MUSIC)
        painter.drawPath(body.intersected(clip))
        draw_note_icon(painter, QPointF(max(rect.left(), GUTTER) + 10, rect.center().y() + 1), TEXT)
        painter.setFont(font(10, bold=True))
        painter.setPen(TEXT)
        label = self.tr("Music · {volume}%").format(volume=round(music.volume * 100))
        painter.drawText(
            QRectF(max(rect.left(), GUTTER) + 20, rect.top(), 200, rect.height()),
            Qt.AlignmentFlag.AlignVCenter,
            label,
        )

    def _paint_scroll(self, painter: QPainter) -> None:
        if self._fit or self._duration <= 0:
            return
        width = self._view_width()
        shown = self._axis.seconds(width) / self._duration
        left = GUTTER + PAD_LEFT + self._axis.scroll / self._duration * width
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 60))
        painter.drawRoundedRect(QRectF(left, HEIGHT - 7, max(24.0, shown * width), 4), 2, 2)


def _overlay_color(overlay: Overlay) -> QColor:
    if overlay.subtitle:
        return SUBTITLE_OVERLAY
    return TEXT_OVERLAY if isinstance(overlay.layer, TextLayer) else STICKER_OVERLAY


def _nearest(times: Sequence[float], t: float) -> int:
    """The index of the time in sorted `times` closest to `t`."""
    index = bisect.bisect_left(times, t)
    if index == 0:
        return 0
    if index == len(times):
        return len(times) - 1
    return index if times[index] - t < t - times[index - 1] else index - 1
