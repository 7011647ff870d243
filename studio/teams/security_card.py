"""Settings' "Sign-in security" card, on a team server only: where the user is signed in (this
device marked; End for another, or sign out all others), recent sign-ins with the failed ones
standing out, and changing the password. The embedded backend has no password to guard, so
the card hides there."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from publisher.domain.changes import ChangeSet
from studio.collab.labels import badge, clear, tag
from studio.collab.wording import shown_date, shown_day_time, shown_time
from studio.messages import reason_of
from studio.ops import Mutation, Query
from studio.teams.password_dialog import PasswordDialog
from studio.teams.rows import hint_label, list_row, section_head, small_button
from studio.teams.team_state import client_name, failed_sign_ins, sessions_in_order
from studio.widgets.banner import Banner

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from publisher.team_schemas import SessionPublic, SignInPublic
    from studio.context import AppContext

SIGN_INS_SHOWN = 10
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def load_security(client: StudioClient) -> tuple[list[SessionPublic], list[SignInPublic]]:
    return sessions_in_order(client.list_sessions()), client.sign_in_history()


class SecurityCard(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self._ctx = ctx
        self.session_rows: dict[uuid.UUID, QFrame] = {}
        self.end_buttons: dict[uuid.UUID, QPushButton] = {}
        self.sessions: list[SessionPublic] = []
        self.sign_ins: list[SignInPublic] = []
        self.password_dialog: PasswordDialog | None = None

        title = QLabel(self.tr("Sign-in security"), self)
        title.setObjectName("CardTitle")
        self.intro = hint_label("", self)
        self.banner = Banner(self)
        sessions_head, _label = section_head(self.tr("Signed in on"), self)
        self.sessions_box = QVBoxLayout()
        self.sessions_box.setSpacing(6)
        self.end_others_button = small_button(self.tr("Sign out other devices"), self)
        self.end_others_button.clicked.connect(self.end_others)
        self.password_button = small_button(self.tr("Change password…"), self)
        self.password_button.clicked.connect(self.open_password_dialog)
        sessions_head.addWidget(self.end_others_button)
        sessions_head.addWidget(self.password_button)
        sign_ins_head, self.sign_ins_title = section_head(self.tr("Recent sign-ins"), self)
        self.sign_ins_grid = QGridLayout()
        self.sign_ins_grid.setHorizontalSpacing(14)
        self.sign_ins_grid.setVerticalSpacing(6)
        self.sign_ins_grid.setColumnStretch(3, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.intro)
        layout.addWidget(self.banner)
        layout.addSpacing(4)
        layout.addLayout(sessions_head)
        layout.addLayout(self.sessions_box)
        layout.addSpacing(4)
        layout.addLayout(sign_ins_head)
        layout.addLayout(self.sign_ins_grid)
        self.setVisible(self.applies())

    def applies(self) -> bool:
        """Signed in to a team server: the embedded backend has no sign-in to guard."""
        connection = self._ctx.connection
        return connection.team is not None and connection.session is not None

    def reload(self) -> None:
        self.setVisible(self.applies())
        if not self.applies():
            return
        team = self._ctx.connection.team
        self.intro.setText(
            self.tr("Where you are signed in to {url} as {email}, and how.").format(
                url=team.url if team else "", email=team.email if team else ""
            )
        )
        Query(self._ctx, parent=self, op=load_security).success(
            lambda result: self._show(*result)
        ).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(reason_of(error), level="error")

    def _show(self, sessions: list[SessionPublic], sign_ins: list[SignInPublic]) -> None:
        self.sessions, self.sign_ins = sessions, sign_ins
        self._fill_sessions()
        self._fill_sign_ins()

    # -- sessions --------------------------------------------------------------------------

    def program(self, agent: str) -> str:
        name = client_name(agent)
        if name.kind == "studio":
            return self.tr("Zhongcao Studio {version}").format(version=name.detail)
        if name.kind == "browser":
            return self.tr("A web browser")
        return name.detail or self.tr("Unknown program")

    def _fill_sessions(self) -> None:
        clear(self.sessions_box)
        self.session_rows, self.end_buttons = {}, {}
        for session in self.sessions:
            row, actions = list_row(
                self,
                title=" · ".join(filter(None, (self.program(session.client), session.ip))),
                detail=self.tr("Signed in {since} · until {until}").format(
                    since=shown_time(session.created_at), until=shown_date(session.expires_at)
                ),
            )
            if session.current:
                this_device = badge(self.tr("This device"), "good", row)
                actions.addWidget(this_device, 0, Qt.AlignmentFlag.AlignVCenter)
            else:
                end = small_button(self.tr("End"), row, danger=True)
                end.clicked.connect(lambda _=False, s=session: self.end(s))
                actions.addWidget(end)
                self.end_buttons[session.id] = end
            self.sessions_box.addWidget(row)
            self.session_rows[session.id] = row
        self.end_others_button.setEnabled(any(not s.current for s in self.sessions))

    def end(self, session: SessionPublic) -> None:
        session_id = session.id

        def op(client: StudioClient) -> ChangeSet:
            client.end_session(session_id)
            return ChangeSet()

        self._mutate(op)

    def end_others(self) -> None:
        def op(client: StudioClient) -> ChangeSet:
            client.end_other_sessions()
            return ChangeSet()

        self._mutate(
            op,
            done=self.tr("Every other device was signed out."),
        )

    def _mutate(self, op: Callable[[StudioClient], ChangeSet], *, done: str = "") -> None:
        def succeeded(_none: object) -> None:
            if done:
                self.banner.show_message(done, level="success")
            else:
                self.banner.hide()
            self.reload()

        Mutation(self._ctx, parent=self, op=op).success(succeeded).failure(self._failed).run()

    # -- sign-ins --------------------------------------------------------------------------

    def _fill_sign_ins(self) -> None:
        clear(self.sign_ins_grid)
        failed = failed_sign_ins(self.sign_ins)
        self.sign_ins_title.setText(
            self.tr("Recent sign-ins · {count} failed").format(count=failed)
            if failed
            else self.tr("Recent sign-ins")
        )
        for row, attempt in enumerate(self.sign_ins[:SIGN_INS_SHOWN]):
            when = QLabel(shown_day_time(attempt.at), self)
            when.setObjectName("Hint")
            result = tag(
                self.tr("Signed in") if attempt.succeeded else self.tr("Wrong password"),
                self,
                bad=not attempt.succeeded,
            )
            where = QLabel(attempt.ip or "—", self)
            program = QLabel(self.program(attempt.client), self)
            program.setObjectName("Hint")
            for column, widget in enumerate((when, result, where, program)):
                self.sign_ins_grid.addWidget(widget, row, column, _LEFT)

    # -- password --------------------------------------------------------------------------

    def open_password_dialog(self) -> PasswordDialog:
        self.password_dialog = PasswordDialog(self._ctx, self)
        self.password_dialog.accepted.connect(self._on_password_changed)
        self.password_dialog.open()
        return self.password_dialog

    def _on_password_changed(self) -> None:
        self.banner.show_message(
            self.tr("Your password is changed. Every other device was signed out."),
            level="success",
        )
        self.reload()
