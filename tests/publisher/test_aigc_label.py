"""The implicit AI-generated-content label (GB 45438-2025 XMP `TC260:AIGC`) in image bytes.

Every check reads the result back with Pillow, an independent reader of each container, and
parses the XMP with a real XML parser, so a label only this module could find would fail.
"""

from __future__ import annotations

import io
import json
import uuid
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image, ImageCms

from publisher.client.package_files import PackageImageError, write_package
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
