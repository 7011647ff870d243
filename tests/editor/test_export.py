"""The export: platform size, no private metadata, deterministic bytes, safe file writes."""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path

import numpy as np
import pytest
from PIL import ExifTags, Image, ImageCms

from editor import EditorError
from editor.export import encode_jpeg, write_new_file
from editor.recipe import Crop, Geometry, Recipe
from editor.render import export_jpeg, render
from tests.editor.media import encode
from tests.editor.test_render import EDIT, photo, psnr


def camera_jpeg(width: int = 2000, height: int = 1500) -> bytes:
    """A JPEG carrying what a phone writes: GPS position, camera, time, comment, ICC, XMP."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone"
    exif[ExifTags.Base.DateTime] = "2026:11:27 09:30:00"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (31.0, 14.0, 0.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (121.0, 28.0, 0.0)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    return encode(
        Image.fromarray(photo(width, height)),
        "JPEG",
        quality=92,
        exif=exif,
        comment=b"secret",
        icc_profile=b"\0" * 128,
        xmp=xmp,
    )


THREE_FOUR = Recipe(geometry=Geometry(crop=Crop(0.21875, 0.0, 0.5625, 1.0), aspect="3:4"))


def test_a_3_4_crop_exports_at_1080_by_1440() -> None:
    out = Image.open(io.BytesIO(export_jpeg(camera_jpeg(), THREE_FOUR)))
    assert out.format == "JPEG" and out.mode == "RGB"
    assert out.size == (1080, 1440)


def test_the_export_carries_no_metadata_at_all() -> None:
    data = export_jpeg(camera_jpeg(), EDIT)
    out = Image.open(io.BytesIO(data))
    assert len(out.getexif()) == 0
    assert not {"exif", "icc_profile", "xmp", "comment"} & set(out.info)
    # Nor anywhere in the bytes: no APP1 (EXIF/XMP) or APP2 (ICC) segment, no COM segment.
    assert b"Exif\0\0" not in data and b"secret" not in data
    assert b"\xff\xe1" not in data and b"\xff\xe2" not in data and b"\xff\xfe" not in data


def test_the_export_matches_the_render_of_the_full_original() -> None:
    source = camera_jpeg(2000, 1500)
    exported = np.asarray(Image.open(io.BytesIO(export_jpeg(source, EDIT, quality=95))))
    original = np.asarray(Image.open(io.BytesIO(source)).convert("RGB"))
    reference = render(original, EDIT, size=exported.shape[1::-1])
    assert psnr(exported, reference) > 33


def test_the_same_recipe_gives_the_same_bytes() -> None:
    source = camera_jpeg(800, 600)
    grainy = EDIT.with_adjust(grain=60)
    assert export_jpeg(source, grainy) == export_jpeg(source, grainy)


def test_size_and_quality_are_honoured() -> None:
    source = camera_jpeg(800, 600)
    small = export_jpeg(source, Recipe(), size=(400, 300), quality=30)
    large = export_jpeg(source, Recipe(), size=(400, 300), quality=95)
    assert Image.open(io.BytesIO(small)).size == (400, 300)
    assert len(small) < len(large) / 2


def test_fit_puts_a_crop_of_another_shape_inside_the_size() -> None:
    source = camera_jpeg(800, 600)
    square = Recipe(geometry=Geometry(crop=Crop(0.125, 0.0, 0.75, 1.0)))  # 600×600

    def size_of(data: bytes) -> tuple[int, int]:
        return Image.open(io.BytesIO(data)).size

    assert size_of(export_jpeg(source, square, size=(600, 300), fit=True)) == (300, 300)
    # Within 1 % of the box's shape the box itself is used; without fit it always is.
    assert size_of(export_jpeg(source, square, size=(301, 300), fit=True)) == (301, 300)
    assert size_of(export_jpeg(source, square, size=(600, 300))) == (600, 300)


def test_a_bad_source_is_refused_with_its_code(tmp_path: Path) -> None:
    path = tmp_path / "note.jpg"
    path.write_text("<html>not a photo</html>")
    with pytest.raises(EditorError) as refused:
        export_jpeg(path, Recipe())
    assert refused.value.code == "image.unsupported_format"


def test_quality_out_of_range_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        encode_jpeg(np.zeros((2, 2, 3), dtype=np.uint8), quality=0)


def test_write_new_file_never_replaces_and_numbers_the_name(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(b"original")
    second = write_new_file(tmp_path, "a.jpg", b"one")
    third = write_new_file(tmp_path, "a.jpg", b"two")
    assert (second.name, third.name) == ("a-2.jpg", "a-3.jpg")
    assert (tmp_path / "a.jpg").read_bytes() == b"original"
    assert second.read_bytes() == b"one" and third.read_bytes() == b"two"
    assert sorted(os.listdir(tmp_path)) == ["a-2.jpg", "a-3.jpg", "a.jpg"]


def test_an_interrupted_write_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", disk_full)
    with pytest.raises(OSError):
        write_new_file(tmp_path, "b.jpg", b"data")
    assert os.listdir(tmp_path) == []


def test_a_file_system_without_hard_links_still_gets_a_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: object) -> None:
        raise OSError(1, "Operation not permitted")  # what vfat answers

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "c.jpg").write_bytes(b"original")
    written = write_new_file(tmp_path, "c.jpg", b"new")
    assert written.name == "c-2.jpg" and written.read_bytes() == b"new"
    assert (tmp_path / "c.jpg").read_bytes() == b"original"
    assert sorted(os.listdir(tmp_path)) == ["c-2.jpg", "c.jpg"]


def test_an_export_is_readable_by_others_like_any_photo(tmp_path: Path) -> None:
    written = write_new_file(tmp_path, "d.jpg", b"data")
    assert written.stat().st_mode & 0o777 == 0o644


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ " + bytes(4) + _s15(x) + _s15(y) + _s15(z)


def _text(text: str) -> bytes:
    ascii_text = text.encode() + b"\0"
    return b"desc" + bytes(4) + struct.pack(">I", len(ascii_text)) + ascii_text + bytes(78)


def _gamma(value: float) -> bytes:
    return b"curv" + bytes(4) + struct.pack(">IH", 1, round(value * 256))


def display_p3_profile() -> bytes:
    """A minimal ICC v2 matrix/curve profile with Display P3's primaries (D50-adapted, as in
    Apple's profile) and a 2.2 gamma: enough for LittleCMS to convert from it."""
    tags = [
        (b"desc", _text("Display P3 (test)")),
        (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz(0.5151, 0.2412, -0.0011)),
        (b"gXYZ", _xyz(0.2919, 0.6922, 0.0419)),
        (b"bXYZ", _xyz(0.1572, 0.0666, 0.7841)),
        (b"rTRC", _gamma(2.2)),
        (b"gTRC", _gamma(2.2)),
        (b"bTRC", _gamma(2.2)),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += bytes(-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    header = (
        struct.pack(">I", offset + len(data))
        + bytes(4)
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + bytes(12)
        + b"acsp"
        + bytes(28)
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + bytes(48)
    )
    return header + struct.pack(">I", len(tags)) + table + data


def exported_colour(source: bytes) -> np.ndarray:
    data = export_jpeg(source, Recipe(), size=(16, 16), quality=100)
    with Image.open(io.BytesIO(data)) as image:
        return np.asarray(image.convert("RGB"), dtype=int)[8, 8]


def test_a_display_p3_photo_is_converted_to_srgb() -> None:
    colour = Image.new("RGB", (16, 16), (200, 110, 90))
    tagged = exported_colour(encode(colour, "PNG", icc_profile=display_p3_profile()))
    untagged = exported_colour(encode(colour, "PNG"))
    assert np.abs(untagged - [200, 110, 90]).max() <= 2
    # The same numbers mean a more saturated colour in P3: in sRGB red rises, blue falls.
    assert tagged[0] >= 210 and tagged[2] <= 86


def test_srgb_tagged_and_broken_profiles_leave_the_pixels_alone() -> None:
    colour = Image.new("RGB", (16, 16), (200, 110, 90))
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    for profile in (srgb, b"not a profile" * 10):
        tagged = exported_colour(encode(colour, "PNG", icc_profile=profile))
        assert np.abs(tagged - [200, 110, 90]).max() <= 2


def test_a_profile_with_a_non_ascii_colour_space_leaves_the_pixels_alone() -> None:
    colour = Image.new("RGB", (16, 16), (200, 110, 90))
    profile = bytearray(display_p3_profile())
    profile[16:20] = b"\xff\xfe\x80\x81"  # the header's colour-space signature ("RGB ")
    tagged = exported_colour(encode(colour, "PNG", icc_profile=bytes(profile)))
    assert np.abs(tagged - [200, 110, 90]).max() <= 2
