"""Stream-copy trims: the copy starts on the keyframe at or before the start, keeps sound and
picture in step and the display rotation, and leaves nothing behind when refused or cancelled."""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from editor.errors import EditorError
from editor.video.frames import FrameReader
from editor.video.probe import probe_video
from editor.video.trim import trim_copy
from tests.video_samples import frame_index_of, make_video

FPS = 30
GOP = 10  # a keyframe every third of a second: frames 0, 10, 20 …


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("trim")


@pytest.fixture(scope="module")
def clip(folder: Path) -> Path:
    return make_video(folder / "clip.mp4", seconds=3.0, size=(160, 120), gop=GOP)


@pytest.fixture(scope="module")
def b_frames(clip: Path, folder: Path) -> Path:
    """The clip re-encoded with B-frames (shown in another order than they are stored)."""
    out_path = folder / "b_frames.mkv"
    with av.open(str(clip)) as src, av.open(str(out_path), "w", format="matroska") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        stream.codec_context.gop_size = GOP
        stream.options = {"preset": "fast", "bf": "3"}
        for frame in src.decode(video=0):
            frame.pict_type = av.video.frame.PictureType.NONE
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    return out_path


def shown_indices(path: Path) -> list[int]:
    """The index of every frame of `path`, in display order."""
    info = probe_video(path)
    with FrameReader(path, info) as reader:
        # The samples' rate, not the copy's average rate (frames over a rounded duration).
        return [frame_index_of(reader.frame_at(n / FPS)) for n in range(round(info.duration * FPS))]


def stream_spans(path: Path) -> dict[str, tuple[Fraction, Fraction]]:
    """(first start, last end) of each stream's packets, in seconds."""
    spans: dict[str, tuple[Fraction, Fraction]] = {}
    with av.open(str(path)) as container:
        for packet in container.demux():
            if packet.pts is None:
                continue
            start = packet.pts * packet.time_base
            end = (packet.pts + packet.duration) * packet.time_base
            first, last = spans.get(packet.stream.type, (start, end))
            spans[packet.stream.type] = (min(first, start), max(last, end))
    return spans


def click_time(path: Path) -> float:
    """When the first whole-second click of the samples' tone sounds, in seconds."""
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            loud = np.flatnonzero(np.abs(frame.to_ndarray()[0]) > 0.6)
            if loud.size:
                return float(frame.time) + loud[0] / frame.sample_rate
    raise AssertionError("no click")


@pytest.mark.parametrize(
    ("start", "keyframe"),
    [(0.5, 10), (0.7, 20), (20 / 30, 20), (0.0, 0), (2.99, 80)],
)
def test_the_copy_starts_at_the_keyframe_at_or_before_start(
    clip: Path, tmp_path: Path, start: float, keyframe: int
) -> None:
    result = trim_copy(clip, start, 3.0, tmp_path / "cut.mp4")
    assert result.start == pytest.approx(keyframe / FPS)
    assert result.end == pytest.approx(3.0)
    assert result.duration == pytest.approx(3.0 - keyframe / FPS)
    assert result.path == tmp_path / "cut.mp4"
    assert shown_indices(result.path) == list(range(keyframe, 90))


def test_sound_and_picture_stay_together(clip: Path, tmp_path: Path) -> None:
    result = trim_copy(clip, 0.5, 1.5, tmp_path / "cut.mp4")
    info = probe_video(result.path)
    assert info.has_audio and info.duration == pytest.approx(35 / FPS)
    assert shown_indices(result.path) == list(range(10, 45))
    spans = stream_spans(result.path)
    (video_start, video_end), (audio_start, audio_end) = spans["video"], spans["audio"]
    assert video_start == 0
    assert abs(audio_start - video_start) < Fraction(1, FPS)
    assert abs(audio_end - video_end) < Fraction(1, FPS)
    # The click at 1 s in the source sounds when its frame (30) shows: 20 frames in.
    assert click_time(result.path) == pytest.approx(20 / FPS, abs=1 / FPS)


def test_b_frames_are_copied_whole(b_frames: Path, tmp_path: Path) -> None:
    # Frame 46 is stored before 45, which is coded against it: ending the copy at 46 must
    # still carry 46 along, or 45 decodes from a missing picture.
    result = trim_copy(b_frames, 0.5, 46 / FPS, tmp_path / "cut.mp4")
    assert result.start == pytest.approx(10 / FPS, abs=0.001)
    assert result.end >= 46 / FPS
    with FrameReader(b_frames) as source, FrameReader(result.path) as copy:
        for index in range(10, 46):
            shown = copy.frame_at((index - 10) / FPS)
            assert np.array_equal(shown, source.frame_at(index / FPS)), index


def test_the_copy_leaves_the_location_behind(clip: Path, folder: Path, tmp_path: Path) -> None:
    located = folder / "located.mp4"
    with av.open(str(clip)) as src, av.open(str(located), "w") as dst:
        dst.metadata["location"] = "+31.2304+121.4737/"
        streams = {s.index: dst.add_stream_from_template(s) for s in src.streams}
        for packet in src.demux():
            if packet.size:
                packet.stream = streams[packet.stream_index]
                dst.mux(packet)
    with av.open(str(located)) as container:
        assert "location" in container.metadata
    result = trim_copy(located, 0.0, 1.0, tmp_path / "cut.mp4")
    with av.open(str(result.path)) as container:
        assert not {key for key in container.metadata if key.startswith("location")}


@pytest.mark.parametrize("suffix", [".mp4", ".mov", ".mkv"])
def test_rotation_is_kept(folder: Path, tmp_path: Path, suffix: str) -> None:
    phone = make_video(
        folder / f"phone{suffix}.mp4", seconds=1.0, size=(160, 120), rotation=90, gop=GOP
    )
    result = trim_copy(phone, 0.4, 0.9, tmp_path / f"cut{suffix}")
    info = probe_video(result.path)
    assert (info.rotation, info.width, info.height) == (90, 120, 160)
    with FrameReader(result.path, info) as reader:
        assert frame_index_of(np.rot90(reader.frame_at(0.0), -1)) == 10


def test_webm_copies_into_webm(folder: Path, tmp_path: Path) -> None:
    source = make_video(
        folder / "clip.webm", seconds=1.0, size=(160, 120), codec="libvpx-vp9", container="webm"
    )
    result = trim_copy(source, 0.0, 0.5, tmp_path / "cut.webm")
    info = probe_video(result.path)
    assert (info.format, info.video_codec, info.audio_codec) == ("webm", "vp9", "opus")
    assert shown_indices(result.path)[:3] == [0, 1, 2]


def test_progress_climbs_to_one(clip: Path, tmp_path: Path) -> None:
    seen: list[float] = []
    trim_copy(clip, 0.0, 3.0, tmp_path / "cut.mp4", progress=seen.append)
    assert len(seen) > 10
    assert seen == sorted(seen) and 0 < seen[0] and seen[-1] == 1.0


@pytest.mark.parametrize("after", [0, 5])
def test_cancel_leaves_nothing(clip: Path, tmp_path: Path, after: int) -> None:
    polls: list[None] = []

    def cancelled() -> bool:
        polls.append(None)
        return len(polls) > after

    with pytest.raises(EditorError) as caught:
        trim_copy(clip, 0.0, 3.0, tmp_path / "cut.mp4", cancelled=cancelled)
    assert caught.value.code == "video.cancelled"
    assert list(tmp_path.iterdir()) == []


def test_an_existing_output_is_replaced_only_on_success(clip: Path, tmp_path: Path) -> None:
    out = tmp_path / "cut.mp4"
    out.write_bytes(b"previous")
    with pytest.raises(EditorError):
        trim_copy(clip, 0.0, 3.0, out, cancelled=lambda: True)
    assert out.read_bytes() == b"previous"
    trim_copy(clip, 0.0, 1.0, out)
    assert probe_video(out).duration == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("start", "end"),
    [(1.0, 1.0), (2.0, 1.0), (-0.1, 1.0), (0.0, 3.5), (4.0, 5.0), (math.nan, 1.0)],
)
def test_a_bad_span_is_refused(clip: Path, tmp_path: Path, start: float, end: float) -> None:
    with pytest.raises(EditorError) as caught:
        trim_copy(clip, start, end, tmp_path / "cut.mp4")
    assert caught.value.code == "video.bad_span"
    assert caught.value.params["duration"] == 3.0
    assert list(tmp_path.iterdir()) == []


def test_an_end_a_rounding_past_the_duration_is_the_end(clip: Path, tmp_path: Path) -> None:
    assert trim_copy(clip, 2.0, 3.0 + 0.4 / FPS, tmp_path / "cut.mp4").end == pytest.approx(3.0)


def test_an_unknown_container_is_refused(clip: Path, tmp_path: Path) -> None:
    with pytest.raises(EditorError) as caught:
        trim_copy(clip, 0.0, 1.0, tmp_path / "cut.avi")
    assert caught.value.code == "video.output_format"
    assert caught.value.params == {"suffix": ".avi", "allowed": [".mkv", ".mov", ".mp4", ".webm"]}


def test_codecs_the_container_cannot_hold_are_refused_before_writing(
    clip: Path, tmp_path: Path
) -> None:
    with pytest.raises(EditorError) as caught:
        trim_copy(clip, 0.0, 1.0, tmp_path / "cut.webm")
    assert (caught.value.code, caught.value.params) == (
        "video.copy_unsupported",
        {"codec": "h264", "format": "webm"},
    )
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_a_write_failure(clip: Path, tmp_path: Path) -> None:
    with pytest.raises(EditorError) as caught:
        trim_copy(clip, 0.0, 1.0, tmp_path / "nowhere" / "cut.mp4")
    assert caught.value.code == "output.write_failed"


def test_the_source_passes_the_gate_first(tmp_path: Path) -> None:
    fake = tmp_path / "fake.mp4"
    fake.write_text("not a video")
    with pytest.raises(EditorError) as caught:
        trim_copy(fake, 0.0, 1.0, tmp_path / "cut.mp4")
    assert caught.value.code == "video.unsupported_format"
