"""What the app last knew of a team server, on disk, so it opens and keeps working while the
server is unreachable: the accounts, and the notes it has listed or opened.

One folder per backend and user, like the draft journal, so nothing crosses from one server
(or person) to another. The embedded backend needs none: it starts with the app. Files are
replaced atomically; an unreadable one counts as absent, never as an error. Qt-free.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from publisher.schemas import AccountPublic, NotePublic
from studio.atomic_file import write_atomically

FOLDER = "offline"
MAX_NOTES = 2000
"""Notes kept, most recently updated first: far more than a week's plan across 20 accounts."""

_ACCOUNTS = TypeAdapter(list[AccountPublic])
_NOTES = TypeAdapter(list[NotePublic])


class OfflineCopy:
    def __init__(self, data_dir: Path, backend_key: str) -> None:
        self.folder = data_dir / FOLDER / backend_key

    def _read(self, name: str) -> bytes | None:
        try:
            return (self.folder / name).read_bytes()
        except OSError:
            return None

    def accounts(self) -> list[AccountPublic] | None:
        data = self._read("accounts.json")
        try:
            return None if data is None else _ACCOUNTS.validate_json(data)
        except ValidationError:
            return None

    def keep_accounts(self, accounts: list[AccountPublic]) -> None:
        write_atomically(self.folder / "accounts.json", _ACCOUNTS.dump_json(accounts))

    def notes(self) -> list[NotePublic]:
        """The notes known, most recently updated first."""
        data = self._read("notes.json")
        try:
            return [] if data is None else _NOTES.validate_json(data)
        except ValidationError:
            return []

    def note(self, note_id: uuid.UUID) -> NotePublic | None:
        return next((note for note in self.notes() if note.id == note_id), None)

    def keep_notes(
        self, fresh: list[NotePublic], *, gone: frozenset[uuid.UUID] = frozenset()
    ) -> None:
        """Add or update these notes (and forget `gone` ones), keeping the newest."""
        by_id = {note.id: note for note in self.notes()}
        for note in fresh:
            by_id[note.id] = note
        for note_id in gone:
            by_id.pop(note_id, None)
        newest = sorted(by_id.values(), key=lambda note: note.updated_at, reverse=True)
        write_atomically(self.folder / "notes.json", _NOTES.dump_json(newest[:MAX_NOTES]))


def offline_copy(data_dir: Path, backend_key: str | None) -> OfflineCopy | None:
    """The copy of this backend's data, or None for the embedded backend."""
    return None if backend_key is None else OfflineCopy(data_dir, backend_key)


def matching(
    notes: list[NotePublic], *, account_id: uuid.UUID | None, status: str | None, query: str
) -> list[NotePublic]:
    """The notes a list filter would have asked the server for, worked out locally."""
    needle = query.strip().casefold()
    return [
        note
        for note in notes
        if (account_id is None or note.account_id == account_id)
        and (status is None or note.status == status)
        and (not needle or needle in f"{note.title}\n{note.body}".casefold())
    ]
