"""Media originals: the upload gate, deduplicated storage and thumbnails.

Every upload passes the editor's file gate (magic bytes, header-only probe against caps)
before it is stored; what a client called the file is never used.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editor import EditorError, make_thumbnail, probe_image
from publisher.db.models import BrandKit, MediaAsset, MediaRef, Membership, User
from publisher.media_store import MediaStore, SizeLimitExceeded
from publisher.services.errors import Invalid, NotFound, TooLarge, UnsupportedMedia

THUMBNAIL_SIZES = (128, 256, 512, 1024)
_UNSUPPORTED_CODES = frozenset({"image.unsupported_format"})


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
    """Media the user uploaded, or the logo of a brand kit of one of their organizations:
    every member's app draws that logo as a watermark, whoever uploaded it."""
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
    if asset is None:
        raise NotFound("media.not_found")
    return asset


def store_upload(
    session: Session, user: User, store: MediaStore, stream: BinaryIO, *, max_bytes: int
) -> MediaAsset:
    """Check and store an uploaded original, or add a reference to the identical one.

    Raises:
        TooLarge: the upload exceeds `max_bytes` (`media.too_large`).
        UnsupportedMedia: not an allowed format by its bytes (`image.unsupported_format`).
        Invalid: the file is corrupt or over a pixel cap (the editor's code).
    """
    try:
        temp, sha256, size = store.receive(stream, max_bytes=max_bytes)
    except SizeLimitExceeded as exc:
        raise TooLarge("media.too_large", {"max": exc.limit}) from exc
    try:
        asset = session.get(MediaAsset, sha256)
        if asset is None:
            asset = _register(session, store, temp, sha256, size)
        elif not store.exists(sha256):
            # The row outlived its file (a restored database, a lost disk): these are the bytes.
            store.commit(temp, sha256)
        _add_ref(session, user, sha256)
    finally:
        temp.unlink(missing_ok=True)
    return asset


def _register(
    session: Session, store: MediaStore, temp: Path, sha256: str, size: int
) -> MediaAsset:
    try:
        info = probe_image(temp)
        # Decoding once proves the pixel data, not just the header, and the result is the
        # thumbnail every list shows first.
        thumbnail = make_thumbnail(temp, THUMBNAIL_SIZES[1])
    except EditorError as exc:
        kind = UnsupportedMedia if exc.code in _UNSUPPORTED_CODES else Invalid
        raise kind(exc.code, exc.params) from exc
    _write_atomically(_thumbnail_file(store, sha256, THUMBNAIL_SIZES[1]), thumbnail)
    store.commit(temp, sha256)
    asset = MediaAsset(
        sha256=sha256, mime=info.mime, size=size, width=info.width, height=info.height
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
    target = _thumbnail_file(store, asset.sha256, size)
    if not target.exists():
        original = store.path_for(asset.sha256)
        if not original.is_file():
            raise NotFound("media.file_missing")
        try:
            data = make_thumbnail(original, size)
        except EditorError as exc:
            raise Invalid(exc.code, exc.params) from exc
        _write_atomically(target, data)
    return target
