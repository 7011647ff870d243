"""`python main.py video probe|trim|export`: real processes, real files, one line on failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from editor.video.probe import probe_video
from tests.video_samples import make_audio, make_video

ROOT = Path(__file__).resolve().parents[3]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "video", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    return make_video(folder / "phone.mp4", seconds=4.0, size=(360, 640), gop=15)


def test_probe_prints_json(clip: Path) -> None:
    done = _run("probe", str(clip))
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert (info["width"], info["height"], info["has_audio"]) == (360, 640, True)
    assert info["duration"] == pytest.approx(4.0, abs=0.05)


def test_probe_refuses_a_text_file_in_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "notes.mp4"
    fake.write_text("not a video at all\n")
    done = _run("probe", str(fake))
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert done.stderr.strip().endswith("[video.unsupported_format]")


def test_trim_is_a_stream_copy_from_the_keyframe(clip: Path, tmp_path: Path) -> None:
    out = tmp_path / "cut.mp4"
    done = _run("trim", str(clip), "--start", "1.2", "--end", "3.0", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "stream copy" in done.stdout and "keyframe at 1.000" in done.stdout
    assert probe_video(out).duration == pytest.approx(2.0, abs=0.1)


def test_export_renders_the_recipe_with_music(clip: Path, tmp_path: Path) -> None:
    recipe = tmp_path / "edit.json"
    recipe.write_text(
        json.dumps(
            {
                "version": 1,
                "clips": [{"start": 0.5, "end": 2.5}],
                "frame": {"aspect": "3:4"},
                "look": {"version": 1, "filter": {"id": "builtin:film", "strength": 80}},
                "overlays": [{"start": 0, "end": 1, "layer": {"type": "text", "text": "周末"}}],
            }
        ),
        encoding="utf-8",
    )
    music = make_audio(tmp_path / "song.m4a", seconds=5.0)
    out = tmp_path / "out.mp4"
    done = _run("export", str(clip), "--recipe", str(recipe), "--music", str(music), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "H.264/AAC" in done.stdout
    info = probe_video(out)
    assert (info.width, info.height, info.video_codec, info.audio_codec) == (
        1080,
        1440,
        "h264",
        "aac",
    )
    assert info.duration == pytest.approx(2.0, abs=0.05)


def test_export_refuses_a_bad_recipe_and_a_missing_source(clip: Path, tmp_path: Path) -> None:
    recipe = tmp_path / "edit.json"
    recipe.write_text('{"clips": [{"speed": "fast"}]}', encoding="utf-8")
    done = _run("export", str(clip), "--recipe", str(recipe), "-o", str(tmp_path / "x.mp4"))
    assert done.returncode == 1
    assert "[recipe.invalid]" in done.stderr and "clips[0].speed" in done.stderr
    recipe.write_text('{"clips": [{"source": "intro"}]}', encoding="utf-8")
    done = _run("export", str(clip), "--recipe", str(recipe), "-o", str(tmp_path / "x.mp4"))
    assert done.returncode == 1 and "[video.source_missing]" in done.stderr
    done = _run("export", str(clip), "--recipe", str(recipe), "--source", "nokey", "-o", "x.mp4")
    assert done.returncode == 2
    assert not (tmp_path / "x.mp4").exists()
