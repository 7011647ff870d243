"""The crash journal: each open draft as a small JSON file, replaced atomically.

The backend is the system of record, but a draft is only there after a save reached it. The
journal closes that gap: it is written within the autosave's debounce window, so a process
killed before the save still has the text on disk, and the next start restores and saves it.
Qt-free, so it is tested without a GUI.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

JOURNAL_DIR = "drafts"


@dataclass(frozen=True)
class DraftFields:
    """What the creator edits; compared to the last saved copy to know what to send."""

    title: str = ""
    body: str = ""
    media: tuple[str, ...] = ()


@dataclass(frozen=True)
class JournalEntry:
    key: str
    account_id: str | None
    note_id: str | None
    version: int | None
    fields: DraftFields
    dirty: bool
    opened_at: float
    create_key: str = field(default_factory=lambda: str(uuid.uuid4()))
    conflict: bool = False
    uploads: tuple[str, ...] = ()
    """Local paths of images that were still uploading: uploaded again on the next start."""
    """An unresolved conflict: `version` is then the one the edits started from, so the next
    save after a restart conflicts again instead of overwriting the other change."""

    def to_json(self) -> str:
        data = asdict(self)
        data["fields"]["media"] = list(self.fields.media)
        data["uploads"] = list(self.uploads)
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> JournalEntry:
        data = json.loads(text)
        raw = data.pop("fields")
        fields = DraftFields(
            title=str(raw.get("title", "")),
            body=str(raw.get("body", "")),
            media=tuple(str(sha) for sha in raw.get("media", [])),
        )
        data["uploads"] = tuple(str(path) for path in data.get("uploads", []))
        return cls(fields=fields, **data)


class DraftJournal:
    """The journal folder of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / JOURNAL_DIR

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def write(self, entry: JournalEntry) -> None:
        """Write temp file, fsync, rename: a reader sees the old or the new entry, never half."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{entry.key}.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(entry.to_json())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self._path(entry.key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def remove(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def read_all(self) -> list[JournalEntry]:
        """Every readable entry, most recently opened first; unreadable files are skipped."""
        entries: list[JournalEntry] = []
        if not self.folder.is_dir():
            return entries
        for path in self.folder.glob("*.json"):
            try:
                entries.append(JournalEntry.from_json(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError, KeyError):
                continue  # a foreign or damaged file: never let it stop the app starting
        entries.sort(key=lambda entry: entry.opened_at, reverse=True)
        return entries
