"""Products in and out of a storefront as CSV, the way brands keep them in spreadsheets.

A brand's sheet is messy: exported by Excel with or without a BOM, or in GB18030 by an older
Chinese Excel; headers in English or Chinese; prices typed as `129`, `129.90` or `¥1,299.00`.
Parsing never stops at a bad row: each row carries its own errors (code + params, translated
by the app), and only clean rows are applied. Applying goes through the client like any other
edit: new SKUs are created, known ones updated at the version just read, so a product someone
edited meanwhile is reported, never overwritten.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from publisher.client import csv_sheet
from publisher.client.csv_sheet import CsvError as CsvError  # what an import here raises
from publisher.client.csv_sheet import RowError, normal
from publisher.client.errors import AuthError, ClientError, OfflineError

if TYPE_CHECKING:
    from publisher.client.api import StudioClient
    from publisher.schemas import ProductPublic

FIELDS = ("sku", "name", "price", "currency", "stock", "status", "external_url", "images")
"""The columns, in the order an export writes them; an import needs sku, name and price."""
REQUIRED = ("sku", "name", "price")
MAX_NAME = 200
MAX_SKU = 64
MAX_LINK = 2000
MAX_PRICE_FEN = 10**12
MAX_STOCK = 10**9
MAX_IMAGES = 9
_PAGE = 500

_HEADERS = {
    "sku": "sku",
    "商品编码": "sku",
    "编码": "sku",
    "货号": "sku",
    "name": "name",
    "title": "name",
    "商品名称": "name",
    "名称": "name",
    "price": "price",
    "价格": "price",
    "售价": "price",
    "currency": "currency",
    "币种": "currency",
    "stock": "stock",
    "库存": "stock",
    "status": "status",
    "状态": "status",
    "externalurl": "external_url",
    "url": "external_url",
    "link": "external_url",
    "链接": "external_url",
    "商品链接": "external_url",
    "images": "images",
    "图片": "images",
}
_STATUSES = {
    "on_sale": "on_sale",
    "onsale": "on_sale",
    "在售": "on_sale",
    "上架": "on_sale",
    "off_shelf": "off_shelf",
    "offshelf": "off_shelf",
    "下架": "off_shelf",
    "已下架": "off_shelf",
}
_CURRENCY_SIGNS = ("¥", "￥", "元", "rmb", "cny")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class ProductRow:
    row: int
    cells: dict[str, str]
    """The text of each known column, as typed (what a preview shows)."""
    values: dict[str, Any]
    """The product's fields (`ProductPublic` names) of the columns the file has."""
    errors: tuple[RowError, ...] = ()

    @property
    def sku(self) -> str:
        return self.cells.get("sku", "")

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ParsedCsv:
    columns: tuple[str, ...]
    """The known columns the file has, in `FIELDS` order."""
    rows: tuple[ProductRow, ...]

    @property
    def valid(self) -> list[ProductRow]:
        return [row for row in self.rows if row.ok]

    @property
    def invalid(self) -> list[ProductRow]:
        return [row for row in self.rows if not row.ok]


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    """SKUs, in file order."""
    rejected: list[RowError] = field(default_factory=list)
    """Every reason a row was not applied: the file's own errors and the backend's refusals."""

    @property
    def rejected_rows(self) -> int:
        return len({error.row for error in self.rejected})


# -- reading ---------------------------------------------------------------------------------


def column_of(header: str) -> str | None:
    """The field a header names: `价格(元)`, `SKU/商品编码`, ` Price ` … or None if unknown."""
    return csv_sheet.column_of(header, _HEADERS)


def parse_price(text: str) -> int | None:
    """Fen from yuan as people type it: `129`, `129.9`, `¥1,299.00`, `１２９元`; None if it is
    not a non-negative amount with at most two decimals."""
    value = normal(text).lower().replace(",", "").replace(" ", "")
    for sign in _CURRENCY_SIGNS:
        value = value.replace(sign, "")
    amount = _decimal(value)
    if amount is None or amount * 100 > MAX_PRICE_FEN or (amount * 100) % 1:
        return None
    return int(amount * 100)


def yuan_text(price_fen: int) -> str:
    """`129.90` from 12990 fen: what an export writes and an import reads back."""
    return f"{price_fen // 100}.{price_fen % 100:02d}"


def _stock(text: str) -> int | None:
    """A whole number (`1,200` and Excel's `12.0` too); None if it is not one or absurd."""
    amount = _decimal(normal(text).replace(",", "").replace(" ", ""), signed=True)
    if amount is None or abs(amount) > MAX_STOCK or amount % 1:
        return None
    return int(amount)


def _decimal(text: str, *, signed: bool = False) -> Decimal | None:
    """A finite number within reach (no `1e999999`), non-negative unless `signed`."""
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    if not amount.is_finite() or abs(amount.adjusted()) > 15 or (amount < 0 and not signed):
        return None
    return amount


def parse_products_csv(data: bytes) -> ParsedCsv:
    """Every non-blank row of the file with its values and errors.

    Raises:
        CsvError: `product_csv.too_large` ({max} MB), `product_csv.encoding`,
            `product_csv.empty` (no header), `product_csv.missing_column` ({column}).
    """
    sheet = csv_sheet.read_sheet(
        data, headers=_HEADERS, columns=FIELDS, required=REQUIRED, prefix="product_csv"
    )
    seen: dict[str, int] = {}
    rows = tuple(_row(number, cells, seen) for number, cells in sheet.rows)
    return ParsedCsv(sheet.columns, rows)


def _row(number: int, cells: dict[str, str], seen: dict[str, int]) -> ProductRow:
    values: dict[str, Any] = {}
    errors: list[RowError] = []

    def refuse(code: str, **params: Any) -> None:
        errors.append(RowError(number, code, params))

    sku = cells["sku"]
    if not sku:
        refuse("product_csv.sku_missing")
    elif len(sku) > MAX_SKU or any(char.isspace() for char in sku):
        refuse("product_csv.sku_invalid", sku=sku, max=MAX_SKU)
    elif sku in seen:
        refuse("product_csv.sku_duplicate", sku=sku, first_row=seen[sku])
    else:
        seen[sku] = number
        values["sku"] = sku
    name = cells["name"]
    if not name:
        refuse("product_csv.name_missing")
    elif len(name) > MAX_NAME or any(unicodedata.category(c) == "Cc" for c in name):
        refuse("product_csv.name_invalid", max=MAX_NAME)
    else:
        values["name"] = name
    price = parse_price(cells["price"])
    if price is None:
        refuse("product_csv.price_invalid", value=cells["price"])
    else:
        values["price_fen"] = price
    if "currency" in cells:
        currency = normal(cells["currency"]).upper() or "CNY"
        if currency in ("RMB", "人民币", "元"):
            currency = "CNY"
        if _CURRENCY.match(currency):
            values["currency"] = currency
        else:
            refuse("product_csv.currency_invalid", value=cells["currency"])
    if "stock" in cells:
        stock = _stock(cells["stock"]) if cells["stock"] else 0
        if stock is None:
            refuse("product_csv.stock_invalid", value=cells["stock"])
        elif stock < 0:
            refuse("product_csv.stock_negative", value=cells["stock"])
        else:
            values["stock"] = stock
    if "status" in cells:
        key = re.sub(r"[\s-]+", "_", normal(cells["status"]).lower()) or "on_sale"
        status = _STATUSES.get(key) or _STATUSES.get(key.replace("_", ""))
        if status is None:
            refuse("product_csv.status_invalid", value=cells["status"])
        else:
            values["status"] = status
    if "external_url" in cells:
        link = cells["external_url"]
        if link and not _web_link(link):
            refuse("product_csv.link_invalid", value=link)
        else:
            values["external_url"] = link or None
    if "images" in cells:
        images = [part.strip().lower() for part in cells["images"].split("|") if part.strip()]
        if len(images) > MAX_IMAGES or not all(_SHA256.match(sha) for sha in images):
            refuse("product_csv.images_invalid", max=MAX_IMAGES)
        else:
            values["images"] = list(dict.fromkeys(images))
    return ProductRow(number, cells, values, tuple(errors))


def _web_link(link: str) -> bool:
    """Only a link a reader's browser opens: http(s), nothing javascript: or file:."""
    return (
        len(link) <= MAX_LINK
        and re.match(r"^https?://[^\s/]+", link, re.IGNORECASE) is not None
        and not any(char.isspace() or unicodedata.category(char) == "Cc" for char in link)
    )


# -- writing ---------------------------------------------------------------------------------


def write_products_csv(products: Iterable[ProductPublic]) -> bytes:
    """UTF-8 with a BOM (so Excel shows Chinese), English headers, prices in yuan."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for product in products:
        writer.writerow(
            [
                product.sku,
                product.name,
                yuan_text(product.price_fen),
                product.currency,
                product.stock,
                product.status,
                product.external_url or "",
                "|".join(product.images),
            ]
        )
    return out.getvalue().encode("utf-8-sig")


# -- through the client ----------------------------------------------------------------------


def storefront_products(client: StudioClient, storefront_id: uuid.UUID) -> list[ProductPublic]:
    """Every product of the storefront, page after page."""
    products: list[ProductPublic] = []
    while True:
        page = client.search_products(
            storefront_id=storefront_id, offset=len(products), limit=_PAGE
        )
        products.extend(page.items)
        if not page.items or len(products) >= page.total:
            return products


def export_products(client: StudioClient, storefront_id: uuid.UUID) -> bytes:
    return write_products_csv(storefront_products(client, storefront_id))


def _changes(product: ProductPublic, values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if getattr(product, name) != value}


def import_products(
    client: StudioClient,
    storefront_id: uuid.UUID,
    parsed: ParsedCsv,
    progress: Callable[[float], None] | None = None,
) -> ImportReport:
    """Apply the clean rows: create new SKUs, update known ones at the version just read.

    A row the backend refuses (a stale version, an image the user never uploaded …) is
    reported with the backend's code and the others carry on.
    """
    report = ImportReport()
    existing = {product.sku: product for product in storefront_products(client, storefront_id)}
    for done, row in enumerate(parsed.rows, start=1):
        if not row.ok:
            report.rejected.extend(row.errors)
        else:
            _apply(client, storefront_id, row, existing.get(row.sku), report)
        if progress is not None:
            progress(done / len(parsed.rows))
    return report


def _apply(
    client: StudioClient,
    storefront_id: uuid.UUID,
    row: ProductRow,
    product: ProductPublic | None,
    report: ImportReport,
) -> None:
    try:
        if product is None:
            client.create_product(storefront_id=storefront_id, **row.values)
            report.created.append(row.sku)
        elif changes := _changes(product, row.values):
            client.update_product(product.id, version=product.version, **changes)
            report.updated.append(row.sku)
        else:
            report.unchanged.append(row.sku)
    except (OfflineError, AuthError):
        raise  # the whole import stops: the next rows would fail the same way
    except ClientError as error:
        report.rejected.append(RowError(row.row, error.code, error.params))
