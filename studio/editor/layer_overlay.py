"""Text and stickers edited on the photo: the selected layer's box, its handles and the
mouse and keys that move, scale, turn, nudge and delete it.

`LayerTool` is a `CanvasTool`: the canvas hands it the mouse and keys first and lets it draw
over the photo. Boxes come from the engine (`editor.overlay.layer_bounds`, measured on the
picture the canvas shows), the arithmetic from `layer_edit`; the tool only turns gestures into
recipes — `previewed` while the mouse moves, `committed` once when it is let go — and keeps
which layer is selected, like the panels keep nothing of their own but what they show.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen, QPolygonF

from editor.brand import DEFAULT_BRAND
from editor.errors import EditorError
from editor.layers import TextLayer
from editor.overlay import LayerBounds, LayerCache, layer_bounds
from editor.recipe import Recipe
from editor.stickers import StickerResolver
from editor.stickers import load_builtin as builtin_stickers
from studio.editor.canvas import PhotoCanvas
from studio.editor.layer_edit import (
    Handle,
    Point,
    corners,
    deleted,
    drag_rotation,
    handle_at,
    layer_at,
    moved,
    placed_at,
    rotation_handle,
    scale_factor,
    scaled,
    snap_to_centre,
    turned,
)
from studio.style import ACCENT

HANDLE_REACH = 10.0
"""How near (in screen pixels) the pointer must be to a handle to grab it."""
KNOB_DISTANCE = 26.0
"""How far (in screen pixels) the rotation knob sits above the box."""
SNAP_REACH = 6.0
"""How near (in screen pixels) a dragged centre snaps onto the frame's centre lines."""
NUDGE_LARGE = 10
_CURSORS = {
    Handle.MOVE: Qt.CursorShape.SizeAllCursor,
    Handle.SCALE: Qt.CursorShape.SizeFDiagCursor,
    Handle.ROTATE: Qt.CursorShape.PointingHandCursor,
}
_ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
_CACHE_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class _Drag:
    handle: Handle
    index: int
    start: Recipe
    grab: Point
    box: LayerBounds


class LayerTool(QObject):
    """The layer handles on the canvas; `selection_changed(index | None)` when a click picks
    another layer, `text_edit_requested(index)` on a double-click of a text."""

    previewed = Signal(object)
    """A Recipe to render while a layer is dragged or nudged; not a history step."""
    committed = Signal(object)
    """A Recipe that is one undo step (a drag let go, a nudge, a delete)."""
    selection_changed = Signal(object)
    text_edit_requested = Signal(int)

    def __init__(
        self,
        canvas: PhotoCanvas,
        stickers: StickerResolver = builtin_stickers,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._canvas = canvas
        self._stickers = stickers
        self._cache = LayerCache(_CACHE_BYTES)
        self._recipe = Recipe()
        """The current step, which gestures start from."""
        self._shown = Recipe()
        """What is on screen: the step, or a gesture's (or a panel's) preview."""
        self._selected: int | None = None
        self._hovered: int | None = None
        self._drag: _Drag | None = None
        self._nudged: Recipe | None = None
        self._guides = (False, False)

    # -- the contract with the editor ------------------------------------------------------

    @property
    def selected(self) -> int | None:
        return self._selected

    def set_recipe(self, recipe: Recipe) -> None:
        """The current step (after a commit, an undo, another photo); emits nothing."""
        self._recipe = self._shown = recipe
        self._drag = self._nudged = None
        if self._selected is not None and self._selected >= len(recipe.layers):
            self._selected = None
        self._canvas.update()

    def show_recipe(self, recipe: Recipe) -> None:
        """A preview from elsewhere (a panel's slider, typing): the box follows it."""
        self._shown = recipe
        self._canvas.update()

    def select(self, index: int | None) -> None:
        """Select layer `index` (None: none); emits nothing."""
        if index is not None and not 0 <= index < len(self._recipe.layers):
            index = None
        if index != self._selected:
            self._selected = index
            self._canvas.update()

    def box(self, index: int, recipe: Recipe | None = None) -> LayerBounds | None:
        """Layer `index`'s box in the shown picture's pixels; None when it cannot be measured
        (no picture yet, a sticker that cannot be found)."""
        recipe = recipe or self._shown
        image = self._canvas.image()
        if image.isNull() or not 0 <= index < len(recipe.layers):
            return None
        layer = (recipe.brand or DEFAULT_BRAND).resolve(recipe.layers[index])
        try:
            return layer_bounds(
                layer,
                image.width(),
                image.height(),
                stickers=self._stickers,
                cache=self._cache,
            )
        except EditorError:
            return None

    # -- mouse -----------------------------------------------------------------------------

    def _point(self, event: QMouseEvent) -> Point:
        point = self._canvas.to_image(event.position())
        return (point.x(), point.y())

    def _reach(self, screen_pixels: float) -> float:
        return screen_pixels / self._canvas.view_scale()

    def _grabbed(self, point: Point) -> Handle | None:
        if self._selected is None:
            return None
        box = self.box(self._selected)
        if box is None:
            return None
        return handle_at(
            box, point, reach=self._reach(HANDLE_REACH), knob_distance=self._reach(KNOB_DISTANCE)
        )

    def _layer_under(self, point: Point) -> int | None:
        boxes = [self.box(index) for index in range(len(self._shown.layers))]
        return layer_at(boxes, point, margin=self._reach(2.0))

    def _pick(self, index: int | None) -> None:
        if index != self._selected:
            self.select(index)
            self.selection_changed.emit(index)

    def mouse_press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        point = self._point(event)
        handle = self._grabbed(point)
        if handle is None:
            index = self._layer_under(point)
            self._pick(index)
            if index is None:
                return False  # the empty photo: deselected, and the canvas may pan
            handle = Handle.MOVE
        assert self._selected is not None
        box = self.box(self._selected, self._recipe)
        if box is None:
            return True
        self._drag = _Drag(handle, self._selected, self._recipe, point, box)
        self._canvas.setCursor(self._cursor(handle, point))
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        point = self._point(event)
        drag = self._drag
        if drag is None:
            self._hover(point)
            return False
        centre = (drag.box.x, drag.box.y)
        if drag.handle is Handle.MOVE:
            image = self._canvas.image()
            size = (image.width(), image.height())
            wanted = (
                centre[0] + point[0] - drag.grab[0],
                centre[1] + point[1] - drag.grab[1],
            )
            snapped, self._guides = snap_to_centre(wanted, size, self._reach(SNAP_REACH))
            recipe = placed_at(drag.start, drag.index, snapped[0] / size[0], snapped[1] / size[1])
        elif drag.handle is Handle.SCALE:
            recipe = scaled(drag.start, drag.index, scale_factor(centre, drag.grab, point))
        else:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            start = drag.start.layers[drag.index].rotation
            degrees = drag_rotation(centre, drag.grab, point, start, snap=shift)
            recipe = turned(drag.start, drag.index, degrees)
        if recipe != self._shown:
            self._shown = recipe
            self.previewed.emit(recipe)
        self._canvas.update()
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        drag, self._drag = self._drag, None
        if drag is None:
            return False
        self._guides = (False, False)
        if self._shown != drag.start:
            self.committed.emit(self._shown)
        self._hover(self._point(event))
        self._canvas.update()
        return True

    def mouse_double_click(self, event: QMouseEvent) -> bool:
        index = self._layer_under(self._point(event))
        if index is None:
            return False
        self._pick(index)
        if isinstance(self._shown.layers[index], TextLayer):
            self.text_edit_requested.emit(index)
        return True

    def _cursor(self, handle: Handle, point: Point) -> Qt.CursorShape:
        """The pointer for a handle; a corner's diagonal follows the box's turn."""
        box = self.box(self._selected) if self._selected is not None else None
        if handle is not Handle.SCALE or box is None:
            return _CURSORS[handle]
        corner = min(corners(box), key=lambda spot: math.dist(spot, point))
        falling = (corner[0] - box.x) * (corner[1] - box.y) > 0
        return Qt.CursorShape.SizeFDiagCursor if falling else Qt.CursorShape.SizeBDiagCursor

    def _hover(self, point: Point) -> None:
        handle = self._grabbed(point)
        hovered = None if handle is not None else self._layer_under(point)
        if handle is not None:
            self._canvas.setCursor(self._cursor(handle, point))
        elif hovered is not None:
            self._canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self._canvas.unsetCursor()
        if hovered != self._hovered:
            self._hovered = hovered
            self._canvas.update()

    # -- keys ------------------------------------------------------------------------------

    def key_press(self, event: QKeyEvent) -> bool:
        index = self._selected
        if index is None or self._drag is not None:
            return False
        key = Qt.Key(event.key())
        if key in _ARROWS:
            step = NUDGE_LARGE if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            dx, dy = _ARROWS[key]
            image = self._canvas.image()
            base = self._nudged or self._recipe
            self._nudged = moved(base, index, dx * step, dy * step, (image.width(), image.height()))
            self._shown = self._nudged
            self.previewed.emit(self._nudged)
            self._canvas.update()
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._pick(None)
            self.committed.emit(deleted(self._recipe, index))
            return True
        if key == Qt.Key.Key_Escape:
            self._pick(None)
            return True
        return False

    def key_release(self, event: QKeyEvent) -> bool:
        """A nudge is one step per press (held keys repeat it until they are let go)."""
        if Qt.Key(event.key()) not in _ARROWS or event.isAutoRepeat():
            return False
        nudged, self._nudged = self._nudged, None
        if nudged is not None and nudged != self._recipe:
            self.committed.emit(nudged)
        return nudged is not None

    # -- painting --------------------------------------------------------------------------

    def _polygon(self, points: list[Point]) -> QPolygonF:
        return QPolygonF([self._canvas.to_widget(QPointF(x, y)) for x, y in points])

    def paint(self, painter: QPainter) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_guides(painter)
        hovered = self._hovered
        if hovered is not None and hovered != self._selected and self._drag is None:
            box = self.box(hovered)
            if box is not None:
                painter.setPen(QPen(QColor(255, 255, 255, 170), 1, Qt.PenStyle.DashLine))
                painter.drawPolygon(self._polygon(corners(box)))
        if self._selected is not None:
            box = self.box(self._selected)
            if box is not None:
                self._paint_selection(painter, box)
        painter.restore()

    def _paint_guides(self, painter: QPainter) -> None:
        area = self._canvas.image_rect()
        painter.setPen(QPen(QColor(ACCENT), 1, Qt.PenStyle.DashLine))
        if self._guides[0]:
            painter.drawLine(
                QPointF(area.center().x(), area.top()), QPointF(area.center().x(), area.bottom())
            )
        if self._guides[1]:
            painter.drawLine(
                QPointF(area.left(), area.center().y()), QPointF(area.right(), area.center().y())
            )

    def _paint_selection(self, painter: QPainter, box: LayerBounds) -> None:
        outline = self._polygon(corners(box))
        # A dark line under a white one reads on light and dark photos alike.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(0, 0, 0, 90), 3))
        painter.drawPolygon(outline)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.drawPolygon(outline)
        top = QPointF((outline[0].x() + outline[1].x()) / 2, (outline[0].y() + outline[1].y()) / 2)
        knob_at = rotation_handle(box, self._reach(KNOB_DISTANCE))
        knob = self._canvas.to_widget(QPointF(*knob_at))
        painter.drawLine(top, knob)
        painter.setPen(QPen(QColor(0, 0, 0, 60), 1))
        painter.setBrush(QColor("white"))
        for corner in outline:
            painter.drawEllipse(corner, 5.5, 5.5)
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(QColor(ACCENT))
        painter.drawEllipse(knob, 8, 8)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("white"), 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        arc = QRectF(knob.x() - 4, knob.y() - 4, 8, 8)
        painter.drawArc(arc, 90 * 16, 270 * 16)
        if self._drag is not None and self._drag.handle is Handle.ROTATE:
            self._paint_label(painter, knob + QPointF(0, -22), f"{box.rotation:.0f}°")

    def _paint_label(self, painter: QPainter, centre: QPointF, text: str) -> None:
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 14
        pill = QRectF(centre.x() - width / 2, centre.y() - 10, width, 20)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 170))
        painter.drawRoundedRect(pill, 10, 10)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
