"""Fingerprints of media and note texts: read from their tables, made on first need.

Nothing is computed at upload: the first near-duplicate check that meets a medium or a text
fingerprints it and stores the result by content, so every later check (in any server
process) reads it. Rows are upserted, so two processes meeting the same new photo at once
both succeed and store the same value. Work is committed in small batches: a check that
meets a large backlog (a database from before this feature) and is abandoned by its client
still leaves what it computed for the next one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

import numpy as np
from sqlalchemy import ColumnElement, SQLColumnExpression, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from editor import EditorError
from editor.fingerprint import format_hashes, image_hash, video_hashes
from publisher.db.models import MediaAsset, MediaFingerprint, TextFingerprint
from publisher.domain import text_similarity
from publisher.media_store import MediaStore
from publisher.services import keywords

MEDIA_VERSION = 1
"""Of `editor.fingerprint`'s hashes; raise it when they change, and stored rows are made again."""
MISSING = "-"
"""What `stored_hashes` reads for a medium not fingerprinted yet ("" is one without hashes)."""
_QUERY_CHUNK = 5000
"""Keys per IN (…) list: below SQLite's (32 766) and PostgreSQL's (65 535) limits on bound
parameters, and few queries for an MCN's thousands of texts."""
_SAVE_EVERY = 25
"""Fingerprints made between commits."""

T = TypeVar("T")


@dataclass(frozen=True)
class TextPrint:
    """A text's fingerprint: how many word pairs it has, and their MinHash signature (None
    when it has none)."""

    shingles: int
    signature: np.ndarray | None


def text_digest(text: str) -> str:
    """The key a text's fingerprint is stored under: the sha256 of the text as written, so
    a check needs no normalising to find it."""
    return hashlib.sha256(text.encode()).hexdigest()


def stored_hashes(sha256: SQLColumnExpression[Any]) -> ColumnElement[str]:
    """The stored fingerprint (`format_hashes` text) of the medium `sha256` names, or
    `MISSING` when it has none of this version yet: a correlated subquery, so that one query
    can read the media of thousands of notes with their fingerprints."""
    return func.coalesce(
        select(MediaFingerprint.hashes)
        .where(MediaFingerprint.sha256 == sha256, MediaFingerprint.version == MEDIA_VERSION)
        .scalar_subquery(),
        MISSING,
    )


def make_media_hashes(
    session: Session, store: MediaStore, sha256s: Collection[str]
) -> dict[str, tuple[int, ...]]:
    """Fingerprint the media `sha256s` names and store the results: one hash for a photo, a
    few for a video, none for music or a file that no longer decodes.

    A medium whose file this server does not hold (a replica without the shared folder) is
    left out rather than failing the check, and is tried again next time.
    """
    mimes: dict[str, str] = {}
    for chunk in _chunks(sorted(sha256s)):
        known = session.execute(
            select(MediaAsset.sha256, MediaAsset.mime).where(MediaAsset.sha256.in_(chunk))
        )
        mimes.update((sha256, mime) for sha256, mime in known)
    made: dict[str, tuple[int, ...]] = {}
    for batch in _chunks(sorted(mimes.items()), _SAVE_EVERY):
        hashed = {sha256: _hash_file(store, sha256, mime) for sha256, mime in batch}
        kept = {sha256: hashes for sha256, hashes in hashed.items() if hashes is not None}
        rows = [
            {"sha256": sha256, "version": MEDIA_VERSION, "hashes": format_hashes(hashes)}
            for sha256, hashes in kept.items()
        ]
        _upsert(session, MediaFingerprint, rows, key="sha256")
        made.update(kept)
    return made


def _hash_file(store: MediaStore, sha256: str, mime: str) -> tuple[int, ...] | None:
    path = store.path_for(sha256)
    if not path.is_file():
        return None
    try:
        if mime.startswith("image/"):
            return (image_hash(path),)
        if mime.startswith("video/"):
            return video_hashes(path)
    except EditorError:
        pass  # it passed the gate once; if it no longer decodes there is nothing to compare
    return ()


def text_prints(session: Session, texts: Mapping[str, str]) -> dict[str, TextPrint]:
    """The fingerprint of each text, keyed like `texts` is (by `text_digest`), made for those
    that have none yet (word cutting is the costly part: about 1 ms per note)."""
    found: dict[str, TextPrint] = {}
    for chunk in _chunks(sorted(texts)):
        stored = session.execute(
            select(
                TextFingerprint.digest, TextFingerprint.shingles, TextFingerprint.signature
            ).where(
                TextFingerprint.digest.in_(chunk),
                TextFingerprint.version == text_similarity.SIGNATURE_VERSION,
            )
        )
        found.update((digest, _text_print(count, data)) for digest, count, data in stored)
    missing = sorted(texts.keys() - found.keys())
    for batch in _chunks(missing, _SAVE_EVERY * 4):
        rows = [_text_row(digest, texts[digest]) for digest in batch]
        _upsert(session, TextFingerprint, rows, key="digest")
        found.update(
            (row["digest"], _text_print(row["shingles"], row["signature"])) for row in rows
        )
    return found


def _text_row(digest: str, text: str) -> dict[str, Any]:
    pairs = text_similarity.text_shingles(text, keywords.words)
    signature = text_similarity.signature(pairs).astype(">u4").tobytes() if pairs else b""
    return {
        "digest": digest,
        "version": text_similarity.SIGNATURE_VERSION,
        "shingles": len(pairs),
        "signature": signature,
    }


def _text_print(shingles: int, data: bytes) -> TextPrint:
    signature = np.frombuffer(data, dtype=">u4").astype(np.uint32) if data else None
    return TextPrint(shingles, signature)


def _upsert(session: Session, model: type[Any], rows: list[dict[str, Any]], *, key: str) -> None:
    """Insert `rows`, replacing rows with the same key (another process's, or an older
    version's), and commit."""
    if not rows:
        return
    now = datetime.now(UTC)
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(model).values([{**row, "created_at": now} for row in rows])
    replaced = {name: statement.excluded[name] for name in rows[0] if name != key}
    session.execute(statement.on_conflict_do_update(index_elements=[key], set_=replaced))
    session.commit()


def _chunks(items: Sequence[T], size: int = _QUERY_CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
