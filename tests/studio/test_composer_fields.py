"""The composer's place, products, @mentions and flags against the real backend: picked in
the page, saved on the server, journaled, and still there after a restart."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from studio.composer.place_picker import PLACE_PAGE, MoreRole, PlaceRole
from studio.drafts.journal import DraftFields, DraftJournal, JournalEntry, Tag
from studio.drafts.session import SaveState
from studio.ops import Mutation
from tests.studio.helpers import type_text

WAIT_MS = 30_000
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _saved(studio) -> bool:
    session = studio.window.drafts.current
    return session.note_id is not None and session.state is SaveState.SAVED


def _ready(qtbot, studio):
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)
    return studio.window.create_page


def _items(widget):
    return [widget.item(row) for row in range(widget.count())]


def _note(studio):
    return studio.client().get_note(uuid.UUID(studio.window.drafts.current.note_id))


def test_place_found_by_pinyin_is_picked_saved_and_recent(open_studio, qtbot):
    studio = open_studio()
    page = _ready(qtbot, studio)
    picker = page.place_picker
    type_text(page.title_edit, "成都美食")
    type_text(picker.search_edit, "chengdu")
    qtbot.waitUntil(
        lambda: any(i.text().startswith("成都市") for i in _items(picker.results)),
        timeout=WAIT_MS,
    )
    chengdu = next(i for i in _items(picker.results) if i.text().startswith("成都市"))
    assert "四川省" in chengdu.text()
    picker.results.itemClicked.emit(chengdu)
    assert picker.current.text() == "📍 成都市"
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note = _note(studio)
    assert note.place is not None and note.place.name == "成都市"
    assert note.place.province == "四川省"
    account_id = uuid.UUID(studio.window.drafts.current.account_id)
    assert [p.name for p in studio.client().recent_places(account_id)][:1] == ["成都市"]


def test_products_refused_until_the_account_may_link_them(open_studio, qtbot):
    studio = open_studio()
    client = studio.client()
    page = _ready(qtbot, studio)
    storefront = client.create_storefront(name="小店")
    product = client.create_product(
        storefront_id=storefront.id, name="手冲咖啡壶", sku="POT-01", price_fen=12800, stock=7
    )
    type_text(page.title_edit, "好物分享")
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    picker = page.product_picker
    assert not picker.allowed
    assert "may not link products" in picker.state_label.text()

    # Sent anyway (another device, an old draft): the server refuses and the page says why.
    session = studio.window.drafts.current
    session.set_composer(products=(Tag(str(product.id), product.name),))
    qtbot.waitUntil(lambda: session.state is SaveState.FAILED, timeout=WAIT_MS)
    assert "This account may not link products to its notes." in page.save_banner.text
    assert _note(studio).product_ids == []
    session.set_composer(products=())
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)

    account = next(a for a in client.list_accounts() if str(a.id) == session.account_id)
    Mutation(
        studio.ctx,
        parent=page,
        op=lambda c: c.set_can_link_products(account.id, version=account.version, allowed=True),
    ).run()
    qtbot.waitUntil(lambda: picker.allowed, timeout=WAIT_MS)
    type_text(picker.search_edit, "POT")
    qtbot.waitUntil(lambda: picker.results.count() == 1, timeout=WAIT_MS)
    item = picker.results.item(0)
    assert item.text() == "手冲咖啡壶  ·  ¥128.00  ·  7 in stock  ·  SKU POT-01"
    picker.results.itemClicked.emit(item)
    qtbot.waitUntil(
        lambda: _saved(studio) and _note(studio).product_ids == [product.id], timeout=WAIT_MS
    )
    assert picker.chips.texts() == ["🛍 手冲咖啡壶  ×"]


def test_mentions_and_flags_are_saved_and_survive_a_restart(open_studio, qtbot, tmp_path):
    data = tmp_path / "data"
    studio = open_studio(data)
    client = studio.client()
    friend = client.create_account(nickname="小鹿同学")
    page = _ready(qtbot, studio)
    type_text(page.title_edit, "带朋友去探店")
    mentions = page.mention_picker
    type_text(mentions.search_edit, "小鹿")
    qtbot.waitUntil(lambda: mentions.results.count() > 0, timeout=WAIT_MS)
    mentions.results.itemClicked.emit(mentions.results.item(0))
    flags = page.flags_box
    flags.visibility.setCurrentIndex(flags.visibility.findData("mutual"))
    flags.original.setChecked(True)
    flags.ai_generated.setChecked(True)
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note = _note(studio)
    assert note.mentions == [friend.id]
    assert (note.visibility, note.original, note.ai_generated) == ("mutual", True, True)
    studio.close()

    again = open_studio(data)
    page = _ready(qtbot, again)
    qtbot.waitUntil(lambda: again.window.drafts.current.note_id == str(note.id), timeout=WAIT_MS)
    assert page.title_edit.text() == "带朋友去探店"
    assert page.mention_picker.chips.texts() == ["@小鹿同学  ×"]
    assert page.flags_box.visibility.currentData() == "mutual"
    assert page.flags_box.original.isChecked()
    assert page.flags_box.ai_generated.isChecked()
    collaboration = page.flags_box.collaboration
    assert not collaboration.isChecked() and not collaboration.isEnabled()


def test_composer_fields_typed_before_a_crash_are_restored_and_saved(open_studio, qtbot, tmp_path):
    data = tmp_path / "data"
    first = open_studio(data)
    client = first.client()
    coffee = client.create_topic("咖啡")
    chengdu = client.search_places("chengdu").items[0]
    first.close()

    crashed = open_studio(data, connect=False)
    page = crashed.window.create_page
    type_text(page.title_edit, "断电也不丢话题")
    page.topic_picker.add(Tag(str(coffee.id), coffee.name))
    page.flags_box.ai_generated.setChecked(True)
    crashed.window.drafts.current.set_composer(place=Tag(chengdu.id, chengdu.name))
    planned = (datetime.now(UTC) + timedelta(days=3)).replace(second=0, microsecond=0)
    page.schedule_box.date_edit.setDate(planned.astimezone(SHANGHAI).date())
    journal = DraftJournal(data)
    qtbot.waitUntil(
        lambda: any(
            e.fields.topics and e.fields.place and e.fields.ai_generated and e.fields.planned_at
            for e in journal.read_all()
        ),
        timeout=WAIT_MS,
    )
    # A killed process gets no close event and no final save: drop the window as it is.
    crashed.open = False
    crashed.ctx.shutdown()
    crashed.window.deleteLater()
    crashed.ctx.dispose()

    restored = open_studio(data)
    page = restored.window.create_page
    assert page.topic_picker.chips.texts() == ["#咖啡  ×"]
    assert page.place_picker.current.text() == f"📍 {chengdu.name}"
    assert page.flags_box.ai_generated.isChecked()
    qtbot.waitUntil(lambda: _saved(restored), timeout=WAIT_MS)
    note = _note(restored)
    assert (note.title, note.topic_names, note.ai_generated) == ("断电也不丢话题", ["咖啡"], True)
    assert note.place is not None and note.place.id == chengdu.id
    assert page.schedule_box.date_edit.date().toPython() == planned.astimezone(SHANGHAI).date()


def test_composer_fields_round_trip_through_the_journal_and_send_only_changes():
    fields = DraftFields(
        title="周末",
        topics=(Tag("t1", "咖啡"), Tag("t2", "探店")),
        mentions=(Tag("a1", "小鹿同学"),),
        products=(Tag("p1", "手冲咖啡壶"),),
        place=Tag("cn:510100", "成都市"),
        visibility="private",
        original=True,
        ai_generated=True,
        planned_at="2026-11-28T20:00:00+08:00",
    )
    entry = JournalEntry("k", "acc", "n", 3, fields, dirty=True, opened_at=1.0)
    assert JournalEntry.from_json(entry.to_json()).fields == fields
    saved = replace(fields, topics=fields.topics[:1], place=None, original=False)
    assert fields.composer_changes(saved) == {
        "topics": ["t1", "t2"],
        "place_id": "cn:510100",
        "original": True,
    }
    assert fields.composer_changes(fields) == {}
    assert replace(fields, place=None).composer_changes(fields) == {"place_id": None}


def test_a_note_made_elsewhere_opens_with_its_mentions_and_products_named(open_studio, qtbot):
    """No local copy knows these names: they come with the server's note."""
    studio = open_studio()
    client = studio.client()
    page = _ready(qtbot, studio)
    account = client.list_accounts()[0]
    client.set_can_link_products(account.id, version=account.version, allowed=True)
    friend = client.create_account(nickname="小鹿同学")
    storefront = client.create_storefront(name="小店")
    product = client.create_product(
        storefront_id=storefront.id, name="手冲咖啡壶", sku="POT-02", price_fen=12800, stock=7
    )
    note, _ = client.create_note(
        account_id=account.id, title="别处写的", mentions=[friend.id], product_ids=[product.id]
    )
    page.open_note(str(note.id))
    qtbot.waitUntil(lambda: page.title_edit.text() == "别处写的", timeout=WAIT_MS)
    assert page.mention_picker.chips.texts() == ["@小鹿同学  ×"]
    assert page.product_picker.chips.texts() == ["🛍 手冲咖啡壶  ×"]


def test_more_places_than_a_page_are_paged_in_on_request(open_studio, qtbot):
    studio = open_studio()
    picker = _ready(qtbot, studio).place_picker
    type_text(picker.search_edit, "区")
    qtbot.waitUntil(lambda: picker.results.count() > 0, timeout=WAIT_MS)
    first_page = _items(picker.results)
    assert len(first_page) == PLACE_PAGE + 1
    more = first_page[-1]
    assert more.data(MoreRole) == PLACE_PAGE and "more places" in more.text()
    picker.results.itemClicked.emit(more)
    qtbot.waitUntil(lambda: picker.results.count() > PLACE_PAGE + 1, timeout=WAIT_MS)
    places = [item.data(PlaceRole) for item in _items(picker.results)]
    ids = [place.id for place in places if place is not None]
    assert len(ids) == 2 * PLACE_PAGE and len(set(ids)) == len(ids)
    assert picker.current.text() == "No place yet"
    # Typing more makes the rows on screen stale: no next page of them is offered.
    assert _items(picker.results)[-1].data(MoreRole) is not None
    type_text(picker.search_edit, "市")
    assert all(item.data(MoreRole) is None for item in _items(picker.results))
