"""StickerSource: built-in stickers, and the user's own PNGs fetched once and kept."""

from __future__ import annotations

import hashlib
import io
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editor.brand import Watermark
from editor.errors import EditorError
from editor.recipe import Recipe
from editor.render import builtin_resolver
from editor.stickers import load_builtin
from publisher.client import StudioClient
from studio.editor import sticker_source
from studio.editor.photo_store import PhotoStore
from studio.editor.sticker_source import StickerSource, user_sticker_id


def png_bytes(color: tuple[int, int, int, int], size: tuple[int, int] = (40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def uploaded(client: StudioClient, folder: Path, data: bytes, name: str) -> str:
    """Upload `data` to the real backend as the client's user; its sha256."""
    path = folder / name
    path.write_bytes(data)
    return client.upload_media(path).sha256


class TamperingClient:
    """Serves altered bytes for a sha256: what a damaged download looks like, which the real
    backend (it checks what it stores) cannot be made to send."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files

    def media_bytes(self, sha256: str) -> bytes:
        return self.files[sha256]


def test_builtin_ids_resolve_to_the_shipped_stickers() -> None:
    source = StickerSource(lambda _sha: pytest.fail("a built-in sticker is never fetched"))
    assert np.array_equal(source("builtin:label_bimai"), load_builtin("builtin:label_bimai"))


def test_a_user_sticker_is_fetched_once_and_decoded_to_rgba() -> None:
    data = png_bytes((10, 20, 30, 128))
    fetched: list[str] = []

    def fetch(sha256: str) -> bytes:
        fetched.append(sha256)
        return data

    source = StickerSource(fetch)
    first = source(user_sticker_id(sha(data)))
    second = source(user_sticker_id(sha(data)))
    assert fetched == [sha(data)]
    assert first.shape == (20, 40, 4)
    assert tuple(first[5, 5]) == (10, 20, 30, 128)
    assert second is first
    assert not first.flags.writeable


def test_user_stickers_are_kept_on_disk_so_another_source_does_not_download(
    api: StudioClient, tmp_path: Path
) -> None:
    data = png_bytes((200, 0, 0, 255))
    sticker = user_sticker_id(uploaded(api, tmp_path, data, "sticker.png"))
    store = PhotoStore(tmp_path / "store")
    store.sticker_source(lambda: api)(sticker)
    api.sign_out()  # the backend refuses this client from now on: only the disk can answer
    again = store.sticker_source(lambda: api)(sticker)
    assert tuple(again[0, 0]) == (200, 0, 0, 255)


def test_decoded_stickers_are_kept_up_to_a_size_not_a_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pictures = [png_bytes((index, 0, 0, 255), size=(100, 100)) for index in range(3)]
    by_sha = {sha(data): data for data in pictures}
    fetched: list[str] = []

    def fetch(sha256: str) -> bytes:
        fetched.append(sha256)
        return by_sha[sha256]

    one = 100 * 100 * 4
    monkeypatch.setattr(sticker_source, "KEPT_BYTES", 2 * one)  # two decoded pictures
    source = StickerSource(fetch)
    first, second, third = (user_sticker_id(sha(data)) for data in pictures)
    for sticker in (first, second, third, third, second):
        source(sticker)
    assert fetched == [sha(data) for data in pictures]  # the two newest stayed
    source(first)  # the oldest went to make room: fetched and decoded again
    assert fetched[3:] == [sha(pictures[0])]
    source(second)
    assert len(fetched) == 4


def test_renders_asking_for_the_same_new_sticker_at_once_fetch_it_once() -> None:
    data = png_bytes((0, 0, 200, 255))
    fetched: list[str] = []
    started = threading.Event()

    def fetch(sha256: str) -> bytes:
        fetched.append(sha256)
        started.wait(1)
        return data

    source = StickerSource(fetch)
    sticker = user_sticker_id(sha(data))
    with ThreadPoolExecutor(4) as pool:
        results = [pool.submit(source, sticker) for _ in range(4)]
        started.set()
        pictures = [result.result() for result in results]
    assert fetched == [sha(data)] and all(picture is pictures[0] for picture in pictures)


def test_corrupt_bytes_are_refused_as_an_invalid_sticker() -> None:
    data = png_bytes((0, 0, 0, 255))[:60]
    source = StickerSource(lambda _sha: data)
    with pytest.raises(EditorError) as caught:
        source(user_sticker_id(sha(data)))
    assert caught.value.code == "sticker.invalid"
    assert caught.value.params["reason"] == "corrupt"


def test_a_jpeg_is_refused_as_not_png() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (30, 30), (1, 2, 3)).save(buffer, "JPEG")
    source = StickerSource(lambda _sha: buffer.getvalue())
    with pytest.raises(EditorError) as caught:
        source(user_sticker_id(sha(buffer.getvalue())))
    assert caught.value.params["reason"] == "not_png"


def test_a_picture_the_backend_does_not_have_is_an_unknown_sticker(
    api: StudioClient, tmp_path: Path
) -> None:
    missing = user_sticker_id("a" * 64)
    with pytest.raises(EditorError) as caught:
        PhotoStore(tmp_path).sticker_source(lambda: api)(missing)
    assert caught.value.code == "sticker.unknown"
    assert caught.value.params == {"id": missing}


def test_a_damaged_download_is_refused_and_not_kept(tmp_path: Path) -> None:
    data = png_bytes((0, 128, 0, 255))
    client = TamperingClient({sha(data): data + b"tampered"})
    source = PhotoStore(tmp_path).sticker_source(lambda: client)
    with pytest.raises(EditorError) as caught:
        source(user_sticker_id(sha(data)))
    assert caught.value.code == "media.checksum_mismatch"
    client.files[sha(data)] = data
    assert tuple(source(user_sticker_id(sha(data)))[0, 0]) == (0, 128, 0, 255)


@pytest.mark.parametrize("sticker_id", ["user:1234", "user:" + "G" * 64, "logo", "builtin:nope"])
def test_ids_that_name_nothing_are_unknown(sticker_id: str) -> None:
    source = StickerSource(lambda _sha: pytest.fail("a malformed id is never fetched"))
    with pytest.raises(EditorError) as caught:
        source(sticker_id)
    assert caught.value.code == "sticker.unknown"


def test_exports_draw_a_watermark_of_the_users_own_logo(api: StudioClient, tmp_path: Path) -> None:
    photo = io.BytesIO()
    Image.new("RGB", (600, 800), (128, 128, 128)).save(photo, "JPEG", quality=95)
    photo_sha = uploaded(api, tmp_path, photo.getvalue(), "photo.jpg")
    logo_sha = uploaded(api, tmp_path, png_bytes((20, 60, 200, 255), size=(200, 100)), "logo.png")
    recipe = Recipe(watermark=Watermark(user_sticker_id(logo_sha), corner="top_left", opacity=100))

    store = PhotoStore(tmp_path / "store")
    path = store.export(
        api,
        photo_sha,
        recipe,
        builtin_resolver,
        quality=95,
        stickers=store.sticker_source(lambda: api),
    )

    exported = np.asarray(Image.open(path).convert("RGB")).astype(int)
    height, width = exported.shape[:2]
    inside = exported[round(0.035 * width) + 10, round(0.035 * width) + 10]
    assert np.abs(inside - (20, 60, 200)).max() < 12
    assert np.abs(exported[height - 20, width - 20] - 128).max() < 12
