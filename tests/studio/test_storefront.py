"""The Storefront page against the real embedded backend: a brand creates its organization and
storefront, edits its details and logo, adds and edits products with images, imports a CSV
with a bad row and sees the report, exports, and deletes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from publisher.client.product_csv import parse_products_csv
from studio.pages.storefront_page import StorefrontPage
from studio.storefront.products_model import NAME, PRICE, STATUS
from tests.studio.conftest import Studio
from tests.studio.helpers import type_text

SHOTS = os.environ.get("STOREFRONT_SHOTS")
"""A folder to save screenshots of the page in (for looking at it), or unset."""


@pytest.fixture
def page(open_studio, qtbot) -> tuple[Studio, StorefrontPage]:
    studio = open_studio()
    page = StorefrontPage(studio.ctx)
    qtbot.addWidget(page)
    page.resize(1180, 860)
    page.show()
    return studio, page


def create_storefront(page: StorefrontPage, qtbot, name: str) -> None:
    dialog = page.open_new_storefront()
    qtbot.waitUntil(lambda: dialog.organization_combo.count() > 0)
    dialog.create_organization("小红美妆")
    qtbot.waitUntil(lambda: "小红美妆" in dialog.organization_combo.currentText())
    type_text(dialog.name_edit, name)
    shot(dialog, "new-storefront")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: page.storefront_combo.currentText() == name)


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_a_brand_keeps_its_storefront_and_products(page, qtbot, images, tmp_path, monkeypatch):
    studio, page = page
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)
    shot(page, "empty")
    create_storefront(page, qtbot, "小红美妆旗舰店")
    client = studio.client()
    (storefront,) = client.list_storefronts().items
    brand = next(org for org in client.list_organizations() if org.name == "小红美妆")
    assert (storefront.organization_id, brand.kind) == (brand.id, "brand")

    # Details: the introduction and a logo.
    type_text(page.intro_edit, "温和有效的护肤品牌")
    assert page.save_button.isEnabled()
    page.save_button.click()
    qtbot.waitUntil(lambda: client.list_storefronts().items[0].introduction == "温和有效的护肤品牌")
    page.upload_logo(images[1])
    qtbot.waitUntil(lambda: client.list_storefronts().items[0].logo_sha256 is not None)
    qtbot.waitUntil(lambda: not page.logo_label.pixmap().isNull())

    # A product with two images; the first one is the main image.
    dialog = page.open_product_dialog(None)
    assert not dialog.save_button.isEnabled()
    type_text(dialog.name_edit, "保湿精华 30ml")
    dialog.sku_edit.setText("SERUM-30")
    dialog.price_edit.setText("¥129.90")
    dialog.stock_edit.setText("12")
    dialog.link_edit.setText("https://shop.example.cn/p/1")
    dialog.add_image_files([images[0], images[2]])
    assert not dialog.save_button.isEnabled()  # still uploading
    qtbot.waitUntil(lambda: len(dialog.image_shas()) == 2)
    first, second = dialog.image_shas()
    shot(dialog, "product-dialog")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    (serum,) = client.search_products(storefront_id=storefront.id).items
    assert (serum.price_fen, serum.stock, serum.images) == (12990, 12, [first, second])
    assert page.model.index(0, PRICE).data() == "¥129.90"

    # Edit it: another price, off the shelf, the second image made the main one.
    assert page.select_product("SERUM-30")
    page.edit_button.click()
    dialog = page.product_dialog
    assert dialog.price_edit.text() == "129.90"
    dialog.price_edit.setText("99.5")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("off_shelf"))
    dialog.images.setCurrentRow(1)
    dialog.main_button.click()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.model.index(0, STATUS).data() == "Off shelf")
    serum = client.get_product(serum.id)
    assert (serum.price_fen, serum.status, serum.images) == (9950, "off_shelf", [second, first])

    # Import a sheet from a Chinese Excel: one update, one new product, one bad row.
    sheet = tmp_path / "商品.csv"
    sheet.write_bytes(
        (
            "SKU/商品编码,商品名称,价格(元),库存,状态(在售/下架)\r\n"
            'SERUM-30,保湿精华 30ml,"¥1,299.00",12,在售\r\n'
            "CREAM-50,修护面霜,258,0,在售\r\n"
            "MASK-1,面膜,abc,3,在售\r\n"
        ).encode("gb18030")
    )
    page.import_csv(sheet)
    qtbot.waitUntil(lambda: page.import_dialog is not None and page.import_dialog.isVisible())
    importing = page.import_dialog
    assert importing.table.rowCount() == 3
    assert "not a price" in importing.table.item(2, 7).text()
    assert importing.table.item(2, 0).text() == "⚠ 4"
    assert importing.table.item(2, 0).foreground().color().name() == "#ff2442"
    assert importing.table.item(0, 0).text() == "2"
    assert importing.table.item(0, 3).text() == "¥1,299.00"
    shot(importing, "import-preview")
    importing.action_button.click()
    qtbot.waitUntil(lambda: importing.report is not None)
    report = importing.report
    assert (report.created, report.updated, report.rejected_rows) == (["CREAM-50"], ["SERUM-30"], 1)
    assert "1 added, 1 updated, 0 unchanged, 1 rejected" in importing.summary.text()
    assert importing.table.rowCount() == 1 and importing.table.item(0, 1).text() == "MASK-1"
    shot(importing, "import-report")
    importing.done_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert client.get_product(serum.id).price_fen == 129900

    # Export, and the file reads back as the same products.
    out = tmp_path / "export.csv"
    page.export_csv(out)
    qtbot.waitUntil(out.exists)
    exported = parse_products_csv(out.read_bytes())
    assert sorted(row.sku for row in exported.valid) == ["CREAM-50", "SERUM-30"]
    assert not exported.invalid

    # Search, then delete after confirming.
    page.search.setText("面霜")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, NAME).data() == "修护面霜"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    shot(page, "products")
    page.select_product("CREAM-50")
    monkeypatch.setattr(page, "confirm_delete", lambda _product: False)
    page.delete_button.click()
    monkeypatch.setattr(page, "confirm_delete", lambda _product: True)
    page.select_product("CREAM-50")
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert [p.sku for p in client.search_products(storefront_id=storefront.id).items] == [
        "SERUM-30"
    ]


def test_a_file_that_is_no_product_sheet_is_refused_with_a_reason(page, qtbot, tmp_path):
    studio, page = page
    create_storefront(page, qtbot, "店")
    messages: list[str] = []
    studio.ctx.notifier.posted.connect(lambda *args: messages.append(str(args)))
    sheet = tmp_path / "notes.csv"
    sheet.write_text("名字,备注\n甲,乙\n", encoding="utf-8")
    page.import_csv(sheet)
    qtbot.waitUntil(lambda: bool(messages))
    assert "has no “sku” column" in messages[0]
    assert page.import_dialog is None
