"""`/m/<sha256>`: what the reader pages show, to anyone, and nothing else — not a draft's
photo, not the unedited original under a published render — pictures always re-encoded."""

from __future__ import annotations

import io

import requests
from PIL import Image
from sqlalchemy import select

from publisher.db.models import MediaAsset, Note, NoteMedia
from tests.reader_world import ReaderWorld


def _media_of(world: ReaderWorld, status: str, kind: str = "image") -> NoteMedia:
    with world.db() as session:
        return session.scalars(
            select(NoteMedia)
            .join(Note, Note.id == NoteMedia.note_id)
            .where(Note.status == status, Note.type == kind, Note.visibility == "public")
            .limit(1)
        ).one()


def test_a_published_picture_comes_at_tile_size_and_never_as_the_original(reader_world):
    shown = _media_of(reader_world, "published")
    sha = shown.rendered_sha256 or shown.sha256
    tile = requests.get(f"{reader_world.url}/m/{sha}?w=512", timeout=30)
    assert tile.status_code == 200 and tile.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(tile.content)).width <= 512
    whole = requests.get(f"{reader_world.url}/m/{sha}", timeout=30)
    original = (reader_world.folder / "media" / sha[:2] / sha[2:4] / sha).read_bytes()
    assert whole.status_code == 200 and whole.content != original
    picture = Image.open(io.BytesIO(whole.content))
    assert picture.format == "JPEG" and picture.width <= 1024 and not picture.getexif()


def test_a_drafts_own_photo_is_not_public(reader_world):
    with reader_world.db() as session:
        published = select(NoteMedia.sha256).join(Note).where(Note.status == "published")
        private = session.scalars(
            select(NoteMedia.sha256)
            .join(Note)
            .where(Note.status != "published", NoteMedia.sha256.not_in(published))
        ).first()
    assert private is not None, "the demo world has a draft with a photo of its own"
    answer = requests.get(f"{reader_world.url}/m/{private}?w=256", timeout=30)
    assert answer.status_code == 404


def test_the_original_under_a_published_render_is_not_public(reader_world):
    with reader_world.db() as session:
        shown = session.get(NoteMedia, _media_of(reader_world, "published").id)
        assert shown is not None
        original = shown.sha256
        other = session.scalars(
            select(MediaAsset.sha256).where(
                MediaAsset.sha256 != original, MediaAsset.duration_ms.is_(None)
            )
        ).first()
        shown.rendered_sha256 = other
        session.commit()
    answer = requests.get(f"{reader_world.url}/m/{original}?w=256", timeout=30)
    assert answer.status_code == 404
    assert requests.get(f"{reader_world.url}/m/{other}?w=256", timeout=30).status_code == 200


def test_a_video_is_sent_as_stored_with_byte_ranges(reader_world):
    video = _media_of(reader_world, "published", "video")
    url = f"{reader_world.url}/m/{video.sha256}"
    part = requests.get(url, headers={"Range": "bytes=0-99"}, timeout=30)
    assert part.status_code == 206 and len(part.content) == 100
    assert part.headers["content-type"].startswith("video/")


def test_anything_else_is_not_found(reader_world):
    for path in ("/m/" + "0" * 64, "/m/" + "0" * 64 + "?w=512", "/m/xyz", "/m/" + "A" * 64):
        assert requests.get(reader_world.url + path, timeout=30).status_code in (404, 422)
