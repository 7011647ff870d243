"""A new MCN or brand organization, its creator its first owner. The call that makes one is
shared with the storefront's "new brand organization", so both announce the new team alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.changes import ChangeSet
from publisher.schemas import OrganizationPublic
from studio.messages import reason_of
from studio.ops import Mutation
from studio.teams.wording import kind_name
from studio.widgets.dialog_buttons import dialog_buttons, failure_label

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

ORGANIZATIONS_CHANGED = ChangeSet(teams=True)
NAME_MAX = 100
"""The server's `ShortName`."""


def organization_created(
    client: StudioClient, *, name: str, kind: str
) -> tuple[tuple[list[OrganizationPublic], OrganizationPublic], ChangeSet]:
    """Create the organization; answer the caller's organizations with it, and the new one."""
    created = client.create_organization(name=name, kind=kind)
    return (client.list_organizations(), created), ORGANIZATIONS_CHANGED


class NewOrganizationDialog(QDialog):
    """`accept()`s with `created` holding the new organization."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.created: OrganizationPublic | None = None
        self.setWindowTitle(self.tr("New organization"))
        self.setObjectName("PageHost")
        self.setMinimumWidth(480)
        heading = QLabel(self.tr("New organization"), self)
        heading.setObjectName("DialogHeading")
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setPlaceholderText(self.tr("Name, e.g. 星河MCN or 花知晓"))
        kinds = QButtonGroup(self)
        self.mcn_option, mcn_hint = self._option(
            kinds,
            kind_name("mcn"),
            self.tr(
                "Runs creators' accounts: staff plan, write and schedule for the accounts "
                "creators put under its management."
            ),
        )
        self.brand_option, brand_hint = self._option(
            kinds,
            kind_name("brand"),
            self.tr("Keeps a storefront, writes briefs and reviews the notes creators submit."),
        )
        self.mcn_option.setChecked(True)
        owner_hint = QLabel(self.tr("You become its owner and can invite the others."), self)
        owner_hint.setObjectName("Hint")
        self.error_label = failure_label(self)
        buttons, self.cancel_button, self.create_button = dialog_buttons(
            self, cancel=self.tr("Cancel"), action=self.tr("Create"), failure=self.error_label
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addSpacing(4)
        layout.addWidget(self.name_edit)
        layout.addSpacing(4)
        for option, hint in ((self.mcn_option, mcn_hint), (self.brand_option, brand_hint)):
            layout.addWidget(option)
            layout.addWidget(hint)
        layout.addWidget(owner_hint)
        layout.addSpacing(6)
        layout.addLayout(buttons)

        self.name_edit.textChanged.connect(lambda _text: self._refresh())
        self.name_edit.returnPressed.connect(self.create)
        self.cancel_button.clicked.connect(self.reject)
        self.create_button.clicked.connect(self.create)
        self._refresh()

    def _option(self, group: QButtonGroup, text: str, hint: str) -> tuple[QRadioButton, QLabel]:
        option = QRadioButton(text, self)
        group.addButton(option)
        label = QLabel(hint, self)
        label.setObjectName("Hint")
        label.setWordWrap(True)
        label.setContentsMargins(26, 0, 0, 4)
        return option, label

    @property
    def kind(self) -> str:
        return "brand" if self.brand_option.isChecked() else "mcn"

    def _refresh(self) -> None:
        self.create_button.setEnabled(bool(self.name_edit.text().strip()))

    def create(self) -> None:
        name, kind = self.name_edit.text().strip(), self.kind
        if not name or not self.create_button.isEnabled():
            return
        self.create_button.setEnabled(False)
        self.error_label.clear()
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: organization_created(client, name=name, kind=kind),
        ).success(self._on_created).failure(self._on_failed).run()

    def _on_created(self, result: tuple[list[OrganizationPublic], OrganizationPublic]) -> None:
        self.created = result[1]
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.error_label.setText(reason_of(error))
        self._refresh()
