"""Record what a campaign cost: a boost on one of its notes (薯条加热), ads (聚光广告) or a
creator's fee (达人费用), in yuan, on a day; and the spend recorded so far, each deletable.

ROI, CPE and CPM divide by these records, so the panel reloads its figures whenever one is
added or deleted (`changed`). Only the brand's editors may record: the server refuses others,
and the refusal is shown in the dialog.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.changes import ChangeSet
from publisher.domain.periods import platform_today
from publisher.stats_schemas import SpendCreate, SpendPublic
from studio.collab.money import MoneyError, fen_text, parse_yuan
from studio.messages import message, reason_of
from studio.ops import Mutation, Query
from studio.widgets.confirm import ask_to_confirm
from studio.widgets.dialog_buttons import error_note

if TYPE_CHECKING:
    from studio.context import AppContext

KINDS = {
    "boost": QT_TRANSLATE_NOOP("SpendDialog", "Boost (薯条加热)"),
    "ad": QT_TRANSLATE_NOOP("SpendDialog", "Ads (聚光广告)"),
    "fee": QT_TRANSLATE_NOOP("SpendDialog", "Creator fee (达人费用)"),
}
MEMO_WIDTH = 150
DELETE_WIDTH = 80
"""Room for the Delete link in either language, with the stylesheet's padding."""
SPEND_CHANGED = ChangeSet()
"""Spend changes no list another page shows: the figures are reloaded through `changed`."""


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("SpendDialog", KINDS.get(kind, kind))


class SpendDialog(QDialog):
    changed = Signal()
    """Spend was recorded or deleted: the campaign's figures are out of date."""

    def __init__(
        self,
        ctx: AppContext,
        brief_id: uuid.UUID,
        brief_title: str,
        notes: Sequence[tuple[uuid.UUID, str]],
        parent: QWidget | None = None,
    ) -> None:
        """`notes`: the campaign's notes (id, title), any of which a spend may be on."""
        super().__init__(parent)
        self._ctx = ctx
        self._brief_id = brief_id
        self._note_titles = dict(notes)
        self.records: list[SpendPublic] = []
        self.loaded = False
        self.setWindowTitle(self.tr("Record spend"))
        self.resize(840, 700)

        heading = QLabel(self.tr("Record spend"), self)
        heading.setObjectName("DialogHeading")
        subtitle = QLabel(brief_title, self)
        subtitle.setObjectName("Hint")
        subtitle.setWordWrap(True)

        self.kind_combo = QComboBox(self)
        for kind in KINDS:
            self.kind_combo.addItem(kind_name(kind), kind)
        self.kind_combo.setCurrentIndex(list(KINDS).index("ad"))
        sign = QLabel("¥", self)
        sign.setObjectName("YuanSign")
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setPlaceholderText(self.tr("Amount in yuan, e.g. 1,280.50"))
        self.amount_edit.returnPressed.connect(self.record)
        amount = QHBoxLayout()
        amount.addWidget(sign)
        amount.addWidget(self.amount_edit, 1)
        self.day_edit = QDateEdit(QDate(platform_today()), self)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.note_combo = QComboBox(self)
        self.note_combo.addItem(self.tr("The whole campaign"), None)
        for note_id, title in notes:
            self.note_combo.addItem(title or self.tr("(untitled)"), note_id)
        self.memo_edit = QLineEdit(self)
        self.memo_edit.setMaxLength(200)
        self.memo_edit.setPlaceholderText(self.tr("Optional, e.g. the order number"))
        form = QGridLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        form.setColumnStretch(1, 1)
        fields: tuple[tuple[str, QWidget | QHBoxLayout], ...] = (
            (self.tr("Kind"), self.kind_combo),
            (self.tr("Amount"), amount),
            (self.tr("Day"), self.day_edit),
            (self.tr("On"), self.note_combo),
            (self.tr("Memo"), self.memo_edit),
        )
        for row, (text, field) in enumerate(fields):
            form.addWidget(self._form_label(text), row, 0, Qt.AlignmentFlag.AlignVCenter)
            if isinstance(field, QWidget):
                form.addWidget(field, row, 1)
            else:
                form.addLayout(field, row, 1)

        self.error_label = error_note(self)
        self.record_button = QPushButton(self.tr("Record"), self)
        self.record_button.setProperty("accent", True)
        self.record_button.clicked.connect(self.record)
        record_row = QHBoxLayout()
        record_row.addStretch(1)
        record_row.addWidget(self.record_button)

        recorded = QLabel(self.tr("Recorded for this campaign"), self)
        recorded.setObjectName("SectionLabel")
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Kind"), self.tr("Amount"), self.tr("On"), self.tr("Memo"), ""]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Fixed)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("Hint")
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        foot = QHBoxLayout()
        foot.addWidget(self.total_label, 1)
        foot.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(record_row)
        layout.addSpacing(6)
        layout.addWidget(recorded)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        self.amount_edit.setFocus()
        self.reload()

    def _form_label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("FormLabel")
        return label

    # -- the records -----------------------------------------------------------------------

    def reload(self) -> None:
        brief_id = self._brief_id
        Query(self._ctx, parent=self, op=lambda client: client.spend(brief_id=brief_id)).success(
            self._show_records
        ).failure(self._refused).run()

    def _show_records(self, records: list[SpendPublic]) -> None:
        self.records = list(records)
        self.loaded = True
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            on = self._note_titles.get(record.note_id, "") if record.note_id else ""
            cells = [
                record.day.isoformat(),
                kind_name(record.kind),
                fen_text(record.amount_fen, record.currency),
                on or self.tr("The whole campaign"),
                record.memo,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
            delete = QPushButton(self.tr("Delete"), self.table)
            delete.setObjectName("LinkButton")
            delete.clicked.connect(lambda _checked=False, chosen=record: self.ask_delete(chosen))
            self.table.setCellWidget(row, 5, delete)
        self.table.setColumnWidth(4, MEMO_WIDTH)
        self.table.setColumnWidth(5, DELETE_WIDTH)
        total = sum(record.amount_fen for record in self.records)
        self.total_label.setText(
            self.tr("Total recorded: {amount}").format(amount=fen_text(total))
            if self.records
            else self.tr("Nothing recorded yet.")
        )

    # -- recording -------------------------------------------------------------------------

    def spend_entered(self) -> SpendCreate | None:
        """The form as a record, or None with the reason shown."""
        try:
            amount = parse_yuan(self.amount_edit.text())
        except MoneyError as error:
            self._show_error(message(error.code, error.params))
            return None
        if not amount:
            self._show_error(self.tr("Enter an amount above ¥0."))
            return None
        return SpendCreate(
            brief_id=self._brief_id,
            note_id=self.note_combo.currentData(),
            kind=self.kind_combo.currentData(),
            day=self.day_edit.date().toPython(),
            amount_fen=amount,
            memo=self.memo_edit.text().strip(),
        )

    def record(self) -> None:
        data = self.spend_entered()
        if data is None:
            return
        self.error_label.hide()
        self.record_button.setEnabled(False)
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: (client.record_spend(data), SPEND_CHANGED),
        ).success(self._recorded).failure(self._refused).run()

    def _recorded(self, _record: SpendPublic) -> None:
        self.record_button.setEnabled(True)
        self.amount_edit.clear()
        self.memo_edit.clear()
        self.changed.emit()
        self.reload()

    def ask_delete(self, record: SpendPublic) -> None:
        if ask_to_confirm(
            self,
            self.tr("Delete spend"),
            self.tr("Delete {amount} of {kind} on {day}? ROI, CPE and CPM will change.").format(
                amount=fen_text(record.amount_fen, record.currency),
                kind=kind_name(record.kind),
                day=record.day.isoformat(),
            ),
            self.tr("Delete"),
        ):
            self.delete(record)

    def delete(self, record: SpendPublic) -> None:
        spend_id = record.id
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: (client.delete_spend(spend_id), SPEND_CHANGED),
        ).success(lambda _none: self._deleted()).failure(self._refused).run()

    def _deleted(self) -> None:
        self.changed.emit()
        self.reload()

    def _refused(self, error: BaseException) -> None:
        self.record_button.setEnabled(True)
        if getattr(error, "code", None) == "brief.not_found":
            # A brief the caller sees but does not belong to (a creator's view of it).
            self._show_error(self.tr("Only the brand's editors record spend on its campaigns."))
        else:
            self._show_error(reason_of(error))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
