"""Accounts (账号): every account side by side for the period, the organization it comes through
beneath its name — followers, views, interactions, engagement rate and follows, each with its
change — the views of each day as a sparkline, and a red badge for what slipped ("观看 −32%").
Most viewed first; a double-click looks at that account alone (`account_requested`)."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from publisher.stats_schemas import AccountStatsRow
from studio.analytics.delegates import (
    BadgeDelegate,
    ChangeDelegate,
    FigureHeader,
    SparkDelegate,
    TwoLineDelegate,
)
from studio.analytics.figures import ACCOUNT_FIGURES, account_change, slipping
from studio.analytics.metric_labels import change_text, label
from studio.analytics.stats_table import Column, FigureTableModel, fit_columns
from studio.widgets.record_table import RecordTable


def _badges(row: AccountStatsRow) -> list[str]:
    return [f"{label(key)} {change_text(delta)}" for key, delta in slipping(row)]


def _figure_columns(key: str) -> tuple[Column, Column]:
    """The figure (drawn with its change) and its change alone (hidden; for spreadsheets)."""
    return (
        Column(
            key,
            lambda row: row.figures.get(key),
            metric=key,
            width=116,
            change=lambda row: account_change(row, key),
        ),
        Column(f"{key}_change", lambda row: account_change(row, key), change_of=key),
    )


ACCOUNT_COLUMNS = (
    Column(
        "account",
        lambda row: row.nickname,
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Account"),
        width=150,
        subtitle=lambda row: row.organization_name,
        tip=lambda _row: QCoreApplication.translate(
            "AnalyticsTables", "Double-click to look at it alone"
        ),
    ),
    Column(
        "organization",
        lambda row: row.organization_name,
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Organization"),
        width=110,
    ),
    Column(
        "followers",
        lambda row: row.followers,
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Followers"),
        count=True,
        width=84,
    ),
    *(column for key in ACCOUNT_FIGURES for column in _figure_columns(key)),
    Column(
        "trend",
        lambda row: sum(row.spark),
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Views by day"),
        width=96,
        spark=lambda row: row.spark,
    ),
    Column(
        "slipping",
        lambda row: " · ".join(_badges(row)),
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Slipping"),
        width=170,
        badges=_badges,
    ),
)


class AccountsTab(QWidget):
    account_requested = Signal(str)
    export_csv_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FigureTableModel(ACCOUNT_COLUMNS, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(FigureTableModel.SortRole)
        self.proxy.setSortLocaleAware(True)
        self.table = RecordTable(self, row_height=52)
        self.table.setHorizontalHeader(FigureHeader(self.table))
        self.table.setModel(self.proxy)
        fit_columns(self.table, self.model)
        for index, column in enumerate(ACCOUNT_COLUMNS):
            if column.change_of:
                self.table.setColumnHidden(index, True)
            elif column.change is not None:
                self.table.setItemDelegateForColumn(index, ChangeDelegate(self.table))
        self.table.setItemDelegateForColumn(
            self.model.column_of("trend"), SparkDelegate(self.table)
        )
        self.table.setItemDelegateForColumn(
            self.model.column_of("slipping"), BadgeDelegate(self.table)
        )
        self.table.setItemDelegateForColumn(
            self.model.column_of("account"), TwoLineDelegate(self.table)
        )
        self.table.setColumnHidden(self.model.column_of("organization"), True)
        self.table.horizontalHeader().setSectionResizeMode(
            self.model.column_of("slipping"), QHeaderView.ResizeMode.Stretch
        )
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.column_of("views"), Qt.SortOrder.DescendingOrder)

        hint = QLabel(
            self.tr(
                "Changes are against the previous period. "
                "Double-click an account to look at it alone."
            ),
            self,
        )
        hint.setObjectName("Hint")
        self.export_csv = QPushButton(self.tr("Export CSV"), self)
        self.export_csv.clicked.connect(self.export_csv_requested)
        tools = QHBoxLayout()
        tools.addWidget(hint, 1)
        tools.addWidget(self.export_csv)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        self.table.activated.connect(self._on_activated)
        self.table.doubleClicked.connect(self._on_activated)

    def show_accounts(self, rows: list[AccountStatsRow]) -> None:
        self.model.update_rows(rows, key=lambda row: row.account_id)

    def _on_activated(self, index: QModelIndex) -> None:
        row = self.proxy.data(index, FigureTableModel.RowRole)
        if isinstance(row, AccountStatsRow):
            self.account_requested.emit(str(row.account_id))
