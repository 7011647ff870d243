"""The brand's briefs tab against the real embedded backend: a brand organization, a brief
written in the editor, an invitation, and an application accepted."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt

from publisher.client import StudioClient
from studio.collab.brief_editor import BriefEditor
from studio.collab.briefs_tab import BriefsTab
from studio.collab.money import MoneyError, fen_text, parse_yuan
from tests.conftest import signed_up
from tests.studio.helpers import type_text

WAIT_MS = 15_000


def _person(studio, name: str, nickname: str, followers: int) -> tuple[StudioClient, uuid.UUID]:
    """Another user on the studio's backend with one creator account."""
    client = signed_up(studio.ctx.connection.url or "", name)
    account = client.create_account(
        nickname=nickname, followers=followers, category="美食", region="上海"
    )
    return client, account.id


def _open_tab(open_studio, qtbot) -> tuple[object, BriefsTab]:
    studio = open_studio()
    tab = BriefsTab(studio.ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 760)
    tab.show()
    return studio, tab


def _with_brand(open_studio, qtbot) -> tuple[object, BriefsTab]:
    studio, tab = _open_tab(open_studio, qtbot)
    qtbot.waitUntil(lambda: not tab._reloading, timeout=WAIT_MS)
    assert tab.stack.currentIndex() == 0  # no brand yet: the empty state
    type_text(tab.org_name_edit, "山野咖啡")
    qtbot.mouseClick(tab.create_org_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.stack.currentIndex() == 1, timeout=WAIT_MS)
    return studio, tab


def _card(tab: BriefsTab, title: str):
    return next((card for card in tab.cards if card.brief.title == title), None)


def test_money_reads_yuan_as_typed() -> None:
    assert parse_yuan("1280") == 128000
    assert parse_yuan("¥1,280.5") == 128050
    assert parse_yuan("１２８０．０５") == 128005
    assert parse_yuan("  ") is None
    assert fen_text(128050) == "¥1,280.50"
    for text, code in (
        ("12.345", "money.too_precise"),
        ("-3", "money.invalid"),
        ("abc", "money.invalid"),
    ):
        with pytest.raises(MoneyError) as error:
            parse_yuan(text)
        assert error.value.code == code


def test_brand_writes_a_brief_and_invites_a_creator(open_studio, qtbot) -> None:
    studio, tab = _with_brand(open_studio, qtbot)
    _creator, creator_account = _person(studio, "xiaolu", "小鹿爱拍照", 12_000)
    creator = _creator

    editor = tab.new_brief()
    assert isinstance(editor, BriefEditor)
    qtbot.waitUntil(lambda: editor.defaults is not None, timeout=WAIT_MS)
    defaults = editor.defaults.forbidden_words
    assert editor.forbidden_edit.words() == defaults  # prefilled with the advertising-law terms

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.error_text() == "Give the brief a title."  # checked before any call

    type_text(editor.title_edit, "秋季拿铁上新")
    type_text(editor.campaign_edit, "秋日限定")
    editor.description_edit.setPlainText("拍出秋天第一杯拿铁的氛围感")
    type_text(editor.topics_edit.edit, "秋天的第一杯拿铁, 咖啡探店")
    editor.topics_edit.add_typed()
    type_text(editor.key_messages_edit.edit, "0糖0脂")
    editor.key_messages_edit.add_typed()
    type_text(editor.forbidden_edit.edit, "治愈")
    editor.forbidden_edit.add_typed()
    editor.fee_edit.setText("12.345")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "12.345" in editor.error_text()
    editor.fee_edit.setText("1280.5")
    editor.status_combo.setCurrentIndex(editor.status_combo.findData("open"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _card(tab, "秋季拿铁上新") is not None, timeout=WAIT_MS)

    saved = studio.client().get_brief(_card(tab, "秋季拿铁上新").brief.id)
    assert saved.fee_fen == 128050
    assert saved.campaign == "秋日限定"
    assert saved.topics == ["秋天的第一杯拿铁", "咖啡探店"]
    assert saved.key_messages == ["0糖0脂"]
    assert saved.forbidden_words == [*defaults, "治愈"]
    assert saved.status == "open" and saved.mode == "custom"
    assert tab.selected_id == saved.id  # the new brief is the one shown
    qtbot.waitUntil(lambda: tab.detail_stack.currentIndex() == 1, timeout=WAIT_MS)
    assert tab.invite_button.isVisible() and tab.invite_button.isEnabled()

    dialog = tab.invite_creators()
    type_text(dialog.search_edit, "小鹿")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=WAIT_MS)
    assert "1.2万" in dialog.results.item(0).text()
    dialog.results.setCurrentRow(0)
    dialog.message_edit.setPlainText("很喜欢你的探店笔记")
    dialog.fee_edit.setText("1500")
    qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.rows) == 1, timeout=WAIT_MS)
    assert tab.rows[0].collaboration.state == "invited"
    assert set(tab.rows[0].buttons) == {"cancel"}  # accepting is the creator's move

    mine = creator.list_collaborations(side="creator", account_id=creator_account).items
    assert [(c.state, c.quote_fen, c.message) for c in mine] == [
        ("invited", 150000, "很喜欢你的探店笔记")
    ]


def test_brand_accepts_an_application(open_studio, qtbot) -> None:
    studio, tab = _with_brand(open_studio, qtbot)
    org_id = tab.organization_id
    applicant, account_id = _person(studio, "applicant", "阿杰的咖啡日记", 8_000)
    brief, _changes = studio.client().create_brief(
        organization_id=org_id, title="探店招募", mode="recruitment", fee_fen=50000
    )
    applicant.apply(
        brief_id=brief.id, account_id=account_id, quote_fen=88800, message="我每周都探店"
    )
    tab.refresh()
    qtbot.waitUntil(lambda: _card(tab, "探店招募") is not None, timeout=WAIT_MS)
    card = _card(tab, "探店招募")
    assert "Applied 1" in card.counts.text()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.rows) == 1, timeout=WAIT_MS)
    row = tab.rows[0]
    assert not tab.invite_button.isVisible()  # recruitment: creators come by themselves
    assert row.collaboration.account.nickname == "阿杰的咖啡日记"
    assert set(row.buttons) == {"accept", "decline", "cancel"} & set(row.collaboration.actions)
    assert "accept" in row.buttons

    qtbot.mouseClick(row.buttons["accept"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: bool(tab.rows) and tab.rows[0].collaboration.state == "accepted", timeout=WAIT_MS
    )
    theirs = applicant.list_collaborations(side="creator", account_id=account_id).items
    assert [c.state for c in theirs] == ["accepted"]


def test_editor_reloads_a_brief_changed_meanwhile(open_studio, qtbot) -> None:
    studio, tab = _with_brand(open_studio, qtbot)
    brief, _changes = studio.client().create_brief(
        organization_id=tab.organization_id, title="草稿", status="draft"
    )
    tab.refresh()
    qtbot.waitUntil(lambda: _card(tab, "草稿") is not None, timeout=WAIT_MS)
    tab.select(_card(tab, "草稿").brief)
    editor = tab.edit_brief()
    studio.client().update_brief(brief.id, version=brief.version, title="别人改过的标题")
    editor.title_edit.setText("我的标题")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "reloaded" in editor.error_text(), timeout=WAIT_MS)
    assert editor.title_edit.text() == "别人改过的标题"
    assert editor.isVisible()
    editor.title_edit.setText("我的标题")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # at the new version
    qtbot.waitUntil(lambda: _card(tab, "我的标题") is not None, timeout=WAIT_MS)
