"""The app on a team server: a real `main.py serve` (SQLite in a temporary folder) that two
studios sign in to as two users, through the Settings page's Backend card, as a person would.
"""

from __future__ import annotations

import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton

from publisher.client import AuthError, StudioClient
from studio.connection import BackendState
from studio.drafts.journal import DraftJournal
from studio.messages import message
from studio.pages.backend_card import BackendCard
from studio.team_server import TOKEN_FILE
from tests.backend_process import TestBackend, start_backend
from tests.conftest import PASSWORD, register_user
from tests.studio.helpers import type_text

WAIT_MS = 20_000
BACKEND_START_MS = 40_000


class FixedPortBackend(TestBackend):
    """A team server that comes back on the same address after a stop."""

    __test__ = False

    def __init__(self, data_dir: Path, port: int) -> None:
        super().__init__(data_dir)
        self.port = port

    def command(self) -> list[str]:
        command = super().command()
        command[command.index("--port") + 1] = str(self.port)
        return command


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestBackend]:
    """One team server for the module: each test signs in as users of its own."""
    running = start_backend(tmp_path_factory.mktemp("team"))
    yield running
    running.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _card(studio) -> BackendCard:
    studio.window.show_page("settings")
    return studio.window.settings_page.backend_card


def _choose(qtbot, option: QRadioButton) -> None:
    """Click the option's round indicator (a radio button takes clicks on its label only)."""
    qtbot.mouseClick(option, Qt.MouseButton.LeftButton, pos=QPoint(8, option.height() // 2))


def _fill(qtbot, card: BackendCard, url: str, email: str, password: str) -> None:
    _choose(qtbot, card.team_option)
    assert card.form.isVisibleTo(card)
    for edit, text in ((card.url_edit, url), (card.email_edit, email)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    card.password_edit.clear()
    qtbot.keyClicks(card.password_edit, password)


def _sign_in(qtbot, studio, url: str, email: str, password: str = PASSWORD) -> None:
    card = _card(studio)
    _fill(qtbot, card, url, email, password)
    qtbot.mouseClick(card.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: studio.ctx.connection.state is BackendState.CONNECTED, timeout=WAIT_MS)


def _email(client: StudioClient) -> str:
    return client.me().email


def test_two_studios_run_a_campaign_on_a_team_server(open_studio, qtbot, team, tmp_path):
    brand, creator = register_user(team, "brand"), register_user(team, "creator")
    account = creator.list_accounts()[0]
    creator.update_account(account.id, version=account.version, followers=5000)
    org = brand.create_organization(name="花知晓", kind="brand")
    brief, _ = brand.create_brief(organization_id=org.id, title="秋冬唇色种草")
    invitation, _ = brand.invite(brief_id=brief.id, account_id=account.id, message="一起合作吧")

    studio_a = open_studio(tmp_path / "a", connect=False)
    studio_b = open_studio(tmp_path / "b", connect=False)
    _sign_in(qtbot, studio_a, team.url, _email(brand))
    _sign_in(qtbot, studio_b, team.url, _email(creator))

    for studio, who in ((studio_a, brand), (studio_b, creator)):
        connection = studio.ctx.connection
        assert connection.pid is None  # no embedded backend was started
        assert connection.url == team.url
        assert _email(studio.client()) == _email(who)
        card = _card(studio)
        assert card.account.isVisibleTo(card) and not card.form.isVisibleTo(card)
        assert card.account_name.text() == who.me().display_name
        assert _email(who) in card.account_detail.text()
        assert card.team_option.isChecked()

    # B's Collaborations page shows A's invitation, and nothing else of A's.
    tab = studio_b.window.collaborations_page.creator_tab
    qtbot.waitUntil(lambda: invitation.id in tab.invitation_cards, timeout=WAIT_MS)
    assert [b.id for b in studio_a.client().list_briefs().items] == [brief.id]
    assert studio_b.client().list_briefs().items == []

    # The token is kept for the next start, readable by this user only; never the password.
    token_file = tmp_path / "a" / TOKEN_FILE
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    studio_a.ctx.settings.sync()
    settings_text = studio_a.ctx.settings.path.read_text(encoding="utf-8")
    assert team.url in settings_text
    assert PASSWORD not in settings_text and studio_a.ctx.connection.token not in settings_text
    assert PASSWORD not in token_file.read_text(encoding="utf-8")


def test_sign_in_errors_are_translated(open_studio, qtbot, team, tmp_path):
    email = _email(register_user(team, "creator"))
    studio = open_studio(connect=False)
    card = _card(studio)

    def attempt(url: str, password: str = PASSWORD) -> str:
        _fill(qtbot, card, url, email, password)
        qtbot.mouseClick(card.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: card.error.isVisibleTo(card), timeout=WAIT_MS)
        assert studio.ctx.connection.team is None  # nothing switched
        text = card.error.text
        card.error.hide()
        return text

    assert attempt(team.url, "wrong password") == message("auth.bad_credentials")
    assert card.password_edit.text() == "wrong password"  # kept to correct, not retyped
    dead = f"http://127.0.0.1:{_free_port()}"
    assert attempt(dead) == message("team.unreachable", {"url": dead})
    elsewhere = f"{team.url}/api/v1"  # answers, but `/health` is not there
    assert attempt(elsewhere) == message("team.not_zhongcao", {"url": elsewhere})
    assert attempt("team.example.com") == message("team.url_invalid")

    _fill(qtbot, card, "http://team.example.com", email, PASSWORD)
    assert card.insecure_note.isVisibleTo(card)
    for safe in ("https://team.example.com", team.url):
        card.url_edit.setText(safe)
        assert not card.insecure_note.isVisibleTo(card)
    card.password_edit.clear()
    assert not card.sign_in_button.isEnabled()


def test_a_revoked_token_signs_out_until_signed_in_again(open_studio, qtbot, team):
    user = register_user(team, "creator")
    studio = open_studio(connect=False)
    _sign_in(qtbot, studio, team.url, _email(user))
    connection = studio.ctx.connection

    StudioClient(team.url, connection.token).sign_out()  # revoked, e.g. by an admin
    qtbot.waitUntil(lambda: connection.state is BackendState.SIGNED_OUT, timeout=WAIT_MS)
    card = _card(studio)
    assert card.signed_out_banner.isVisibleTo(card)
    assert [b.text() for b in card.signed_out_banner.buttons()] == ["Sign in again"]
    assert card.form.isVisibleTo(card) and card.leave_button.isVisibleTo(card)
    assert card.url_edit.text() == team.url and card.email_edit.text() == _email(user)
    assert studio.window.rail.status.text().endswith("Signed out")
    assert not (studio.ctx.data_dir / TOKEN_FILE).exists()
    # It waits for the user: with the event loop running past the first retry delays,
    # nothing moves it out of signed out.
    with qtbot.assertNotEmitted(connection.state_changed, wait=1500):
        pass
    assert connection.state is BackendState.SIGNED_OUT

    qtbot.mouseClick(card.signed_out_banner.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(card.password_edit, PASSWORD)
    qtbot.mouseClick(card.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: connection.state is BackendState.CONNECTED, timeout=WAIT_MS)
    assert not card.signed_out_banner.isVisibleTo(card)
    assert _email(studio.client()) == _email(user)


def test_offline_and_back_and_the_sign_in_survives_a_restart(open_studio, qtbot, tmp_path):
    port, folder = _free_port(), tmp_path / "team"
    server = FixedPortBackend(folder, port)
    server.start()
    try:
        user = register_user(server, "creator")
        data = tmp_path / "data"
        studio = open_studio(data, connect=False)
        _sign_in(qtbot, studio, server.url, _email(user))
        connection = studio.ctx.connection

        server.stop()
        qtbot.waitUntil(lambda: connection.state is BackendState.OFFLINE, timeout=WAIT_MS)
        server = FixedPortBackend(folder, port)
        server.start()
        qtbot.waitUntil(lambda: connection.state is BackendState.CONNECTED, timeout=WAIT_MS)
        assert _email(studio.client()) == _email(user)
        studio.close()

        again = open_studio(data, connect=False)
        assert again.ctx.connection.team is not None
        again.ctx.connection.start()
        qtbot.waitUntil(
            lambda: again.ctx.connection.state is BackendState.CONNECTED, timeout=WAIT_MS
        )
        assert again.ctx.connection.pid is None
        assert _email(again.client()) == _email(user)
        card = _card(again)
        assert card.account_name.text() == "creator"
    finally:
        server.stop()


def test_drafts_stay_with_the_backend_they_were_written_for(open_studio, qtbot, team, tmp_path):
    user = register_user(team, "creator")
    data = tmp_path / "data"
    studio = open_studio(data, connect=False)
    page = studio.window.create_page
    type_text(page.title_edit, "只在这台电脑上")
    journal = DraftJournal(data)
    qtbot.waitUntil(
        lambda: any(e.fields.title == "只在这台电脑上" for e in journal.read_all()),
        timeout=WAIT_MS,
    )

    _sign_in(qtbot, studio, team.url, _email(user))
    assert page.title_edit.text() == ""  # the team server's drafts (none yet)
    type_text(page.title_edit, "团队草稿")
    qtbot.waitUntil(
        lambda: [n.title for n in user.list_notes().items] == ["团队草稿"], timeout=WAIT_MS
    )
    team_journal = DraftJournal(data, studio.ctx.connection.backend_key)
    assert [e.fields.title for e in team_journal.read_all()] == ["团队草稿"]
    assert [e.fields.title for e in journal.read_all()] == ["只在这台电脑上"]

    token = studio.ctx.connection.token
    card = _card(studio)
    qtbot.mouseClick(card.leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            studio.ctx.connection.state is BackendState.CONNECTED
            and studio.ctx.connection.team is None
        ),
        timeout=BACKEND_START_MS,
    )
    assert studio.ctx.connection.pid is not None
    assert page.title_edit.text() == "只在这台电脑上"
    qtbot.waitUntil(
        lambda: [n.title for n in studio.client().list_notes().items] == ["只在这台电脑上"],
        timeout=WAIT_MS,
    )
    assert [n.title for n in user.list_notes().items] == ["团队草稿"]
    assert card.embedded_option.isChecked() and not card.account.isVisibleTo(card)
    assert not (data / TOKEN_FILE).exists()
    with pytest.raises(AuthError):  # leaving signed out on the server too
        StudioClient(team.url, token).me()
