"""The publish package: what a human needs to post a note by hand, and their confirmation.

The platform has no publishing API (DESIGN.md, "Publishing, honestly"), so at the scheduled
time the studio hands a person the images in order (each photo as edited when it has an
export, else its original), the cover (the first image), the caption as the platform shows it
and the note's meta; the person posts it and confirms, optionally with the platform's link.

In a note flagged `ai_generated`, a HEIC or AVIF image is named `NN.jpg`: those formats get no
AI-generated-content label written here, so the package writer
(`publisher.client.package_files`, where every exported copy passes) converts them to a JPEG
and labels that. The image's `mime`, `sha256` and size stay those of the stored file that
`image_file` serves; `filename` is the name of the file in the package.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from publisher.db.models import Note, NoteMedia, Product, User
from publisher.domain.aigc_label import can_label
from publisher.media_store import MediaStore
from publisher.schemas import (
    NoteStatus,
    PackageImage,
    PackageMeta,
    PlacePublic,
    ProductPublic,
    PublishPackage,
)
from publisher.services.access import get_note
from publisher.services.errors import Invalid, NotFound
from publisher.services.notes import note_compare_and_set

EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/heic": "heic",
    "image/avif": "avif",
    "video/mp4": "mp4",
    "video/quicktime": "mov",
}
PLATFORM_HOSTS = ("xiaohongshu.com", "xhslink.com")
TOPIC_SUFFIX = "[话题]#"
"""How the platform writes a topic in copied note text: `#旅行[话题]#`."""


def caption(title: str, body: str, topics: list[str]) -> str:
    """Title, body and topics as the platform shows them, separated by blank lines."""
    tags = " ".join(f"#{name}{TOPIC_SUFFIX}" for name in topics)
    return "\n\n".join(part for part in (title.strip(), body.strip(), tags) if part)


def _products(session: Session, note: Note) -> list[ProductPublic]:
    """The linked products in the note's order, as the product cards show them."""
    rows = {
        p.id: p for p in session.scalars(select(Product).where(Product.id.in_(note.product_ids)))
    }
    return [ProductPublic.model_validate(rows[pid]) for pid in note.product_ids if pid in rows]


def _flags(note: Note) -> dict[str, Any]:
    return {
        "visibility": note.visibility,
        "original": note.original,
        "ai_generated": note.ai_generated,
        "collaboration": note.collaboration,
    }


def _image(item: NoteMedia, ai_generated: bool) -> PackageImage:
    asset = item.rendered or item.asset
    number = item.position + 1
    extension = EXTENSIONS.get(asset.mime, "bin")
    if ai_generated and asset.mime.startswith("image/") and not can_label(asset.mime):
        extension = "jpg"  # converted to carry the label when the package is written
    return PackageImage(
        position=item.position,
        filename=f"{number:02d}.{extension}",
        sha256=asset.sha256,
        mime=asset.mime,
        width=asset.width,
        height=asset.height,
        rendered=item.rendered is not None,
    )


def build_package(session: Session, user: User, note_id: uuid.UUID) -> PublishPackage:
    """The manifest of a note the caller can see, whatever its status."""
    note = get_note(session, user, note_id)
    topics = note.topic_names
    images = [_image(item, note.ai_generated) for item in note.media]
    cover = next((image for image in images if image.mime.startswith("image/")), None)
    return PublishPackage(
        note_id=note.id,
        version=note.version,
        status=cast(NoteStatus, note.status),
        title=note.title,
        body=note.body,
        caption=caption(note.title, note.body, topics),
        images=images,
        cover=cover,
        meta=PackageMeta(
            topics=topics,
            place=PlacePublic.model_validate(note.place) if note.place else None,
            products=_products(session, note),
            flags=_flags(note),
        ),
    )


def image_file(
    session: Session, user: User, store: MediaStore, note_id: uuid.UUID, position: int
) -> tuple[Path, str]:
    """(path, mime) of the package image at `position`; anyone who sees the note may read it.

    Raises:
        NotFound: `note.not_found`, `package.image_not_found` or `media.file_missing`.
    """
    note = get_note(session, user, note_id)
    item = next((m for m in note.media if m.position == position), None)
    if item is None:
        raise NotFound("package.image_not_found", {"position": position})
    asset = item.rendered or item.asset
    path = store.path_for(asset.sha256)
    if not path.is_file():
        raise NotFound("media.file_missing")
    return path, asset.mime


def check_platform_link(link: str) -> str:
    """The link if it is an http(s) URL on the platform's domains.

    Raises:
        Invalid: `posted.link_invalid` ({link}).
    """
    parts = urlsplit(link)
    host = (parts.hostname or "").lower()
    on_platform = any(host == h or host.endswith("." + h) for h in PLATFORM_HOSTS)
    if parts.scheme not in ("http", "https") or not on_platform:
        raise Invalid("posted.link_invalid", {"link": link})
    return link


def confirm_posted(session: Session, user: User, note_id: uuid.UUID, *, link: str | None) -> Note:
    """Record that a human posted the published note on the platform.

    Idempotent: the first confirmation's person and time stay; a link is added when none was
    stored yet, and a repeated call with the same link changes nothing.

    Raises:
        Invalid: `note.not_published` ({status}) or `posted.link_invalid`.
    """
    note = get_note(session, user, note_id)
    if note.status != "published":
        raise Invalid("note.not_published", {"status": note.status})
    checked = check_platform_link(link) if link else None
    if note.posted_at is not None and (checked is None or checked == note.posted_link):
        return note
    with note_compare_and_set(session, user, note_id):
        if note.posted_at is None:
            note.posted_at = datetime.now(UTC)
            note.posted_by = user.id
        if checked:
            note.posted_link = checked
    session.refresh(note)
    return note
