"""The creator accounts the signed-in user may write for, for pickers and time zones.

Loaded when the backend connects and again when a mutation says accounts changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from publisher.domain.changes import ChangeSet
from publisher.schemas import AccountPublic
from studio.connection import BackendState
from studio.ops import Query
from studio.timezones import DEFAULT_TIMEZONE

if TYPE_CHECKING:
    from studio.context import AppContext

Index = QModelIndex | QPersistentModelIndex


class AccountsListModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._ctx = ctx
        self._accounts: list[AccountPublic] = []
        self.is_loaded = False
        ctx.connection.state_changed.connect(self._on_connection_state_changed)
        ctx.connection.backend_changed.connect(self._forget)
        ctx.events.changed.connect(self._on_changed)
        self._on_connection_state_changed(ctx.connection.state)

    def reload(self) -> None:
        Query(self._ctx, parent=self, op=lambda client: client.list_accounts()).success(
            self.set_accounts
        ).run()

    def _on_connection_state_changed(self, state: BackendState) -> None:
        # Offline, a team server's accounts still come from the app's offline copy.
        if state is BackendState.CONNECTED or (
            state is BackendState.OFFLINE and not self.is_loaded
        ):
            self.reload()

    def _forget(self) -> None:
        """Another backend: these accounts are not on it, and a draft opened meanwhile must
        not be given one of them."""
        self.beginResetModel()
        self._accounts = []
        self.endResetModel()
        self.is_loaded = False

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.accounts:
            self.reload()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._accounts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        account = self._accounts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return account.nickname
        if role == self.IdRole:
            return str(account.id)
        return None

    def set_accounts(self, accounts: list[AccountPublic]) -> None:
        self.beginResetModel()
        self._accounts = list(accounts)
        self.endResetModel()
        self.is_loaded = True
        self.loaded.emit()

    def accounts(self) -> list[AccountPublic]:
        return list(self._accounts)

    def row_of(self, account_id: str | None) -> int:
        for row, account in enumerate(self._accounts):
            if str(account.id) == account_id:
                return row
        return -1

    def nickname(self, account_id: str) -> str:
        row = self.row_of(account_id)
        return self._accounts[row].nickname if row >= 0 else ""

    def timezone(self, account_id: str) -> str:
        row = self.row_of(account_id)
        return self._accounts[row].timezone if row >= 0 else DEFAULT_TIMEZONE
