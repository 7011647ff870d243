"""Undo/redo history of one photo: a stack of recipes with a clean mark (no Qt needed)."""

from __future__ import annotations

from editor.recipe import Recipe
from studio.editor.history import History


def _exposure(value: float) -> Recipe:
    return Recipe().with_adjust(exposure=value)


def test_undo_redo_walks_the_committed_states():
    history = History(Recipe())
    assert not history.can_undo and not history.can_redo
    assert history.commit(_exposure(1))
    assert history.commit(_exposure(2))
    assert history.current == _exposure(2)
    assert history.undo() == _exposure(1)
    assert history.undo() == Recipe()
    assert history.undo() == Recipe()  # nothing older: stays
    assert history.redo() == _exposure(1)
    assert history.can_redo


def test_a_new_step_after_undo_drops_the_redo_branch():
    history = History(Recipe())
    history.commit(_exposure(1))
    history.commit(_exposure(2))
    history.undo()
    history.commit(_exposure(3))
    assert not history.can_redo
    assert history.undo() == _exposure(1)


def test_committing_the_same_state_is_not_a_step():
    history = History(_exposure(1))
    assert not history.commit(_exposure(1))
    assert not history.can_undo


def test_clean_mark_follows_the_saved_state():
    history = History(Recipe())
    assert history.is_clean
    history.commit(_exposure(1))
    assert not history.is_clean
    history.mark_clean()
    history.commit(_exposure(2))
    history.undo()
    assert history.is_clean
    history.undo()
    history.commit(_exposure(3))  # the saved state was in the dropped branch
    assert not history.is_clean


def test_oldest_steps_are_forgotten_past_the_limit():
    history = History(Recipe(), max_steps=3)
    for value in (1, 2, 3, 4):
        history.commit(_exposure(value))
    assert history.undo() == _exposure(3)
    assert history.undo() == _exposure(2)
    assert not history.can_undo


def test_pasting_a_look_keeps_the_targets_text_stickers_brand_and_watermark():
    from editor.brand import BrandStyle, Watermark
    from editor.layers import StickerLayer, TextLayer

    source = Recipe(
        layers=(TextLayer("源图标题"),), brand=BrandStyle(primary="#00AA00")
    ).with_adjust(contrast=30)
    target = Recipe(
        layers=(StickerLayer("builtin:label_bimai"),),
        watermark=Watermark("builtin:label_bimai"),
    )
    pasted = target.with_look(source)
    assert pasted.adjust.contrast == 30
    assert pasted.layers == target.layers
    assert pasted.brand is None and pasted.watermark == target.watermark
