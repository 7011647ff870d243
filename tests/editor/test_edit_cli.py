"""``python main.py edit``: one line per file, carries on after bad files, exit 0/1/2, bounded
memory, never overwrites, refuses bad usage in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import ExifTags, Image, ImageOps

from tests.editor.media import BLUE, RED, encode, halves, png_claiming
from tests.editor.test_render import photo

ROOT = Path(__file__).resolve().parents[2]
GIB = 1024**3


@dataclass
class Run:
    code: int
    out: str
    err: str
    peak_bytes: int

    def line_for(self, name: str) -> str:
        lines = [line for line in self.out.splitlines() if line.startswith(f"{name}: ")]
        assert len(lines) == 1, self.out
        return lines[0]


_MEASURED = """
import os, resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""
"""Runs the command as the child of a fresh, small interpreter and notes its peak memory. Not
forked from the test process itself: a forked child's peak starts at its parent's size, and a
pytest worker that has run other tests (a search index, a browser) is far larger than the
command."""


def edit(*args: str | Path, cwd: Path) -> Run:
    """Run the command in a child process and measure that child's peak memory."""
    out_path, err_path, peak_path = cwd / ".stdout", cwd / ".stderr", cwd / ".peak"
    command = [sys.executable, str(ROOT / "main.py"), "edit", *map(str, args)]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        code = subprocess.call(
            [sys.executable, "-c", _MEASURED, str(peak_path), *command],
            cwd=cwd,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
        )
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    peak = int(peak_path.read_text()) * (1 if sys.platform == "darwin" else 1024)
    return Run(
        code,
        out_path.read_text(encoding="utf-8"),
        err_path.read_text(encoding="utf-8"),
        peak,
    )


def read_image(path: Path) -> Image.Image:
    """The image at `path`, loaded, with its file closed."""
    with Image.open(path) as image:
        return ImageOps.exif_transpose(image).convert("RGB")


def write_recipe(folder: Path, document: object) -> Path:
    path = folder / "recipe.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


RECIPE = {
    "adjust": {"exposure": 0.2, "contrast": 10, "sharpness": 20, "vignette": -20},
    "filter": {"id": "builtin:cream", "strength": 60},
}


def rgb_jpeg(width: int, height: int) -> bytes:
    return encode(Image.fromarray(photo(width, height)), "JPEG", quality=90)


def oriented(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    return encode(halves((80, 40), RED, BLUE), "JPEG", quality=95, exif=exif)


def hostile_and_odd_files(folder: Path) -> dict[str, str | None]:
    """Write the files; map each name to the error code expected, None for success."""
    frames = [Image.new("RGB", (40, 30), colour) for colour in (RED, BLUE, (0, 255, 0))]
    gif = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100)
    webp = encode(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100)
    palette = Image.new("P", (30, 20), 0)
    palette.putpalette([0, 0, 0, *RED])
    palette.paste(1, (0, 0, 15, 20))
    files: dict[str, tuple[bytes, str | None]] = {
        "good.jpg": (rgb_jpeg(3000, 2000), None),
        "still.png": (encode(Image.fromarray(photo(300, 200)), "PNG"), None),
        "empty.jpg": (b"", "file.empty"),
        "page.jpg": (b"<!DOCTYPE html><html><body>hi</body></html>", "image.unsupported_format"),
        "notes.jpg": (b"just some text\n" * 20, "image.unsupported_format"),
        "truncated.jpg": (rgb_jpeg(400, 300)[:3000], "image.corrupt"),
        "huge.png": (png_claiming(30000, 30000), "image.too_many_pixels"),
        "drawing.eps": (
            b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 9 9\n",
            "image.unsupported_format",
        ),
        "deep.png": (encode(Image.fromarray(np.full((20, 30), 40000, np.uint16)), "PNG"), None),
        "cmyk.jpg": (encode(Image.new("CMYK", (30, 20), (0, 255, 255, 0)), "JPEG"), None),
        "moving.gif": (gif, "image.unsupported_format"),
        "moving.webp": (webp, None),
        "palette.png": (encode(palette, "PNG", transparency=0), None),
    }
    for orientation in range(1, 9):
        files[f"turned-{orientation}.jpg"] = (oriented(orientation), None)
    expected: dict[str, str | None] = {}
    for name, (data, code) in files.items():
        (folder / name).write_bytes(data)
        expected[name] = code
    os.mkfifo(folder / "pipe.jpg")
    expected["pipe.jpg"] = "file.not_regular"
    expected["missing.jpg"] = "file.not_found"
    return expected


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX only")
def test_a_folder_of_hostile_files_is_reported_file_by_file(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    expected = hostile_and_odd_files(inputs)
    recipe = write_recipe(tmp_path, RECIPE)
    run = edit(
        *[f"in/{name}" for name in expected], "--recipe", recipe, "--out", "out", cwd=tmp_path
    )
    assert run.code == 1, run.err
    assert len(run.out.splitlines()) == len(expected)
    for name, code in expected.items():
        line = run.line_for(f"in/{name}")
        if code is None:
            assert line.startswith(f"in/{name}: wrote out/"), line
        else:
            assert line.endswith(f"[{code}]"), line
            assert "failed: " in line and len(line.split("failed: ")[1]) > len(code) + 10
    written = {path.name for path in (tmp_path / "out").iterdir()}
    good = {Path(name).stem + ".jpg" for name, code in expected.items() if code is None}
    assert written == good
    assert run.peak_bytes < GIB
    # A 3:2 photo is not a platform ratio: short side 1080.
    assert read_image(tmp_path / "out" / "good.jpg").size == (1620, 1080)
    # An animated WebP renders its first frame (red), not a later one.
    first = np.asarray(read_image(tmp_path / "out" / "moving.jpg"), dtype=int)[15, 20]
    assert first[0] > 150 and first[1] < 100 and first[2] < 100, first
    for orientation in range(1, 9):
        source = read_image(inputs / f"turned-{orientation}.jpg")
        result = read_image(tmp_path / "out" / f"turned-{orientation}.jpg")
        assert result.size == source.size
        # The recipe changes the colours, not which half is red and which is blue.
        source_red = np.asarray(source, dtype=int) @ [1, 0, -1] > 0
        result_red = np.asarray(result, dtype=int) @ [1, 0, -1] > 0
        assert (source_red == result_red).mean() > 0.95


def test_all_good_files_exit_0_and_names_never_collide(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(rgb_jpeg(120, 160))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.png").write_bytes(encode(Image.fromarray(photo(120, 160)), "PNG"))
    original = (tmp_path / "a.jpg").read_bytes()
    recipe = write_recipe(tmp_path, {"adjust": {"saturation": 20}})
    # The output folder is the input's own: a.jpg exists, so the outputs are numbered.
    run = edit("a.jpg", "sub/a.png", "--recipe", recipe, "--out", ".", cwd=tmp_path)
    assert run.code == 0, run.err
    assert run.line_for("a.jpg") == "a.jpg: wrote a-2.jpg"
    assert run.line_for("sub/a.png") == "sub/a.png: wrote a-3.jpg"
    assert (tmp_path / "a.jpg").read_bytes() == original
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".a-")]


def test_size_and_quality_are_used(tmp_path: Path) -> None:
    (tmp_path / "p.jpg").write_bytes(rgb_jpeg(800, 600))
    recipe = write_recipe(tmp_path, {"geometry": {"crop": {"x": 0.125, "w": 0.75}}})
    run = edit(
        "p.jpg",
        "--recipe",
        recipe,
        "--out",
        "o",
        "--size",
        "500x500",
        "--quality",
        "40",
        cwd=tmp_path,
    )
    assert run.code == 0, run.err
    assert read_image(tmp_path / "o" / "p.jpg").size == (500, 500)
    # A size of another shape fits the crop inside it instead of stretching it.
    run = edit("p.jpg", "--recipe", recipe, "--out", "o", "--size", "600x300", cwd=tmp_path)
    assert read_image(tmp_path / "o" / "p-2.jpg").size == (300, 300)


@pytest.mark.parametrize(
    ("recipe", "extra", "message"),
    [
        (None, [], "[recipe.unreadable]"),
        ("{not json", [], "[recipe.not_json]"),
        ({"adjust": {"exposure": "bright"}}, [], "[recipe.invalid]"),
        ({"version": 99}, [], "[recipe.too_new]"),
        ({"filter": {"id": "builtin:nope"}}, [], "[look.unknown]"),
        ({"filter": {"id": "file:missing.cube"}}, [], "[file.not_found]"),
        ({}, ["--size", "big"], "--size"),
        ({}, ["--size", "0x100"], "--size"),
        ({}, ["--quality", "101"], "--quality"),
        ({}, ["--quality", "high"], "--quality"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    tmp_path: Path, recipe: object, extra: list[str], message: str
) -> None:
    (tmp_path / "p.jpg").write_bytes(rgb_jpeg(40, 30))
    path = tmp_path / "recipe.json"
    if isinstance(recipe, str):
        path.write_text(recipe)
    elif recipe is not None:
        write_recipe(tmp_path, recipe)
    run = edit("p.jpg", "--recipe", path, "--out", "o", *extra, cwd=tmp_path)
    assert run.code == 2
    assert run.out == ""
    assert len(run.err.strip().splitlines()) == 1 and message in run.err
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


def test_a_look_from_a_cube_file_beside_the_recipe(tmp_path: Path) -> None:
    invert = ["LUT_3D_SIZE 2"] + [
        f"{1 - r} {1 - g} {1 - b}" for b in (0, 1) for g in (0, 1) for r in (0, 1)
    ]
    (tmp_path / "looks").mkdir()
    (tmp_path / "looks" / "invert.cube").write_text("\n".join(invert) + "\n")
    (tmp_path / "p.png").write_bytes(encode(Image.new("RGB", (40, 30), (200, 60, 20)), "PNG"))
    recipe = write_recipe(tmp_path, {"filter": {"id": "file:looks/invert.cube"}})
    run = edit("p.png", "--recipe", recipe, "--out", "o", cwd=tmp_path)
    assert run.code == 0, run.err
    pixel = np.asarray(read_image(tmp_path / "o" / "p.jpg"))[15, 20].astype(int)
    assert np.abs(pixel - [55, 195, 235]).max() <= 6
