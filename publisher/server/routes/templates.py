"""User templates: the caller's own cover templates, with compare-and-set edits."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from publisher.schemas import Page, UserTemplateCreate, UserTemplatePublic, UserTemplateUpdate
from publisher.server.deps import CurrentUser, SessionDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import user_templates

router = APIRouter(tags=["templates"])


@router.get("/templates", response_model=Page[UserTemplatePublic])
def list_templates(user: CurrentUser, session: SessionDep, offset: Offset = 0, limit: Limit = 50):
    rows, total = user_templates.list_templates(session, user, offset=offset, limit=limit)
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.post("/templates", status_code=status.HTTP_201_CREATED, response_model=UserTemplatePublic)
def create_template(data: UserTemplateCreate, user: CurrentUser, session: SessionDep):
    return user_templates.create_template(session, user, data)


@router.get("/templates/{template_id}", response_model=UserTemplatePublic)
def get_template(template_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return user_templates.get_template(session, user, template_id)


@router.patch("/templates/{template_id}", response_model=UserTemplatePublic)
def update_template(
    template_id: uuid.UUID, data: UserTemplateUpdate, user: CurrentUser, session: SessionDep
):
    return user_templates.update_template(session, user, template_id, data)


@router.delete("/templates/{template_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_template(
    template_id: uuid.UUID, version: Annotated[int, Query()], user: CurrentUser, session: SessionDep
) -> Response:
    user_templates.delete_template(session, user, template_id, version=version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
