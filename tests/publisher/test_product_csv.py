"""Products CSV: brands' messy sheets parsed row by row with errors, exports that import back
unchanged, and imports that create, update and report through the real backend."""

from __future__ import annotations

import pytest

from publisher.client.product_csv import (
    CsvError,
    column_of,
    export_products,
    import_products,
    parse_price,
    parse_products_csv,
    storefront_products,
)
from tests.media_samples import image_bytes
from tests.publisher.test_api import token_of, upload

CHINESE_SHEET = (
    "SKU/商品编码,商品名称,价格(元),币种,库存,状态(在售/下架),链接,备注\r\n"
    'SERUM-30,保湿精华 30ml,"¥1,299.00",,12,在售,https://shop.example.cn/p/1,主推\r\n'
    "CREAM-50,修护面霜,258,人民币,0,下架,,\r\n"
    ",无编码的商品,10,,1,在售,,\r\n"
    "\r\n"
    "SERUM-30,重复的精华,99,,1,在售,,\r\n"
    "MASK-1,面膜,12.345,,-3,卖完了,javascript:alert(1),\r\n"
)


def codes(row) -> list[str]:
    return [error.code for error in row.errors]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_a_chinese_sheet_reads_in_every_encoding_excel_writes(encoding: str) -> None:
    parsed = parse_products_csv(CHINESE_SHEET.encode(encoding))
    assert parsed.columns == ("sku", "name", "price", "currency", "stock", "status", "external_url")
    serum, cream, no_sku, duplicate, mask = parsed.rows
    assert serum.ok and serum.values == {
        "sku": "SERUM-30",
        "name": "保湿精华 30ml",
        "price_fen": 129900,
        "currency": "CNY",
        "stock": 12,
        "status": "on_sale",
        "external_url": "https://shop.example.cn/p/1",
    }
    assert cream.ok and cream.values["status"] == "off_shelf"
    assert (cream.values["currency"], cream.values["external_url"]) == ("CNY", None)
    # Rows keep the spreadsheet's numbers: the blank row 5 is skipped, not renumbered.
    assert [row.row for row in parsed.rows] == [2, 3, 4, 6, 7]
    assert codes(no_sku) == ["product_csv.sku_missing"]
    assert codes(duplicate) == ["product_csv.sku_duplicate"]
    assert duplicate.errors[0].params == {"sku": "SERUM-30", "first_row": 2}
    assert codes(mask) == [
        "product_csv.price_invalid",
        "product_csv.stock_negative",
        "product_csv.status_invalid",
        "product_csv.link_invalid",
    ]
    assert mask.errors[0].params == {"value": "12.345"}
    assert [row.sku for row in parsed.valid] == ["SERUM-30", "CREAM-50"]


def test_english_headers_in_any_case_with_tabs_and_unknown_columns() -> None:
    sheet = (
        "Note\t SKU \tName\tPRICE\tStock\tExternal URL\n x\tA-1\tLip balm\t￥88\t1,200\tftp://x\n"
    )
    (row,) = parse_products_csv(sheet.encode()).rows
    assert row.values["price_fen"] == 8800 and row.values["stock"] == 1200
    assert codes(row) == ["product_csv.link_invalid"]


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("129", 12900),
        ("129.9", 12990),
        ("129.90", 12990),
        ("¥1,299.00", 129900),
        ("１２９元", 12900),
        ("0", 0),
        ("12.345", None),
        ("-1", None),
        ("abc", None),
        ("", None),
        ("NaN", None),
        ("1e999999", None),
    ],
)
def test_prices_in_yuan_become_fen(typed: str, fen: int | None) -> None:
    assert parse_price(typed) == fen


def test_headers_are_recognised_in_either_language() -> None:
    assert [column_of(h) for h in ("SKU/商品编码", "价格（元）", "状态(在售/下架)", "备注")] == [
        "sku",
        "price",
        "status",
        None,
    ]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "product_csv.empty"),
        ("sku,商品名称,库存\nA,b,1\n".encode(), "product_csv.missing_column"),
        (b"\xff\xfe\x00\xd8", "product_csv.encoding"),
    ],
)
def test_a_file_that_is_no_product_sheet_is_refused_as_a_whole(data: bytes, code: str) -> None:
    with pytest.raises(CsvError) as refused:
        parse_products_csv(data)
    assert refused.value.code == code


def test_export_then_import_changes_nothing_and_edits_apply_by_sku(backend, api) -> None:
    shop = api.create_storefront(name="导出店")
    sha = upload(backend, token_of(api), image_bytes(color=(1, 2, 3))).json()["sha256"]
    api.create_product(
        storefront_id=shop.id,
        name="保湿精华, 30ml",
        sku="SERUM-30",
        price_fen=12990,
        stock=5,
        images=[sha],
        external_url="https://shop.example.cn/p/1",
    )
    api.create_product(
        storefront_id=shop.id, name="面霜", sku="CREAM", price_fen=100, status="off_shelf"
    )
    exported = export_products(api, shop.id)
    assert exported.startswith(b"\xef\xbb\xbf")
    assert 'SERUM-30,"保湿精华, 30ml",129.90,CNY,5,on_sale' in exported.decode("utf-8-sig")

    again = import_products(api, shop.id, parse_products_csv(exported))
    # Export order is the backend's (by name, in the database's collation).
    assert (again.created, again.updated, again.rejected) == ([], [], [])
    assert sorted(again.unchanged) == ["CREAM", "SERUM-30"]

    # The sheet edited by hand: a price and a status changed, a new SKU, a bad row.
    edited = exported.decode("utf-8-sig").replace("129.90", "99").replace("off_shelf", "在售")
    edited += 'NEW-1,新品,"¥1,000",CNY,3,在售,,\r\nBAD,坏行,abc,CNY,1,在售,,\r\n'
    report = import_products(api, shop.id, parse_products_csv(edited.encode("gb18030")))
    assert report.created == ["NEW-1"] and sorted(report.updated) == ["CREAM", "SERUM-30"]
    assert [(e.row, e.code) for e in report.rejected] == [(5, "product_csv.price_invalid")]
    products = {p.sku: p for p in storefront_products(api, shop.id)}
    assert products["SERUM-30"].price_fen == 9900 and products["SERUM-30"].images == [sha]
    assert products["CREAM"].status == "on_sale"
    assert (products["NEW-1"].price_fen, products["NEW-1"].stock) == (100000, 3)


def test_rows_the_backend_refuses_are_reported_and_the_rest_applied(backend, api) -> None:
    shop = api.create_storefront(name="拒绝店")
    stranger = "ab" * 32  # an image id the user never uploaded
    sheet = f"sku,name,price,images\nOK-1,好,1,\nIMG-1,图,2,{stranger}\n"
    report = import_products(api, shop.id, parse_products_csv(sheet.encode()))
    assert report.created == ["OK-1"]
    assert [(e.row, e.code) for e in report.rejected] == [(3, "media.unknown")]
    assert report.rejected_rows == 1
    assert [p.sku for p in storefront_products(api, shop.id)] == ["OK-1"]
