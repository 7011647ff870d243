"""Edit presets: the caller's named recipes, with compare-and-set edits."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from publisher.schemas import Page, PresetCreate, PresetPublic, PresetUpdate
from publisher.server.deps import CurrentUser, SessionDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import presets

router = APIRouter(tags=["presets"])


@router.get("/presets", response_model=Page[PresetPublic])
def list_presets(user: CurrentUser, session: SessionDep, offset: Offset = 0, limit: Limit = 50):
    rows, total = presets.list_presets(session, user, offset=offset, limit=limit)
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.post("/presets", status_code=status.HTTP_201_CREATED, response_model=PresetPublic)
def create_preset(data: PresetCreate, user: CurrentUser, session: SessionDep):
    return presets.create_preset(session, user, data)


@router.get("/presets/{preset_id}", response_model=PresetPublic)
def get_preset(preset_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return presets.get_preset(session, user, preset_id)


@router.patch("/presets/{preset_id}", response_model=PresetPublic)
def update_preset(preset_id: uuid.UUID, data: PresetUpdate, user: CurrentUser, session: SessionDep):
    return presets.update_preset(session, user, preset_id, data)


@router.delete("/presets/{preset_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_preset(
    preset_id: uuid.UUID, version: Annotated[int, Query()], user: CurrentUser, session: SessionDep
) -> Response:
    presets.delete_preset(session, user, preset_id, version=version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
