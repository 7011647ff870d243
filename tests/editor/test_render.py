"""The pure render, the live preview and the proxy: sizes, caching, preview = export."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import ExifTags, Image

import editor.render as render_module
from editor import EditorError
from editor.recipe import Crop, FilterLook, Geometry, Recipe
from editor.render import (
    Preview,
    builtin_resolver,
    geometry_size,
    load_proxy,
    output_size,
    render,
)
from tests.editor.media import BLUE, RED, assert_close, encode, halves


def photo(width: int = 1600, height: int = 1200, seed: int = 3) -> np.ndarray:
    """A photo-like picture: smooth colour fields with fine texture."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, 256, (12, 16, 3), dtype=np.uint8)
    base = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC).astype(np.float32)
    texture = cv2.GaussianBlur(rng.normal(0, 25, (height, width, 3)).astype(np.float32), (0, 0), 2)
    return np.clip(base + texture, 0, 255).astype(np.uint8)


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return 10 * np.log10(255**2 / mse)


EDIT = Recipe.from_dict(
    {
        "geometry": {"straighten": 3, "crop": {"x": 0.2, "y": 0.0, "w": 0.5625, "h": 1.0}},
        "adjust": {
            "exposure": 0.3,
            "contrast": 15,
            "saturation": 10,
            "temperature": 8,
            "sharpness": 40,
            "clarity": 30,
            "vignette": -30,
        },
        "curves": {"rgb": [[0, 0], [0.25, 0.22], [0.75, 0.8], [1, 1]]},
        "filter": {"id": "builtin:film", "strength": 70},
    }
)


@pytest.mark.parametrize(
    ("crop", "expected"),
    [
        (Crop(0.21875, 0.0, 0.5625, 1.0), (1080, 1440)),  # 3:4 of a 4:3 photo
        (Crop(0.125, 0.0, 0.75, 1.0), (1080, 1080)),
        (Crop(), (1440, 1080)),
        (Crop(0.0, 0.0, 1.0, 0.75), (1920, 1080)),
        (Crop(0.3, 0.0, 0.421875, 1.0), (1080, 1920)),
    ],
)
def test_output_size_is_the_platforms_size_for_its_ratios(
    crop: Crop, expected: tuple[int, int]
) -> None:
    assert output_size(Recipe(geometry=Geometry(crop=crop)), 4000, 3000) == expected


def test_output_size_of_other_ratios_has_a_short_side_of_1080_without_enlarging() -> None:
    assert output_size(Recipe(), 4000, 2000) == (2160, 1080)
    assert output_size(Recipe(), 800, 400) == (800, 400)


def test_geometry_size_is_the_turned_straightened_frame() -> None:
    assert geometry_size(Recipe(geometry=Geometry(quarter_turns=1)), 4000, 3000) == (3000, 4000)
    width, height = geometry_size(Recipe(geometry=Geometry(straighten=5)), 4000, 3000)
    assert width < 4000 and abs(width / height - 4 / 3) < 0.01


def test_render_of_the_identity_recipe_is_the_picture() -> None:
    image = photo(64, 48)
    assert np.array_equal(render(image, Recipe()), image)


def test_render_makes_the_asked_size() -> None:
    out = render(photo(), EDIT, size=(540, 720))
    assert out.shape == (720, 540, 3) and out.dtype == np.uint8


def test_render_applies_the_filter_by_strength() -> None:
    image = photo(160, 120)
    full = render(image, Recipe(filter=FilterLook("builtin:bw", 100.0)))
    assert np.abs(full[..., 0].astype(int) - full[..., 2]).max() <= 2  # black and white
    half = render(image, Recipe(filter=FilterLook("builtin:bw", 50.0)))
    assert np.abs(half[..., 0].astype(int) - half[..., 2]).max() > 20


def test_unknown_look_is_refused() -> None:
    with pytest.raises(EditorError) as refused:
        render(photo(32, 24), Recipe(filter=FilterLook("user:" + "0" * 64)))
    assert refused.value.code == "look.unknown"
    with pytest.raises(EditorError) as unknown:
        builtin_resolver("builtin:no-such-look")
    assert unknown.value.code == "look.unknown"


def test_preview_is_the_render_at_the_proxys_scale() -> None:
    proxy = photo(800, 600)
    assert np.array_equal(Preview(proxy).render(EDIT), render(proxy, EDIT))


def test_preview_without_crop_shows_the_whole_straightened_frame() -> None:
    proxy = photo(800, 600)
    out = Preview(proxy).render(EDIT, crop=False)
    assert (out.shape[1], out.shape[0]) == geometry_size(EDIT, 800, 600)


def test_preview_matches_the_export_downscaled() -> None:
    original = photo(1600, 1200)
    export = render(original, EDIT, size=(1080, 1440))
    proxy = cv2.resize(original, (800, 600), interpolation=cv2.INTER_AREA)
    preview = Preview(proxy).render(EDIT)
    shrunk = cv2.resize(export, preview.shape[1::-1], interpolation=cv2.INTER_AREA)
    assert psnr(shrunk, preview) >= 35


class Counting:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: dict[str, int] = {"bake": 0, "warp": 0, "maps": 0}
        for name, original in (("bake", render_module.bake), ("warp", render_module.warp)):
            monkeypatch.setattr(render_module, name, self._count(name, original))
        maps_of = render_module.ColorMaps.of
        monkeypatch.setattr(
            render_module.ColorMaps, "of", staticmethod(self._count("maps", maps_of))
        )

    def _count(self, name: str, function):
        def counted(*args, **kwargs):
            self.calls[name] += 1
            return function(*args, **kwargs)

        return counted


def test_preview_caches_by_recipe_part(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    preview = Preview(photo(400, 300))
    first = preview.render(EDIT)
    assert counting.calls == {"bake": 1, "warp": 1, "maps": 1}
    # An effect only: no bake, no warp.
    preview.render(EDIT.with_adjust(vignette=50, grain=20))
    assert counting.calls == {"bake": 1, "warp": 1, "maps": 1}
    # A colour slider: one bake, the warp and the lookup maps are kept.
    preview.render(EDIT.with_adjust(exposure=0.5))
    assert counting.calls == {"bake": 2, "warp": 1, "maps": 1}
    # Back to the first recipe gives the first picture.
    assert np.array_equal(preview.render(EDIT), first)


def test_dragging_the_crop_over_the_whole_frame_rerenders_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting = Counting(monkeypatch)
    preview = Preview(photo(400, 300))
    first = preview.render(EDIT, crop=False)
    moved = replace(EDIT, geometry=replace(EDIT.geometry, crop=Crop(0.1, 0.1, 0.5, 0.5)))
    assert np.array_equal(preview.render(moved, crop=False), first)
    assert counting.calls == {"bake": 1, "warp": 1, "maps": 1}


def test_preview_resolves_each_look_once() -> None:
    asked: list[str] = []

    def looks(look_id: str):
        asked.append(look_id)
        return builtin_resolver(look_id)

    preview = Preview(photo(200, 150), looks)
    for strength in (10, 20, 30):
        recipe = Recipe(filter=FilterLook("builtin:cream", float(strength)))
        preview.render(recipe)
    assert asked == ["builtin:cream"]


def jpeg(width: int, height: int, **params: object) -> bytes:
    return encode(Image.fromarray(photo(width, height)), "JPEG", quality=90, **params)


def test_load_proxy_fits_the_long_side() -> None:
    proxy = load_proxy(jpeg(2000, 1500), max_side=600)
    assert proxy.shape == (450, 600, 3)


def test_load_proxy_keeps_a_small_photo_as_it_is() -> None:
    assert load_proxy(jpeg(300, 200)).shape == (200, 300, 3)


def test_load_proxy_applies_the_orientation(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    path = tmp_path / "turned.jpg"
    path.write_bytes(encode(halves((800, 400), RED, BLUE), "JPEG", quality=95, exif=exif))
    proxy = load_proxy(path, max_side=200)
    assert proxy.shape == (200, 100, 3)
    assert_close(proxy[10:90, 10:90], RED, 40)


def test_load_proxy_refuses_a_bad_file() -> None:
    with pytest.raises(EditorError) as refused:
        load_proxy(io.BytesIO(b"<html>").getvalue())
    assert refused.value.code == "image.unsupported_format"
