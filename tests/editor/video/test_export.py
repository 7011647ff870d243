"""Exporting a video edit: H.264/AAC at 30 fps and the platform size, the right source frame
at every output time, sound as long as the picture (after trims and speed changes, muted, or
from a source without sound), music mixed and faded, cancel, and a plain trim as a stream
copy."""

from __future__ import annotations

import math
from pathlib import Path

import av
import numpy as np
import pytest

from editor.errors import EditorError
from editor.video.audio import SAMPLE_RATE, mix_audio
from editor.video.edit import Clip, Music, VideoEdit
from editor.video.export import ExportResult, export_video
from editor.video.probe import probe_video
from tests.video_samples import frame_index_of, make_audio, make_video

FPS = 30
SOURCE_PITCH = 440.0
MUSIC_PITCH = 660.0


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("export")


@pytest.fixture(scope="module")
def clip(folder: Path) -> Path:
    """4 s at 9:16 (so the as-shot output, 1080×1920, shows the whole picture)."""
    return make_video(folder / "clip.mp4", seconds=4.0, size=(180, 320), pitch=SOURCE_PITCH)


@pytest.fixture(scope="module")
def music(folder: Path) -> Path:
    return make_audio(folder / "music.m4a", seconds=3.0, pitch=MUSIC_PITCH)


@pytest.fixture(scope="module")
def fast_trim(clip: Path, folder: Path) -> ExportResult:
    """Source 0.7–2.3 s at 1.5×: 1.07 s of output, a length no frame or AAC block divides."""
    edit = VideoEdit(clips=(Clip(start=0.7, end=2.3, speed=1.5),))
    return export_video(edit, {"": clip}, folder / "fast.mp4")


def streams(path: Path) -> dict[str, object]:
    """What a player gets from the output: codecs, rate, size, the decoded picture indices and
    sound, and each stream's length as the container states it."""
    with av.open(str(path)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        described = {
            "video_codec": video.codec_context.name,
            "audio_codec": audio.codec_context.name,
            "fps": float(video.average_rate),
            "size": (video.width, video.height),
            "sample_rate": audio.sample_rate,
            "channels": audio.channels,
            "video_seconds": float(video.duration * video.time_base),
            "audio_seconds": float(audio.duration * audio.time_base),
        }
    with av.open(str(path)) as container:
        described["indices"] = [
            frame_index_of(frame.to_ndarray(format="rgb24")) for frame in container.decode(video=0)
        ]
    with av.open(str(path)) as container:
        sound = [frame.to_ndarray() for frame in container.decode(audio=0)]
        described["sound"] = np.concatenate(sound, axis=1)
    return described


def assert_in_step(described: dict[str, object]) -> None:
    """Sound and picture last as long, within one frame, by the container and as decoded."""
    frames = len(described["indices"])  # type: ignore[arg-type]
    sound = described["sound"]
    assert isinstance(sound, np.ndarray)
    assert abs(described["video_seconds"] - described["audio_seconds"]) <= 1 / FPS  # type: ignore[operator]
    assert abs(frames / FPS - sound.shape[1] / SAMPLE_RATE) <= 1 / FPS


def rms(sound: np.ndarray, start: float, end: float) -> float:
    part = sound[0, round(start * SAMPLE_RATE) : round(end * SAMPLE_RATE)]
    return float(np.sqrt(np.mean(part.astype(np.float64) ** 2)))


def clicks(sound: np.ndarray) -> list[float]:
    """When the samples' clicks (a loud frame every whole source second) start, in seconds."""
    loud = np.flatnonzero(np.abs(sound[0]) > 0.8)
    starts = loud[np.r_[True, np.diff(loud) > SAMPLE_RATE // 10]] if len(loud) else loud
    return [float(start) / SAMPLE_RATE for start in starts]


def pitches(sound: np.ndarray, start: float, end: float) -> set[int]:
    """The frequencies (Hz, to the nearest 10) holding at least a fifth of the strongest's
    energy, clicks aside."""
    part = sound[0, round(start * SAMPLE_RATE) : round(end * SAMPLE_RATE)].astype(np.float64)
    spectrum = np.abs(np.fft.rfft(part * np.hanning(len(part))))
    frequencies = np.fft.rfftfreq(len(part), 1 / SAMPLE_RATE)
    strong = frequencies[spectrum >= spectrum.max() / 5]
    return {int(round(f, -1)) for f in strong if f > 50}


def test_export_is_h264_aac_at_30_fps_and_the_platform_size(fast_trim: ExportResult) -> None:
    described = streams(fast_trim.path)
    assert not fast_trim.stream_copy
    assert (fast_trim.width, fast_trim.height) == (1080, 1920) == described["size"]
    assert described["video_codec"] == "h264" and described["audio_codec"] == "aac"
    assert described["fps"] == FPS
    assert described["sample_rate"] == SAMPLE_RATE and described["channels"] == 2
    assert fast_trim.bytes == fast_trim.path.stat().st_size > 0
    assert fast_trim.duration == pytest.approx(1.6 / 1.5, abs=1 / FPS)


def test_each_output_frame_shows_the_source_frame_of_its_time(fast_trim: ExportResult) -> None:
    indices = streams(fast_trim.path)["indices"]
    assert indices == [math.floor((0.7 + n / FPS * 1.5) * FPS + 1e-6) for n in range(32)]


def test_sound_and_picture_end_together_after_a_trim_and_speed_change(
    fast_trim: ExportResult,
) -> None:
    described = streams(fast_trim.path)
    assert_in_step(described)
    sound = described["sound"]
    assert isinstance(sound, np.ndarray)
    # At 1.5× the tone keeps its pitch, and the source's 1 s and 2 s come at (t − 0.7) / 1.5.
    assert pitches(sound, 0.1, 0.6) == {int(SOURCE_PITCH)}
    assert clicks(sound) == pytest.approx([0.2, 1.3 / 1.5], abs=0.02)


def test_double_speed_skips_frames_and_half_speed_repeats_them(clip: Path, folder: Path) -> None:
    edit = VideoEdit(
        clips=(Clip(start=1.0, end=3.0, speed=2.0), Clip(start=0.5, end=0.7, speed=0.5))
    )
    result = export_video(edit, {"": clip}, folder / "speeds.mp4")
    described = streams(result.path)
    assert result.duration == pytest.approx(1.4, abs=1 / FPS)
    indices = described["indices"]
    assert indices[:30] == list(range(30, 90, 2))
    assert indices[30:] == [15 + n // 2 for n in range(12)]
    assert_in_step(described)


def test_a_muted_clip_is_silence_as_long_as_the_picture(clip: Path, folder: Path) -> None:
    edit = VideoEdit(clips=(Clip(start=0.4, end=1.4, mute=True, speed=1.25),))
    described = streams(export_video(edit, {"": clip}, folder / "muted.mp4").path)
    assert_in_step(described)
    sound = described["sound"]
    assert isinstance(sound, np.ndarray)
    assert np.abs(sound).max() < 1e-3


def test_a_source_without_sound_gets_a_silent_track(folder: Path) -> None:
    silent = make_video(folder / "silent.mp4", seconds=1.0, size=(180, 320), audio=False)
    edit = VideoEdit(clips=(Clip(end=0.8),), frame=None, original_volume=0.5)
    described = streams(export_video(edit, {"": silent}, folder / "from_silent.mp4").path)
    assert_in_step(described)
    sound = described["sound"]
    assert isinstance(sound, np.ndarray)
    assert sound.shape[1] == pytest.approx(0.8 * SAMPLE_RATE, abs=SAMPLE_RATE / FPS)
    assert np.abs(sound).max() < 1e-3


def test_music_is_mixed_under_the_sound_and_faded(clip: Path, music: Path, folder: Path) -> None:
    edit = VideoEdit(
        clips=(Clip(start=0.0, end=2.0, mute=True),),
        music=Music("song", offset=0.25, volume=1.0, fade_in=0.5, fade_out=0.5),
    )
    result = export_video(edit, {"": clip, "song": music}, folder / "music.mp4")
    described = streams(result.path)
    assert_in_step(described)
    sound = described["sound"]
    assert isinstance(sound, np.ndarray)
    assert pitches(sound, 0.8, 1.2) == {int(MUSIC_PITCH)}
    # The music's tone has an RMS of 0.21; faded in from silence and out to silence.
    assert rms(sound, 0.0, 0.02) < 0.02
    assert rms(sound, 0.8, 0.95) == pytest.approx(0.3 / math.sqrt(2), rel=0.1)
    assert rms(sound, 1.98, 2.0) < 0.02


def test_the_mix_holds_both_the_clip_and_the_music(clip: Path, music: Path) -> None:
    edit = VideoEdit(
        clips=(Clip(start=1.2, end=2.2),),
        music=Music("song", volume=1.0),
        original_volume=1.0,
    )
    durations = {"": probe_video(clip).duration}
    sound = np.concatenate(list(mix_audio(edit, {"": clip, "song": music}, durations)), axis=1)
    assert sound.shape == (2, SAMPLE_RATE)
    assert pitches(sound, 0.1, 0.7) == {int(SOURCE_PITCH), int(MUSIC_PITCH)}
    assert np.abs(sound).max() <= 1.0  # clicks of both add up past 1 and are clipped
    quiet = VideoEdit(clips=edit.clips, music=edit.music, original_volume=0.0)
    alone = np.concatenate(list(mix_audio(quiet, {"": clip, "song": music}, durations)), axis=1)
    assert pitches(alone, 0.1, 0.7) == {int(MUSIC_PITCH)}


def test_the_sound_has_exactly_the_samples_of_the_timeline(clip: Path, folder: Path) -> None:
    silent = make_video(folder / "mute.mp4", seconds=1.0, size=(90, 160), audio=False)
    edit = VideoEdit(
        clips=(
            Clip(start=0.11, end=1.37, speed=1.5),
            Clip("silent", start=0.2, end=0.9, speed=0.75),
            Clip(start=2.0, end=2.3, speed=0.5),
        )
    )
    sources = {"": clip, "silent": silent}
    durations = {"": probe_video(clip).duration, "silent": probe_video(silent).duration}
    blocks = list(mix_audio(edit, sources, durations, block=1000))
    assert all(block.shape[0] == 2 and block.shape[1] <= 1000 for block in blocks)
    sound = np.concatenate(blocks, axis=1)
    assert sound.shape[1] == round(edit.duration(durations) * SAMPLE_RATE)
    # The silent source's clip is silence, between the other two.
    first_end = round(1.26 / 1.5 * SAMPLE_RATE)
    second_end = first_end + round(0.7 / 0.75 * SAMPLE_RATE)
    assert rms(sound, 0.1, first_end / SAMPLE_RATE - 0.05) > 0.15
    assert np.abs(sound[:, first_end + 10 : second_end - 10]).max() == 0.0
    assert rms(sound, second_end / SAMPLE_RATE + 0.05, sound.shape[1] / SAMPLE_RATE) > 0.15


def test_cancel_stops_the_export_and_leaves_no_file(clip: Path, tmp_path: Path) -> None:
    polls = iter(range(1000))
    edit = VideoEdit(clips=(Clip(start=0.0, end=3.0, speed=0.5),))
    with pytest.raises(EditorError) as raised:
        export_video(edit, {"": clip}, tmp_path / "out.mp4", cancelled=lambda: next(polls) >= 5)
    assert raised.value.code == "video.cancelled"
    assert list(tmp_path.iterdir()) == []


def test_progress_rises_to_one_by_output_frames(clip: Path, tmp_path: Path) -> None:
    seen: list[float] = []
    edit = VideoEdit(clips=(Clip(start=0.0, end=0.5),), original_volume=0.8)
    export_video(edit, {"": clip}, tmp_path / "out.mp4", progress=seen.append)
    assert seen == sorted(seen) and seen[0] == 0.0 and seen[-1] == 1.0
    assert len(seen) == 15 + 1


def test_a_plain_trim_is_a_stream_copy(clip: Path, tmp_path: Path) -> None:
    edit = VideoEdit(clips=(Clip(start=1.0, end=3.0),))
    result = export_video(edit, {"": clip}, tmp_path / "trim.mp4")
    assert result.stream_copy
    assert (result.width, result.height) == (180, 320)  # as shot: the packets are copied
    assert result.duration == pytest.approx(2.0, abs=1 / FPS)
    assert probe_video(result.path).video_codec == "h264"


def test_a_trim_of_a_video_mp4_cannot_hold_is_encoded(tmp_path: Path) -> None:
    """A browser's or screen recorder's WebM (VP8/Opus) cannot be copied into an MP4."""
    webm = make_video(tmp_path / "screen.webm", seconds=2.0, codec="libvpx", container="webm")
    edit = VideoEdit(clips=(Clip(start=0.5, end=1.5),))
    result = export_video(edit, {"": webm}, tmp_path / "trim.mp4")
    assert not result.stream_copy
    info = probe_video(result.path)
    assert (info.video_codec, info.audio_codec) == ("h264", "aac")
    assert info.duration == pytest.approx(1.0, abs=1 / FPS)


@pytest.mark.parametrize(
    ("edit", "sources", "code"),
    [
        (VideoEdit(clips=(Clip("other"),)), {"": "clip"}, "video.source_missing"),
        (VideoEdit(clips=(Clip(start=5.0, speed=2.0),)), {"": "clip"}, "video.empty_timeline"),
        (VideoEdit(clips=(Clip(speed=2.0),)), {"": "text"}, "video.unsupported_format"),
        (
            VideoEdit(clips=(Clip(speed=2.0),), music=Music("song")),
            {"": "clip", "song": "text"},
            "audio.unsupported_format",
        ),
    ],
)
def test_refusals_before_anything_is_written(
    edit: VideoEdit, sources: dict[str, str], code: str, clip: Path, tmp_path: Path
) -> None:
    text = tmp_path / "notes.mp4"
    text.write_text("not a video")
    files = {"clip": clip, "text": text}
    with pytest.raises(EditorError) as raised:
        export_video(edit, {key: files[name] for key, name in sources.items()}, tmp_path / "o.mp4")
    assert raised.value.code == code
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.mp4"]


def test_an_encode_cannot_go_into_webm(clip: Path, tmp_path: Path) -> None:
    edit = VideoEdit(clips=(Clip(speed=2.0),))
    with pytest.raises(EditorError) as raised:
        export_video(edit, {"": clip}, tmp_path / "out.webm")
    assert raised.value.code == "video.export_format"


def test_a_rotated_phone_video_is_exported_upright(folder: Path) -> None:
    # Stored 320×180 with "turn 90°" in its display matrix: shown 180×320, upright.
    turned = make_video(folder / "turned.mp4", seconds=0.5, size=(320, 180), rotation=90)
    result = export_video(VideoEdit(clips=(Clip(speed=2.0),)), {"": turned}, folder / "up.mp4")
    assert (result.width, result.height) == (1080, 1920)
    with av.open(str(result.path)) as container:
        pictures = [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]
    # Turned back the way it was stored, each frame shows its index in the top band.
    assert [frame_index_of(np.rot90(p, -1)) for p in pictures] == list(range(0, 15, 2))


@pytest.mark.timeout(30)
def test_a_truncated_source_exports_what_it_holds(tmp_path: Path) -> None:
    # Matroska keeps its header first, so a cut file still probes as 4 s long.
    whole = make_video(tmp_path / "whole.mkv", seconds=4.0, size=(180, 320), container="matroska")
    data = whole.read_bytes()
    cut = tmp_path / "cut.mkv"
    cut.write_bytes(data[: len(data) * 2 // 3])
    edit = VideoEdit(clips=(Clip(start=0.5, end=3.5, speed=2.0),))
    described = streams(export_video(edit, {"": cut}, tmp_path / "out.mp4").path)
    assert_in_step(described)
    indices = described["indices"]
    assert isinstance(indices, list) and len(indices) == 45
    # The picture stops at the last frame that decodes; the sound goes silent.
    assert indices[:10] == list(range(15, 35, 2)) and indices[-1] == indices[-5] < 90
    sound = described["sound"]
    assert isinstance(sound, np.ndarray)
    assert rms(sound, 0.1, 0.4) > 0.1 and rms(sound, 1.3, 1.5) < 1e-3
