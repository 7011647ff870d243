"""Near-duplicate notes across every account a user sees, found before they are scheduled.

The platform penalises the same content posted on several accounts, so before a note is
scheduled or published it is compared with every scheduled, held or published note of every
account the caller sees (and with the other notes checked in the same request, as bulk
scheduling sends them): its photos and videos by perceptual hash, its text by the likeness of
its word pairs. Notes of accounts the caller does not see are never read.

One check compares a note with thousands (20 accounts × a few hundred notes) in a few vectorised
operations: all the pool's hashes sit in one array, compared with the note's at once, and all
its text signatures in one matrix. Fingerprints are read from their tables and made only for
content met for the first time (`publisher.services.fingerprints`).
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from sqlalchemy import ColumnElement, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from editor.fingerprint import distances, parse_hashes
from publisher.db.models import Account, Note, NoteMedia, User
from publisher.domain.text_similarity import estimated_similarity
from publisher.media_store import MediaStore
from publisher.services import access
from publisher.services.errors import NotFound
from publisher.services.fingerprints import (
    MISSING,
    TextPrint,
    make_media_hashes,
    stored_hashes,
    text_digest,
    text_prints,
)

IMAGE_MAX_DISTANCE = 10
"""Perceptual hashes at most this many bits apart (of 64) show the same picture. Measured on
photographs: resizing, re-encoding, ±25 % brightness or a filter move a hash 0–2 bits, a 2 %
crop or a 3° turn 4–12; unrelated photos lie 20–36 bits apart, and even tightly aligned
portraits (a set of passport-like faces) come within 10 bits in only 2 pairs of 10 000. A
false alarm costs a click on "Schedule anyway"; a missed repost costs the account its reach."""
MEDIA_MATCH_SHARE = 0.5
"""Two media match when at least this share of the hashes of the one with fewer has a close
hash in the other. A photo has one or two hashes (the original, and its export when edited),
so any close pair counts; a video has one per sampled frame, so half of its frames must."""
TEXT_MIN_SIMILARITY = 0.4
"""Texts sharing at least this share of their word pairs are one text. A repost with a few
words changed and its topics and emoji swapped keeps 0.5–0.7; two notes on the same subject
written separately share under 0.05."""
TEXT_MIN_SHINGLES = 10
"""Texts with fewer word pairs (a title alone, a line of emoji) are too short to call a copy."""
COMPARED_STATUSES = ("scheduled", "held", "published")
"""What is or will be on the platform. Drafts are work in progress (often copies being
adapted), so they are compared only when they are among the notes checked."""
MAX_MATCHES = 50
"""Matches reported per note, most alike first: enough to act on, bounded for a stock photo
used a hundred times."""


@dataclass(frozen=True)
class PhotoMatch:
    position: int
    other_position: int
    other_sha256: str
    distance: int


@dataclass(frozen=True)
class NearDuplicate:
    note_id: uuid.UUID
    account_id: uuid.UUID
    account_nickname: str
    account_timezone: str
    title: str
    status: str
    scheduled_at: datetime | None
    published_at: datetime | None
    kind: str
    score: float
    text_score: float | None
    photos: list[PhotoMatch]


@dataclass(frozen=True)
class NoteNearDuplicates:
    note_id: uuid.UUID
    matches: list[NearDuplicate]


@dataclass
class _Note:
    id: uuid.UUID
    account_id: uuid.UUID
    account_nickname: str
    account_timezone: str
    title: str
    body: str
    status: str
    scheduled_at: datetime | None
    published_at: datetime | None
    media: list[tuple[int, str, str | None]] = field(default_factory=list)
    """(position, original sha256, exported sha256 or None)."""

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}"


def find(
    session: Session, user: User, store: MediaStore, note_ids: Sequence[uuid.UUID]
) -> list[NoteNearDuplicates]:
    """For each of `note_ids`, the notes it nearly duplicates among those the caller sees.

    Raises:
        NotFound: `note.not_found` when a note is missing or not visible to the caller.
    """
    wanted = list(dict.fromkeys(note_ids))
    visible = access.visible_account_ids(user)
    pool = and_(
        Note.account_id.in_(visible),
        or_(Note.status.in_(COMPARED_STATUSES), Note.id.in_(wanted)),
    )
    notes, hashes = _load(session, pool)
    index = {note.id: position for position, note in enumerate(notes)}
    if any(note_id not in index for note_id in wanted):
        raise NotFound("note.not_found")
    missing = {sha256 for sha256, found in hashes.items() if found is None}
    made = make_media_hashes(session, store, missing) if missing else {}
    known = {sha256: made.get(sha256, found or ()) for sha256, found in hashes.items()}
    texts = {text_digest(note.text): note.text for note in notes}
    prints = text_prints(session, texts)
    compared = _Pool(notes, known, [prints[text_digest(note.text)] for note in notes])
    return [NoteNearDuplicates(note_id, compared.matches(index[note_id])) for note_id in wanted]


def _load(
    session: Session, pool: ColumnElement[bool]
) -> tuple[list[_Note], dict[str, tuple[int, ...] | None]]:
    """The pool's notes with their media, and the stored hashes of every medium (None for
    those not fingerprinted yet).

    One row per note, its media concatenated with their fingerprints: thousands of ORM notes
    would each load topics, mentions and products nobody needs here, and a row per medium
    costs more in decoding note ids than the whole comparison.
    """
    medium = (
        cast(NoteMedia.position, String)
        + ":"
        + NoteMedia.sha256
        + ":"
        + stored_hashes(NoteMedia.sha256)
        + ":"
        + func.coalesce(NoteMedia.rendered_sha256, "")
        + ":"
        + stored_hashes(NoteMedia.rendered_sha256)
    )
    media = (
        select(func.aggregate_strings(medium, " "))
        .where(NoteMedia.note_id == Note.id)
        .scalar_subquery()
        .label("media")
    )
    rows = session.execute(
        select(
            Note.id,
            Note.account_id,
            Account.nickname,
            Account.timezone,
            Note.title,
            Note.body,
            Note.status,
            Note.scheduled_at,
            Note.published_at,
            media,
        )
        .join(Account, Account.id == Note.account_id)
        .where(pool)
    )
    notes: list[_Note] = []
    hashes: dict[str, tuple[int, ...] | None] = {}
    for row in rows:
        note = _Note(
            id=row.id,
            account_id=row.account_id,
            account_nickname=row.nickname,
            account_timezone=row.timezone,
            title=row.title,
            body=row.body,
            status=row.status,
            scheduled_at=row.scheduled_at,
            published_at=row.published_at,
        )
        for entry in (row.media or "").split():
            position, original, original_hashes, export, export_hashes = entry.split(":")
            note.media.append((int(position), original, export or None))
            hashes[original] = _parsed(original_hashes)
            if export:
                hashes[export] = _parsed(export_hashes)
        note.media.sort()
        notes.append(note)
    return notes, hashes


def _parsed(stored: str) -> tuple[int, ...] | None:
    return None if stored == MISSING else parse_hashes(stored)


class _Pool:
    """The notes compared, as arrays: every medium's hashes in one, every text's signature in
    another, each with the note it belongs to. An *item* is one photo or video of a note."""

    def __init__(
        self, notes: list[_Note], hashes: dict[str, tuple[int, ...]], prints: list[TextPrint]
    ) -> None:
        self.notes = notes
        self._index_media(hashes)
        self._index_texts(prints)

    def _index_media(self, hashes: dict[str, tuple[int, ...]]) -> None:
        self.item_note: list[int] = []
        self.item_position: list[int] = []
        self.item_sha: list[str] = []
        self.photo_count = [0] * len(self.notes)
        values: list[int] = []
        owners: list[int] = []
        for note_index, note in enumerate(self.notes):
            for position, sha256, rendered in note.media:
                # The original and its export: a repost may share either.
                mine = set(hashes.get(sha256, ()))
                if rendered:
                    mine.update(hashes.get(rendered, ()))
                if not mine:
                    continue
                owners.extend([len(self.item_note)] * len(mine))
                values.extend(mine)
                self.item_note.append(note_index)
                self.item_position.append(position)
                self.item_sha.append(sha256)
                self.photo_count[note_index] += 1
        self.hashes = np.array(values, dtype=np.uint64)
        self.hash_item = np.array(owners, dtype=np.intp)
        self.hash_note = np.asarray(self.item_note, np.intp)[self.hash_item]
        starts = np.searchsorted(self.hash_item, np.arange(len(self.item_note) + 1))
        self.item_hashes = [np.arange(a, b) for a, b in itertools.pairwise(starts)]
        """Indices into `self.hashes` of each item's hashes."""

    def _index_texts(self, prints: list[TextPrint]) -> None:
        signed = [
            (note_index, text.signature)
            for note_index, text in enumerate(prints)
            if text.signature is not None and text.shingles >= TEXT_MIN_SHINGLES
        ]
        self.text_notes = np.asarray([note_index for note_index, _ in signed], np.intp)
        self.text_row = {note_index: row for row, (note_index, _) in enumerate(signed)}
        self.signatures = (
            np.stack([signature for _, signature in signed]) if signed else np.empty((0, 0))
        )

    def matches(self, note_index: int) -> list[NearDuplicate]:
        photos = self._photo_matches(note_index)
        texts = self._text_matches(note_index)
        found = [
            self._match(note_index, other, photos.get(other, []), texts.get(other))
            for other in photos.keys() | texts.keys()
        ]
        found.sort(key=lambda match: (-match.score, match.title, str(match.note_id)))
        return found[:MAX_MATCHES]

    def _photo_matches(self, note_index: int) -> dict[int, list[PhotoMatch]]:
        own = np.flatnonzero(self.hash_note == note_index)
        if not own.size:
            return {}
        table = distances(self.hashes[own], self.hashes)
        close = (table <= IMAGE_MAX_DISTANCE) & (self.hash_note != note_index)[None, :]
        rows, columns = np.nonzero(close)
        pairs = sorted(set(zip(self.hash_item[own[rows]], self.hash_item[columns], strict=True)))
        found: dict[int, list[PhotoMatch]] = {}
        for mine, theirs in pairs:
            block = table[
                np.ix_(np.flatnonzero(self.hash_item[own] == mine), self.item_hashes[theirs])
            ]
            near = block <= IMAGE_MAX_DISTANCE
            fewer_axis = 1 if near.shape[0] <= near.shape[1] else 0
            if near.any(axis=fewer_axis).mean() < MEDIA_MATCH_SHARE:
                continue
            other = self.item_note[theirs]
            found.setdefault(other, []).append(
                PhotoMatch(
                    position=self.item_position[mine],
                    other_position=self.item_position[theirs],
                    other_sha256=self.item_sha[theirs],
                    distance=int(block.min()),
                )
            )
        return found

    def _text_matches(self, note_index: int) -> dict[int, float]:
        row = self.text_row.get(note_index)
        if row is None:
            return {}
        scores = estimated_similarity(self.signatures[row], self.signatures)
        hits = np.flatnonzero(scores >= TEXT_MIN_SIMILARITY)
        # The best ones only (one more: the note itself is among them): a text posted
        # hundreds of times must not cost hundreds of matches that are cut anyway.
        best = hits[np.argsort(-scores[hits], kind="stable")][: MAX_MATCHES + 1]
        return {
            int(self.text_notes[hit]): float(scores[hit])
            for hit in best
            if self.text_notes[hit] != note_index
        }

    def _match(
        self, note_index: int, other: int, photos: list[PhotoMatch], text_score: float | None
    ) -> NearDuplicate:
        note = self.notes[other]
        fewer = min(self.photo_count[note_index], self.photo_count[other])
        photo_score = len({photo.position for photo in photos}) / fewer if photos else 0.0
        kind = "both" if photos and text_score is not None else "image" if photos else "text"
        return NearDuplicate(
            note_id=note.id,
            account_id=note.account_id,
            account_nickname=note.account_nickname,
            account_timezone=note.account_timezone,
            title=note.title,
            status=note.status,
            scheduled_at=note.scheduled_at,
            published_at=note.published_at,
            kind=kind,
            score=round(max(photo_score, text_score or 0.0), 3),
            text_score=None if text_score is None else round(text_score, 3),
            photos=sorted(photos, key=lambda p: (p.position, p.other_position)),
        )
