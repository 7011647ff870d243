"""Cover candidates: sharp, well-exposed frames, spread out, found in bounded time."""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from editor.errors import EditorError
from editor.video import cover
from editor.video.cover import CoverCandidate, cover_candidates, face_placement
from editor.video.frames import frame_at
from editor.video.probe import probe_video
from tests.video_samples import frame_index_of, make_audio, make_video

SIZE = (320, 240)


def scene(width: int = SIZE[0], height: int = SIZE[1]) -> np.ndarray:
    """A detailed, colourful, well-exposed picture: fine grey texture (the detail) over broad
    shapes (the colour, which a blur hardly changes)."""
    rng = np.random.default_rng(7)
    texture = rng.integers(0, 256, (height // 4, width // 4, 1), dtype=np.uint8)
    picture = cv2.resize(np.repeat(texture, 3, axis=2), (width, height), interpolation=0)
    picture = (picture.astype(np.float32) * 0.4 + 70).astype(np.uint8)
    cv2.circle(picture, (width // 3, height // 2), height // 4, (250, 215, 60), -1)
    cv2.rectangle(picture, (width * 2 // 3, 0), (width, height // 2), (40, 90, 220), -1)
    return picture


def blurred(picture: np.ndarray) -> np.ndarray:
    return cv2.GaussianBlur(picture, (0, 0), 6)


def dark(picture: np.ndarray) -> np.ndarray:
    return (picture * 0.06).astype(np.uint8)


def dim(picture: np.ndarray) -> np.ndarray:
    return (picture * 0.45).astype(np.uint8)


def washed_out(picture: np.ndarray) -> np.ndarray:
    return np.clip(picture * 0.05 + 245, 0, 255).astype(np.uint8)


def faded(picture: np.ndarray) -> np.ndarray:
    """Halfway through a dissolve to grey: almost no contrast left."""
    return (picture * 0.08 + 110).astype(np.uint8)


def write_video(path: Path, pictures: list[np.ndarray], *, fps: int = 10, gop: int = 5) -> Path:
    height, width = pictures[0].shape[:2]
    with av.open(str(path), mode="w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.codec_context.gop_size = gop
        stream.options = {"preset": "ultrafast", "crf": "16"}
        for index, picture in enumerate(pictures):
            frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
            frame.pts = index
            frame.time_base = Fraction(1, fps)
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    return path


# One second each, at 10 fps: only seconds 1, 3 and 5 are fit to be a cover.
SECONDS = [blurred, None, dark, None, washed_out, None, faded]
SHARP_SECONDS = {1, 3, 5}


def seconds_video(path: Path, seconds: list) -> Path:
    """A video of one-second parts at 10 fps, each the scene (None) or a spoilt copy of it."""
    base = scene()
    pictures = []
    for spoil in seconds:
        for index in range(10):
            moved = np.roll(base, index * 3, axis=1)  # a slow pan, so frames differ
            pictures.append(moved if spoil is None else spoil(moved))
    return write_video(path, pictures)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seconds_video(tmp_path_factory.mktemp("cover") / "mixed.mp4", SECONDS)


def seconds_of(candidates: list[CoverCandidate]) -> set[int]:
    return {math.floor(candidate.time + 1e-6) for candidate in candidates}


def test_candidates_are_the_sharp_well_exposed_frames(mixed: Path) -> None:
    candidates = cover_candidates(mixed, count=3)
    assert len(candidates) == 3
    assert seconds_of(candidates) == SHARP_SECONDS
    assert [c.time for c in candidates] == sorted(c.time for c in candidates)
    for candidate in candidates:
        assert 0.0 <= candidate.score <= 1.0
        assert candidate.sharpness > 0.7 and candidate.exposure > 0.5 and candidate.faces == 0


@pytest.mark.parametrize(
    ("spoil", "measure"), [(blurred, "sharpness"), (dim, "exposure")], ids=["blur", "dim"]
)
def test_spoilt_frames_rank_below_good_ones(tmp_path: Path, spoil, measure: str) -> None:
    """When there is room for them, soft or dim frames are offered, but well below the good
    ones and with the measure that tells why."""
    path = seconds_video(tmp_path / "two.mp4", [spoil, None])
    candidates = cover_candidates(path, count=6)
    good = [c for c in candidates if c.time >= 1.0]
    spoilt = [c for c in candidates if c.time < 1.0]
    assert good and spoilt
    assert max(getattr(c, measure) for c in spoilt) < min(getattr(c, measure) for c in good)
    assert min(c.score for c in good) - max(c.score for c in spoilt) > 0.2


def test_a_span_the_budget_covers_is_sampled_frame_by_frame(mixed: Path) -> None:
    info = probe_video(mixed)
    times = [t for t, _picture in cover._samples(mixed, info, 0.0, info.duration)]
    assert len(times) == 60 and times == sorted(set(times))


def test_a_long_span_is_sampled_at_keyframes(mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond the decoding budget, each sample is a keyframe (every half second here), once:
    one decoded frame each, and the good seconds are still found."""
    monkeypatch.setattr(cover, "_PIXEL_BUDGET", 10 * SIZE[0] * SIZE[1])
    info = probe_video(mixed)
    times = [t for t, _picture in cover._samples(mixed, info, 0.0, info.duration)]
    assert times == pytest.approx([i / 2 for i in range(14)])
    assert seconds_of(cover_candidates(mixed, count=3, info=info)) == SHARP_SECONDS


def test_dark_bright_and_flat_frames_are_never_offered_beside_good_ones(tmp_path: Path) -> None:
    path = seconds_video(tmp_path / "bad.mp4", [dark, washed_out, faded, None])
    candidates = cover_candidates(path, count=6)
    assert candidates and seconds_of(candidates) == {3}


def test_all_frames_bad_still_gives_a_cover(tmp_path: Path) -> None:
    pictures = [dark(np.roll(scene(), i, axis=1)) for i in range(20)]
    candidates = cover_candidates(write_video(tmp_path / "night.mp4", pictures), count=2)
    assert len(candidates) == 2


def test_count_and_spacing(tmp_path: Path) -> None:
    path = make_video(tmp_path / "six.mp4", seconds=6.0, audio=False)
    candidates = cover_candidates(path)
    assert len(candidates) == 6
    times = [c.time for c in candidates]
    assert times == sorted(times)
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 6.0 / 12 - 1e-9
    assert len(cover_candidates(path, count=2)) == 2


def test_candidate_time_is_the_frame_scored(tmp_path: Path) -> None:
    """`frame_at(time)` shows the very frame that was judged (the same clock as H1's)."""
    path = make_video(tmp_path / "indexed.mp4", seconds=3.0, size=(320, 240), audio=False)
    for candidate in cover_candidates(path, count=4):
        index = round(candidate.time * 30)
        assert candidate.time == pytest.approx(index / 30, abs=1e-3)
        assert frame_index_of(frame_at(path, candidate.time)) == index


def test_span_limits_where_candidates_come_from(mixed: Path) -> None:
    candidates = cover_candidates(mixed, count=6, span=(2.5, 4.5))
    assert candidates
    assert all(2.5 <= c.time <= 4.5 for c in candidates)
    assert seconds_of(candidates) == {3}
    # A span outside the video is clamped to it.
    assert all(c.time <= 7.0 for c in cover_candidates(mixed, span=(6.5, 99.0)))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"seconds": 1.0},
        {"seconds": 0.2, "size": (322, 182)},
        {"seconds": 1.0, "rotation": 90},
        {"seconds": 1.0, "codec": "libvpx-vp9", "container": "webm"},
    ],
    ids=["one-second", "unusual-size-short", "rotated", "vp9"],
)
def test_short_and_unusual_videos_work(tmp_path: Path, kwargs: dict) -> None:
    path = make_video(tmp_path / f"v.{kwargs.get('container', 'mp4')}", **kwargs)
    info = probe_video(path)
    candidates = cover_candidates(path, info=info)
    assert 1 <= len(candidates) <= 6
    assert all(0 <= c.time <= info.duration for c in candidates)


def test_samples_are_small_and_upright(tmp_path: Path) -> None:
    path = make_video(tmp_path / "tall.mp4", seconds=0.5, size=(640, 480), rotation=90)
    info = probe_video(path)
    samples = cover._samples(path, info, 0.0, info.duration)
    assert samples and {picture.shape for _, picture in samples} == {(360, 270, 3)}


def test_refused_files_raise_the_gate_codes(tmp_path: Path) -> None:
    text = tmp_path / "notes.mp4"
    text.write_text("not a video at all\n" * 20)
    audio = make_audio(tmp_path / "music.m4a")
    video = make_video(tmp_path / "cut.mp4", seconds=1.0)
    truncated = tmp_path / "truncated.mp4"
    truncated.write_bytes(video.read_bytes()[: video.stat().st_size // 2])
    for path, code in [
        (text, "video.unsupported_format"),
        (audio, "video.no_video"),
        (truncated, "video.corrupt"),
        (tmp_path / "missing.mp4", "file.not_found"),
    ]:
        with pytest.raises(EditorError) as caught:
            cover_candidates(path)
        assert caught.value.code == code, path


def test_damaged_picture_data_gives_what_decodes(tmp_path: Path, mixed: Path) -> None:
    info = probe_video(mixed)
    data = bytearray(mixed.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4000] = bytes(range(256)) * 15 + bytes(160)
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(bytes(data))
    candidates = cover_candidates(damaged, info=info, count=3)
    assert all(0 <= c.time <= info.duration for c in candidates)


def test_face_placement_rewards_a_face_on_a_thirds_point() -> None:
    width, height = 300, 400
    assert face_placement([], width, height) == 0.0
    assert face_placement([(10, 10, 5, 5)], width, height) == 0.0  # a face in the crowd
    on_third = face_placement([(100 - 30, 133 - 30, 60, 60)], width, height)
    high_centre = face_placement([(150 - 30, 133 - 30, 60, 60)], width, height)
    in_corner = face_placement([(0, 340, 60, 60)], width, height)
    assert on_third == pytest.approx(1.0, abs=0.01)
    assert high_centre == pytest.approx(1.0, abs=0.01)
    assert in_corner == 0.5
    # The biggest face is the subject.
    assert face_placement([(0, 340, 60, 60), (70, 103, 50, 50)], width, height) == 0.5


def with_face(picture: np.ndarray) -> np.ndarray:
    """A drawn face (skin, hair, brows, eyes, nose, mouth) centred on the upper-left thirds
    point; plain enough, but OpenCV's frontal-face cascade finds it."""
    out = picture.copy()
    height, width = out.shape[:2]
    cx, cy, s = width // 3, height // 3, int(height * 0.4)

    def oval(dx: float, dy: float, rx: float, ry: float, colour: tuple, half: bool = False):
        centre = (cx + int(dx * s), cy + int(dy * s))
        axes = (int(rx * s), int(ry * s))
        cv2.ellipse(out, centre, axes, 0, 180 if half else 0, 360, colour, -1)

    oval(0, 0, 0.42, 0.55, (200, 160, 140))
    for side in (-1, 1):
        oval(side * 0.18, -0.2, 0.11, 0.025, (60, 40, 30))
        oval(side * 0.18, -0.1, 0.08, 0.04, (40, 30, 30))
    oval(0, 0.08, 0.05, 0.1, (170, 130, 110))
    oval(0, 0.28, 0.15, 0.04, (120, 50, 50))
    oval(0, -0.45, 0.45, 0.2, (30, 20, 20), half=True)
    return out


def test_a_face_on_a_thirds_point_is_found_and_preferred(tmp_path: Path) -> None:
    path = seconds_video(tmp_path / "face.mp4", [None, with_face])
    candidates = cover_candidates(path, count=6)
    plain = [c for c in candidates if c.time < 1.0]
    faced = [c for c in candidates if c.time >= 1.0]
    assert plain and faced
    assert {c.faces for c in plain} == {0} and {c.faces for c in faced} == {1}
    assert min(c.score for c in faced) - max(c.score for c in plain) > 0.1


def test_no_faces_in_a_gradient(tmp_path: Path) -> None:
    path = make_video(tmp_path / "gradient.mp4", seconds=1.0, audio=False)
    assert all(c.faces == 0 for c in cover_candidates(path))


def test_info_of_another_file_is_not_trusted(tmp_path: Path) -> None:
    info = probe_video(make_video(tmp_path / "real.mp4", seconds=1.0))
    for path, code in [
        (make_audio(tmp_path / "music.m4a"), "video.no_video"),
        (tmp_path / "gone.mp4", "video.corrupt"),
    ]:
        with pytest.raises(EditorError) as caught:
            cover_candidates(path, info=info)
        assert caught.value.code == code
