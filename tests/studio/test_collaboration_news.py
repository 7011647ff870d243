"""News of a collaboration reaches the studio as a toast whose link opens it on the right
side: an invitation in the creator's view, a submission in the brand's review screen."""

from __future__ import annotations

import uuid

from publisher.client import StudioClient
from tests.conftest import PASSWORD

WAIT_MS = 20_000


def _brand(url: str) -> tuple[StudioClient, uuid.UUID]:
    brand = StudioClient(url)
    email = f"brand-{uuid.uuid4().hex[:8]}@example.com"
    brand.register(email=email, password=PASSWORD, display_name="花知晓市场部")
    brand.sign_in(email, PASSWORD)
    return brand, brand.create_organization(name="花知晓", kind="brand").id


def test_an_invitation_toast_opens_the_collaboration_for_the_creator(open_studio, qtbot):
    studio = open_studio()
    mine = studio.client()
    account = mine.list_accounts()[0]
    mine.update_account(account.id, version=account.version, followers=8000)
    brand, org = _brand(studio.ctx.connection.url)
    brief, _ = brand.create_brief(organization_id=org, title="秋冬唇色种草")
    invited, _ = brand.invite(brief_id=brief.id, account_id=account.id, message="期待合作")

    window = studio.window
    posted: list[str] = []
    window.toasts.post = _recording(window.toasts.post, posted)
    window.notifications.poll_now()
    qtbot.waitUntil(lambda: any("秋冬唇色种草" in text for text in posted), timeout=WAIT_MS)
    link = next(t for t in posted if "秋冬唇色种草" in t).split('href="', 1)[1].split('"', 1)[0]
    assert link.startswith(f"collaboration:{invited.id}:creator:")

    window._on_toast_link(link)
    assert window.current_page_key() == "collaborations"
    page = window.collaborations_page
    assert page.tabs.currentWidget() is page.creator_tab
    view = page.creator_tab.view
    assert view.collaboration_id == invited.id
    qtbot.waitUntil(lambda: view.loaded is not None, timeout=WAIT_MS)
    assert view.isVisibleTo(window)


def _recording(post, posted: list[str]):
    def record(text: str, level: str):
        posted.append(text)
        return post(text, level)

    return record
