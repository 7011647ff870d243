"""The creator's side of a brand collaboration, against the real embedded backend: a brand
(another user on the same backend) invites the studio's account; the creator accepts, starts
the note, submits it, sees the brand's region comment drawn on the photo, resolves it and
resubmits."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QPushButton

from publisher.client import StudioClient
from studio.collab.creator_tab import CreatorTab
from studio.style import ACCENT
from tests.conftest import signed_up
from tests.studio.conftest import make_photo
from tests.studio.helpers import type_text

WAIT_MS = 15_000
REGION = {"x": 0.5, "y": 0.5, "width": 0.4, "height": 0.3}


def _brand(url: str) -> tuple[StudioClient, uuid.UUID, uuid.UUID]:
    """A brand user with a storefront product; returns the client, organization and product."""
    brand = signed_up(url, "花知晓市场部")
    org = brand.create_organization(name="花知晓", kind="brand")
    storefront = brand.create_storefront(name="花知晓旗舰店", organization_id=org.id)
    product = brand.create_product(
        storefront_id=storefront.id, name="小金盒口红", sku="HZX-01", price_fen=12900
    )
    return brand, org.id, product.id


def _open_tab(studio, qtbot) -> CreatorTab:
    tab = CreatorTab(studio.ctx)
    qtbot.addWidget(tab)
    tab.resize(1100, 900)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded_account is not None, timeout=WAIT_MS)
    return tab


def _button(widget, name: str) -> QPushButton:
    button = widget.findChild(QPushButton, name)
    assert button is not None, name
    return button


def test_profile_edit_sets_followers_and_lifts_the_eligibility_warning(open_studio, qtbot):
    studio = open_studio()
    mine = studio.client()
    tab = _open_tab(studio, qtbot)
    assert tab.account.followers == 0
    assert tab.eligibility.isVisibleTo(tab)

    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    tab.followers_edit.setValue(12_000)
    tab.category_edit.clear()
    type_text(tab.category_edit, "美妆")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: mine.list_accounts()[0].followers == 12_000, timeout=WAIT_MS)
    assert mine.list_accounts()[0].category == "美妆"
    qtbot.waitUntil(lambda: tab.followers_label.text() == "12,000", timeout=WAIT_MS)
    assert not tab.eligibility.isVisibleTo(tab)


def test_invitation_to_resubmission(open_studio, qtbot, tmp_path):
    studio = open_studio()
    mine = studio.client()
    account = mine.list_accounts()[0]
    mine.update_account(account.id, version=account.version, followers=5000)
    brand, org_id, product_id = _brand(studio.ctx.connection.url)
    brief, _ = brand.create_brief(
        organization_id=org_id,
        title="秋冬唇色种草",
        mode="custom",
        product_ids=[product_id],
        topics=["秋冬口红"],
        key_messages=["持妆一整天"],
        fee_fen=300_000,
        protection_days=60,
    )
    collab, _ = brand.invite(brief_id=brief.id, account_id=account.id, message="很喜欢你的风格")

    # In the window: Submit goes through the composer, which saves and exports first.
    studio.window.show_page("collaborations")
    tab = studio.window.collaborations_page.creator_tab
    qtbot.waitUntil(lambda: tab.loaded_account is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: collab.id in tab.invitation_cards, timeout=WAIT_MS)
    card = tab.invitation_cards[collab.id]
    assert "¥3,000.00" in [label.text() for label in card.findChildren(type(tab.eligibility))]
    qtbot.mouseClick(_button(card, "AcceptButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: collab.id in tab.collaboration_rows, timeout=WAIT_MS)
    assert mine.get_collaboration(collab.id).state == "accepted"
    assert collab.id not in tab.invitation_cards

    tab.open_collaboration(collab.id)
    view = tab.view
    qtbot.waitUntil(lambda: view.loaded is not None, timeout=WAIT_MS)
    assert view.start_button.isVisibleTo(view)
    assert not view.submit_button.isVisibleTo(view)
    with qtbot.waitSignal(tab.open_note_requested, timeout=WAIT_MS) as opened:
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    note_id = uuid.UUID(opened.args[0])
    assert mine.get_collaboration(collab.id).note_id == note_id

    photo = mine.upload_media(make_photo(tmp_path / "p.jpg", (600, 800), (200, 90, 120)))
    note = mine.get_note(note_id)
    mine.update_note(
        note_id,
        version=note.version,
        title="秋冬必备唇色",
        body="持妆一整天，不拔干",
        media=[{"sha256": photo.sha256}],
    )
    view.reload()
    qtbot.waitUntil(lambda: view.submit_button.isVisibleTo(view), timeout=WAIT_MS)
    assert view.submit_button.text() == "Submit for review"
    assert view.checks_card.isVisibleTo(view)
    qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mine.get_collaboration(collab.id).state == "submitted", timeout=WAIT_MS)

    current = brand.get_collaboration(collab.id)
    comment, _ = brand.add_comment(
        collab.id, "口红色号看不清，拍近一点", target="region", position=0, region=REGION
    )
    brand.act(collab.id, "request_changes", version=current.version)

    view.reload()
    qtbot.waitUntil(lambda: 0 in view.photos and view.photos[0].has_image(), timeout=WAIT_MS)
    marks = view.photos[0].marks()
    assert [(m.number, m.x, m.y, m.done) for m in marks] == [(1, 0.5, 0.5, False)]
    # The box is drawn where the region is: its outline is the accent colour.
    box = view.photos[0].mark_rect(marks[0])
    picture = view.photos[0].grab().toImage()
    edge = picture.pixelColor(int(box.right()) - 1, int(box.center().y()))
    assert abs(edge.red() - QColor(ACCENT).red()) < 40 and edge.green() < 120
    assert view.submit_button.text() == "Resubmit"

    resolved = view.resolve_boxes[comment.id]
    resolved.click()
    qtbot.waitUntil(lambda: mine.comments(collab.id)[-1].resolved_at is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.photos[0].marks()[0].done, timeout=WAIT_MS)

    note = mine.get_note(note_id)
    mine.update_note(note_id, version=note.version, title="秋冬必备唇色（近拍）")
    view.reload()
    qtbot.waitUntil(lambda: view.loaded.collab.version != current.version, timeout=WAIT_MS)
    qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mine.get_collaboration(collab.id).round == 2, timeout=WAIT_MS)
    assert mine.get_collaboration(collab.id).state == "submitted"
    qtbot.waitUntil(lambda: view.loaded.collab.round == 2, timeout=WAIT_MS)
    assert not view.submit_button.isVisibleTo(view)
    brand.close()


def test_declining_needs_a_second_click_and_sends_the_reason(open_studio, qtbot):
    studio = open_studio()
    mine = studio.client()
    account = mine.list_accounts()[0]
    mine.update_account(account.id, version=account.version, followers=1500)
    brand, org_id, _product = _brand(studio.ctx.connection.url)
    brief, _ = brand.create_brief(organization_id=org_id, title="新品试用", fee_fen=50_000)
    collab, _ = brand.invite(brief_id=brief.id, account_id=account.id)

    tab = _open_tab(studio, qtbot)
    qtbot.waitUntil(lambda: collab.id in tab.invitation_cards, timeout=WAIT_MS)
    card = tab.invitation_cards[collab.id]
    decline = _button(card, "DeclineButton")
    qtbot.mouseClick(decline, Qt.MouseButton.LeftButton)
    assert mine.get_collaboration(collab.id).state == "invited"
    reason = card.findChild(QLineEdit, "DeclineReason")
    assert reason.isVisibleTo(card)
    type_text(reason, "档期已满")
    qtbot.mouseClick(decline, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mine.get_collaboration(collab.id).state == "declined", timeout=WAIT_MS)
    assert [c.text for c in brand.comments(collab.id)] == ["档期已满"]
    brand.close()


def test_applying_to_an_open_brief_with_a_quote(open_studio, qtbot):
    studio = open_studio()
    mine = studio.client()
    account = mine.list_accounts()[0]
    mine.update_account(account.id, version=account.version, followers=3000)
    brand, org_id, _product = _brand(studio.ctx.connection.url)
    brief, _ = brand.create_brief(
        organization_id=org_id, title="招募：通勤妆", mode="recruitment", fee_fen=80_000
    )

    tab = _open_tab(studio, qtbot)
    qtbot.waitUntil(lambda: brief.id in tab.brief_cards, timeout=WAIT_MS)
    card = tab.brief_cards[brief.id]
    apply = _button(card, "ApplyButton")
    qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)
    quote = card.findChild(QLineEdit, "Quote")
    assert quote.text() == "800.00"
    quote.clear()
    type_text(quote, "１２００.５")
    type_text(card.findChild(QLineEdit, "ApplyMessage"), "我做通勤妆两年了")
    qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: brief.id not in tab.brief_cards, timeout=WAIT_MS)
    (applied,) = mine.list_collaborations(side="creator").items
    assert (applied.state, applied.quote_fen, applied.message) == (
        "applied",
        120_050,
        "我做通勤妆两年了",
    )
    assert applied.id in tab.collaboration_rows
    brand.close()
