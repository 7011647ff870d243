"""One collaboration seen from the creator's side: the brief, what is due, the brand's review
comments (regions drawn on the photos), the brief's checklist on the note, the conversation,
and the moves the creator may make now.

Which buttons show is what the backend answers in `CollaborationPublic.actions`, never a
rule of our own; every call runs in a worker and the panel reloads from the backend after it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.brief_schemas import CollaborationPublic, CommentPublic
from publisher.domain.changes import ChangeSet
from studio.collab.brief_details import BriefDetails
from studio.collab.collaboration_state import Loaded, load
from studio.collab.comment_marks import CommentMarks
from studio.collab.conversation import ConversationCard
from studio.collab.labels import check_row, clear, restyle, section_label, show_state, state_badge
from studio.collab.money import fen_text
from studio.collab.review_comments_card import ReviewCommentsCard
from studio.collab.wording import next_step, round_name, shown_date, state_name
from studio.messages import reason_of
from studio.ops import Mutation, Query
from studio.widgets.banner import Banner
from studio.widgets.card import card
from studio.widgets.scroll_page import scrolling_page

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext


class CollaborationView(QWidget):
    """The detail panel; `back_requested` returns to the list, `open_note_requested(note_id)`
    asks the lead's window to open the note in the composer."""

    back_requested = Signal()
    open_note_requested = Signal(str)
    submit_requested = Signal(str)
    """A note id: open it in the composer and submit it from there."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        self._ctx = ctx
        self.loaded: Loaded | None = None
        self._asked = 0
        self._collaboration_id: uuid.UUID | None = None
        self._build()
        ctx.events.changed.connect(self._on_changed)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        _content, column = scrolling_page(self, margins=(4, 6, 4, 18))
        header = QHBoxLayout()
        header.setSpacing(12)
        self.back = QPushButton(self.tr("← Collaborations"), self)
        self.back.clicked.connect(self.back_requested)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self)
        self.title.setObjectName("PageTitle")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("PageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        self.state_label = state_badge("", "creator", self)
        header.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(titles, 1)
        header.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(header)

        self.banner = Banner(self)
        column.addWidget(self.banner)

        self.status_card, status = card(self)
        self._build_status(status)
        column.addWidget(self.status_card)

        columns = QHBoxLayout()
        columns.setSpacing(14)
        left = QVBoxLayout()
        left.setSpacing(14)
        right = QVBoxLayout()
        right.setSpacing(14)
        self.review_card = ReviewCommentsCard(self)
        self.review_card.resolve_requested.connect(self._resolve)
        self.checks_card, self.checks_layout = card(self, spacing=8)
        self.talk_card = ConversationCard(self)
        self.talk_card.send_requested.connect(self._send_comment)
        self.brief_card = BriefDetails(self)
        left.addWidget(self.review_card)
        left.addWidget(self.checks_card)
        left.addWidget(self.talk_card)
        left.addStretch(1)
        right.addWidget(self.brief_card)
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        column.addLayout(columns)
        column.addStretch(1)

    @property
    def photos(self) -> dict[int, CommentMarks]:
        """The commented photos on screen by position, for tests and the composer's jump."""
        return self.review_card.photos

    @property
    def resolve_boxes(self) -> dict[uuid.UUID, QCheckBox]:
        return self.review_card.resolve_boxes

    def _build_status(self, layout: QVBoxLayout) -> None:
        parent = self.status_card
        top = QHBoxLayout()
        top.setSpacing(28)
        money = QVBoxLayout()
        money.setSpacing(2)
        money.addWidget(section_label(self.tr("Fee"), parent))
        self.fee_label = QLabel(parent)
        self.fee_label.setObjectName("Fee")
        money.addWidget(self.fee_label)
        money.addStretch(1)
        top.addLayout(money)
        info = QVBoxLayout()
        info.setSpacing(4)
        info.addWidget(section_label(self.tr("Next"), parent))
        self.due_label = QLabel(parent)
        self.due_label.setObjectName("Due")
        self.due_label.setWordWrap(True)
        self.round_label = QLabel(parent)
        self.round_label.setObjectName("Hint")
        info.addWidget(self.due_label)
        info.addWidget(self.round_label)
        info.addStretch(1)
        top.addLayout(info, 1)
        self.withdraw_button = self._action_button(self.tr("Withdraw"), self._withdraw)
        self.open_button = self._action_button(self.tr("Open note"), self._open_note)
        self.start_button = self._action_button(self.tr("Start the note"), self._start_note, True)
        self.submit_button = self._action_button(self.tr("Submit for review"), self._submit, True)
        for button in (self.withdraw_button, self.open_button, self.start_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        self.protected_label = QLabel(parent)
        self.protected_label.setObjectName("Protected")
        self.protected_label.hide()
        layout.addWidget(self.protected_label)

    def _action_button(
        self, text: str, slot: Callable[[], None], accent: bool = False
    ) -> QPushButton:
        button = QPushButton(text, self.status_card)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        if accent:
            button.setProperty("accent", True)
        button.clicked.connect(slot)
        button.hide()
        return button

    # -- loading ---------------------------------------------------------------------------

    @property
    def collaboration_id(self) -> uuid.UUID | None:
        return self._collaboration_id

    def show_collaboration(self, collaboration_id: uuid.UUID) -> None:
        if collaboration_id != self._collaboration_id:
            self.loaded = None
            self.banner.hide()
        self._collaboration_id = collaboration_id
        self.reload()

    def reload(self) -> None:
        collaboration_id = self._collaboration_id
        if collaboration_id is None:
            return
        # Reloads overlap (a mutation's, the change news'); only the last one asked is shown,
        # so an older answer arriving late never puts back what was before.
        self._asked += 1
        asked = self._asked
        Query(self._ctx, parent=self, op=lambda client: load(client, collaboration_id)).success(
            lambda loaded: asked == self._asked and self._show(loaded)
        ).failure(self._failed).run()

    def _on_changed(self, changes: ChangeSet, initiator: object) -> None:
        # Our own mutations reload in their success callback.
        if initiator is not self and (changes.collaborations or changes.notes):
            self.reload()

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(reason_of(error), level="error")

    def _show(self, loaded: Loaded) -> None:
        if loaded.collab.id != self._collaboration_id:
            return
        self.loaded = loaded
        collab = loaded.collab
        self.title.setText(collab.brief.title)
        self.subtitle.setText(f"{collab.brief.organization_name} · {collab.account.nickname}")
        show_state(self.state_label, collab.state, "creator")
        self._fill_status(collab)
        self.review_card.show_loaded(loaded)
        self._fill_checks(loaded)
        self.talk_card.show_loaded(loaded)
        self.brief_card.show_brief(collab.brief)

    # -- status and actions ----------------------------------------------------------------

    def _fill_status(self, collab: CollaborationPublic) -> None:
        fee = collab.quote_fen if collab.quote_fen is not None else collab.brief.fee_fen
        self.fee_label.setText(fen_text(fee, collab.brief.currency))
        step, my_turn = next_step(collab)
        self.due_label.setText(step or state_name(collab.state))
        self.due_label.setProperty("tone", "accent" if my_turn else "")
        restyle(self.due_label)
        self.round_label.setText(round_name(collab.round))
        self.round_label.setVisible(collab.round > 0)
        actions = set(collab.actions)
        may_submit = "submit" in actions
        self.withdraw_button.setVisible("withdraw" in actions)
        self.open_button.setVisible(collab.note_id is not None)
        self.start_button.setVisible(collab.note_id is None and may_submit and not collab.round)
        self.submit_button.setVisible(may_submit and collab.note_id is not None)
        self.submit_button.setText(
            self.tr("Resubmit") if collab.round else self.tr("Submit for review")
        )
        self.protected_label.setVisible(collab.protected_until is not None)
        self.protected_label.setText(
            self.tr("Protected until {date}: the note may not be deleted or hidden before").format(
                date=shown_date(collab.protected_until)
            )
        )

    def _mutate(self, op: Callable[[StudioClient], Any], then: Callable[[Any], None]) -> None:
        for button in self._mutating_buttons():
            button.setEnabled(False)

        def done(result: Any) -> None:
            self._enable()
            then(result)
            self.reload()

        def failed(error: BaseException) -> None:
            self._enable()
            self._failed(error)
            self.reload()

        Mutation(self._ctx, parent=self, op=op).success(done).failure(failed).run()

    def _mutating_buttons(self) -> tuple[QPushButton, ...]:
        return (self.start_button, self.submit_button, self.withdraw_button, self.talk_card.send)

    def _enable(self) -> None:
        for button in self._mutating_buttons():
            button.setEnabled(True)

    def _start_note(self) -> None:
        collab = self.loaded.collab if self.loaded else None
        if collab is None:
            return

        def started(updated: CollaborationPublic) -> None:
            if updated.note_id is not None:
                self.open_note_requested.emit(str(updated.note_id))

        self._mutate(lambda client: client.attach_note(collab.id, version=collab.version), started)

    def _open_note(self) -> None:
        if self.loaded and self.loaded.collab.note_id is not None:
            self.open_note_requested.emit(str(self.loaded.collab.note_id))

    def _submit(self) -> None:
        """Submitting goes through the composer, which saves the note and exports its edited
        photos first: the round is then exactly what would be published."""
        if self.loaded and self.loaded.collab.note_id is not None:
            self.submit_requested.emit(str(self.loaded.collab.note_id))

    def _withdraw(self) -> None:
        collab = self.loaded.collab if self.loaded else None
        if collab is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw from this collaboration?"),
            self.tr("The brand is told you withdrew; this cannot be undone."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._mutate(
            lambda client: client.act(collab.id, "withdraw", version=collab.version),
            lambda _c: None,
        )

    # -- the brand's review comments -------------------------------------------------------

    def _resolve(self, comment: CommentPublic, resolved: bool) -> None:
        collaboration_id = self._collaboration_id
        assert collaboration_id is not None
        self._mutate(
            lambda client: client.resolve_comment(
                collaboration_id, comment.id, version=comment.version, resolved=resolved
            ),
            lambda _c: None,
        )

    # -- the brief's checklist on the note -------------------------------------------------

    def _fill_checks(self, loaded: Loaded) -> None:
        clear(self.checks_layout)
        self.checks_card.setVisible(bool(loaded.checks))
        if not loaded.checks:
            return
        title = QLabel(self.tr("Brief checklist on the note"), self.checks_card)
        title.setObjectName("CardTitle")
        passed = sum(1 for c in loaded.checks if c.ok)
        score = QLabel(f"{passed}/{len(loaded.checks)}", self.checks_card)
        score.setObjectName("Hint")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(score)
        self.checks_layout.addLayout(head)
        products = {str(p.id): p.name for p in loaded.collab.brief.products}
        for check in loaded.checks:
            self.checks_layout.addWidget(check_row(check, products, self.checks_card))

    # -- the conversation ------------------------------------------------------------------

    def _send_comment(self, text: str) -> None:
        collaboration_id = self._collaboration_id
        if collaboration_id is None:
            return
        self._mutate(
            lambda client: client.add_comment(collaboration_id, text),
            lambda _c: self.talk_card.reply.clear(),
        )
