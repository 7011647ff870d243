"""The publish package dialog: images in order with the cover marked, the caption copied, the
files written as `main.py package` writes them, and "I posted it" recorded on the server."""

from __future__ import annotations

import json
import uuid

from PySide6.QtGui import QGuiApplication

from tests.media_samples import write_image

COLOURS = [(230, 40, 60), (40, 90, 220), (60, 180, 90)]


def _published(client, folder):
    shas = [
        client.upload_media(write_image(folder / f"{i}.jpg", size=(300, 400), color=colour)).sha256
        for i, colour in enumerate(COLOURS)
    ]
    account = client.list_accounts()[0].id
    note, _ = client.create_note(
        account_id=account,
        title="秋天的第一杯奶茶",
        body="今天去了新开的店",
        media=[{"sha256": sha} for sha in shas],
    )
    published, _ = client.publish_note(note.id, version=note.version)
    return published


def _open(studio, qtbot, note_id: uuid.UUID):
    dialog = studio.window.open_package(str(note_id))
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=10_000)
    qtbot.waitUntil(lambda: len(dialog.image_bytes) == len(COLOURS), timeout=10_000)
    return dialog


def test_images_in_order_with_the_cover_and_the_caption_copied(open_studio, qtbot, tmp_path):
    studio = open_studio()
    note = _published(studio.client(), tmp_path)
    dialog = _open(studio, qtbot, note.id)
    for thumb, (red, green, blue) in zip(dialog.thumbs, COLOURS, strict=True):
        image = thumb.pixmap().toImage()
        pixel = image.pixelColor(image.width() // 2, image.height() // 2)
        assert abs(pixel.red() - red) < 12 and abs(pixel.blue() - blue) < 12
        assert abs(pixel.green() - green) < 12
    captions = [label.text() for label in dialog.thumb_captions]
    assert captions == ["1 · cover", "2", "3"]
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    caption = studio.client().get_package(note.id).caption
    assert "秋天的第一杯奶茶" in caption
    assert QGuiApplication.clipboard().text() == caption


def test_saves_the_files_and_records_who_posted(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    note = _published(client, tmp_path)
    dialog = _open(studio, qtbot, note.id)
    assert not dialog.open_button.isEnabled()
    dialog.save_to(tmp_path / "out")
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10_000)
    folder = dialog.saved_to
    assert folder.parent == tmp_path / "out" and dialog.open_button.isEnabled()
    names = sorted(path.name for path in folder.iterdir())
    assert names == ["01.jpg", "02.jpg", "03.jpg", "caption.txt", "cover.jpg", "meta.json"]
    assert (folder / "cover.jpg").read_bytes() == (folder / "01.jpg").read_bytes()
    assert (folder / "02.jpg").read_bytes() == client.package_image(note.id, 1)
    assert (folder / "caption.txt").read_text("utf-8") == client.get_package(note.id).caption
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    assert meta["note_id"] == str(note.id) and meta["images"] == ["01.jpg", "02.jpg", "03.jpg"]

    assert dialog.posted_button.isEnabled() and not dialog.posted_label.isVisible()
    dialog.link_edit.setText("https://www.xiaohongshu.com/explore/abc123")
    dialog.posted_button.click()
    qtbot.waitUntil(dialog.posted_label.isVisible, timeout=10_000)
    server = client.get_note(note.id)
    assert server.posted_by == client.me().id
    assert server.posted_link == "https://www.xiaohongshu.com/explore/abc123"
    assert client.me().display_name in dialog.posted_label.text()
    assert not dialog.posted_button.isEnabled()
    again = _open(studio, qtbot, note.id)
    assert again.posted_label.isVisible() and not again.posted_button.isEnabled()


def test_a_note_not_yet_published_cannot_be_confirmed(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    sha = client.upload_media(write_image(tmp_path / "a.jpg")).sha256
    account = client.list_accounts()[0].id
    note, _ = client.create_note(account_id=account, title="草稿", media=[{"sha256": sha}])
    dialog = studio.window.open_package(str(note.id))
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=10_000)
    assert not dialog.posted_button.isEnabled()
    # Were it enabled (say the note was unscheduled meanwhile), the server's refusal shows.
    dialog.posted_button.setEnabled(True)
    dialog.posted_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.text() != "", timeout=10_000)
    assert client.get_note(note.id).posted_at is None
