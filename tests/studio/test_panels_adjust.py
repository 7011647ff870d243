"""Adjust panel: one drag is one step, typed values and resets commit, touched sliders show."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.recipe import Adjust, Recipe
from studio.editor.panels.adjust_panel import AdjustPanel
from studio.models.adjust_sliders import ADJUST_GROUPS


@pytest.fixture
def panel(qtbot):
    widget = AdjustPanel()
    qtbot.addWidget(widget)
    widget.resize(320, 900)
    widget.show()
    return widget


def _record(panel: AdjustPanel) -> tuple[list[Recipe], list[Recipe]]:
    previewed: list[Recipe] = []
    committed: list[Recipe] = []
    panel.previewed.connect(previewed.append)
    panel.committed.connect(committed.append)
    return previewed, committed


def _handle_pos(slider) -> QPoint:
    span = slider.maximum() - slider.minimum()
    fraction = (slider.value() - slider.minimum()) / span
    return QPoint(round(7 + fraction * (slider.width() - 14)), slider.height() // 2)


def test_every_adjust_field_has_exactly_one_slider_in_the_asked_groups():
    names = [spec.name for group in ADJUST_GROUPS for spec in group.sliders]
    assert sorted(names) == sorted(Adjust.__dataclass_fields__)
    assert [spec.name for spec in ADJUST_GROUPS[0].sliders] == [
        "exposure",
        "brightness",
        "contrast",
        "highlights",
        "shadows",
        "fade",
    ]


def test_set_recipe_shows_values_and_emits_nothing(panel):
    previewed, committed = _record(panel)
    panel.set_recipe(Recipe().with_adjust(exposure=1.25, contrast=-30))
    assert panel.rows["exposure"].field.text() == "1.25"
    assert panel.rows["contrast"].slider.value() == -30
    assert panel.rows["contrast"].name.property("changed") == "true"
    assert panel.rows["shadows"].name.property("changed") == "false"
    assert previewed == [] and committed == []


def test_a_mouse_drag_previews_and_commits_exactly_once(panel, qtbot):
    previewed, committed = _record(panel)
    slider = panel.rows["contrast"].slider
    start = _handle_pos(slider)
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in (20, 40, 60):
        QTest.mouseMove(slider, start + QPoint(step, 0))
    QTest.mouseRelease(
        slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(60, 0)
    )
    assert len(previewed) >= 2
    assert len(committed) == 1
    contrast = committed[0].adjust.contrast
    assert contrast > 20
    assert previewed[-1].adjust.contrast == contrast
    assert committed[0].adjust == Adjust(contrast=contrast)
    assert panel.rows["contrast"].name.property("changed") == "true"


def test_a_click_without_moving_commits_nothing(panel):
    _previewed, committed = _record(panel)
    slider = panel.rows["saturation"].slider
    QTest.mouseClick(
        slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _handle_pos(slider)
    )
    assert committed == []


def test_double_click_resets_the_slider_in_one_step(panel):
    panel.set_recipe(Recipe().with_adjust(vignette=-40, grain=10))
    _previewed, committed = _record(panel)
    slider = panel.rows["vignette"].slider
    QTest.mouseDClick(
        slider,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(5, slider.height() // 2),
    )
    assert [recipe.adjust for recipe in committed] == [Adjust(grain=10)]
    assert panel.rows["vignette"].name.property("changed") == "false"


def test_a_typed_value_commits_once(panel):
    _previewed, committed = _record(panel)
    field = panel.rows["exposure"].field
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "-1.5")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert [recipe.adjust for recipe in committed] == [Adjust(exposure=-1.5)]
    assert panel.rows["exposure"].slider.value() == -150


def test_arrow_keys_nudge_one_step_each(panel):
    panel.set_recipe(Recipe().with_adjust(temperature=10))
    _previewed, committed = _record(panel)
    slider = panel.rows["temperature"].slider
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Right)
    QTest.keyClick(slider, Qt.Key.Key_Right)
    QTest.keyClick(slider, Qt.Key.Key_Left)
    assert [recipe.adjust.temperature for recipe in committed] == [11, 12, 11]


def test_an_edit_keeps_the_rest_of_the_recipe(panel):
    base = Recipe().with_adjust(fade=30)
    panel.set_recipe(base)
    _previewed, committed = _record(panel)
    slider = panel.rows["shadows"].slider
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Right)
    assert committed[0].adjust == Adjust(fade=30, shadows=1)
    assert committed[0].geometry == base.geometry


def test_reset_all_commits_the_neutral_adjust(panel):
    panel.set_recipe(Recipe().with_adjust(exposure=1, clarity=20))
    _previewed, committed = _record(panel)
    panel.reset_button.click()
    assert [recipe.adjust for recipe in committed] == [Adjust()]
    assert not panel.reset_button.isEnabled()


def test_the_wheel_does_not_change_a_slider(panel):
    _previewed, committed = _record(panel)
    slider = panel.rows["tint"].slider
    centre = QPointF(slider.width() / 2, slider.height() / 2)
    event = QWheelEvent(
        centre,
        slider.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(slider, event)
    assert slider.value() == 0 and committed == []
