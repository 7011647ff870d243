"""Invite a creator account to a custom brief: find it by nickname (its followers, field and
region beside it, what a brand weighs), then say why and offer a fee (the brief's by default)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from publisher.brief_schemas import BriefPublic, CollaborationPublic
from publisher.schemas import AccountBrief, Page
from studio.collab.money import MoneyError, fen_text, parse_yuan
from studio.composer.debounced import DebouncedQuery
from studio.composer.hint import HintLabel
from studio.messages import reason_of
from studio.ops import Mutation
from studio.widgets.dialog_buttons import dialog_buttons, error_note

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

AccountRole = Qt.ItemDataRole.UserRole + 1


def followers_text(count: int) -> str:
    """12,300 → "1.2万", as Chinese platforms count followers; small counts as they are."""
    if count >= 10_000:
        return f"{count / 10_000:.1f}".rstrip("0").rstrip(".") + "万"
    return f"{count:,}"


class InviteDialog(QDialog):
    """After `accept()`, `collaboration` is the invitation made."""

    def __init__(self, ctx: AppContext, brief: BriefPublic, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self.brief = brief
        self.collaboration: CollaborationPublic | None = None
        self.setWindowTitle(self.tr("Invite creators"))
        self.resize(560, 620)

        heading = QLabel(brief.title, self)
        heading.setObjectName("DialogHeading")
        heading.setWordWrap(True)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search creator accounts by nickname"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(self._on_search_edited)
        self.state_label = HintLabel(self)
        self.state_label.setText(self.tr("Type a nickname to find accounts."))
        self.results = QListWidget(self)
        self.results.setObjectName("PickerList")
        self.results.setProperty("roomy", True)
        self.results.itemSelectionChanged.connect(self._update_button)
        self._search = DebouncedQuery(ctx, self)
        self._search.answered.connect(self._show_results)
        self._search.failed.connect(lambda error: self.state_label.setText(reason_of(error)))
        self._search.loading_changed.connect(
            lambda loading: loading and self.state_label.setText(self.tr("Searching…"))
        )

        message_label = QLabel(self.tr("Message (optional)"), self)
        message_label.setObjectName("FormLabel")
        self.message_edit = QPlainTextEdit(self)
        self.message_edit.setPlaceholderText(
            self.tr("Why this account fits the brief, what you have in mind…")
        )
        self.message_edit.setFixedHeight(90)
        fee_label = QLabel(self.tr("Fee offered"), self)
        fee_label.setObjectName("FormLabel")
        sign = QLabel("¥", self)
        sign.setObjectName("YuanSign")
        self.fee_edit = QLineEdit(self)
        self.fee_edit.setPlaceholderText(
            self.tr("{fee} (the brief's fee)").format(fee=fen_text(brief.fee_fen, brief.currency))
        )
        fee = QHBoxLayout()
        fee.addWidget(sign)
        fee.addWidget(self.fee_edit, 1)

        self.error_label = error_note(self)
        buttons, cancel, self.invite_button = dialog_buttons(
            self, cancel=self.tr("Cancel"), action=self.tr("Send invitation"), default=None
        )
        cancel.clicked.connect(self.reject)
        self.invite_button.setEnabled(False)
        self.invite_button.clicked.connect(self.invite)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.state_label)
        layout.addWidget(self.results, 1)
        layout.addWidget(message_label)
        layout.addWidget(self.message_edit)
        layout.addWidget(fee_label)
        layout.addLayout(fee)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    def _on_search_edited(self, text: str) -> None:
        query = text.strip()
        if not query:
            self._search.cancel()
            self.results.clear()
            self.state_label.setText(self.tr("Type a nickname to find accounts."))
            return
        self._search.request(lambda client: client.search_mentionable(query, limit=20))

    def _show_results(self, page: Page[AccountBrief]) -> None:
        self.results.clear()
        for account in page.items:
            details = [
                self.tr("{followers} followers").format(followers=followers_text(account.followers))
            ]
            details += [part for part in (account.category, account.region) if part]
            item = QListWidgetItem(f"{account.nickname}\n" + "  ·  ".join(details))
            item.setData(AccountRole, account)
            self.results.addItem(item)
        self.state_label.setText("" if page.items else self.tr("No account matches."))
        self._update_button()

    def selected_account(self) -> AccountBrief | None:
        items = self.results.selectedItems()
        return items[0].data(AccountRole) if items else None

    def _update_button(self) -> None:
        self.invite_button.setEnabled(self.selected_account() is not None)

    def invite(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        try:
            quote_fen = parse_yuan(self.fee_edit.text())
        except MoneyError as invalid:
            self._show_error(invalid)
            return
        self.invite_button.setEnabled(False)
        self.error_label.hide()
        brief_id, text = self.brief.id, self.message_edit.toPlainText().strip()

        def write(client: StudioClient) -> object:
            return client.invite(
                brief_id=brief_id, account_id=account.id, message=text, quote_fen=quote_fen
            )

        Mutation(self._ctx, parent=self, op=write).success(self._invited).failure(
            self._failed
        ).run()

    def _invited(self, collaboration: CollaborationPublic) -> None:
        self.collaboration = collaboration
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._update_button()
        self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        self.error_label.setText(reason_of(error))
        self.error_label.show()
