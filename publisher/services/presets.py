"""Edit presets: a user's named recipes, private to them, edited compare-and-set."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from publisher.db.models import EditPreset, User
from publisher.schemas import PresetCreate, PresetPublic, PresetUpdate
from publisher.services.errors import Conflict, NotFound
from publisher.services.recipes import stored_recipe
from publisher.services.versioning import compare_and_set, unique_or_conflict, version_conflict


def list_presets(
    session: Session, user: User, *, offset: int, limit: int
) -> tuple[list[EditPreset], int]:
    """The caller's presets ordered by name, a page at a time."""
    where = EditPreset.user_id == user.id
    total = session.scalar(select(func.count()).select_from(EditPreset).where(where)) or 0
    rows = session.scalars(
        select(EditPreset)
        .where(where)
        .order_by(EditPreset.name, EditPreset.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), total


def get_preset(session: Session, user: User, preset_id: uuid.UUID) -> EditPreset:
    """One of the caller's presets; anyone else's is `preset.not_found` like a missing one."""
    preset = session.scalar(
        select(EditPreset).where(EditPreset.id == preset_id, EditPreset.user_id == user.id)
    )
    if preset is None:
        raise NotFound("preset.not_found")
    return preset


def _unique_name(session: Session, name: str) -> AbstractContextManager[None]:
    """The database's unique (user, name) index decides, so two racing saves cannot both win."""
    return unique_or_conflict(session, "preset.name_taken", {"name": name})


def create_preset(session: Session, user: User, data: PresetCreate) -> EditPreset:
    """Save a recipe under a new name.

    Raises:
        Invalid: the recipe is refused (`recipe.*`).
        Conflict: the caller has a preset of that name (`preset.name_taken`).
    """
    recipe = stored_recipe(data.recipe).to_dict()
    preset = EditPreset(user_id=user.id, name=data.name, recipe=recipe)
    with _unique_name(session, data.name):
        session.add(preset)
        session.commit()
    return preset


def _stale(preset: EditPreset) -> Conflict:
    return version_conflict("preset", preset, PresetPublic)


def _lost_race(session: Session, user: User, preset_id: uuid.UUID) -> Callable[[], Conflict]:
    """What a write that lost a compare-and-set race answers: 409 with the winner's preset."""
    return lambda: _stale(get_preset(session, user, preset_id))


def _preset_at_version(
    session: Session, user: User, preset_id: uuid.UUID, version: int
) -> EditPreset:
    preset = get_preset(session, user, preset_id)
    if preset.version != version:
        raise _stale(preset)
    return preset


def update_preset(
    session: Session, user: User, preset_id: uuid.UUID, data: PresetUpdate
) -> EditPreset:
    """Rename and/or change the recipe of a preset still at `data.version`.

    Raises:
        Conflict: stale version (`preset.version_conflict`, with `current`) or a name the
            caller already uses (`preset.name_taken`).
        Invalid: the recipe is refused (`recipe.*`).
    """
    preset = _preset_at_version(session, user, preset_id, data.version)
    recipe = None if data.recipe is None else stored_recipe(data.recipe).to_dict()
    with (
        _unique_name(session, data.name or preset.name),
        compare_and_set(session, _lost_race(session, user, preset_id)),
    ):
        if data.name is not None:
            preset.name = data.name
        if recipe is not None:
            preset.recipe = recipe
    session.refresh(preset)
    return preset


def delete_preset(session: Session, user: User, preset_id: uuid.UUID, *, version: int) -> None:
    preset = _preset_at_version(session, user, preset_id, version)
    with compare_and_set(session, _lost_race(session, user, preset_id)):
        session.delete(preset)
