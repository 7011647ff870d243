"""Products: link storefront products to the note (search by name or SKU; image, price in ¥,
stock), only when the account may link products — otherwise it says why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from publisher.client import ClientError
from studio.composer.chips import ChipRow
from studio.composer.debounced import DebouncedQuery
from studio.composer.hint import HintLabel
from studio.drafts.journal import Tag
from studio.messages import message

if TYPE_CHECKING:
    from publisher.schemas import Page, ProductPublic
    from studio.context import AppContext

IdRole = Qt.ItemDataRole.UserRole + 1
NameRole = Qt.ItemDataRole.UserRole + 2
ShaRole = Qt.ItemDataRole.UserRole + 3


def price_text(price_fen: int, currency: str = "CNY") -> str:
    """¥128.00 from 12800 fen; other currencies by their code."""
    amount = f"{price_fen // 100:,}.{price_fen % 100:02d}"
    return f"¥{amount}" if currency == "CNY" else f"{currency} {amount}"


class ProductPicker(QWidget):
    products_changed = Signal(tuple)
    """The new tuple of `Tag`s (product id, name), in order."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._products: tuple[Tag, ...] = ()
        self._search = DebouncedQuery(ctx, self)
        self._search.answered.connect(self._show_results)
        self._search.failed.connect(self._show_error)
        self._search.loading_changed.connect(
            lambda loading: self.state_label.setText(self.tr("Searching…") if loading else "")
        )
        self.chips = ChipRow("🛍 ", self.tr("No products linked"), self)
        self.chips.removed.connect(
            lambda product_id: self._emit(tuple(t for t in self._products if t.id != product_id))
        )
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search products by name or SKU"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(self._on_search_edited)
        self.state_label = HintLabel(self)
        self.results = QListWidget(self)
        self.results.setObjectName("PickerList")
        self.results.setIconSize(QSize(40, 40))
        self.results.setMaximumHeight(160)
        self.results.hide()
        self.results.itemClicked.connect(self._pick)
        self.results.itemActivated.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.chips, self.search_edit, self.state_label, self.results):
            layout.addWidget(widget)
        ctx.thumbnails.ready.connect(self._on_thumbnail)

    def show_products(self, products: tuple[Tag, ...]) -> None:
        self._products = products
        self.chips.show_tags(products)

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
            item = QListWidgetItem(text)
            item.setData(IdRole, str(product.id))
            item.setData(NameRole, product.name)
            item.setData(ShaRole, product.image_sha256)
            if product.image_sha256 and (pixmap := self._ctx.thumbnails.get(product.image_sha256)):
                item.setIcon(QIcon(pixmap))
            self.results.addItem(item)
        self.results.setVisible(bool(page.items))
        if not page.items:
            self.state_label.setText(self.tr("No product matches."))

    def _on_thumbnail(self, sha256: str) -> None:
        for row in range(self.results.count()):
            item = self.results.item(row)
            if item.data(ShaRole) == sha256 and (pixmap := self._ctx.thumbnails.get(sha256)):
                item.setIcon(QIcon(pixmap))

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, ClientError):
            self.state_label.setText(message(error.code, error.params))

    def _pick(self, item: QListWidgetItem) -> None:
        tag = Tag(str(item.data(IdRole)), str(item.data(NameRole)))
        self.search_edit.clear()
        self.results.hide()
        if all(existing.id != tag.id for existing in self._products):
            self._emit((*self._products, tag))

    def _emit(self, products: tuple[Tag, ...]) -> None:
        self.show_products(products)
        self.products_changed.emit(products)
