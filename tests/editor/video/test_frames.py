"""Frames by time: exactly the frame shown at t, the same whether asked once, in playback
order or backwards, upright, scaled on request, and still an answer for a damaged file."""

from __future__ import annotations

import math
from pathlib import Path

import av
import numpy as np
import pytest

from editor.errors import EditorError
from editor.video.frames import FrameReader, frame_at, thumbnails
from editor.video.probe import probe_video
from tests.video_samples import frame_index_of, make_video

FPS = 30
SECONDS = 3.0
LAST = round(SECONDS * FPS) - 1
TIMES = [0.0, 0.01, 1 / 30, 0.5, 0.99, 1.0, 31 / 30, 1.51, 2.2, 2.99]


@pytest.fixture(scope="module", params=["mp4", "mkv"])
def clip(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three seconds, a keyframe every 10 frames. Matroska rounds times to the millisecond,
    MP4 does not: both must give the exact frame."""
    folder = tmp_path_factory.mktemp("frames")
    container = "matroska" if request.param == "mkv" else None
    return make_video(
        folder / f"clip.{request.param}",
        seconds=SECONDS,
        size=(160, 120),
        audio=False,
        gop=10,
        container=container,
    )


def test_frame_at_is_the_frame_shown_at_t(clip: Path) -> None:
    info = probe_video(clip)
    for t in TIMES:
        assert frame_index_of(frame_at(clip, t, info=info)) == math.floor(t * FPS), t


def test_before_the_start_and_after_the_end(clip: Path) -> None:
    assert frame_index_of(frame_at(clip, -1.0)) == 0
    assert frame_index_of(frame_at(clip, SECONDS)) == LAST
    assert frame_index_of(frame_at(clip, 60.0)) == LAST


def test_playback_order_decodes_forward_without_seeking(
    clip: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeks: list[float] = []
    seek = FrameReader._seek
    monkeypatch.setattr(FrameReader, "_seek", lambda self, t: (seeks.append(t), seek(self, t)))
    with FrameReader(clip) as reader:
        shown = [frame_index_of(reader.frame_at(index / FPS)) for index in range(LAST + 1)]
        assert shown == list(range(LAST + 1))
        assert len(seeks) == 1
        # Asking the same time again, or a time within the same frame, decodes nothing.
        assert frame_index_of(reader.frame_at(2.0)) == 60
        assert frame_index_of(reader.frame_at(2.01)) == 60
        assert len(seeks) == 2  # 2.0 is behind the end where playback stopped


def test_reader_agrees_with_frame_at_in_any_order(clip: Path) -> None:
    info = probe_video(clip)
    backwards = [LAST / FPS - step * 0.23 for step in range(13)]
    jumps = [0.4, 0.45, 2.5, 0.1, 2.9, 2.95, 1.0, 0.0, 1.7]
    with FrameReader(clip, info) as reader:
        for t in backwards + jumps + TIMES:
            expected = frame_index_of(frame_at(clip, t, info=info))
            assert frame_index_of(reader.frame_at(t)) == expected == math.floor(t * FPS + 1e-9)


def test_max_side_scales_while_converting(clip: Path) -> None:
    picture = frame_at(clip, 1.0, max_side=80)
    assert picture.shape == (60, 80, 3)
    assert frame_index_of(picture) == 30
    assert frame_at(clip, 1.0, max_side=1000).shape == (120, 160, 3)  # never enlarged


def test_rotated_frames_are_upright_at_any_size(tmp_path: Path) -> None:
    path = make_video(tmp_path / "phone.mp4", seconds=0.5, size=(160, 120), rotation=270)
    with FrameReader(path) as reader:
        full, small = reader.frame_at(0.2), reader.frame_at(0.2, max_side=80)
    assert (full.shape, small.shape) == ((160, 120, 3), (80, 60, 3))
    # 270° counter-clockwise for display: a quarter turn counter-clockwise undoes it.
    assert frame_index_of(np.rot90(full)) == frame_index_of(np.rot90(small)) == 6


def test_thumbnails_are_spread_in_order(clip: Path) -> None:
    strip = thumbnails(clip, 5, height=60)
    assert len(strip) == 5
    times = [time for time, _ in strip]
    assert times == sorted(times) and len(set(times)) == 5
    assert 0 <= times[0] and times[-1] < SECONDS
    for time, picture in strip:
        assert picture.shape == (60, 80, 3)
        assert frame_index_of(picture) == round(time * FPS)
    # Spread over the whole length: one near each fifth.
    assert [int(time // (SECONDS / 5)) for time in times] == [0, 1, 2, 3, 4]


def test_more_thumbnails_than_keyframes_fall_back_to_exact_frames(clip: Path) -> None:
    strip = thumbnails(clip, 20, height=30)
    times = [time for time, _ in strip]
    assert len(strip) == 20 and times == sorted(times) and len(set(times)) == 20
    assert strip[0][1].shape == (30, 40, 3)


def test_rotated_thumbnails(tmp_path: Path) -> None:
    path = make_video(tmp_path / "phone.mp4", seconds=0.5, size=(160, 120), rotation=90)
    assert [picture.shape for _, picture in thumbnails(path, 2, height=80)] == [(80, 60, 3)] * 2


@pytest.mark.timeout(20)
@pytest.mark.parametrize("suffix", ["mkv", "mp4"])
def test_a_truncated_file_shows_its_last_good_frame(tmp_path: Path, suffix: str) -> None:
    # MP4 as phones write it (index first, "faststart"), so half a file still opens.
    whole = make_video(
        tmp_path / f"whole.{suffix}",
        seconds=SECONDS,
        size=(160, 120),
        audio=False,
        gop=10,
        container="matroska" if suffix == "mkv" else None,
    )
    if suffix == "mp4":
        whole = _faststart(whole, tmp_path / "faststart.mp4")
    path = tmp_path / f"half.{suffix}"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with FrameReader(path) as reader:
        last = frame_index_of(reader.frame_at(SECONDS - 0.01))
        assert 10 < last < LAST
        for t in (2.5, 1.0, SECONDS, 0.2, 2.0):
            index = frame_index_of(reader.frame_at(t))
            assert index == min(last, math.floor(t * FPS))
        assert len(thumbnails(path, 4, height=30)) == 4


def _faststart(source: Path, out: Path) -> Path:
    with (
        av.open(str(source)) as src,
        av.open(str(out), "w", options={"movflags": "faststart"}) as dst,
    ):
        stream = dst.add_stream_from_template(src.streams.video[0])
        for packet in src.demux(src.streams.video[0]):
            if packet.size:
                packet.stream = stream
                dst.mux(packet)
    return out


@pytest.mark.timeout(20)
def test_damaged_packets_do_not_raise(tmp_path: Path) -> None:
    path = make_video(tmp_path / "v.mp4", seconds=SECONDS, size=(160, 120), audio=False)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 2000] = bytes(range(256)) * 7 + bytes(208)
    path.write_bytes(bytes(data))
    with FrameReader(path) as reader:
        for t in (0.0, 1.4, 1.6, 2.9, 0.5):
            assert reader.frame_at(t).shape == (120, 160, 3)


def test_a_file_without_decodable_frames_is_corrupt(tmp_path: Path) -> None:
    good = make_video(tmp_path / "v.mp4", seconds=0.5, size=(160, 120), audio=False)
    info = probe_video(good)
    data = bytearray(good.read_bytes())
    # Keep the header and the index, wipe every picture: the container opens, nothing decodes.
    start = data.find(b"mdat") + 4
    end = data.find(b"moov") - 4
    data[start:end] = bytes(end - start)
    broken = tmp_path / "blank.mp4"
    broken.write_bytes(bytes(data))
    with pytest.raises(EditorError) as caught:
        frame_at(broken, 0.2, info=info)
    assert caught.value.code == "video.corrupt"
