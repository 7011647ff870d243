"""Join with a code: paste a code or link, see where it leads (the organization, the role, who
invited, until when), and accept. A manage invitation asks which of the user's own accounts
to put under the MCN, and says plainly what that lets the MCN do and how to take it back."""

from __future__ import annotations

import uuid
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from publisher.team_schemas import InvitationAccepted
from studio.collab.labels import badge, clear
from studio.collab.wording import shown_time
from studio.messages import message, reason_of
from studio.ops import Mutation, Query
from studio.teams.team_state import JoinPreview, code_in, load_join
from studio.teams.wording import kind_name, role_hint, role_name
from studio.widgets.dialog_buttons import dialog_buttons, error_note

if TYPE_CHECKING:
    from studio.context import AppContext

DIALOG_WIDTH = 480
CODE_FIELD_MAX = 2000
"""A pasted message with a link in it fits; the code is read out of it here."""


class JoinDialog(QDialog):
    """`accept()`s with `accepted` holding what the server did."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.joining: JoinPreview | None = None
        self.accepted_invitation: InvitationAccepted | None = None
        self.account_boxes: dict[uuid.UUID, QCheckBox] = {}
        self.setWindowTitle(self.tr("Join with a code"))
        self.setObjectName("PageHost")
        self.stack = QStackedWidget(self)
        self.stack.setMinimumWidth(DIALOG_WIDTH)
        self.stack.addWidget(self._build_code_page())
        self.stack.addWidget(self._build_preview_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(self.stack)
        pasted = QGuiApplication.clipboard().text()
        if code_in(pasted) is not None:
            self.code_edit.setText(pasted.strip())
        self._refresh_code_page()

    # -- the code --------------------------------------------------------------------------

    def _build_code_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Join with a code"), page)
        heading.setObjectName("DialogHeading")
        intro = QLabel(
            self.tr(
                "Paste the invitation code or link you were sent. You will see where it "
                "leads before anything changes."
            ),
            page,
        )
        intro.setObjectName("Hint")
        intro.setWordWrap(True)
        self.code_edit = QLineEdit(page)
        self.code_edit.setMaxLength(CODE_FIELD_MAX)
        self.code_edit.setPlaceholderText(self.tr("ABCD-EFGH-JKMN, or the link"))
        self.code_edit.textChanged.connect(lambda _text: self._refresh_code_page())
        self.code_edit.returnPressed.connect(self.look_up)
        self.code_error = error_note(page)
        buttons, self.close_button, self.continue_button = dialog_buttons(
            page, cancel=self.tr("Cancel"), action=self.tr("Continue")
        )
        self.close_button.clicked.connect(self.reject)
        self.continue_button.clicked.connect(self.look_up)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addWidget(self.code_edit)
        layout.addWidget(self.code_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _refresh_code_page(self) -> None:
        self.code_error.hide()
        self.continue_button.setEnabled(bool(self.code_edit.text().strip()))

    def look_up(self) -> None:
        """Ask the server what the code leads to (nothing is accepted yet)."""
        if not self.continue_button.isEnabled():
            return
        code = code_in(self.code_edit.text())
        if code is None:
            self._show_code_error(message("invitation.bad_code"))
            return
        self.continue_button.setEnabled(False)
        Query(self._ctx, parent=self, op=lambda client: load_join(client, code)).success(
            self._show_preview
        ).failure(lambda error: self._show_code_error(reason_of(error))).run()

    def _show_code_error(self, text: str) -> None:
        self.code_error.setText(text)
        self.code_error.show()
        self.continue_button.setEnabled(True)
        self.code_edit.setFocus()
        self.code_edit.selectAll()

    # -- what it leads to ------------------------------------------------------------------

    def _build_preview_page(self) -> QWidget:
        page = QWidget(self)
        self.organization_label = QLabel(page)
        self.organization_label.setObjectName("DialogHeading")
        self.kind_badge = badge("", "waiting", page)
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self.organization_label)
        head.addWidget(self.kind_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addStretch(1)
        self.inviter_label = QLabel(page)
        self.inviter_label.setObjectName("Hint")
        self.inviter_label.setWordWrap(True)
        self.effect_label = QLabel(page)
        self.effect_label.setWordWrap(True)
        self.effect_label.setTextFormat(Qt.TextFormat.RichText)
        self.role_hint_label = QLabel(page)
        self.role_hint_label.setObjectName("Hint")
        self.role_hint_label.setWordWrap(True)
        self.accounts_box = QVBoxLayout()
        self.accounts_box.setSpacing(6)
        self.consent_label = QLabel(page)
        self.consent_label.setObjectName("WarnNote")
        self.consent_label.setWordWrap(True)
        self.accept_error = error_note(page)
        buttons, self.back_button, self.accept_button = dialog_buttons(
            page, cancel=self.tr("Back"), default=None
        )
        self.back_button.clicked.connect(self._back)
        self.accept_button.clicked.connect(self.accept_invitation)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(self.inviter_label)
        layout.addSpacing(4)
        layout.addWidget(self.effect_label)
        layout.addWidget(self.role_hint_label)
        layout.addLayout(self.accounts_box)
        layout.addWidget(self.consent_label)
        layout.addWidget(self.accept_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _show_preview(self, joining: JoinPreview) -> None:
        self.joining = joining
        preview, effect = joining.preview, joining.effect
        org = preview.organization_name
        self.organization_label.setText(org)
        self.kind_badge.setText(kind_name(preview.organization_kind))
        self.inviter_label.setText(
            self.tr("Invited by {name} · valid until {time}").format(
                name=preview.inviter_name or "—", time=shown_time(preview.expires_at)
            )
        )
        texts = {
            "join": self.tr("You will join {org} as {role}."),
            "promote": self.tr("You are {current} in {org} now; accepting makes you {role}."),
            "nothing": self.tr(
                "You are already {current} in {org}: this invitation changes nothing."
            ),
            "manage": self.tr("{org} asks to manage accounts of yours. Choose which:"),
        }
        self.effect_label.setText(
            texts[effect.kind].format(
                org=f"<b>{escape(org)}</b>",
                role=f"<b>{escape(role_name(preview.role))}</b>",
                current=escape(role_name(effect.current_role or "")),
            )
        )
        self.role_hint_label.setText(
            self.tr("{role}: {hint}").format(
                role=role_name(preview.role), hint=role_hint(preview.role)
            )
        )
        self.role_hint_label.setVisible(effect.kind in ("join", "promote"))
        self._fill_accounts(joining)
        manage = effect.kind == "manage"
        self.consent_label.setVisible(manage)
        self.consent_label.setText(
            self.tr(
                "While {org} manages an account, its members see the account's notes and data "
                "and may write, schedule and publish for it, each as their role in {org} "
                "allows. The account stays yours: you can end this at any time in Settings › "
                "Team, and they lose access at once."
            ).format(org=org)
        )
        self.accept_button.setText(
            self.tr("Put under management") if manage else self.tr("Join {org}").format(org=org)
        )
        self.accept_button.setVisible(effect.kind != "nothing")
        self.back_button.setText(self.tr("Close") if effect.kind == "nothing" else self.tr("Back"))
        self.accept_error.hide()
        self.stack.setCurrentIndex(1)
        self._refresh_accept()

    def _fill_accounts(self, joining: JoinPreview) -> None:
        clear(self.accounts_box)
        self.account_boxes = {}
        if joining.effect.kind != "manage":
            return
        if not joining.accounts:
            none = QLabel(
                self.tr(
                    "You have no accounts of your own to put under management: only an "
                    "account's owners and admins may."
                ),
                self,
            )
            none.setObjectName("Hint")
            none.setWordWrap(True)
            self.accounts_box.addWidget(none)
            return
        for item in joining.accounts:
            box = QCheckBox(item.account.nickname, self)
            if item.already_managed:
                box.setText(
                    self.tr("{account} (already managed)").format(account=item.account.nickname)
                )
                box.setChecked(True)
                box.setEnabled(False)
            else:
                box.toggled.connect(lambda _on: self._refresh_accept())
                self.account_boxes[item.account.id] = box
            self.accounts_box.addWidget(box)

    def chosen_accounts(self) -> list[uuid.UUID]:
        return [account_id for account_id, box in self.account_boxes.items() if box.isChecked()]

    def _refresh_accept(self) -> None:
        manage = self.joining is not None and self.joining.effect.kind == "manage"
        self.accept_button.setEnabled(not manage or bool(self.chosen_accounts()))

    def _back(self) -> None:
        if self.joining is not None and self.joining.effect.kind == "nothing":
            self.reject()
            return
        self.stack.setCurrentIndex(0)
        self._refresh_code_page()

    def accept_invitation(self) -> None:
        joining = self.joining
        if joining is None or not self.accept_button.isEnabled():
            return
        code, accounts = joining.code, self.chosen_accounts()
        self.accept_button.setEnabled(False)
        self.accept_error.hide()
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: client.accept_invitation(code, account_ids=accounts),
        ).success(self._on_accepted).failure(self._on_accept_failed).run()

    def _on_accepted(self, accepted: InvitationAccepted) -> None:
        self.accepted_invitation = accepted
        self.accept()

    def _on_accept_failed(self, error: BaseException) -> None:
        self.accept_error.setText(reason_of(error))
        self.accept_error.show()
        self._refresh_accept()
