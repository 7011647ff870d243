"""Presets panel against the real backend: save, list, apply (keeping the crop), rename,
refuse a taken name, survive a restart, delete."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView

from editor.brand import BrandStyle, Watermark
from editor.layers import StickerLayer, TextLayer
from editor.recipe import Crop, Curves, FilterLook, Geometry, Recipe
from publisher.schemas import PresetPublic
from studio.editor.panels.presets_panel import PresetsPanel
from studio.messages import message
from studio.models.presets import PresetsListModel, apply_preset, preset_document
from tests.studio.helpers import type_text

WAIT_MS = 20_000

LOOK = Recipe(
    geometry=Geometry(quarter_turns=1, crop=Crop(0.1, 0.1, 0.5, 0.5), aspect="1:1"),
    curves=Curves(rgb=((0.0, 0.05), (0.5, 0.6), (1.0, 1.0))),
    filter=FilterLook("builtin:film", 60.0),
).with_adjust(contrast=30, fade=12)
OTHER = Recipe(
    geometry=Geometry(quarter_turns=2, flip_h=True, crop=Crop(0.2, 0.0, 0.6, 1.0))
).with_adjust(exposure=1.0, grain=40)


def _panel(qtbot, studio) -> PresetsPanel:
    panel = PresetsPanel(studio.ctx)
    qtbot.addWidget(panel)
    panel.resize(340, 560)
    panel.show()
    with qtbot.waitSignal(panel.presets_loaded, timeout=WAIT_MS):
        panel.reload()
    return panel


def _select(panel: PresetsPanel, name: str) -> None:
    row = panel.model.names().index(name)
    panel.list.setCurrentIndex(panel.model.index(row))


def test_applying_keeps_the_photos_geometry_and_replaces_the_look():
    applied = apply_preset(OTHER, Recipe.from_dict(preset_document(LOOK)))
    assert applied.geometry == OTHER.geometry
    assert (applied.adjust, applied.curves, applied.filter) == (
        LOOK.adjust,
        LOOK.curves,
        LOOK.filter,
    )
    assert "geometry" not in preset_document(LOOK)


def test_a_preset_neither_carries_nor_removes_text_stickers_brand_or_watermark():
    cover = replace(
        LOOK,
        layers=(TextLayer("封面标题"), StickerLayer("builtin:label_bimai")),
        brand=BrandStyle(primary="#00AA00"),
        watermark=Watermark("builtin:label_bimai"),
    )
    stored = Recipe.from_dict(preset_document(cover))
    assert (stored.layers, stored.brand, stored.watermark) == ((), None, None)
    applied = apply_preset(cover, Recipe().with_adjust(exposure=1.0))
    assert (applied.layers, applied.brand, applied.watermark) == (
        cover.layers,
        cover.brand,
        cover.watermark,
    )
    assert applied.adjust.exposure == 1.0


def test_preset_round_trip_through_the_backend(open_studio, qtbot, tmp_path):
    data = tmp_path / "data"
    studio = open_studio(data)
    panel = _panel(qtbot, studio)
    assert panel.empty_label.isVisible() and not panel.apply_button.isEnabled()

    # Save the current look under a Chinese name.
    panel.set_recipe(LOOK)
    type_text(panel.name_edit, "奶油胶片")
    panel.save_button.click()
    qtbot.waitUntil(lambda: panel.model.names() == ["奶油胶片"], timeout=WAIT_MS)
    stored = studio.client().list_presets().items
    assert [p.name for p in stored] == ["奶油胶片"]
    assert Recipe.from_dict(stored[0].recipe) == Recipe(
        adjust=LOOK.adjust, curves=LOOK.curves, filter=LOOK.filter
    )
    assert panel.name_edit.text() == ""

    # Apply it to another photo's recipe: its crop, turns and flips stay.
    panel.set_recipe(OTHER)
    committed: list[Recipe] = []
    panel.committed.connect(committed.append)
    _select(panel, "奶油胶片")
    panel.apply_button.click()
    assert committed == [
        Recipe(geometry=OTHER.geometry, adjust=LOOK.adjust, curves=LOOK.curves, filter=LOOK.filter)
    ]

    # Rename in place: the list's editor opens, the new name is typed and confirmed.
    _select(panel, "奶油胶片")
    panel.rename_button.click()
    editor = panel.list.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    type_text(editor, "周末 Film")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.names() == ["周末 Film"], timeout=WAIT_MS)
    assert [p.name for p in studio.client().list_presets().items] == ["周末 Film"]

    # A second preset with a taken name is refused with the translated reason.
    type_text(panel.name_edit, "周末 Film")
    panel.save_button.click()
    expected = message("preset.name_taken", {"name": "周末 Film"})
    qtbot.waitUntil(lambda: panel.error_label.text() == expected, timeout=WAIT_MS)
    assert panel.error_label.isVisible()
    assert panel.model.names() == ["周末 Film"]

    # After a restart the list comes back from the backend.
    studio.close()
    again = open_studio(data)
    restarted = _panel(qtbot, again)
    assert restarted.model.names() == ["周末 Film"]

    _select(restarted, "周末 Film")
    restarted.delete_button.click()
    qtbot.waitUntil(lambda: restarted.model.rowCount() == 0, timeout=WAIT_MS)
    assert again.client().list_presets().items == []
    assert restarted.empty_label.isVisible()


def test_a_refresh_of_the_same_presets_keeps_a_rename_being_typed(qtbot):
    now = datetime.now(UTC)
    stamps = {"version": 1, "created_at": now, "updated_at": now}
    names = ("奶油胶片", "日系")
    presets = [PresetPublic(id=uuid.uuid4(), name=n, recipe={}, **stamps) for n in names]
    model = PresetsListModel()
    model.set_presets(presets)
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    view.edit(model.index(0))
    editor = view.findChild(QLineEdit)
    editor.setText("周末")
    model.set_presets([preset.model_copy() for preset in presets])  # a background reload
    assert view.state() is QAbstractItemView.State.EditingState
    assert view.findChild(QLineEdit) is editor and editor.text() == "周末"
    renamed = presets[1].model_copy(update={"name": "日系 2", "version": 2})
    model.set_presets([presets[0], renamed])
    assert model.names() == ["奶油胶片", "日系 2"]
    assert view.state() is QAbstractItemView.State.EditingState
