"""A video note in the app: from a dropped file, through the video editor, to the MP4 the
backend keeps — against the real embedded backend, with real files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from editor.video import timeline
from editor.video.edit import Frame
from editor.video.probe import probe_video
from tests.studio.conftest import make_image
from tests.video_samples import frame_index_of, make_video

WAIT_MS = 60_000


@pytest.fixture
def phone_video(tmp_path: Path) -> Path:
    return make_video(tmp_path / "phone.mp4", seconds=4.0, size=(360, 640), gop=15)


def _open_video(studio, qtbot, video: Path):
    page = studio.window.create_page
    qtbot.waitUntil(lambda: page.account_combo.count() > 0, timeout=WAIT_MS)
    page.add_files([video])
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 1, timeout=WAIT_MS)
    page.edit_photo(0)
    editor = page.video_editor
    qtbot.waitUntil(lambda: bool(editor.sources), timeout=WAIT_MS)
    return page, editor


def test_a_video_makes_a_video_note_and_its_trim_is_published_as_a_stream_copy(
    open_studio, qtbot, phone_video, tmp_path
):
    studio = open_studio()
    page, editor = _open_video(studio, qtbot, phone_video)
    assert page._session.fields.type == "video"
    assert page.views.currentWidget() is editor
    qtbot.waitUntil(lambda: not editor.canvas.image().isNull(), timeout=WAIT_MS)

    editor.seek(2.0)  # frame-accurate: the preview shows source frame 60
    qtbot.waitUntil(lambda: _frame_index(editor) == 60, timeout=WAIT_MS)
    assert editor.time_label.text() == "00:02.00 / 00:04.00"
    with qtbot.waitSignal(editor.player.playing_changed, timeout=WAIT_MS) as stopped:
        editor.toggle_play()  # plays (silent here: no sound device) to the end and stops
        qtbot.waitUntil(lambda: editor.player.position > 2.5, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not editor.player.playing, timeout=WAIT_MS)
    assert stopped.args == [True]

    editor.split_at(1.0)
    editor.delete_clip(0)  # keep 1 s … 4 s
    assert [(c.start, c.end) for c in editor.edit.clips] == [(1.0, None)]
    assert editor.edit.is_plain_trim
    editor.back_button.click()

    session = page._session
    sha = session.fields.media[0]
    qtbot.waitUntil(
        lambda: bool((edit := session.fields.edit_of(sha)) and edit.rendered_sha256),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: not session.is_dirty(), timeout=WAIT_MS)
    client = studio.client()
    note = client.get_note(session.note_id)
    assert note.type == "video"
    (medium,) = note.media
    assert medium.recipe["clips"] == [{"start": 1.0}]
    rendered = client.media_info(medium.rendered_sha256)
    assert rendered.mime == "video/mp4"
    assert rendered.duration == pytest.approx(3.0, abs=0.5)  # cut at the keyframe at 1.0 s


def _frame_index(editor) -> int:
    image = editor.canvas.image().convertToFormat(QImage.Format.Format_RGB888)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine()
    )[:, : image.width() * 3]
    return frame_index_of(pixels.reshape(image.height(), image.width(), 3))


def test_a_video_note_takes_no_photo_and_a_second_video_is_refused(
    open_studio, qtbot, phone_video, tmp_path
):
    studio = open_studio()
    page, editor = _open_video(studio, qtbot, phone_video)
    editor.back_button.click()
    photo = make_image(tmp_path / "photo.jpg", color=(200, 40, 40))
    other = make_video(tmp_path / "other.mp4", seconds=1.0)
    page.add_files([photo, other])
    assert page.notice_banner.isVisible()
    assert "photo.jpg" in page.notice_banner.text and "other.mp4" in page.notice_banner.text
    assert len(page.media.ready_shas()) == 1


def test_a_crop_is_dragged_and_a_reframed_video_exports_in_a_child_process_with_cancel(
    open_studio, qtbot, tmp_path
):
    studio = open_studio()
    long_video = make_video(tmp_path / "long.mp4", seconds=20.0, size=(640, 360))
    _page, editor = _open_video(studio, qtbot, long_video)
    editor.commit(replace(editor.edit, frame=Frame(aspect="3:4")))
    qtbot.waitUntil(lambda: editor.canvas.image().width() < editor.canvas.image().height())
    shown = editor.canvas.image_rect()
    start = shown.center().toPoint()
    qtbot.mousePress(editor.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(editor.canvas, start + QPoint(int(shown.width() / 4), 0))
    qtbot.mouseRelease(
        editor.canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(int(shown.width() / 4), 0)
    )
    assert editor.edit.frame.x < 0.5  # the picture moved right: the window went left
    editor.commit(replace(editor.edit, frame=Frame(aspect="3:4", mode="fit")))
    assert not editor.edit.is_plain_trim

    out = tmp_path / "exported.mp4"
    with qtbot.waitSignal(editor.export_job.failed, timeout=WAIT_MS) as failed:
        editor.export_to(out)
        qtbot.waitUntil(lambda: editor.export_progress.value() > 0, timeout=WAIT_MS)
        editor.cancel_export_button.click()
    assert failed.args[0].code == "video.cancelled"
    assert not out.exists()

    short = timeline.trim_clip(editor.edit, editor.durations, 0, 0.0, 2.0)
    editor.commit(short)
    with qtbot.waitSignal(editor.exported, timeout=WAIT_MS) as done:
        editor.export_to(out)
    assert not done.args[0].stream_copy
    info = probe_video(out)
    assert (info.width, info.height, info.video_codec) == (1080, 1440, "h264")
    assert info.duration == pytest.approx(2.0, abs=0.1)
