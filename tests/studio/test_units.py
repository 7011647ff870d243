"""Qt-light pieces: messages, the crash journal, the media order model."""

from __future__ import annotations

import json

from PySide6.QtCore import QModelIndex, Qt

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
