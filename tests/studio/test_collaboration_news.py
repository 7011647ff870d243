"""News of a collaboration reaches the studio as a toast and in the notification list; either
opens it on the right side: an invitation in the creator's view, a submission in the brand's
review screen."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from publisher.brief_schemas import CollaborationPublic
from publisher.client import StudioClient
from tests.conftest import signed_up

WAIT_MS = 20_000


def _invited(studio, message: str = "") -> tuple[StudioClient, CollaborationPublic]:
    """A brand (another user of the studio's backend) invites the studio's account, given
    the followers collaborations need; returns the brand's client and the invitation."""
    mine = studio.client()
    account = mine.list_accounts()[0]
    mine.update_account(account.id, version=account.version, followers=8000)
    brand = signed_up(studio.ctx.connection.url, "花知晓市场部")
    org = brand.create_organization(name="花知晓", kind="brand").id
    brief, _ = brand.create_brief(organization_id=org, title="秋冬唇色种草")
    invited, _ = brand.invite(brief_id=brief.id, account_id=account.id, message=message)
    return brand, invited


def test_an_invitation_toast_opens_the_collaboration_for_the_creator(open_studio, qtbot):
    studio = open_studio()
    brand, invited = _invited(studio, "期待合作")

    window = studio.window
    posted: list[str] = []
    window.toasts.post = _recording(window.toasts.post, posted)
    window.notifications.poll_now()
    qtbot.waitUntil(lambda: any("秋冬唇色种草" in text for text in posted), timeout=WAIT_MS)
    link = next(t for t in posted if "秋冬唇色种草" in t).split('href="', 1)[1].split('"', 1)[0]
    (item,) = window.notifications.items
    assert item.params["collaboration_id"] == str(invited.id)
    assert link == f"notification:{item.id}"

    window._on_toast_link(link)
    _assert_opened_for_the_creator(window, invited.id, qtbot)


def test_the_bell_lists_the_news_opens_it_and_marks_all_read(open_studio, qtbot):
    studio = open_studio()
    mine = studio.client()
    brand, invited = _invited(studio, "期待合作")
    brand.add_comment(invited.id, "色号请选豆沙色")

    window = studio.window
    bell = window.bell
    assert not bell.count_label.isVisibleTo(window)
    window.notifications.poll_now()
    qtbot.waitUntil(lambda: bell.count == 2, timeout=WAIT_MS)
    assert bell.count_label.isVisibleTo(window) and bell.count_label.text() == "2"
    assert "●" not in window.rail.button("calendar").text()

    qtbot.mouseClick(bell, Qt.MouseButton.LeftButton)
    panel = window.notification_panel
    assert panel.isVisible()
    rows = panel.rows()
    assert [row.icon.property("category") for row in rows] == ["comment", "invitation"]
    assert "色号请选豆沙色" in rows[0].text.text()
    assert "invites" in rows[1].text.text() and "秋冬唇色种草" in rows[1].text.text()
    assert [row.property("unread") for row in rows] == [True, True]
    assert rows[0].time.text() == "just now"

    qtbot.mouseClick(rows[1], Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    _assert_opened_for_the_creator(window, invited.id, qtbot)
    # The server marks read up to an id: the invitation, not the newer comment.
    qtbot.waitUntil(lambda: mine.notifications().unread == 1, timeout=WAIT_MS)
    assert bell.count == 1

    window.show_notifications()
    assert [row.property("unread") for row in panel.rows()] == [True, False]
    qtbot.mouseClick(panel.mark_all, Qt.MouseButton.LeftButton)
    assert not bell.count_label.isVisibleTo(window)
    assert not any(row.property("unread") for row in panel.rows())
    assert not panel.mark_all.isEnabled()
    qtbot.waitUntil(lambda: mine.notifications().unread == 0, timeout=WAIT_MS)
    window.notifications.poll_now()
    qtbot.wait(200)
    assert bell.count == 0


def _assert_opened_for_the_creator(window, collaboration_id: uuid.UUID, qtbot) -> None:
    assert window.current_page_key() == "collaborations"
    page = window.collaborations_page
    assert page.tabs.currentWidget() is page.creator_tab
    view = page.creator_tab.view
    assert view.collaboration_id == collaboration_id
    qtbot.waitUntil(lambda: view.loaded is not None, timeout=WAIT_MS)
    assert view.isVisibleTo(window)


def _recording(post, posted: list[str]):
    def record(text: str, level: str):
        posted.append(text)
        return post(text, level)

    return record


def test_a_burst_of_news_is_one_toast_that_opens_the_list(open_studio, qtbot):
    studio = open_studio()
    brand, invited = _invited(studio)
    for text in ("色号", "光线", "文案"):
        brand.add_comment(invited.id, text)

    window = studio.window
    posted: list[str] = []
    window.toasts.post = _recording(window.toasts.post, posted)
    window.notifications.poll_now()
    qtbot.waitUntil(lambda: window.bell.count == 4, timeout=WAIT_MS)
    assert len(posted) == 1 and "4 new notifications" in posted[0]
    window._on_toast_link(posted[0].split('href="', 1)[1].split('"', 1)[0])
    assert len(window.notification_panel.rows()) == 4
    assert window.bell.count == 4
