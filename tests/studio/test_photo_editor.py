"""The photo editor inside Create, against the real backend: crop, adjust, undo/redo, paste,
apply to all, reopen after a restart, publish with rendered images, errors as messages."""

from __future__ import annotations

import io
import threading
import uuid
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from editor.recipe import Recipe
from studio.drafts.session import SaveState
from studio.editor.canvas import PhotoCanvas
from studio.editor.render_worker import RenderRequest, RenderResult, RenderWorker
from studio.messages import message
from studio.settings import EXPORT_QUALITY
from studio.tasks import TaskRunner
from tests.studio.conftest import make_photo

WAIT_MS = 30_000


@pytest.fixture
def photos(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "photos"
    folder.mkdir()
    return [
        make_photo(folder / "street.jpg", (1200, 900), (200, 170, 150)),
        make_photo(folder / "cafe.jpg", (900, 1200), (150, 190, 210)),
        make_photo(folder / "flowers.jpg", (1000, 1000), (220, 140, 180)),
    ]


def _note_with(open_studio, qtbot, photos, data=None):
    studio = open_studio(data)
    page = studio.window.create_page
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)
    page.add_files(photos)
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == len(photos), timeout=WAIT_MS)
    return studio, page


def _saved(studio) -> bool:
    session = studio.window.drafts.current
    return (
        session.note_id is not None and session.state is SaveState.SAVED and not session.is_dirty()
    )


def _rendered(qtbot, editor, recipe: Recipe | None = None):
    """Wait until the canvas shows the render of `recipe` (default: the current step)."""
    wanted = recipe or editor.recipe
    shown: list[RenderResult] = []
    qtbot.waitUntil(
        lambda: editor.canvas.image().width() > 0 and not editor.worker.busy, timeout=WAIT_MS
    )
    editor.worker.rendered.connect(shown.append)
    editor._render()  # one more render of what is on screen, to read its request
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    editor.worker.rendered.disconnect(shown.append)
    assert shown[-1].request.recipe == wanted
    return editor.canvas.image()


def _mean(image) -> float:
    ptr = image.constBits()
    return float(np.frombuffer(ptr, np.uint8, count=image.sizeInBytes()).mean())


def _drag(row, value: float) -> None:
    """Drag an adjust slider as a hand does: press, move through values, release."""
    slider = row.slider
    slider.setSliderDown(True)
    for step in np.linspace(slider.value(), value * row._scale, 5)[1:]:
        slider.setValue(int(step))
    slider.setSliderDown(False)


def test_crop_ratio_adjust_undo_redo_and_reopen_after_restart(open_studio, photos, qtbot, tmp_path):
    data = tmp_path / "data"
    studio, page = _note_with(open_studio, qtbot, photos[:1], data)
    sha = page.media.ready_shas()[0]
    page.edit_photo(0)
    editor = page.editor
    assert page.editing
    plain = _rendered(qtbot, editor)
    assert (plain.width(), plain.height()) == (1200, 900)  # the proxy never upscales

    # Crop & rotate: the 3:4 ratio is the largest centred 3:4 rectangle of the landscape photo.
    editor.tabs.setCurrentWidget(editor.crop_panel)
    editor.crop_panel.ratio_buttons["3:4"].click()
    assert editor.recipe.geometry.aspect == "3:4"
    editor.tabs.setCurrentWidget(editor.adjust_panel)
    cropped = _rendered(qtbot, editor)
    assert cropped.width() / cropped.height() == pytest.approx(3 / 4, abs=0.01)
    assert cropped.height() == plain.height()

    # A quarter turn turns 3:4 into 4:3 on the turned (portrait) frame.
    editor.crop_panel.rotate_button.click()
    assert editor.recipe.geometry.aspect == "4:3"
    turned = _rendered(qtbot, editor)
    assert turned.width() / turned.height() == pytest.approx(4 / 3, abs=0.01)

    # One slider drag is one step, and it brightens the picture.
    steps_before = editor.recipe
    _drag(editor.adjust_panel.rows["exposure"], 1.0)
    assert editor.recipe.adjust.exposure == pytest.approx(1.0)
    brighter = _rendered(qtbot, editor)
    assert _mean(brighter) > _mean(turned) + 10

    # Ctrl+Z undoes the whole drag, then the turn; Ctrl+Shift+Z and Ctrl+Y redo them.
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.recipe == steps_before
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.recipe.geometry.aspect == "3:4"
    assert editor.adjust_panel.rows["exposure"].value() == 0
    qtbot.keyClick(
        editor,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.recipe.adjust.exposure == pytest.approx(1.0)
    assert editor.adjust_panel.rows["exposure"].value() == pytest.approx(1.0)
    final = editor.recipe

    # The recipe is autosaved with the note's media, like the text.
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note_id = uuid.UUID(studio.window.drafts.current.note_id)
    stored = studio.client().get_note(note_id).media[0]
    assert stored.sha256 == sha
    assert Recipe.from_dict(stored.recipe) == final
    page.close_editor()
    assert not page.editing

    studio.close()
    again = open_studio(data)
    page = again.window.create_page
    qtbot.waitUntil(lambda: page.media.ready_shas() == (sha,), timeout=WAIT_MS)
    page.edit_photo(0)
    assert page.editor.recipe == final
    reopened = _rendered(qtbot, page.editor)
    assert (reopened.width(), reopened.height()) == (brighter.width(), brighter.height())
    assert _mean(reopened) == pytest.approx(_mean(brighter), abs=1.0)


def test_paste_edits_and_apply_to_all(open_studio, photos, qtbot):
    studio, page = _note_with(open_studio, qtbot, photos)
    first, second, third = page.media.ready_shas()
    editor = page.editor
    page.edit_photo(0)
    _rendered(qtbot, editor)
    editor.tabs.setCurrentWidget(editor.crop_panel)
    editor.crop_panel.ratio_buttons["1:1"].click()
    editor.tabs.setCurrentWidget(editor.adjust_panel)
    _drag(editor.adjust_panel.rows["saturation"], -100)
    source = editor.recipe
    editor.copy_button.click()

    assert not editor.previous_button.isEnabled()
    editor.next_button.click()  # the next photo, without going back to the note
    assert editor.sha256 == second
    assert page.strip.currentIndex().row() == 1
    before = _rendered(qtbot, editor)
    editor.paste_button.click()
    pasted = editor.recipe
    assert pasted.adjust == source.adjust
    assert pasted.geometry.aspect == "free"  # the target keeps its own framing
    grey = _rendered(qtbot, editor)
    assert (grey.width(), grey.height()) == (before.width(), before.height())
    pixels = np.frombuffer(grey.constBits(), np.uint8, count=grey.sizeInBytes())
    rgb = pixels.reshape(grey.height(), grey.bytesPerLine())[:, : grey.width() * 3].reshape(-1, 3)
    assert np.abs(rgb.astype(int) - rgb.mean(axis=1, keepdims=True)).max() <= 3  # no colour left
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.recipe == Recipe()  # the paste was one step

    page.edit_photo(0)
    editor.apply_all_button.click()
    fields = studio.window.drafts.current.fields
    assert fields.recipe_of(second).adjust == source.adjust
    assert fields.recipe_of(third).adjust == source.adjust
    assert fields.recipe_of(third).geometry.aspect == "free"
    page.edit_photo(2)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.recipe == Recipe()  # "apply to all" was one step on each photo

    # The strip's cards are marked and show the edited look once its render is ready.
    assert page.media.data(page.media.index(1), page.media.EditedRole)
    qtbot.waitUntil(
        lambda: _is_grey(page.media.data(page.media.index(1), Qt.ItemDataRole.DecorationRole)),
        timeout=WAIT_MS,
    )


def _is_grey(pixmap) -> bool:
    if pixmap is None:
        return False
    image = pixmap.toImage().convertToFormat(pixmap.toImage().Format.Format_RGB888)
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    return abs(centre.red() - centre.blue()) <= 4 and abs(centre.green() - centre.blue()) <= 4


def test_published_note_carries_rendered_images_of_the_platform_size(open_studio, photos, qtbot):
    studio, page = _note_with(open_studio, qtbot, photos[:2])
    page.title_edit.setText("裁剪测试")
    studio.window.drafts.current.set_title("裁剪测试")
    page.edit_photo(0)
    editor = page.editor
    _rendered(qtbot, editor)
    editor.tabs.setCurrentWidget(editor.crop_panel)
    editor.crop_panel.ratio_buttons["3:4"].click()
    page.close_editor()
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)

    # The server's checklist follows the saved note a moment later; then Publish opens.
    qtbot.waitUntil(page.publish_button.isEnabled, timeout=WAIT_MS)
    page.publish_button.click()
    session = studio.window.drafts.current
    qtbot.waitUntil(lambda: session.status == "published", timeout=WAIT_MS)
    note = studio.client().get_note(uuid.UUID(session.note_id))
    edited, plain = sorted(note.media, key=lambda medium: medium.position)
    assert Recipe.from_dict(edited.recipe).geometry.aspect == "3:4"
    assert plain.recipe is None
    # Every photo is published as an export of the platform's size, edited or not.
    for medium in (edited, plain):
        assert medium.rendered_sha256 not in (None, medium.sha256)
        data = studio.client().media_bytes(medium.rendered_sha256)
        with Image.open(io.BytesIO(data)) as rendered:
            assert (rendered.format, rendered.size) == ("JPEG", (1080, 1440))


def test_a_photo_that_cannot_be_opened_shows_a_message(open_studio, qtbot):
    studio = open_studio()
    editor = studio.window.create_page.editor
    editor.open_photo("0" * 64, Recipe())
    expected = message("media.not_found")
    qtbot.waitUntil(lambda: expected in editor.canvas._message, timeout=WAIT_MS)
    assert "Traceback" not in editor.canvas._message


def _wheel(widget, position: QPointF, notches: int) -> None:
    """Turn the mouse wheel by `notches` with the pointer at `position`."""
    event = QWheelEvent(
        position,
        widget.mapToGlobal(position),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_before_after_and_zoom(open_studio, photos, qtbot):
    studio, page = _note_with(open_studio, qtbot, photos[:1])
    page.edit_photo(0)
    editor = page.editor
    _rendered(qtbot, editor)
    # After a click on the photo the keys go to the canvas and reach the editor from there.
    qtbot.mouseClick(editor.canvas, Qt.MouseButton.LeftButton)
    assert editor.canvas.hasFocus()
    qtbot.keyPress(editor.canvas, Qt.Key.Key_Backslash)
    assert editor.canvas.showing_before
    qtbot.keyRelease(editor.canvas, Qt.Key.Key_Backslash)
    assert not editor.canvas.showing_before
    qtbot.mousePress(editor.before_button, Qt.MouseButton.LeftButton)
    assert editor.canvas.showing_before
    qtbot.mouseRelease(editor.before_button, Qt.MouseButton.LeftButton)
    assert not editor.canvas.showing_before

    editor.actual_button.click()
    assert editor.canvas.zoom_percent() == 100
    assert editor.zoom_label.text() == "100%"
    _wheel(editor.canvas, QPointF(editor.canvas.width() / 2, editor.canvas.height() / 2), 1)
    assert editor.canvas.zoom_percent() == 115
    editor.fit_button.click()
    assert editor.canvas.zoom_percent() < 100


def test_straighten_drag_crop_handles_and_reset(open_studio, photos, qtbot):
    studio, page = _note_with(open_studio, qtbot, photos[:1])
    page.edit_photo(0)
    editor = page.editor
    plain = _rendered(qtbot, editor)
    editor.tabs.setCurrentWidget(editor.crop_panel)
    assert editor.view.currentWidget() is editor.crop_tool

    # Straighten: dragging previews (no step), letting go is one step.
    slider = editor.crop_panel.straighten.slider
    slider.setSliderDown(True)
    for value in (20, 50, 80):
        slider.setValue(value)
    assert not editor.undo_button.isEnabled()
    slider.setSliderDown(False)
    assert editor.recipe.geometry.straighten == pytest.approx(8.0)
    assert editor.undo_button.isEnabled()
    # The crop tool shows the automatically cropped frame: same aspect, no empty corner.
    qtbot.waitUntil(lambda: not editor.worker.busy, timeout=WAIT_MS)
    frame = editor.crop_tool._frame
    assert frame.width() / frame.height() == pytest.approx(1200 / 900, abs=0.01)
    corner = frame.pixelColor(2, 2)
    assert corner.red() + corner.green() + corner.blue() > 150  # photo, not black fill

    # Dragging the 1:1 crop's corner with the mouse keeps 1:1 and is one step.
    editor.crop_panel.ratio_buttons["1:1"].click()
    tool = editor.crop_tool
    start = tool.crop_rect().bottomRight().toPoint() - QPoint(2, 2)
    qtbot.mousePress(tool, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(tool, start - QPoint(80, 30))
    qtbot.mouseRelease(tool, Qt.MouseButton.LeftButton, pos=start - QPoint(80, 30))
    crop = editor.recipe.geometry.crop
    assert crop.w < 0.75 and crop.w * (1200 / 900) / crop.h == pytest.approx(1.0, rel=1e-3)
    editor.tabs.setCurrentWidget(editor.adjust_panel)
    square = _rendered(qtbot, editor)
    assert abs(square.width() - square.height()) <= 1

    # Flip, then reset brings back the untouched photo.
    editor.tabs.setCurrentWidget(editor.crop_panel)
    editor.crop_panel.flip_h_button.click()
    assert editor.recipe.geometry.flip_h
    editor.crop_panel.reset_button.click()
    assert editor.recipe.geometry == Recipe().geometry
    editor.tabs.setCurrentWidget(editor.adjust_panel)
    again = _rendered(qtbot, editor)
    assert (again.width(), again.height()) == (plain.width(), plain.height())


def test_a_stale_export_is_never_published(open_studio, photos, qtbot):
    studio, page = _note_with(open_studio, qtbot, photos[:1])
    session = studio.window.drafts.current
    sha = page.media.ready_shas()[0]
    page.edit_photo(0)
    editor = page.editor
    _rendered(qtbot, editor)
    editor.tabs.setCurrentWidget(editor.crop_panel)
    editor.crop_panel.ratio_buttons["1:1"].click()
    page.close_editor()  # the recipe settled: it is exported
    qtbot.waitUntil(
        lambda: session.fields.edit_of(sha).rendered_sha256 is not None, timeout=WAIT_MS
    )
    square_export = session.fields.edit_of(sha).rendered_sha256

    page.edit_photo(0)
    editor.crop_panel.ratio_buttons["4:3"].click()
    assert session.fields.edit_of(sha).rendered_sha256 is None
    page.close_editor()
    session.set_title("比例变了")
    qtbot.waitUntil(page.publish_button.isEnabled, timeout=WAIT_MS)
    page.publish_button.click()
    qtbot.waitUntil(lambda: session.status == "published", timeout=WAIT_MS)
    medium = studio.client().get_note(uuid.UUID(session.note_id)).media[0]
    assert medium.rendered_sha256 not in (None, square_export)
    rendered = Image.open(io.BytesIO(studio.client().media_bytes(medium.rendered_sha256)))
    assert rendered.size == (1440, 1080)


def test_edits_copied_in_one_note_paste_into_another(open_studio, photos, qtbot):
    studio, page = _note_with(open_studio, qtbot, photos[:1])
    page.edit_photo(0)
    editor = page.editor
    _drag(editor.adjust_panel.rows["contrast"], 40)
    editor.copy_button.click()
    page.close_editor()
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)

    page.new_button.click()
    qtbot.waitUntil(lambda: page.media.rowCount() == 0, timeout=WAIT_MS)
    page.add_files(photos[1:2])
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 1, timeout=WAIT_MS)
    page.edit_photo(0)
    assert editor.paste_button.isEnabled()
    editor.paste_button.click()
    assert editor.recipe.adjust.contrast == pytest.approx(40)
    sha = page.media.ready_shas()[0]
    assert studio.window.drafts.current.fields.recipe_of(sha).adjust.contrast == pytest.approx(40)


def test_export_writes_the_platform_size_without_overwriting_at_the_chosen_quality(
    open_studio, photos, qtbot, tmp_path
):
    studio, page = _note_with(open_studio, qtbot, photos[:1])
    page.edit_photo(0)
    editor = page.editor
    _rendered(qtbot, editor)
    editor.tabs.setCurrentWidget(editor.crop_panel)
    editor.crop_panel.ratio_buttons["1:1"].click()
    folder = tmp_path / "out"
    folder.mkdir()
    written = []
    editor.exported.connect(written.append)
    editor.export_to(folder)
    qtbot.waitUntil(lambda: len(written) == 1, timeout=WAIT_MS)
    studio.window.settings_page.export_quality.setValue(60)  # as chosen in Settings
    editor.export_to(folder)
    qtbot.waitUntil(lambda: len(written) == 2, timeout=WAIT_MS)
    assert written[0] != written[1]  # the second export did not replace the first
    assert written[1].stat().st_size < written[0].stat().st_size * 0.8
    assert studio.ctx.settings.get(EXPORT_QUALITY) == 60
    for path in written:
        with Image.open(path) as exported:
            assert exported.size == (1080, 1080)


def test_a_recipe_changed_elsewhere_is_a_conflict_and_theirs_can_be_taken(
    open_studio, photos, qtbot
):
    studio, page = _note_with(open_studio, qtbot, photos[:1])
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    session = studio.window.drafts.current
    sha = page.media.ready_shas()[0]
    theirs = Recipe().with_adjust(vibrance=50)
    studio.client().update_note(
        uuid.UUID(session.note_id),
        version=session.version,
        media=[{"sha256": sha, "recipe": theirs.to_dict()}],
    )
    page.edit_photo(0)
    editor = page.editor
    _drag(editor.adjust_panel.rows["tint"], 30)
    qtbot.waitUntil(lambda: session.state is SaveState.CONFLICT, timeout=WAIT_MS)
    assert session.fields.recipe_of(sha).adjust.tint == pytest.approx(30)  # mine is kept

    session.take_theirs()
    assert not page.editing  # the photo changed under the editor: back to the note
    assert session.fields.recipe_of(sha) == theirs
    page.edit_photo(0)
    assert editor.recipe == theirs
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.recipe.adjust.tint == pytest.approx(30)  # my edit is still one undo away


class _HeldPreview:
    """Stands in for `editor.render.Preview`: renders a flat picture whose grey is the
    recipe's brightness and counts what it was asked. Each render waits until the test sets
    `release`, so the first one is surely still running while the newer requests arrive."""

    def __init__(self) -> None:
        self.rendered: list[float] = []
        self.release = threading.Event()

    def render(self, recipe: Recipe, *, crop: bool = True) -> np.ndarray:
        if not self.release.wait(WAIT_MS / 1000):
            raise TimeoutError("the test never released the render")
        self.rendered.append(recipe.adjust.brightness)
        return np.full((40, 30, 3), int(recipe.adjust.brightness), np.uint8)


def test_render_worker_keeps_only_the_latest_request(qapp, qtbot):
    runner = TaskRunner()
    worker = RenderWorker(runner)
    preview = _HeldPreview()
    worker.set_preview(preview)
    shown: list[RenderResult] = []
    worker.rendered.connect(shown.append)
    for value in (10, 20, 30, 40):
        worker.request(RenderRequest(Recipe().with_adjust(brightness=value)))
    preview.release.set()
    qtbot.waitUntil(lambda: not worker.busy and bool(shown), timeout=WAIT_MS)
    # The first was already running; 20 and 30 were overtaken before they started.
    assert preview.rendered == [10, 40]
    assert [result.request.recipe.adjust.brightness for result in shown] == [40]
    assert shown[0].image.pixelColor(0, 0).red() == 40
    runner.wait_all(5000)


def test_wheel_zoom_keeps_the_point_under_the_cursor_and_drag_pans(qtbot):
    canvas = PhotoCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    image = QImage(1000, 800, QImage.Format.Format_RGB888)
    image.fill(QColor("#808080"))
    canvas.set_image(image)
    canvas.actual_size()
    cursor = QPointF(600, 200)
    before = canvas._target(image)
    under = ((cursor.x() - before.left()), (cursor.y() - before.top()))
    _wheel(canvas, cursor, 2)
    after = canvas._target(image)
    zoom = 1.15**2
    assert canvas.zoom_percent() == round(zoom * 100)
    assert cursor.x() - after.left() == pytest.approx(under[0] * zoom, abs=1.5)
    assert cursor.y() - after.top() == pytest.approx(under[1] * zoom, abs=1.5)

    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    qtbot.mouseMove(canvas, QPoint(350, 280))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(350, 280))
    moved = canvas._target(image)
    assert (moved.left() - after.left(), moved.top() - after.top()) == pytest.approx(
        (-50, -20), abs=1
    )
