"""Covers from templates: the gallery drawn with the note's photos, applying a template as an
editable cover saved with how it was made, and saving that cover as one's own template —
the logic without widgets, then the app against the real backend."""

from __future__ import annotations

import io
import uuid
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editor.brand import DEFAULT_BRAND, BrandStyle
from editor.layers import StickerLayer, TextLayer
from editor.recipe import Recipe
from editor.render import render
from editor.stickers import load_builtin
from editor.templates import builtin_template_names, load_template, render_template
from publisher.client import StudioClient
from studio.covers.apply import (
    compose_cover,
    cover_texts,
    template_of_cover,
    template_photos,
)
from studio.covers.catalog import ALL, MINE, builtin_entries, user_entry
from studio.drafts.journal import DraftFields, DraftJournal, JournalEntry
from studio.drafts.session import SaveState
from studio.messages import message
from tests.studio.conftest import make_photo
from tests.studio.helpers import type_text

WAIT_MS = 30_000
TITLE = "成都咖啡探店"
A, B, C, D = ("a" * 64, "b" * 64, "c" * 64, "d" * 64)


@pytest.fixture
def photos(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "photos"
    folder.mkdir()
    return [
        make_photo(folder / "latte.jpg", (900, 1200), (200, 150, 110)),
        make_photo(folder / "street.jpg", (1200, 900), (120, 170, 210)),
        make_photo(folder / "cake.jpg", (1000, 1000), (230, 140, 170)),
        make_photo(folder / "garden.jpg", (900, 1200), (110, 190, 120)),
    ]


# -- without widgets -------------------------------------------------------------------------


def _composition() -> dict:
    return {"template": load_template("collage_2").to_dict(), "photos": [A, B], "texts": {}}


def test_a_cover_keeps_its_composition_through_edits_exports_saves_and_the_journal(tmp_path):
    composition = _composition()
    fields = DraftFields(media=(A, B, C)).with_composition(A, composition)
    assert fields.composed() == (A,) and fields.composition_of(A) == composition
    assert fields.composition_of(B) is None and template_photos(fields) == (B, C)
    # A recipe, its export, a new order and going back to no edit keep how it was made.
    titled = Recipe(layers=(TextLayer(text=TITLE),))
    fields = fields.with_recipe(A, titled.to_dict())
    key = fields.recipe_key_of(A)
    fields = fields.with_rendered(A, key, D).with_media((B, A, C))
    assert fields.composition_of(A) == composition and fields.edit_of(A).rendered_sha256 == D
    assert fields.with_recipe(A, Recipe().to_dict()).composition_of(A) == composition
    # Saved with the note, and journaled for a crash.
    payload = {item.sha256: item for item in fields.media_payload()}
    assert payload[A].composition == composition and payload[B].composition is None
    journal = DraftJournal(tmp_path)
    entry = JournalEntry("k", None, None, None, fields, dirty=True, opened_at=1.0)
    journal.write(entry)
    (restored,) = journal.read_all()
    assert restored.fields == fields
    # Removing the cover removes its composition; a plain photo is marked plain again.
    assert fields.with_media((B, C)).composed() == ()
    assert fields.with_composition(A, None).composed() == ()


def test_the_catalog_names_every_builtin_and_finds_them_by_group_and_search():
    entries = builtin_entries()
    assert len(entries) == len(builtin_template_names()) >= 20
    assert {entry.group for entry in entries} == {"cover", "collage", "video"}
    four = next(entry for entry in entries if entry.key == "collage_4")
    assert four.title == "Collage of 4" and four.photo_count == 4
    assert four.in_group(ALL) and four.in_group("collage") and not four.in_group(MINE)
    assert four.matches("collage 4") and four.matches("COLLAGE") and not four.matches("video")
    videos = [entry for entry in entries if entry.matches("video")]
    assert videos and all(entry.group == "video" for entry in videos)


def test_a_saved_template_a_newer_app_made_is_left_out_not_shown_broken():
    class Saved:
        id = uuid.uuid4()
        name = "我的模板"
        document = {**load_template("collage_2").to_dict(), "version": 99}

    assert user_entry(Saved()) is None  # type: ignore[arg-type]
    Saved.document = load_template("collage_2").to_dict()
    entry = user_entry(Saved())  # type: ignore[arg-type]
    assert entry is not None and entry.group == MINE and entry.title == "我的模板"


def _arrays(count: int) -> list[np.ndarray]:
    return [np.full((400, 300, 3), 40 + 50 * index, np.uint8) for index in range(count)]


def test_a_composed_cover_is_the_template_with_its_texts_left_editable():
    template = load_template("collage_4")
    texts = cover_texts(template, f"  {TITLE} ")
    assert texts == {"title": TITLE} and cover_texts(load_template("collage_4"), " ") == {}
    style = BrandStyle(primary="#1E88E5")
    cover = compose_cover(
        template, _arrays(4), [A, B, C, D], texts, style=style, stickers=load_builtin
    )
    baked = np.asarray(Image.open(io.BytesIO(cover.jpeg)).convert("RGB"))
    assert baked.shape == (template.height, template.width, 3)
    texts_drawn = [layer.text for layer in cover.recipe.layers if isinstance(layer, TextLayer)]
    assert TITLE in texts_drawn
    assert any(isinstance(layer, StickerLayer) for layer in cover.recipe.layers)
    assert cover.recipe.brand == style
    assert cover.composition == {
        "template": template.to_dict(),
        "photos": [A, B, C, D],
        "texts": {"title": TITLE},
    }
    # The cover as drawn (baked base + its layers) is the template drawn whole.
    whole = render_template(template, _arrays(4), texts, brand=style)
    drawn = render(baked, cover.recipe)
    assert np.abs(drawn.astype(int) - whole.astype(int)).mean() < 3
    # The title, retyped in the editor, is drawn instead.
    retyped = replace(
        cover.recipe,
        layers=tuple(
            replace(layer, text="周末咖啡地图")
            if isinstance(layer, TextLayer) and layer.text == TITLE
            else layer
            for layer in cover.recipe.layers
        ),
    )
    assert np.abs(render(baked, retyped).astype(int) - drawn.astype(int)).max() > 100
    # Saving it as one's own template keeps the layout and asks for a title again.
    mine = template_of_cover(cover.composition, cover.recipe)
    assert "title" in mine.text_slots and len(mine.photo_slots) == 4
    # A retyped title is still the title slot, with the new text as its default.
    retitled = template_of_cover(cover.composition, retyped)
    assert retitled.text_slots["title"] == "周末咖啡地图"


def test_fewer_photos_than_slots_name_only_the_photos_used():
    template = load_template("collage_4")
    cover = compose_cover(
        template, _arrays(2), [A, B], {}, style=DEFAULT_BRAND, stickers=load_builtin
    )
    assert cover.composition["photos"] == [A, B]


# -- the app, against the real backend -------------------------------------------------------


def _note_with(open_studio, qtbot, photos, title=TITLE):
    studio = open_studio()
    page = studio.window.create_page
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)
    page.add_files(photos)
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == len(photos), timeout=WAIT_MS)
    type_text(page.title_edit, title)
    assert studio.window.drafts.current.fields.title == title
    return studio, page


def _saved(studio) -> bool:
    session = studio.window.drafts.current
    return (
        session.note_id is not None and session.state is SaveState.SAVED and not session.is_dirty()
    )


def _pixels(image) -> np.ndarray:
    from studio.editor.edited_thumbnails import to_array

    return to_array(image)


def _all_drawn(dialog, width: int) -> bool:
    model = dialog.model
    entries = [model.entry_at(row) for row in range(model.rowCount())]
    return bool(entries) and all(
        dialog.previews.get(entry, width) is not None
        and not dialog.previews.is_pending(entry, width)
        for entry in entries
    )


def _photos_and_edits(fields) -> tuple:
    """The note's images, recipes and compositions, without their exports (nor the entries of
    unedited photos, which a save's answer may add or drop)."""
    return fields.media, tuple(
        (e.sha256, e.recipe, e.composition) for e in fields.edits if e.recipe or e.composition
    )


def _apply(page, qtbot, template, photos=None):
    before = len(page.media.ready_shas())
    question = page.apply_template(template, photos)
    assert question is None
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == before + 1, timeout=WAIT_MS)
    return page.media.ready_shas()[0]


def test_the_gallery_draws_every_template_with_the_notes_photos_and_title(
    open_studio, photos, qtbot
):
    studio, page = _note_with(open_studio, qtbot, photos)
    page.open_templates()
    dialog = page.templates
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 20, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _all_drawn(dialog, 300), timeout=90_000)
    pictures = {}
    for row in range(dialog.model.rowCount()):
        entry = dialog.model.entry_at(row)
        pixels = _pixels(dialog.previews.get(entry, 300))
        assert pixels.shape[1] == 300 and pixels.std() > 20, entry.key  # drawn, not blank
        pictures[entry.key] = pixels
    # Drawn with the note's photos and title, not the template's empty slots and sample.
    four = pictures["collage_4"]
    sample = render_template(load_template("collage_4"), (), width=300)
    assert np.abs(four.astype(int) - sample.astype(int)).mean() > 10
    untitled = render_template(load_template("collage_4"), (), {"title": TITLE}, width=300)
    band = slice(0, 40)  # the title band above the photos
    assert np.abs(four[band].astype(int) - untitled[band].astype(int)).mean() < 4
    assert np.abs(four[band].astype(int) - sample[band].astype(int)).mean() > 8
    # The chosen template is shown large; its photos are numbered in slot order.
    assert dialog.select("collage_4")
    qtbot.waitUntil(lambda: dialog.large.picture is not None, timeout=WAIT_MS)
    assert dialog.chosen().key == "collage_4"
    assert dialog.photo_order.order() == page.media.ready_shas()
    # Groups and search narrow the grid.
    dialog.show_group("video")
    assert 0 < dialog.model.rowCount() < 20
    assert all(dialog.model.entry_at(r).group == "video" for r in range(dialog.model.rowCount()))
    dialog.show_group(MINE)
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
    dialog.show_group(ALL)
    dialog.search.setText("collage")
    qtbot.waitUntil(lambda: dialog.model.rowCount() < 20, timeout=WAIT_MS)
    assert all("collage" in dialog.model.entry_at(r).key for r in range(dialog.model.rowCount()))
    dialog.search.setText("no such template")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=WAIT_MS)
    assert dialog.empty.isVisible() and "no such template" in dialog.empty.text()
    # The brand kit's colours restyle the pictures: a new style draws them anew.
    dialog.search.clear()
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 20, timeout=WAIT_MS)
    client = studio.client()
    organization = client.list_organizations()[0]
    colors = {**BrandStyle(primary="#1E88E5").to_dict()}
    font = colors.pop("font")
    client.save_brand_kit(
        organization.id, version=0, name="Blue", colors=colors, font=font, logo_sha256=None
    )
    studio.ctx.brand.reload()
    qtbot.waitUntil(lambda: studio.ctx.brand.style.primary == "#1E88E5", timeout=WAIT_MS)
    assert dialog.select("collage_4")
    entry = dialog.chosen()
    qtbot.waitUntil(
        lambda: (
            dialog.previews.get(entry, 300) is not None
            and not dialog.previews.is_pending(entry, 300)
        ),
        timeout=WAIT_MS,
    )
    blue = _pixels(dialog.previews.get(entry, 300))
    assert np.abs(blue.astype(int) - four.astype(int)).mean() > 3


def test_a_collage_cover_with_a_chinese_title_is_added_first_saved_and_stays_editable(
    open_studio, photos, qtbot
):
    studio, page = _note_with(open_studio, qtbot, photos)
    shas = page.media.ready_shas()
    page.open_templates()
    dialog = page.templates
    qtbot.waitUntil(lambda: dialog.select("collage_4"), timeout=WAIT_MS)
    dialog.use_chosen()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 5, timeout=WAIT_MS)
    session = studio.window.drafts.current
    cover = page.media.ready_shas()[0]
    assert cover not in shas and session.fields.media == (cover, *shas)
    composition = session.fields.composition_of(cover)
    assert composition["photos"] == list(shas) and composition["texts"] == {"title": TITLE}
    assert composition["template"]["name"] == "Collage of 4"
    recipe = session.fields.recipe_of(cover)
    assert TITLE in [layer.text for layer in recipe.layers if isinstance(layer, TextLayer)]
    # The editor opens on it, in Text & stickers, the title selected to retype.
    editor = page.editor
    assert page.editing and editor.sha256 == cover
    assert editor.tabs.currentWidget() is editor.layers_panel
    title_index = editor.layers_panel.selected
    assert recipe.layers[title_index].text == TITLE
    # Saved with the note: reloaded from the backend it is the cover, composition and all.
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note = studio.client().get_note(uuid.UUID(session.note_id))
    first = min(note.media, key=lambda medium: medium.position)
    assert first.sha256 == cover
    assert first.composition["photos"] == list(shas)
    assert first.composition["texts"] == {"title": TITLE}
    saved = Recipe.from_dict(first.recipe)
    assert saved.layers == recipe.layers
    # The title stays editable: retyped, it is saved and drawn.
    retyped = replace(
        recipe,
        layers=tuple(
            replace(layer, text="周末咖啡地图") if index == title_index else layer
            for index, layer in enumerate(recipe.layers)
        ),
    )
    editor.commit(retyped)
    qtbot.waitUntil(lambda: session.fields.recipe_of(cover) == retyped, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note = studio.client().get_note(uuid.UUID(session.note_id))
    first = min(note.media, key=lambda medium: medium.position)
    texts = [
        layer.text
        for layer in Recipe.from_dict(first.recipe).layers
        if isinstance(layer, TextLayer)
    ]
    assert "周末咖啡地图" in texts and first.composition is not None
    base = np.asarray(Image.open(io.BytesIO(studio.client().media_bytes(cover))).convert("RGB"))
    assert base.shape == (1440, 1080, 3)
    assert np.abs(render(base, retyped).astype(int) - render(base, recipe).astype(int)).max() > 100
    # Published, the cover is exported with its layers like any edited photo.
    page.close_editor()
    qtbot.waitUntil(lambda: session.fields.unrendered() == (), timeout=WAIT_MS)


def test_applying_again_asks_to_replace_the_cover_or_add_another(open_studio, photos, qtbot):
    studio, page = _note_with(open_studio, qtbot, photos)
    first = _apply(page, qtbot, "collage_4")
    page.close_editor()
    session = studio.window.drafts.current
    question = page.apply_template("collage_2")
    assert question is not None and question.isVisible()
    add = next(b for b in question.buttons() if b.text() == "Add another")
    add.click()
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 6, timeout=WAIT_MS)
    second = page.media.ready_shas()[0]
    assert page.media.ready_shas()[1] == first and session.fields.composed() == (second, first)
    # Only the note's photos fill a template, never a cover made from one.
    assert session.fields.composition_of(second)["photos"] == list(page.media.ready_shas()[2:4])
    page.close_editor()
    question = page.apply_template("cover_big_title")
    replace_button = next(b for b in question.buttons() if b.text() == "Replace it")
    replace_button.click()
    qtbot.waitUntil(lambda: second not in page.media.ready_shas(), timeout=WAIT_MS)
    third = page.media.ready_shas()[0]
    assert len(page.media.ready_shas()) == 6 and page.media.ready_shas()[1] == first
    assert session.fields.composition_of(third)["template"]["name"] == "Big title"
    # Cancel changes nothing (the exports closing the editor starts may land meanwhile).
    page.close_editor()
    before = _photos_and_edits(session.fields)
    question = page.apply_template("collage_3")
    question.reject()
    qtbot.wait(200)
    assert _photos_and_edits(session.fields) == before and not page.covers.busy


def test_a_cover_saved_as_my_template_appears_under_mine(open_studio, photos, qtbot):
    studio, page = _note_with(open_studio, qtbot, photos)
    _apply(page, qtbot, "collage_4")
    page.close_editor()
    page.open_templates()
    dialog = page.templates
    assert dialog.save_cover_button.isEnabled()
    prompt = dialog.save_cover_as_template()
    prompt.name_edit.clear()
    type_text(prompt.name_edit, "我的咖啡拼图")
    prompt.save_button.click()
    qtbot.waitUntil(lambda: not prompt.isVisible(), timeout=WAIT_MS)
    (saved,) = studio.client().list_templates().items
    assert saved.name == "我的咖啡拼图" and saved.category == "collage"
    qtbot.waitUntil(
        lambda: dialog.chosen() is not None and dialog.chosen().user is not None, timeout=WAIT_MS
    )
    mine = dialog.chosen()
    assert mine.group == MINE and mine.title == "我的咖啡拼图"
    assert "title" in mine.template.text_slots and mine.photo_count == 4
    assert dialog.group_tabs[MINE].isChecked()
    qtbot.waitUntil(lambda: _all_drawn(dialog, 300), timeout=WAIT_MS)
    # The same name again is refused with a message; the prompt stays open with the name.
    again = dialog.save_cover_as_template()
    again.name_edit.setText("我的咖啡拼图")
    again.save_button.click()
    qtbot.waitUntil(lambda: again.error_label.isVisible(), timeout=WAIT_MS)
    assert again.error_label.text() == message("template.name_taken", {"name": "我的咖啡拼图"})
    assert again.isVisible() and again.name_edit.text() == "我的咖啡拼图"
    again.reject()
    # Renamed and deleted from its card's menu.
    renaming = dialog.rename(mine)
    renaming.name_edit.setText("Coffee grid")
    renaming.save_button.click()
    qtbot.waitUntil(lambda: not renaming.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: dialog.chosen() is not None and dialog.chosen().title == "Coffee grid",
        timeout=WAIT_MS,
    )
    question = dialog.delete(dialog.chosen())
    next(b for b in question.buttons() if b.text() == "Delete").click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=WAIT_MS)
    assert studio.client().list_templates().items == []


def test_a_refused_or_failing_apply_shows_a_message_and_changes_nothing(open_studio, photos, qtbot):
    studio, page = _note_with(open_studio, qtbot, photos[:2])
    session = studio.window.drafts.current
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    before = _photos_and_edits(session.fields)
    page.apply_template("no_such_template")
    qtbot.waitUntil(lambda: page.notice_banner.isVisible(), timeout=WAIT_MS)
    assert message("template.unknown", {"name": "no_such_template"}) in page.notice_banner.text
    assert _photos_and_edits(session.fields) == before and page.templates_button.isEnabled()
    # A photo the backend does not have (gone meanwhile): the note keeps what it had.
    page.apply_template("collage_2", ("0" * 64, session.fields.media[0]))
    qtbot.waitUntil(lambda: message("media.not_found") in page.notice_banner.text, timeout=WAIT_MS)
    assert _photos_and_edits(session.fields) == before and len(page.media.ready_shas()) == 2
    assert "Traceback" not in page.notice_banner.text


def test_a_cover_made_after_switching_notes_lands_in_its_own_note_and_is_saved(
    open_studio, photos, qtbot
):
    studio, page = _note_with(open_studio, qtbot, photos)
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    drafts = studio.window.drafts
    session = drafts.current
    note_id, shas = uuid.UUID(session.note_id), session.fields.media
    assert page.apply_template("collage_4") is None and page.covers.busy
    # The creator starts a new note before the cover is made: the old draft waits for it.
    drafts.new_draft(session.account_id)
    assert drafts.current is not session and session in drafts.sessions()
    qtbot.waitUntil(lambda: not page.covers.busy, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: session not in drafts.sessions(), timeout=WAIT_MS)
    note = studio.client().get_note(note_id)
    first = min(note.media, key=lambda medium: medium.position)
    assert len(note.media) == len(shas) + 1 and first.sha256 not in shas
    assert first.composition["photos"] == list(shas) and first.recipe is not None
    assert page.media.ready_shas() == ()  # the new note in the editor got nothing


def test_adding_the_same_cover_again_keeps_the_one_there_and_its_edits(open_studio, photos, qtbot):
    studio, page = _note_with(open_studio, qtbot, photos)
    cover = _apply(page, qtbot, "collage_4")
    session = studio.window.drafts.current
    recipe = session.fields.recipe_of(cover)
    edited = replace(recipe, layers=(*recipe.layers, TextLayer(text="周末咖啡地图")))
    page.editor.commit(edited)
    qtbot.waitUntil(lambda: session.fields.recipe_of(cover) == edited, timeout=WAIT_MS)
    page.close_editor()
    before = _photos_and_edits(session.fields)
    posted = []
    studio.ctx.notifier.posted.connect(lambda text, level: posted.append((text, level)))
    question = page.apply_template("collage_4")
    next(b for b in question.buttons() if b.text() == "Add another").click()
    qtbot.waitUntil(lambda: not page.covers.busy, timeout=WAIT_MS)
    assert _photos_and_edits(session.fields) == before
    assert session.fields.recipe_of(cover) == edited and session.fields.composed() == (cover,)
    assert [level for _text, level in posted] == ["info"]
    assert "has this cover already" in posted[0][0]


def test_a_photo_the_gallery_cannot_draw_shifts_no_other_photo_into_its_slot(
    open_studio, photos, qtbot, monkeypatch
):
    studio, page = _note_with(open_studio, qtbot, photos)
    latte, street, cake, garden = page.media.ready_shas()
    real = StudioClient.thumbnail

    def thumbnail(self, sha256, *args, **kwargs):
        return b"not a picture" if sha256 == street else real(self, sha256, *args, **kwargs)

    monkeypatch.setattr(StudioClient, "thumbnail", thumbnail)
    page.open_templates()
    dialog = page.templates
    qtbot.waitUntil(lambda: dialog.previews.inputs.photos_key != (), timeout=WAIT_MS)
    inputs = dialog.previews.inputs
    assert [sha for sha, _recipe in inputs.photos_key] == [latte, cake, garden]
    # Each picture is its own photo: green is the garden's strongest channel, red the others'.
    strongest = [int(np.argmax(photo.mean(axis=(0, 1)))) for photo in inputs.photos]
    assert strongest == [0, 0, 1]
