"""Crop rules (ratios, handles, turns, mirrors) and the crop overlay's mouse handling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from editor.recipe import Crop, Geometry, Recipe
from studio.editor.crop_frame import (
    Handle,
    drag,
    fit_centred,
    flipped,
    publishable,
    turned,
    with_aspect,
)
from studio.editor.crop_panel import CropPanel
from studio.editor.crop_tool import CropTool

LANDSCAPE = 1600 / 1200  # a 4:3 landscape frame


def _pixel_ratio(crop: Crop, frame: float) -> float:
    return crop.w * frame / crop.h


@pytest.mark.parametrize(
    ("aspect", "ratio"),
    [("3:4", 0.75), ("1:1", 1.0), ("4:3", 4 / 3), ("9:16", 9 / 16), ("16:9", 16 / 9)],
)
def test_switching_ratio_fits_the_largest_centred_rectangle(aspect, ratio):
    crop = fit_centred(aspect, LANDSCAPE)
    assert _pixel_ratio(crop, LANDSCAPE) == pytest.approx(ratio)
    assert max(crop.w, crop.h) == pytest.approx(1.0)  # touches two sides: the largest
    assert crop.x + crop.w / 2 == pytest.approx(0.5)
    assert crop.y + crop.h / 2 == pytest.approx(0.5)


def test_free_ratio_keeps_the_crop():
    geometry = Geometry(crop=Crop(0.1, 0.1, 0.5, 0.5), aspect="1:1")
    assert with_aspect(geometry, "free", LANDSCAPE).crop == geometry.crop


@pytest.mark.parametrize("handle", list(Handle))
def test_every_handle_keeps_the_ratio_and_the_frame(handle):
    start = fit_centred("3:4", LANDSCAPE)
    for dx, dy in ((0.3, 0.2), (-0.4, -0.1), (0.05, -0.5), (-2, 2)):
        crop = drag(start, handle, dx, dy, "3:4", LANDSCAPE)
        assert _pixel_ratio(crop, LANDSCAPE) == pytest.approx(0.75, rel=1e-6)
        assert crop.x >= 0 and crop.y >= 0
        assert crop.x + crop.w <= 1 + 1e-9 and crop.y + crop.h <= 1 + 1e-9


def test_corner_drag_keeps_the_opposite_corner():
    start = Crop(0.2, 0.2, 0.5, 0.5)
    crop = drag(start, Handle.TOP_LEFT, 0.1, 0.05, "free", LANDSCAPE)
    assert (crop.x, crop.y) == pytest.approx((0.3, 0.25))
    assert crop.x + crop.w == pytest.approx(0.7)
    assert crop.y + crop.h == pytest.approx(0.7)


def test_move_stays_inside_the_frame():
    crop = drag(Crop(0.2, 0.2, 0.5, 0.5), Handle.MOVE, 0.9, -0.9, "free", LANDSCAPE)
    assert (crop.x, crop.y, crop.w, crop.h) == pytest.approx((0.5, 0.0, 0.5, 0.5))


def test_a_quarter_turn_turns_the_ratio_and_the_crop():
    geometry = with_aspect(Geometry(), "3:4", LANDSCAPE)
    after = turned(geometry, LANDSCAPE)
    assert after.quarter_turns == 1
    assert after.aspect == "4:3"
    assert _pixel_ratio(after.crop, 1 / LANDSCAPE) == pytest.approx(4 / 3)
    assert turned(turned(turned(after, 1 / LANDSCAPE), LANDSCAPE), 1 / LANDSCAPE).quarter_turns == 0


def test_turning_a_mirrored_photo_mirrors_the_other_axis():
    after = turned(Geometry(flip_h=True), LANDSCAPE)
    assert (after.flip_h, after.flip_v) == (False, True)


def test_mirroring_mirrors_the_crop_and_the_tilt():
    geometry = Geometry(straighten=5.0, crop=Crop(0.1, 0.2, 0.3, 0.4))
    after = flipped(geometry, horizontal=True)
    assert after.flip_h and after.straighten == -5.0
    assert (after.crop.x, after.crop.y) == pytest.approx((0.6, 0.2))


def test_dragging_a_corner_of_the_overlay_reports_one_release(qtbot):
    tool = CropTool()
    qtbot.addWidget(tool)
    tool.resize(664, 564)  # 600×500 inside the padding: a 4:3 frame of 600×450
    frame = QImage(1600, 1200, QImage.Format.Format_RGB888)
    frame.fill(QColor("#888888"))
    tool.set_frame(frame)
    tool.set_crop(fit_centred("1:1", LANDSCAPE), "1:1")
    dragged: list[Crop] = []
    released: list[Crop] = []
    tool.crop_dragged.connect(dragged.append)
    tool.crop_released.connect(released.append)
    corner = tool.crop_rect().bottomRight().toPoint()
    qtbot.mousePress(tool, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseMove(tool, corner - QPoint(60, 10))
    qtbot.mouseMove(tool, corner - QPoint(120, 20))
    qtbot.mouseRelease(tool, Qt.MouseButton.LeftButton, pos=corner - QPoint(120, 20))
    assert dragged and len(released) == 1
    crop = released[0]
    assert _pixel_ratio(crop, LANDSCAPE) == pytest.approx(1.0)
    assert crop.w < fit_centred("1:1", LANDSCAPE).w
    assert tool.handle_at(tool.crop_rect().center()) is Handle.MOVE


PLATFORM = ["3:4", "1:1", "4:3"]


def test_only_the_platform_ratios_are_publishable():
    assert publishable(fit_centred("4:3", LANDSCAPE), LANDSCAPE, PLATFORM, 0.02)
    assert publishable(fit_centred("3:4", LANDSCAPE), LANDSCAPE, PLATFORM, 0.02)
    assert not publishable(fit_centred("16:9", LANDSCAPE), LANDSCAPE, PLATFORM, 0.02)
    assert not publishable(Crop(0, 0, 1.0, 0.5), LANDSCAPE, PLATFORM, 0.02)  # a free 8:3 strip


def test_crop_panel_warns_about_a_ratio_the_platform_refuses(qtbot):
    panel = CropPanel()
    qtbot.addWidget(panel)
    panel.set_publishable_ratios(PLATFORM, 0.02)
    panel.set_frame_aspect(LANDSCAPE)
    committed = []
    panel.committed.connect(committed.append)
    panel.set_recipe(Recipe())
    assert not panel.ratio_warning.isVisibleTo(panel)
    panel.ratio_buttons["16:9"].click()
    panel.set_recipe(committed[-1])  # the editor shows what was committed
    assert panel.ratio_warning.isVisibleTo(panel)
    assert "3:4" in panel.ratio_warning.text()
    assert panel.ratio_buttons["16:9"].toolTip()
    panel.ratio_buttons["1:1"].click()
    panel.set_recipe(committed[-1])
    assert not panel.ratio_warning.isVisibleTo(panel)
