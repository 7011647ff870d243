"""The crash journal: each open draft as a small JSON file, replaced atomically.

The backend is the system of record, but a draft is only there after a save reached it. The
journal closes that gap: it is written within the autosave's debounce window, so a process
killed before the save still has the text on disk, and the next start restores and saves it.
Qt-free, so it is tested without a GUI.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from editor.errors import EditorError
from editor.recipe import Recipe
from editor.video.edit import VideoEdit
from publisher.schemas import NoteMediaIn
from studio.atomic_file import write_atomically

JOURNAL_DIR = "drafts"


def composition_key(document: Mapping[str, Any] | None) -> str | None:
    """A composition document (how a cover was made from a template) as canonical JSON, so
    fields holding it stay comparable and hashable; None when there is none."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False) if document else None


def recipe_key(document: Mapping[str, Any] | None) -> str | None:
    """A recipe document as canonical JSON (None when it changes nothing), so two recipes
    compare equal exactly when they render the same, whoever wrote them."""
    if not document:
        return None
    try:
        document = Recipe.from_dict(document).to_dict()
    except EditorError:
        # Made by a newer app (or damaged): kept as it is, never dropped by a save from here.
        return json.dumps(document, sort_keys=True)
    # Only a recipe at every default is "no edit": a chosen ratio alone is kept, so
    # reopening the photo shows that ratio still selected.
    return None if set(document) == {"version"} else json.dumps(document, sort_keys=True)


def video_edit_key(edit: VideoEdit) -> str | None:
    """A video edit as canonical JSON, as `recipe_key` is for photos (None: the whole video,
    unchanged)."""
    document = edit.to_dict()
    return None if document == VideoEdit().to_dict() else json.dumps(document, sort_keys=True)


@functools.lru_cache(maxsize=256)
def _parsed(key: str) -> Recipe:
    """Recipes are read on every repaint of the strip: parse each canonical text once."""
    return Recipe.from_dict(json.loads(key))


@dataclass(frozen=True)
class MediaEdit:
    """The edit of one photo: its recipe (canonical JSON, None when unedited), once exported
    the rendered image made from exactly that recipe, and for a cover made from a template its
    composition (canonical JSON: the template, the photos and the slot texts it was made of)."""

    sha256: str
    recipe: str | None
    rendered_sha256: str | None = None
    composition: str | None = None


@dataclass(frozen=True)
class Tag:
    """Something the note refers to by id (a topic, an @account, a product, a place) with the
    name shown for it, so a restored draft draws its chips without asking the backend."""

    id: str
    name: str


def _tags(raw: Any) -> tuple[Tag, ...]:
    return tuple(Tag(str(item["id"]), str(item.get("name", ""))) for item in raw or [])


@dataclass(frozen=True)
class DraftFields:
    """What the creator edits; compared to the last saved copy to know what to send."""

    title: str = ""
    body: str = ""
    media: tuple[str, ...] = ()
    edits: tuple[MediaEdit, ...] = ()
    """Only photos with a recipe, an export or a composition, in `media` order."""
    type: str = "image"
    """``image`` or ``video``: a video note holds one video, whose "recipe" is a video edit
    (`editor.video.edit`) and whose export is the MP4 that is published."""
    topics: tuple[Tag, ...] = ()
    mentions: tuple[Tag, ...] = ()
    products: tuple[Tag, ...] = ()
    place: Tag | None = None
    visibility: str = "public"
    original: bool = False
    ai_generated: bool = False
    planned_at: str | None = None
    """The time picked to schedule for (ISO, aware); kept with the draft, sent by Schedule."""

    def composer_changes(self, saved: DraftFields | None) -> dict[str, Any]:
        """The composer fields that differ from `saved`, as `update_note` takes them."""
        changes: dict[str, Any] = {}
        for name in ("topics", "mentions", "products"):
            if saved is None or getattr(self, name) != getattr(saved, name):
                key = "product_ids" if name == "products" else name
                changes[key] = [tag.id for tag in getattr(self, name)]
        if saved is None or self.place != saved.place:
            changes["place_id"] = None if self.place is None else self.place.id
        for name in ("type", "visibility", "original", "ai_generated"):
            if saved is None or getattr(self, name) != getattr(saved, name):
                changes[name] = getattr(self, name)
        return changes

    def edit_of(self, sha256: str) -> MediaEdit | None:
        return next((edit for edit in self.edits if edit.sha256 == sha256), None)

    def recipe_key_of(self, sha256: str) -> str | None:
        edit = self.edit_of(sha256)
        return None if edit is None else edit.recipe

    def is_edited(self, sha256: str) -> bool:
        return self.recipe_key_of(sha256) is not None

    def recipe_of(self, sha256: str) -> Recipe:
        """The photo's recipe; EditorError when this app cannot read it (`recipe.too_new`)."""
        key = self.recipe_key_of(sha256)
        return Recipe() if key is None else _parsed(key)

    def recipe_or_plain(self, sha256: str) -> Recipe:
        """The photo's recipe, or none when this app cannot read it (a newer app's edit):
        what drawing the note's photos elsewhere (templates, the cover lab) falls back to."""
        try:
            return self.recipe_of(sha256)
        except EditorError:
            return Recipe()

    def with_media(self, media: tuple[str, ...]) -> DraftFields:
        """New order or set of photos; the edits of photos still there stay with them."""
        return self._with_edits(media, {edit.sha256: edit for edit in self.edits})

    def video_edit_of(self, sha256: str) -> VideoEdit:
        """The video's edit; EditorError when this app cannot read it (`recipe.too_new`)."""
        key = self.recipe_key_of(sha256)
        return VideoEdit() if key is None else VideoEdit.from_dict(json.loads(key))

    def with_recipe(self, sha256: str, document: Mapping[str, Any] | None) -> DraftFields:
        """A photo's new recipe; a rendered image of an older recipe is dropped with it."""
        return self._with_recipe_key(sha256, recipe_key(document))

    def with_video_edit(self, sha256: str, edit: VideoEdit) -> DraftFields:
        """The video's new edit; an export of an older edit is dropped with it."""
        return self._with_recipe_key(sha256, video_edit_key(edit))

    def _with_recipe_key(self, sha256: str, key: str | None) -> DraftFields:
        if key == self.recipe_key_of(sha256):
            return self
        edit = self.edit_of(sha256)
        composition = None if edit is None else edit.composition
        return self._with_edit(sha256, MediaEdit(sha256, key, composition=composition))

    def with_rendered(self, sha256: str, recipe: str | None, rendered_sha256: str) -> DraftFields:
        """Record an export, unless the recipe changed while it was being made."""
        if sha256 not in self.media or self.recipe_key_of(sha256) != recipe:
            return self
        edit = self.edit_of(sha256) or MediaEdit(sha256, recipe)
        return self._with_edit(sha256, replace(edit, rendered_sha256=rendered_sha256))

    def composition_of(self, sha256: str) -> dict[str, Any] | None:
        """How the cover `sha256` was made from a template; None for an ordinary photo."""
        edit = self.edit_of(sha256)
        return None if edit is None or edit.composition is None else json.loads(edit.composition)

    def composed(self) -> tuple[str, ...]:
        """The note's covers made from a template, in `media` order."""
        return tuple(edit.sha256 for edit in self.edits if edit.composition is not None)

    def with_composition(self, sha256: str, document: Mapping[str, Any] | None) -> DraftFields:
        """Mark `sha256` as a cover made from a template (or, with None, as a plain photo)."""
        edit = self.edit_of(sha256) or MediaEdit(sha256, None)
        return self._with_edit(sha256, replace(edit, composition=composition_key(document)))

    def unrendered(self) -> tuple[MediaEdit, ...]:
        """Photos without an export of their current recipe. Every photo is published as an
        export at the platform's size, edited or not (an iPhone HEIC original, for one, is
        not a format the platform takes)."""
        return tuple(
            MediaEdit(sha, self.recipe_key_of(sha))
            for sha in dict.fromkeys(self.media)
            if (edit := self.edit_of(sha)) is None or edit.rendered_sha256 is None
        )

    def media_payload(self) -> list[NoteMediaIn]:
        """The note's media as the backend takes them: each with its recipe and export."""
        payload = []
        for sha in self.media:
            edit = self.edit_of(sha) or MediaEdit(sha, None)
            payload.append(
                NoteMediaIn(
                    sha256=sha,
                    recipe=None if edit.recipe is None else json.loads(edit.recipe),
                    rendered_sha256=edit.rendered_sha256,
                    composition=self.composition_of(sha),
                )
            )
        return payload

    def _with_edit(self, sha256: str, edit: MediaEdit) -> DraftFields:
        """`edit` replaces the photo's; an edit holding nothing is not kept."""
        edits = {item.sha256: item for item in self.edits}
        edits.pop(sha256, None)
        if edit != MediaEdit(sha256, None):
            edits[sha256] = edit
        return self._with_edits(self.media, edits)

    def _with_edits(self, media: tuple[str, ...], edits: dict[str, MediaEdit]) -> DraftFields:
        ordered = tuple(edits[sha] for sha in dict.fromkeys(media) if sha in edits)
        return replace(self, media=tuple(media), edits=ordered)


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
    """An unresolved conflict: `version` is then the one the edits started from, so the next
    save after a restart conflicts again instead of overwriting the other change."""
    uploads: tuple[str, ...] = ()
    """Local paths of images that were still uploading: uploaded again on the next start."""
    base: DraftFields | None = None
    """The copy the backend and this draft last agreed on: what a conflict is merged against,
    so a field only one side changed merges by itself."""

    def to_json(self) -> str:
        data = asdict(self)
        data["fields"] = _fields_document(self.fields)
        data["base"] = None if self.base is None else _fields_document(self.base)
        data["uploads"] = list(self.uploads)
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> JournalEntry:
        data = json.loads(text)
        fields = _fields_from(data.pop("fields"))
        base = data.pop("base", None)
        data["uploads"] = tuple(str(path) for path in data.get("uploads", []))
        return cls(fields=fields, base=None if base is None else _fields_from(base), **data)


def _fields_document(fields: DraftFields) -> dict[str, Any]:
    data = asdict(fields)
    data["media"] = list(fields.media)
    data["edits"] = [asdict(edit) for edit in fields.edits]
    return data


def _fields_from(raw: dict[str, Any]) -> DraftFields:
    return DraftFields(
        title=str(raw.get("title", "")),
        body=str(raw.get("body", "")),
        media=tuple(str(sha) for sha in raw.get("media", [])),
        edits=tuple(
            MediaEdit(
                sha256=str(edit["sha256"]),
                recipe=edit.get("recipe"),
                rendered_sha256=edit.get("rendered_sha256"),
                composition=edit.get("composition"),
            )
            for edit in raw.get("edits", [])
        ),
        topics=_tags(raw.get("topics")),
        mentions=_tags(raw.get("mentions")),
        products=_tags(raw.get("products")),
        place=_tags([raw["place"]])[0] if raw.get("place") else None,
        visibility=str(raw.get("visibility", "public")),
        original=bool(raw.get("original", False)),
        ai_generated=bool(raw.get("ai_generated", False)),
        planned_at=raw.get("planned_at"),
        type="video" if raw.get("type") == "video" else "image",
    )


class DraftJournal:
    """The journal folder of one data folder and backend.

    A draft holds ids (note, account, topics, products) that mean something on one backend
    only, so each backend has its own folder: the embedded one `drafts/`, a team server (and
    user) `drafts/<backend>/`. A draft is restored, and its unsaved text sent, only where it
    was written.
    """

    def __init__(self, data_dir: Path, backend: str | None = None) -> None:
        self.folder = data_dir / JOURNAL_DIR
        if backend is not None:
            self.folder /= backend

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def write(self, entry: JournalEntry) -> None:
        write_atomically(self._path(entry.key), entry.to_json().encode())

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
