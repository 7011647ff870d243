"""The built-in stickers: listed, drawn, see-through, not cut off, and regenerated exactly."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import resources

ROOT = Path(__file__).resolve().parents[2]
STICKERS = resources.path("stickers")
SCRIPT = ROOT / "scripts" / "make_stickers.py"
MANIFEST = json.loads((STICKERS / "stickers.json").read_text(encoding="utf-8"))
ENTRIES = MANIFEST["stickers"]
NAMES = [entry["name"] for entry in ENTRIES]


def load_png(name: str) -> Image.Image:
    with Image.open(STICKERS / f"{name}.png") as image:
        image.load()
        return image


def test_the_manifest_lists_at_least_thirty_stickers_with_unique_ids():
    assert MANIFEST["version"] == 1
    assert len(ENTRIES) >= 30
    assert len(set(NAMES)) == len(NAMES)
    for entry in ENTRIES:
        assert entry["id"] == f"builtin:{entry['name']}"
        assert entry["file"] == f"{entry['name']}.png"
        assert entry["name_zh"] and entry["name_en"], entry["name"]


def test_the_categories_the_issue_names_are_there():
    categories = {entry["category"] for entry in ENTRIES}
    assert {"arrow", "circle", "highlight", "label"} <= categories
    labels = {entry.get("text") for entry in ENTRIES if entry["category"] == "label"}
    assert {"必买", "避雷", "合集", "干货", "平价"} <= labels


def test_every_png_is_listed_and_every_entry_has_its_png():
    on_disk = {path.name for path in STICKERS.glob("*.png")}
    assert on_disk == {entry["file"] for entry in ENTRIES}


@pytest.mark.parametrize("name", NAMES)
def test_a_sticker_is_rgba_with_real_transparency_and_nothing_cut_off(name):
    entry = next(entry for entry in ENTRIES if entry["name"] == name)
    image = load_png(name)
    assert image.mode == "RGBA"
    assert max(image.size) == 512
    assert min(image.size) >= 96
    assert [image.width, image.height] == [entry["width"], entry["height"]]
    assert entry["aspect"] == pytest.approx(image.width / image.height, abs=1e-4)

    alpha = np.asarray(image.getchannel("A"))
    assert (alpha == 0).mean() > 0.05, "a sticker has see-through background"
    assert (alpha >= 150).mean() > 0.05, "a sticker has solid ink"
    border = np.concatenate([alpha[0], alpha[-1], alpha[:, 0], alpha[:, -1]])
    assert border.max() < 16, "the drawing touches the edge: something is cut off"


def test_the_set_stays_small_enough_to_ship():
    total = sum(path.stat().st_size for path in STICKERS.iterdir() if path.is_file())
    assert total < 3 * 1024 * 1024


def _font_installed() -> bool:
    name = "_make_stickers_for_tests"
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    try:
        module.find_font()
    except SystemExit:
        return False
    return True


SAMPLE = (
    "label_bimai",
    "arrow_curved",
    "circle_scribble",
    "highlight_brush",
    "mark_check",
    "deco_sparkles",
    "badge_price",
)
"""One sticker of each category: each is drawn by its own code, which all of them share
(drawing all 47 takes half a minute of the suite)."""


@pytest.mark.skipif(not _font_installed(), reason="Noto Sans CJK SC Bold is not installed")
def test_the_script_regenerates_the_same_stickers(tmp_path):
    """Same manifest entries and the same pixels (PNG bytes may differ with another zlib)."""
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path), "--only", *SAMPLE],
        check=True,
        cwd=ROOT,
        timeout=110,
    )
    generated = sorted(path.name for path in tmp_path.iterdir())
    assert generated == sorted([*(f"{name}.png" for name in SAMPLE), "stickers.json"])
    shipped = json.loads((STICKERS / "stickers.json").read_text(encoding="utf-8"))["stickers"]
    fresh = json.loads((tmp_path / "stickers.json").read_text(encoding="utf-8"))["stickers"]
    assert fresh == [entry for entry in shipped if entry["name"] in SAMPLE]
    for name in SAMPLE:
        with Image.open(tmp_path / f"{name}.png") as image:
            assert image.mode == "RGBA"
            assert image.tobytes() == load_png(name).tobytes(), name
