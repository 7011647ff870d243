"""Perceptual fingerprints on real photos: what a repost does to a photo keeps its hash close;
different photos are far apart; damaged files are refused with the editor's error."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from editor import EditorError
from editor.fingerprint import (
    distances,
    format_hashes,
    hamming,
    image_hash,
    parse_hashes,
    video_hashes,
)
from tests.photos import NAMES, altered, photo, slideshow

CLOSE = 10
"""The service's threshold (`near_duplicates.IMAGE_MAX_DISTANCE`): copies must stay within it."""
FAR = 20
"""Unrelated photos differ in about half of the 64 bits; these stay well clear of `CLOSE`."""


@pytest.fixture(scope="module")
def originals() -> dict[str, int]:
    return {name: image_hash(photo(name)) for name in NAMES}


@pytest.mark.parametrize(
    "change",
    [
        {"scale": 0.5},
        {"scale": 2.3},
        {"quality": 30},
        {"fmt": "PNG"},
        {"fmt": "WEBP", "quality": 60, "scale": 0.8},
        {"crop": 0.02},
        {"brightness": 1.25},
        {"brightness": 0.8, "scale": 0.7, "quality": 60},
    ],
    ids=repr,
)
@pytest.mark.parametrize("name", NAMES)
def test_a_reposted_copy_stays_close(originals, name, change):
    copy = image_hash(altered(name, **change))
    assert hamming(originals[name], copy) <= CLOSE


def test_resizing_and_re_encoding_barely_move_the_hash(originals):
    for name in NAMES:
        assert hamming(originals[name], image_hash(altered(name, scale=0.6, quality=70))) <= 2


def test_different_photos_are_far_apart(originals):
    for a, b in itertools.combinations(NAMES, 2):
        assert hamming(originals[a], originals[b]) >= FAR, (a, b)


def test_a_path_and_the_same_bytes_hash_alike(originals):
    assert image_hash(photo("cat").read_bytes()) == originals["cat"]


@pytest.mark.parametrize(
    "data",
    [b"", b"not an image at all", photo("coffee").read_bytes()[:2000]],
    ids=["empty", "text", "truncated"],
)
def test_damaged_files_raise_the_editor_error(data):
    with pytest.raises(EditorError) as caught:
        image_hash(data)
    assert caught.value.code.startswith(("image.", "file."))


def test_distances_match_hamming_for_every_pair(originals):
    hashes = np.array(list(originals.values()), dtype=np.uint64)
    table = distances(hashes, hashes)
    assert table.dtype == np.uint8 and table.shape == (len(NAMES), len(NAMES))
    for (i, a), (j, b) in itertools.product(enumerate(hashes), repeat=2):
        assert table[i, j] == hamming(int(a), int(b))
    assert not table.diagonal().any()


def test_hashes_survive_storage():
    hashes = (0, 1, 2**63, 2**64 - 1, 0x0123456789ABCDEF)
    text = format_hashes(hashes)
    assert len(text) == 16 * len(hashes) and text.isalnum()
    assert parse_hashes(text) == hashes
    assert parse_hashes(format_hashes(())) == ()
    with pytest.raises(ValueError):
        parse_hashes("abc")


def test_a_re_encoded_video_keeps_its_frames_hashes(tmp_path: Path):
    names = ("coffee", "cat", "rocket")
    first = video_hashes(slideshow(tmp_path / "a.mp4", names))
    copy = video_hashes(slideshow(tmp_path / "b.mp4", names, size=(480, 360), gop=7))
    other = video_hashes(slideshow(tmp_path / "c.mp4", ("astronaut", "rocket", "cat")))
    assert len(first) == len(copy) == 5
    assert max(hamming(a, b) for a, b in zip(first, copy, strict=True)) <= CLOSE
    # The first frames show different photos (coffee against the astronaut).
    assert hamming(first[0], other[0]) >= FAR


def test_a_damaged_video_raises_the_editor_error(tmp_path: Path):
    video = slideshow(tmp_path / "a.mp4", ("coffee",))
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(video.read_bytes()[:300])
    with pytest.raises(EditorError) as caught:
        video_hashes(broken)
    assert caught.value.code.startswith("video.")
