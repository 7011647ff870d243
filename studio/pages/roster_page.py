"""The roster (账号矩阵): every account the user sees on one sortable, searchable table —
followers, posts this week, the next scheduled note, drafts, collaborations waiting on the
brand or on the account, the last 7 days. Double-clicking an account asks for its notes.

Rows come from `RosterTableModel`; this page only filters, sorts and turns a double-click
into `account_requested(account_id)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from publisher.client import ClientError
from publisher.domain.changes import ChangeSet
from studio.messages import message
from studio.models.account_scope import organization_labels
from studio.models.roster import COLUMN, COLUMNS, RosterTableModel, totals
from studio.widgets.card import page_header
from studio.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from studio.context import AppContext
    from studio.models.accounts import AccountsListModel


class RosterPage(QWidget):
    account_requested = Signal(str)
    """An account id whose notes the user wants to see."""

    def __init__(
        self, ctx: AppContext, accounts: AccountsListModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        self._ctx = ctx
        self.model = RosterTableModel(ctx, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RosterTableModel.SortRole)
        self.proxy.setSortLocaleAware(True)
        self.proxy.setFilterRole(RosterTableModel.SearchRole)
        self.proxy.setFilterKeyColumn(COLUMN["account"])
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._stale = True
        self._build()
        # Loaded with the account list even while hidden: the switcher names each account's
        # organization from these rows.
        accounts.loaded.connect(self.model.reload)
        self.model.modelReset.connect(self._refresh)
        self.model.load_failed.connect(self._on_load_failed)
        self.search.textChanged.connect(self._on_search)
        self.table.activated.connect(self._on_activated)
        self.table.doubleClicked.connect(self._on_activated)
        ctx.events.changed.connect(self._on_changed)
        self._refresh()

    def _build(self) -> None:
        header, row, _title, self.subtitle = page_header(
            self.tr("Roster"),
            self.tr("Every account at a glance: this week, what is next, what is waiting"),
            self,
        )
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search accounts, fields, regions"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        row.addWidget(self.search)

        self.table = RecordTable(self, row_height=44)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN["account"], Qt.SortOrder.AscendingOrder)
        for index, column in enumerate(COLUMNS):
            self.table.setColumnWidth(index, column.width)
        self.table.installEventFilter(self)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("Hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("Hint")
        self.zone_hint = QLabel(self.tr("Weeks and times in each account's time zone"), self)
        self.zone_hint.setObjectName("Hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(16)
        layout.addWidget(header)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        footer = QVBoxLayout()
        footer.setSpacing(2)
        footer.addWidget(self.summary)
        footer.addWidget(self.zone_hint)
        layout.addLayout(footer)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_next_column()
        return super().eventFilter(watched, event)

    def _fit_next_column(self) -> None:
        """Give the next note's column what the others leave, but never less than its
        minimum (the table scrolls sideways in a narrow window instead)."""
        others = sum(
            self.table.columnWidth(column)
            for column in range(self.model.columnCount())
            if column != COLUMN["next"] and not self.table.isColumnHidden(column)
        )
        # As if the vertical scroll bar were there: rows arriving must not add a sideways one.
        viewport = self.table.maximumViewportSize().width()
        room = viewport - self.table.verticalScrollBar().sizeHint().width() - others
        self.table.setColumnWidth(COLUMN["next"], max(COLUMNS[COLUMN["next"]].width, room))

    # -- loading ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._reload_if_visible()

    def _reload_if_visible(self) -> None:
        if self._stale and self.isVisible():
            self._stale = False
            self.model.reload()

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.notes or changes.schedule or changes.collaborations:
            self._stale = True
            self._reload_if_visible()

    def _on_load_failed(self, error: BaseException) -> None:
        self._stale = True
        if isinstance(error, ClientError) and self.model.rowCount() == 0:
            self.empty_label.setText(message(error.code, error.params))
            self.empty_label.show()

    # -- showing ---------------------------------------------------------------------------

    def _refresh(self) -> None:
        rows = self.model.rows()
        self.table.setColumnHidden(COLUMN["organization"], not organization_labels(rows))
        self._fit_next_column()
        self._show_counts()

    def _on_search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._show_counts()

    def _show_counts(self) -> None:
        shown = self.proxy.rowCount()
        self.table.setVisible(shown > 0)
        self.empty_label.setVisible(shown == 0)
        if self.model.rowCount() == 0:
            self.empty_label.setText(
                self.tr("No accounts yet.") if self.model.is_loaded else self.tr("Loading…")
            )
        elif shown == 0:
            self.empty_label.setText(
                self.tr("No account matches “{text}”.").format(text=self.search.text().strip())
            )
        self.summary.setText(
            self.tr(
                "Accounts: {accounts} · Posts this week: {posts} · Drafts: {drafts} · "
                "With brands: {brand} · To answer: {answer}"
            ).format(**totals(self.model.rows()))
        )

    def _on_activated(self, index: QModelIndex) -> None:
        account_id = self.proxy.data(index, RosterTableModel.IdRole)
        if account_id:
            self.account_requested.emit(account_id)
