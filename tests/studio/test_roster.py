"""The account switcher and the roster against the real backend: a choice filters the Notes page
and the Calendar and names new drafts' account, "All accounts" shows every account's notes, the
choice outlives a restart (and falls back to all when its account is gone); the roster's figures,
sorting, search, and a double-click that opens the account's notes. Plus the plain decisions
behind them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from publisher.client import NotFoundError, StudioClient
from publisher.roster_schemas import RosterFigures, RosterNote, RosterRow
from studio.models.account_scope import AccountChoices, organization_labels
from studio.models.notes import ACCOUNT
from studio.models.roster import COLUMN, next_note_text, totals
from studio.settings import SCOPE_ACCOUNT, Setting, for_backend
from tests.studio.helpers import type_text
from tests.studio.roster_world import seed_mcn

WAIT_MS = 20_000


def _row(nickname: str, org: uuid.UUID, **figures) -> RosterRow:
    fields = {
        "account_id": uuid.uuid4(),
        "nickname": nickname,
        "timezone": "Asia/Shanghai",
        "followers": 0,
        "category": "",
        "region": "",
        "organization_id": org,
        "organization_name": f"org {org.hex[:4]}",
        "organization_kind": "mcn",
        "managed": False,
        "posts_this_week": 0,
        "next_scheduled": None,
        "drafts": 0,
        "awaiting_brand": 0,
        "awaiting_creator": 0,
        "last_7_days": RosterFigures(),
    }
    return RosterRow(**{**fields, **figures})


def test_organizations_are_named_only_when_accounts_come_through_several():
    mcn, home = uuid.uuid4(), uuid.uuid4()
    alone = [_row("a", mcn), _row("b", mcn)]
    assert organization_labels(alone) == {}
    mixed = [*alone, _row("c", home)]
    labels = organization_labels(mixed)
    assert labels[str(mixed[0].account_id)] == f"org {mcn.hex[:4]}"
    assert labels[str(mixed[2].account_id)] == f"org {home.hex[:4]}"


def test_the_next_note_reads_in_the_accounts_time_zone_and_totals_add_up():
    at = datetime(2026, 3, 11, 1, 30, tzinfo=UTC)
    row = _row(
        "a",
        uuid.uuid4(),
        timezone="America/New_York",
        next_scheduled=RosterNote(id=uuid.uuid4(), title="", at=at),
        posts_this_week=2,
        drafts=3,
        awaiting_brand=1,
    )
    assert next_note_text(row) == "03-10 21:30 · (untitled)"
    assert next_note_text(_row("b", uuid.uuid4())) == ""
    assert totals([row, row]) == {"accounts": 2, "posts": 4, "drafts": 6, "brand": 2, "answer": 0}


def test_a_choice_is_kept_apart_per_backend():
    embedded = for_backend(SCOPE_ACCOUNT, None)
    team = for_backend(SCOPE_ACCOUNT, "team-0123456789abcdef")
    assert embedded.key == "scope/embedded/account_id"
    assert team.key == "scope/team-0123456789abcdef/account_id"
    assert isinstance(team, Setting) and team.default == ""


# -- in the app -------------------------------------------------------------------------------


def _loaded(qtbot, studio, accounts: int) -> None:
    window = studio.window
    window.accounts.reload()
    qtbot.waitUntil(lambda: window.accounts.rowCount() == accounts, timeout=WAIT_MS)


def _pick(qtbot, studio, account_id: str | None) -> None:
    """Choose in the switcher as a user does: open its list and click the row."""
    switcher = studio.window.account_switcher
    qtbot.mouseClick(switcher, Qt.MouseButton.LeftButton)
    picker = switcher.picker
    qtbot.waitUntil(lambda: picker.isVisible(), timeout=WAIT_MS)
    proxy = picker.proxy
    row = next(
        row
        for row in range(proxy.rowCount())
        if proxy.index(row, 0).data(AccountChoices.IdRole) == (account_id or "")
    )
    rect = picker.list.visualRect(proxy.index(row, 0))
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not picker.isVisible(), timeout=WAIT_MS)


def _note_accounts(page) -> set[str]:
    return {str(page.model.note(row).account_id) for row in range(page.model.rowCount())}


def test_switching_the_account_filters_notes_and_calendar(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    mine = client.list_accounts()[0]
    seeded = seed_mcn(client, tmp_path, 3, busy=3)
    _loaded(qtbot, studio, 4)
    window = studio.window
    everyone = {str(account.id) for account in seeded.accounts}
    window.show_page("notes")
    notes = window.notes_page
    qtbot.waitUntil(lambda: bool(_note_accounts(notes) == everyone), timeout=WAIT_MS)
    assert not notes.table.isColumnHidden(ACCOUNT)

    chosen = seeded.accounts[1]
    _pick(qtbot, studio, str(chosen.id))
    assert window.scope.account_id == str(chosen.id)
    assert window.account_switcher.current_text() == chosen.nickname
    qtbot.waitUntil(lambda: bool(_note_accounts(notes) == {str(chosen.id)}), timeout=WAIT_MS)
    assert notes.model.rowCount() == 3  # a draft, the published and the scheduled note
    assert notes.table.isColumnHidden(ACCOUNT)

    window.show_page("calendar")
    calendar = window.calendar_page
    qtbot.waitUntil(
        lambda: bool({entry.account_id for entry in calendar.model.entries} == {chosen.id}),
        timeout=WAIT_MS,
    )
    assert [account.id for account in calendar.model.shown_accounts()] == [chosen.id]

    _pick(qtbot, studio, None)
    assert window.scope.account_id is None
    assert window.account_switcher.current_text() == "All accounts"
    qtbot.waitUntil(
        lambda: bool(
            {entry.account_id for entry in calendar.model.entries} == set(seeded.published)
        ),
        timeout=WAIT_MS,
    )
    assert len(calendar.model.shown_accounts()) == 4
    window.show_page("notes")
    qtbot.waitUntil(lambda: bool(_note_accounts(notes) == everyone), timeout=WAIT_MS)
    assert str(mine.id) not in everyone


def test_new_drafts_are_for_the_chosen_account(open_studio, qtbot, tmp_path):
    studio = open_studio()
    seeded = seed_mcn(studio.client(), tmp_path, 2, busy=0)
    _loaded(qtbot, studio, 3)
    window = studio.window
    chosen = str(seeded.accounts[1].id)
    _pick(qtbot, studio, chosen)
    window.show_page("notes")
    qtbot.mouseClick(window.notes_page.new_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "create"
    assert window.drafts.current.account_id == chosen
    qtbot.mouseClick(window.create_page.new_button, Qt.MouseButton.LeftButton)
    assert window.drafts.current.account_id == chosen


def test_the_choice_outlives_a_restart_and_a_vanished_account_falls_back(
    open_studio, qtbot, tmp_path
):
    data = tmp_path / "data"
    studio = open_studio(data)
    seeded = seed_mcn(studio.client(), tmp_path, 2, busy=0)
    _loaded(qtbot, studio, 3)
    chosen = seeded.accounts[1]  # the one with a draft
    _pick(qtbot, studio, str(chosen.id))
    studio.close()

    again = open_studio(data)
    window = again.window
    assert window.scope.account_id == str(chosen.id)
    qtbot.waitUntil(
        lambda: window.account_switcher.current_text() == chosen.nickname, timeout=WAIT_MS
    )
    window.show_page("notes")
    qtbot.waitUntil(
        lambda: bool(_note_accounts(window.notes_page) == {str(chosen.id)}), timeout=WAIT_MS
    )
    again.close()

    setting = for_backend(SCOPE_ACCOUNT, None)
    again.ctx.settings.set(setting, str(uuid.uuid4()))
    again.ctx.settings.sync()
    third = open_studio(data)
    qtbot.waitUntil(lambda: third.window.scope.account_id is None, timeout=WAIT_MS)
    assert third.window.account_switcher.current_text() == "All accounts"
    assert third.ctx.settings.get(setting) == ""


def test_the_switcher_searches_a_long_list(open_studio, qtbot, tmp_path):
    studio = open_studio()
    seeded = seed_mcn(studio.client(), tmp_path, 20, busy=0)
    _loaded(qtbot, studio, 21)
    window = studio.window
    window.show_page("roster")
    choices = window.scope.choices
    qtbot.waitUntil(
        lambda: choices.index(1, 0).data(AccountChoices.OrganizationRole) != "", timeout=WAIT_MS
    )
    switcher = window.account_switcher
    qtbot.mouseClick(switcher, Qt.MouseButton.LeftButton)
    picker = switcher.picker
    assert picker.search.isVisible()
    type_text(picker.search, "露营")
    assert picker.proxy.rowCount() == 1
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    camping = next(a for a in seeded.accounts if a.nickname == "周末去露营")
    assert window.scope.account_id == str(camping.id)

    qtbot.mouseClick(switcher, Qt.MouseButton.LeftButton)
    assert picker.search.text() == ""
    type_text(picker.search, "没有这个号")
    assert picker.proxy.rowCount() == 0 and picker.empty.isVisible()
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert window.scope.account_id == str(camping.id)


def test_roster_figures_sorting_search_and_double_click(open_studio, qtbot, tmp_path):
    studio = open_studio()
    seeded = seed_mcn(studio.client(), tmp_path, 4, busy=2)
    _loaded(qtbot, studio, 5)
    window = studio.window
    window.show_page("roster")
    page = window.roster_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=WAIT_MS)
    rows = {row.account_id: row for row in page.model.rows()}
    for account in seeded.accounts:
        row = rows[account.id]
        assert row.drafts == seeded.drafts[account.id]
        busy = account.id in seeded.published
        assert (row.posts_this_week, row.last_7_days.published) == (int(busy), int(busy))
        title = row.next_scheduled.title if row.next_scheduled else None
        assert title == seeded.scheduled.get(account.id)
        assert (row.organization_name, row.followers) == ("星河MCN", account.followers)
    assert not page.table.isColumnHidden(COLUMN["organization"])
    assert "Accounts: 5 · Posts this week: 2" in page.summary.text()

    page.table.sortByColumn(COLUMN["followers"], Qt.SortOrder.DescendingOrder)
    top = page.proxy.index(0, COLUMN["account"]).data()
    assert top == max(seeded.accounts, key=lambda account: account.followers).nickname
    assert page.proxy.index(0, COLUMN["followers"]).data().endswith("万")

    type_text(page.search, "户外")
    assert page.proxy.rowCount() == 1
    camping = page.proxy.index(0, COLUMN["account"])
    assert camping.data() == "周末去露营"
    page.search.clear()
    type_text(page.search, "没有这个号")
    assert not page.table.isVisible() and "没有这个号" in page.empty_label.text()
    page.search.clear()
    type_text(page.search, "户外")

    camping = page.proxy.index(0, COLUMN["account"])
    rect = page.table.visualRect(camping)
    viewport = page.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == "notes"
    camping_id = next(a.id for a in seeded.accounts if a.nickname == "周末去露营")
    assert window.scope.account_id == str(camping_id)
    notes = window.notes_page
    qtbot.waitUntil(
        lambda: bool(notes.model.rowCount() == 2 and _note_accounts(notes) == {str(camping_id)}),
        timeout=WAIT_MS,
    )


def test_a_server_without_the_roster_still_switches_and_says_why(
    open_studio, qtbot, tmp_path, monkeypatch
):
    """A team server older than the roster answers 404: the switcher lists the accounts
    (without organizations) and the Roster page says what went wrong instead of staying blank."""

    def no_roster(_client):
        raise NotFoundError("http.404", {"status": "404"}, 404)

    monkeypatch.setattr(StudioClient, "roster", no_roster)
    studio = open_studio()
    seeded = seed_mcn(studio.client(), tmp_path, 2, busy=0)
    _loaded(qtbot, studio, 3)
    window = studio.window
    window.show_page("roster")
    page = window.roster_page
    qtbot.waitUntil(lambda: "HTTP 404" in page.empty_label.text(), timeout=WAIT_MS)
    assert page.empty_label.isVisible() and not page.table.isVisible()
    _pick(qtbot, studio, str(seeded.accounts[1].id))
    assert window.account_switcher.current_text() == seeded.accounts[1].nickname
    assert window.scope.choices.index(2, 0).data(AccountChoices.OrganizationRole) == ""
