"""Add or edit one product: name, SKU, price in ¥, stock, status, link and its images (the
first one is the main image). Images upload as they are added; saving waits for them."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QIntValidator, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.client.product_csv import MAX_IMAGES, MAX_STOCK, parse_price, yuan_text
from publisher.schemas import ProductPublic
from studio.messages import reason_of
from studio.ops import Mutation
from studio.storefront.images import IMAGE_FILTER, upload_in_background
from studio.storefront.products_model import STATUS_LABELS, STOREFRONTS_CHANGED, status_label
from studio.widgets.dialog_buttons import dialog_buttons, failure_label

if TYPE_CHECKING:
    from studio.context import AppContext

ShaRole = Qt.ItemDataRole.UserRole + 1
_THUMB = 84


class ProductDialog(QDialog):
    """Saves through a `Mutation`; `accept()`s with `saved` holding the backend's product."""

    def __init__(
        self,
        ctx: AppContext,
        storefront_id: uuid.UUID,
        product: ProductPublic | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._storefront_id = storefront_id
        self._product = product
        self._uploading = 0
        self.saved: ProductPublic | None = None
        self.setWindowTitle(self.tr("Edit product") if product else self.tr("Add product"))
        self.setObjectName("PageHost")
        self.setMinimumWidth(560)
        self._build()
        if product is not None:
            self._fill(product)
        self._refresh()

    def _build(self) -> None:
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. Hydrating serum 30 ml"))
        self.name_edit.setMaxLength(200)
        self.sku_edit = QLineEdit(self)
        self.sku_edit.setPlaceholderText(self.tr("e.g. SERUM-30"))
        self.sku_edit.setMaxLength(64)
        self.price_edit = QLineEdit(self)
        self.price_edit.setPlaceholderText("129.00")
        self.price_edit.setMaximumWidth(160)
        self.stock_edit = QLineEdit("0", self)
        self.stock_edit.setValidator(QIntValidator(0, MAX_STOCK, self.stock_edit))
        self.stock_edit.setMaximumWidth(160)
        self.status_combo = QComboBox(self)
        for status in STATUS_LABELS:
            self.status_combo.addItem(status_label(status), status)
        self.status_combo.setMaximumWidth(160)
        self.link_edit = QLineEdit(self)
        self.link_edit.setPlaceholderText("https://")
        price_row = QHBoxLayout()
        price_row.addWidget(QLabel("¥", self))
        price_row.addWidget(self.price_edit)
        price_row.addStretch(1)

        self.images = QListWidget(self)
        self.images.setViewMode(QListView.ViewMode.IconMode)
        self.images.setIconSize(QSize(_THUMB, _THUMB))
        self.images.setGridSize(QSize(_THUMB + 16, _THUMB + 30))
        self.images.setMovement(QListView.Movement.Snap)
        self.images.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.images.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.images.setWrapping(False)
        self.images.setFlow(QListView.Flow.LeftToRight)
        self.images.setFixedHeight(_THUMB + 44)
        self.images.setObjectName("PickerList")
        self.add_images_button = QPushButton(self.tr("Add images…"), self)
        self.main_button = QPushButton(self.tr("Make main"), self)
        self.remove_image_button = QPushButton(self.tr("Remove"), self)
        image_buttons = QHBoxLayout()
        image_buttons.addWidget(self.add_images_button)
        image_buttons.addWidget(self.main_button)
        image_buttons.addWidget(self.remove_image_button)
        image_buttons.addStretch(1)
        self.images_hint = QLabel(self)
        self.images_hint.setObjectName("Hint")

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("SKU"), self.sku_edit)
        form.addRow(self.tr("Price"), price_row)
        form.addRow(self.tr("Stock"), self.stock_edit)
        form.addRow(self.tr("Status"), self.status_combo)
        form.addRow(self.tr("Link"), self.link_edit)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and label.widget() is not None:
                label.widget().setObjectName("FormLabel")

        self.error_label = failure_label(self)
        buttons, self.cancel_button, self.save_button = dialog_buttons(
            self, cancel=self.tr("Cancel"), action=self.tr("Save"), failure=self.error_label
        )

        images_title = QLabel(self.tr("Images"), self)
        images_title.setObjectName("CardTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(images_title)
        layout.addWidget(self.images)
        layout.addLayout(image_buttons)
        layout.addWidget(self.images_hint)
        layout.addLayout(buttons)

        for edit in (
            self.name_edit,
            self.sku_edit,
            self.price_edit,
            self.stock_edit,
            self.link_edit,
        ):
            edit.textChanged.connect(self._refresh)
        self.images.currentRowChanged.connect(lambda _row: self._refresh())
        self.images.model().rowsMoved.connect(lambda *_: self._label_images())
        self.add_images_button.clicked.connect(self._on_add_images)
        self.main_button.clicked.connect(self._on_make_main)
        self.remove_image_button.clicked.connect(self._on_remove_image)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)

    def _fill(self, product: ProductPublic) -> None:
        self.name_edit.setText(product.name)
        self.sku_edit.setText(product.sku)
        self.price_edit.setText(yuan_text(product.price_fen))
        self.stock_edit.setText(str(product.stock))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(product.status)))
        self.link_edit.setText(product.external_url or "")
        for sha256 in product.images:
            self._add_item(sha256, self._ctx.thumbnails.get(sha256))
        self._ctx.thumbnails.ready.connect(self._on_thumbnail)

    # -- images ----------------------------------------------------------------------------

    def image_shas(self) -> list[str]:
        shas = (self.images.item(row).data(ShaRole) for row in range(self.images.count()))
        return [sha for sha in shas if sha]

    def add_image_files(self, paths: list[Path]) -> None:
        room = MAX_IMAGES - self.images.count()
        for path in paths[: max(room, 0)]:
            self._upload(path)
        if len(paths) > room:
            self.error_label.setText(
                self.tr("A product has at most {max} images.").format(max=MAX_IMAGES)
            )
        self._refresh()

    def _upload(self, path: Path) -> None:
        item = self._add_item(None, None)
        item.setText(self.tr("Uploading…"))
        self._uploading += 1
        upload_in_background(
            self._ctx,
            self,
            path,
            lambda sha256, thumbnail: self._on_uploaded(item, sha256, thumbnail),
            lambda error: self._on_upload_failed(item, path.name, error),
        )

    def _add_item(self, sha256: str | None, pixmap: QPixmap | None) -> QListWidgetItem:
        item = QListWidgetItem(self.images)
        item.setData(ShaRole, sha256)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        if pixmap is not None:
            item.setIcon(QIcon(pixmap))
        self._label_images()
        return item

    def _label_images(self) -> None:
        for row in range(self.images.count()):
            item = self.images.item(row)
            if item.data(ShaRole):
                item.setText(self.tr("Main") if row == 0 else "")

    def _on_uploaded(self, item: QListWidgetItem, sha256: str, thumbnail: QImage) -> None:
        self._uploading -= 1
        if self.images.row(item) >= 0:
            item.setData(ShaRole, sha256)
            item.setIcon(QIcon(QPixmap.fromImage(thumbnail)))
            self._label_images()
        self._refresh()

    def _on_upload_failed(self, item: QListWidgetItem, name: str, error: BaseException) -> None:
        self._uploading -= 1
        self.images.takeItem(self.images.row(item))
        self.error_label.setText(
            self.tr("“{name}” was not added: {reason}").format(name=name, reason=reason_of(error))
        )
        self._refresh()

    def _on_thumbnail(self, sha256: str) -> None:
        pixmap = self._ctx.thumbnails.get(sha256)
        for row in range(self.images.count()):
            item = self.images.item(row)
            if item.data(ShaRole) == sha256 and pixmap is not None:
                item.setIcon(QIcon(pixmap))

    def _on_add_images(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add product images"), "", self.tr("Images") + f" ({IMAGE_FILTER})"
        )
        if paths:
            self.add_image_files([Path(path) for path in paths])

    def _on_make_main(self) -> None:
        row = self.images.currentRow()
        if row > 0:
            self.images.insertItem(0, self.images.takeItem(row))
            self.images.setCurrentRow(0)
            self._label_images()

    def _on_remove_image(self) -> None:
        row = self.images.currentRow()
        if row >= 0 and self.images.item(row).data(ShaRole):
            self.images.takeItem(row)
            self._label_images()
            self._refresh()

    # -- saving ----------------------------------------------------------------------------

    def fields(self) -> dict[str, object] | None:
        """What the form says, as the client's fields; None while something is missing."""
        price = parse_price(self.price_edit.text())
        name, sku = self.name_edit.text().strip(), self.sku_edit.text().strip()
        stock = self.stock_edit.text()
        if not name or not sku or any(c.isspace() for c in sku) or price is None:
            return None
        if not stock.isdigit():
            return None
        return {
            "name": name,
            "sku": sku,
            "price_fen": price,
            "stock": int(stock),
            "status": self.status_combo.currentData(),
            "external_url": self.link_edit.text().strip() or None,
            "images": self.image_shas(),
        }

    def _refresh(self) -> None:
        current = self.images.currentRow()
        has_image = current >= 0 and bool(self.images.item(current).data(ShaRole))
        self.main_button.setEnabled(has_image and current > 0)
        self.remove_image_button.setEnabled(has_image)
        self.add_images_button.setEnabled(self.images.count() < MAX_IMAGES)
        self.images_hint.setText(
            self.tr("Up to {max} images; the first is the main image. Drag to reorder.").format(
                max=MAX_IMAGES
            )
        )
        self.save_button.setEnabled(self.fields() is not None and self._uploading == 0)

    def save(self) -> None:
        fields = self.fields()
        if fields is None or self._uploading:
            return
        self.save_button.setEnabled(False)
        self.error_label.clear()
        product, storefront_id = self._product, self._storefront_id
        if product is None:

            def op(client):  # noqa: ANN001, ANN202
                return client.create_product(storefront_id=storefront_id, **fields), (
                    STOREFRONTS_CHANGED
                )
        else:
            changes = {k: v for k, v in fields.items() if getattr(product, k) != v}

            def op(client):  # noqa: ANN001, ANN202
                updated = client.update_product(product.id, version=product.version, **changes)
                return updated, STOREFRONTS_CHANGED

        Mutation(self._ctx, parent=self, op=op).success(self._on_saved).failure(
            self._on_save_failed
        ).run()

    def _on_saved(self, product: ProductPublic) -> None:
        self.saved = product
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.error_label.setText(reason_of(error))
        self._refresh()
