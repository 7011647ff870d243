"""Topic groups (话题组) in the composer against the real backend: save the note's topics as a
group and apply it, rename, change topics, delete, and every refusal (a taken name, a group
changed elsewhere, the backend down, an empty name, too many topics) keeping what was typed."""

from __future__ import annotations

import os
import threading
import uuid

from PySide6.QtCore import Qt

from studio.connection import BackendState
from studio.drafts.journal import Tag
from studio.drafts.session import SaveState
from tests.studio.helpers import type_text

WAIT_MS = 30_000
EMOJI_NAME = "周末探店 ☕️ \U0001f469\u200d\U0001f469\u200d\U0001f467 \u202eok"
"""CJK, an emoji with a variation selector, a joined family emoji, a right-to-left override."""


def _ready(qtbot, studio):
    page = studio.window.create_page
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.topic_picker.groups.is_loaded, timeout=WAIT_MS)
    return page


def _topics(client, *names: str) -> tuple[Tag, ...]:
    return tuple(Tag(str(client.create_topic(name).id), name) for name in names)


def _saved(studio) -> bool:
    session = studio.window.drafts.current
    return session.note_id is not None and session.state is SaveState.SAVED


def _rename(dialog, name: str) -> None:
    dialog.name_edit.selectAll()
    type_text(dialog.name_edit, name)


def _remove_chip(dialog, name: str) -> None:
    next(chip for chip in dialog.chip_row.buttons() if chip.text().startswith(f"#{name} ")).click()


def _group_named(client, name: str):
    return next((g for g in client.list_topic_groups().items if g.name == name), None)


def test_note_topics_saved_as_a_group_appear_in_the_menu_and_apply(open_studio, qtbot):
    studio = open_studio()
    client = studio.client()
    page = _ready(qtbot, studio)
    picker = page.topic_picker
    coffee, shop, weekend = _topics(client, "咖啡", "探店", "周末")
    type_text(page.title_edit, "上海咖啡")
    picker.add(coffee)
    picker.add(shop)
    assert picker.save_group_action.isEnabled()

    picker.save_group_action.trigger()
    dialog = picker.groups_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.chip_texts() == ["#咖啡  ×", "#探店  ×"]
    type_text(dialog.name_edit, EMOJI_NAME)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: _group_named(client, EMOJI_NAME) is not None, timeout=WAIT_MS)
    saved = _group_named(client, EMOJI_NAME)
    assert [t.name for t in saved.topics] == ["咖啡", "探店"]
    qtbot.waitUntil(lambda: "Saved" in dialog.message_text(), timeout=WAIT_MS)
    assert dialog.message_text() == f"Saved “{EMOJI_NAME}”."
    assert dialog.current_group().id == saved.id
    assert not dialog.save_button.isEnabled()

    actions = picker.group_actions()
    assert [a.text().split("\t")[0] for a in actions] == [EMOJI_NAME]
    assert actions[0].toolTip() == "#咖啡 #探店"
    dialog.close()
    picker.chips.removed.emit(coffee.id)
    picker.add(weekend)
    picker.group_actions()[0].trigger()
    assert [t.name for t in studio.window.drafts.current.fields.topics] == ["探店", "周末", "咖啡"]
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    note = client.get_note(uuid.UUID(studio.window.drafts.current.note_id))
    assert note.topic_names == ["探店", "周末", "咖啡"]


def test_a_group_is_renamed_given_other_topics_and_deleted(open_studio, qtbot):
    studio = open_studio()
    client = studio.client()
    coffee, shop, latte = _topics(client, "咖啡", "探店", "拿铁")
    group, _ = client.create_topic_group(name="日常", topic_ids=[uuid.UUID(coffee.id)])
    page = _ready(qtbot, studio)
    picker = page.topic_picker
    picker.add(shop)
    picker.add(latte)

    dialog = picker.open_groups_dialog()
    qtbot.waitUntil(lambda: dialog.current_group() is not None, timeout=WAIT_MS)
    assert dialog.current_group().id == group.id
    assert dialog.name_edit.text() == "日常"
    assert not dialog.save_button.isEnabled()
    _rename(dialog, "咖啡日常")
    _remove_chip(dialog, "咖啡")
    assert dialog.chip_texts() == []
    dialog.add_note_topics_button.click()
    assert dialog.chip_texts() == ["#探店  ×", "#拿铁  ×"]
    assert dialog.count_label.text() == "2 / 10"
    dialog.save_button.click()
    qtbot.waitUntil(lambda: _group_named(client, "咖啡日常") is not None, timeout=WAIT_MS)
    renamed = _group_named(client, "咖啡日常")
    assert (renamed.id, [t.name for t in renamed.topics]) == (group.id, ["探店", "拿铁"])
    qtbot.waitUntil(lambda: "Saved" in dialog.message_text(), timeout=WAIT_MS)
    assert picker.group_actions()[0].text().startswith("咖啡日常\t")

    dialog.delete_button.click()
    assert dialog.confirm_bar.isVisible()
    assert dialog.confirm_label.text() == "Delete “咖啡日常”? Notes keep their topics."
    dialog.confirm_delete_button.click()
    qtbot.waitUntil(lambda: client.list_topic_groups().total == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: picker.group_actions() == [], timeout=WAIT_MS)
    assert dialog.message_text() == "Deleted “咖啡日常”."
    # With no group left, the dialog offers a new one holding the note's topics.
    assert dialog.save_button.text() == "Save group"
    assert dialog.chip_texts() == ["#探店  ×", "#拿铁  ×"]


def test_a_taken_name_is_refused_and_nothing_typed_is_lost(open_studio, qtbot):
    studio = open_studio()
    client = studio.client()
    coffee, shop = _topics(client, "咖啡", "探店")
    client.create_topic_group(name="日常", topic_ids=[uuid.UUID(coffee.id)])
    page = _ready(qtbot, studio)
    picker = page.topic_picker
    picker.add(shop)

    dialog = picker.open_groups_dialog(new=True)
    type_text(dialog.name_edit, " 日常 ")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "already exists" in dialog.message_text(), timeout=WAIT_MS)
    assert dialog.message_text() == "A topic group with this name already exists."
    assert dialog.name_edit.text() == " 日常 "
    assert dialog.chip_texts() == ["#探店  ×"]
    assert dialog.save_button.isEnabled()
    assert client.list_topic_groups().total == 1

    _rename(dialog, "日常2")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: _group_named(client, "日常2") is not None, timeout=WAIT_MS)
    assert client.list_topic_groups().total == 2


def test_a_group_changed_elsewhere_is_reloaded_and_the_edit_kept(open_studio, qtbot):
    studio = open_studio()
    client = studio.client()
    (coffee,) = _topics(client, "咖啡")
    group, _ = client.create_topic_group(name="日常", topic_ids=[uuid.UUID(coffee.id)])
    page = _ready(qtbot, studio)
    dialog = page.topic_picker.open_groups_dialog()
    qtbot.waitUntil(lambda: dialog.current_group() is not None, timeout=WAIT_MS)
    client.update_topic_group(group.id, version=group.version, name="别人改的")

    _rename(dialog, "我的")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "somewhere else" in dialog.message_text(), timeout=WAIT_MS)
    assert "Your changes are still here" in dialog.message_text()
    store = page.topic_picker.groups
    qtbot.waitUntil(lambda: store.group(group.id).name == "别人改的", timeout=WAIT_MS)
    assert dialog.name_edit.text() == "我的"
    assert dialog.current_group().id == group.id
    assert client.list_topic_groups().items[0].name == "别人改的"

    dialog.save_button.click()
    qtbot.waitUntil(lambda: _group_named(client, "我的") is not None, timeout=WAIT_MS)
    # The save's own reload may still be on its way; a newer one supersedes it, so once that
    # answers, no list from before the delete below can arrive and show the group gone first.
    with qtbot.waitSignal(store.changed, timeout=WAIT_MS):
        store.reload()

    client.delete_topic_group(group.id, version=_group_named(client, "我的").version)
    _rename(dialog, "又改了")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "no longer exists" in dialog.message_text(), timeout=WAIT_MS)
    assert dialog.name_edit.text() == "又改了"
    assert dialog.save_button.text() == "Save group"
    dialog.save_button.click()
    qtbot.waitUntil(lambda: _group_named(client, "又改了") is not None, timeout=WAIT_MS)


def test_an_empty_name_and_too_many_topics_are_refused_before_sending(open_studio, qtbot):
    studio = open_studio()
    client = studio.client()
    page = _ready(qtbot, studio)
    picker = page.topic_picker
    for tag in _topics(client, *(f"话题{n}" for n in range(11))):
        picker.add(tag)

    dialog = picker.open_groups_dialog(new=True)
    assert dialog.count_label.text() == "11 / 10"
    assert dialog.count_label.property("over") is True
    type_text(dialog.name_edit, "十一个")
    dialog.save_button.click()
    assert dialog.message_text() == (
        "A group holds at most 10 topics, as many as one note may carry; this one has 11. "
        "Remove some first."
    )
    _remove_chip(dialog, "话题10")
    for blank in ("   ", "\u200b\u200d"):
        _rename(dialog, blank)
        dialog.save_button.click()
        assert dialog.message_text() == "Give the group a name."
    assert client.list_topic_groups().total == 0

    _rename(dialog, "🌸")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: _group_named(client, "🌸") is not None, timeout=WAIT_MS)
    assert len(_group_named(client, "🌸").topics) == 10


def test_the_backend_down_keeps_the_dialog_as_typed(open_studio, qtbot):
    studio = open_studio()
    client = studio.client()
    page = _ready(qtbot, studio)
    picker = page.topic_picker
    picker.add(_topics(client, "离线")[0])
    dialog = picker.open_groups_dialog(new=True)
    type_text(dialog.name_edit, "断网时起的名")

    connection = studio.ctx.connection
    first_pid = connection.pid
    os.kill(first_pid, 9)
    qtbot.waitUntil(lambda: connection.state is not BackendState.CONNECTED, timeout=WAIT_MS)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "cannot be reached" in dialog.message_text(), timeout=WAIT_MS)
    assert dialog.name_edit.text() == "断网时起的名"
    assert dialog.chip_texts() == ["#离线  ×"]
    assert dialog.save_button.isEnabled()

    qtbot.waitUntil(
        lambda: connection.state is BackendState.CONNECTED and connection.pid != first_pid,
        timeout=60_000,
    )
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "Saved" in dialog.message_text(), timeout=WAIT_MS)
    assert _group_named(studio.client(), "断网时起的名") is not None


def test_a_group_deleted_elsewhere_while_its_save_is_on_the_way_keeps_the_edit(
    open_studio, qtbot, monkeypatch
):
    """The list reloaded without the group before its save was refused: what was typed stays,
    as a new group, and the editor does not jump to another group."""
    studio = open_studio()
    client = studio.client()
    coffee, shop = _topics(client, "咖啡", "探店")
    mine, _ = client.create_topic_group(name="A组", topic_ids=[uuid.UUID(coffee.id)])
    client.create_topic_group(name="B组", topic_ids=[uuid.UUID(shop.id)])
    page = _ready(qtbot, studio)
    store = page.topic_picker.groups
    dialog = page.topic_picker.open_groups_dialog()
    qtbot.waitUntil(lambda: len(store.groups()) == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.current_group() is not None, timeout=WAIT_MS)
    assert dialog.current_group().id == mine.id
    # The save waits at the door until the reload has answered.
    gate = threading.Event()
    write = store._write
    monkeypatch.setattr(
        store,
        "_write",
        lambda op, *rest: write(lambda client: gate.wait(WAIT_MS / 1000) and op(client), *rest),
    )

    _rename(dialog, "A组改")
    client.delete_topic_group(mine.id, version=mine.version)
    dialog.save_button.click()
    store.reload()
    qtbot.waitUntil(lambda: store.group(mine.id) is None, timeout=WAIT_MS)
    assert dialog.name_edit.text() == "A组改"
    assert dialog.current_group() is None
    gate.set()
    qtbot.waitUntil(lambda: "no longer exists" in dialog.message_text(), timeout=WAIT_MS)
    assert "Save to keep your changes as a new group." in dialog.message_text()
    assert dialog.name_edit.text() == "A组改"
    assert dialog.chip_texts() == ["#咖啡  ×"]
    assert dialog.save_button.text() == "Save group"
    assert dialog.current_group() is None

    dialog.save_button.click()
    qtbot.waitUntil(lambda: _group_named(client, "A组改") is not None, timeout=WAIT_MS)
    assert [t.name for t in _group_named(client, "A组改").topics] == ["咖啡"]
    assert [t.name for t in _group_named(client, "B组").topics] == ["探店"]
