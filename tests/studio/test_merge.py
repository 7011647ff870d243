"""Merging a draft with the server's copy field by field, and the base the journal keeps."""

from __future__ import annotations

import json
from dataclasses import replace

from studio.drafts.journal import DraftFields, JournalEntry, Tag
from studio.drafts.merge import Side, differences, merged

BASE = DraftFields(
    title="夏日防晒", body="三款防晒实测", media=("a", "b"), topics=(Tag("t1", "防晒"),)
)


def test_a_field_changed_on_one_side_only_is_preselected_to_that_side():
    mine = replace(BASE, body="四款防晒实测，附成分表")
    theirs = replace(BASE, topics=(Tag("t1", "防晒"), Tag("t2", "夏日")), title="夏日防晒清单")
    found = {d.group: d for d in differences(BASE, mine, theirs)}
    assert set(found) == {"body", "topics", "title"}
    assert found["body"].suggested is Side.MINE and not found["body"].both_changed
    assert found["topics"].suggested is Side.THEIRS and found["topics"].theirs_changed
    result = merged(mine, theirs, {d.group: d.suggested for d in found.values()})
    assert (result.title, result.body) == ("夏日防晒清单", "四款防晒实测，附成分表")
    assert [t.name for t in result.topics] == ["防晒", "夏日"]


def test_photos_move_with_their_edits_and_the_notes_kind():
    mine = replace(BASE, media=("a", "b", "c")).with_recipe("a", {"exposure": 0.3})
    theirs = replace(BASE, media=("v",), type="video")
    (media,) = differences(BASE, mine, theirs)
    assert media.group == "media" and media.both_changed
    result = merged(mine, theirs, {"media": Side.THEIRS})
    assert (result.media, result.type, result.edits) == (("v",), "video", ())
    kept = merged(mine, theirs, {"media": Side.MINE})
    assert kept == mine


def test_without_a_base_every_difference_is_the_creators_call():
    mine, theirs = replace(BASE, title="我的"), replace(BASE, title="他们的")
    (title,) = differences(None, mine, theirs)
    assert title.both_changed and title.suggested is Side.MINE


def test_the_journal_keeps_the_base_through_a_restart():
    entry = JournalEntry(
        key="k",
        account_id=None,
        note_id="n",
        version=3,
        fields=replace(BASE, title="我的"),
        dirty=True,
        opened_at=1.0,
        conflict=True,
        base=BASE,
    )
    again = JournalEntry.from_json(entry.to_json())
    assert again == entry
    written_before_merging = json.loads(entry.to_json())
    del written_before_merging["base"]
    assert JournalEntry.from_json(json.dumps(written_before_merging)).base is None
