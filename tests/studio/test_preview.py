"""The note preview: the feed tile at real size and the note page on a phone, following the
draft as it is edited, against the real backend (products, topics and photos are real)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QPixmap

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
from studio.preview.phone_page import LINK, body_html
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
