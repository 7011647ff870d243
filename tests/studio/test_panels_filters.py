"""Filters panel: looks with thumbnails of the photo, pick + strength, .cube import (good and
bad) through the real backend, and user looks resolved from the backend's copy."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from editor.errors import EditorError
from editor.looks import builtin_looks
from editor.recipe import FilterLook, Recipe
from studio.editor.panels.filters_panel import FiltersPanel
from studio.looks_cache import LOOKS_FOLDER, LooksCache, user_look_id
from studio.messages import message

WAIT_MS = 20_000
NO_MOD = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def _swap_red_blue_cube(title: str) -> str:
    rows = [f"{b} {g} {r}" for b in (0, 1) for g in (0, 1) for r in (0, 1)]
    return f'TITLE "{title}"\nLUT_3D_SIZE 2\n' + "\n".join(rows) + "\n"


def _photo() -> np.ndarray:
    """A small warm-and-cool test photo: red on the left, sky blue on the right."""
    image = np.zeros((120, 160, 3), np.uint8)
    image[:, :80] = (220, 70, 50)
    image[:, 80:] = (90, 160, 230)
    return image


def _pixel(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    color = image.pixelColor(x, y)
    return color.red(), color.green(), color.blue()


@pytest.fixture
def studio(open_studio):
    return open_studio()


@pytest.fixture
def panel(studio, qtbot):
    widget = FiltersPanel(studio.ctx)
    qtbot.addWidget(widget)
    widget.resize(340, 640)
    widget.show()
    return widget


def _record(panel):
    previewed, committed = [], []
    panel.previewed.connect(previewed.append)
    panel.committed.connect(committed.append)
    return previewed, committed


def _click_row(panel: FiltersPanel, row: int) -> None:
    panel.grid.scrollTo(panel.model.index(row))
    rect = panel.grid.visualRect(panel.model.index(row))
    QTest.mouseClick(panel.grid.viewport(), LEFT, NO_MOD, rect.center())


def _thumbnail(panel: FiltersPanel, look_id: str | None) -> QImage:
    pixmap = panel.model.index(panel.model.row_of(look_id)).data(Qt.ItemDataRole.DecorationRole)
    return pixmap.toImage()


def test_the_grid_lists_none_then_every_builtin_look_by_name(panel):
    looks = builtin_looks()
    assert len(looks) >= 12
    assert panel.model.look_ids() == [None, *[look.id for look in looks]]
    names = [row.name for row in panel.model.rows()]
    assert names[0] == "None"
    assert names[1:] == [look.name_en for look in looks]  # the studio runs in English here


def test_thumbnails_show_the_photo_through_each_look(panel, qtbot):
    arrived: set[str | None] = set()
    panel.thumbnail_ready.connect(arrived.add)
    panel.set_proxy(_photo())
    qtbot.waitUntil(lambda: arrived >= set(panel.model.look_ids()), timeout=WAIT_MS)
    plain = _thumbnail(panel, None)
    assert plain.width() == plain.height() == 72
    assert _pixel(plain, 20, 36)[0] > 180  # the red half of the photo, unfiltered
    bw = _thumbnail(panel, "builtin:bw")
    red, green, blue = _pixel(bw, 20, 36)
    assert max(red, green, blue) - min(red, green, blue) <= 3  # black and white
    assert _pixel(_thumbnail(panel, "builtin:film"), 60, 36) != _pixel(plain, 60, 36)


def test_a_new_photo_drops_the_old_photos_thumbnails(panel, qtbot):
    panel.set_proxy(_photo())
    panel.set_proxy(np.full((50, 50, 3), 128, np.uint8))
    arrived: set[str | None] = set()
    panel.thumbnail_ready.connect(arrived.add)
    qtbot.waitUntil(lambda: arrived >= set(panel.model.look_ids()), timeout=WAIT_MS)
    assert _pixel(_thumbnail(panel, None), 20, 36) == (128, 128, 128)


def test_a_hidden_panel_renders_thumbnails_only_once_shown(panel, qtbot):
    panel.hide()
    panel.set_proxy(_photo())
    assert panel._requested == set() and not panel._shrinking  # nothing started while hidden
    arrived: set[str | None] = set()
    panel.thumbnail_ready.connect(arrived.add)
    panel.show()
    qtbot.waitUntil(lambda: arrived >= set(panel.model.look_ids()), timeout=WAIT_MS)


def test_picking_a_look_then_setting_its_strength(panel):
    previewed, committed = _record(panel)
    base = Recipe().with_adjust(exposure=0.5)
    panel.set_recipe(base)
    assert panel.grid.currentIndex().row() == 0 and not panel.strength.isEnabled()

    film = panel.model.row_of("builtin:film")
    _click_row(panel, film)
    assert committed == [Recipe(adjust=base.adjust, filter=FilterLook("builtin:film", 100.0))]
    assert panel.selection.isSelected(panel.model.index(film))
    assert panel.strength.isEnabled()

    _click_row(panel, film)  # the look in use again: nothing new to undo
    assert len(committed) == 1

    slider = panel.strength.slider
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Left)
    assert committed[-1].filter == FilterLook("builtin:film", 99.0)

    start = QPoint(slider.width() - 7, slider.height() // 2)
    QTest.mousePress(slider, LEFT, NO_MOD, start)
    for step in (30, 60, 90):
        QTest.mouseMove(slider, start - QPoint(step, 0))
    QTest.mouseRelease(slider, LEFT, NO_MOD, start - QPoint(90, 0))
    assert len(committed) == 3 and previewed
    strength = committed[-1].filter.strength
    assert 40 < strength < 90
    assert previewed[-1].filter == FilterLook("builtin:film", strength)

    _click_row(panel, 0)
    assert committed[-1] == Recipe(adjust=base.adjust)
    assert not panel.strength.isEnabled()


def test_set_recipe_highlights_its_look_and_emits_nothing(panel):
    previewed, committed = _record(panel)
    panel.set_recipe(Recipe(filter=FilterLook("builtin:bw", 35.0)))
    row = panel.model.row_of("builtin:bw")
    assert panel.grid.currentIndex().row() == row
    assert panel.strength.value() == 35.0
    assert previewed == [] and committed == []


def test_importing_a_cube_adds_a_user_look_that_renders(panel, studio, qtbot, tmp_path):
    text = _swap_red_blue_cube("暖阳 Warm")
    path = tmp_path / "warm.cube"
    path.write_text(text, encoding="utf-8")
    sha = hashlib.sha256(text.encode()).hexdigest()
    arrived: set[str | None] = set()
    panel.thumbnail_ready.connect(arrived.add)
    panel.set_proxy(_photo())
    rows_before = panel.model.rowCount()

    panel.import_cube(path)
    qtbot.waitUntil(lambda: panel.model.row_of(user_look_id(sha)) >= 0, timeout=WAIT_MS)
    row = panel.model.rows()[panel.model.row_of(user_look_id(sha))]
    assert (row.name, row.user) == ("暖阳 Warm", True)
    assert panel.model.rowCount() == rows_before + 1
    assert [lut.sha256 for lut in studio.client().list_luts().items] == [sha]
    assert not panel.error_label.isVisible()

    qtbot.waitUntil(lambda: user_look_id(sha) in arrived, timeout=WAIT_MS)
    swapped = _pixel(_thumbnail(panel, user_look_id(sha)), 20, 36)
    assert swapped[2] > 180 and swapped[0] < 80  # red became blue

    # Another panel (another start of the app) lists it from the backend.
    other = FiltersPanel(studio.ctx)
    qtbot.addWidget(other)
    qtbot.waitUntil(lambda: other.model.row_of(user_look_id(sha)) >= 0, timeout=WAIT_MS)


@pytest.mark.parametrize(
    ("content", "code", "params"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "lut.not_text", {}),
        (
            b"LUT_3D_SIZE 2\n0 0 0\n1 0 0\n",
            "lut.invalid",
            {"reason": "bad_row_count", "expected": 8, "found": 2},
        ),
    ],
)
def test_a_bad_cube_shows_the_reason_and_changes_nothing(
    panel, studio, qtbot, tmp_path, content, code, params
):
    _previewed, committed = _record(panel)
    panel.set_recipe(Recipe(filter=FilterLook("builtin:cream", 80.0)))
    ids_before = panel.model.look_ids()
    path = tmp_path / "broken.cube"
    path.write_bytes(content)

    panel.import_cube(path)
    qtbot.waitUntil(panel.error_label.isVisible, timeout=WAIT_MS)
    shown = panel.error_label.text()
    assert shown == message(code, {**params, "line": 3})
    assert "{" not in shown
    assert panel.model.look_ids() == ids_before
    assert committed == []
    assert panel.grid.currentIndex().row() == panel.model.row_of("builtin:cream")
    assert studio.client().list_luts().items == []
    assert panel.import_button.isEnabled()


def test_user_looks_are_downloaded_once_and_cached_on_disk(studio, tmp_path):
    text = _swap_red_blue_cube("Teal")
    path = tmp_path / "teal.cube"
    path.write_text(text, encoding="utf-8")
    lut, _changes = studio.client().upload_lut(path)
    look_id = user_look_id(lut.sha256)
    folder = tmp_path / "cache" / LOOKS_FOLDER

    fetched: list[int] = []

    def client():
        fetched.append(1)
        return studio.client()

    cache = LooksCache(folder, client)
    red = np.array([[1.0, 0.0, 0.0]], np.float32)
    assert cache(look_id).sample(red, "trilinear").tolist() == [[0.0, 0.0, 1.0]]
    assert (folder / f"{lut.sha256}.cube").read_text(encoding="utf-8") == text
    cache(look_id)
    assert len(fetched) == 1

    def offline():
        raise AssertionError("the disk copy should have been used")

    again = LooksCache(folder, offline)
    assert again(look_id).sample(red, "trilinear").tolist() == [[0.0, 0.0, 1.0]]

    with pytest.raises(EditorError) as unknown:
        cache(user_look_id("0" * 64))
    assert unknown.value.code == "look.unknown"
    with pytest.raises(EditorError):
        cache("user:not-a-sha")
