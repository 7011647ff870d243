"""Settings' card of the user's own accounts that an MCN manages: by whom and since when, and
Revoke, which takes an account back at once. Hidden while no account of theirs is managed."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.collab.labels import clear
from studio.collab.wording import shown_date
from studio.messages import reason_of
from studio.ops import Mutation
from studio.teams.rows import hint_label, list_row, small_button
from studio.widgets.banner import Banner
from studio.widgets.confirm import ask_to_confirm

if TYPE_CHECKING:
    from publisher.team_schemas import GrantPublic
    from studio.context import AppContext
    from studio.teams.team_state import TeamOverview


class ManagedAccountsCard(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self._ctx = ctx
        self.rows: dict[uuid.UUID, QFrame] = {}
        self.revoke_buttons: dict[uuid.UUID, QPushButton] = {}
        title = QLabel(self.tr("Your accounts under management"), self)
        title.setObjectName("CardTitle")
        intro = hint_label(
            self.tr(
                "Organizations you let manage your accounts. Their members see these accounts' "
                "notes and data and may write, schedule and publish for them, each as their "
                "role allows. Revoke to take an account back at once; its notes stay yours."
            ),
            self,
        )
        self.banner = Banner(self)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addLayout(self.rows_box)
        self.hide()

    def show_overview(self, overview: TeamOverview) -> None:
        grants = overview.my_managed_accounts()
        clear(self.rows_box)
        self.rows, self.revoke_buttons = {}, {}
        for grant in grants:
            row, actions = list_row(
                self,
                title=grant.account_nickname,
                detail=self.tr("Managed by {org} since {date} · granted by {name}").format(
                    org=grant.organization_name,
                    date=shown_date(grant.created_at),
                    name=grant.granted_by_name or "—",
                ),
            )
            if grant.may_revoke:
                revoke = small_button(self.tr("Revoke"), row, danger=True)
                revoke.clicked.connect(lambda _=False, g=grant: self.revoke(g))
                actions.addWidget(revoke)
                self.revoke_buttons[grant.id] = revoke
            self.rows_box.addWidget(row)
            self.rows[grant.id] = row
        self.setVisible(bool(grants))

    def revoke(self, grant: GrantPublic) -> None:
        if not self.confirm(
            self.tr("Revoke management"),
            self.tr(
                "Take {account} back from {org}? Its members lose access to the account at "
                "once. To let them manage it again you need a new invitation from them."
            ).format(account=grant.account_nickname, org=grant.organization_name),
            self.tr("Revoke"),
        ):
            return
        grant_id = grant.id
        Mutation(self._ctx, parent=self, op=lambda client: client.revoke_grant(grant_id)).success(
            lambda _none: self.banner.hide()
        ).failure(lambda error: self.banner.show_message(reason_of(error), level="error")).run()

    def confirm(self, title: str, text: str, action: str) -> bool:
        return ask_to_confirm(self, title, text, action)
