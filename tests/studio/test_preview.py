"""The note preview: the feed tile at real size and the note page on a phone, following the
draft as it is edited, against the real backend (products, topics and photos are real)."""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QBuffer, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPixmap

import studio.preview
from editor.recipe import Adjust, Recipe
from publisher.domain.text import graphemes
from studio import style
from studio.drafts.journal import Tag
from studio.preview.carousel import Carousel
from studio.preview.compose import (
    Run,
    RunKind,
    body_runs,
    counter_text,
    cover_aspect,
    ratio_bounds,
)
from studio.preview.feed_tile import TILE_WIDTH, FeedTile, elided_lines
from studio.preview.phone_page import LINK, UNBROKEN_RUN, body_html, break_long_runs
from studio.preview.photos import PreviewPhotos
from studio.tasks import Lane
from tests.studio.helpers import type_text

WAIT_MS = 30_000
BOUNDS = (0.75, 4 / 3)


# -- what is shown, without Qt -------------------------------------------------------------


def test_body_runs_put_topics_and_mentions_as_links_after_the_text():
    runs = body_runs("  好喝！\n\n下次还来  ", ["咖啡", "成都探店"], ["小鹿同学"])
    assert runs == (
        Run("好喝！\n\n下次还来"),
        Run("\n"),
        Run("#咖啡", RunKind.TOPIC),
        Run(" "),
        Run("#成都探店", RunKind.TOPIC),
        Run(" "),
        Run("@小鹿同学", RunKind.MENTION),
    )
    assert body_runs("", ["咖啡"]) == (Run("#咖啡", RunKind.TOPIC),)
    assert body_runs("  ", []) == ()


def test_body_html_colours_links_escapes_text_and_breaks_long_runs():
    page = body_html(body_runs("<b>1 & 2</b>\nhttps://" + "x" * 60, ["咖啡"]))
    assert "&lt;b&gt;1 &amp; 2&lt;/b&gt;<br>" in page
    assert f'<span style="color:{LINK};">#咖啡</span>' in page
    assert "\u200b" in page  # the unbroken 60-character run may wrap inside the screen


def test_long_runs_break_only_outside_cjk_and_between_graphemes():
    chinese = "周末在成都发现了一家超级宝藏的咖啡店一定要去老板自己烘豆好喝下次还来" * 2
    assert break_long_runs(chinese) == chinese  # CJK wraps anywhere without help
    emoji = "好吃👍🏽" * 20
    assert break_long_runs(emoji) == emoji
    # A skin-toned thumb and a flag at the 22nd place stay whole.
    thumb = "x" * (UNBROKEN_RUN - 1) + "👍🏽" + "y" * 10
    assert "👍🏽" in break_long_runs(thumb)
    flag = "x" * (UNBROKEN_RUN - 1) + "🇨🇳" + "y" * 10
    broken = break_long_runs(flag)
    assert broken == "x" * (UNBROKEN_RUN - 1) + "🇨🇳\u200b" + "y" * 10
    url = "https://example.com/" + "a1b2c3" * 15
    pieces = break_long_runs(url).split("\u200b")
    assert "".join(pieces) == url and len(pieces) == 5
    assert all(len(graphemes(piece)) <= UNBROKEN_RUN for piece in pieces)
    # A short word between spaces and CJK is left alone.
    assert break_long_runs("看 https://a.cn 吧") == "看 https://a.cn 吧"


def test_preview_takes_the_brand_colours_from_the_style_instead_of_copying_them():
    # The phone's own colours (the platform's text grey …) may differ from the app's; a constant
    # of the same name and value as the style's is a copy that would drift from it.
    shared = {name: value for name, value in vars(style).items() if name.isupper()}
    for module in Path(studio.preview.__file__).parent.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.Constant):
                continue
            for target in node.targets:
                name = target.id if isinstance(target, ast.Name) else ""
                copied = name in shared and shared[name] == node.value.value
                assert not copied, f"{module.name} copies {name} from studio.style"


def test_cover_shape_is_its_own_within_three_four_and_four_three():
    bounds = ratio_bounds(["3:4", "1:1", "4:3"])
    assert bounds == (0.75, 4 / 3)
    assert cover_aspect(1080, 1440, bounds) == 0.75
    assert cover_aspect(1000, 1000, bounds) == 1.0
    assert cover_aspect(1080, 1920, bounds) == 0.75  # 9:16 is cropped to 3:4
    assert cover_aspect(1920, 1080, bounds) == 4 / 3  # 16:9 is cropped to 4:3
    assert cover_aspect(0, 0, bounds) == 0.75
    assert counter_text(0, 5) == "1/5" and counter_text(17, 18) == "18/18"
    assert counter_text(0, 1) == "" and counter_text(0, 0) == ""


# -- widgets -------------------------------------------------------------------------------


def _pixmaps(count: int, width: int = 300, height: int = 400) -> list[QPixmap | None]:
    pictures: list[QPixmap | None] = []
    for index in range(count):
        pixmap = QPixmap(width, height)
        pixmap.fill(QColor.fromHsv(index * 20 % 360, 120, 220))
        pictures.append(pixmap)
    return pictures


def test_feed_tile_titles_wrap_to_two_lines_with_an_ellipsis(qtbot):
    tile = FeedTile()
    qtbot.addWidget(tile)

    def show(title: str, cover: QPixmap | None) -> None:
        tile.show_note(
            cover=cover,
            has_photos=cover is not None,
            title=title,
            nickname="小鹿",
            bounds=BOUNDS,
            placeholder="No cover yet",
            like="Like",
        )

    show("周末在成都发现了一家超级宝藏的咖啡店☕️一定要去！！！" * 3, _pixmaps(1)[0])
    assert len(tile.title_lines) == 2
    assert tile.title_lines[1].endswith("…")
    assert tile.width() == TILE_WIDTH
    assert tile.cover_height == round(TILE_WIDTH / 0.75)
    show("短标题", _pixmaps(1, 1600, 900)[0])
    assert tile.title_lines == ["短标题"]
    assert tile.cover_height == round(TILE_WIDTH * 3 / 4)  # 16:9 shown as 4:3
    tall = tile.height()
    show("", None)
    assert tile.title_lines == []
    assert tile.height() < tall + (TILE_WIDTH / 0.75 - TILE_WIDTH * 3 / 4)
    font = QFont()
    font.setPixelSize(14)
    assert elided_lines("   ", font, 200, 2) == []


def test_titles_with_emoji_beyond_the_bmp_wrap_within_the_width(qtbot):
    font = QFont()
    font.setPixelSize(14)
    font.setWeight(QFont.Weight.Medium)
    metrics = QFontMetricsF(font)
    title = "🍲🍲🍲🍲成都火锅探店必吃榜单来了太好吃"  # each 🍲 is two UTF-16 units
    for width in (120, 160, TILE_WIDTH - 24):
        whole = elided_lines(title, font, width, 10)
        assert "".join(whole) == title
        assert all(line for line in whole)
        assert all(metrics.horizontalAdvance(line) <= width for line in whole)
        two = elided_lines(title, font, width, 2)
        assert all(metrics.horizontalAdvance(line) <= width for line in two)
        assert two[0] == whole[0]
        if len(whole) > 2:
            assert two[1].endswith("…")
    lines = elided_lines("🇨🇳👍🏽" * 30, font, 120, 2)
    assert lines[1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= 120 for line in lines)
    assert "🇨" not in lines[0].replace("🇨🇳", "")  # no flag cut in half


class _Runner:
    """Keeps the jobs so a test runs them in the order it likes."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Lane, object]] = []

    def run(self, lane: Lane, job) -> None:
        self.jobs.append((lane, job))


def _png(colour: str) -> bytes:
    pixmap = QPixmap(40, 30)
    pixmap.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return bytes(buffer.data())


def _preview_photos(tmp_path):
    runner = _Runner()
    client = SimpleNamespace(thumbnail=lambda _sha, _size: _png("#808080"))
    ctx = SimpleNamespace(
        data_dir=tmp_path, runner=runner, connection=SimpleNamespace(client=lambda: client)
    )
    return PreviewPhotos(ctx, lambda _sha, _recipe: None), runner


def _run(qtbot, runner: _Runner, index: int) -> None:
    _lane, job = runner.jobs.pop(index)
    job()
    qtbot.wait(1)  # the answer comes back queued


def test_preview_photo_renders_are_cpu_work_and_a_late_old_recipe_is_dropped(qtbot, tmp_path):
    photos, runner = _preview_photos(tmp_path)
    sha = "a" * 64
    assert photos.get(sha, Recipe()) is None
    _run(qtbot, runner, 0)  # the larger thumbnail arrives
    dark, bright = Recipe(adjust=Adjust(exposure=-2.0)), Recipe(adjust=Adjust(exposure=2.0))
    photos.get(sha, dark)
    photos.get(sha, bright)
    assert [lane for lane, _job in runner.jobs] == [Lane.MEDIA, Lane.MEDIA]
    _run(qtbot, runner, 1)  # the bright render answers first …
    shown = photos.get(sha, bright)
    assert shown is not None and QColor(shown.toImage().pixel(5, 5)).lightness() > 128
    _run(qtbot, runner, 0)  # … the dark one, asked before, after it: too late to be shown
    shown = photos.get(sha, bright)
    assert QColor(shown.toImage().pixel(5, 5)).lightness() > 128
    assert runner.jobs == []


def test_preview_photos_let_go_of_renders_and_failures_of_removed_photos(qtbot, tmp_path):
    photos, runner = _preview_photos(tmp_path)
    kept, gone = "a" * 64, "b" * 64
    for sha in (kept, gone):
        photos.get(sha, Recipe())
        _run(qtbot, runner, 0)
    failing = Recipe(adjust=Adjust(exposure=1.0))
    photos.get(gone, failing)
    photos.get(kept, failing)
    photos._failed.add((gone, Recipe(adjust=Adjust(exposure=0.5))))
    photos.retain([kept])
    assert photos._rendering == {(kept, failing)}
    assert photos._failed == set()
    _run(qtbot, runner, 0)  # the removed photo's render answers: nothing is kept of it
    assert gone not in photos._rendered and gone not in photos._sources


def test_carousel_moves_by_swipe_click_keys_and_dots(qtbot):
    carousel = Carousel(375)
    qtbot.addWidget(carousel)
    carousel.show()
    carousel.show_pictures(_pixmaps(5), BOUNDS, "")
    assert (carousel.count, carousel.current, carousel.counter) == (5, 0, "1/5")
    assert carousel.stage_height == 500

    middle = carousel.stage_height // 2
    with qtbot.waitSignal(carousel.current_changed):
        qtbot.mousePress(carousel, Qt.MouseButton.LeftButton, pos=QPoint(300, middle))
        qtbot.mouseMove(carousel, QPoint(200, middle))
        qtbot.mouseMove(carousel, QPoint(100, middle))
        qtbot.mouseRelease(carousel, Qt.MouseButton.LeftButton, pos=QPoint(100, middle))
    assert carousel.current == 1 and carousel.counter == "2/5"

    # A short drag springs back; a click on the right or left third turns the page.
    qtbot.mousePress(carousel, Qt.MouseButton.LeftButton, pos=QPoint(200, middle))
    qtbot.mouseRelease(carousel, Qt.MouseButton.LeftButton, pos=QPoint(180, middle))
    assert carousel.current == 1
    qtbot.mouseClick(carousel, Qt.MouseButton.LeftButton, pos=QPoint(350, middle))
    assert carousel.current == 2
    qtbot.mouseClick(carousel, Qt.MouseButton.LeftButton, pos=QPoint(20, middle))
    assert carousel.current == 1
    qtbot.keyClick(carousel, Qt.Key.Key_Right)
    qtbot.keyClick(carousel, Qt.Key.Key_Right)
    qtbot.keyClick(carousel, Qt.Key.Key_Right)
    qtbot.keyClick(carousel, Qt.Key.Key_Right)
    assert carousel.current == 4 and carousel.counter == "5/5"  # stops at the last

    dots = carousel._dots()
    qtbot.mouseClick(carousel, Qt.MouseButton.LeftButton, pos=dots[0].center().toPoint())
    assert carousel.current == 0

    # Fewer pictures than the page shown: it moves back to the last one there is.
    carousel.set_current(4, animate=False)
    carousel.show_pictures(_pixmaps(2), BOUNDS, "")
    assert carousel.current == 1 and carousel.counter == "2/2"


def test_carousel_of_eighteen_photos_keeps_its_dots_on_screen(qtbot):
    carousel = Carousel(375)
    qtbot.addWidget(carousel)
    carousel.show_pictures(_pixmaps(18, 400, 300), BOUNDS, "")
    assert carousel.stage_height == round(375 * 3 / 4)
    assert all(carousel.rect().toRectF().contains(dot) for dot in carousel._dots())
    carousel.set_current(17, animate=False)
    assert carousel.counter == "18/18"


# -- the preview of the Create page's draft -----------------------------------------------


def _create_page(qtbot, studio):
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)
    return studio.window.create_page


def test_empty_note_preview_says_what_to_add(open_studio, qtbot):
    studio = open_studio()
    page = _create_page(qtbot, studio)
    assert page.preview is None
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    preview = page.preview
    assert preview is not None and preview.isVisible()
    assert "Nothing to preview yet" in preview.hint.text()
    phone = preview.phone
    assert phone.carousel.count == 0 and phone.carousel.counter == ""
    assert not phone.title_label.isVisible()
    assert not phone.body_label.isVisible()
    assert not phone.place_row.isVisible()
    assert phone.product_cards == []
    assert preview.tile.title_lines == []
    assert phone.nickname_label.text() == studio.window.accounts.nickname(
        page._session.account_id or ""
    )


def test_preview_follows_the_note_as_it_is_edited(open_studio, qtbot, images):
    studio = open_studio()
    client = studio.client()
    page = _create_page(qtbot, studio)
    account = client.list_accounts()[0]
    client.set_can_link_products(account.id, version=account.version, allowed=True)
    storefront = client.create_storefront(name="小店")
    pot = client.create_product(
        storefront_id=storefront.id, name="手冲咖啡壶", sku="POT-01", price_fen=12800, stock=7
    )
    beans = client.create_product(
        storefront_id=storefront.id, name="咖啡豆", sku="BEAN-01", price_fen=6800, stock=0
    )
    coffee = client.create_topic("咖啡")

    page.open_preview()
    preview = page.preview
    phone = preview.phone
    type_text(page.title_edit, "成都宝藏咖啡店☕️")
    qtbot.waitUntil(lambda: phone.title_label.text() == "成都宝藏咖啡店☕️", timeout=WAIT_MS)
    assert phone.title_label.isVisible()
    assert preview.tile.title_lines == ["成都宝藏咖啡店☕️"]
    type_text(page.body_edit, "老板自己烘豆🌿")
    qtbot.waitUntil(lambda: "老板自己烘豆🌿" in phone.body_label.text(), timeout=WAIT_MS)

    page.topic_picker.topics_changed.emit((Tag(str(coffee.id), coffee.name),))
    page.place_picker.place_changed.emit(Tag("cn:510100", "成都市"))
    page.product_picker.products_changed.emit(
        (Tag(str(pot.id), pot.name), Tag(str(beans.id), beans.name))
    )
    qtbot.waitUntil(lambda: "#咖啡" in phone.body_label.text(), timeout=WAIT_MS)
    assert f'<span style="color:{LINK};">#咖啡</span>' in phone.body_label.text()
    assert phone.place_row.isVisible() and phone.place_label.text() == "成都市"
    assert [card.name_label.text() for card in phone.product_cards] == ["手冲咖啡壶", "咖啡豆"]
    qtbot.waitUntil(lambda: phone.product_cards[0].price_label.text() == "¥128.00", timeout=WAIT_MS)
    assert phone.product_cards[0].stock_label.text() == "7 in stock"
    assert phone.product_cards[1].price_label.text() == "¥68.00"
    assert phone.product_cards[1].stock_label.text() == "Sold out"
    assert not phone.product_cards[1].buy_label.isEnabled()

    page.add_files(images)
    qtbot.waitUntil(lambda: phone.carousel.count == 4, timeout=WAIT_MS)
    assert phone.carousel.counter == "1/4"
    assert "Nothing to preview yet" not in preview.hint.text()
    qtbot.waitUntil(lambda: preview.tile._cover is not None, timeout=WAIT_MS)
    phone.carousel.next()
    assert phone.carousel.counter == "2/4"

    # A photo removed and the products unlinked: the preview follows.
    page.media.removeRows(3, 1)
    page.product_picker.products_changed.emit(())
    qtbot.waitUntil(lambda: phone.carousel.count == 3, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: phone.product_cards == [], timeout=WAIT_MS)
    assert not phone.products_title.isVisible()

    # Another draft: the preview shows that one.
    page.new_button.click()
    qtbot.waitUntil(lambda: phone.carousel.count == 0, timeout=WAIT_MS)
    assert not phone.title_label.isVisible()
