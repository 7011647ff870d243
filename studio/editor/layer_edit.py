"""Editing text and sticker layers by hand, in plain Python: hit testing and gestures.

The canvas works in the pixels of the picture it shows (the cropped frame at preview size);
a recipe keeps fractions of that frame. Each function here takes the recipe a gesture started
from and returns the new one, so a drag previews `moved(start, …)` at every mouse move and
commits the last one on release, and undo is the history's business. Boxes come from the
engine (`editor.overlay.layer_bounds`), so what is grabbed is what is drawn.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from enum import Enum

from editor.errors import EditorError
from editor.layers import MAX_LAYERS, MAX_LINES, MAX_TEXT_LENGTH, Layer, TextLayer
from editor.overlay import LayerBounds
from editor.recipe import Recipe

Point = tuple[float, float]

TEXT_SIZE_RANGE = (0.005, 0.5)
"""A text's size, as a fraction of the frame height (`TextLayer.size`)."""
STICKER_WIDTH_RANGE = (0.01, 1.5)
"""A sticker's width, as a fraction of the frame width (`StickerLayer.width`)."""
SNAP_DEGREES = 15.0
DUPLICATE_OFFSET = 0.03
"""How far (fraction of the frame) a copy lands from its original, so both can be seen."""

# What a text field may hold that a recipe refuses: tabs become spaces, other control
# characters go, Unicode line and paragraph separators become line breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Handle(Enum):
    """What the pointer grabbed on the selected layer."""

    MOVE = "move"
    SCALE = "scale"
    ROTATE = "rotate"


# ------------------------------------------------------------------------------ geometry


def _turn(point: Point, degrees: float) -> Point:
    """`point` turned by `degrees` clockwise (y points down) about the origin."""
    angle = math.radians(degrees)
    cos, sin = math.cos(angle), math.sin(angle)
    return (point[0] * cos - point[1] * sin, point[0] * sin + point[1] * cos)


def to_local(bounds: LayerBounds, point: Point) -> Point:
    """`point` in the layer's own upright frame, relative to its centre."""
    return _turn((point[0] - bounds.x, point[1] - bounds.y), -bounds.rotation)


def to_frame(bounds: LayerBounds, local: Point) -> Point:
    """A point of the layer's upright frame (relative to its centre) in frame pixels."""
    dx, dy = _turn(local, bounds.rotation)
    return (bounds.x + dx, bounds.y + dy)


def corners(bounds: LayerBounds) -> list[Point]:
    """The box's corners in frame pixels: top left, top right, bottom right, bottom left."""
    half_w, half_h = bounds.width / 2, bounds.height / 2
    return [
        to_frame(bounds, (sx * half_w, sy * half_h))
        for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))
    ]


def rotation_handle(bounds: LayerBounds, distance: float) -> Point:
    """Where the rotation knob sits: `distance` pixels above the middle of the box's top."""
    return to_frame(bounds, (0.0, -bounds.height / 2 - distance))


def contains(bounds: LayerBounds, point: Point, margin: float = 0.0) -> bool:
    """Whether `point` is inside the (turned) box grown by `margin` pixels on every side."""
    x, y = to_local(bounds, point)
    return abs(x) <= bounds.width / 2 + margin and abs(y) <= bounds.height / 2 + margin


def layer_at(boxes: Sequence[LayerBounds | None], point: Point, margin: float = 0.0) -> int | None:
    """The index of the topmost layer under `point` (the last one drawn), or None.

    `boxes` are the layers' boxes in recipe order; None for a layer that cannot be measured.
    """
    for index in range(len(boxes) - 1, -1, -1):
        box = boxes[index]
        if box is not None and contains(box, point, margin):
            return index
    return None


def handle_at(
    bounds: LayerBounds, point: Point, *, reach: float, knob_distance: float
) -> Handle | None:
    """The handle of the selected layer under `point`: the rotation knob, a corner (scale),
    the inside (move), or None. `reach` is how near counts, in frame pixels."""

    def near(spot: Point) -> bool:
        return math.dist(spot, point) <= reach

    if near(rotation_handle(bounds, knob_distance)):
        return Handle.ROTATE
    if any(near(corner) for corner in corners(bounds)):
        return Handle.SCALE
    return Handle.MOVE if contains(bounds, point) else None


# ------------------------------------------------------------------------------- gestures


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def fold_degrees(degrees: float) -> float:
    """Degrees folded into (−180, 180], as a recipe keeps them."""
    folded = degrees % 360.0
    return folded - 360.0 if folded > 180.0 else folded


def replaced(recipe: Recipe, index: int, layer: Layer) -> Recipe:
    """`recipe` with layer `index` replaced."""
    layers = list(recipe.layers)
    layers[index] = layer
    return replace(recipe, layers=tuple(layers))


def moved(recipe: Recipe, index: int, dx: float, dy: float, size: tuple[int, int]) -> Recipe:
    """Layer `index` moved by (`dx`, `dy`) frame pixels of a `size` (width, height) frame; its
    centre stays inside the frame, as a recipe requires."""
    layer = recipe.layers[index]
    width, height = size
    return replaced(
        recipe,
        index,
        replace(
            layer,
            x=_clamp(layer.x + dx / width, 0.0, 1.0),
            y=_clamp(layer.y + dy / height, 0.0, 1.0),
        ),
    )


def placed_at(recipe: Recipe, index: int, x: float, y: float) -> Recipe:
    """Layer `index` with its centre at (`x`, `y`), fractions of the frame (clamped)."""
    layer = recipe.layers[index]
    return replaced(recipe, index, replace(layer, x=_clamp(x, 0.0, 1.0), y=_clamp(y, 0.0, 1.0)))


def scaled(recipe: Recipe, index: int, factor: float) -> Recipe:
    """Layer `index` made `factor` times as large about its centre (a text's size, a
    sticker's width), within the sizes a recipe allows."""
    layer = recipe.layers[index]
    if isinstance(layer, TextLayer):
        grown: Layer = replace(layer, size=_clamp(layer.size * factor, *TEXT_SIZE_RANGE))
    else:
        grown = replace(layer, width=_clamp(layer.width * factor, *STICKER_WIDTH_RANGE))
    return replaced(recipe, index, grown)


def scale_factor(centre: Point, grab: Point, pointer: Point) -> float:
    """How much a corner drag from `grab` to `pointer` scales a box about `centre`."""
    start = math.dist(centre, grab)
    return math.dist(centre, pointer) / start if start > 0 else 1.0


def turned(recipe: Recipe, index: int, degrees: float) -> Recipe:
    """Layer `index` with its rotation set to `degrees` (folded into (−180, 180])."""
    layer = recipe.layers[index]
    return replaced(recipe, index, replace(layer, rotation=fold_degrees(degrees)))


def drag_rotation(
    centre: Point, grab: Point, pointer: Point, start: float, *, snap: bool = False
) -> float:
    """The rotation after dragging the knob from `grab` to `pointer` around `centre`, starting
    at `start` degrees; `snap` rounds it to a multiple of 15°."""
    before = math.atan2(grab[1] - centre[1], grab[0] - centre[0])
    after = math.atan2(pointer[1] - centre[1], pointer[0] - centre[0])
    degrees = start + math.degrees(after - before)
    if snap:
        degrees = SNAP_DEGREES * round(degrees / SNAP_DEGREES)
    return fold_degrees(degrees)


def snap_to_centre(
    point: Point, size: tuple[int, int], reach: float
) -> tuple[Point, tuple[bool, bool]]:
    """A dragged centre pulled onto the frame's centre lines when within `reach` pixels.

    Returns:
        The point, and whether it sits on the vertical and on the horizontal centre line
        (the guides to draw).
    """
    middle_x, middle_y = size[0] / 2, size[1] / 2
    on_x = abs(point[0] - middle_x) <= reach
    on_y = abs(point[1] - middle_y) <= reach
    return (middle_x if on_x else point[0], middle_y if on_y else point[1]), (on_x, on_y)


# ----------------------------------------------------------------------- the layer stack


def added(recipe: Recipe, layer: Layer) -> tuple[Recipe, int]:
    """`recipe` with `layer` on top, and its index.

    Raises:
        EditorError: ``layers.too_many`` (``max``) when the recipe holds all it may.
    """
    if len(recipe.layers) >= MAX_LAYERS:
        raise EditorError("layers.too_many", {"max": MAX_LAYERS})
    return replace(recipe, layers=(*recipe.layers, layer)), len(recipe.layers)


def free_spot(recipe: Recipe, x: float, y: float) -> tuple[float, float]:
    """(`x`, `y`), or a little down and to the right of it for as long as a layer's centre
    is already there: a second title added at the centre does not hide the first."""
    taken = {(round(layer.x, 3), round(layer.y, 3)) for layer in recipe.layers}
    while (round(x, 3), round(y, 3)) in taken and x < 1.0 and y < 1.0:
        x, y = min(x + DUPLICATE_OFFSET, 1.0), min(y + DUPLICATE_OFFSET, 1.0)
    return x, y


def duplicated(recipe: Recipe, index: int) -> tuple[Recipe, int]:
    """A copy of layer `index` just above it, a little down and to the right, and its index.

    Raises:
        EditorError: ``layers.too_many`` (``max``).
    """
    if len(recipe.layers) >= MAX_LAYERS:
        raise EditorError("layers.too_many", {"max": MAX_LAYERS})
    layer = recipe.layers[index]
    copy = replace(
        layer,
        x=_clamp(layer.x + DUPLICATE_OFFSET, 0.0, 1.0),
        y=_clamp(layer.y + DUPLICATE_OFFSET, 0.0, 1.0),
    )
    layers = list(recipe.layers)
    layers.insert(index + 1, copy)
    return replace(recipe, layers=tuple(layers)), index + 1


def reordered(recipe: Recipe, index: int, offset: int) -> tuple[Recipe, int]:
    """Layer `index` moved `offset` places up the stack (+1 brings it forward, −1 sends it
    back), stopping at the top and the bottom; and its new index."""
    target = int(_clamp(index + offset, 0, len(recipe.layers) - 1))
    layers = list(recipe.layers)
    layers.insert(target, layers.pop(index))
    return replace(recipe, layers=tuple(layers)), target


def deleted(recipe: Recipe, index: int) -> Recipe:
    layers = list(recipe.layers)
    del layers[index]
    return replace(recipe, layers=tuple(layers))


# ----------------------------------------------------------------------------------- text


def clean_text(text: str) -> str:
    """What a typed text may become in a recipe: tabs as spaces, no other control
    characters, Unicode separators as line breaks, at most 200 characters and 21 lines.
    An empty or blank result means "nothing to draw" (a recipe refuses blank text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    text = "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)
    lines = text.split("\n")[: MAX_LINES + 1]
    return "\n".join(lines)[:MAX_TEXT_LENGTH]
