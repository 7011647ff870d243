"""Media originals: the upload gate, deduplicated storage and thumbnails.

Every upload passes the editor's file gate before it is stored: its first bytes say whether it
is a video (MP4, MOV, Matroska, WebM: the video gate, `probe_video`) or must be an image (the
image gate, `probe_image`); what a client called the file is never used. A video's thumbnail
is one of its frames, so every list shows photos and videos alike.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
from sqlalchemy import String, Subquery, cast, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editor import EditorError, make_thumbnail, probe_image, sniff_format
from editor.export import encode_jpeg
from editor.video.frames import frame_at
from editor.video.probe import VideoInfo, probe_audio, probe_video, sniff_audio, sniff_video
from publisher.db.models import (
    BrandKit,
    MediaAsset,
    MediaRef,
    Membership,
    Note,
    NoteMedia,
    Product,
    Storefront,
    Submission,
    SubmissionMedium,
    User,
)
from publisher.media_store import MediaStore, SizeLimitExceeded
from publisher.services.access import visible_account_ids
from publisher.services.collaborations import visible_collaborations
from publisher.services.errors import Invalid, NotFound, TooLarge, UnsupportedMedia
from publisher.services.products import visible_product_ids, visible_storefront_ids

THUMBNAIL_SIZES = (128, 256, 512, 1024)
THUMBNAIL_QUALITY = 85
_UNSUPPORTED_CODES = frozenset(
    {"image.unsupported_format", "video.unsupported_format", "audio.unsupported_format"}
)
_HEAD_BYTES = 64
"""As many first bytes as either gate's sniffing reads."""
VIDEO_THUMBNAIL_SECONDS = 1.0
FRAME_QUALITY = 92
"""Of a full-size frame handed on as a picture (a video note's cover in its publish package)."""


def get_uploaded(session: Session, user: User, sha256: str) -> MediaAsset:
    """Media the user uploaded themselves: what `HEAD /media/{sha}` answers, so the app's
    upload shortcut (skip the upload of a file the backend has) still gives them their own
    reference to it."""
    asset = session.scalar(
        select(MediaAsset)
        .join(MediaRef, MediaRef.sha256 == MediaAsset.sha256)
        .where(MediaRef.user_id == user.id, MediaAsset.sha256 == sha256)
    )
    if asset is None:
        raise NotFound("media.not_found")
    return asset


def get_visible(session: Session, user: User, sha256: str) -> MediaAsset:
    """Media the user uploaded, or that their work shows them: the logo of a brand kit of one
    of their organizations (every member's app draws it as a watermark), the photos and
    videos of notes of the accounts they see (their teammates'), of rounds submitted in their
    collaborations (the brand reviews them), and the images and logos of products and
    storefronts they may see."""
    uploaded = select(MediaRef.sha256).where(MediaRef.user_id == user.id)
    kit_logos = (
        select(BrandKit.logo_sha256)
        .join(Membership, Membership.organization_id == BrandKit.organization_id)
        .where(Membership.user_id == user.id)
    )
    asset = session.scalar(
        select(MediaAsset).where(
            MediaAsset.sha256 == sha256,
            or_(MediaAsset.sha256.in_(uploaded), MediaAsset.sha256.in_(kit_logos)),
        )
    )
    if asset is None and _shown_by_work(session, user, sha256):
        asset = session.get(MediaAsset, sha256)
    if asset is None:
        raise NotFound("media.not_found")
    return asset


def _in_visible_notes(user: User) -> Subquery:
    """The photos and videos (originals and rendered exports) of the notes of every account
    the user sees: a teammate's media, which an MCN's staff share for a creator's notes."""
    return (
        select(NoteMedia.sha256, NoteMedia.rendered_sha256)
        .join(Note, Note.id == NoteMedia.note_id)
        .where(Note.account_id.in_(visible_account_ids(user)))
        .subquery()
    )


def _shown_by_work(session: Session, user: User, sha256: str) -> bool:
    submitted = (
        select(SubmissionMedium.sha256)
        .join(Submission, Submission.id == SubmissionMedium.submission_id)
        .where(
            SubmissionMedium.sha256 == sha256,
            Submission.collaboration_id.in_(visible_collaborations(user)),
        )
    )
    products = select(Product.id).where(
        Product.id.in_(visible_product_ids(user)),
        or_(
            Product.image_sha256 == sha256,
            # A sha256 is 64 hex digits: no LIKE wildcard can hide in it.
            cast(Product.images, String).contains(sha256),
        ),
    )
    logos = select(Storefront.id).where(
        Storefront.logo_sha256 == sha256, Storefront.id.in_(visible_storefront_ids(user))
    )
    teammates = _in_visible_notes(user)
    in_notes = select(teammates.c.sha256).where(
        or_(teammates.c.sha256 == sha256, teammates.c.rendered_sha256 == sha256)
    )
    return any(
        session.scalar(query.limit(1)) is not None
        for query in (submitted, products, logos, in_notes)
    )


def uploaded_mimes(session: Session, user: User, sha256s: Iterable[str]) -> dict[str, str]:
    """The mime of each of `sha256s`, every one of which must be media the caller uploaded,
    or media already in a note of an account they see (a teammate's photo, kept when they
    edit that note): what a note may name (its originals, renders, composition photos, video
    sources).

    Raises:
        Invalid: `media.unknown` ({sha256}) naming the first (sorted) that is not.
    """
    wanted = set(sha256s)
    uploaded = select(MediaRef.sha256).where(MediaRef.user_id == user.id)
    teammates = _in_visible_notes(user)
    rows = session.execute(
        select(MediaAsset.sha256, MediaAsset.mime).where(
            MediaAsset.sha256.in_(wanted),
            or_(
                MediaAsset.sha256.in_(uploaded),
                MediaAsset.sha256.in_(select(teammates.c.sha256)),
                MediaAsset.sha256.in_(select(teammates.c.rendered_sha256)),
            ),
        )
    )
    mimes = {sha256: mime for sha256, mime in rows}
    missing = sorted(wanted - mimes.keys())
    if missing:
        raise Invalid("media.unknown", {"sha256": missing[0]})
    return mimes


def is_video(mime: str) -> bool:
    return mime.startswith("video/")


def store_upload(
    session: Session,
    user: User,
    store: MediaStore,
    stream: BinaryIO,
    *,
    max_bytes: int,
    max_video_bytes: int,
) -> MediaAsset:
    """Check and store an uploaded original, or add a reference to the identical one.

    `stream` must be seekable: its first bytes choose the cap (`max_video_bytes` for a video,
    `max_bytes` for anything else) before it is copied.

    Raises:
        TooLarge: the upload exceeds its cap (`media.too_large` {max}).
        UnsupportedMedia: not an allowed format by its bytes (`image.unsupported_format`).
        Invalid: the file is corrupt, over a pixel cap, or a video the video gate refuses
            (the editor's code: `video.no_video`, `video.corrupt` …).
    """
    kind = _kind(stream.read(_HEAD_BYTES))
    stream.seek(0)
    try:
        temp, sha256, size = store.receive(
            stream, max_bytes=max_bytes if kind == "image" else max_video_bytes
        )
    except SizeLimitExceeded as exc:
        raise TooLarge("media.too_large", {"max": exc.limit}) from exc
    try:
        asset = session.get(MediaAsset, sha256)
        if asset is None:
            asset = _register(session, store, temp, sha256, size, kind=kind)
        elif not store.exists(sha256):
            # The row outlived its file (a restored database, a lost disk): these are the bytes.
            store.commit(temp, sha256)
        _add_ref(session, user, sha256)
    finally:
        temp.unlink(missing_ok=True)
    return asset


def _kind(head: bytes) -> str:
    """``image``, ``video`` or ``audio`` (music for a video) by a file's first bytes; what is
    none of them goes to the image gate, which refuses it. A HEIC or AVIF photo is an ISO
    media file too (an `ftyp` box, as in MP4), so the image formats are asked first; an M4A
    looks like an MP4 until the video gate finds no picture in it."""
    if sniff_format(head) is not None:
        return "image"
    if sniff_video(head) is not None:
        return "video"
    return "audio" if sniff_audio(head) else "image"


@dataclass(frozen=True)
class _Checked:
    """What the gate learned of a new original, and the thumbnail every list shows first."""

    mime: str
    width: int
    height: int
    duration_ms: int | None
    thumbnail: bytes


def _check_image(path: Path) -> _Checked:
    info = probe_image(path)
    # Decoding once proves the pixel data, not just the header.
    thumbnail = make_thumbnail(path, THUMBNAIL_SIZES[1], quality=THUMBNAIL_QUALITY)
    return _Checked(info.mime, info.width, info.height, None, thumbnail)


def _check_video(path: Path) -> _Checked:
    try:
        info = probe_video(path)
    except EditorError as exc:
        if exc.code != "video.no_video":
            raise
        return _check_audio(path)  # an M4A, or a video container holding only sound
    thumbnail = _video_thumbnail(path, info.duration, THUMBNAIL_SIZES[1], info=info)
    return _Checked(info.mime, info.width, info.height, round(info.duration * 1000), thumbnail)


_AUDIO_MIMES = {"mp3": "audio/mpeg", "wav": "audio/wav", "flac": "audio/flac", "ogg": "audio/ogg"}
_AUDIO_TILE_RGB = (40, 42, 48)


def _check_audio(path: Path) -> _Checked:
    """A sound file for a video's music: no picture, so its thumbnail is a plain tile."""
    info = probe_audio(path)
    mime = _AUDIO_MIMES.get(info.format, "audio/aac" if info.format == "aac" else "audio/mp4")
    return _Checked(mime, 0, 0, round(info.duration * 1000), _audio_tile(THUMBNAIL_SIZES[1]))


def _audio_tile(size: int) -> bytes:
    tile = np.full((size, size, 3), _AUDIO_TILE_RGB, np.uint8)
    return encode_jpeg(tile, THUMBNAIL_QUALITY)


def poster_time(duration: float) -> float:
    """Where a video's picture is taken when nobody chose one: one second in, or a tenth of a
    shorter video: past a fade from black or a blurred first frame, yet still the opening
    shot."""
    return min(VIDEO_THUMBNAIL_SECONDS, duration / 10)


def _video_thumbnail(
    path: Path, duration: float, size: int, *, info: VideoInfo | None = None
) -> bytes:
    """The frame at the `poster_time`."""
    frame = frame_at(path, poster_time(duration), max_side=size, info=info)
    return encode_jpeg(frame, THUMBNAIL_QUALITY)


def _register(
    session: Session, store: MediaStore, temp: Path, sha256: str, size: int, *, kind: str
) -> MediaAsset:
    checks = {"image": _check_image, "video": _check_video, "audio": _check_audio}
    try:
        checked = checks[kind](temp)
    except EditorError as exc:
        refusal = UnsupportedMedia if exc.code in _UNSUPPORTED_CODES else Invalid
        raise refusal(exc.code, exc.params) from exc
    _write_atomically(_thumbnail_file(store, sha256, THUMBNAIL_SIZES[1]), checked.thumbnail)
    store.commit(temp, sha256)
    asset = MediaAsset(
        sha256=sha256,
        mime=checked.mime,
        size=size,
        width=checked.width,
        height=checked.height,
        duration_ms=checked.duration_ms,
    )
    session.add(asset)
    try:
        session.commit()
    except IntegrityError:
        # Another request stored the same bytes first; theirs is identical by definition.
        session.rollback()
        return session.get_one(MediaAsset, sha256)
    return asset


def _add_ref(session: Session, user: User, sha256: str) -> None:
    if session.get(MediaRef, (user.id, sha256)) is not None:
        return
    session.add(MediaRef(user_id=user.id, sha256=sha256))
    try:
        session.commit()
    except IntegrityError:
        session.rollback()


def _thumbnail_file(store: MediaStore, sha256: str, size: int) -> Path:
    return store.root / "thumbs" / f"{sha256}-{size}.jpg"


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{uuid.uuid4().hex}.part")
    partial.write_bytes(data)
    partial.replace(target)


def thumbnail_path(store: MediaStore, asset: MediaAsset, size: int) -> Path:
    """A cached JPEG thumbnail of `asset`, made on first request at the nearest shipped size.

    Raises:
        NotFound: the original's file is missing from this server's store.
        Invalid: the original cannot be decoded (the editor's code).
    """
    size = next((s for s in THUMBNAIL_SIZES if s >= size), THUMBNAIL_SIZES[-1])

    def make(original: Path) -> bytes:
        if asset.mime.startswith("audio/"):
            return _audio_tile(size)
        if asset.duration is not None:  # a video
            return _video_thumbnail(original, asset.duration, size)
        return make_thumbnail(original, size, quality=THUMBNAIL_QUALITY)

    return _cached(store, asset.sha256, _thumbnail_file(store, asset.sha256, size), make)


def frame_path(store: MediaStore, sha256: str, t: float) -> Path:
    """A cached full-size JPEG of the frame of the stored video `sha256` shown at `t` seconds
    (to the millisecond), made on first request.

    Raises:
        NotFound: the video's file is missing from this server's store.
        Invalid: the video cannot be decoded (the editor's code).
    """
    millis = round(t * 1000)
    target = store.root / "thumbs" / f"{sha256}-at-{millis}ms.jpg"
    return _cached(
        store,
        sha256,
        target,
        lambda video: encode_jpeg(frame_at(video, millis / 1000), FRAME_QUALITY),
    )


def _cached(store: MediaStore, sha256: str, target: Path, make: Callable[[Path], bytes]) -> Path:
    """`target`, written from the stored original `sha256` by `make` unless it exists."""
    if not target.exists():
        original = store.path_for(sha256)
        if not original.is_file():
            raise NotFound("media.file_missing")
        try:
            data = make(original)
        except EditorError as exc:
            raise Invalid(exc.code, exc.params) from exc
        _write_atomically(target, data)
    return target
