"""Notes (笔记): every note of the user's accounts, filtered by status and searched by text.

Rows come from `NotesTableModel` (paged, in workers); this page only turns clicks into
intents: open in Create, publish now, delete after confirming. A brand collaboration's note is
marked as such, and one in its protection period says until when and cannot be deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSize, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.client import ClientError
from publisher.client import ValidationError as RefusedError
from publisher.domain.changes import ChangeSet
from publisher.schemas import NotePublic
from studio.bulk.action_bar import BulkActionBar
from studio.collab.wording import shown_date
from studio.messages import message
from studio.models.accounts import AccountsListModel
from studio.models.notes import ACCOUNT, COVER, PUBLISHED, STATUS, TITLE, UPDATED, NotesTableModel
from studio.ops import Mutation
from studio.reader_link.links import unavailable_reason
from studio.widgets.card import page_header
from studio.widgets.collab_note_delegate import CollabNoteDelegate, protected
from studio.widgets.confirm import ask_to_confirm
from studio.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from studio.context import AppContext

SEARCH_DEBOUNCE_MS = 300


class NotesPage(QWidget):
    open_requested = Signal(str)
    """A note id the user wants to edit in Create."""
    new_requested = Signal()
    public_page_requested = Signal(str)
    """A published public note whose link, QR code and held comments the user wants."""

    def __init__(
        self, ctx: AppContext, accounts: AccountsListModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        self._ctx = ctx
        self._accounts = accounts
        self.model = NotesTableModel(ctx, accounts, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(NotesTableModel.SortRole)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._stale = True
        self._build()
        self._connect()

    def _build(self) -> None:
        header, row, _title, self.subtitle = page_header(
            self.tr("Notes"),
            self.tr("Drafts, scheduled and published notes of your accounts"),
            self,
        )
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search titles and text"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.status_filter = QComboBox(self)
        for label, status in (
            (self.tr("All"), None),
            (self.tr("Drafts"), "draft"),
            (self.tr("Scheduled"), "scheduled"),
            (self.tr("Published"), "published"),
            (self.tr("Archived"), "archived"),
        ):
            self.status_filter.addItem(label, status)
        row.addWidget(self.search)
        row.addWidget(self.status_filter)

        self.table = RecordTable(self, row_height=68)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setIconSize(QSize(42, 56))
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header_view.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setColumnWidth(COVER, 72)
        self.table.setColumnWidth(STATUS, 170)
        for column, kind in ((TITLE, "title"), (STATUS, "status")):
            delegate = CollabNoteDelegate(NotesTableModel.NoteRole, kind, self.table)
            self.table.setItemDelegateForColumn(column, delegate)
        self.table.setColumnWidth(UPDATED, 150)
        self.table.setColumnWidth(PUBLISHED, 150)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("Hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("Hint")
        self.protection_label = QLabel(self)
        self.protection_label.setObjectName("Hint")
        self.protection_label.setWordWrap(True)
        self.protection_label.hide()
        self.public_button = QPushButton(self.tr("Public page"), self)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.publish_button = QPushButton(self.tr("Publish now"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.new_button = QPushButton(self.tr("New note"), self)
        self.new_button.setProperty("accent", True)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.count_label, 1)
        for button in (
            self.public_button,
            self.edit_button,
            self.publish_button,
            self.delete_button,
            self.new_button,
        ):
            actions.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(16)
        layout.addWidget(header)
        self.bulk_bar = BulkActionBar(self._ctx, self._accounts, self.selected_notes, self)
        layout.addWidget(self.bulk_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.protection_label)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self._apply_filter)
        self.status_filter.currentIndexChanged.connect(lambda _row: self._apply_filter())
        self.table.activated.connect(self._on_row_activated)
        self.table.doubleClicked.connect(self._on_row_activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._refresh_actions())
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.public_button.clicked.connect(self._on_public_clicked)
        self.publish_button.clicked.connect(self._on_publish_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.new_button.clicked.connect(self.new_requested)
        self.model.modelReset.connect(self._refresh_actions)
        self.model.rowsInserted.connect(self._refresh_actions)
        self.model.load_failed.connect(self._on_load_failed)
        self._ctx.events.changed.connect(self._on_changed)
        self._ctx.connection.state_changed.connect(self._on_connection_state_changed)
        self._refresh_actions()

    # -- loading ---------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self._reload_if_visible()

    def _on_connection_state_changed(self, _state: object) -> None:
        self._reload_if_visible()

    def _reload_if_visible(self) -> None:
        if self._stale and self.isVisible():
            self._stale = False
            self._apply_filter()

    def _apply_filter(self) -> None:
        self.model.set_filter(status=self.status_filter.currentData(), query=self.search.text())

    def show_account(self, account_id: str | None) -> None:
        """One account's notes (None: every account's, each row naming its account)."""
        self.model.set_account(account_id)
        self.table.setColumnHidden(ACCOUNT, account_id is not None)
        self._stale = True
        self._reload_if_visible()

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.notes:
            self._stale = True
            self._reload_if_visible()

    def _on_load_failed(self, error: BaseException) -> None:
        self._stale = True
        if isinstance(error, ClientError):
            self.empty_label.setText(message(error.code, error.params))
            self.empty_label.show()

    def _refresh_actions(self) -> None:
        self.bulk_bar.set_count(len(self.selected_notes()))
        note = self.selected_note()
        self.edit_button.setEnabled(note is not None)
        kept = self.protection_reason(note)
        self.delete_button.setEnabled(note is not None and not kept)
        self.delete_button.setToolTip(kept)
        self.protection_label.setText(kept)
        self.protection_label.setVisible(bool(kept))
        self.publish_button.setEnabled(note is not None and note.status in ("draft", "scheduled"))
        why_not = unavailable_reason(note)
        self.public_button.setEnabled(note is not None and not why_not)
        self.public_button.setToolTip(
            why_not
            or self.tr("Its link and QR code for a phone, and readers' comments held for you")
        )
        rows = self.model.rowCount()
        self.count_label.setText(self.tr("{count} notes").format(count=self.model.total))
        self.empty_label.setVisible(rows == 0)
        self.table.setVisible(rows > 0)
        if rows == 0:
            self.empty_label.setText(
                self.tr("No notes here yet. Write one on the Create page.")
                if not self.search.text() and self.status_filter.currentIndex() == 0
                else self.tr("No notes match this filter.")
            )

    @staticmethod
    def protection_reason(note: NotePublic | None) -> str:
        """Why the note may not be deleted now ("" when it may): the server's own words."""
        if note is None or not protected(note):
            return ""
        return message("note.protected", {"until": shown_date(note.protected_until)})

    # -- selection and commands ------------------------------------------------------------

    def selected_note(self) -> NotePublic | None:
        """The one selected note; None when none or several are (those are bulk work)."""
        index = self.table.currentIndex()
        selection = self.table.selectionModel()
        if (
            not index.isValid()
            or not selection.isRowSelected(index.row(), QModelIndex())
            or len(selection.selectedRows()) > 1
        ):
            return None
        note = self.proxy.data(index, NotesTableModel.NoteRole)
        return note if isinstance(note, NotePublic) else None

    def selected_notes(self) -> list[NotePublic]:
        """Every selected note, in the order the table shows them."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        return [self.proxy.data(index, NotesTableModel.NoteRole) for index in rows]

    def select_note(self, note_id: str) -> bool:
        row = self.model.row_of(note_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        return True

    def _on_row_activated(self, index: QModelIndex) -> None:
        note_id = self.proxy.data(index, NotesTableModel.IdRole)
        if note_id:
            self.open_requested.emit(note_id)

    def _on_edit_clicked(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.open_requested.emit(str(note.id))

    def _on_public_clicked(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.public_page_requested.emit(str(note.id))

    def _on_publish_clicked(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        note_id, version = note.id, note.version
        Mutation(
            self._ctx, parent=self, op=lambda client: client.publish_note(note_id, version=version)
        ).success(self._on_published).failure(self._on_publish_failed).run()

    def _on_published(self, note: NotePublic) -> None:
        self._ctx.notifier.success(
            self.tr("“{title}” is published.").format(title=note.title or self.tr("Untitled"))
        )

    def _on_publish_failed(self, error: BaseException) -> None:
        if isinstance(error, RefusedError) and error.violations:
            reasons = "\n".join(
                "• " + message(str(v.get("code")), v.get("params") or {})
                for v in error.violations
                if v.get("level", "block") == "block"
            )
            self._ctx.notifier.error(self.tr("Not published:") + "\n" + reasons)
        elif isinstance(error, ClientError):
            self._ctx.notifier.show_error(error)
        else:
            raise error

    def _on_delete_clicked(self) -> None:
        note = self.selected_note()
        if note is None or self.protection_reason(note) or not self.confirm_delete(note):
            return
        note_id, version = note.id, note.version
        Mutation(
            self._ctx, parent=self, op=lambda client: client.delete_note(note_id, version=version)
        ).success(lambda _none: self._ctx.notifier.info(self.tr("Note deleted."))).run()

    def confirm_delete(self, note: NotePublic) -> bool:
        return ask_to_confirm(
            self,
            self.tr("Delete note"),
            self.tr("Delete “{title}”? This cannot be undone.").format(
                title=note.title or self.tr("Untitled")
            ),
            self.tr("Delete"),
        )
