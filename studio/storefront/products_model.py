"""The products of one storefront as a table, searched by name or SKU on the backend."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon

from publisher.domain.changes import ChangeSet
from publisher.schemas import ProductPublic
from studio.composer.product_picker import price_text
from studio.ops import Query

if TYPE_CHECKING:
    from publisher.schemas import Page
    from studio.context import AppContext

STOREFRONTS_CHANGED = ChangeSet(storefronts=True)
IMAGE, NAME, SKU, PRICE, STOCK, STATUS, LINK = range(7)
_HEADERS = (
    "",
    QT_TRANSLATE_NOOP("ProductsModel", "Product"),
    QT_TRANSLATE_NOOP("ProductsModel", "SKU"),
    QT_TRANSLATE_NOOP("ProductsModel", "Price"),
    QT_TRANSLATE_NOOP("ProductsModel", "Stock"),
    QT_TRANSLATE_NOOP("ProductsModel", "Status"),
    QT_TRANSLATE_NOOP("ProductsModel", "Link"),
)
STATUS_LABELS = {
    "on_sale": QT_TRANSLATE_NOOP("ProductsModel", "On sale"),
    "off_shelf": QT_TRANSLATE_NOOP("ProductsModel", "Off shelf"),
}
_STATUS_COLORS = {"on_sale": "#1E9E5A", "off_shelf": "#8A8D94"}
_PAGE = 500


def status_label(status: str) -> str:
    return QCoreApplication.translate("ProductsModel", STATUS_LABELS.get(status, status))


class ProductsTableModel(QAbstractTableModel):
    ProductRole = Qt.ItemDataRole.UserRole + 1
    load_failed = Signal(object)
    """The exception a load ended with."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._products: list[ProductPublic] = []
        self._generation = 0
        self.total = 0
        ctx.thumbnails.ready.connect(self._on_thumbnail)

    def load(self, storefront_id: uuid.UUID | None, query: str = "") -> None:
        """Ask for the storefront's products matching `query`; a later call wins."""
        self._generation += 1
        generation = self._generation
        if storefront_id is None:
            self._show(generation, None)
            return
        text = query.strip() or None
        Query(
            self._ctx,
            parent=self,
            op=lambda client: client.search_products(
                text, storefront_id=storefront_id, limit=_PAGE
            ),
        ).success(lambda page: self._show(generation, page)).failure(
            lambda error: self._on_failed(generation, error)
        ).run()

    def _show(self, generation: int, page: Page[ProductPublic] | None) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._products = list(page.items) if page else []
        self.total = page.total if page else 0
        self.endResetModel()

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.load_failed.emit(error)

    def product(self, row: int) -> ProductPublic | None:
        return self._products[row] if 0 <= row < len(self._products) else None

    def row_of(self, product_id: uuid.UUID) -> int:
        return next((r for r, p in enumerate(self._products) if p.id == product_id), -1)

    # -- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._products)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ProductsModel", _HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        product = self.product(index.row())
        if product is None:
            return None
        column = index.column()
        if role == self.ProductRole:
            return product
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(product, column)
        if role == Qt.ItemDataRole.DecorationRole and column == IMAGE and product.image_sha256:
            pixmap = self._ctx.thumbnails.get(product.image_sha256)
            return QIcon(pixmap) if pixmap is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == STATUS:
                return QColor(_STATUS_COLORS.get(product.status, "#8A8D94"))
            if column == STOCK and product.stock == 0:
                return QColor("#FF2442")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PRICE, STOCK):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in (NAME, LINK):
            return product.name if column == NAME else product.external_url
        return None

    @staticmethod
    def _text(product: ProductPublic, column: int) -> str | None:
        if column == NAME:
            return product.name
        if column == SKU:
            return product.sku
        if column == PRICE:
            return price_text(product.price_fen, product.currency)
        if column == STOCK:
            return f"{product.stock:,}"
        if column == STATUS:
            return status_label(product.status)
        if column == LINK:
            return product.external_url or "—"
        return None

    def _on_thumbnail(self, sha256: str) -> None:
        for row, product in enumerate(self._products):
            if product.image_sha256 == sha256:
                index = self.index(row, IMAGE)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
