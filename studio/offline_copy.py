"""What the app last knew of a team server, on disk, so it opens and keeps working while the
server is unreachable: the accounts, and the notes it has listed or opened.

`CopyKeepingClient` is the team server's client with three reads that keep the copy current
when they succeed and answer from it when the server cannot be reached, so every page (notes,
calendar, the composer's accounts, opening a note) works offline without knowing it; the app's
connection status says it is offline. Writes are not copied: edits wait in the draft journal.

One folder per server and user, like the draft journal, so nothing crosses from one server
(or person) to another. The embedded backend needs none: it starts with the app. Files are
replaced atomically; an unreadable one counts as absent. Qt-free.
"""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from publisher.client import OfflineError, StudioClient
from publisher.schemas import AccountPublic, NotePublic, Page
from studio.atomic_file import write_atomically

FOLDER = "offline"
MAX_NOTES = 2000
"""Notes kept, most recently updated first: far more than a week's plan across 20 accounts."""

_ACCOUNTS = TypeAdapter(list[AccountPublic])
_NOTES = TypeAdapter(list[NotePublic])
_LOCK = threading.Lock()
"""Clients of several threads keep the same files: one read-modify-write at a time."""
_PARSED: dict[Path, tuple[int, list[NotePublic]]] = {}
"""The notes file last parsed, by path, with the modification time it had."""


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
        with _LOCK:
            if self.accounts() != accounts:
                write_atomically(self.folder / "accounts.json", _ACCOUNTS.dump_json(accounts))

    def notes(self) -> list[NotePublic] | None:
        """The notes known, most recently updated first (None: none were ever kept).

        Parsed once per version of the file: every list page the app reads goes through
        `keep_notes`, and re-validating up to `MAX_NOTES` notes each time would be the bulk
        of its cost."""
        path = self.folder / "notes.json"
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return None
        cached = _PARSED.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        data = self._read("notes.json")
        try:
            notes = None if data is None else _NOTES.validate_json(data)
        except ValidationError:
            return None
        if notes is not None:
            _PARSED[path] = (stamp, notes)
        return notes

    def keep_notes(self, fresh: list[NotePublic]) -> None:
        """Add or update these notes, keeping the most recently updated; nothing is written
        when the copy already has them as they are."""
        with _LOCK:
            by_id = {note.id: note for note in self.notes() or []}
            if all(by_id.get(note.id) == note for note in fresh):
                return
            by_id.update((note.id, note) for note in fresh)
            newest = sorted(by_id.values(), key=lambda note: note.updated_at, reverse=True)
            path, kept = self.folder / "notes.json", newest[:MAX_NOTES]
            write_atomically(path, _NOTES.dump_json(kept))
            # Written by this app alone (its data folder is locked): what it wrote is what a
            # later read would parse, whatever the clock's resolution says of the time stamp.
            _PARSED[path] = (path.stat().st_mtime_ns, kept)


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


class CopyKeepingClient(StudioClient):
    """A team server's client whose reads of accounts and notes survive the server being
    unreachable (see the module docstring)."""

    def __init__(self, base_url: str, token: str | None, copy: OfflineCopy) -> None:
        super().__init__(base_url, token)
        self.copy = copy

    def list_accounts(self) -> list[AccountPublic]:
        try:
            accounts = super().list_accounts()
        except OfflineError:
            kept = self.copy.accounts()
            if kept is None:
                raise
            return kept
        self.copy.keep_accounts(accounts)
        return accounts

    def list_notes(
        self,
        *,
        account_id: uuid.UUID | None = None,
        status: str | None = None,
        query: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[NotePublic]:
        try:
            page = super().list_notes(
                account_id=account_id, status=status, query=query, offset=offset, limit=limit
            )
        except OfflineError:
            kept = self.copy.notes()
            if kept is None:
                raise
            found = matching(kept, account_id=account_id, status=status, query=query or "")
            return Page(
                items=found[offset : offset + limit], total=len(found), offset=offset, limit=limit
            )
        self.copy.keep_notes(page.items)
        return page

    def get_note(self, note_id: uuid.UUID) -> NotePublic:
        try:
            note = super().get_note(note_id)
        except OfflineError:
            kept = next((note for note in self.copy.notes() or [] if note.id == note_id), None)
            if kept is None:
                raise
            return kept
        self.copy.keep_notes([note])
        return note
