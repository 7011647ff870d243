"""The video gate on real files: what it reads from each container, and how it refuses audio,
empty, zero-length, truncated and fake videos (a clear code each, never a hang)."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import numpy as np
import pytest

from editor.errors import EditorError
from editor.video.frames import frame_at
from editor.video.probe import probe_video
from tests.video_samples import frame_index_of, make_audio, make_video

SIZE = (160, 120)


@pytest.mark.parametrize(
    ("name", "container", "codec", "audio_codec", "mime"),
    [
        ("v.mp4", None, "libx264", "aac", "video/mp4"),
        ("v.mov", "mov", "libx264", "aac", "video/quicktime"),
        ("v.mkv", "matroska", "libx264", "aac", "video/x-matroska"),
        ("v.webm", "webm", "libvpx-vp9", "opus", "video/webm"),
    ],
)
def test_probe_reads_each_container(
    tmp_path: Path, name: str, container: str | None, codec: str, audio_codec: str, mime: str
) -> None:
    path = make_video(tmp_path / name, seconds=1.0, size=SIZE, container=container, codec=codec)
    info = probe_video(path)
    assert info.format == name.split(".")[1]
    assert info.mime == mime
    assert info.duration == pytest.approx(1.0, abs=0.05)
    assert info.fps == pytest.approx(30)
    assert (info.width, info.height, info.rotation) == (160, 120, 0)
    assert info.video_codec == ("vp9" if codec == "libvpx-vp9" else "h264")
    assert (info.has_audio, info.audio_codec) == (True, audio_codec)
    assert (info.sample_rate, info.channels) == (48_000, 2)
    assert info.bytes == path.stat().st_size


def test_probe_without_sound(tmp_path: Path) -> None:
    info = probe_video(make_video(tmp_path / "mute.mp4", seconds=0.5, size=SIZE, audio=False))
    assert (info.has_audio, info.audio_codec, info.sample_rate, info.channels) == (
        False,
        None,
        None,
        None,
    )


def test_an_odd_size_is_kept(tmp_path: Path) -> None:
    # x264 needs even sides in 4:2:0; VP9 does not, so the odd sample is a WebM.
    path = make_video(
        tmp_path / "odd.webm", seconds=0.5, size=(321, 241), container="webm", codec="libvpx-vp9"
    )
    info = probe_video(path)
    assert (info.width, info.height) == (321, 241)
    picture = frame_at(path, 0.2, info=info)
    assert picture.shape == (241, 321, 3)
    assert frame_index_of(picture) == 6


@pytest.mark.parametrize("rotation", [90, 270])
def test_a_rotated_video_is_measured_and_shown_upright(tmp_path: Path, rotation: int) -> None:
    path = make_video(tmp_path / "phone.mp4", seconds=0.5, size=SIZE, rotation=rotation)
    info = probe_video(path)
    assert (info.width, info.height, info.rotation) == (120, 160, rotation)
    picture = frame_at(path, 0.3, info=info)
    assert picture.shape == (160, 120, 3)
    # Turning the shown picture back by the display rotation (counter-clockwise degrees)
    # gives the stored one, whose index band reads right only in that orientation.
    assert frame_index_of(np.rot90(picture, -rotation // 90)) == 9


def test_audio_only_is_not_a_video(tmp_path: Path) -> None:
    with pytest.raises(EditorError) as caught:
        probe_video(make_audio(tmp_path / "sound.m4a", seconds=0.5))
    assert caught.value.code == "video.no_video"


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def test_an_mp4_without_streams_has_no_video(tmp_path: Path) -> None:
    movie_header = _box(
        b"mvhd",
        bytes(12)
        + struct.pack(">II", 1000, 0)  # time scale, duration
        + struct.pack(">IH", 0x10000, 0x100)  # rate, volume
        + bytes(10)
        + struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
        + bytes(24)
        + struct.pack(">I", 1),
    )
    path = tmp_path / "empty.mp4"
    path.write_bytes(_box(b"ftyp", b"isom" + bytes(4) + b"isom") + _box(b"moov", movie_header))
    with pytest.raises(EditorError) as caught:
        probe_video(path)
    assert caught.value.code == "video.no_video"


_CONTAINER_BOXES = {b"moov", b"trak", b"mdia", b"minf", b"stbl"}
# Where each box keeps its sample count or duration, from the start of its payload.
_ZEROED_FIELDS = {b"stts": 4, b"stss": 4, b"stsc": 4, b"stco": 4, b"stsz": 8}
_ZEROED_FIELDS |= {b"mvhd": 16, b"tkhd": 20, b"mdhd": 16}


def _emptied_tracks(data: bytearray, start: int = 0, end: int | None = None) -> bytearray:
    """An MP4 whose tracks are kept but hold no samples and last no time (FFmpeg itself drops
    an empty track when writing, so such a file has to be made by hand)."""
    end = len(data) if end is None else end
    at = start
    while at + 8 <= end:
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        if kind in _CONTAINER_BOXES:
            _emptied_tracks(data, at + 8, at + size)
        elif kind in _ZEROED_FIELDS:
            field = at + 8 + _ZEROED_FIELDS[kind]
            data[field : field + 4] = bytes(4)
        at += size
    return data


def test_a_video_track_without_frames_has_zero_duration(tmp_path: Path) -> None:
    source = make_video(tmp_path / "v.mp4", seconds=0.2, size=SIZE, audio=False)
    path = tmp_path / "no_frames.mp4"
    path.write_bytes(_emptied_tracks(bytearray(source.read_bytes())))
    with pytest.raises(EditorError) as caught:
        probe_video(path)
    assert caught.value.code == "video.zero_duration"


@pytest.mark.timeout(20)
def test_a_truncated_mp4_is_refused_as_corrupt(tmp_path: Path) -> None:
    # FFmpeg writes the index (moov) last, so the first half has pictures but no index.
    data = make_video(tmp_path / "v.mp4", seconds=1.0, size=SIZE).read_bytes()
    path = tmp_path / "half.mp4"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(EditorError) as caught:
        probe_video(path)
    assert caught.value.code == "video.corrupt"


@pytest.mark.timeout(20)
def test_a_truncated_matroska_probes(tmp_path: Path) -> None:
    data = make_video(tmp_path / "v.mkv", seconds=1.0, size=SIZE, container="matroska")
    path = tmp_path / "half.mkv"
    path.write_bytes(data.read_bytes()[: data.stat().st_size // 2])
    info = probe_video(path)
    assert 0 < info.duration <= 1.05
    assert (info.width, info.height) == SIZE


def test_a_text_file_named_mp4_is_not_a_video(tmp_path: Path) -> None:
    path = tmp_path / "notes.mp4"
    path.write_text("these are not the frames you are looking for\n" * 4)
    with pytest.raises(EditorError) as caught:
        probe_video(path)
    assert caught.value.code == "video.unsupported_format"


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.mp4"
    path.touch()
    with pytest.raises(EditorError) as caught:
        probe_video(path)
    assert caught.value.code == "file.empty"


@pytest.mark.timeout(20)
@pytest.mark.parametrize("kind", ["fifo", "directory"])
def test_a_fifo_or_directory_is_not_a_regular_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "clip.mp4"
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this system")
        os.mkfifo(path)  # opening it would wait forever for a writer
    else:
        path.mkdir()
    with pytest.raises(EditorError) as caught:
        probe_video(path)
    assert (caught.value.code, caught.value.params) == ("file.not_regular", {"kind": kind})
