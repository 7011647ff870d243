"""The creator's (or MCN's) side of brand collaborations, for one account at a time: its
profile as brands filter it, the brands' invitations to answer, open briefs to apply to, and
its collaborations with what each needs next; one opens in `CollaborationView`.

Everything comes from the backend in workers; the tab reloads when a mutation says
collaborations, briefs or accounts changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from publisher.brief_schemas import BriefPublic, CollaborationPublic
from publisher.domain.changes import ChangeSet
from publisher.schemas import AccountPublic
from studio.collab.brief_details import brief_terms
from studio.collab.collaboration_view import CollaborationView
from studio.collab.labels import MAX_FOLLOWERS_INPUT, clear, section_label, state_badge, tag
from studio.collab.money import fen_text, parse_yuan, yuan_input
from studio.collab.wording import next_step
from studio.connection import BackendState
from studio.messages import reason_of
from studio.ops import Mutation, Query
from studio.widgets.banner import Banner
from studio.widgets.card import card
from studio.widgets.scroll_page import scrolling_page

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext


def load_account(
    client: StudioClient, account_id: uuid.UUID
) -> tuple[list[CollaborationPublic], list[BriefPublic]]:
    """The account's collaborations and the open briefs it may apply to."""
    mine = client.list_collaborations(side="creator", account_id=account_id, limit=200).items
    briefs = client.marketplace(account_id).items
    return mine, briefs


class BriefSummary(QFrame):
    """A brief as a card: title, brand, fee and the terms a creator decides on; callers add
    their buttons and forms to `actions` and `extra`."""

    def __init__(
        self,
        brief: BriefPublic,
        parent: QWidget,
        *,
        fee_fen: int | None = None,
        message: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("BriefCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        title = QLabel(brief.title, self)
        title.setObjectName("CardTitle")
        brand = QLabel(" · ".join(filter(None, [brief.organization_name, brief.campaign])), self)
        brand.setObjectName("Hint")
        titles.addWidget(title)
        titles.addWidget(brand)
        head.addLayout(titles, 1)
        fee = QLabel(fen_text(brief.fee_fen if fee_fen is None else fee_fen, brief.currency))
        fee.setObjectName("Fee")
        head.addWidget(fee, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        if brief.description:
            description = QLabel(brief.description, self)
            description.setWordWrap(True)
            layout.addWidget(description)
        tags = QHBoxLayout()
        tags.setSpacing(6)
        for text in brief_terms(brief):
            tags.addWidget(tag(text, self))
        tags.addStretch(1)
        layout.addLayout(tags)
        if message:
            said = QLabel(f"“{message}”", self)
            said.setObjectName("Hint")
            said.setWordWrap(True)
            layout.addWidget(said)
        self.extra = QVBoxLayout()
        self.extra.setSpacing(8)
        layout.addLayout(self.extra)
        self.actions = QHBoxLayout()
        self.actions.setSpacing(8)
        self.actions.addStretch(1)
        layout.addLayout(self.actions)


def _button(text: str, parent: QWidget, *, accent: bool = False) -> QPushButton:
    button = QPushButton(text, parent)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    if accent:
        button.setProperty("accent", True)
    return button


class CreatorTab(QWidget):
    """The Collaborations page's creator tab; `open_note_requested(note_id)` asks the window
    to open a collaboration's note in the composer."""

    open_note_requested = Signal(str)
    submit_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        self._ctx = ctx
        self._min_followers = int(ctx.rules.limit("collaboration", "min_followers"))
        self.accounts: list[AccountPublic] = []
        self.collaborations: list[CollaborationPublic] = []
        self.briefs: list[BriefPublic] = []
        self.invitation_cards: dict[uuid.UUID, BriefSummary] = {}
        self.brief_cards: dict[uuid.UUID, BriefSummary] = {}
        self.collaboration_rows: dict[uuid.UUID, QFrame] = {}
        self.loaded_account: uuid.UUID | None = None
        """The account whose lists are on screen (None until they arrive)."""
        self._build()
        ctx.events.changed.connect(self._on_changed)
        ctx.connection.state_changed.connect(self._on_connection)
        if ctx.connection.state is BackendState.CONNECTED:
            self.reload()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.list_page = QWidget(self.stack)
        _content, column = scrolling_page(self.list_page, margins=(4, 0, 4, 18), spacing=16)
        self.view = CollaborationView(self._ctx, self.stack)
        self.view.back_requested.connect(self.show_list)
        self.view.open_note_requested.connect(self.open_note_requested)
        self.view.submit_requested.connect(self.submit_requested)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.view)

        self.banner = Banner(self.list_page)
        column.addWidget(self.banner)
        column.addWidget(self._build_account())
        self.invitations, self.invitations_hint = self._section(
            column,
            self.tr("Invitations"),
            self.tr("Brands that invite this account to a brief show up here."),
        )
        self.open_briefs, self.briefs_hint = self._section(
            column,
            self.tr("Open briefs"),
            self.tr("No open brief matches this account right now."),
        )
        self.mine, self.mine_hint = self._section(
            column,
            self.tr("My collaborations"),
            self.tr("Accepted invitations and applications show up here."),
        )
        column.addStretch(1)

    def _build_account(self) -> QWidget:
        frame, layout = card(self.list_page)
        row = QHBoxLayout()
        row.setSpacing(14)
        label = QLabel(self.tr("Account"), frame)
        label.setObjectName("CardTitle")
        self.picker = QComboBox(frame)
        self.picker.setMinimumWidth(200)
        self.picker.currentIndexChanged.connect(self._on_account_picked)
        self.followers_label = QLabel(frame)
        self.category_label = QLabel(frame)
        self.region_label = QLabel(frame)
        for value in (self.followers_label, self.category_label, self.region_label):
            value.setObjectName("FormValue")
        self.edit_button = _button(self.tr("Edit profile"), frame)
        self.edit_button.clicked.connect(self._start_edit)
        row.addWidget(label)
        row.addWidget(self.picker)
        row.addSpacing(8)
        for name, value in (
            (self.tr("Followers"), self.followers_label),
            (self.tr("Field"), self.category_label),
            (self.tr("Region"), self.region_label),
        ):
            pair = QVBoxLayout()
            pair.setSpacing(0)
            pair.addWidget(section_label(name, frame))
            pair.addWidget(value)
            row.addLayout(pair)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        layout.addLayout(row)

        self.editor = QWidget(frame)
        form = QHBoxLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(10)
        self.followers_edit = QSpinBox(self.editor)
        self.followers_edit.setRange(0, MAX_FOLLOWERS_INPUT)
        self.followers_edit.setGroupSeparatorShown(True)
        self.followers_edit.setMinimumWidth(130)
        self.category_edit = QLineEdit(self.editor)
        self.category_edit.setPlaceholderText(self.tr("Field, e.g. 美妆"))
        self.category_edit.setMaxLength(32)
        self.region_edit = QLineEdit(self.editor)
        self.region_edit.setPlaceholderText(self.tr("Region, e.g. 上海"))
        self.region_edit.setMaxLength(32)
        self.save_button = _button(self.tr("Save"), self.editor, accent=True)
        self.save_button.clicked.connect(self._save_profile)
        cancel = _button(self.tr("Cancel"), self.editor)
        cancel.clicked.connect(lambda: self.editor.hide())
        form.addWidget(section_label(self.tr("Followers"), self.editor))
        form.addWidget(self.followers_edit)
        form.addWidget(self.category_edit, 1)
        form.addWidget(self.region_edit, 1)
        form.addWidget(cancel)
        form.addWidget(self.save_button)
        self.editor.hide()
        layout.addWidget(self.editor)

        self.eligibility = QLabel(frame)
        self.eligibility.setObjectName("Due")
        self.eligibility.setProperty("tone", "accent")
        self.eligibility.setWordWrap(True)
        self.eligibility.hide()
        layout.addWidget(self.eligibility)
        return frame

    def _section(self, column: QVBoxLayout, title: str, empty: str) -> tuple[QVBoxLayout, QLabel]:
        head = QHBoxLayout()
        label = QLabel(title, self.list_page)
        label.setObjectName("SectionTitle")
        head.addWidget(label)
        head.addStretch(1)
        column.addLayout(head)
        items = QVBoxLayout()
        items.setSpacing(10)
        column.addLayout(items)
        hint = QLabel(empty, self.list_page)
        hint.setObjectName("Hint")
        column.addWidget(hint)
        return items, hint

    # -- navigation ------------------------------------------------------------------------

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self.reload_lists()

    def open_collaboration(self, collaboration_id: uuid.UUID) -> None:
        self.view.show_collaboration(collaboration_id)
        self.stack.setCurrentWidget(self.view)

    # -- loading ---------------------------------------------------------------------------

    @property
    def account(self) -> AccountPublic | None:
        index = self.picker.currentIndex()
        return self.accounts[index] if 0 <= index < len(self.accounts) else None

    def reload(self) -> None:
        Query(self._ctx, parent=self, op=lambda client: client.list_accounts()).success(
            self._set_accounts
        ).failure(self._failed).run()

    def _on_connection(self, state: BackendState) -> None:
        if state is BackendState.CONNECTED:
            self.reload()

    def _on_changed(self, changes: ChangeSet, initiator: object) -> None:
        if initiator is self:
            return
        if changes.accounts:
            self.reload()
        elif changes.collaborations or changes.briefs:
            self.reload_lists()

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(reason_of(error), level="error")

    def _set_accounts(self, accounts: list[AccountPublic]) -> None:
        current = self.account.id if self.account else None
        self.accounts = accounts
        self.picker.blockSignals(True)
        self.picker.clear()
        for account in accounts:
            self.picker.addItem(account.nickname, str(account.id))
        ids = [account.id for account in accounts]
        self.picker.setCurrentIndex(ids.index(current) if current in ids else 0)
        self.picker.blockSignals(False)
        self._on_account_picked()

    def _on_account_picked(self) -> None:
        account = self.account
        self.editor.hide()
        if account is None:
            return
        self.followers_label.setText(f"{account.followers:,}")
        self.category_label.setText(account.category or "—")
        self.region_label.setText(account.region or "—")
        too_few = account.followers < self._min_followers
        self.eligibility.setText(
            self.tr(
                "Brand collaborations need at least {min} followers; this account has "
                "{followers}. Brands cannot invite it and it cannot apply to briefs yet."
            ).format(min=f"{self._min_followers:,}", followers=f"{account.followers:,}")
        )
        self.eligibility.setVisible(too_few)
        self.reload_lists()

    def reload_lists(self) -> None:
        account = self.account
        if account is None:
            return
        account_id = account.id
        Query(self._ctx, parent=self, op=lambda client: load_account(client, account_id)).success(
            lambda result: self._show_lists(account_id, *result)
        ).failure(self._failed).run()

    def _show_lists(
        self,
        account_id: uuid.UUID,
        collaborations: list[CollaborationPublic],
        briefs: list[BriefPublic],
    ) -> None:
        if self.account is None or self.account.id != account_id:
            return  # the answer for an account no longer picked
        self.loaded_account = account_id
        self.collaborations = collaborations
        self.briefs = briefs
        invited = [c for c in collaborations if c.state == "invited"]
        others = [c for c in collaborations if c.state != "invited"]
        self._fill_invitations(invited)
        self._fill_briefs(briefs)
        self._fill_mine(others)

    # -- invitations -----------------------------------------------------------------------

    def _fill_invitations(self, invited: list[CollaborationPublic]) -> None:
        clear(self.invitations)
        self.invitation_cards = {}
        self.invitations_hint.setVisible(not invited)
        for collab in invited:
            summary = BriefSummary(
                collab.brief,
                self.list_page,
                fee_fen=collab.quote_fen,
                message=collab.message,
            )
            reason = QLineEdit(summary)
            reason.setPlaceholderText(self.tr("Why you decline (the brand reads it)"))
            reason.setObjectName("DeclineReason")
            reason.hide()
            summary.extra.addWidget(reason)
            details = _button(self.tr("Details"), summary)
            details.clicked.connect(lambda _=False, c=collab: self.open_collaboration(c.id))
            decline = _button(self.tr("Decline…"), summary)
            decline.setObjectName("DeclineButton")
            accept = _button(self.tr("Accept"), summary, accent=True)
            accept.setObjectName("AcceptButton")
            accept.clicked.connect(lambda _=False, c=collab: self._act(c, "accept", ""))
            decline.clicked.connect(
                lambda _=False, c=collab, r=reason, b=decline: self._decline(c, r, b)
            )
            for button in (details, decline, accept):
                summary.actions.addWidget(button)
            accept.setVisible("accept" in collab.actions)
            decline.setVisible("decline" in collab.actions)
            self.invitations.addWidget(summary)
            self.invitation_cards[collab.id] = summary

    def _decline(self, collab: CollaborationPublic, reason: QLineEdit, button: QPushButton) -> None:
        """The first click asks why; the second sends the decline with that reason."""
        if reason.isHidden():
            reason.show()
            reason.setFocus()
            button.setText(self.tr("Send decline"))
            return
        self._act(collab, "decline", reason.text().strip())

    def _act(self, collab: CollaborationPublic, action: str, message: str) -> None:
        self._mutate(
            lambda client: client.act(collab.id, action, version=collab.version, message=message),
        )

    def _mutate(
        self,
        op: Callable[[StudioClient], Any],
        then: Callable[[Any], None] = lambda _result: None,
    ) -> None:
        def done(result: Any) -> None:
            self.banner.hide()
            then(result)
            self.reload_lists()

        Mutation(self._ctx, parent=self, op=op).success(done).failure(self._failed).run()

    # -- open briefs -----------------------------------------------------------------------

    def _fill_briefs(self, briefs: list[BriefPublic]) -> None:
        clear(self.open_briefs)
        self.brief_cards = {}
        self.briefs_hint.setVisible(not briefs)
        for brief in briefs:
            summary = BriefSummary(brief, self.list_page)
            form = QWidget(summary)
            form.setObjectName("ApplyForm")
            row = QHBoxLayout(form)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(8)
            quote = QLineEdit(yuan_input(brief.fee_fen), form)
            quote.setObjectName("Quote")
            quote.setPlaceholderText(self.tr("Your quote in ¥"))
            quote.setMaximumWidth(150)
            message = QLineEdit(form)
            message.setObjectName("ApplyMessage")
            message.setPlaceholderText(self.tr("A few words to the brand: why you, your idea"))
            row.addWidget(section_label(self.tr("Quote ¥"), form))
            row.addWidget(quote)
            row.addWidget(message, 1)
            form.hide()
            summary.extra.addWidget(form)
            apply = _button(self.tr("Apply…"), summary, accent=True)
            apply.setObjectName("ApplyButton")
            apply.clicked.connect(
                lambda _=False, b=brief, f=form, q=quote, m=message, a=apply: self._apply(
                    b, f, q, m, a
                )
            )
            summary.actions.addWidget(apply)
            self.open_briefs.addWidget(summary)
            self.brief_cards[brief.id] = summary

    def _apply(
        self,
        brief: BriefPublic,
        form: QWidget,
        quote: QLineEdit,
        message: QLineEdit,
        button: QPushButton,
    ) -> None:
        """The first click opens the quote form; the second sends the application."""
        if form.isHidden():
            form.show()
            quote.setFocus()
            quote.selectAll()
            button.setText(self.tr("Send application"))
            return
        account = self.account
        if account is None:
            return
        try:
            fen = parse_yuan(quote.text())
        except ValueError as error:
            self._failed(error)
            return
        if fen is None:
            quote.setFocus()
            return
        text = message.text().strip()
        self._mutate(
            lambda client: client.apply(
                brief_id=brief.id, account_id=account.id, quote_fen=fen, message=text
            ),
            lambda _c: self.banner.show_message(
                self.tr("Application sent to {brand}.").format(brand=brief.organization_name),
                level="success",
            ),
        )

    # -- my collaborations -----------------------------------------------------------------

    def _fill_mine(self, collaborations: list[CollaborationPublic]) -> None:
        clear(self.mine)
        self.collaboration_rows = {}
        self.mine_hint.setVisible(not collaborations)
        for collab in collaborations:
            row = self._collaboration_row(collab)
            self.mine.addWidget(row)
            self.collaboration_rows[collab.id] = row

    def _collaboration_row(self, collab: CollaborationPublic) -> QFrame:
        row = QFrame(self.list_page)
        row.setObjectName("BriefCard")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(18, 12, 14, 12)
        layout.setSpacing(14)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        title = QLabel(collab.brief.title, row)
        title.setObjectName("CardTitle")
        step, my_turn = next_step(collab)
        due = QLabel(" · ".join(filter(None, [collab.brief.organization_name, step])), row)
        due.setObjectName("Due")
        if my_turn:
            due.setProperty("tone", "accent")
        titles.addWidget(title)
        titles.addWidget(due)
        layout.addLayout(titles, 1)
        fee = collab.quote_fen if collab.quote_fen is not None else collab.brief.fee_fen
        money = QLabel(fen_text(fee, collab.brief.currency), row)
        money.setObjectName("FormValue")
        layout.addWidget(money)
        layout.addWidget(state_badge(collab.state, "creator", row))
        open_button = _button(self.tr("Open"), row, accent=my_turn)
        open_button.clicked.connect(lambda _=False, c=collab: self.open_collaboration(c.id))
        layout.addWidget(open_button)
        return row

    # -- the account's profile -------------------------------------------------------------

    def _start_edit(self) -> None:
        account = self.account
        if account is None:
            return
        self.followers_edit.setValue(min(account.followers, MAX_FOLLOWERS_INPUT))
        self.category_edit.setText(account.category)
        self.region_edit.setText(account.region)
        self.editor.show()
        self.followers_edit.setFocus()

    def _save_profile(self) -> None:
        account = self.account
        if account is None:
            return
        followers = self.followers_edit.value()
        category = self.category_edit.text().strip()
        region = self.region_edit.text().strip()

        def saved(updated: AccountPublic) -> None:
            self.accounts = [updated if a.id == updated.id else a for a in self.accounts]
            self._on_account_picked()

        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: client.update_account(
                account.id,
                version=account.version,
                followers=followers,
                category=category,
                region=region,
            ),
        ).success(saved).failure(self._profile_failed).run()

    def _profile_failed(self, error: BaseException) -> None:
        """Shown, then the accounts reloaded: a stale version is fixed by the fresh copy."""
        self._failed(error)
        self.reload()
