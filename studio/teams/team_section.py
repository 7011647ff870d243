"""The team part of Settings: the Team card, the user's accounts under management, and
sign-in security, loaded together when Settings shows and again whenever a change says teams
or accounts changed. While Settings is hidden a change only marks the cards stale: nothing is
fetched for a screen nobody looks at."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studio.connection import BackendState
from studio.ops import Query
from studio.teams.managed_accounts_card import ManagedAccountsCard
from studio.teams.security_card import SecurityCard
from studio.teams.team_card import TeamCard
from studio.teams.team_state import TeamOverview, load_overview

if TYPE_CHECKING:
    from publisher.domain.changes import ChangeSet
    from studio.context import AppContext


class TeamSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._stale = True
        self.overview: TeamOverview | None = None
        self.team_card = TeamCard(ctx, self)
        self.accounts_card = ManagedAccountsCard(ctx, self)
        self.security_card = SecurityCard(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.team_card)
        layout.addWidget(self.accounts_card)
        layout.addWidget(self.security_card)
        ctx.events.changed.connect(self._on_changed)
        ctx.connection.state_changed.connect(self._on_connection)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Others change the team too (someone joined, a creator revoked): look again.
        self.reload()

    def reload(self) -> None:
        if self._ctx.connection.state is not BackendState.CONNECTED:
            self._stale = True
            return
        self._stale = False
        Query(self._ctx, parent=self, op=load_overview).success(self._show).failure(
            self.team_card.show_error
        ).run()
        self.security_card.reload()

    def _show(self, overview: TeamOverview) -> None:
        self.overview = overview
        self.team_card.show_overview(overview)
        self.accounts_card.show_overview(overview)

    def _reload_when_seen(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.teams or changes.accounts:
            self._reload_when_seen()

    def _on_connection(self, state: BackendState) -> None:
        self.security_card.setVisible(self.security_card.applies())
        if state is BackendState.CONNECTED and self._stale:
            self._reload_when_seen()
