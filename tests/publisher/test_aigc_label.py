"""The implicit AI-generated-content label (GB 45438-2025 XMP `TC260:AIGC`) in image bytes.

Every check reads the result back with Pillow, an independent reader of each container, and
parses the XMP with a real XML parser, so a label only this module could find would fail.
"""

from __future__ import annotations

import io
import json
import uuid
import xml.etree.ElementTree as ET
import zlib
from xml.sax.saxutils import escape

import numpy as np
import pytest
from PIL import Image, ImageCms

from publisher.client.package_files import PackageImageError, write_package
from publisher.domain import xmp_files
from publisher.domain.aigc_label import (
    NAMESPACE,
    PROPAGATOR,
    AigcLabel,
    can_label,
    label_image,
    merge_into_packet,
    read_label,
    xmp_packet,
)
from publisher.domain.xmp_files import XmpContainerError, get_xmp, put_xmp
from publisher.schemas import PackageImage, PackageMeta, PublishPackage

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
KEYS = [
    "Label",
    "ContentProducer",
    "ProduceID",
    "ReservedCode1",
    "ContentPropagator",
    "PropagateID",
    "ReservedCode2",
]
LABEL = AigcLabel.propagated("note-1/01")
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def photo(fmt: str, mode: str = "RGB", **save) -> bytes:
    """A small picture with real pixel variation (so a re-encode would show)."""
    rng = np.random.default_rng(7)
    channels = {"RGB": 3, "RGBA": 4}[mode]
    pixels = rng.integers(0, 256, (40, 56, channels), dtype=np.uint8)
    out = io.BytesIO()
    Image.fromarray(pixels, mode).save(out, fmt, **save)
    return out.getvalue()


def camera_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "ZhongcaoCam"  # Make
    exif[0x0132] = "2025:09:01 10:00:00"  # DateTime
    return exif.tobytes()


def xmp_read_by_pillow(data: bytes) -> str:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        raw = image.info.get("xmp", image.info.get("XML:com.adobe.xmp"))
    assert raw, "Pillow finds no XMP"
    return raw.decode("utf-8") if isinstance(raw, bytes) else raw


def aigc_values(xmp: str) -> list[dict]:
    """Every AIGC property in the packet, as parsed JSON (element or attribute form)."""
    root = ET.fromstring(xmp.encode("utf-8").split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
    found = [json.loads(e.text or "") for e in root.iter(f"{{{NAMESPACE}}}AIGC")]
    for description in root.iter(f"{{{RDF}}}Description"):
        if f"{{{NAMESPACE}}}AIGC" in description.attrib:
            found.append(json.loads(description.attrib[f"{{{NAMESPACE}}}AIGC"]))
    return found


def pixels(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as image:
        return np.asarray(image.convert("RGBA"))


def test_the_packet_is_xmp_with_the_seven_elements_in_the_standards_order():
    packet = xmp_packet(LABEL).decode("utf-8")
    [value] = aigc_values(packet)
    assert list(value) == KEYS
    assert value == {
        "Label": "1",
        "ContentProducer": "",
        "ProduceID": "",
        "ReservedCode1": "",
        "ContentPropagator": PROPAGATOR,
        "PropagateID": "note-1/01",
        "ReservedCode2": "",
    }
    assert read_label(packet.encode()) == LABEL


def test_a_jpeg_keeps_its_exif_icc_and_compressed_data():
    original = photo("JPEG", exif=camera_exif(), icc_profile=SRGB, quality=85)
    labelled = label_image(original, "image/jpeg", LABEL)
    [value] = aigc_values(xmp_read_by_pillow(labelled))
    assert (value["Label"], value["ContentPropagator"]) == ("1", PROPAGATOR)
    with Image.open(io.BytesIO(labelled)) as image:
        assert image.info["icc_profile"] == SRGB
        assert image.getexif()[0x010F] == "ZhongcaoCam"
    # Not re-encoded: everything from the start of scan on is the same bytes.
    scan = original.index(b"\xff\xda")
    assert labelled.endswith(original[scan:])
    # EXIF stays the first APP1 segment (readers expect it right after SOI/JFIF).
    assert labelled.index(b"Exif\x00\x00") < labelled.index(b"http://ns.adobe.com/xap/1.0/")


def test_labelling_twice_leaves_one_packet_with_one_label():
    once = label_image(photo("JPEG"), "image/jpeg", LABEL)
    twice = label_image(once, "image/jpeg", AigcLabel.propagated("note-1/02"))
    assert twice.count(b"http://ns.adobe.com/xap/1.0/\x00") == 1
    [value] = aigc_values(xmp_read_by_pillow(twice))
    assert value["PropagateID"] == "note-1/02"


def test_a_png_keeps_its_icc_profile_and_pixels():
    original = photo("PNG", mode="RGBA", icc_profile=SRGB)
    labelled = label_image(original, "image/png", LABEL)
    [value] = aigc_values(xmp_read_by_pillow(labelled))
    assert value["PropagateID"] == "note-1/01"
    with Image.open(io.BytesIO(labelled)) as image:
        assert image.info["icc_profile"] == SRGB
    assert np.array_equal(pixels(labelled), pixels(original))
    assert labelled.index(b"XML:com.adobe.xmp") < labelled.index(b"IDAT")


@pytest.mark.parametrize(
    ("mode", "save"),
    [
        ("RGB", {"quality": 80}),  # simple lossy: VP8 only
        ("RGBA", {"lossless": True}),  # simple lossless with alpha: VP8L only
        ("RGB", {"quality": 80, "exif": camera_exif()}),  # extended already: VP8X + EXIF
    ],
)
def test_a_webp_gets_the_extended_header_it_needs(mode, save):
    original = photo("WEBP", mode=mode, **save)
    labelled = label_image(original, "image/webp", LABEL)
    [value] = aigc_values(xmp_read_by_pillow(labelled))
    assert value["Label"] == "1"
    assert np.array_equal(pixels(labelled), pixels(original))
    with Image.open(io.BytesIO(labelled)) as image:
        assert (image.size, image.mode) == ((56, 40), mode)
        if "exif" in save:
            assert image.getexif()[0x010F] == "ZhongcaoCam"


GENERATOR_XMP = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="{rdf}">'
    '<rdf:Description rdf:about="" xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/" '
    'hdrgm:Version="1.0"/>'
    '<rdf:Description rdf:about="" xmlns:tc="{ns}" tc:AIGC="{value}"/>'
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def test_a_generators_label_keeps_its_producer_fields_and_the_files_other_xmp():
    producer = {"Label": "1", "ContentProducer": "001191Gen", "ProduceID": "gen-42"}
    value = json.dumps(producer).replace('"', "&quot;")
    packet = GENERATOR_XMP.format(rdf=RDF, ns=NAMESPACE, value=value).encode()
    merged = merge_into_packet(packet, LABEL).decode()
    assert 'hdrgm:Version="1.0"' in merged  # the rest of the packet is untouched
    [found] = aigc_values(merged)
    assert found == {
        "Label": "1",
        "ContentProducer": "001191Gen",
        "ProduceID": "gen-42",
        "ReservedCode1": "",
        "ContentPropagator": PROPAGATOR,
        "PropagateID": "note-1/01",
        "ReservedCode2": "",
    }


def test_a_packet_without_the_label_gets_it_beside_its_own_properties():
    own = GENERATOR_XMP.replace(
        '<rdf:Description rdf:about="" xmlns:tc="{ns}" tc:AIGC="{value}"/>', ""
    )
    with_xmp = put_xmp(photo("PNG"), "image/png", own.format(rdf=RDF).encode())
    labelled = label_image(with_xmp, "image/png", LABEL)
    xmp = xmp_read_by_pillow(labelled)
    assert 'hdrgm:Version="1.0"' in xmp
    assert [v["PropagateID"] for v in aigc_values(xmp)] == ["note-1/01"]


def test_only_formats_with_an_xmp_carrier_are_labelled():
    assert all(can_label(m) for m in ("image/jpeg", "image/png", "image/webp"))
    assert not any(can_label(m) for m in ("image/heic", "image/avif", "video/mp4"))
    with pytest.raises(ValueError):
        label_image(b"not an image", "image/jpeg", LABEL)
    with pytest.raises(XmpContainerError):
        get_xmp(photo("PNG"), "image/jpeg")
    assert get_xmp(photo("JPEG"), "image/jpeg") is None


def test_a_jpeg_packet_with_no_room_left_gives_way_to_the_label():
    own = GENERATOR_XMP.replace(
        '<rdf:Description rdf:about="" xmlns:tc="{ns}" tc:AIGC="{value}"/>', ""
    )
    full = own.format(rdf=RDF).replace("<?xpacket end", " " * 65_000 + "<?xpacket end")
    crowded = put_xmp(photo("JPEG"), "image/jpeg", full.encode())
    labelled = label_image(crowded, "image/jpeg", LABEL)
    xmp = xmp_read_by_pillow(labelled)
    assert "hdrgm" not in xmp
    assert [v["Label"] for v in aigc_values(xmp)] == ["1"]


def test_a_package_image_too_damaged_to_label_stops_the_export_naming_it(tmp_path):
    """An AI-generated note's image is never handed on without its label."""
    note_id = uuid.uuid4()
    images = [
        PackageImage(
            position=index,
            filename=name,
            sha256="0" * 64,
            mime="image/jpeg",
            width=8,
            height=8,
            rendered=False,
        )
        for index, name in enumerate(("01.jpg", "02.jpg"))
    ]
    manifest = PublishPackage(
        note_id=note_id,
        version=1,
        status="published",
        title="t",
        body="b",
        caption="t",
        images=images,
        cover=images[0],
        meta=PackageMeta(flags={"ai_generated": True}),
    )
    good = photo("JPEG")
    with pytest.raises(PackageImageError) as refused:
        write_package(manifest, lambda pos: good if pos == 0 else b"\xff\xd8junk", tmp_path)
    assert refused.value.code == "package.image_malformed"
    assert refused.value.params == {"file": "02.jpg"}
    [value] = aigc_values(xmp_read_by_pillow((tmp_path / "01.jpg").read_bytes()))
    assert value["PropagateID"] == f"{note_id}/01"
    assert not (tmp_path / "02.jpg").exists()


def hostile_packet(declarations: int, openings: int) -> bytes:
    """Many declarations of the namespace, then many AIGC elements that never close."""
    head = "".join(f'<rdf:Description xmlns:p{i}="{NAMESPACE}"/>' for i in range(declarations))
    body = head + "<p0:AIGC>x" * openings
    return f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="{RDF}">{body}'.encode()


def test_unclosed_labels_under_many_declarations_are_scanned_once():
    """Each declaration used to rescan the packet, and each unclosed opening tag the rest of
    it: this 64 KB JPEG took about 20 s to label. One linear pass takes milliseconds."""
    packet = hostile_packet(declarations=50, openings=6000)
    hostile = put_xmp(photo("JPEG"), "image/jpeg", packet)
    assert read_label(packet) is None
    labelled = label_image(hostile, "image/jpeg", LABEL)
    # Nothing to edit in place and no closing tag: the label goes in beside the rest.
    assert read_label(get_xmp(labelled, "image/jpeg") or b"") == LABEL


def test_an_oversized_packet_is_replaced_not_parsed():
    big = hostile_packet(declarations=1, openings=120_000)  # 1.2 MB
    assert len(big) > 1024 * 1024
    assert read_label(big) is None
    assert merge_into_packet(big, LABEL) == xmp_packet(LABEL)


@pytest.mark.parametrize(
    "value",
    [
        "[" * 50_000,  # RecursionError in json.loads, not ValueError
        '{"Label":' + "[" * 3000,  # small, an object, and still nested past the stack
        "[1]",
        '"AIGC"',
        '{"Label":"1","ContentProducer":"' + "x" * 5000 + '"}',  # longer than any real label
    ],
)
def test_a_value_that_is_not_a_small_json_object_is_no_label(value):
    attribute = escape(value, {'"': "&quot;"})
    packet = GENERATOR_XMP.format(rdf=RDF, ns=NAMESPACE, value=attribute).encode()
    assert read_label(packet) is None
    labelled = label_image(put_xmp(photo("PNG"), "image/png", packet), "image/png", LABEL)
    [found] = aigc_values(xmp_read_by_pillow(labelled))
    assert found["ContentProducer"] == "" and found["PropagateID"] == "note-1/01"


def compressed_xmp_png(deflated: bytes) -> bytes:
    """A PNG whose XMP iTXt chunk holds `deflated` with the compression flag set."""
    body = b"XML:com.adobe.xmp\x00\x01\x00\x00\x00" + deflated
    original = photo("PNG")
    at = original.index(b"IDAT") - 4
    return original[:at] + xmp_files._png_chunk(b"iTXt", body) + original[at:]


def test_a_compressed_png_packet_is_inflated_only_so_far():
    """200 KB of zlib used to inflate to 200 MB; past 1 MB the packet counts as none and the
    label replaces it."""
    bomb = compressed_xmp_png(zlib.compress(b" " * 200_000_000, 9))
    assert len(bomb) < 300_000
    assert get_xmp(bomb, "image/png") is None
    labelled = label_image(bomb, "image/png", LABEL)
    assert len(labelled) < 10_000
    [value] = aigc_values(xmp_read_by_pillow(labelled))
    assert value["PropagateID"] == "note-1/01"
    # A packet within the limit still reads, and a cut-off stream is malformed.
    small = xmp_packet(LABEL)
    assert get_xmp(compressed_xmp_png(zlib.compress(small)), "image/png") == small
    with pytest.raises(XmpContainerError):
        get_xmp(compressed_xmp_png(zlib.compress(small)[:40]), "image/png")


def test_fill_bytes_before_the_xmp_segment_go_with_it():
    """The segment's end was counted from before its fill bytes, leaving that many bytes of
    the old packet between the new segment and the next one."""
    plain = put_xmp(photo("JPEG", exif=camera_exif()), "image/jpeg", xmp_packet(LABEL))
    at = plain.index(b"\xff\xe1", plain.index(b"Exif") + 1)  # the XMP segment's marker
    filled = plain[:at] + b"\xff\xff\xff" + plain[at:]
    relabel = AigcLabel.propagated("note-1/02")
    labelled = label_image(filled, "image/jpeg", relabel)
    assert labelled == label_image(plain, "image/jpeg", relabel)
    assert read_label(get_xmp(label_image(labelled, "image/jpeg", LABEL), "image/jpeg") or b"")
    assert np.array_equal(pixels(labelled), pixels(plain))


def test_a_heic_that_cannot_be_decoded_stops_the_export_rather_than_leave_unlabelled(tmp_path):
    image = PackageImage(
        position=0,
        filename="01.jpg",
        sha256="0" * 64,
        mime="image/heic",
        width=8,
        height=8,
        rendered=False,
    )
    manifest = PublishPackage(
        note_id=uuid.uuid4(),
        version=1,
        status="published",
        title="t",
        body="b",
        caption="t",
        images=[image],
        cover=image,
        meta=PackageMeta(flags={"ai_generated": True}),
    )
    junk = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    with pytest.raises(PackageImageError) as refused:
        write_package(manifest, lambda pos: junk, tmp_path)
    assert refused.value.params == {"file": "01.jpg"}
    assert list(tmp_path.iterdir()) == []
