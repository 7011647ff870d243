"""Settings' team screens end to end: an MCN owner's studio and a second studio on one real team
server (invite, join with the link, change a role, the last owner kept, a creator putting an
account under the MCN and taking it back, sessions and the password), and the same screens on
the embedded backend, where sign-in security hides."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QRadioButton

from publisher.client import AuthError, StudioClient
from studio import team_server
from studio.connection import BackendState
from studio.messages import message
from studio.teams.team_section import TeamSection
from tests.backend_process import TestBackend, start_backend
from tests.conftest import PASSWORD, register_user, signed_up
from tests.studio.helpers import type_text

WAIT_MS = 20_000


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestBackend]:
    running = start_backend(tmp_path_factory.mktemp("team"))
    yield running
    running.stop()


def _section(qtbot, studio) -> TeamSection:
    """Settings shown (which loads the team screens), once they show the user's teams."""
    studio.window.show_page("settings")
    section = studio.window.settings_page.team
    qtbot.waitUntil(lambda: section.team_card.detail is not None, timeout=WAIT_MS)
    return section


def _revisit(qtbot, studio) -> TeamSection:
    """Leave Settings and come back, as a person does to see what others changed."""
    studio.window.show_page("notes")
    return _section(qtbot, studio)


def _sign_in(qtbot, studio, url: str, client: StudioClient) -> None:
    session, _user = team_server.sign_in(url, client.me().email, PASSWORD)
    studio.ctx.connection.use_team_server(session)
    qtbot.waitUntil(
        lambda: (
            studio.ctx.connection.state is BackendState.CONNECTED
            and studio.ctx.connection.session == session
        ),
        timeout=WAIT_MS,
    )


def _click(qtbot, widget) -> None:
    if isinstance(widget, QRadioButton):  # takes clicks on its indicator, not its label
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _choose_role(combo, role: str) -> None:
    """Pick `role` in a role combo as a user does (activated, not just the index)."""
    row = combo.findData(role)
    combo.setCurrentIndex(row)
    combo.activated.emit(row)


def test_an_mcn_invites_its_team_and_a_creator_on_a_team_server(
    open_studio, qtbot, team, tmp_path, monkeypatch
):
    boss = signed_up(team.url, "王总")
    mei = signed_up(team.url, "小美")
    creator = register_user(team, "糖糖")
    studio_a = open_studio(tmp_path / "a", connect=False)
    _sign_in(qtbot, studio_a, team.url, boss)
    section_a = _section(qtbot, studio_a)
    card_a = section_a.team_card
    assert card_a.organization.kind == "personal"  # a new user has only their own workspace
    assert card_a.personal_hint.isVisibleTo(card_a)

    # A new MCN, made in the dialog, becomes the organization shown.
    new = card_a.open_new_organization()
    type_text(new.name_edit, "星河MCN")
    assert new.mcn_option.isChecked()
    _click(qtbot, new.create_button)
    qtbot.waitUntil(lambda: card_a.organization.name == "星河MCN", timeout=WAIT_MS)
    assert card_a.organization.role == "owner" and card_a.invite_button.isVisibleTo(card_a)

    # Invite: the code in large type and the link, each copied.
    invite = card_a.open_invite()
    assert invite.role_combo.role() == "editor" and not invite.local_note.isVisibleTo(invite)
    type_text(invite.note_edit, "小美")
    _click(qtbot, invite.create_button)
    qtbot.waitUntil(lambda: invite.created is not None, timeout=WAIT_MS)
    created = invite.created
    assert invite.code_label.text() == created.code
    assert invite.code_label.objectName() == "InvitationCode"
    assert created.link.endswith(created.code) and invite.link_label.text() == created.link
    _click(qtbot, invite.copy_code_button)
    assert QGuiApplication.clipboard().text() == created.code
    _click(qtbot, invite.copy_link_button)
    assert QGuiApplication.clipboard().text() == created.link
    assert invite.copy_link_button.text() == "Copied"
    _click(qtbot, invite.done_button)
    qtbot.waitUntil(lambda: created.id in card_a.invitation_rows, timeout=WAIT_MS)

    # A second person pastes the link: the dialog finds it on the clipboard.
    studio_b = open_studio(tmp_path / "b", connect=False)
    _sign_in(qtbot, studio_b, team.url, mei)
    card_b = _section(qtbot, studio_b).team_card
    join = card_b.open_join()
    assert join.code_edit.text() == created.link
    _click(qtbot, join.continue_button)
    qtbot.waitUntil(lambda: join.joining is not None, timeout=WAIT_MS)
    assert join.organization_label.text() == "星河MCN"
    assert "王总" in join.inviter_label.text()
    assert "Editor" in join.effect_label.text()
    _click(qtbot, join.accept_button)
    qtbot.waitUntil(lambda: card_b.organization.name == "星河MCN", timeout=WAIT_MS)
    assert card_b.banner.text == "You are Editor in 星河MCN."
    assert not card_b.role_combos and not card_b.invite_button.isVisibleTo(card_b)

    # The spent link and a mistyped code say why, in the dialog, and keep what was typed.
    again = card_b.open_join()
    _click(qtbot, again.continue_button)
    qtbot.waitUntil(lambda: again.code_error.isVisibleTo(again), timeout=WAIT_MS)
    assert again.code_error.text() == message("invitation.used_up")
    again.code_edit.setText("HELLO")
    _click(qtbot, again.continue_button)
    assert again.code_error.text() == message("invitation.bad_code")
    assert again.code_edit.text() == "HELLO"
    again.reject()

    # The owner sees 小美 joined, and makes her a viewer.
    card_a = _revisit(qtbot, studio_a).team_card
    mei_id = mei.me().id
    qtbot.waitUntil(lambda: mei_id in card_a.role_combos, timeout=WAIT_MS)
    _choose_role(card_a.role_combos[mei_id], "viewer")
    org_id = card_a.organization.id
    qtbot.waitUntil(
        lambda: {m.user_id: m.role for m in boss.list_members(org_id)}[mei_id] == "viewer",
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: card_a.role_combos[mei_id].role() == "viewer", timeout=WAIT_MS)

    # The last owner can neither leave nor step down: the refusal shows, the role stays.
    monkeypatch.setattr(card_a, "confirm", lambda *_args: True)
    boss_id = boss.me().id
    _click(qtbot, card_a.member_buttons[boss_id])
    qtbot.waitUntil(lambda: card_a.banner.isVisibleTo(card_a), timeout=WAIT_MS)
    assert card_a.banner.text == message("organization.last_owner")
    card_a.banner.hide()
    _choose_role(card_a.role_combos[boss_id], "admin")
    qtbot.waitUntil(lambda: card_a.banner.isVisibleTo(card_a), timeout=WAIT_MS)
    assert card_a.banner.text == message("organization.last_owner")
    assert card_a.role_combos[boss_id].role() == "owner"

    # A manage invitation; the creator (signing in on the second studio) picks an account.
    manage = card_a.open_invite()
    _click(qtbot, manage.manage_option)
    assert not manage.role_combo.isVisibleTo(manage)
    _click(qtbot, manage.create_button)
    qtbot.waitUntil(lambda: manage.created is not None, timeout=WAIT_MS)
    code = manage.created.code
    manage.accept()
    _sign_in(qtbot, studio_b, team.url, creator)
    section_b = _section(qtbot, studio_b)
    qtbot.waitUntil(lambda: section_b.team_card.organization.kind == "personal", timeout=WAIT_MS)
    join = section_b.team_card.open_join()
    join.code_edit.clear()
    type_text(join.code_edit, f"邀请码 {code.lower()}，7天内有效")
    _click(qtbot, join.continue_button)
    qtbot.waitUntil(lambda: join.joining is not None, timeout=WAIT_MS)
    account = creator.list_accounts()[0]
    assert list(join.account_boxes) == [account.id]
    assert join.consent_label.isVisibleTo(join) and "星河MCN" in join.consent_label.text()
    assert not join.accept_button.isEnabled()
    join.account_boxes[account.id].setChecked(True)
    _click(qtbot, join.accept_button)
    qtbot.waitUntil(lambda: section_b.accounts_card.isVisibleTo(section_b), timeout=WAIT_MS)
    (grant,) = creator.list_grants()
    assert grant.organization_name == "星河MCN" and grant.account_id == account.id
    assert section_b.team_card.banner.text == f"星河MCN now manages {account.nickname}."

    # The MCN sees the account among those it manages.
    card_a = _revisit(qtbot, studio_a).team_card
    qtbot.waitUntil(lambda: grant.id in card_a.grant_rows, timeout=WAIT_MS)

    # The creator takes it back (after confirming); the MCN loses it at once.
    accounts_card = section_b.accounts_card
    monkeypatch.setattr(accounts_card, "confirm", lambda *_args: False)
    _click(qtbot, accounts_card.revoke_buttons[grant.id])
    assert creator.list_grants() != []  # cancelled: nothing sent
    monkeypatch.setattr(accounts_card, "confirm", lambda *_args: True)
    _click(qtbot, accounts_card.revoke_buttons[grant.id])
    qtbot.waitUntil(lambda: not accounts_card.isVisibleTo(section_b), timeout=WAIT_MS)
    assert boss.list_grants() == []

    # Security: this device and the test's own client; the others signed out in one click.
    security = section_a.security_card
    assert security.isVisibleTo(section_a)
    qtbot.waitUntil(lambda: len(security.sessions) == 2, timeout=WAIT_MS)
    assert [s.current for s in security.sessions] == [True, False]
    _click(qtbot, security.end_others_button)
    qtbot.waitUntil(lambda: len(security.sessions) == 1, timeout=WAIT_MS)
    with pytest.raises(AuthError):
        boss.me()

    # Change password: a wrong current one and a weak new one are refused with their reasons
    # (the typo does not sign anyone out); a good one is taken.
    dialog = security.open_password_dialog()
    qtbot.keyClicks(dialog.current_edit, "not my password")
    for edit in (dialog.new_edit, dialog.repeat_edit):
        qtbot.keyClicks(edit, "violet giraffes sing at noon")
    _click(qtbot, dialog.change_button)
    wrong = message("auth.wrong_password")
    qtbot.waitUntil(lambda: dialog.error_label.text() == wrong, timeout=WAIT_MS)
    assert studio_a.ctx.connection.state is BackendState.CONNECTED
    for edit in (dialog.current_edit, dialog.new_edit, dialog.repeat_edit):
        edit.clear()
    qtbot.keyClicks(dialog.current_edit, PASSWORD)
    qtbot.keyClicks(dialog.new_edit, "password12")
    qtbot.keyClicks(dialog.repeat_edit, "password13")
    _click(qtbot, dialog.change_button)
    assert dialog.error_label.text() == "The two new passwords are not the same."
    dialog.repeat_edit.clear()
    qtbot.keyClicks(dialog.repeat_edit, "password12")
    _click(qtbot, dialog.change_button)
    weak = message("auth.weak_password", {"reason": "too_guessable"})
    qtbot.waitUntil(lambda: dialog.error_label.text() == weak, timeout=WAIT_MS)
    assert dialog.isVisible()
    for edit in (dialog.new_edit, dialog.repeat_edit):
        edit.clear()
        qtbot.keyClicks(edit, "violet giraffes sing at noon")
    _click(qtbot, dialog.change_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert security.banner.isVisibleTo(security)
    assert studio_a.ctx.connection.state is BackendState.CONNECTED
    email = studio_a.ctx.connection.team.email
    StudioClient(team.url).sign_in(email, "violet giraffes sing at noon")  # the new one works


def test_teams_work_on_this_computer_and_sign_in_security_hides(open_studio, qtbot):
    QGuiApplication.clipboard().clear()
    studio = open_studio()
    section = _section(qtbot, studio)
    card = section.team_card
    assert not section.security_card.isVisibleTo(section)
    new = card.open_new_organization()
    type_text(new.name_edit, "本机MCN")
    _click(qtbot, new.create_button)
    qtbot.waitUntil(lambda: card.organization.name == "本机MCN", timeout=WAIT_MS)

    invite = card.open_invite()
    assert invite.local_note.isVisibleTo(invite)  # nobody else reaches this computer
    _click(qtbot, invite.manage_option)
    _click(qtbot, invite.create_button)
    qtbot.waitUntil(lambda: invite.created is not None, timeout=WAIT_MS)
    invite.accept()

    # The local user puts their own account under their MCN, and takes it back.
    join = card.open_join()
    assert join.code_edit.text() == ""  # nothing copied: nothing pasted
    type_text(join.code_edit, invite.created.code)
    _click(qtbot, join.continue_button)
    qtbot.waitUntil(lambda: join.joining is not None, timeout=WAIT_MS)
    (account_id,) = join.account_boxes
    join.account_boxes[account_id].setChecked(True)
    _click(qtbot, join.accept_button)
    accounts_card = section.accounts_card
    qtbot.waitUntil(lambda: accounts_card.isVisibleTo(section), timeout=WAIT_MS)
    (grant_id,) = accounts_card.rows
    qtbot.waitUntil(lambda: grant_id in card.grant_rows, timeout=WAIT_MS)
    accounts_card.confirm = lambda *_args: True
    _click(qtbot, accounts_card.revoke_buttons[grant_id])
    qtbot.waitUntil(lambda: not accounts_card.isVisibleTo(section), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not card.grant_rows, timeout=WAIT_MS)
