"""Settings' "Backend" card: work on this computer, or on a team server signed in to.

Only widgets: signing in runs `team_server.sign_in` in a worker, and the connection does the
switching (and keeps drafts apart). The password is read from its field once, for the sign-in
call, and the field is cleared when that succeeds. The backend in use also serves the reader
pages (the feed of published notes): one click opens them in the browser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studio import team_server
from studio.connection import BackendState
from studio.messages import reason_of
from studio.ops import run_in_background
from studio.reader_link.links import reader_home_url
from studio.settings import TEAM_EMAIL, TEAM_URL
from studio.tasks import Lane
from studio.widgets.backend_status import state_text
from studio.widgets.banner import Banner

if TYPE_CHECKING:
    from publisher.schemas import UserPublic
    from studio.context import AppContext
    from studio.team_server import TeamSession

FIELD_WIDTH = 360


class BackendCard(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self._ctx = ctx
        self._wants_team = False
        """In embedded mode: the user picked "Team server" and is filling in the form."""
        self._signing_in = False

        title = QLabel(self.tr("Backend"), self)
        title.setObjectName("CardTitle")
        intro = QLabel(self.tr("Where your notes, photos and collaborations are kept."), self)
        intro.setObjectName("Hint")
        intro.setWordWrap(True)
        self.embedded_option = QRadioButton(self.tr("This computer (embedded)"), self)
        embedded_hint = self._hint(
            self.tr("Everything stays in this computer's data folder, and only you work on it.")
        )
        self.team_option = QRadioButton(self.tr("Team server"), self)
        team_hint = self._hint(
            self.tr(
                "Run campaigns together with brands, creators and MCN staff: everyone signs in "
                "to the same server and sees only their part."
            )
        )
        options = QButtonGroup(self)
        options.addButton(self.embedded_option)
        options.addButton(self.team_option)
        self.embedded_option.clicked.connect(self._on_embedded_chosen)
        self.team_option.clicked.connect(self._on_team_chosen)

        self.signed_out_banner = Banner(self)
        self.signed_out_banner.action_clicked.connect(lambda _action: self._focus_password())
        self.form = self._build_form()
        self.account = self._build_account()
        self.status = QLabel(self)
        self.status.setObjectName("FormValue")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_caption = QLabel(self.tr("Status"), self)
        status_caption.setObjectName("FormLabel")
        self.reader_button = QPushButton(self.tr("Open reader pages"), self)
        self.reader_button.setToolTip(
            self.tr("The feed of your published public notes, as readers see it in a browser")
        )
        self.reader_button.clicked.connect(self.open_reader_pages)
        status_row = QHBoxLayout()
        status_row.setSpacing(24)
        status_row.addWidget(status_caption)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.reader_button, 0, Qt.AlignmentFlag.AlignVCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(2)
        for option, hint in ((self.embedded_option, embedded_hint), (self.team_option, team_hint)):
            layout.addWidget(option)
            layout.addWidget(hint)
        layout.addWidget(self.signed_out_banner)
        layout.addWidget(self.form)
        layout.addWidget(self.account)
        layout.addLayout(status_row)

        ctx.connection.state_changed.connect(lambda _state: self._refresh())
        self._refresh()

    # -- building --------------------------------------------------------------------------

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("Hint")
        label.setWordWrap(True)
        label.setContentsMargins(26, 0, 0, 4)
        return label

    def _build_form(self) -> QWidget:
        form = QWidget(self)
        settings = self._ctx.settings
        self.url_edit = QLineEdit(settings.get(TEAM_URL), form)
        self.url_edit.setPlaceholderText("https://studio.example.com")
        self.email_edit = QLineEdit(settings.get(TEAM_EMAIL), form)
        self.email_edit.setPlaceholderText("name@example.com")
        self.password_edit = QLineEdit(form)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.url_edit, self.email_edit, self.password_edit):
            edit.setMaximumWidth(FIELD_WIDTH)
            edit.textChanged.connect(self._on_form_edited)
            edit.returnPressed.connect(self.sign_in)
        self.insecure_note = Banner(form)
        self.sign_in_button = QPushButton(self.tr("Sign in"), form)
        self.sign_in_button.setProperty("accent", "true")
        self.sign_in_button.clicked.connect(self.sign_in)
        self.error = Banner(form)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.sign_in_button)
        buttons.addStretch(1)
        fields = QFormLayout()
        fields.setHorizontalSpacing(24)
        fields.setVerticalSpacing(12)
        fields.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        address = QVBoxLayout()
        address.setSpacing(8)
        address.addWidget(self.url_edit)
        address.addWidget(self.insecure_note)
        for label, widget in (
            (self.tr("Server address"), address),
            (self.tr("E-mail"), self.email_edit),
            (self.tr("Password"), self.password_edit),
            ("", buttons),
        ):
            caption = QLabel(label, form)
            caption.setObjectName("FormLabel")
            fields.addRow(caption, widget)
        column = QVBoxLayout(form)
        column.setContentsMargins(26, 4, 0, 0)
        column.setSpacing(10)
        column.addLayout(fields)
        column.addWidget(self.error)
        return form

    def _build_account(self) -> QWidget:
        panel = QWidget(self)
        self.account_name = QLabel(panel)
        self.account_name.setObjectName("CardTitle")
        self.account_detail = QLabel(panel)
        self.account_detail.setObjectName("Hint")
        self.account_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sign_out_button = QPushButton(self.tr("Sign out"), panel)
        self.sign_out_button.clicked.connect(self._ctx.connection.sign_out)
        self.leave_button = QPushButton(self.tr("Use this computer again"), panel)
        self.leave_button.clicked.connect(self._ctx.connection.use_this_computer)
        who = QWidget(panel)
        names = QVBoxLayout(who)
        names.setContentsMargins(0, 0, 0, 0)
        names.setSpacing(2)
        names.addWidget(self.account_name)
        names.addWidget(self.account_detail)
        self.account_who = who
        row = QHBoxLayout(panel)
        row.setContentsMargins(26, 4, 0, 0)
        row.setSpacing(10)
        row.addWidget(who)
        row.addStretch(1)
        row.addWidget(self.sign_out_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return panel

    # -- actions ---------------------------------------------------------------------------

    def sign_in(self) -> None:
        """Check the server and sign in, in a worker; the app switches when it worked."""
        if self._signing_in or not self._form_complete():
            return
        url, email = self.url_edit.text().strip(), self.email_edit.text().strip()
        password = self.password_edit.text()
        self._signing_in = True
        self.error.hide()
        self._refresh()
        run_in_background(
            self._ctx.runner,
            Lane.READ,
            owner=self,
            job=lambda _progress: team_server.sign_in(url, email, password),
            on_success=self._on_signed_in,
            on_failure=self._on_sign_in_failed,
        )

    def _on_signed_in(self, result: tuple[TeamSession, UserPublic]) -> None:
        session, _user = result
        self._signing_in = False
        self._wants_team = False
        self.password_edit.clear()
        self._ctx.connection.use_team_server(session)
        self._refresh()

    def _on_sign_in_failed(self, error: BaseException) -> None:
        self._signing_in = False
        self.error.show_message(reason_of(error), level="error")
        self._refresh()
        self.password_edit.setFocus()

    def _on_embedded_chosen(self) -> None:
        self._wants_team = False
        self.error.hide()
        self._ctx.connection.use_this_computer()  # nothing to do when already embedded
        self._refresh()

    def _on_team_chosen(self) -> None:
        if self._ctx.connection.team is None:
            self._wants_team = True
            self._refresh()
            (self.url_edit if not self.url_edit.text() else self.password_edit).setFocus()

    def open_reader_pages(self) -> None:
        url = self._ctx.connection.url
        if url:
            QDesktopServices.openUrl(QUrl(reader_home_url(url)))

    def _focus_password(self) -> None:
        self.password_edit.setFocus()

    def _on_form_edited(self) -> None:
        if team_server.is_unencrypted(self.url_edit.text()):
            self.insecure_note.show_message(
                self.tr(
                    "This address is not encrypted (http): your password and your work would "
                    "cross the network readable by others. Use https:// unless the server is "
                    "on a network you trust."
                ),
                level="warning",
            )
        else:
            self.insecure_note.hide()
        self._refresh_button()

    # -- showing the state -----------------------------------------------------------------

    def _form_complete(self) -> bool:
        return all(
            edit.text().strip() for edit in (self.url_edit, self.email_edit, self.password_edit)
        )

    def _refresh_button(self) -> None:
        self.sign_in_button.setEnabled(self._form_complete() and not self._signing_in)
        self.sign_in_button.setText(
            self.tr("Signing in…") if self._signing_in else self.tr("Sign in")
        )

    def _refresh(self) -> None:
        connection = self._ctx.connection
        team, session, state = connection.team, connection.session, connection.state
        on_team = team is not None or self._wants_team
        (self.team_option if on_team else self.embedded_option).setChecked(True)
        signed_out = team is not None and session is None
        if signed_out:
            self.signed_out_banner.show_message(
                self.tr("You were signed out of {url}: the sign-in expired or was revoked.").format(
                    url=team.url
                ),
                level="warning",
                actions=(("sign_in", self.tr("Sign in again")),),
            )
            if not self.url_edit.text():
                self.url_edit.setText(team.url)
            if not self.email_edit.text():
                self.email_edit.setText(team.email)
        else:
            self.signed_out_banner.hide()
        self.form.setVisible(signed_out or (team is None and self._wants_team))
        for edit in (self.url_edit, self.email_edit, self.password_edit):
            edit.setEnabled(not self._signing_in)
        self._refresh_button()
        self.account.setVisible(team is not None)
        # Signed out, the form above says where and as whom; only the way back stays here.
        self.account_who.setVisible(session is not None)
        self.sign_out_button.setVisible(session is not None)
        if team is not None:
            user = connection.user
            name = user.display_name if user else (session.display_name if session else "")
            self.account_name.setText(name or team.email)
            self.account_detail.setText(f"{team.email} · {team.url}")
        if team is None and state is BackendState.CONNECTED and connection.url:
            text = self.tr("Embedded, listening on {url}").format(url=connection.url)
        else:
            text = state_text(state)
        self.status.setText(text)
        self.reader_button.setEnabled(state is BackendState.CONNECTED and bool(connection.url))
