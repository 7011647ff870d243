"""The publish package: what a human needs to post a note by hand, and their confirmation.

The platform has no publishing API (DESIGN.md, "Publishing, honestly"), so at the scheduled
time the studio hands a person the images in order (each photo as edited when it has an
export, else its original), the cover, the caption as the platform shows it and the note's
meta; the person posts it and confirms, optionally with the platform's link.

A photo note's cover is its first image. A video note's is its own file, `cover.jpg`: the
image its edit names (a frame made into a cover with a template), else the frame at the
edit's cover time (one second in, or a tenth of a shorter video, when none was chosen) of the
exported video, or of the original's clip playing then when there is no export yet. The
server makes that frame a full-size JPEG once (`media.frame_path`). `cover_file` serves the
cover of either kind, `image_file` every numbered file.

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

from editor.video.edit import VideoEdit
from editor.video.timeline import clip_at
from publisher.db.models import MediaAsset, Note, NoteMedia, Product, User
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
from publisher.services.media import frame_path, is_video, poster_time
from publisher.services.notes import note_compare_and_set
from publisher.services.video_edits import stored_video_edit

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


def _filename(stem: str, mime: str, ai_generated: bool) -> str:
    extension = EXTENSIONS.get(mime, "bin")
    if ai_generated and mime.startswith("image/") and not can_label(mime):
        extension = "jpg"  # converted to carry the label when the package is written
    return f"{stem}.{extension}"


def _entry(
    position: int, stem: str, asset: MediaAsset, *, rendered: bool, ai_generated: bool
) -> PackageImage:
    return PackageImage(
        position=position,
        filename=_filename(stem, asset.mime, ai_generated),
        sha256=asset.sha256,
        mime=asset.mime,
        width=asset.width,
        height=asset.height,
        rendered=rendered,
    )


def _image(item: NoteMedia, ai_generated: bool) -> PackageImage:
    return _entry(
        item.position,
        f"{item.position + 1:02d}",
        item.rendered or item.asset,
        rendered=item.rendered is not None,
        ai_generated=ai_generated,
    )


def _cover(session: Session, note: Note, images: list[PackageImage]) -> PackageImage | None:
    """A photo note's first image, or its video's own cover."""
    video = next((item for item in note.media if is_video(item.mime)), None)
    if video is None:
        return next((image for image in images if image.mime.startswith("image/")), None)
    edit = stored_video_edit(video.recipe) if video.recipe else VideoEdit()
    if edit.cover is not None and edit.cover.sha256 is not None:
        designed = session.get_one(MediaAsset, edit.cover.sha256)
        return _entry(
            video.position, "cover", designed, rendered=True, ai_generated=note.ai_generated
        )
    source, t = _cover_frame(session, video, edit)
    return PackageImage(
        position=video.position,
        filename="cover.jpg",
        sha256=source.sha256,
        mime="image/jpeg",
        width=source.width,
        height=source.height,
        rendered=video.rendered is not None,
        frame_time=round(t, 3),
    )


def _cover_frame(session: Session, item: NoteMedia, edit: VideoEdit) -> tuple[MediaAsset, float]:
    """(video, time in it) of the cover frame: the edit's cover time, or the poster time of
    the video as edited, in the export; without one, in the source the edit plays then (the
    timeline maps output to source times, so a trimmed clip shows the chosen frame)."""
    chosen = edit.cover.time if edit.cover is not None else None
    if item.rendered is not None:
        return item.rendered, chosen if chosen is not None else poster_time(_length(item.rendered))
    sources = {
        clip.source: session.get_one(MediaAsset, clip.source) if clip.source else item.asset
        for clip in edit.clips
    }
    durations = {key: _length(asset) for key, asset in sources.items()}
    t = chosen if chosen is not None else poster_time(edit.duration(durations))
    try:
        _index, placed = clip_at(edit, durations, t)
    except ValueError:  # the edit plays nothing of its sources: the original as it is
        return item.asset, t
    return sources[placed.clip.source], min(placed.source_time(t), placed.source_end)


def _length(video: MediaAsset) -> float:
    return video.duration or 0.0


def build_package(session: Session, user: User, note_id: uuid.UUID) -> PublishPackage:
    """The manifest of a note the caller can see, whatever its status."""
    note = get_note(session, user, note_id)
    topics = note.topic_names
    images = [_image(item, note.ai_generated) for item in note.media]
    cover = _cover(session, note, images)
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
    return _stored_file(store, asset.sha256), asset.mime


def cover_file(
    session: Session, user: User, store: MediaStore, note_id: uuid.UUID
) -> tuple[Path, str]:
    """(path, mime) of the package's cover (see the module's notes), for anyone who sees the
    note: a stored image, or a frame of the video made into a JPEG on first request.

    Raises:
        NotFound: `note.not_found`, `package.cover_not_found` (a note without media) or
            `media.file_missing`.
        Invalid: the video's frame cannot be decoded (the editor's code, `video.corrupt` …).
    """
    note = get_note(session, user, note_id)
    cover = _cover(session, note, [_image(item, note.ai_generated) for item in note.media])
    if cover is None:
        raise NotFound("package.cover_not_found")
    if cover.frame_time is None:
        return _stored_file(store, cover.sha256), cover.mime
    return frame_path(store, cover.sha256, cover.frame_time), cover.mime


def _stored_file(store: MediaStore, sha256: str) -> Path:
    path = store.path_for(sha256)
    if not path.is_file():
        raise NotFound("media.file_missing")
    return path


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
