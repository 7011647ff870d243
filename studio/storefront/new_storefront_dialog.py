"""A new storefront: its name and the organization it belongs to — a brand organization can
be made right here, since a brand often has none yet on a fresh studio."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.schemas import OrganizationPublic, StorefrontPublic
from studio.messages import reason_of
from studio.ops import Mutation, Query
from studio.storefront.products_model import STOREFRONTS_CHANGED
from studio.teams.new_organization_dialog import organization_created
from studio.teams.wording import kind_name
from studio.widgets.dialog_buttons import dialog_buttons, failure_label

if TYPE_CHECKING:
    from studio.context import AppContext


class NewStorefrontDialog(QDialog):
    """`accept()`s with `created` holding the new storefront."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.created: StorefrontPublic | None = None
        self.setWindowTitle(self.tr("Create storefront"))
        self.setObjectName("PageHost")
        self.setMinimumWidth(500)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("e.g. Little Red Beauty Flagship"))
        self.organization_combo = QComboBox(self)
        self.new_organization_button = QPushButton(self.tr("New brand organization…"), self)
        self.new_organization_button.setObjectName("BannerButton")
        organization_row = QVBoxLayout()
        organization_row.setSpacing(8)
        organization_row.addWidget(self.organization_combo)
        organization_row.addWidget(self.new_organization_button, 0, Qt.AlignmentFlag.AlignLeft)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Organization"), organization_row)
        hint = QLabel(self.tr("Everyone in the organization sees and edits this storefront."), self)
        hint.setObjectName("Hint")
        self.error_label = failure_label(self)
        buttons, self.cancel_button, self.create_button = dialog_buttons(
            self, cancel=self.tr("Cancel"), action=self.tr("Create"), failure=self.error_label
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.name_edit.textChanged.connect(lambda _text: self._refresh())
        self.new_organization_button.clicked.connect(self._on_new_organization)
        self.cancel_button.clicked.connect(self.reject)
        self.create_button.clicked.connect(self.create)
        self._refresh()
        Query(ctx, parent=self, op=lambda client: client.list_organizations()).success(
            self._show_organizations
        ).failure(self._show_error).run()

    def _show_organizations(
        self, organizations: list[OrganizationPublic], select: OrganizationPublic | None = None
    ) -> None:
        """Brands first: a storefront is what a brand keeps."""
        self.organization_combo.clear()
        for organization in sorted(organizations, key=lambda org: org.kind != "brand"):
            kind = kind_name(organization.kind)
            self.organization_combo.addItem(f"{organization.name}  ·  {kind}", str(organization.id))
        if select is not None:
            self.organization_combo.setCurrentIndex(
                self.organization_combo.findData(str(select.id))
            )
        self._refresh()

    def _on_new_organization(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("New brand organization"), self.tr("Brand name")
        )
        if ok and name.strip():
            self.create_organization(name.strip())

    def create_organization(self, name: str) -> None:
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: organization_created(client, name=name, kind="brand"),
        ).success(lambda result: self._show_organizations(*result)).failure(self._show_error).run()

    def _refresh(self) -> None:
        self.create_button.setEnabled(
            bool(self.name_edit.text().strip()) and self.organization_combo.count() > 0
        )

    def create(self) -> None:
        name, organization = self.name_edit.text().strip(), self.organization_combo.currentData()
        if not name or organization is None:
            return
        organization_id = uuid.UUID(organization)
        self.create_button.setEnabled(False)
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: (
                client.create_storefront(name=name, organization_id=organization_id),
                STOREFRONTS_CHANGED,
            ),
        ).success(self._on_created).failure(self._show_error).run()

    def _on_created(self, storefront: StorefrontPublic) -> None:
        self.created = storefront
        self.accept()

    def _show_error(self, error: BaseException) -> None:
        self.error_label.setText(reason_of(error))
        self._refresh()
