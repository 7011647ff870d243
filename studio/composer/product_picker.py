"""Products: link storefront products to the note (search by name or SKU; image, price in ¥,
stock), only when the account may link products — otherwise it says why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from studio.composer.chips import ChipRow
from studio.composer.tag_search import NameRole, TagSearchPicker
from studio.drafts.journal import Tag

if TYPE_CHECKING:
    from publisher.schemas import Page, ProductPublic
    from studio.context import AppContext

ShaRole = NameRole + 1


def price_text(price_fen: int, currency: str = "CNY") -> str:
    """¥128.00 from 12800 fen; other currencies by their code."""
    amount = f"{price_fen // 100:,}.{price_fen % 100:02d}"
    return f"¥{amount}" if currency == "CNY" else f"{currency} {amount}"


class ProductPicker(TagSearchPicker):
    products_changed = Signal(tuple)
    """The new tuple of `Tag`s (product id, name), in order."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._build(
            ChipRow("🛍 ", self.tr("No products linked"), self),
            placeholder=self.tr("Search products by name or SKU"),
            searching=self.tr("Searching…"),
            list_height=160,
            search=self._on_search_edited,
            show_results=self._show_results,
            changed=self.products_changed.emit,
        )
        self.results.setIconSize(QSize(40, 40))
        ctx.thumbnails.ready.connect(self._on_thumbnail)

    def set_allowed(self, allowed: bool) -> None:
        """Search only when the account may link products; say why not otherwise."""
        self.search_edit.setEnabled(allowed)
        if not allowed:
            self.results.hide()
            self.state_label.setText(
                self.tr(
                    "This account may not link products. Its owner can allow it in the "
                    "account's settings (for brand partners with a storefront)."
                )
            )
        elif self.state_label.text():
            self.state_label.clear()

    @property
    def allowed(self) -> bool:
        return self.search_edit.isEnabled()

    def _on_search_edited(self, text: str) -> None:
        query = text.strip()
        self._search.request(lambda client: client.search_products(query or None, limit=20))

    def _show_results(self, page: Page[ProductPublic]) -> None:
        self.results.clear()
        for product in page.items:
            text = self.tr("{name}  ·  {price}  ·  {stock} in stock  ·  SKU {sku}").format(
                name=product.name,
                price=price_text(product.price_fen, product.currency),
                stock=product.stock,
                sku=product.sku,
            )
            item = self._add_result(text, Tag(str(product.id), product.name))
            item.setData(ShaRole, product.image_sha256)
            if product.image_sha256 and (pixmap := self._ctx.thumbnails.get(product.image_sha256)):
                item.setIcon(QIcon(pixmap))
        self.results.setVisible(bool(page.items))
        if not page.items:
            self.state_label.setText(self.tr("No product matches."))

    def _on_thumbnail(self, sha256: str) -> None:
        for row in range(self.results.count()):
            item = self.results.item(row)
            if item.data(ShaRole) == sha256 and (pixmap := self._ctx.thumbnails.get(sha256)):
                item.setIcon(QIcon(pixmap))
