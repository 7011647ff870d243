"""Curves panel: adding, moving and removing points commits the expected `Curves`."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from editor.recipe import IDENTITY_CURVE, Curves, Recipe
from studio.editor.panels.curves_panel import CurvesPanel
from studio.models.curve_points import (
    MIN_GAP,
    add_point,
    level_histogram,
    move_point,
    remove_point,
    sample_curve,
)

NO_MOD = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def panel(qtbot):
    widget = CurvesPanel()
    qtbot.addWidget(widget)
    widget.resize(320, 520)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _record(panel):
    previewed, committed = [], []
    panel.previewed.connect(previewed.append)
    panel.committed.connect(committed.append)
    return previewed, committed


def _at(panel, x: float, y: float) -> QPoint:
    return panel.editor.to_widget(x, y).toPoint()


def _near(points, expected, tolerance=0.02):
    assert len(points) == len(expected), points
    return all(
        abs(px - ex) <= tolerance and abs(py - ey) <= tolerance
        for (px, py), (ex, ey) in zip(points, expected, strict=True)
    )


def test_a_click_adds_a_point_in_one_step(panel):
    _previewed, committed = _record(panel)
    QTest.mouseClick(panel.editor, LEFT, NO_MOD, _at(panel, 0.25, 0.5))
    assert len(committed) == 1
    assert _near(committed[0].curves.rgb, [(0, 0), (0.25, 0.5), (1, 1)])
    assert committed[0].curves.r == IDENTITY_CURVE


def test_dragging_a_point_previews_then_commits_once(panel):
    panel.set_recipe(Recipe(curves=Curves(rgb=((0.0, 0.0), (0.5, 0.5), (1.0, 1.0)))))
    previewed, committed = _record(panel)
    editor = panel.editor
    QTest.mousePress(editor, LEFT, NO_MOD, _at(panel, 0.5, 0.5))
    for y in (0.55, 0.6, 0.7):
        QTest.mouseMove(editor, _at(panel, 0.5, y))
    QTest.mouseRelease(editor, LEFT, NO_MOD, _at(panel, 0.5, 0.7))
    assert len(previewed) == 3
    assert len(committed) == 1
    assert _near(committed[0].curves.rgb, [(0, 0), (0.5, 0.7), (1, 1)])


def test_the_channel_switcher_edits_that_channel_only(panel):
    base = Recipe(curves=Curves(rgb=((0.0, 0.1), (1.0, 1.0)))).with_adjust(contrast=10)
    panel.set_recipe(base)
    _previewed, committed = _record(panel)
    panel.channel_buttons["b"].click()
    assert panel.editor.points() == IDENTITY_CURVE
    QTest.mouseClick(panel.editor, LEFT, NO_MOD, _at(panel, 0.5, 0.3))
    curves = committed[0].curves
    assert curves.rgb == ((0.0, 0.1), (1.0, 1.0))
    assert _near(curves.b, [(0, 0), (0.5, 0.3), (1, 1)])
    assert committed[0].adjust == base.adjust
    changed = {name: button.property("changed") for name, button in panel.channel_buttons.items()}
    assert changed == {"rgb": "true", "r": "false", "g": "false", "b": "true"}


def test_double_click_removes_an_inner_point(panel):
    panel.set_recipe(Recipe(curves=Curves(g=((0.0, 0.0), (0.4, 0.6), (1.0, 1.0)))))
    panel.channel_buttons["g"].click()
    _previewed, committed = _record(panel)
    QTest.mouseDClick(panel.editor, LEFT, NO_MOD, _at(panel, 0.4, 0.6))
    assert [recipe.curves.g for recipe in committed] == [IDENTITY_CURVE]


def test_dragging_a_point_out_of_the_square_removes_it(panel):
    points = ((0.0, 0.0), (0.3, 0.2), (0.7, 0.8), (1.0, 1.0))
    panel.set_recipe(Recipe(curves=Curves(rgb=points)))
    previewed, committed = _record(panel)
    editor = panel.editor
    QTest.mousePress(editor, LEFT, NO_MOD, _at(panel, 0.3, 0.2))
    QTest.mouseMove(editor, _at(panel, 0.3, 0.1))
    QTest.mouseMove(editor, _at(panel, 0.3, -0.3))
    QTest.mouseRelease(editor, LEFT, NO_MOD, _at(panel, 0.3, -0.3))
    assert previewed[-1].curves.rgb == ((0.0, 0.0), (0.7, 0.8), (1.0, 1.0))
    assert [recipe.curves.rgb for recipe in committed] == [((0.0, 0.0), (0.7, 0.8), (1.0, 1.0))]


def test_end_points_stay_when_dragged_out(panel):
    _previewed, committed = _record(panel)
    editor = panel.editor
    QTest.mousePress(editor, LEFT, NO_MOD, _at(panel, 0.0, 0.0))
    QTest.mouseMove(editor, _at(panel, 0.0, -0.5))
    QTest.mouseMove(editor, _at(panel, 0.1, 0.2))
    QTest.mouseRelease(editor, LEFT, NO_MOD, _at(panel, 0.1, 0.2))
    assert _near(committed[0].curves.rgb, [(0.1, 0.2), (1, 1)])


def test_set_recipe_emits_nothing_and_reset_straightens_the_channel(panel):
    previewed, committed = _record(panel)
    panel.set_recipe(Recipe(curves=Curves(rgb=((0.0, 0.2), (1.0, 0.9)))))
    assert previewed == [] and committed == []
    panel.reset_button.click()
    assert [recipe.curves for recipe in committed] == [Curves()]
    assert not panel.reset_button.isEnabled()


def test_point_rules_keep_order_gap_and_ends():
    points, index = add_point(IDENTITY_CURVE, 0.5, 0.4)
    assert index == 1 and points == ((0.0, 0.0), (0.5, 0.4), (1.0, 1.0))
    assert add_point(points, 0.5 + MIN_GAP / 2, 0.9) == (points, None)
    moved = move_point(points, 1, 1.5, 2.0)
    assert moved[1] == (1.0 - MIN_GAP, 1.0)
    assert remove_point(points, 0) == points
    assert remove_point(points, 1) == IDENTITY_CURVE


def test_the_drawn_curve_is_the_engines_monotone_cubic():
    samples = sample_curve(((0.0, 0.0), (0.5, 0.8), (1.0, 1.0)), 101)
    assert samples[0] == pytest.approx(0.0, abs=1e-3)
    assert samples[50] == pytest.approx(0.8, abs=2e-3)
    assert np.all(np.diff(samples) >= 0)  # monotone: no overshoot past the points
    assert samples.max() <= 1.0


def test_the_histogram_counts_the_chosen_channel(panel):
    image = np.zeros((64, 64, 3), np.uint8)
    image[..., 0] = 200
    counts = level_histogram(image, "r")
    assert counts[200] == counts.sum() == 16 * 16
    assert level_histogram(image, "g")[0] == 16 * 16
    panel.set_proxy(image)
    assert panel.editor._histogram is not None
