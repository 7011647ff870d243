"""Qt-light pieces: messages, the crash journal, the media order model."""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt

from editor.recipe import Recipe
from studio.drafts.journal import DraftFields, DraftJournal, JournalEntry
from studio.messages import is_known, message
from studio.models.media import MediaListModel, MediaState

PUBLISH_CODES = (
    "title.empty",
    "title.too_wide",
    "body.too_long",
    "images.too_few",
    "images.too_many",
    "video.count",
)
EDITOR_CODES = (
    "image.unsupported_format",
    "image.corrupt",
    "image.too_many_pixels",
    "image.side_too_long",
    "image.too_many_frames",
    "file.too_large",
    "file.not_found",
    "file.not_regular",
    "file.empty",
    "file.unreadable",
)


def test_every_rule_and_file_code_has_its_own_message():
    for code in PUBLISH_CODES + EDITOR_CODES + ("data_dir.locked", "note.version_conflict"):
        assert is_known(code), code


def test_messages_fill_parameters_and_survive_missing_ones():
    assert message("body.too_long", {"chars": 1200, "max": 1000}) == (
        "The text is too long: 1200 of 1000 characters."
    )
    assert message("file.too_large", {"size": 31457280}) == "The file is too large (30.0 MB)."
    assert message("images.too_many", {}) == "Use at most ? images (now ?)."
    assert message("no.such_code") == "Something went wrong (no.such_code)."


def test_backend_and_http_codes_have_messages():
    codes = (
        "idempotency.in_progress",
        "idempotency.key_reused",
        "request.too_large",
        "request.invalid",
        "server.error",
        "http.404",
        "http.502",
    )
    for code in codes:
        assert is_known(code), code
        assert "Something went wrong" not in message(code, {"status": 502}), code
    assert message("http.404", {"status": 404}) == "The backend refused the request (HTTP 404)."
    assert "(HTTP 503)" in message("http.503", {"status": 503})
    assert not is_known("http.abc")


def _entry(key: str, title: str, opened_at: float) -> JournalEntry:
    return JournalEntry(
        key=key,
        account_id=None,
        note_id=None,
        version=None,
        fields=DraftFields(title=title, body="正文", media=("a" * 64,)),
        dirty=True,
        opened_at=opened_at,
    )


def test_journal_round_trips_newest_first_and_skips_damaged_files(tmp_path):
    journal = DraftJournal(tmp_path)
    journal.write(_entry("old", "旧的", 1.0))
    journal.write(_entry("new", "新的🌸", 2.0))
    (journal.folder / "broken.json").write_text("{not json")
    (journal.folder / "foreign.json").write_text(json.dumps({"hello": 1}))
    entries = journal.read_all()
    assert [e.key for e in entries] == ["new", "old"]
    assert entries[0].fields == DraftFields("新的🌸", "正文", ("a" * 64,))
    assert not list(journal.folder.glob("*.tmp"))
    journal.remove("old")
    assert [e.key for e in journal.read_all()] == ["new"]


def _model(qapp) -> MediaListModel:
    model = MediaListModel(lambda _item: None)
    for name in ("a", "b", "c"):
        local_id = model.add_pending(name)
        model.update(local_id, state=MediaState.READY, sha256=name * 64)
    return model


def test_media_model_moves_rows_and_reports_the_order(qapp, qtbot):
    model = _model(qapp)
    with qtbot.waitSignal(model.order_changed):
        assert model.move(0, 3)
    assert [sha[0] for sha in model.ready_shas()] == ["b", "c", "a"]
    assert model.move(2, 0)
    assert [sha[0] for sha in model.ready_shas()] == ["a", "b", "c"]
    assert not model.move(1, 1)
    assert not model.move(1, 2)


def test_media_model_drop_of_a_card_moves_it(qapp):
    model = _model(qapp)
    mime = model.mimeData([model.index(2)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert [sha[0] for sha in model.ready_shas()] == ["a", "c", "b"]


def test_media_model_pending_items_are_not_in_the_draft_yet(qapp):
    model = _model(qapp)
    model.add_pending("d.jpg", 0)
    assert model.rowCount() == 4
    assert len(model.ready_shas()) == 3


A, B = "a" * 64, "b" * 64


def test_a_photo_edit_follows_its_photo_and_drops_a_stale_export():
    warm = Recipe().with_adjust(temperature=30)
    fields = DraftFields(media=(A, B)).with_recipe(A, warm.to_dict())
    assert fields.recipe_of(A) == warm and fields.recipe_of(B) == Recipe()
    key = fields.edit_of(A).recipe
    rendered = fields.with_rendered(A, key, "c" * 64)
    # Every photo is published as an export: B, unedited, still needs one.
    assert [(e.sha256, e.recipe) for e in rendered.unrendered()] == [(B, None)]
    plain = rendered.with_rendered(B, None, "d" * 64)
    assert plain.unrendered() == () and not plain.is_edited(B) and plain.is_edited(A)
    # The creator edits again: the export of the older recipe must not survive.
    changed = rendered.with_recipe(A, warm.with_adjust(temperature=40).to_dict())
    assert changed.edit_of(A).rendered_sha256 is None
    # An export that finishes after the recipe changed is not recorded.
    assert changed.with_rendered(A, key, "c" * 64) == changed
    # Reordering keeps the edit with its photo; removing the photo removes it.
    assert changed.with_media((B, A)).edit_of(A) == changed.edit_of(A)
    assert changed.with_media((B,)).edits == ()
    # Back to no edit at all: nothing to store, nothing to render.
    assert changed.with_recipe(A, Recipe().to_dict()).edits == ()


def test_media_payload_carries_recipe_and_export():
    fields = DraftFields(media=(A, B)).with_recipe(A, Recipe().with_adjust(fade=20).to_dict())
    fields = fields.with_rendered(A, fields.edit_of(A).recipe, "c" * 64)
    first, second = fields.media_payload()
    assert (first.sha256, first.recipe, first.rendered_sha256) == (
        A,
        {"version": 1, "adjust": {"fade": 20.0}},
        "c" * 64,
    )
    assert (second.sha256, second.recipe, second.rendered_sha256) == (B, None, None)


def test_journal_keeps_edits_and_a_recipe_it_cannot_read(tmp_path):
    newer = {"version": 99, "adjust": {"exposure": 1}}
    fields = DraftFields(media=(A, B)).with_recipe(A, Recipe().with_adjust(exposure=1).to_dict())
    fields = fields.with_recipe(B, newer)
    journal = DraftJournal(tmp_path)
    journal.write(replace(_entry("k", "t", 1.0), fields=fields))
    (restored,) = journal.read_all()
    assert restored.fields == fields
    assert json.loads(restored.fields.edit_of(B).recipe) == newer  # kept for the newer app
