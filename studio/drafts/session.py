"""One draft being written: the local copy is the truth, autosaved to the backend in order.

Every change is journaled to disk within ~150 ms and saved ~600 ms after typing pauses. Saves
are compare-and-set on the note's version and go through the write lane one at a time; while
one is in flight, newer edits wait and are sent right after, with only the fields that differ
from the last saved copy. The first save creates an empty note under a key that never changes
for this draft, so a create whose answer was lost is replayed, not duplicated.

Photos carry their edit (recipe) like the text. When an edit settles, and always before a
publish, every edited photo is rendered at the platform's size and uploaded; the export is
recorded only if the recipe is still the one it was made from, so a stale rendered image is
never saved or published.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from enum import Enum
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from editor.recipe import Recipe
from editor.video.edit import VideoEdit
from publisher.client import AuthError, ClientError, ConflictError, NotFoundError, OfflineError
from publisher.client import ValidationError as RefusedError
from publisher.schemas import NotePublic
from studio.connection import BackendState
from studio.drafts.journal import DraftFields, DraftJournal, JournalEntry, MediaEdit, Tag
from studio.drafts.merge import FIELD_GROUPS, FieldDifference, Side, differences, merged
from studio.editor.photo_exports import PhotoExporter
from studio.editor.photo_store import PhotoStore
from studio.ops import Mutation, run_in_background
from studio.tasks import Lane
from studio.video.export_job import renderer_for
from studio.video.sources import open_sources

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from publisher.domain.changes import ChangeSet
    from studio.context import AppContext

SAVE_DEBOUNCE_MS = 600
JOURNAL_DEBOUNCE_MS = 150
VIDEO_PROGRESS_STEPS = 1000
"""A video export reports `export_progress(done, VIDEO_PROGRESS_STEPS)`: one file, in
thousandths, where photo exports count files."""
_RETRY_MS = (1000, 2000, 4000, 8000, 15000, 30000)


class SaveState(Enum):
    SAVED = "saved"
    PENDING = "pending"
    SAVING = "saving"
    OFFLINE = "offline"
    CONFLICT = "conflict"
    FAILED = "failed"


def _tags(ids: list[uuid.UUID], names: list[str]) -> tuple[Tag, ...]:
    """Ids with their names; a server too old to send names leaves them empty (the chip then
    shows the id) rather than dropping the link."""
    return tuple(Tag(str(i), name) for i, name in zip_longest(ids, names[: len(ids)], fillvalue=""))


def fields_of(note: NotePublic, known: DraftFields | None = None) -> DraftFields:
    """The draft fields of a server copy; a planned time the server does not hold (the note
    is not scheduled) is kept from `known`, the local copy."""
    ordered = sorted(note.media, key=lambda item: item.position)
    fields = DraftFields(
        note.title,
        note.body,
        tuple(item.sha256 for item in ordered),
        topics=_tags(note.topics, note.topic_names),
        mentions=_tags(note.mentions, note.mention_names),
        products=_tags(note.product_ids, note.product_names),
        place=None if note.place is None else Tag(note.place.id, note.place.name),
        visibility=note.visibility,
        original=note.original,
        ai_generated=note.ai_generated,
        type=note.type,
        planned_at=(
            note.scheduled_at.isoformat()
            if note.scheduled_at
            else (known.planned_at if known else None)
        ),
    )
    for item in ordered:
        fields = fields.with_recipe(item.sha256, item.recipe)
        if item.rendered_sha256:
            key = fields.recipe_key_of(item.sha256)
            fields = fields.with_rendered(item.sha256, key, item.rendered_sha256)
        if item.composition:
            fields = fields.with_composition(item.sha256, item.composition)
    return fields


def _send_update(
    client: StudioClient, note_id: uuid.UUID, version: int, changes: dict[str, Any]
) -> tuple[NotePublic, ChangeSet]:
    """One save: the fields in a PATCH, and the place (which the client sets on its own,
    since None there means "remove") right after it on the version the PATCH returned."""
    fields = dict(changes)
    place = fields.pop("place_id", _KEEP)
    result = client.update_note(note_id, version=version, **fields) if fields else None
    if place is not _KEEP:
        version = result[0].version if result else version
        result = client.set_note_place(note_id, version=version, place_id=place)
    assert result is not None  # `changes` is never empty here
    return result


_KEEP = object()


class DraftSession(QObject):
    """A draft's local state and its way to the backend."""

    fields_replaced = Signal()
    """The fields changed by something other than typing (restore, reload): redraw them."""
    fields_edited = Signal()
    """An edit through a `set_…` call changed the fields (views that merely show them follow)."""
    save_state_changed = Signal(object)
    note_changed = Signal()
    """Id, status, version or publish time changed."""
    conflict = Signal()
    published = Signal(object)
    publish_refused = Signal(list)
    publish_failed = Signal(object)
    save_failed = Signal(object)
    export_progress = Signal(int, int)
    """(done, total) photos rendered and uploaded; (0, 0) when no export runs."""
    export_failed = Signal(object)
    scheduled = Signal(object)
    """The note was scheduled, rescheduled or unscheduled (the new `NotePublic`)."""
    schedule_refused = Signal(list)
    """Violations (dicts) the server gave for refusing the planned time."""
    schedule_failed = Signal(object)
    prepared = Signal()
    """What `prepare()` waited for: the note on screen is saved, every edited photo exported."""
    prepare_failed = Signal(object)
    settled = Signal()
    """Nothing is left to save; emitted while retiring so the store can let go."""

    def __init__(
        self,
        ctx: AppContext,
        entry: JournalEntry,
        *,
        saved: DraftFields | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._journal = DraftJournal(ctx.data_dir, ctx.connection.backend_key)
        self.key = entry.key
        self.account_id = entry.account_id
        self.note_id = entry.note_id
        self.version = entry.version
        self.status = "draft"
        self.published_at: datetime | None = None
        self.scheduled_at: datetime | None = None
        self.collaboration = False
        """The brand-collaboration disclosure, set by the brand flow (read-only here)."""
        self.collaboration_id: str | None = None
        """The brand collaboration this note is the deliverable of."""
        self.protected_until: datetime | None = None
        """A published collaboration note may not be deleted or archived before this."""
        self._prepare_wanted = False
        self._schedule_wanted = False
        self._create_key = entry.create_key
        self._conflict_base: int | None = entry.version if entry.conflict else None
        """While a conflict is unresolved: the version the local edits started from."""
        self._opened_at = entry.opened_at
        self._fields = entry.fields
        self._saved = saved
        self._base = entry.base
        """The copy last agreed with the backend while `_saved` cannot say it: after a restart
        with unsaved edits, and during a conflict (when `_saved` is the server's copy)."""
        self._server: DraftFields | None = None
        self.conflict_at: datetime | None = None
        """When the server's copy in a conflict was saved (unknown after a restart)."""
        self._busy = False
        self._state = SaveState.SAVED
        self._attempt = 0
        self._publish_wanted = False
        self._publishing = False
        self._retiring = False
        self._exporting = False
        self._cancel_export = threading.Event()
        self._uploads: list[str] = list(entry.uploads)
        """Local paths of images still being checked or uploaded into this draft."""
        self._covers = 0
        """Covers being made from templates for this draft (like uploads, they keep a retired
        draft alive until they land; not journaled, since the job ends with the app)."""
        self._debounce = QTimer(self, singleShot=True, interval=SAVE_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._save)
        self._journal_timer = QTimer(self, singleShot=True, interval=JOURNAL_DEBOUNCE_MS)
        self._journal_timer.timeout.connect(self._write_journal)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._save)
        ctx.connection.state_changed.connect(self._on_connection_state_changed)
        if self.is_dirty():
            self._set_state(SaveState.PENDING)
            self._debounce.start()

    @classmethod
    def blank(cls, ctx: AppContext, account_id: str | None, parent: QObject) -> DraftSession:
        entry = JournalEntry(
            key=str(uuid.uuid4()),
            account_id=account_id,
            note_id=None,
            version=None,
            fields=DraftFields(),
            dirty=False,
            opened_at=time.time(),
        )
        return cls(ctx, entry, saved=DraftFields(), parent=parent)

    @classmethod
    def of_note(cls, ctx: AppContext, note: NotePublic, parent: QObject) -> DraftSession:
        fields = fields_of(note)
        entry = JournalEntry(
            key=str(uuid.uuid4()),
            account_id=str(note.account_id),
            note_id=str(note.id),
            version=note.version,
            fields=fields,
            dirty=False,
            opened_at=time.time(),
        )
        session = cls(ctx, entry, saved=fields, parent=parent)
        session._adopt_meta(note)
        session._write_journal()
        return session

    # -- what widgets read -----------------------------------------------------------------

    @property
    def fields(self) -> DraftFields:
        return self._fields

    @property
    def state(self) -> SaveState:
        return self._state

    @property
    def server_fields(self) -> DraftFields | None:
        """The server's copy after a conflict, for the conflict banner."""
        return self._server

    @property
    def creating(self) -> bool:
        """The first save (which fixes the account) is in flight."""
        return self._busy and self.note_id is None

    def is_dirty(self) -> bool:
        if self.note_id is None:
            return self._fields != DraftFields()
        return self._fields != self._saved

    # -- edits (from widgets) --------------------------------------------------------------

    def set_title(self, title: str) -> None:
        self._edit(replace(self._fields, title=title))

    def set_body(self, body: str) -> None:
        self._edit(replace(self._fields, body=body))

    def set_media(self, media: tuple[str, ...]) -> None:
        self._edit(self._fields.with_media(tuple(media)))

    def set_recipe(self, sha256: str, recipe: Recipe) -> None:
        """A photo's edit changed (one undo step, undo or redo); saved like the text."""
        if sha256 in self._fields.media:
            self._edit(self._fields.with_recipe(sha256, recipe.to_dict()))

    def set_video_edit(self, sha256: str, edit: VideoEdit) -> None:
        """The video's edit changed (one undo step, undo or redo); saved like the text."""
        if sha256 in self._fields.media:
            self._edit(self._fields.with_video_edit(sha256, edit))

    def set_type(self, note_type: str) -> None:
        """An empty draft becomes a video note when a video is added (or back to photos)."""
        self._edit(replace(self._fields, type=note_type))

    def add_cover(
        self,
        sha256: str,
        recipe: Recipe,
        composition: dict[str, Any],
        *,
        replacing: str | None = None,
    ) -> bool:
        """A cover made from a template joins the note with its editable layers (`recipe`)
        and how it was made (`composition`): in the place of `replacing` (a cover made
        earlier), else first, where the platform takes the note's cover from.

        The same template, photos and title make the same picture (its texts are layers), so
        the cover may be in the note already: unless it is the one replaced, it is kept as
        the creator edited it, and False says nothing was added."""
        media = self._fields.media
        if sha256 in media and sha256 != replacing:
            return False
        position = media.index(replacing) if replacing in media else 0
        kept = [sha for sha in media if sha not in (sha256, replacing)]
        kept.insert(min(position, len(kept)), sha256)
        fields = self._fields.with_media(tuple(kept)).with_recipe(sha256, recipe.to_dict())
        self._edit(fields.with_composition(sha256, composition))
        return True

    def set_composer(self, **values: Any) -> None:
        """Topics, @mentions, products (tuples of `Tag`), place, flags or the planned time
        changed in the composer; journaled and saved like the text."""
        self._edit(replace(self._fields, **values))

    def set_account(self, account_id: str) -> None:
        """Only a note not yet on the backend, and not being created, can change account."""
        if self.note_id is None and not self.creating and account_id != self.account_id:
            self.account_id = account_id
            self._journal_timer.start()
            if self.is_dirty():
                self._debounce.start()

    def _edit(self, fields: DraftFields) -> None:
        if fields == self._fields:
            return
        self._fields = fields
        self.fields_edited.emit()
        if not self._journal_timer.isActive():
            self._journal_timer.start()
        if self._state is not SaveState.CONFLICT:
            self._set_state(SaveState.PENDING)
            self._debounce.start()

    # -- commands --------------------------------------------------------------------------

    def flush(self) -> None:
        """Journal and save now instead of after the debounce (switching drafts, app closing)."""
        self._debounce.stop()
        self._journal_timer.stop()
        self._write_journal()
        self._save()

    @property
    def publish_pending(self) -> bool:
        """A publish was asked for and has not answered yet."""
        return self._publish_wanted or self._publishing

    def publish(self) -> None:
        """Save what is on screen, then publish exactly that version (once: a second request
        while one is pending is ignored)."""
        if self.publish_pending:
            return
        self._publish_wanted = True
        self._debounce.stop()
        if self._state is SaveState.CONFLICT:
            self._publish_wanted = False
            self.publish_failed.emit(ConflictError("note.version_conflict", {}, 409, None))
            return
        self._save()

    def prepare(self) -> None:
        """Save what is on screen and export every edited photo, then emit `prepared`: a
        collaboration round is frozen from the backend's copy, so the brand reviews exactly
        what would be published."""
        if self._state is SaveState.CONFLICT:
            self.prepare_failed.emit(ConflictError("note.version_conflict", {}, 409, None))
            return
        self._prepare_wanted = True
        self._debounce.stop()
        self._save()

    @property
    def schedule_pending(self) -> bool:
        return self._schedule_wanted

    def schedule(self) -> None:
        """Save what is on screen, then schedule (or move) exactly that version for the
        planned time; the server checks the window and every rule."""
        if self._fields.planned_at is None or self._schedule_wanted or self.publish_pending:
            return
        if self._state is SaveState.CONFLICT:
            self.schedule_failed.emit(ConflictError("note.version_conflict", {}, 409, None))
            return
        self._schedule_wanted = True
        self._debounce.stop()
        self._save()

    def unschedule(self) -> None:
        """Back to a draft; the planned time stays picked."""
        if self.note_id is None or self.status != "scheduled" or self._busy:
            return
        note_id, version = uuid.UUID(self.note_id), self.version or 0
        self._busy = True
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: client.unschedule_note(note_id, version=version),
        ).success(self._on_scheduled).failure(self._on_schedule_error).run()

    def conflict_differences(self) -> list[FieldDifference]:
        """During a conflict, the fields where the local copy and the server's differ."""
        if self._state is not SaveState.CONFLICT or self._server is None:
            return []
        return differences(self._base, self._fields, self._server)

    def keep_mine(self) -> None:
        """Resolve a conflict by saving the local copy over the server's."""
        self.resolve({})

    def take_theirs(self) -> None:
        """Resolve a conflict by replacing the local copy with the server's."""
        self.resolve({group: Side.THEIRS for group in FIELD_GROUPS})

    def resolve(self, choices: dict[str, Side]) -> None:
        """Resolve a conflict field by field (unlisted fields keep mine), then save the result
        over the server's copy unless it is the server's copy."""
        if self._state is not SaveState.CONFLICT or self._server is None:
            return
        resolved = merged(self._fields, self._server, choices)
        replaced = resolved != self._fields
        self._fields = resolved
        self._server = self._conflict_base = self._base = None
        if replaced:
            self.fields_replaced.emit()
        self._write_journal()
        if self.is_dirty():
            self._set_state(SaveState.PENDING)
            self._save()
        else:
            self._set_state(SaveState.SAVED)

    def adopt_server_copy(self, note: NotePublic) -> None:
        """A fresher server copy arrived (restore of a clean draft): show it if nothing waits."""
        if self.is_dirty() or self._busy or str(note.id) != self.note_id:
            return
        self._fields = self._saved = fields_of(note, self._fields)
        self._adopt_meta(note)
        self.fields_replaced.emit()
        self._write_journal()

    # -- images still uploading (from MediaIntake) ----------------------------------------

    @property
    def pending_uploads(self) -> tuple[str, ...]:
        return tuple(self._uploads)

    def begin_upload(self, path: str) -> None:
        if path not in self._uploads:
            self._uploads.append(path)
            self._journal_timer.start()

    def end_upload(self, path: str, sha256: str | None = None) -> None:
        """An upload of this draft ended; `sha256` is added when the editor no longer shows it
        (the creator moved on to another draft meanwhile)."""
        if path in self._uploads:
            self._uploads.remove(path)
            self._journal_timer.start()
        if sha256 is not None and sha256 not in self._fields.media:
            self.set_media((*self._fields.media, sha256))
            self.fields_replaced.emit()
        self._check_settled()

    # -- covers being made from templates (from CoverMaker) ------------------------------

    def begin_cover(self) -> None:
        """A cover is being made for this draft: until `end_cover` it does not settle, so the
        cover still lands in the note it was made for if the creator moved on meanwhile."""
        self._covers += 1

    def end_cover(self) -> None:
        self._covers -= 1
        self._check_settled()

    def retire(self) -> None:
        """This draft leaves the editor: save what is left, then report `settled`."""
        self._retiring = True
        self.flush()
        self._check_settled()

    def close(self) -> None:
        """The app leaves this draft's backend: journal what is here (unsaved text is sent
        when the app comes back to that backend) and never send anything again."""
        self._debounce.stop()
        self._journal_timer.stop()
        self._retry.stop()
        self._cancel_export.set()
        self._ctx.connection.state_changed.disconnect(self._on_connection_state_changed)
        self._write_journal()

    def unretire(self) -> None:
        """Back into the editor before it settled (the creator reopened this note)."""
        self._retiring = False

    # -- saving ----------------------------------------------------------------------------

    def _save(self) -> None:
        if self._busy or self._state is SaveState.CONFLICT:
            return
        connection_state = self._ctx.connection.state
        if connection_state is not BackendState.CONNECTED:
            if self.is_dirty() or self._publish_wanted or self._prepare_wanted:
                self._cancel_publish(OfflineError("backend.not_ready", {}))
                # While the backend is still starting the draft simply waits; "offline" is
                # for a backend that was there and went away.
                waiting = connection_state is BackendState.STARTING
                self._set_state(SaveState.PENDING if waiting else SaveState.OFFLINE)
            return
        if self.note_id is None:
            if self.account_id is None or not (self.is_dirty() or self._publish_wanted):
                self._after_clean()
                return
            self._start_create()
            return
        if not self.is_dirty():
            self._after_clean()
            return
        self._start_update()

    def _start_create(self) -> None:
        account_id, key = uuid.UUID(self.account_id or ""), self._create_key
        self._begin_save()
        self.note_changed.emit()  # the account is now being fixed: the picker must wait
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: client.create_note(account_id=account_id, idempotency_key=key),
        ).success(self._on_created).failure(self._on_save_failed).run()

    def _start_update(self) -> None:
        sent, saved = self._fields, self._saved
        changes: dict[str, Any] = {}
        if saved is None or sent.title != saved.title:
            changes["title"] = sent.title
        if saved is None or sent.body != saved.body:
            changes["body"] = sent.body
        if saved is None or (sent.media, sent.edits) != (saved.media, saved.edits):
            changes["media"] = sent.media_payload()
        changes.update(sent.composer_changes(saved))
        if not changes:
            # Only the planned time changed: it is local until the creator schedules.
            self._saved = sent
            self._write_journal()
            self._after_clean()
            return
        note_id, version = uuid.UUID(self.note_id or ""), self.version or 0
        self._begin_save()
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: _send_update(client, note_id, version, changes),
        ).success(lambda note: self._on_saved(sent, note)).failure(self._on_save_failed).run()

    def _begin_save(self) -> None:
        self._busy = True
        self._set_state(SaveState.SAVING)

    def _on_created(self, note: NotePublic) -> None:
        self._busy = False
        self._saved = fields_of(note)
        self._adopt_meta(note)
        self._write_journal()
        self._save()

    def _on_saved(self, sent: DraftFields, note: NotePublic) -> None:
        # `sent`, not the server's echo, becomes the saved copy: a server that normalises text
        # must not make us resend forever.
        self._busy = False
        self._attempt = 0
        self._saved = sent
        self._adopt_meta(note)
        self._write_journal()
        if self.is_dirty():
            if not self._debounce.isActive():
                self._save()
        else:
            self._after_clean()

    def _after_clean(self) -> None:
        if self._state is not SaveState.CONFLICT and not self._debounce.isActive():
            self._set_state(SaveState.SAVED)
        if self._publish_wanted and self.note_id is not None and not self.is_dirty():
            self._start_publish()
        elif self._schedule_wanted and self.note_id is not None and not self.is_dirty():
            self._start_schedule()
        elif self._prepare_wanted and self.note_id is not None and not self.is_dirty():
            self._finish_prepare()
        self._check_settled()

    def _on_save_failed(self, error: BaseException) -> None:
        self._busy = False
        self._cancel_publish(error)
        if isinstance(error, OfflineError | AuthError):
            # Unreachable, or signed out of a team server: kept, and sent once back.
            self._set_state(SaveState.OFFLINE)
            self._retry.start(_RETRY_MS[min(self._attempt, len(_RETRY_MS) - 1)])
            self._attempt += 1
        elif isinstance(error, ClientError) and error.code == "idempotency.in_progress":
            # The same create is still running on the backend: ask again a little later.
            self._set_state(SaveState.PENDING)
            self._retry.start(_RETRY_MS[min(self._attempt, len(_RETRY_MS) - 1)])
            self._attempt += 1
        elif isinstance(error, ConflictError) and error.current:
            self._on_conflict(NotePublic.model_validate(error.current))
        elif isinstance(error, NotFoundError) and self.note_id is not None:
            # Deleted elsewhere while open here: what is on screen becomes a new note.
            self.note_id, self.version, self._saved = None, None, DraftFields()
            self._create_key = str(uuid.uuid4())
            self.note_changed.emit()
            self._save()
        else:
            self._set_state(SaveState.FAILED)
            self.save_failed.emit(error)

    def _on_conflict(self, current: NotePublic) -> None:
        server = fields_of(current, self._fields)
        self.conflict_at = current.updated_at
        if self._conflict_base is None:
            self._conflict_base = self.version
            if self._saved is not None:
                self._base = self._saved
        self._saved = server
        self._adopt_meta(current)
        if server == self._fields:
            self._conflict_base = None
            self._write_journal()
            self._after_clean()
            return
        self._server = server
        self._write_journal()
        self._set_state(SaveState.CONFLICT)
        self.conflict.emit()

    def _on_connection_state_changed(self, state: BackendState) -> None:
        waiting = self._state is SaveState.PENDING and not self._debounce.isActive()
        if state is BackendState.CONNECTED and (self._state is SaveState.OFFLINE or waiting):
            self._retry.stop()
            self._save()

    # -- exports: the rendered image of every edited photo --------------------------------

    def export_edits(self) -> None:
        """Render and upload every photo whose current recipe has no export yet (an edit
        settled, or a publish waits); each export is saved with the note."""
        fields = self._fields
        todo = fields.unrendered()
        if self._exporting or not todo:
            return
        self._exporting = True
        if fields.type == "video":
            self._export_video(fields, todo[0])
            return
        exporter, client_of = PhotoExporter(self._ctx), self._ctx.connection.client
        total = len(todo)
        self.export_progress.emit(0, total)

        def job(progress: Callable[[float], None]) -> list[tuple[str, str | None, str]]:
            done = []
            for index, edit in enumerate(todo):
                exported = exporter.export(client_of(), edit.sha256, fields.recipe_of(edit.sha256))
                done.append((edit.sha256, edit.recipe, exported))
                progress(index + 1)
            return done

        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=job,
            on_success=self._on_exported,
            on_failure=self._on_export_failed,
            on_progress=lambda done: self.export_progress.emit(int(done), total),
        )

    def _export_video(self, fields: DraftFields, todo: MediaEdit) -> None:
        """Render the note's video in a child process and upload the MP4; the progress goes
        out in thousandths, and `cancel_export` stops it."""
        store, client_of = PhotoStore(self._ctx.data_dir), self._ctx.connection.client
        render = renderer_for(self._ctx)
        cancel = self._cancel_export = threading.Event()
        self.export_progress.emit(0, VIDEO_PROGRESS_STEPS)

        def job(progress: Callable[[float], None]) -> list[tuple[str, str | None, str]]:
            client = client_of()
            edit = fields.video_edit_of(todo.sha256)
            music = edit.music.source if edit.music is not None else None
            sources = open_sources(
                store, client, todo.sha256, edit.sources, known={}, music_key=music
            )
            out = store.folder / "exports" / f"{todo.sha256}-{uuid.uuid4().hex[:8]}.mp4"
            out.parent.mkdir(parents=True, exist_ok=True)
            try:
                render(
                    edit, {key: item.path for key, item in sources.items()}, out, progress, cancel
                )
                return [(todo.sha256, todo.recipe, client.upload_media(out).sha256)]
            finally:
                out.unlink(missing_ok=True)

        run_in_background(
            self._ctx.runner,
            Lane.EXPORT,
            owner=self,
            job=job,
            on_success=self._on_exported,
            on_failure=self._on_export_failed,
            on_progress=lambda fraction: self.export_progress.emit(
                round(fraction * VIDEO_PROGRESS_STEPS), VIDEO_PROGRESS_STEPS
            ),
        )

    def cancel_export(self) -> None:
        """Stop a video export (photo exports are quick and run to the end)."""
        self._cancel_export.set()

    def _on_exported(self, done: list[tuple[str, str | None, str]]) -> None:
        self._exporting = False
        self.export_progress.emit(0, 0)
        fields = self._fields
        for sha256, recipe, rendered in done:
            fields = fields.with_rendered(sha256, recipe, rendered)
        self._edit(fields)
        if self._publish_wanted or self._schedule_wanted or self._prepare_wanted or self._retiring:
            self._debounce.stop()
            self._save()
        self._check_settled()

    def _on_export_failed(self, error: BaseException) -> None:
        self._exporting = False
        self.export_progress.emit(0, 0)
        self._cancel_publish(error)
        if getattr(error, "code", None) != "video.cancelled":
            # A cancel (the creator's, or reopening the editor) is no failure to report.
            self.export_failed.emit(error)
        self._check_settled()

    # -- publishing ------------------------------------------------------------------------

    def _start_publish(self) -> None:
        if self._fields.unrendered() or self._exporting:
            # A stale or missing export is never published: render first, then publish.
            self.export_edits()
            return
        self._publish_wanted = False
        self._publishing = True
        note_id, version = uuid.UUID(self.note_id or ""), self.version
        self._busy = True
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: client.publish_note(note_id, version=version),
        ).success(self._on_published).failure(self._on_publish_error).run()

    def _on_published(self, note: NotePublic) -> None:
        self._busy = self._publishing = False
        self._adopt_meta(note)
        self._write_journal()
        self.published.emit(note)
        self._save()

    def _on_publish_error(self, error: BaseException) -> None:
        self._busy = self._publishing = False
        if isinstance(error, RefusedError) and error.violations:
            self.publish_refused.emit(list(error.violations))
        else:
            self.publish_failed.emit(error)
        if isinstance(error, OfflineError | AuthError):
            # Unreachable, or signed out of a team server: kept, and sent once back.
            self._set_state(SaveState.OFFLINE)
        self._save()

    def _cancel_publish(self, error: BaseException) -> None:
        if self._publish_wanted:
            self._publish_wanted = False
            self.publish_failed.emit(error)
        if self._schedule_wanted:
            self._schedule_wanted = False
            self.schedule_failed.emit(error)
        if self._prepare_wanted:
            self._prepare_wanted = False
            self.prepare_failed.emit(error)

    def _finish_prepare(self) -> None:
        if self._fields.unrendered() or self._exporting:
            self.export_edits()
            return
        self._prepare_wanted = False
        self.prepared.emit()

    # -- scheduling ------------------------------------------------------------------------

    def _start_schedule(self) -> None:
        if self._fields.unrendered() or self._exporting:
            # The backend publishes the exports at the time: make them first.
            self.export_edits()
            return
        self._schedule_wanted = False
        at = datetime.fromisoformat(self._fields.planned_at or "")
        note_id, version = uuid.UUID(self.note_id or ""), self.version or 0
        move = self.status == "scheduled"
        self._busy = True

        def op(client: StudioClient) -> tuple[NotePublic, ChangeSet]:
            if move:
                return client.reschedule_note(note_id, at=at, version=version)
            return client.schedule_note(note_id, at=at, version=version)

        Mutation(self._ctx, parent=self, op=op).success(self._on_scheduled).failure(
            self._on_schedule_error
        ).run()

    def _on_scheduled(self, note: NotePublic) -> None:
        self._busy = False
        self._adopt_meta(note)
        self._write_journal()
        self.scheduled.emit(note)
        self._save()

    def _on_schedule_error(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, RefusedError) and error.violations:
            self.schedule_refused.emit(list(error.violations))
        else:
            self.schedule_failed.emit(error)
        if isinstance(error, OfflineError | AuthError):
            # Unreachable, or signed out of a team server: kept, and sent once back.
            self._set_state(SaveState.OFFLINE)
        self._save()

    # -- bookkeeping -----------------------------------------------------------------------

    def _adopt_meta(self, note: NotePublic) -> None:
        self.note_id, self.version = str(note.id), note.version
        self.account_id = str(note.account_id)
        self.status, self.published_at = note.status, note.published_at
        self.scheduled_at = note.scheduled_at
        self.collaboration = note.collaboration
        self.collaboration_id = str(note.collaboration_id) if note.collaboration_id else None
        self.protected_until = note.protected_until
        self.note_changed.emit()

    def _set_state(self, state: SaveState) -> None:
        if state is not self._state:
            self._state = state
            self.save_state_changed.emit(state)

    def _entry(self) -> JournalEntry:
        # While a conflict waits for the creator's choice, the journal keeps the version the
        # edits started from: a restart then meets the same conflict, never overwrites it.
        conflict = self._conflict_base is not None
        return JournalEntry(
            key=self.key,
            account_id=self.account_id,
            note_id=self.note_id,
            version=self._conflict_base if conflict else self.version,
            fields=self._fields,
            dirty=self.is_dirty(),
            opened_at=self._opened_at,
            create_key=self._create_key,
            conflict=conflict,
            uploads=tuple(self._uploads),
            base=self._base if conflict or self._saved is None else self._saved,
        )

    def _write_journal(self) -> None:
        entry, journal = self._entry(), self._journal
        run_in_background(
            self._ctx.runner,
            Lane.DISK,
            owner=self,
            job=lambda _progress: journal.write(entry),
            on_success=lambda _none: None,
            on_failure=self._on_journal_failed,
        )

    def _on_journal_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self.save_failed.emit(ClientError("journal.write_failed", {"error": str(error)}))
        else:
            raise error

    def _check_settled(self) -> None:
        if (
            self._retiring
            and not self._busy
            and not self._exporting
            and not self.is_dirty()
            and not self._uploads
            and not self._covers
        ):
            self.settled.emit()
