"""Storefront (店铺): a brand keeps its storefront's name, logo and introduction here, and its
products — added and edited one by one, or in and out of spreadsheets as CSV.

Every backend call runs in a worker; this page only turns clicks into those calls and shows
what comes back. Dialogs open non-blocking (`open()`), so the page stays drivable.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from publisher.client import ConflictError
from publisher.client.product_csv import ParsedCsv, export_products, parse_products_csv
from publisher.domain.changes import ChangeSet
from publisher.schemas import ProductPublic, StorefrontPublic
from studio.collab.labels import restyle
from studio.messages import file_reason, reason_of
from studio.ops import Mutation, Query, run_in_background
from studio.pages.brand_kit_card import rounded
from studio.storefront.images import IMAGE_FILTER, upload_in_background
from studio.storefront.import_dialog import ImportDialog
from studio.storefront.new_storefront_dialog import NewStorefrontDialog
from studio.storefront.product_dialog import ProductDialog
from studio.storefront.products_model import (
    IMAGE,
    LINK,
    NAME,
    PRICE,
    SKU,
    STATUS,
    STOCK,
    STOREFRONTS_CHANGED,
    ProductsTableModel,
)
from studio.tasks import Lane
from studio.widgets.card import card, page_header
from studio.widgets.confirm import ask_to_confirm
from studio.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from studio.context import AppContext

SEARCH_DEBOUNCE_MS = 300
LOGO_SIDE = 72
_ROW_HEIGHT = 60


class StorefrontPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        self._ctx = ctx
        self._storefronts: list[StorefrontPublic] = []
        self._stale = True
        self._saving = False
        self._uploading_logo = False
        self.model = ProductsTableModel(ctx, self)
        self.product_dialog: ProductDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.new_dialog: NewStorefrontDialog | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._build()
        self._connect()

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        header, row, _title, _subtitle = page_header(
            self.tr("Storefront"),
            self.tr("Your brand's storefront and the products creators link to their notes"),
            self,
        )
        self.storefront_combo = QComboBox(self)
        self.storefront_combo.setMinimumWidth(220)
        self.storefront_combo.hide()
        self.new_button = QPushButton(self.tr("New storefront…"), self)
        self.new_button.hide()
        row.addWidget(self.storefront_combo)
        row.addWidget(self.new_button)

        self.empty = EmptyState(
            glyph="◈",
            title=self.tr("No storefront yet"),
            text=self.tr(
                "A storefront holds your brand's products: creators link them to their notes "
                "and readers buy from them. Create one for your brand organization to start."
            ),
            parent=self,
        )
        self.create_button = QPushButton(self.tr("Create storefront"), self.empty)
        self.create_button.setProperty("accent", True)
        self.empty.layout().addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignHCenter)

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self._build_details())
        column.addWidget(self._build_products(), 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(content)
        self._content = content

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(16)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)

    def _build_details(self) -> QWidget:
        frame, layout = card(self)
        self.logo_label = QLabel(frame)
        self.logo_label.setFixedSize(LOGO_SIDE, LOGO_SIDE)
        self.logo_label.setObjectName("StorefrontLogo")
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_button = QPushButton(self.tr("Change logo…"), frame)
        self.remove_logo_button = QPushButton(self.tr("Remove"), frame)
        for button in (self.logo_button, self.remove_logo_button):
            button.setObjectName("BannerButton")
        logo_column = QVBoxLayout()
        logo_column.setSpacing(8)
        logo_column.addWidget(self.logo_label, 0, Qt.AlignmentFlag.AlignHCenter)
        logo_column.addWidget(self.logo_button)
        logo_column.addWidget(self.remove_logo_button)
        logo_column.addStretch(1)

        self.name_edit = QLineEdit(frame)
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("Storefront name"))
        self.intro_edit = QPlainTextEdit(frame)
        self.intro_edit.setPlaceholderText(
            self.tr("Introduce the brand: what it makes, what it stands for…")
        )
        self.intro_edit.setFixedHeight(76)
        self.state_label = QLabel(frame)
        self.state_label.setObjectName("SaveState")
        self.state_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save details"), frame)
        self.save_button.setProperty("accent", True)
        self.revert_button = QPushButton(self.tr("Revert"), frame)
        name_label = QLabel(self.tr("Name"), frame)
        intro_label = QLabel(self.tr("Introduction"), frame)
        for label in (name_label, intro_label):
            label.setObjectName("FormLabel")
        form = QGridLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        form.addWidget(name_label, 0, 0)
        form.addWidget(self.name_edit, 0, 1)
        form.addWidget(intro_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        form.addWidget(self.intro_edit, 1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.state_label, 1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)
        form.addLayout(actions, 2, 1)

        row = QHBoxLayout()
        row.setSpacing(24)
        row.addLayout(logo_column)
        row.addLayout(form, 1)
        layout.addLayout(row)
        return frame

    def _build_products(self) -> QWidget:
        frame, layout = card(self)
        title = QLabel(self.tr("Products"), frame)
        title.setObjectName("CardTitle")
        self.count_label = QLabel(frame)
        self.count_label.setObjectName("Hint")
        self.search = QLineEdit(frame)
        self.search.setPlaceholderText(self.tr("Search by name or SKU"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.import_button = QPushButton(self.tr("Import CSV…"), frame)
        self.export_button = QPushButton(self.tr("Export CSV…"), frame)
        self.add_button = QPushButton(self.tr("Add product"), frame)
        self.add_button.setProperty("accent", True)
        toolbar = QHBoxLayout()
        toolbar.setSpacing(10)
        toolbar.addWidget(title)
        toolbar.addWidget(self.count_label)
        toolbar.addStretch(1)
        toolbar.addWidget(self.search)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.export_button)
        toolbar.addWidget(self.add_button)

        self.table = QTableView(frame)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(44, 44))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(_ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((IMAGE, 64), (SKU, 130), (PRICE, 110), (STOCK, 80), (STATUS, 90)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(LINK, 200)

        self.products_empty = QLabel(frame)
        self.products_empty.setObjectName("Hint")
        self.products_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.edit_button = QPushButton(self.tr("Edit"), frame)
        self.delete_button = QPushButton(self.tr("Delete"), frame)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.delete_button)

        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.products_empty, 1)
        layout.addLayout(bottom)
        return frame

    def _connect(self) -> None:
        self.storefront_combo.currentIndexChanged.connect(lambda _row: self._show_storefront())
        self.new_button.clicked.connect(self.open_new_storefront)
        self.create_button.clicked.connect(self.open_new_storefront)
        self.name_edit.textChanged.connect(lambda _text: self._refresh_actions())
        self.intro_edit.textChanged.connect(self._refresh_actions)
        self.save_button.clicked.connect(self.save_details)
        self.revert_button.clicked.connect(self._fill_details)
        self.logo_button.clicked.connect(self._on_logo_clicked)
        self.remove_logo_button.clicked.connect(lambda: self._set_logo(None))
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self._load_products)
        self.add_button.clicked.connect(lambda: self.open_product_dialog(None))
        self.edit_button.clicked.connect(lambda: self.open_product_dialog(self.selected_product()))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.table.doubleClicked.connect(self._on_row_activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._refresh_actions())
        self.model.modelReset.connect(self._on_products_shown)
        self.model.load_failed.connect(self._on_products_failed)
        self._ctx.events.changed.connect(self._on_changed)
        self._ctx.connection.state_changed.connect(lambda _state: self._reload_if_visible())
        self._ctx.thumbnails.ready.connect(self._on_thumbnail)
        self._refresh_actions()

    # -- loading ---------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self._reload_if_visible()

    def _reload_if_visible(self) -> None:
        if self._stale and self.isVisible():
            self._stale = False
            self.reload()

    def reload(self, select: uuid.UUID | None = None) -> None:
        """Ask for the user's storefronts again; keep (or move to) `select`."""
        keep = select or self.storefront_id()
        Query(self._ctx, parent=self, op=lambda client: client.list_storefronts(limit=500)).success(
            lambda page: self._show_storefronts(page.items, keep)
        ).failure(self._on_load_failed).run()

    def _on_load_failed(self, error: BaseException) -> None:
        self._stale = True
        self._show_state(reason_of(error), failed=True)

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.storefronts:
            self._stale = True
            self._reload_if_visible()

    def _show_storefronts(
        self, storefronts: list[StorefrontPublic], keep: uuid.UUID | None
    ) -> None:
        self._storefronts = list(storefronts)
        self.storefront_combo.blockSignals(True)
        self.storefront_combo.clear()
        for storefront in storefronts:
            self.storefront_combo.addItem(storefront.name, str(storefront.id))
        index = self.storefront_combo.findData(str(keep)) if keep else -1
        self.storefront_combo.setCurrentIndex(max(index, 0) if storefronts else -1)
        self.storefront_combo.blockSignals(False)
        self.storefront_combo.setVisible(bool(storefronts))
        self.new_button.setVisible(bool(storefronts))
        self.stack.setCurrentWidget(self._content if storefronts else self.empty)
        self._show_storefront()

    def storefront(self) -> StorefrontPublic | None:
        storefront_id = self.storefront_id()
        return next((s for s in self._storefronts if s.id == storefront_id), None)

    def storefront_id(self) -> uuid.UUID | None:
        data = self.storefront_combo.currentData()
        return uuid.UUID(data) if data else None

    def _show_storefront(self) -> None:
        self._fill_details()
        self._load_products()

    def _load_products(self) -> None:
        self.model.load(self.storefront_id(), self.search.text())

    def _on_products_shown(self) -> None:
        rows = self.model.rowCount()
        self.count_label.setText(self.tr("{count} products").format(count=self.model.total))
        self.table.setVisible(rows > 0)
        self.products_empty.setVisible(rows == 0)
        self.products_empty.setText(
            self.tr("No products match “{query}”.").format(query=self.search.text().strip())
            if self.search.text().strip()
            else self.tr("No products yet. Add one, or import a CSV from your spreadsheet.")
        )
        self._refresh_actions()

    def _on_products_failed(self, error: BaseException) -> None:
        self.table.hide()
        self.products_empty.show()
        self.products_empty.setText(reason_of(error))

    # -- details ---------------------------------------------------------------------------

    def _fill_details(self) -> None:
        storefront = self.storefront()
        self.name_edit.setText(storefront.name if storefront else "")
        self.intro_edit.setPlainText(storefront.introduction if storefront else "")
        self._show_logo(storefront.logo_sha256 if storefront else None)
        self._show_state("")
        self._refresh_actions()

    def details_dirty(self) -> bool:
        storefront = self.storefront()
        return storefront is not None and (
            self.name_edit.text().strip() != storefront.name
            or self.intro_edit.toPlainText() != storefront.introduction
        )

    def save_details(self) -> None:
        storefront = self.storefront()
        name = self.name_edit.text().strip()
        if storefront is None or not name or self._saving:
            return
        self._update_storefront(storefront, name=name, introduction=self.intro_edit.toPlainText())

    def _update_storefront(self, storefront: StorefrontPublic, **fields: object) -> None:
        self._saving = True
        self._refresh_actions()
        storefront_id, version = storefront.id, storefront.version
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: (
                client.update_storefront(storefront_id, version=version, **fields),
                STOREFRONTS_CHANGED,
            ),
        ).success(self._on_details_saved).failure(self._on_details_failed).run()

    def _on_details_saved(self, storefront: StorefrontPublic) -> None:
        self._saving = False
        self._replace(storefront)
        self._show_state(self.tr("Saved."))

    def _on_details_failed(self, error: BaseException) -> None:
        self._saving = False
        if isinstance(error, ConflictError) and error.current:
            # Someone else saved first: show theirs, keep nothing of ours silently.
            self._replace(StorefrontPublic.model_validate(error.current))
        self._show_state(reason_of(error), failed=True)
        self._refresh_actions()

    def _replace(self, storefront: StorefrontPublic) -> None:
        self._storefronts = [storefront if s.id == storefront.id else s for s in self._storefronts]
        index = self.storefront_combo.findData(str(storefront.id))
        if index >= 0:
            self.storefront_combo.setItemText(index, storefront.name)
        if storefront.id == self.storefront_id():
            self._fill_details()

    def _show_state(self, text: str, *, failed: bool = False) -> None:
        self.state_label.setText(text)
        self.state_label.setProperty("state", "failed" if failed else "")
        restyle(self.state_label)

    # -- logo ------------------------------------------------------------------------------

    def _on_logo_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a logo"), "", self.tr("Images") + f" ({IMAGE_FILTER})"
        )
        if path:
            self.upload_logo(Path(path))

    def upload_logo(self, path: Path) -> None:
        """Check and upload `path`, then make it the storefront's logo."""
        if self.storefront() is None or self._uploading_logo:
            return
        self._uploading_logo = True
        self._show_state(self.tr("Uploading the logo…"))
        self._refresh_actions()
        upload_in_background(self._ctx, self, path, self._on_logo_uploaded, self._on_logo_failed)

    def _on_logo_uploaded(self, sha256: str, _thumbnail: QImage) -> None:
        self._uploading_logo = False
        self._set_logo(sha256)

    def _on_logo_failed(self, error: BaseException) -> None:
        self._uploading_logo = False
        self._show_state(
            self.tr("The logo was not uploaded: {reason}").format(reason=reason_of(error)),
            failed=True,
        )
        self._refresh_actions()

    def _set_logo(self, sha256: str | None) -> None:
        storefront = self.storefront()
        if storefront is not None:
            self._update_storefront(storefront, logo_sha256=sha256)

    def _show_logo(self, sha256: str | None) -> None:
        pixmap = self._ctx.thumbnails.get(sha256) if sha256 else None
        if pixmap is None:
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText("◈")
            self._mark_logo_empty(True)
            return
        ratio = self.devicePixelRatioF()
        side = round(LOGO_SIDE * ratio)
        image = pixmap.toImage().scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        x, y = (image.width() - side) // 2, (image.height() - side) // 2
        self._mark_logo_empty(False)
        self.logo_label.setText("")
        self.logo_label.setPixmap(rounded(image.copy(x, y, side, side), 16, ratio))

    def _mark_logo_empty(self, empty: bool) -> None:
        """The placeholder's tint (`#StorefrontLogo[empty]` in the app's stylesheet)."""
        self.logo_label.setProperty("empty", empty)
        restyle(self.logo_label)

    def _on_thumbnail(self, sha256: str) -> None:
        storefront = self.storefront()
        if storefront is not None and storefront.logo_sha256 == sha256:
            self._show_logo(sha256)

    # -- products --------------------------------------------------------------------------

    def selected_product(self) -> ProductPublic | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.product(rows[0].row()) if rows else None

    def select_product(self, sku: str) -> bool:
        for row in range(self.model.rowCount()):
            product = self.model.product(row)
            if product is not None and product.sku == sku:
                self.table.selectRow(row)
                return True
        return False

    def _on_row_activated(self, index: QModelIndex) -> None:
        self.open_product_dialog(self.model.product(index.row()))

    def open_product_dialog(self, product: ProductPublic | None) -> ProductDialog | None:
        storefront_id = self.storefront_id()
        if storefront_id is None:
            return None
        dialog = ProductDialog(self._ctx, storefront_id, product, self)
        dialog.accepted.connect(lambda: self._on_product_saved(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.product_dialog = dialog
        dialog.open()
        return dialog

    def _on_product_saved(self, dialog: ProductDialog) -> None:
        if dialog.saved is not None:
            self._ctx.notifier.success(self.tr("“{name}” is saved.").format(name=dialog.saved.name))

    def _on_delete_clicked(self) -> None:
        product = self.selected_product()
        if product is None or not self.confirm_delete(product):
            return
        product_id, version = product.id, product.version
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: (
                client.delete_product(product_id, version=version),
                STOREFRONTS_CHANGED,
            ),
        ).success(
            lambda _none: self._ctx.notifier.info(
                self.tr("“{name}” is deleted.").format(name=product.name)
            )
        ).run()

    def confirm_delete(self, product: ProductPublic) -> bool:
        return ask_to_confirm(
            self,
            self.tr("Delete product"),
            self.tr(
                "Delete “{name}” ({sku})? Notes that link it will no longer show it. "
                "This cannot be undone."
            ).format(name=product.name, sku=product.sku),
            self.tr("Delete"),
        )

    # -- storefronts -----------------------------------------------------------------------

    def open_new_storefront(self) -> NewStorefrontDialog:
        dialog = NewStorefrontDialog(self._ctx, self)
        dialog.accepted.connect(lambda: self._on_storefront_created(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def _on_storefront_created(self, dialog: NewStorefrontDialog) -> None:
        if dialog.created is not None:
            self._stale = False
            self.reload(select=dialog.created.id)

    # -- CSV -------------------------------------------------------------------------------

    def _on_import_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import products"), "", self.tr("CSV files") + " (*.csv *.txt)"
        )
        if path:
            self.import_csv(Path(path))

    def import_csv(self, path: Path) -> None:
        """Read and check `path` in a worker, then preview it in the import dialog."""
        run_in_background(
            self._ctx.runner,
            Lane.DISK,
            owner=self,
            job=lambda _progress: parse_products_csv(path.read_bytes()),
            on_success=lambda parsed: self._open_import(parsed, path),
            on_failure=lambda error: self._ctx.notifier.error(
                self.tr("“{file}” cannot be imported: {reason}").format(
                    file=path.name, reason=file_reason(error)
                )
            ),
        )

    def _open_import(self, parsed: ParsedCsv, path: Path) -> None:
        storefront_id = self.storefront_id()
        if storefront_id is None:
            return
        dialog = ImportDialog(self._ctx, storefront_id, parsed, path, self)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()

    def _on_export_clicked(self) -> None:
        storefront = self.storefront()
        if storefront is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export products"),
            self.tr("{name} products.csv").format(name=storefront.name),
            self.tr("CSV files") + " (*.csv)",
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        """Write every product of the storefront to `path` (in a worker)."""
        storefront_id = self.storefront_id()
        if storefront_id is None:
            return
        connection = self._ctx.connection

        def job(_progress: object) -> int:
            data = export_products(connection.client(), storefront_id)
            path.write_bytes(data)
            return data.count(b"\n") - 1

        run_in_background(
            self._ctx.runner,
            Lane.READ,
            owner=self,
            job=job,
            on_success=lambda count: self._ctx.notifier.success(
                self.tr("{count} products exported to “{file}”.").format(
                    count=count, file=path.name
                )
            ),
            on_failure=lambda error: self._ctx.notifier.error(
                self.tr("The products were not exported: {reason}").format(
                    reason=file_reason(error)
                )
            ),
        )

    # -- state -----------------------------------------------------------------------------

    def _refresh_actions(self) -> None:
        has_storefront = self.storefront() is not None
        busy = self._saving or self._uploading_logo
        dirty = self.details_dirty()
        self.save_button.setEnabled(
            has_storefront and dirty and not busy and bool(self.name_edit.text().strip())
        )
        self.revert_button.setEnabled(dirty and not busy)
        self.logo_button.setEnabled(has_storefront and not busy)
        storefront = self.storefront()
        self.remove_logo_button.setEnabled(
            storefront is not None and storefront.logo_sha256 is not None and not busy
        )
        selected = self.selected_product() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        for button in (self.add_button, self.import_button, self.export_button):
            button.setEnabled(has_storefront)
        self.export_button.setEnabled(has_storefront and self.model.total > 0)
