"""The publish package of a video note: its video as `01.mp4` and its own `cover.jpg` — the
image its edit names, or the frame at the edit's cover time, made by the server once."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from publisher.client import StudioClient
from publisher.client.errors import NotFoundError
from publisher.domain.aigc_label import PROPAGATOR
from tests.backend_process import start_backend
from tests.media_samples import write_image
from tests.publisher.test_aigc_label import aigc_values, xmp_read_by_pillow
from tests.publisher.test_package import package_from_server, run_cli
from tests.video_samples import frame_index_of, make_video


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Made once: a 2 s landscape clip at 30 fps, its 'export' (portrait, so a frame tells
    which file it came from), and a designed cover image."""
    folder = tmp_path_factory.mktemp("video-package")
    return {
        "clip": make_video(folder / "clip.mp4", seconds=2.0, size=(320, 240)),
        "export": make_video(folder / "export.mp4", seconds=2.0, size=(240, 320), audio=False),
        "designed": write_image(folder / "designed.jpg", size=(90, 120), color=(30, 160, 90)),
    }


def picture(jpeg: bytes) -> np.ndarray:
    assert jpeg[:2] == b"\xff\xd8"
    with Image.open(io.BytesIO(jpeg)) as image:
        assert image.format == "JPEG"
        return np.asarray(image.convert("RGB"))


def video_note(api: StudioClient, samples, recipe: dict | None, *, rendered: bool = False, **flags):
    medium = {"sha256": api.upload_media(samples["clip"]).sha256, "recipe": recipe}
    if rendered:
        medium["rendered_sha256"] = api.upload_media(samples["export"]).sha256
    note, _ = api.create_note(
        account_id=api.list_accounts()[0].id,
        type="video",
        title="vlog",
        body="周末",
        media=[medium],
        **flags,
    )
    return note


def test_the_cover_is_the_originals_frame_at_the_chosen_time(api, other_api, samples):
    note = video_note(api, samples, {"cover": {"time": 1.0}})
    clip = note.media[0].sha256
    package = api.get_package(note.id)
    [video] = package.images
    assert (video.filename, video.sha256, video.mime) == ("01.mp4", clip, "video/mp4")
    cover = package.cover
    assert (cover.filename, cover.mime, cover.sha256) == ("cover.jpg", "image/jpeg", clip)
    assert (cover.frame_time, cover.rendered, cover.width, cover.height) == (1.0, False, 320, 240)
    frame = picture(api.package_cover(note.id))
    assert frame.shape[:2] == (240, 320)  # full size
    assert frame_index_of(frame) == 30  # 1 s at 30 fps
    assert api.package_image(note.id, 0) == api.media_bytes(clip)
    with pytest.raises(NotFoundError):
        other_api.package_cover(note.id)


def test_a_trimmed_clip_shows_the_frame_the_edit_plays_at_the_cover_time(api, samples):
    note = video_note(api, samples, {"clips": [{"start": 0.5}], "cover": {"time": 1.0}})
    assert api.get_package(note.id).cover.frame_time == 1.5
    assert frame_index_of(picture(api.package_cover(note.id))) == 45


def test_the_exports_frame_is_the_cover_once_there_is_an_export(api, samples):
    note = video_note(api, samples, {"cover": {"time": 1.0}}, rendered=True)
    package = api.get_package(note.id)
    export = note.media[0].rendered_sha256
    assert package.images[0].sha256 == export
    assert (package.cover.sha256, package.cover.rendered) == (export, True)
    frame = picture(api.package_cover(note.id))
    assert frame.shape[:2] == (320, 240)
    assert frame_index_of(frame) == 30


def test_without_a_chosen_cover_the_frame_at_a_tenth_of_a_short_video(api, samples):
    note = video_note(api, samples, None, rendered=True)
    assert api.get_package(note.id).cover.frame_time == 0.2
    assert frame_index_of(picture(api.package_cover(note.id))) == 6


def test_a_frame_is_made_once_and_kept(api, backend, samples):
    note = video_note(api, samples, {"cover": {"time": 0.5}})
    first = api.package_cover(note.id)
    kept = backend.data_dir / "media" / "thumbs" / f"{note.media[0].sha256}-at-500ms.jpg"
    assert kept.read_bytes() == first
    marker = io.BytesIO()
    Image.new("RGB", (8, 8), (255, 0, 0)).save(marker, "JPEG")
    kept.write_bytes(marker.getvalue())  # what is served now comes from the cache
    assert api.package_cover(note.id) == marker.getvalue()
    kept.unlink()


def test_a_designed_cover_is_that_exact_image(api, samples):
    designed = api.upload_media(samples["designed"]).sha256
    note = video_note(api, samples, {"cover": {"time": 1.0, "sha256": designed}})
    cover = api.get_package(note.id).cover
    assert (cover.filename, cover.sha256, cover.mime, cover.frame_time) == (
        "cover.jpg",
        designed,
        "image/jpeg",
        None,
    )
    assert (cover.width, cover.height) == (90, 120)
    assert api.package_cover(note.id) == api.media_bytes(designed)


def test_a_photo_notes_cover_route_serves_its_first_image(api, tmp_path):
    first = api.upload_media(write_image(tmp_path / "a.jpg", color=(200, 0, 0))).sha256
    second = api.upload_media(write_image(tmp_path / "b.jpg", color=(0, 200, 0))).sha256
    account = api.list_accounts()[0].id
    note, _ = api.create_note(account_id=account, media=[{"sha256": first}, {"sha256": second}])
    package = api.get_package(note.id)
    assert package.cover == package.images[0] and package.cover.frame_time is None
    assert api.package_cover(note.id) == api.media_bytes(first)
    empty, _ = api.create_note(account_id=account, title="空")
    assert api.get_package(empty.id).cover is None
    with pytest.raises(NotFoundError) as caught:
        api.package_cover(empty.id)
    assert caught.value.code == "package.cover_not_found"


def test_the_package_command_writes_the_video_and_its_cover(api, backend, samples, tmp_path):
    note = video_note(api, samples, {"cover": {"time": 1.0}})
    out = package_from_server(api, backend, note.id, tmp_path / "out")
    assert sorted(p.name for p in out.iterdir()) == [
        "01.mp4",
        "caption.txt",
        "cover.jpg",
        "meta.json",
    ]
    assert (out / "01.mp4").read_bytes() == api.media_bytes(note.media[0].sha256)
    assert (out / "cover.jpg").read_bytes() == api.package_cover(note.id)
    assert frame_index_of(picture((out / "cover.jpg").read_bytes())) == 30
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["images"] == ["01.mp4"]


def test_an_ai_generated_video_notes_cover_carries_the_label(api, backend, samples, tmp_path):
    note = video_note(api, samples, {"cover": {"time": 1.0}}, ai_generated=True)
    out = package_from_server(api, backend, note.id, tmp_path / "out")
    cover = (out / "cover.jpg").read_bytes()
    [value] = aigc_values(xmp_read_by_pillow(cover))
    assert (value["Label"], value["ContentPropagator"]) == ("1", PROPAGATOR)
    assert value["PropagateID"] == f"{note.id}/01"
    assert frame_index_of(picture(cover)) == 30
    assert (out / "01.mp4").read_bytes() == api.media_bytes(note.media[0].sha256)


def test_the_package_command_makes_the_cover_from_the_local_studio_folder(samples, tmp_path):
    local = start_backend(tmp_path / "studio")
    try:
        client = StudioClient(local.url, local.token)
        note = video_note(client, samples, {"clips": [{"start": 0.5}], "cover": {"time": 0.5}})
    finally:
        local.stop()
    out = tmp_path / "out"
    done = run_cli(str(note.id), "-o", str(out), "--data-dir", str(tmp_path / "studio"))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "01.mp4",
        "caption.txt",
        "cover.jpg",
        "meta.json",
    ]
    assert frame_index_of(picture((out / "cover.jpg").read_bytes())) == 30
