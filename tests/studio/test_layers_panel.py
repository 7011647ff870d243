"""Text & stickers in the photo editor, against the real backend: add a title, type Chinese into
it, style it, drag, scale and turn it on the photo, nudge it, undo and redo every step, delete
it; pick a sticker; every step reaches the note."""

from __future__ import annotations

import uuid
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from editor.layers import StickerLayer, TextLayer
from editor.recipe import Recipe
from studio.drafts.session import SaveState
from studio.editor.layer_edit import rotation_handle
from studio.editor.layer_overlay import KNOB_DISTANCE
from tests.studio.helpers import type_text

WAIT_MS = 30_000


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A 3:4 photo: a gradient, so a red label on it changes the picture's colour."""
    ys, xs = np.mgrid[0:1200, 0:900]
    pixels = np.stack([60 + 0 * xs, 90 + 80 * ys / 1200, 140 + 60 * xs / 900], axis=-1)
    path = tmp_path / "cafe.jpg"
    Image.fromarray(pixels.astype(np.uint8)).save(path, quality=92)
    return path


def _open_editor(open_studio, qtbot, photo: Path):
    studio = open_studio()
    page = studio.window.create_page
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)
    page.add_files([photo])
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 1, timeout=WAIT_MS)
    page.edit_photo(0)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.canvas.image().width() > 0, timeout=WAIT_MS)
    editor.tabs.setCurrentWidget(editor.layers_panel)
    return studio, page, editor


def _settled(qtbot, editor) -> None:
    """Wait until the canvas shows the render of what is on screen."""
    qtbot.waitUntil(lambda: not editor.worker.busy, timeout=WAIT_MS)


def _centre_on_screen(editor, index: int) -> QPoint:
    box = editor.layer_tool.box(index)
    return editor.canvas.to_widget(QPointF(box.x, box.y)).toPoint()


def _drag(qtbot, widget, start: QPoint, end: QPoint, modifiers=Qt.KeyboardModifier.NoModifier):
    """Press, move in a few steps (holding `modifiers`) and release, as a hand does."""
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for step in (0.33, 0.66, 1.0):
        point = QPointF(start) + (QPointF(end) - QPointF(start)) * step
        event = QMouseEvent(
            QEvent.Type.MouseMove,
            point,
            widget.mapToGlobal(point),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            modifiers,
        )
        QApplication.sendEvent(widget, event)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def _red_pixels(image) -> int:
    image = image.convertToFormat(image.Format.Format_RGB888)
    pixels = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    rows = pixels.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3]
    rgb = rows.reshape(image.height(), image.width(), 3).astype(int)
    return int(((rgb[..., 0] > 200) & (rgb[..., 1] < 90) & (rgb[..., 2] < 110)).sum())


def test_a_title_is_added_typed_styled_dragged_undone_redone_and_deleted(open_studio, qtbot, photo):
    studio, page, editor = _open_editor(open_studio, qtbot, photo)
    panel, tool, canvas = editor.layers_panel, editor.layer_tool, editor.canvas
    sha = page.media.ready_shas()[0]
    committed: list[Recipe] = []
    editor.recipe_committed.connect(lambda _sha, recipe: committed.append(recipe))
    _settled(qtbot, editor)
    plain = canvas.image().copy()

    # Add text: a centred bold title, selected, its text selected to be typed over.
    panel.add_text_button.click()
    (title,) = editor.recipe.layers
    assert isinstance(title, TextLayer) and title.weight == "bold"
    assert (title.x, title.y) == (0.5, 0.5)
    assert panel.selected == 0 and tool.selected == 0
    assert panel.text_form.isVisibleTo(panel) and not panel.hint.isVisibleTo(panel)
    field = panel.text_form.text_field
    assert field.hasFocus() and field.textCursor().selectedText() == title.text
    steps = [Recipe(), editor.recipe]
    # Every control of the form fits the side panel (nothing cut off at its right edge).
    body = panel.scroll.widget()
    assert body.minimumSizeHint().width() <= panel.scroll.viewport().width()

    # Typing previews at once and is one step after a pause.
    type_text(field, "周末咖啡")
    type_text(field, "探店")
    assert editor._shown.layers[0].text == "周末咖啡探店"
    assert editor.recipe.layers[0].text == title.text  # not a step yet
    qtbot.waitUntil(lambda: editor.recipe.layers[0].text == "周末咖啡探店", timeout=WAIT_MS)
    steps.append(editor.recipe)

    # Colour: a swatch, then the brand's primary colour by role; a label box; the size.
    panel.text_form.color.swatches["#FFD23F"].click()
    assert editor.recipe.layers[0].color == "#FFD23F"
    steps.append(editor.recipe)
    panel.text_form.color.swatches["brand:primary"].click()
    assert editor.recipe.layers[0].color == "brand:primary"
    steps.append(editor.recipe)
    panel.text_form.box_toggle.click()
    assert editor.recipe.layers[0].box is not None
    steps.append(editor.recipe)
    size = panel.text_form.rows["size"].slider
    size.setSliderDown(True)
    for value in (80, 100, 120):  # tenths of a percent of the photo's height
        size.setValue(value)
    assert editor.recipe == steps[-1]  # dragging the slider only previews
    size.setSliderDown(False)
    assert editor.recipe.layers[0].size == pytest.approx(0.12)
    steps.append(editor.recipe)
    _settled(qtbot, editor)
    assert _red_pixels(canvas.image()) > _red_pixels(plain) + 500  # the red label is drawn

    # Drag it on the photo: previews while moving, one step on release.
    canvas.setFocus()
    scale = canvas.view_scale()
    start = _centre_on_screen(editor, 0)
    _drag(qtbot, canvas, start, start + QPoint(60, 45))
    moved = editor.recipe.layers[0]
    width, height = canvas.image().width(), canvas.image().height()
    assert moved.x == pytest.approx(0.5 + 60 / scale / width, abs=0.01)
    assert moved.y == pytest.approx(0.5 + 45 / scale / height, abs=0.01)
    steps.append(editor.recipe)

    # A corner scales it about its centre; the knob turns it, Shift snapping to 15°.
    box = tool.box(0)
    corner = canvas.to_widget(QPointF(box.x + box.width / 2, box.y + box.height / 2)).toPoint()
    _drag(qtbot, canvas, corner, corner + (corner - _centre_on_screen(editor, 0)) / 2)
    grown = editor.recipe.layers[0]
    assert grown.size == pytest.approx(moved.size * 1.5, rel=0.05)
    assert (grown.x, grown.y) == (moved.x, moved.y)
    steps.append(editor.recipe)
    knob = canvas.to_widget(QPointF(*rotation_handle(tool.box(0), KNOB_DISTANCE / scale)))
    centre = _centre_on_screen(editor, 0)
    right_of_centre = centre + QPoint(round(centre.y() - knob.y()) + 3, 4)  # ≈ 90° clockwise
    _drag(qtbot, canvas, knob.toPoint(), right_of_centre, Qt.KeyboardModifier.ShiftModifier)
    assert editor.recipe.layers[0].rotation == pytest.approx(90.0)
    steps.append(editor.recipe)

    # Shift+→ nudges it ten pixels of the picture, one step per press.
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.recipe.layers[0].x == pytest.approx(grown.x + 10 / width)
    steps.append(editor.recipe)

    # Undo walks back through every step and redo forward again; panel and canvas follow.
    assert committed == steps[1:]
    for expected in reversed(steps[:-1]):
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert editor.recipe == expected
    assert panel.selected is None and tool.selected is None
    assert not panel.layer_list.isVisible()
    for expected in steps[1:]:
        qtbot.keyClick(
            editor,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert editor.recipe == expected
    panel.layer_list.setCurrentRow(0)
    assert panel.selected == 0 and tool.selected == 0
    assert panel.text_form.text_field.toPlainText() == "周末咖啡探店"
    assert panel.text_form.color.swatches["brand:primary"].isChecked()

    # The note keeps the styled title.
    session = studio.window.drafts.current
    qtbot.waitUntil(
        lambda: session.state is SaveState.SAVED and not session.is_dirty(), timeout=WAIT_MS
    )
    stored = studio.client().get_note(uuid.UUID(session.note_id)).media[0]
    assert stored.sha256 == sha
    assert Recipe.from_dict(stored.recipe) == steps[-1]

    # Clicking empty photo deselects; a click selects; a double-click goes to its text;
    # Delete removes it.
    _settled(qtbot, editor)
    qtbot.mouseClick(
        canvas,
        Qt.MouseButton.LeftButton,
        pos=canvas.image_rect().topLeft().toPoint() + QPoint(4, 4),
    )
    assert tool.selected is None and panel.selected is None
    centre = _centre_on_screen(editor, 0)
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=centre)
    assert tool.selected == 0 and panel.selected == 0
    assert panel.text_form.text_field.hasFocus()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert editor.recipe.layers == ()
    assert panel.selected is None
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.recipe == steps[-1]


def test_stickers_are_picked_from_the_sheet_and_the_stack_is_edited_in_the_list(
    open_studio, qtbot, photo
):
    studio, page, editor = _open_editor(open_studio, qtbot, photo)
    panel = editor.layers_panel
    committed: list[Recipe] = []
    editor.recipe_committed.connect(lambda _sha, recipe: committed.append(recipe))

    panel.stickers_button.click()
    picker = panel.sticker_picker
    assert picker.isVisible()
    picker.chips["arrow"].click()
    arrow = picker.item_of("builtin:arrow_curved")
    assert arrow is not None and not arrow.isHidden()
    assert picker.item_of("builtin:label_bimai").isHidden()
    grid = picker.grid
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualItemRect(arrow).center()
    )
    assert not picker.isVisible()
    (sticker,) = editor.recipe.layers
    assert sticker == StickerLayer("builtin:arrow_curved")
    assert panel.sticker_form.isVisibleTo(panel) and not panel.text_form.isVisibleTo(panel)

    # Zoomed to 100 %, a drag moves it by as many pixels of the picture as the mouse moved.
    canvas = editor.canvas
    _settled(qtbot, editor)
    editor.actual_button.click()
    assert canvas.view_scale() == 1.0
    start = _centre_on_screen(editor, 0)
    _drag(qtbot, canvas, start, start + QPoint(30, -20))
    width, height = canvas.image().width(), canvas.image().height()
    assert editor.recipe.layers[0].x == pytest.approx(0.5 + 30 / width, abs=1e-3)
    assert editor.recipe.layers[0].y == pytest.approx(0.5 - 20 / height, abs=1e-3)

    # Its width in the form; then a title over it, sent back, duplicated, deleted.
    size_row = panel.sticker_form.rows["width"]
    size_row.field.setValue(45)
    size_row.field.editingFinished.emit()
    assert editor.recipe.layers[0].width == pytest.approx(0.45)
    panel.add_text()
    assert [type(layer) for layer in editor.recipe.layers] == [StickerLayer, TextLayer]
    assert panel.layer_list.item(0).text() == editor.recipe.layers[1].text  # top first
    panel.backward_button.click()
    assert [type(layer) for layer in editor.recipe.layers] == [TextLayer, StickerLayer]
    assert panel.selected == 0 and editor.layer_tool.selected == 0
    panel.duplicate_button.click()
    assert len(editor.recipe.layers) == 3 and panel.selected == 1
    panel.layer_list.setCurrentRow(0)  # the sticker, on top
    assert panel.selected == 2 and editor.layer_tool.selected == 2
    panel.delete_button.click()
    assert [type(layer) for layer in editor.recipe.layers] == [TextLayer, TextLayer]
    assert len(committed) == 7 and committed[-1] == editor.recipe
