"""Applying one of the user's edit presets to every photo of many notes, from a worker.

Done here, through the note's ordinary update, rather than by the backend: a note publishes
the exports of its photos, which the app renders (with the user's looks and stickers) and the
backend only stores. A server that changed the recipes alone would leave each photo's export
stale — the note would go out without the look, or need every note opened to render again.
So each photo gets the preset's look as the photo editor applies it (`apply_preset`: the
look replaced, crop, text and stickers kept), is rendered and uploaded like the composer's
exports, and the note is saved with its new recipes and exports at the version just read —
a note changed meanwhile is refused, never overwritten. Videos and covers designed from a
template are left as they are: a preset is a photo's look.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from editor.recipe import Recipe
from publisher.client import AuthError, ClientError, OfflineError, StudioClient
from publisher.schemas import NoteMediaIn, NoteMediaPublic, NotePublic
from studio.editor.photo_exports import PhotoExporter
from studio.models.presets import apply_preset

EDITABLE = frozenset({"draft", "scheduled", "held"})
"""A published note's photos are already out: changing them here would change nothing there."""


@dataclass(frozen=True)
class PresetOutcome:
    note: NotePublic
    photos: int = 0
    """Photos that took the preset."""
    code: str | None = None
    """Why the note was left alone or refused; None when it took the preset."""
    params: dict[str, Any] = field(default_factory=dict)
    violations: list[dict[str, Any]] | None = None


def takes_preset(item: NoteMediaPublic) -> bool:
    """A photo of its own: not a video, not a cover composed from a template."""
    return item.mime.startswith("image/") and item.composition is None


def why_not(note: NotePublic) -> tuple[str, dict[str, Any]] | None:
    """Why the note would be left alone, as a message code and params; None if it takes it."""
    if note.status not in EDITABLE:
        return "bulk.preset_not_editable", {"status": note.status}
    if not any(takes_preset(item) for item in note.media):
        return "bulk.no_photos", {}
    return None


def _kept(item: NoteMediaPublic) -> NoteMediaIn:
    return NoteMediaIn(
        sha256=item.sha256,
        recipe=item.recipe,
        rendered_sha256=item.rendered_sha256,
        composition=item.composition,
    )


def apply_to_note(
    client: StudioClient, note_id: uuid.UUID, preset: Recipe, exporter: PhotoExporter
) -> PresetOutcome:
    """Give every photo of the note (as it is now) the preset's look, rendered and saved."""
    note = client.get_note(note_id)
    if (reason := why_not(note)) is not None:
        return PresetOutcome(note, code=reason[0], params=reason[1])
    media, changed = [], 0
    for item in note.media:
        if not takes_preset(item):
            media.append(_kept(item))
            continue
        current = Recipe.from_dict(item.recipe) if item.recipe else Recipe()
        recipe = apply_preset(current, preset)
        if recipe == current and item.rendered_sha256 is not None:
            media.append(_kept(item))
            continue
        rendered = exporter.export(client, item.sha256, recipe)
        document = None if recipe.is_identity else recipe.to_dict()
        media.append(NoteMediaIn(sha256=item.sha256, recipe=document, rendered_sha256=rendered))
        changed += 1
    if changed:
        note, _changes = client.update_note(note.id, version=note.version, media=media)
    return PresetOutcome(note, photos=changed)


def apply_to_notes(
    client: StudioClient,
    notes: list[NotePublic],
    preset: Recipe,
    exporter: PhotoExporter,
    progress: Callable[[float], None],
) -> list[PresetOutcome]:
    """Each note in turn; a refusal stays with its note (as selected) and the others go on."""
    outcomes = []
    for done, note in enumerate(notes, start=1):
        try:
            outcomes.append(apply_to_note(client, note.id, preset, exporter))
        except (OfflineError, AuthError):
            raise
        except ClientError as error:
            violations = getattr(error, "violations", None)
            outcomes.append(
                PresetOutcome(note, code=error.code, params=error.params, violations=violations)
            )
        progress(done / len(notes))
    return outcomes
