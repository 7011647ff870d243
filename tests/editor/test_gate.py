"""The file gate: regular files only, size cap, magic-byte allow-list, header caps."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from editor import (
    EditorError,
    ImageLimits,
    imageio,
    load_image,
    mime_for,
    probe_image,
    sniff_format,
)
from tests.editor.media import RED, encode, heic, png_claiming

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX only")


def small_jpeg() -> bytes:
    return encode(Image.new("RGB", (8, 6), RED), "JPEG")


def probe_without_hanging(path: Path) -> EditorError:
    """Probe `path` in a thread; fail (instead of hanging the suite) if it blocks on a FIFO."""
    outcome: dict[str, BaseException] = {}

    def probe() -> None:
        try:
            probe_image(path)
        except BaseException as exc:  # handed to the test thread to assert on
            outcome["error"] = exc

    worker = threading.Thread(target=probe, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():
        # Give the reader stuck in open() a writer so the thread can end, then fail.
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        worker.join()
        pytest.fail("probing a FIFO blocked")
    error = outcome.get("error")
    assert isinstance(error, EditorError), error
    return error


# --- sniffing ---------------------------------------------------------------------------------


def ftyp(major: bytes, *compatible: bytes) -> bytes:
    brands = major + b"\0\0\0\0" + b"".join(compatible)
    return (8 + len(brands)).to_bytes(4, "big") + b"ftyp" + brands + b"\0\0\0\x08meta"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\xff\xd8\xff\xe0\0\x10JFIF\0", "jpeg"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "png"),
        (b"RIFF\x24\0\0\0WEBPVP8 ", "webp"),
        (ftyp(b"heic", b"mif1", b"heic"), "heif"),
        (ftyp(b"heix", b"mif1"), "heif"),
        (ftyp(b"mif1", b"mif1", b"heic"), "heif"),
        (ftyp(b"msf1", b"hevc"), "heif"),
        (ftyp(b"avif", b"mif1", b"miaf"), "avif"),
        (ftyp(b"mif1", b"miaf", b"avif"), "avif"),
    ],
)
def test_sniff_recognises_allowed_formats(head: bytes, expected: str) -> None:
    assert sniff_format(head) == expected


@pytest.mark.parametrize(
    "head",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\xff\xd8", id="short-jpeg"),
        pytest.param(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n", id="eps"),
        pytest.param(b"\xc5\xd0\xd3\xc6\x20\0\0\0", id="dos-eps"),
        pytest.param(b"%PDF-1.7\n", id="pdf"),
        pytest.param(b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', id="svg"),
        pytest.param(b"<!DOCTYPE html><html><body>hi</body></html>", id="html"),
        pytest.param(b"GIF89a\x01\0\x01\0", id="gif"),
        pytest.param(b"II*\0\x08\0\0\0", id="tiff"),
        pytest.param(b"BM\x3a\0\0\0", id="bmp"),
        pytest.param(ftyp(b"isom", b"iso2", b"mp41"), id="mp4"),
        pytest.param(ftyp(b"qt  "), id="mov"),
        pytest.param(ftyp(b"mif1", b"mif1", b"jpeg"), id="heif-holding-jpeg"),
        pytest.param(b"\0\0\0\x08ftypheic\0\0\0\0mif1", id="ftyp-box-too-small"),
        pytest.param(b"\0\0\0\x01ftypheic\0\0\0\0mif1", id="ftyp-64-bit-size"),
    ],
)
def test_sniff_refuses_everything_else(head: bytes) -> None:
    assert sniff_format(head) is None


def test_mime_for() -> None:
    assert mime_for("jpeg") == "image/jpeg"
    assert mime_for("heif") == "image/heic"
    with pytest.raises(ValueError):
        mime_for("gif")


# --- probing accepted files -------------------------------------------------------------------


def test_probe_reads_the_header(tmp_path: Path) -> None:
    data = encode(Image.new("RGB", (30, 20), RED), "PNG")
    path = tmp_path / "photo.png"
    path.write_bytes(data)
    info = probe_image(path)
    assert info == probe_image(data)
    assert (info.format, info.mime, info.width, info.height) == ("png", "image/png", 30, 20)
    assert (info.frames, info.size_bytes) == (1, len(data))


def test_probe_reads_heic(tmp_path: Path) -> None:
    info = probe_image(heic(Image.new("RGB", (64, 48), RED)))
    assert (info.format, info.mime, info.width, info.height) == ("heif", "image/heic", 64, 48)


def test_probe_follows_a_symlink_to_a_regular_file(tmp_path: Path) -> None:
    target = tmp_path / "real.jpg"
    target.write_bytes(small_jpeg())
    link = tmp_path / "link.jpg"
    link.symlink_to(target)
    assert probe_image(link).format == "jpeg"


def test_probe_counts_frames(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (8, 8), (i * 80, 0, 0)) for i in range(3)]
    data = encode(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100)
    assert probe_image(data).frames == 3


def test_pillows_global_bomb_threshold_plays_no_part(monkeypatch: pytest.MonkeyPatch) -> None:
    # Our caps are the guard; Pillow's threshold would warn (an error under -W error) here.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10)
    assert load_image(encode(Image.new("RGB", (64, 64), RED), "PNG")).shape == (64, 64, 3)


def test_importing_editor_stays_cheap() -> None:
    heavy = "{'PIL', 'numpy', 'pillow_heif', 'cv2'}"
    code = f"import sys, editor; print(sorted({heavy} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- what the file must be --------------------------------------------------------------------


def test_html_named_jpg_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_text("<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>")
    with pytest.raises(EditorError) as caught:
        probe_image(path)
    assert caught.value.code == "image.unsupported_format"
    assert caught.value.params == {}


def test_eps_is_refused_before_any_decoder(tmp_path: Path) -> None:
    path = tmp_path / "cover.jpg"
    path.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\nshowpage\n")
    with pytest.raises(EditorError) as caught:
        load_image(path)
    assert caught.value.code == "image.unsupported_format"


@pytest.mark.parametrize("as_path", [True, False])
def test_empty_file_is_refused(tmp_path: Path, as_path: bool) -> None:
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    with pytest.raises(EditorError) as caught:
        probe_image(path if as_path else b"")
    assert caught.value.code == "file.empty"


@pytest.mark.parametrize("as_path", [True, False])
def test_file_over_the_size_cap_is_refused(tmp_path: Path, as_path: bool) -> None:
    data = small_jpeg()
    path = tmp_path / "big.jpg"
    path.write_bytes(data)
    limits = ImageLimits(max_bytes=len(data) - 1)
    with pytest.raises(EditorError) as caught:
        probe_image(path if as_path else data, limits=limits)
    assert caught.value.code == "file.too_large"
    assert caught.value.params == {"size": len(data), "max": len(data) - 1}


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "album.jpg"
    folder.mkdir()
    with pytest.raises(EditorError) as caught:
        probe_image(folder)
    assert (caught.value.code, caught.value.params) == ("file.not_regular", {"kind": "directory"})


def test_symlink_to_a_directory_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "link.jpg"
    link.symlink_to(tmp_path)
    with pytest.raises(EditorError) as caught:
        probe_image(link)
    assert caught.value.code == "file.not_regular"


def test_device_is_refused() -> None:
    with pytest.raises(EditorError) as caught:
        probe_image(Path(os.devnull))
    assert (caught.value.code, caught.value.params) == ("file.not_regular", {"kind": "device"})


@pytest.mark.parametrize("name", ["missing.jpg", "dangling.jpg", "missing/inside.jpg"])
def test_missing_file_is_reported(tmp_path: Path, name: str) -> None:
    (tmp_path / "dangling.jpg").symlink_to(tmp_path / "gone.jpg")
    with pytest.raises(EditorError) as caught:
        probe_image(tmp_path / name)
    assert caught.value.code == "file.not_found"


@needs_fifo
def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "photo.jpg"
    os.mkfifo(fifo)
    error = probe_without_hanging(fifo)
    assert (error.code, error.params) == ("file.not_regular", {"kind": "fifo"})


@needs_fifo
def test_fifo_swapped_in_after_the_stat_is_refused_without_hanging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "photo.jpg"
    os.mkfifo(fifo)
    decoy = tmp_path / "decoy.jpg"
    decoy.write_bytes(small_jpeg())
    real_stat = os.stat

    def stat_sees_a_regular_file(path: object, *args: object, **kwargs: object) -> object:
        # The race: the gate's stat sees a regular file, its open gets the FIFO.
        return real_stat(decoy if path == os.fspath(fifo) else path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_sees_a_regular_file)
    error = probe_without_hanging(fifo)
    assert (error.code, error.params) == ("file.not_regular", {"kind": "fifo"})


# --- what the header may declare --------------------------------------------------------------


def test_huge_dimensions_are_refused_without_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_decoding(self: ImageFile.ImageFile) -> None:
        raise AssertionError("the gate decoded pixel data")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    data = png_claiming(40_000, 40_000)
    assert len(data) < 100
    for gate in (probe_image, load_image):
        with pytest.raises(EditorError) as caught:
            gate(data)
        assert caught.value.code == "image.too_many_pixels"
        assert caught.value.params == {
            "width": 40_000,
            "height": 40_000,
            "pixels": 1_600_000_000,
            "max": 100_000_000,
        }


def test_overlong_side_is_refused() -> None:
    with pytest.raises(EditorError) as caught:
        probe_image(png_claiming(25_000, 10))
    assert caught.value.code == "image.side_too_long"
    assert caught.value.params == {"width": 25_000, "height": 10, "max": 20_000}


def test_too_many_frames_are_refused() -> None:
    frames = [Image.new("RGB", (8, 8), (i * 80, 0, 0)) for i in range(3)]
    data = encode(frames[0], "PNG", save_all=True, append_images=frames[1:])
    with pytest.raises(EditorError) as caught:
        probe_image(data, limits=ImageLimits(max_frames=2))
    assert (caught.value.code, caught.value.params) == (
        "image.too_many_frames",
        {"frames": 3, "max": 2},
    )


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\xa5" * 200, id="png-garbage"),
        pytest.param(b"\xff\xd8\xff" + b"\0" * 200, id="jpeg-garbage"),
        pytest.param(b"RIFF\x24\0\0\0WEBPVP8 " + b"\x01" * 40, id="webp-garbage"),
        pytest.param(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\x07" * 64, id="heic-garbage"),
        pytest.param(png_claiming(0, 10), id="png-zero-width"),
    ],
)
def test_garbage_behind_good_magic_is_corrupt(data: bytes) -> None:
    with pytest.raises(EditorError) as caught:
        probe_image(data)
    assert caught.value.code == "image.corrupt"


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError):
        ImageLimits(max_bytes=0)


# --- AVIF: accepted exactly when this Pillow can decode it ------------------------------------


@pytest.mark.skipif(not imageio._avif_decodable(), reason="this Pillow cannot decode AVIF")
def test_avif_decodes_when_pillow_can() -> None:
    data = encode(Image.new("RGB", (32, 24), RED), "AVIF", quality=90)
    info = probe_image(data)
    assert (info.format, info.mime, info.width, info.height) == ("avif", "image/avif", 32, 24)
    assert load_image(data).shape == (24, 32, 3)


def test_avif_is_refused_when_pillow_cannot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imageio, "_avif_decodable", lambda: False)
    with pytest.raises(EditorError) as caught:
        probe_image(ftyp(b"avif", b"mif1", b"miaf") + b"\0" * 64)
    assert (caught.value.code, caught.value.params) == (
        "image.unsupported_format",
        {"format": "avif"},
    )
