"""The cover lab: the feed's geometry at real size, the legibility rule, the default variants,
and the dialog against the real backend (photos, recent notes and renders are real)."""

from __future__ import annotations

import time
import uuid
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from editor.errors import EditorError
from editor.layers import StickerLayer, TextLayer
from editor.recipe import Recipe
from editor.templates import Template, load_template
from publisher.client import ClientError
from studio.cover_lab.choices import collage_for, default_variants, offered
from studio.cover_lab.dialog import CoverLabDialog
from studio.cover_lab.failures import failure_text
from studio.cover_lab.jobs import pick_recent
from studio.cover_lab.legibility import (
    MIN_GLYPH_MM,
    Verdict,
    glyph_height,
    judge,
    judge_cover,
    judge_template,
    recipe_title,
    template_title,
)
from studio.cover_lab.phone import (
    FALLBACK_DPI,
    TILE_WIDTH,
    TILE_WIDTH_MM,
    Placement,
    masonry,
    pixels_per_point,
    points_to_mm,
    screen_density,
    shown_cover_height,
)
from studio.cover_lab.tile import PHONE_TILE
from studio.covers.catalog import TemplateEntry, builtin_entries
from studio.drafts.journal import DraftFields, JournalEntry
from studio.drafts.session import DraftSession
from studio.messages import message
from tests.studio.helpers import type_text

WAIT_MS = 60_000
BOUNDS = (0.75, 4 / 3)


# -- the phone feed's geometry -------------------------------------------------------------


def test_a_feed_tile_is_about_31_mm_wide_on_a_390_point_phone():
    assert TILE_WIDTH == 187.5  # (390 − 3 × 5) / 2
    assert 30.8 < TILE_WIDTH_MM < 31.3
    assert points_to_mm(390) == pytest.approx(64.6, abs=0.1)  # the iPhone 12–15 screen


def test_the_real_size_follows_the_screens_density_and_distrusts_implausible_ones():
    desk = screen_density(100.0)
    assert desk.measured and desk.px_per_mm == pytest.approx(100 / 25.4)
    # A tile at real size on a 100-dpi screen: 31 mm is about 122 pixels.
    assert TILE_WIDTH * pixels_per_point(desk) == pytest.approx(TILE_WIDTH_MM * 100 / 25.4)
    assert pixels_per_point(desk, 2.0) == pytest.approx(2 * pixels_per_point(desk))
    for reported in (0.0, 12.0, 5000.0):  # a screen without a size, a projector, a VM
        guessed = screen_density(reported)
        assert not guessed.measured
        assert guessed.px_per_mm == pytest.approx(FALLBACK_DPI / 25.4)


def test_covers_keep_their_shape_within_three_four_and_four_three_in_a_tile():
    assert shown_cover_height(1080, 1440, BOUNDS) == pytest.approx(250.0)
    assert shown_cover_height(1000, 1000, BOUNDS) == pytest.approx(187.5)
    # Wider than 4:3 fills a 4:3 tile; narrower than 3:4 is drawn taller and cut.
    assert shown_cover_height(1920, 1080, BOUNDS) == pytest.approx(187.5 * 3 / 4)
    assert shown_cover_height(1080, 1920, BOUNDS) == pytest.approx(187.5 * 16 / 9)
    assert shown_cover_height(0, 0, BOUNDS) == pytest.approx(250.0)
    assert PHONE_TILE.height(250.0, 2) == pytest.approx(250 + 8 + 2 * 19 + 8 + 18 + 10)
    assert PHONE_TILE.height(250.0, 0) == pytest.approx(250 + 8 + 18 + 10)


def test_the_waterfall_puts_each_tile_in_the_shorter_column():
    placed = masonry([300, 200, 100, 50, 10], top=91, gap=5)
    assert placed == [
        Placement(0, 91),
        Placement(1, 91),
        Placement(1, 91 + 205),  # the right column is shorter (200 < 300)
        Placement(0, 91 + 305),  # now the left is (305 < 310)
        Placement(1, 91 + 310),
    ]
    assert masonry([]) == []


# -- the legibility rule -------------------------------------------------------------------


def test_glyph_height_is_an_ideographs_with_any_cjk_else_a_capitals():
    assert glyph_height("成都探店") == 0.9
    assert glyph_height("VLOG 01") == 0.74
    assert glyph_height("OOTD 穿搭") == 0.9


def test_a_title_under_2_2_mm_on_a_tile_is_flagged_small():
    layer = TextLayer("成都探店", size=0.085)
    readable = judge(layer, layer.text, (1080, 1440), BOUNDS)
    # 0.085 of a 250-pt (41.4-mm) tall cover, 0.9 of the em: 3.17 mm.
    assert readable.verdict is Verdict.READABLE
    assert readable.glyph_mm == pytest.approx(0.085 * points_to_mm(250) * 0.9)
    # Just under the limit, and the same size in Latin capitals (smaller glyphs).
    edge = MIN_GLYPH_MM / (points_to_mm(250) * 0.9)
    assert judge(TextLayer("探店", size=edge * 0.99), "探店", (1080, 1440), BOUNDS).verdict is (
        Verdict.SMALL
    )
    assert judge(TextLayer("探店", size=edge * 1.01), "探店", (1080, 1440), BOUNDS).verdict is (
        Verdict.READABLE
    )
    latin = judge(TextLayer("CAFE", size=edge * 1.01), "CAFE", (1080, 1440), BOUNDS)
    assert latin.verdict is Verdict.SMALL
    # A square cover is drawn shorter in the tile, so the same layer reads smaller.
    square = judge(layer, layer.text, (1080, 1080), BOUNDS)
    assert square.glyph_mm == pytest.approx(readable.glyph_mm * 0.75)
    assert judge(None, "", (1080, 1440), BOUNDS).verdict is Verdict.NO_TEXT
    assert judge(layer, "  ", (1080, 1440), BOUNDS).verdict is Verdict.NO_TEXT


def _template(*elements: dict, width: int = 1080, height: int = 1440, **rest) -> Template:
    return Template.from_dict(
        {"width": width, "height": height, "elements": list(elements), **rest}
    )


def test_a_templates_title_is_its_title_slot_filled_with_the_notes_title():
    template = _template(
        {"type": "photo"},
        {"type": "text", "text": "大字", "size": 0.12, "slot": "badge"},
        {"type": "text", "text": "示例标题", "size": 0.05, "slot": "title"},
    )
    assert template_title(template).size == 0.05  # the title slot, not the biggest text
    small = judge_template(template, "成都咖啡", BOUNDS)
    assert small.verdict is Verdict.SMALL
    assert small.glyph_mm == pytest.approx(0.05 * points_to_mm(250) * 0.9)
    # The note's Latin title reads smaller than the Chinese sample title it replaces.
    assert judge_template(template, "COFFEE", BOUNDS).glyph_mm < small.glyph_mm
    assert judge_template(template, "  ", BOUNDS).glyph_mm == small.glyph_mm  # sample stays
    untitled = _template({"type": "text", "text": "SALE", "size": 0.1}, {"type": "photo"})
    assert template_title(untitled).text == "SALE"
    assert judge_template(_template({"type": "photo"}), "成都", BOUNDS).verdict is Verdict.NO_TEXT


def test_an_edited_covers_title_is_its_largest_text_layer():
    recipe = Recipe(
        layers=(
            TextLayer("小字", size=0.03),
            StickerLayer("builtin:label_bimai"),
            TextLayer("大标题", size=0.1),
        )
    )
    assert recipe_title(recipe).text == "大标题"
    assert judge_cover(recipe, (1080, 1440), BOUNDS).verdict is Verdict.READABLE
    assert judge_cover(Recipe(), (1080, 1440), BOUNDS).verdict is Verdict.NO_TEXT


# -- which templates, which first ----------------------------------------------------------


def _entry(key: str, group: str, photos: int, *, height: int = 1440) -> TemplateEntry:
    template = _template(*[{"type": "photo"}] * photos, height=height, name=key, category=group)
    return TemplateEntry(key, template, key, group)


def test_the_lab_offers_covers_then_collages_of_an_allowed_shape():
    entries = [
        _entry("collage_2", "collage", 2),
        _entry("video_cover_3x4", "video", 1),
        _entry("cover_big_title", "cover", 1),
        _entry("cover_tall", "cover", 1, height=1920),
        _entry("cover_square", "cover", 1, height=1080),
    ]
    assert [e.key for e in offered(entries, BOUNDS)] == [
        "cover_big_title",
        "cover_square",
        "collage_2",
    ]


def test_defaults_are_big_title_a_collage_fitting_the_photos_and_a_checklist():
    entries = [
        _entry("cover_big_title", "cover", 1),
        _entry("cover_checklist", "cover", 1),
        _entry("before_after", "cover", 2),
        _entry("cover_price_tag", "cover", 1),
        _entry("collage_2", "collage", 2),
        _entry("collage_4_rounded", "collage", 4),
        _entry("collage_4", "collage", 4),
        _entry("collage_9", "collage", 9),
    ]
    assert collage_for(entries, 4) == "collage_4"
    assert collage_for(entries, 5) == "collage_4"
    assert collage_for(entries, 18) == "collage_9"
    assert collage_for(entries, 1) is None
    assert default_variants(entries, 4, 3) == ["cover_big_title", "collage_4", "cover_checklist"]
    assert default_variants(entries, 2, 4) == [
        "cover_big_title",
        "collage_2",
        "cover_checklist",
        "before_after",
    ]
    # One photo: nothing with an empty slot comes first.
    assert default_variants(entries, 1, 3) == [
        "cover_big_title",
        "cover_checklist",
        "cover_price_tag",
    ]
    assert len(set(default_variants(entries, 4, 8))) == 8


def test_the_preferred_defaults_are_shipped_templates():
    entries = offered(builtin_entries(), BOUNDS)
    keys = {entry.key for entry in entries}
    assert {"cover_big_title", "cover_checklist", "collage_4"} <= keys
    assert not any(entry.group == "video" for entry in entries)
    assert default_variants(entries, 4, 3) == ["cover_big_title", "collage_4", "cover_checklist"]


def test_recent_notes_are_published_first_and_never_the_note_itself():
    def note(status: str, *, media: bool = True, kind: str = "image") -> SimpleNamespace:
        return SimpleNamespace(
            id=uuid.uuid4(), status=status, type=kind, media=[object()] if media else []
        )

    draft, published, empty, video, own, later = (
        note("draft"),
        note("published"),
        note("published", media=False),
        note("published", kind="video"),
        note("draft"),
        note("published"),
    )
    notes = [draft, published, empty, video, own, later]
    assert pick_recent(notes, str(own.id), 5) == [published, later, draft]
    assert pick_recent(notes, str(own.id), 1) == [published]


# -- the dialog ----------------------------------------------------------------------------


def _create_page(qtbot, studio):
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)
    return studio.window.create_page


def _rendered(lab: CoverLabDialog) -> bool:
    return len(lab.cards) > 1 and all(card.picture.pixmap is not None for card in lab.cards)


def test_cover_lab_shows_the_cover_among_recent_notes_and_variants(open_studio, qtbot, images):
    studio = open_studio()
    client = studio.client()
    page = _create_page(qtbot, studio)
    account = client.list_accounts()[0]
    other = client.upload_media(images[1])
    client.create_note(
        account_id=account.id, title="秋天第一杯奶茶", media=[{"sha256": other.sha256}]
    )
    assert not page.cover_lab_button.isEnabled()  # no photos, nothing to judge

    page.add_files(images)
    type_text(page.title_edit, "成都宝藏咖啡店合集☕️")
    qtbot.waitUntil(lambda: len(page._session.fields.media) == 4, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page._session.note_id is not None, timeout=WAIT_MS)
    assert page.cover_lab_button.isEnabled()
    page.cover_lab_button.click()
    lab = page.findChild(CoverLabDialog)
    assert lab is not None and lab.isVisible() and lab.isModal()
    qtbot.waitUntil(lambda: _rendered(lab), timeout=WAIT_MS)

    # The current cover, then big title, a collage of the 4 photos and a checklist.
    assert [card.template_key for card in lab.cards] == [
        None,
        "cover_big_title",
        "collage_4",
        "cover_checklist",
    ]
    assert lab.cards[0].use_button is None
    assert all(card.use_button.isEnabled() for card in lab.cards[1:])
    assert lab.cards[0].legibility.verdict is Verdict.NO_TEXT  # a plain photo
    big = lab.cards[1].legibility
    assert big.verdict is Verdict.READABLE and big.glyph_mm > MIN_GLYPH_MM
    assert "mm tall on a phone" in lab.cards[1].verdict.text()

    # The feed: the note first, then the account's other note (not this one again).
    qtbot.waitUntil(lambda: len(lab.feed.phone.tiles) == 2, timeout=WAIT_MS)
    ours, theirs = lab.feed.phone.tiles
    assert ours.title_lines == ("成都宝藏咖啡店合集☕️",) and ours.cover is not None
    assert theirs.title_lines == ("秋天第一杯奶茶",) and not theirs.sample
    qtbot.waitUntil(lambda: lab.feed.phone.tiles[1].cover is not None, timeout=WAIT_MS)

    # Clicking a variant puts it into the feed.
    qtbot.mouseClick(lab.cards[2], Qt.MouseButton.LeftButton)
    assert lab.cards[2].property("selected") and not lab.cards[0].property("selected")
    assert lab.feed.phone.tiles[0].cover is lab.cards[2].picture.pixmap

    # Twice the real size: the phone and the tiles double.
    width = lab.feed.phone.width()
    tile = lab.cards[1].tile.width()
    lab.zoom_buttons.button(1).click()
    assert lab.feed.phone.width() == pytest.approx(2 * width, abs=2)
    assert lab.cards[1].tile.width() == pytest.approx(2 * tile, abs=2)

    # Another template re-renders that variant (an answer for the old one is dropped).
    card = lab.cards[1]
    before = card.picture.pixmap
    card.combo.setCurrentIndex(card.combo.findData("cover_checklist"))
    card.combo.setCurrentIndex(card.combo.findData("collage_2"))
    assert card.picture.pixmap is None
    qtbot.waitUntil(lambda: card.picture.pixmap is not None, timeout=WAIT_MS)
    assert card.picture.pixmap is not before
    expected = judge_template(load_template("collage_2"), "成都宝藏咖啡店合集☕️", BOUNDS)
    assert card.legibility == expected

    # "Use this cover" hands the template's name on and closes the lab.
    with qtbot.waitSignal(lab.template_chosen, timeout=5_000) as chosen:
        lab.cards[3].use_button.click()
    assert chosen.args == ["cover_checklist"]
    qtbot.waitUntil(lambda: page.findChild(CoverLabDialog) is None, timeout=5_000)


def test_a_backend_error_is_shown_and_the_lab_stays_usable(open_studio, qtbot):
    studio = open_studio()
    page = _create_page(qtbot, studio)
    account_id = page._session.account_id
    missing = "0" * 64  # not stored on the backend: its picture answers 404
    fields = DraftFields(title="成都探店", media=(missing,))
    entry = JournalEntry(
        key=str(uuid.uuid4()),
        account_id=account_id,
        note_id=str(uuid.uuid4()),
        version=1,
        fields=fields,
        dirty=False,
        opened_at=time.time(),
    )
    session = DraftSession(studio.ctx, entry, saved=fields, parent=page)
    lab = CoverLabDialog(studio.ctx, session, parent=page)
    lab.show()

    reason = message("media.not_found")
    qtbot.waitUntil(lambda: lab.banner.isVisible(), timeout=WAIT_MS)
    assert reason in lab.banner.text
    assert [button.text() for button in lab.banner.buttons()] == ["Try again"]
    assert all(card.picture.text == reason for card in lab.cards)
    assert all(card.use_button is None or not card.use_button.isEnabled() for card in lab.cards)
    # The account has no other notes: grey sample tiles, said so.
    qtbot.waitUntil(lambda: "no other notes" in lab.feed.state.text(), timeout=WAIT_MS)
    assert [tile.sample for tile in lab.feed.phone.tiles[1:]] == ["Sample"] * 5

    # Still usable: retry, zoom, pick a variant, close.
    lab.banner.buttons()[0].click()
    qtbot.waitUntil(lambda: lab.banner.isVisible(), timeout=WAIT_MS)
    lab.zoom_buttons.button(1).click()
    assert "twice" in lab.feed.size_hint.text()
    qtbot.mouseClick(lab.cards[1], Qt.MouseButton.LeftButton)
    assert lab.cards[1].property("selected")
    assert lab.close()


def test_failures_are_told_in_words_never_as_a_traceback():
    assert failure_text(ClientError("media.not_found", {}, 404)) == message("media.not_found")
    assert failure_text(EditorError("look.unknown", {"id": "x"})) == message("look.unknown")
    unexpected = failure_text(ValueError("boom"))
    assert "ValueError" in unexpected and "boom" not in unexpected
    assert "Something went wrong" not in unexpected  # the lab's own sentence, not the fallback
