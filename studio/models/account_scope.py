"""Which account the app is looking at: one of the user's accounts, or all of them.

The Notes page, the Calendar and new drafts follow `AccountScope`; the switcher in the
navigation rail only shows its choices and reports a pick. The choice is remembered per
backend (an account id means nothing on another one) and survives the account list loading
again; an account that is no longer in the list (its grant revoked, say) falls back to all
accounts once the list has loaded.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from publisher.roster_schemas import RosterRow
from publisher.schemas import AccountPublic
from studio.models.accounts import AccountsListModel
from studio.models.calendar import account_colours
from studio.settings import SCOPE_ACCOUNT, Setting, for_backend

if TYPE_CHECKING:
    from studio.context import AppContext

Index = QModelIndex | QPersistentModelIndex
ALL_ACCOUNTS = QT_TRANSLATE_NOOP("AccountScope", "All accounts")


def all_accounts_label() -> str:
    return QCoreApplication.translate("AccountScope", ALL_ACCOUNTS)


def organization_labels(rows: Iterable[RosterRow]) -> dict[str, str]:
    """The organization each account comes through, by account id — only when the accounts
    come through more than one (a creator with their own accounts and an MCN's): with a
    single one, naming it on every row says nothing."""
    rows = list(rows)
    if len({row.organization_id for row in rows}) < 2:
        return {}
    return {str(row.account_id): row.organization_name for row in rows}


class AccountChoices(QAbstractListModel):
    """ "All accounts" then each account: what the switcher lists and searches."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    """The account id; "" for all accounts."""
    OrganizationRole = Qt.ItemDataRole.UserRole + 2
    """The organization the account comes through, when worth saying (else "")."""
    ColourRole = Qt.ItemDataRole.UserRole + 3
    """The account's calendar colour; "" for all accounts."""
    SearchRole = Qt.ItemDataRole.UserRole + 4

    def __init__(self, accounts: AccountsListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._organizations: dict[str, str] = {}
        self._rows: list[AccountPublic] = []
        self._colours: dict[uuid.UUID, str] = {}
        self._take_accounts()
        accounts.modelAboutToBeReset.connect(self.beginResetModel)
        accounts.modelReset.connect(self._on_accounts_reset)

    def set_organizations(self, rows: Iterable[RosterRow]) -> None:
        labels = organization_labels(rows)
        if labels != self._organizations:
            self._organizations = labels
            if self.rowCount():
                self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def _take_accounts(self) -> None:
        self._rows = self._accounts.accounts()
        self._colours = account_colours(self._rows)

    def _on_accounts_reset(self) -> None:
        self._take_accounts()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows) + 1

    def row_of(self, account_id: str | None) -> int:
        """The row of `account_id` (None: all accounts); -1 when it is not listed."""
        if account_id is None:
            return 0
        row = self._accounts.row_of(account_id)
        return row + 1 if row >= 0 else -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.row() == 0:
            return self._all_data(role)
        account = self._rows[index.row() - 1]
        account_id = str(account.id)
        organization = self._organizations.get(account_id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return account.nickname
        if role == self.IdRole:
            return account_id
        if role == self.OrganizationRole:
            return organization
        if role == self.ColourRole:
            return self._colours.get(account.id, "")
        if role == self.SearchRole:
            return f"{account.nickname} {organization} {account.category} {account.region}"
        if role == Qt.ItemDataRole.ToolTipRole and organization:
            return f"{account.nickname} · {organization}"
        return None

    def _all_data(self, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, self.SearchRole):
            return all_accounts_label()
        if role in (self.IdRole, self.OrganizationRole, self.ColourRole):
            return ""
        return None


class AccountScope(QObject):
    """The account chosen (`account_id`, None for all accounts); `changed(account_id)`
    whenever it changes, by a pick, a fallback or another backend."""

    changed = Signal(object)
    label_changed = Signal(str)
    """What the switcher shows changed: another choice, or its nickname became known."""

    def __init__(
        self, ctx: AppContext, accounts: AccountsListModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._accounts = accounts
        self.choices = AccountChoices(accounts, self)
        self._account_id = self._saved()
        accounts.loaded.connect(self._fall_back_if_gone)
        ctx.connection.backend_changed.connect(self._on_backend_changed)

    @property
    def account_id(self) -> str | None:
        return self._account_id

    def label(self) -> str:
        """What the switcher shows: the account's nickname, or "All accounts"."""
        if self._account_id is None:
            return all_accounts_label()
        return self._accounts.nickname(self._account_id) or "…"

    def select(self, account_id: str | None) -> None:
        """Look at one account (None: all of them), and remember it for this backend."""
        account_id = account_id or None
        if account_id == self._account_id:
            return
        self._account_id = account_id
        self._ctx.settings.set(self._setting(), account_id or "")
        self._announce()

    def _announce(self) -> None:
        self.changed.emit(self._account_id)
        self.label_changed.emit(self.label())

    def _setting(self) -> Setting:
        return for_backend(SCOPE_ACCOUNT, self._ctx.connection.backend_key)

    def _saved(self) -> str | None:
        """The choice kept for this backend; a value that is no account id reads as all."""
        try:
            return str(uuid.UUID(self._ctx.settings.get(self._setting())))
        except ValueError:
            return None

    def _fall_back_if_gone(self) -> None:
        if self._account_id is not None and self._accounts.row_of(self._account_id) < 0:
            self.select(None)
        else:
            self.label_changed.emit(self.label())

    def _on_backend_changed(self) -> None:
        self._account_id = self._saved()
        self._announce()
