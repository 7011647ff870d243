"""The publish package: its manifest, the human's "posted" confirmation, and
`main.py package` end to end against a server and against a local data folder."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PIL import Image

from publisher.client import StudioClient
from publisher.client.errors import NotFoundError, ValidationError
from publisher.domain.aigc_label import PROPAGATOR, AigcLabel, xmp_packet
from studio.backend_process import MAIN_PY
from tests.backend_process import start_backend
from tests.media_samples import image_bytes, write_image
from tests.publisher.test_aigc_label import aigc_values, xmp_read_by_pillow


def photo(client, folder, color) -> str:
    path = write_image(folder / f"{uuid.uuid4().hex}.jpg", color=color)
    return client.upload_media(path).sha256


def note_with_edit(client, folder, **flags):
    """Two photos; the second has an export of its edit, which the package must use."""
    first, second = photo(client, folder, (200, 0, 0)), photo(client, folder, (0, 200, 0))
    png = folder / "export.png"
    png.write_bytes(image_bytes("PNG", size=(90, 120), color=(0, 0, 200)))
    rendered = client.upload_media(png).sha256
    media = [
        {"sha256": first},
        {"sha256": second, "recipe": {"adjust": {"exposure": 1}}, "rendered_sha256": rendered},
    ]
    account = client.list_accounts()[0].id
    note, _ = client.create_note(
        account_id=account, title="成都三天两夜", body="吃吃喝喝", media=media, **flags
    )
    note, _ = client.set_note_place(note.id, version=note.version, place_id="cn:510107")
    return note, (first, rendered)


def package_from_server(api, backend, note_id: uuid.UUID, out: Path) -> Path:
    """Run the package command against `backend` as `api`'s user; the folder it wrote."""
    token = api.transport.token
    done = run_cli(str(note_id), "-o", str(out), "--server", backend.url, f"--token={token}")
    assert done.returncode == 0, done.stderr
    return out


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN_PY), "package", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_manifest_lists_images_in_order_with_the_edited_export(api, other_api, tmp_path):
    note, (first, rendered) = note_with_edit(api, tmp_path)
    package = api.get_package(note.id)
    assert [(i.filename, i.sha256, i.rendered) for i in package.images] == [
        ("01.jpg", first, False),
        ("02.png", rendered, True),
    ]
    assert (package.images[1].width, package.images[1].height) == (90, 120)
    assert package.cover == package.images[0]
    assert package.caption == "成都三天两夜\n\n吃吃喝喝"
    assert package.meta.place.name == "武侯区"
    assert api.package_image(note.id, 1) == api.media_bytes(rendered)
    with pytest.raises(NotFoundError):
        other_api.get_package(note.id)
    with pytest.raises(NotFoundError):
        other_api.package_image(note.id, 0)
    with pytest.raises(NotFoundError) as caught:
        api.package_image(note.id, 5)
    assert caught.value.code == "package.image_not_found"


def test_the_caption_and_meta_carry_topics_products_and_flags(api, tmp_path):
    account = api.list_accounts()[0]
    api.set_can_link_products(account.id, version=account.version, allowed=True)
    shop = api.create_storefront(name="小店")
    product = api.create_product(storefront_id=shop.id, name="防晒霜", sku="SPF50", price_fen=8900)
    topics = [api.create_topic(name).id for name in ("成都美食", "周末去哪儿")]
    sha = photo(api, tmp_path, (10, 20, 30))
    note, _ = api.create_note(
        account_id=account.id,
        title="火锅",
        body="好吃",
        media=[{"sha256": sha}],
        topics=topics,
        product_ids=[product.id],
        ai_generated=True,
    )
    package = api.get_package(note.id)
    assert package.caption == "火锅\n\n好吃\n\n#成都美食[话题]# #周末去哪儿[话题]#"
    assert package.meta.topics == ["成都美食", "周末去哪儿"]
    assert [(p.name, p.sku, p.price_fen) for p in package.meta.products] == [
        ("防晒霜", "SPF50", 8900)
    ]
    assert package.meta.flags == {
        "visibility": "public",
        "original": False,
        "ai_generated": True,
        "collaboration": False,
    }


def test_posted_is_confirmed_once_by_a_human_with_a_platform_link(api, tmp_path):
    note, _ = note_with_edit(api, tmp_path)
    with pytest.raises(ValidationError) as caught:
        api.confirm_posted(note.id)
    assert caught.value.code == "note.not_published"
    api.publish_note(note.id)
    for bad in (
        "https://example.com/x",
        "javascript:alert(1)",
        "https://xiaohongshu.com.evil.cn/a",
    ):
        with pytest.raises(ValidationError) as caught:
            api.confirm_posted(note.id, link=bad)
        assert caught.value.code == "posted.link_invalid"
    posted, _ = api.confirm_posted(note.id)
    assert posted.posted_by == api.me().id and posted.posted_link is None
    link = "https://www.xiaohongshu.com/explore/6650a1b2c3d4e5f6a7b8c9d0"
    linked, _ = api.confirm_posted(note.id, link=link)
    again, _ = api.confirm_posted(note.id, link=link)
    assert (linked.posted_link, linked.posted_at) == (link, posted.posted_at)
    assert again.version == linked.version and again.posted_at == posted.posted_at


def test_the_package_command_writes_numbered_images_cover_caption_and_meta(api, backend, tmp_path):
    note, (first, rendered) = note_with_edit(api, tmp_path)
    out = package_from_server(api, backend, note.id, tmp_path / "out")
    assert sorted(p.name for p in out.iterdir()) == [
        "01.jpg",
        "02.png",
        "caption.txt",
        "cover.jpg",
        "meta.json",
    ]
    # Not flagged as AI-generated: the files are the stored bytes, with no label added.
    assert (out / "02.png").read_bytes() == api.media_bytes(rendered)
    assert (
        (out / "cover.jpg").read_bytes() == (out / "01.jpg").read_bytes() == api.media_bytes(first)
    )
    assert (out / "caption.txt").read_text(encoding="utf-8") == "成都三天两夜\n\n吃吃喝喝"
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["place"]["id"] == "cn:510107" and meta["images"] == ["01.jpg", "02.png"]
    assert {"topics", "products", "flags"} <= meta.keys()


def test_an_ai_generated_notes_images_carry_the_implicit_label(api, backend, tmp_path):
    note, (first, rendered) = note_with_edit(api, tmp_path, ai_generated=True)
    out = package_from_server(api, backend, note.id, tmp_path / "out")
    for name, number in (("01.jpg", 1), ("cover.jpg", 1), ("02.png", 2)):
        [value] = aigc_values(xmp_read_by_pillow((out / name).read_bytes()))
        assert value["Label"] == "1"
        assert value["ContentPropagator"] == PROPAGATOR
        assert value["PropagateID"] == f"{note.id}/{number:02d}"
    # The photo itself is not re-encoded: from the start of scan on it is the stored bytes.
    stored = api.media_bytes(first)
    assert (out / "01.jpg").read_bytes().endswith(stored[stored.index(b"\xff\xda") :])
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["flags"]["ai_generated"] is True


def test_the_package_command_explains_failures_with_exit_codes(api, backend, tmp_path):
    token = api.transport.token
    unknown = run_cli(
        str(uuid.uuid4()), "-o", str(tmp_path), "--server", backend.url, f"--token={token}"
    )
    assert (unknown.returncode, unknown.stderr.strip()) == (1, "package: note.not_found")
    usage = run_cli("not-a-uuid", "-o", str(tmp_path))
    assert (usage.returncode, usage.stderr.strip()) == (2, "package: note_id.invalid")
    down = run_cli(
        str(uuid.uuid4()), "-o", str(tmp_path), "--server", "http://127.0.0.1:9", "--token", "t"
    )
    assert (down.returncode, down.stderr.strip()) == (1, "package: backend.unreachable")
    bad_token = run_cli(
        str(uuid.uuid4()), "-o", str(tmp_path), "--server", backend.url, "--token", "nope"
    )
    assert (bad_token.returncode, bad_token.stderr.strip()) == (1, "package: auth.invalid_token")
    empty = run_cli(
        str(uuid.uuid4()), "-o", str(tmp_path / "x"), "--data-dir", str(tmp_path / "none")
    )
    assert (empty.returncode, empty.stderr.strip()) == (1, "package: data_dir.no_studio")


def test_the_package_command_reads_the_local_studio_folder(tmp_path):
    local = start_backend(tmp_path / "studio")
    try:
        client = StudioClient(local.url, local.token)
        note, _ = note_with_edit(client, tmp_path)
        out = tmp_path / "out"
        done = run_cli(str(note.id), "-o", str(out), "--data-dir", str(tmp_path / "studio"))
        assert done.returncode == 0, done.stderr  # beside the running studio
        assert (out / "02.png").read_bytes() == client.media_bytes(note.media[1].rendered_sha256)
    finally:
        local.stop()
    stopped = run_cli(
        str(note.id), "-o", str(tmp_path / "again"), "--data-dir", str(tmp_path / "studio")
    )
    assert stopped.returncode == 0, stopped.stderr
    assert (
        (tmp_path / "again" / "caption.txt").read_text(encoding="utf-8").startswith("成都三天两夜")
    )


def heic_and_avif_with_orientation(folder):
    """A landscape photo, red left and blue right, stored turned (EXIF orientation 6: shown
    rotated 90° clockwise, so red on top) with camera EXIF; the HEIC also carries a
    generator's label in its XMP."""
    import pillow_heif

    picture = Image.new("RGB", (60, 40), (220, 0, 0))
    picture.paste((0, 0, 220), (30, 0, 60, 40))
    exif = Image.Exif()
    exif[0x010F] = "ZhongcaoCam"  # Make
    exif[0x0112] = 6  # Orientation
    generator = AigcLabel(content_producer="001191Gen", produce_id="gen-42")
    heic, avif = io.BytesIO(), io.BytesIO()
    pillow_heif.from_pillow(picture).save(
        heic, quality=95, exif=exif.tobytes(), xmp=xmp_packet(generator)
    )
    picture.save(avif, "AVIF", quality=95, exif=exif.tobytes())
    (folder / "a.heic").write_bytes(heic.getvalue())
    (folder / "b.avif").write_bytes(avif.getvalue())
    return folder / "a.heic", folder / "b.avif"


def test_an_ai_generated_notes_heic_and_avif_go_out_as_labelled_jpegs(api, backend, tmp_path):
    """HEIC and AVIF have no XMP carrier here, so they used to leave unlabelled: now they are
    converted to upright JPEGs, named .jpg in the manifest, and labelled."""
    heic, avif = heic_and_avif_with_orientation(tmp_path)
    media = [{"sha256": api.upload_media(path).sha256} for path in (heic, avif)]
    account = api.list_accounts()[0].id
    plain, _ = api.create_note(account_id=account, title="原图", body="", media=media)
    assert [i.filename for i in api.get_package(plain.id).images] == ["01.heic", "02.avif"]
    note, _ = api.create_note(
        account_id=account, title="AI 图", body="", media=media, ai_generated=True
    )
    package = api.get_package(note.id)
    assert [(i.filename, i.mime) for i in package.images] == [
        ("01.jpg", "image/heic"),
        ("02.jpg", "image/avif"),
    ]
    out = package_from_server(api, backend, note.id, tmp_path / "out")
    assert sorted(p.name for p in out.iterdir()) == [
        "01.jpg",
        "02.jpg",
        "caption.txt",
        "cover.jpg",
        "meta.json",
    ]
    for name, number in (("01.jpg", 1), ("cover.jpg", 1), ("02.jpg", 2)):
        data = (out / name).read_bytes()
        [value] = aigc_values(xmp_read_by_pillow(data))
        assert (value["Label"], value["ContentPropagator"]) == ("1", PROPAGATOR)
        assert value["PropagateID"] == f"{note.id}/{number:02d}"
        with Image.open(io.BytesIO(data)) as image:
            assert (image.format, image.size) == ("JPEG", (40, 60))  # upright
            exif = image.getexif()
            assert exif[0x010F] == "ZhongcaoCam" and exif.get(0x0112, 1) == 1
            top, bottom = image.getpixel((20, 10)), image.getpixel((20, 50))
        assert top[0] > 180 > top[2] and bottom[2] > 180 > bottom[0]
    # The generator's own fields survive the conversion (the AVIF had none).
    [first] = aigc_values(xmp_read_by_pillow((out / "01.jpg").read_bytes()))
    assert (first["ContentProducer"], first["ProduceID"]) == ("001191Gen", "gen-42")
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["images"] == ["01.jpg", "02.jpg"]
