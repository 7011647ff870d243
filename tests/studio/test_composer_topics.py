"""The composer's topics against the real backend: search, suggestions from Chinese text,
and the checklist's warn (> 5) and block (> 10)."""

from __future__ import annotations

import uuid

from studio.drafts.journal import Tag
from studio.drafts.session import SaveState
from tests.studio.helpers import type_text

WAIT_MS = 30_000


def _saved(studio) -> bool:
    session = studio.window.drafts.current
    return session.note_id is not None and session.state is SaveState.SAVED


def _ready(qtbot, studio):
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)
    return studio.window.create_page


def _items(widget):
    return [widget.item(row) for row in range(widget.count())]


def test_topic_picked_from_search_is_saved(open_studio, qtbot):
    studio = open_studio()
    client = studio.client()
    travel = client.create_topic("旅行")
    page = _ready(qtbot, studio)
    picker = page.topic_picker
    type_text(page.title_edit, "周末去哪")
    type_text(picker.search_edit, "旅")
    qtbot.waitUntil(lambda: picker.results.count() > 0, timeout=WAIT_MS)
    found = next(i for i in _items(picker.results) if i.text().startswith("#旅行"))
    picker.results.itemClicked.emit(found)
    assert picker.chips.texts() == ["#旅行  ×"]
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note = client.get_note(uuid.UUID(studio.window.drafts.current.note_id))
    assert note.topics == [travel.id]
    assert note.topic_names == ["旅行"]


def test_chinese_text_suggests_coffee_and_picking_it_creates_the_topic(open_studio, qtbot):
    studio = open_studio()
    page = _ready(qtbot, studio)
    type_text(page.title_edit, "上海咖啡探店")
    page.body_edit.setPlainText(
        "周末在上海找到一家很棒的咖啡馆，手冲咖啡和拿铁都很好喝，推荐给爱咖啡的你。"
    )
    picker = page.topic_picker
    qtbot.waitUntil(
        lambda: any(i.data(picker_name_role()) == "咖啡" for i in _items(picker.suggestions)),
        timeout=WAIT_MS,
    )
    coffee = next(i for i in _items(picker.suggestions) if i.data(picker_name_role()) == "咖啡")
    assert "from your text" in coffee.text()
    picker.suggestions.itemClicked.emit(coffee)
    qtbot.waitUntil(
        lambda: [t.name for t in studio.window.drafts.current.fields.topics] == ["咖啡"],
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note = studio.client().get_note(uuid.UUID(studio.window.drafts.current.note_id))
    assert note.topic_names == ["咖啡"]


def picker_name_role():
    from studio.composer.topic_picker import NameRole

    return NameRole


def test_more_than_five_topics_warn_and_more_than_ten_block(open_studio, qtbot):
    studio = open_studio()
    client = studio.client()
    page = _ready(qtbot, studio)
    topics = tuple(Tag(str(client.create_topic(f"话题{n}").id), f"话题{n}") for n in range(11))
    type_text(page.title_edit, "十一个话题")
    for tag in topics[:6]:
        page.topic_picker.add(tag)
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.checklist.status_of("topics") == "warn", timeout=WAIT_MS)
    assert page.checklist.reasons_of("topics") == ["6 topics: more than 5 may look like spam."]
    for tag in topics[6:]:
        page.topic_picker.add(tag)
    qtbot.waitUntil(lambda: page.checklist.status_of("topics") == "block", timeout=WAIT_MS)
    assert page.checklist.reasons_of("topics") == ["Too many topics: 11 of at most 10."]
    assert not page.schedule_box.schedule_button.isEnabled()
    assert not page.publish_button.isEnabled()
    reasons = page.schedule_box.schedule_button.toolTip().splitlines()
    assert "Too many topics: 11 of at most 10." in reasons
    assert "Too many topics: 11 of at most 10." in page.publish_button.toolTip().splitlines()
    page.topic_picker.chips.removed.emit(topics[10].id)
    qtbot.waitUntil(lambda: page.checklist.status_of("topics") == "warn", timeout=WAIT_MS)
    assert len(client.get_note(uuid.UUID(studio.window.drafts.current.note_id)).topics) == 10
