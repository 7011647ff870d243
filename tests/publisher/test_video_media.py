"""Video notes on the backend: uploads through the video gate, a frame as the thumbnail, the
video edit of a note medium, and the length rules of the checklist."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from urllib3 import encode_multipart_formdata

from editor.video.edit import MAX_CLIPS, MAX_OVERLAYS
from publisher.client import StudioClient, ValidationError
from publisher.client.http import MultipartBody
from publisher.db.models import MediaAsset, Note, NoteMedia
from publisher.domain.checks import CoverFacts, MediaFacts, NoteFacts, evaluate_note
from publisher.domain.rules import load_rules
from publisher.services.checklist import note_facts
from publisher.services.video_edits import MAX_VIDEO_EDIT_BYTES, stored_video_edit
from tests.backend_process import start_backend
from tests.editor.media import heic
from tests.media_samples import image_bytes
from tests.publisher.test_api import API, call, first_account, token_of, upload
from tests.video_samples import frame_index_of, make_audio, make_video

RULES = load_rules()


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Small real files, made once: a clip, an upright phone video, another clip, a song, a
    text file named like a video and a clip cut in half (its index is at the end)."""
    folder = tmp_path_factory.mktemp("videos")
    clip = make_video(folder / "clip.mp4", seconds=2.0)
    text = folder / "notes.mp4"
    text.write_text("not a video at all\n" * 20)
    truncated = folder / "cut.mp4"
    truncated.write_bytes(clip.read_bytes()[: clip.stat().st_size // 2])
    return {
        "clip": clip,
        "phone": make_video(folder / "phone.mp4", seconds=1.0, rotation=90),
        "other": make_video(folder / "other.mp4", seconds=1.0, pitch=880.0),
        "song": make_audio(folder / "song.m4a", seconds=1.0),
        "text": text,
        "truncated": truncated,
    }


def _picture(jpeg: bytes) -> np.ndarray:
    assert jpeg[:2] == b"\xff\xd8"
    return np.asarray(Image.open(io.BytesIO(jpeg)).convert("RGB"))


# -- uploads ---------------------------------------------------------------------------------


def test_a_video_is_stored_with_its_displayed_size_and_length(api, samples) -> None:
    sent: list[float] = []
    media = api.upload_media(samples["clip"], progress=sent.append)
    assert (media.mime, media.width, media.height) == ("video/mp4", 320, 240)
    assert media.duration == pytest.approx(2.0, abs=0.05)
    assert api.media_info(media.sha256).duration == media.duration
    assert sent == sorted(sent) and sent[-1] == 1.0


def test_a_phone_video_is_sized_as_displayed(api, samples) -> None:
    media = api.upload_media(samples["phone"])
    assert (media.width, media.height) == (240, 320)


@pytest.mark.parametrize(
    ("sample", "status", "code"),
    [
        ("text", 415, "image.unsupported_format"),
        ("truncated", 422, "video.corrupt"),
    ],
)
def test_what_the_video_gate_refuses_is_not_stored(
    backend, api, samples, sample: str, status: int, code: str
) -> None:
    refused = upload(backend, token_of(api), samples[sample].read_bytes(), name="video.mp4")
    assert (refused.status_code, refused.json()["code"]) == (status, code)


def test_a_heic_photo_is_no_video_though_it_is_an_iso_media_file_too(backend, api) -> None:
    photo = heic(Image.new("RGB", (64, 48), (10, 200, 30)))
    stored = upload(backend, token_of(api), photo, name="a.heic")
    assert stored.status_code == 201
    assert (stored.json()["mime"], stored.json()["duration"]) == ("image/heic", None)


def test_videos_and_photos_each_get_their_own_upload_cap(tmp_path, monkeypatch, samples) -> None:
    clip, phone = samples["clip"].read_bytes(), samples["phone"].read_bytes()
    assert 1000 < len(phone) < len(clip)
    monkeypatch.setenv("ZHONGCAO_MAX_UPLOAD_BYTES", "1000")
    monkeypatch.setenv("ZHONGCAO_MAX_VIDEO_UPLOAD_BYTES", str(len(clip) - 1))
    backend = start_backend(tmp_path)
    try:
        assert upload(backend, backend.token, phone).status_code == 201
        for data, cap in ((clip, len(clip) - 1), (_noise_png(side=64), 1000)):
            refused = upload(backend, backend.token, data)
            assert refused.status_code == 413
            assert refused.json() == {"code": "media.too_large", "params": {"max": cap}}
    finally:
        backend.stop()


def _noise_png(side: int) -> bytes:
    pixels = np.random.default_rng(7).integers(0, 256, (side, side, 3), dtype=np.uint8)
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, "PNG")
    return out.getvalue()


class _RecordedReads(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.reads: list[int] = []

    def read(self, size: int | None = -1) -> bytes:
        self.reads.append(-1 if size is None else size)
        return super().read(size)


def test_an_upload_is_streamed_in_chunks_and_every_pass_sends_the_same_bytes() -> None:
    data = np.random.default_rng(1).bytes(3 * 1024 * 1024 + 5)
    handle = _RecordedReads(data)
    sent: list[float] = []
    body = MultipartBody({"file": ("upload", handle, "video/mp4")}, "b0undary", sent.append)
    expected, content_type = encode_multipart_formdata(
        {"file": ("upload", data, "video/mp4")}, boundary="b0undary"
    )
    first, second = b"".join(body), b"".join(body)
    assert first == second == expected
    assert (len(body), body.content_type) == (len(expected), content_type)
    assert 0 < max(handle.reads) <= 1024 * 1024
    assert sent[-1] == 1.0


def test_a_keyed_upload_too_large_to_hold_in_memory_is_replayed(api) -> None:
    """The idempotency layer holds such a body in a file, and still answers a retry."""
    data = _noise_png(side=700)
    assert len(data) > 1024 * 1024
    answers = [
        api.transport.request(
            "POST",
            "/media",
            files={"file": ("upload", io.BytesIO(data), "application/octet-stream")},
            idempotency_key="one-large-upload",
        )
        for _ in range(2)
    ]
    assert answers[0].status_code == 201
    assert answers[0].json() == answers[1].json()
    assert answers[1].headers.get("idempotent-replayed") == "true"


# -- thumbnails ------------------------------------------------------------------------------


def test_a_videos_thumbnail_is_its_frame_at_a_tenth_of_a_short_video(api, samples) -> None:
    media = api.upload_media(samples["clip"])
    for size in (256, 1024):  # made at upload; made when first asked for
        picture = _picture(api.thumbnail(media.sha256, size))
        assert picture.shape[:2] == ((192, 256) if size == 256 else (240, 320))
        assert frame_index_of(picture) == 6  # 0.2 s into a 2 s clip at 30 fps


def test_a_phone_videos_thumbnail_stands_upright(api, samples) -> None:
    media = api.upload_media(samples["phone"])
    picture = _picture(api.thumbnail(media.sha256, 256))
    assert picture.shape[:2] == (256, 192)
    assert frame_index_of(np.rot90(picture, -1)) == 3  # turned back as it was stored


# -- the video edit of a note medium ---------------------------------------------------------


def _video_note(api: StudioClient, sha256: str, recipe: dict | None):
    note, _ = api.create_note(
        account_id=first_account(api),
        type="video",
        title="vlog",
        media=[{"sha256": sha256, "recipe": recipe}],
    )
    return note


def test_a_video_edit_is_stored_normalised(api, samples) -> None:
    clip = api.upload_media(samples["clip"]).sha256
    other = api.upload_media(samples["other"]).sha256
    edit = {
        "clips": [{"start": 0.5, "end": 1.5, "speed": 1.5}, {"source": other, "mute": True}],
        "frame": {"aspect": "3:4", "mode": "fit"},
        "cover": {"time": 0.25},
    }
    expected = {
        "version": 1,
        "clips": [
            {"start": 0.5, "end": 1.5, "speed": 1.5},
            {"start": 0.0, "source": other, "mute": True},
        ],
        "frame": {"aspect": "3:4", "mode": "fit", "x": 0.5, "y": 0.5, "zoom": 1.0},
        "cover": {"time": 0.25},
    }
    note = _video_note(api, clip, edit)
    medium = api.get_note(note.id).media[0]
    assert medium.recipe == expected
    assert (medium.mime, medium.width, medium.height) == ("video/mp4", 320, 240)
    assert medium.duration == pytest.approx(2.0, abs=0.05)


@pytest.mark.parametrize(
    "identity", [{"version": 1}, {"clips": [{"start": 0}]}, {"clips": [{}], "original_volume": 1}]
)
def test_an_edit_of_the_whole_video_and_nothing_else_is_stored_as_none(
    api, samples, identity
) -> None:
    note = _video_note(api, api.upload_media(samples["clip"]).sha256, identity)
    assert api.get_note(note.id).media[0].recipe is None


def _refusal(backend, api: StudioClient, sha256: str, recipe: dict) -> tuple[int, dict]:
    answer = call(
        backend,
        "POST",
        f"{API}/notes",
        token_of(api),
        json={
            "account_id": str(first_account(api)),
            "type": "video",
            "media": [{"sha256": sha256, "recipe": recipe}],
        },
    )
    return answer.status_code, answer.json()


def test_a_bad_video_edit_is_refused_with_its_field_and_index(backend, api, samples) -> None:
    clip = api.upload_media(samples["clip"]).sha256
    status, body = _refusal(backend, api, clip, {"clips": [{"speed": "fast"}]})
    assert (status, body["code"]) == (422, "recipe.invalid")
    assert body["params"] == {"field": "clips[0].speed", "reason": "not_a_number", "index": 0}
    # A photo recipe is no video edit, and a video edit no photo recipe: the original decides.
    status, body = _refusal(backend, api, clip, {"adjust": {"exposure": 1}})
    assert (status, body["params"]["field"]) == (422, "adjust")
    photo = upload(backend, token_of(api), image_bytes("PNG")).json()["sha256"]
    status, body = _refusal(backend, api, photo, {"clips": [{"start": 1}]})
    assert (status, body["params"]["field"]) == (422, "clips")


def test_a_local_look_file_cannot_be_stored_in_a_video_edit(backend, api, samples) -> None:
    clip = api.upload_media(samples["clip"]).sha256
    edit = {"look": {"filter": {"id": "file:/Users/me/warm.cube"}}}
    status, body = _refusal(backend, api, clip, edit)
    assert (status, body["params"]["field"], body["params"]["reason"]) == (
        422,
        "look.filter.id",
        "local_file",
    )


def test_sources_and_cover_must_be_the_callers_uploads(backend, api, other_api, samples) -> None:
    clip = api.upload_media(samples["clip"]).sha256
    theirs = other_api.upload_media(samples["other"]).sha256
    their_photo = upload(backend, token_of(other_api), image_bytes("PNG")).json()["sha256"]
    for edit, named in (
        ({"clips": [{}, {"source": theirs}]}, theirs),
        ({"clips": [{}], "music": {"source": theirs}}, theirs),
        ({"cover": {"sha256": their_photo}}, their_photo),
        ({"clips": [{"source": "music.mp3"}]}, "music.mp3"),
    ):
        status, body = _refusal(backend, api, clip, edit)
        assert (status, body) == (422, {"code": "media.unknown", "params": {"sha256": named}})


def test_sources_must_be_videos_and_the_cover_an_image(backend, api, samples) -> None:
    clip = api.upload_media(samples["clip"]).sha256
    photo = upload(backend, token_of(api), image_bytes("PNG")).json()["sha256"]
    for edit, field, reason in (
        ({"clips": [{}, {"source": photo}]}, "clips[1].source", "not_video"),
        ({"cover": {"sha256": clip}}, "cover.sha256", "not_image"),
    ):
        status, body = _refusal(backend, api, clip, edit)
        assert (status, body["code"]) == (422, "recipe.invalid")
        assert body["params"] == {"field": field, "reason": reason, "index": 0}
    note = _video_note(api, clip, {"cover": {"time": 0.5, "sha256": photo}})
    assert note.media[0].recipe == {
        "version": 1,
        "clips": [{"start": 0.0}],
        "cover": {"time": 0.5, "sha256": photo},
    }


def test_the_longest_likely_video_edit_fits_under_the_size_cap() -> None:
    line = {
        "type": "text",
        "text": "字" * 40,
        "font": "serif",
        "weight": "regular",
        "size": 0.0123456789012345,
        "color": "#FFFFFFCC",
        "stroke": {"width": 0.123456789012345, "color": "#000000"},
        "shadow": {
            "x": 0.12345678901234,
            "y": -0.123456789,
            "blur": 0.12345678,
            "color": "#00000080",
        },
        "box": {"color": "#FF2442", "radius": 0.123456789012345, "padding": 0.123456789012345},
        "align": "left",
        "line_spacing": 1.23456789012345,
        "rotation": -10.123456789012345,
        "x": 0.123456789012345,
        "y": 0.123456789012345,
        "max_width": 0.823456789012345,
    }
    clip = {"source": "a" * 64, "start": 1234.123456789, "end": 2345.123456789, "speed": 1.23456789}
    document = {
        "clips": [clip] * MAX_CLIPS,
        "frame": {"aspect": "9:16", "mode": "fit", "x": 0.123456789, "y": 0.123456789},
        "overlays": [
            {"start": 12345.123456789, "end": 12347.123456789, "layer": line, "subtitle": True}
        ]
        * MAX_OVERLAYS,
        "music": {"source": "b" * 64, "offset": 1.123456789, "volume": 0.5, "fade_in": 1.5},
        "cover": {"time": 1.123456789, "sha256": "c" * 64},
    }
    assert len(json.dumps(document)) < MAX_VIDEO_EDIT_BYTES
    assert len(stored_video_edit(document).overlays) == MAX_OVERLAYS


# -- the length rules ------------------------------------------------------------------------


def _duration_item(seconds: float | None):
    video = MediaFacts(1080, 1920, 10**8, "video/mp4", seconds)
    facts = NoteFacts("video", "vlog", "", image_count=0, video_count=1, videos=(video,))
    (item,) = (item for item in evaluate_note(facts, RULES) if item.rule == "video.duration")
    return item


def test_a_long_video_warns_and_one_over_four_hours_blocks() -> None:
    assert _duration_item(None).status == "pass"
    assert _duration_item(15 * 60).status == "pass"
    (long,) = _duration_item(20 * 60).violations
    assert (long.code, long.level, long.params) == (
        "video.duration.long",
        "warn",
        {"index": 0, "seconds": 1200.0, "max": 900},
    )
    (too_long,) = _duration_item(4 * 3600 + 1).violations
    assert (too_long.code, too_long.level, too_long.params) == (
        "video.duration.too_long",
        "block",
        {"index": 0, "seconds": 14401.0, "max": 14400},
    )


def test_a_drafts_checklist_carries_the_videos_length(api) -> None:
    video = {"width": 1080, "height": 1920, "mime": "video/mp4", "duration": 1200}
    checklist = api.draft_checklist({"type": "video", "title": "vlog", "videos": [video]})
    items = {item.rule: item for item in checklist.items}
    assert items["video.duration"].status == "warn"
    assert (items["cover"].status, items["cover"].params["source"]) == ("pass", "frame")


def _asset(mime: str, width: int, height: int, duration_ms: int | None, fill: str) -> MediaAsset:
    return MediaAsset(
        sha256=fill * 64, mime=mime, size=1000, width=width, height=height, duration_ms=duration_ms
    )


def test_a_stored_note_is_checked_on_its_exported_video_and_chosen_cover() -> None:
    original = _asset("video/quicktime", 1920, 1080, 1_500_000, "a")
    export = _asset("video/mp4", 1080, 1920, 60_000, "b")
    cover = {"time": 0.0, "sha256": "c" * 64}
    medium = NoteMedia(position=0, asset=original, recipe={"version": 1, "cover": cover})
    note = Note(type="video", title="vlog", body="", media=[medium])
    facts = note_facts(note)
    assert facts.videos == (MediaFacts(1920, 1080, 1000, "video/quicktime", 1500.0),)
    assert facts.cover == CoverFacts(present=True, source="image")
    medium.rendered = export
    medium.recipe = None
    facts = note_facts(note)
    assert facts.videos == (MediaFacts(1080, 1920, 1000, "video/mp4", 60.0),)
    assert facts.cover is None


def test_a_sound_file_is_stored_as_music_and_a_video_edit_may_mix_it(api, samples) -> None:
    music = api.upload_media(samples["song"])
    assert (music.mime, music.width, music.height) == ("audio/mp4", 0, 0)
    assert music.duration == pytest.approx(1.0, abs=0.1)
    assert api.thumbnail(music.sha256, 512)[:2] == b"\xff\xd8"
    clip = api.upload_media(samples["clip"]).sha256
    note = _video_note(api, clip, {"version": 1, "music": {"source": music.sha256}})
    assert note.media[0].recipe["music"]["source"] == music.sha256


def test_a_sound_file_is_no_clip(api, samples) -> None:
    music = api.upload_media(samples["song"]).sha256
    clip = api.upload_media(samples["clip"]).sha256
    with pytest.raises(ValidationError) as refused:
        _video_note(api, clip, {"version": 1, "clips": [{"source": music}]})
    assert refused.value.params["reason"] == "not_video"


def test_a_draft_changes_kind_but_a_published_note_does_not(api, samples) -> None:
    note, _ = api.create_note(account_id=first_account(api))
    clip = api.upload_media(samples["phone"]).sha256  # 3:4, a shape the platform takes
    note, _ = api.update_note(
        note.id, version=note.version, type="video", title="vlog", media=[{"sha256": clip}]
    )
    assert note.type == "video"
    api.publish_note(note.id, version=note.version)
    published = api.get_note(note.id)
    with pytest.raises(ValidationError) as refused:
        api.update_note(published.id, version=published.version, type="image")
    assert refused.value.code == "note.type_fixed"
