"""Imported looks: .cube files a user uploads so their recipes render the same everywhere.

Each upload is parsed by the editor (the same reader every render uses) before it is kept, so
a stored LUT is known to load. Files are content-addressed in the media store; a `UserLut`
row is what lets one user, and nobody else, read a file back. Deleting forgets the row only:
the bytes may be another user's LUT too.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editor import EditorError
from editor.lut import CubeLut, load_cube
from publisher.db.models import User, UserLut
from publisher.media_store import MediaStore, SizeLimitExceeded
from publisher.services.errors import Invalid, NotFound, TooLarge

MAX_LUT_BYTES = 16 * 1024 * 1024
"""Room for a 65-point cube written with six decimals (about 7 MB), the largest in common use."""
MAX_TITLE_LENGTH = 100


def list_luts(
    session: Session, user: User, *, offset: int, limit: int
) -> tuple[list[UserLut], int]:
    """The caller's looks, by title."""
    where = UserLut.user_id == user.id
    total = session.scalar(select(func.count()).select_from(UserLut).where(where)) or 0
    rows = session.scalars(
        select(UserLut)
        .where(where)
        .order_by(UserLut.title, UserLut.sha256)
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), total


def get_lut(session: Session, user: User, sha256: str) -> UserLut:
    """One of the caller's looks; anyone else's is `lut.not_found` like a missing one."""
    lut = session.get(UserLut, (user.id, sha256))
    if lut is None:
        raise NotFound("lut.not_found")
    return lut


def lut_file(store: MediaStore, lut: UserLut) -> Path:
    """Raises: NotFound: the file is missing from this server's store (`lut.file_missing`)."""
    path = store.path_for(lut.sha256)
    if not path.is_file():
        raise NotFound("lut.file_missing")
    return path


def store_lut(
    session: Session, user: User, store: MediaStore, stream: BinaryIO, *, filename: str | None
) -> UserLut:
    """Check and keep an uploaded .cube file; the same file again is the same look.

    Raises:
        TooLarge: the upload exceeds `MAX_LUT_BYTES` (`lut.too_large`, {max_bytes}).
        Invalid: the file is not a usable .cube (the editor's `lut.*` code and params).
    """
    try:
        temp, sha256, size = store.receive(stream, max_bytes=MAX_LUT_BYTES)
    except SizeLimitExceeded as exc:
        raise TooLarge("lut.too_large", {"max_bytes": exc.limit}) from exc
    try:
        existing = session.get(UserLut, (user.id, sha256))
        if existing is not None:
            # Parsed when first kept; committing again restores the file if it was lost.
            store.commit(temp, sha256)
            return existing
        title = _title(_parse(temp), filename)
        store.commit(temp, sha256)
        return _add_row(session, user, sha256, size, title)
    finally:
        temp.unlink(missing_ok=True)


def _parse(path: Path) -> CubeLut:
    try:
        return load_cube(path)
    except EditorError as exc:
        raise Invalid(exc.code, exc.params) from exc


def _add_row(session: Session, user: User, sha256: str, size: int, title: str) -> UserLut:
    lut = UserLut(user_id=user.id, sha256=sha256, title=title, size=size)
    session.add(lut)
    try:
        session.commit()
    except IntegrityError:
        # The same user uploaded the same file concurrently; theirs is identical.
        session.rollback()
        return session.get_one(UserLut, (user.id, sha256))
    return lut


def _title(lut: CubeLut, filename: str | None) -> str:
    """The file's TITLE, else the name it was uploaded under (shown, never used as a path)."""
    title = _printable(lut.title)
    if not title and filename:
        title = _printable(PurePosixPath(filename.replace("\\", "/")).stem)
    return title[:MAX_TITLE_LENGTH]


def _printable(text: str) -> str:
    return "".join(char for char in text if unicodedata.category(char) != "Cc").strip()


def delete_lut(session: Session, user: User, sha256: str) -> None:
    session.delete(get_lut(session, user, sha256))
    session.commit()
