"""The brand's review queue: every submission to the brand's briefs, the most urgent first.

Filters by brief, state and creator are the server's (`list_collaborations(side="brand")`);
each row says who submitted which round of which brief, its state and the time left before
the review is due (red once overdue). Opening a row opens the review screen.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.brief_schemas import BriefPublic, CollaborationPublic
from publisher.domain.changes import ChangeSet
from studio.collab.review_dialog import ReviewDialog
from studio.collab.wording import aware, round_name, shown_time, state_name, state_tone, time_left
from studio.messages import reason_of
from studio.quiet_read import quiet_read
from studio.style import ACCENT, TEXT_MUTED
from studio.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

MAX_ROWS = 500
PAGE = 100
TICK_MS = 60_000
"""Time left is re-worded every minute."""

TONE_COLOURS = {
    "accent": ACCENT,
    "work": "#E08A00",
    "waiting": "#2F6BDE",
    "good": "#1E9E5A",
    "ended": TEXT_MUTED,
}
"""A state's colour in the table, by its tone for the brand (`wording.state_tone`)."""
REVIEWED = ["changes_requested", "approved", "scheduled", "published", "completed", "rejected"]
SUBMITTED_STATES = ["submitted", *REVIEWED]
"""The states a collaboration is in once something was submitted."""

CREATOR, BRIEF, ROUND, STATE, DUE = range(5)


def _load_queue(
    client: StudioClient,
    brief_id: uuid.UUID | None,
    states: list[str],
    account_id: uuid.UUID | None,
) -> tuple[list[CollaborationPublic], int]:
    """The queue's rows (up to `MAX_ROWS`, page by page) and how many there are in all."""
    rows: list[CollaborationPublic] = []
    while True:
        page = client.list_collaborations(
            side="brand",
            brief_id=brief_id,
            states=states,
            account_id=account_id,
            offset=len(rows),
            limit=PAGE,
        )
        rows.extend(page.items)
        if not page.items or len(rows) >= min(page.total, MAX_ROWS):
            return rows, page.total


def _briefs(client: StudioClient) -> list[BriefPublic]:
    return list(client.list_briefs(limit=100).items)


class ReviewQueueModel(QAbstractTableModel):
    """One row per collaboration; `SortRole` orders by urgency (due soonest, then newest)."""

    CollaborationRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CollaborationPublic] = []
        self.now = datetime.now(UTC)

    def set_rows(self, rows: list[CollaborationPublic]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.now = datetime.now(UTC)
        self.endResetModel()

    def tick(self) -> None:
        self.now = datetime.now(UTC)
        if self.rows:
            self.dataChanged.emit(self.index(0, DUE), self.index(len(self.rows) - 1, DUE))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Creator"),
            self.tr("Brief"),
            self.tr("Round"),
            self.tr("State"),
            self.tr("Review due"),
        )[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == self.CollaborationRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == self.SortRole:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == DUE and time_left(row.review_due_at, self.now)[1]:
                return QColor(ACCENT)
            if column == STATE:
                return QColor(TONE_COLOURS[state_tone(row.state, "brand")])
        if role == Qt.ItemDataRole.ToolTipRole and column == DUE and row.review_due_at:
            return shown_time(row.review_due_at)
        return None

    def _text(self, row: CollaborationPublic, column: int) -> str:
        if column == CREATOR:
            return row.account.nickname
        if column == BRIEF:
            return row.brief.title
        if column == ROUND:
            return round_name(row.round)
        if column == STATE:
            return state_name(row.state, "brand")
        return time_left(row.review_due_at, self.now)[0] or "—"

    def _sort_key(self, row: CollaborationPublic, column: int) -> Any:
        if column == DUE:
            # Due soonest first; the decided ones (no due time) after, newest first.
            if row.review_due_at is not None:
                return f"0{aware(row.review_due_at).timestamp():020.3f}"
            return f"1{-aware(row.updated_at).timestamp():021.3f}"
        if column == ROUND:
            return row.round
        return self._text(row, column)


class ReviewQueueTab(QWidget):
    """The queue as a tab of the Collaborations page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        self._ctx = ctx
        self._stale = True
        self._creators: dict[str, str] = {}
        """Account id → nickname of every creator seen, for the creator filter."""
        self.dialogs: list[ReviewDialog] = []
        self.model = ReviewQueueModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ReviewQueueModel.SortRole)
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.model.tick)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.brief_filter = QComboBox(self)
        self.brief_filter.addItem(self.tr("All briefs"), None)
        self.state_filter = QComboBox(self)
        for label, states in (
            (self.tr("Waiting for review"), ["submitted"]),
            (self.tr("Changes requested"), ["changes_requested"]),
            (self.tr("Approved"), ["approved", "scheduled", "published", "completed"]),
            (self.tr("Rejected"), ["rejected"]),
            (self.tr("All submissions"), SUBMITTED_STATES),
        ):
            self.state_filter.addItem(label, states)
        self.creator_filter = QComboBox(self)
        self.creator_filter.addItem(self.tr("All creators"), None)
        for combo in (self.brief_filter, self.creator_filter):
            combo.setMinimumWidth(180)
        self.state_filter.setMinimumWidth(170)
        filters = QHBoxLayout()
        filters.setSpacing(10)
        for combo in (self.brief_filter, self.state_filter, self.creator_filter):
            filters.addWidget(combo)
        filters.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("Hint")
        filters.addWidget(self.count_label)

        self.table = RecordTable(self, row_height=48)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(BRIEF, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(CREATOR, 180)
        self.table.setColumnWidth(ROUND, 90)
        self.table.setColumnWidth(STATE, 160)
        self.table.setColumnWidth(DUE, 160)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("Hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Review"), self)
        self.open_button.setProperty("accent", True)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(actions)

    def _connect(self) -> None:
        for combo in (self.brief_filter, self.state_filter, self.creator_filter):
            combo.currentIndexChanged.connect(lambda _row: self.reload())
        self.table.activated.connect(self._on_activated)
        self.table.doubleClicked.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._refresh_actions())
        self.open_button.clicked.connect(self.open_selected)
        self._ctx.events.changed.connect(self._on_changed)
        self._ctx.connection.state_changed.connect(lambda _state: self._reload_if_visible())
        self._refresh_actions()

    # -- loading ---------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self._timer.start()
        self.model.tick()
        self._reload_if_visible()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().hideEvent(event)
        self._timer.stop()

    def _reload_if_visible(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.collaborations or changes.briefs:
            self._stale = True
            self._reload_if_visible()

    def reload(self) -> None:
        """Ask the backend for the briefs and the queue under the current filters."""
        self._stale = False
        brief_id = _uuid(self.brief_filter.currentData())
        states = list(self.state_filter.currentData() or SUBMITTED_STATES)
        account_id = _uuid(self.creator_filter.currentData())
        quiet_read(self._ctx, self, _briefs, self._on_briefs, lambda _error: None)
        quiet_read(
            self._ctx,
            self,
            lambda client: _load_queue(client, brief_id, states, account_id),
            self._on_loaded,
            self._on_failed,
        )

    def _on_briefs(self, briefs: list[BriefPublic]) -> None:
        _refill(self.brief_filter, [(brief.title, str(brief.id)) for brief in briefs])

    def _on_loaded(self, result: tuple[list[CollaborationPublic], int]) -> None:
        rows, total = result
        self.model.set_rows(rows)
        for row in rows:
            self._creators[str(row.account.id)] = row.account.nickname
        creators_by_name = sorted(
            ((name, key) for key, name in self._creators.items()), key=lambda item: item[0]
        )
        _refill(self.creator_filter, creators_by_name)
        shown = len(rows)
        if total > shown:
            text = self.tr("Submissions: {shown} of {total}").format(shown=shown, total=total)
        else:
            text = self.tr("Submissions: {count}").format(count=total)
        self.count_label.setText(text)
        self.empty_label.setText(
            self.tr("Nothing here. Submissions to your briefs appear here for review.")
        )
        self._refresh_actions()

    def _on_failed(self, error: BaseException) -> None:
        self._stale = True
        self.model.set_rows([])
        self.empty_label.setText(reason_of(error))
        self._refresh_actions()

    # -- opening ---------------------------------------------------------------------------

    def selected(self) -> CollaborationPublic | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.data(rows[0], ReviewQueueModel.CollaborationRole)

    def _refresh_actions(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)
        self.open_button.setEnabled(self.selected() is not None)

    def _on_activated(self, index: QModelIndex) -> None:
        collaboration = self.proxy.data(index, ReviewQueueModel.CollaborationRole)
        if collaboration is not None:
            self.open_review(collaboration.id)

    def open_selected(self) -> None:
        collaboration = self.selected()
        if collaboration is not None:
            self.open_review(collaboration.id)

    def open_review(self, collaboration_id: uuid.UUID) -> ReviewDialog:
        """The review screen of one collaboration; one window per collaboration."""
        for dialog in self.dialogs:
            if dialog.collaboration_id == collaboration_id:
                dialog.raise_()
                dialog.activateWindow()
                return dialog
        dialog = ReviewDialog(self._ctx, collaboration_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def _forget(self, dialog: ReviewDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)


def _uuid(value: str | None) -> uuid.UUID | None:
    return uuid.UUID(value) if value else None


def _refill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Replace the combo's choices after its first ("All …") keeping the current one, without
    announcing a change (which would reload the queue)."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for label, value in items:
        combo.addItem(label, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
