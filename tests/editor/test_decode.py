"""Decoding through the gate: every format, normalisation to upright 8-bit RGB, thumbnails."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import ExifTags, Image, ImageCms

from editor import EditorError, load_image, make_thumbnail, probe_image, sniff_format
from tests.editor.media import BLUE, RED, WHITE, assert_close, encode, halves, heic

SOLID = (200, 120, 40)


@pytest.mark.parametrize(
    ("make", "tolerance"),
    [
        pytest.param(lambda im: encode(im, "JPEG", quality=95), 4, id="jpeg"),
        pytest.param(lambda im: encode(im, "PNG"), 0, id="png"),
        pytest.param(lambda im: encode(im, "WEBP", lossless=True), 0, id="webp"),
        pytest.param(lambda im: heic(im, quality=95), 6, id="heic"),
    ],
)
def test_every_supported_format_decodes(tmp_path: Path, make, tolerance: int) -> None:
    path = tmp_path / "photo"
    path.write_bytes(make(Image.new("RGB", (48, 32), SOLID)))
    pixels = load_image(path)
    assert pixels.shape == (32, 48, 3)
    assert pixels.dtype == np.uint8
    assert not pixels.flags.writeable
    assert_close(pixels, SOLID, tolerance)


def test_exif_orientation_is_applied() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # display rotated 90° clockwise
    data = encode(halves((40, 20), RED, BLUE), "JPEG", quality=95, exif=exif)
    info = probe_image(data)
    assert (info.width, info.height) == (20, 40)
    pixels = load_image(data)
    assert pixels.shape == (40, 20, 3)
    # The stored left half (red) is the displayed top half.
    assert_close(pixels[2:18, 2:18], RED, 40)
    assert_close(pixels[22:38, 2:18], BLUE, 40)


def test_cmyk_jpeg_becomes_rgb() -> None:
    data = encode(Image.new("CMYK", (16, 16), (0, 255, 255, 0)), "JPEG", quality=95)
    assert_close(load_image(data), RED, 4)


def test_16_bit_grayscale_is_scaled_not_clipped() -> None:
    samples = np.array([[65535, 32768, 257, 0]], dtype=np.uint16)
    pixels = load_image(encode(Image.fromarray(samples), "PNG"))
    assert pixels[0, :, 0].tolist() == [255, 128, 1, 0]
    assert (pixels == pixels[..., :1]).all()


def test_16_bit_grayscale_transparency_is_white() -> None:
    samples = np.array([[1000, 32768]], dtype=np.uint16)
    pixels = load_image(encode(Image.fromarray(samples), "PNG", transparency=1000))
    assert pixels[0, :, 0].tolist() == [255, 128]


def test_16_bit_rgb_is_scaled() -> None:
    samples = np.zeros((2, 2, 3), dtype=np.uint16)
    samples[..., 2] = 65535  # OpenCV writes BGR: the last channel is red
    samples[..., 1] = 32768
    ok, png = cv2.imencode(".png", samples)
    assert ok
    pixels = load_image(png.tobytes())
    assert_close(pixels, (255, 128, 0))


def test_palette_transparency_is_composited_on_white() -> None:
    image = Image.new("P", (4, 2), 0)
    image.putpalette([0, 0, 0, *RED])
    image.paste(1, (2, 0, 4, 2))
    pixels = load_image(encode(image, "PNG", transparency=0))
    assert_close(pixels[:, :2], WHITE)
    assert_close(pixels[:, 2:], RED)


def test_alpha_is_composited_on_white() -> None:
    rgba = np.array([[[0, 0, 0, 0], [255, 0, 0, 255], [0, 0, 0, 128]]], dtype=np.uint8)
    pixels = load_image(encode(Image.fromarray(rgba), "PNG"))
    assert pixels[0].tolist() == [[255, 255, 255], [255, 0, 0], [127, 127, 127]]


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        pytest.param(Image.new("L", (3, 3), 90), (90, 90, 90), id="L"),
        pytest.param(Image.new("LA", (3, 3), (90, 0)), WHITE, id="LA-transparent"),
        pytest.param(Image.new("1", (3, 3), 1), WHITE, id="1-bit"),
    ],
)
def test_grayscale_becomes_rgb(image: Image.Image, expected: tuple[int, int, int]) -> None:
    assert_close(load_image(encode(image, "PNG")), expected)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_truncated_file_is_corrupt_not_half_decoded(fmt: str) -> None:
    noise = np.random.default_rng(7).integers(0, 256, (64, 64, 3), dtype=np.uint8)
    data = encode(Image.fromarray(noise), fmt)
    truncated = data[: len(data) // 2]
    assert probe_image(truncated).width == 64  # the header alone is intact
    with pytest.raises(EditorError) as caught:
        load_image(truncated)
    assert caught.value.code == "image.corrupt"


def test_max_side_fits_the_long_side() -> None:
    pixels = load_image(encode(halves((1600, 900), RED, BLUE), "JPEG"), max_side=400)
    assert pixels.shape == (225, 400, 3)
    assert_close(pixels[100:120, 20:180], RED, 40)
    assert_close(pixels[100:120, 220:380], BLUE, 40)


def test_max_side_applies_after_orientation() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 8
    pixels = load_image(encode(Image.new("RGB", (400, 200), RED), "JPEG", exif=exif), max_side=100)
    assert pixels.shape == (100, 50, 3)


def test_max_side_never_enlarges() -> None:
    assert load_image(encode(Image.new("RGB", (30, 20)), "PNG"), max_side=400).shape == (20, 30, 3)


def test_max_side_must_be_positive() -> None:
    with pytest.raises(ValueError):
        load_image(encode(Image.new("RGB", (30, 20)), "PNG"), max_side=0)


def photo_with_private_metadata() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PrivatePhone"
    exif[ExifTags.Base.Orientation] = 6
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (31.0, 14.0, 2.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (121.0, 28.0, 9.5)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return encode(
        halves((800, 600), RED, BLUE),
        "JPEG",
        exif=exif,
        icc_profile=icc,
        comment=b"PrivateComment",
        xmp=b"<x:xmpmeta>PrivateXmp</x:xmpmeta>",
    )


def test_thumbnail_fits_and_carries_no_metadata(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(photo_with_private_metadata())
    with Image.open(path) as source:
        assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # it really has a position
    thumbnail = make_thumbnail(path, 128)
    assert sniff_format(thumbnail) == "jpeg"
    for secret in (b"Exif", b"PrivatePhone", b"PrivateComment", b"PrivateXmp", b"ICC_PROFILE"):
        assert secret not in thumbnail
    pixels = load_image(thumbnail)
    assert pixels.shape == (128, 96, 3)  # the orientation is baked into the pixels
    assert_close(pixels[10:50, 20:76], RED, 40)


def test_thumbnail_of_a_small_image_is_not_enlarged() -> None:
    thumbnail = make_thumbnail(encode(Image.new("RGB", (40, 30), RED), "PNG"))
    assert probe_image(thumbnail).width == 40


@pytest.mark.parametrize(("size", "quality"), [(0, 85), (256, 0), (256, 96)])
def test_thumbnail_arguments_are_checked(size: int, quality: int) -> None:
    with pytest.raises(ValueError):
        make_thumbnail(encode(Image.new("RGB", (4, 4)), "PNG"), size, quality=quality)
