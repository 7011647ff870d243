"""User templates: a user's own cover templates, private to them, edited compare-and-set.

The row's name is the template's: it is written into the stored document, and the document's
category is copied onto the row for the gallery, so the two never disagree.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.templates import Template
from publisher.db.models import User, UserTemplate
from publisher.schemas import UserTemplateCreate, UserTemplatePublic, UserTemplateUpdate
from publisher.services.errors import Conflict, NotFound
from publisher.services.template_docs import stored_template
from publisher.services.versioning import compare_and_set, unique_or_conflict, version_conflict


def list_templates(
    session: Session, user: User, *, offset: int, limit: int
) -> tuple[list[UserTemplate], int]:
    """The caller's templates ordered by name, a page at a time."""
    where = UserTemplate.user_id == user.id
    total = session.scalar(select(func.count()).select_from(UserTemplate).where(where)) or 0
    rows = session.scalars(
        select(UserTemplate)
        .where(where)
        .order_by(UserTemplate.name, UserTemplate.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), total


def get_template(session: Session, user: User, template_id: uuid.UUID) -> UserTemplate:
    """One of the caller's templates; anyone else's is `template.not_found` like a missing one."""
    row = session.scalar(
        select(UserTemplate).where(UserTemplate.id == template_id, UserTemplate.user_id == user.id)
    )
    if row is None:
        raise NotFound("template.not_found")
    return row


def _named(template: Template, name: str) -> dict[str, Any]:
    return replace(template, name=name).to_dict()


def _unique_name(session: Session, name: str) -> AbstractContextManager[None]:
    """The database's unique (user, name) index decides, so two racing saves cannot both win."""
    return unique_or_conflict(session, "template.name_taken", {"name": name})


def create_template(session: Session, user: User, data: UserTemplateCreate) -> UserTemplate:
    """Save a template document under a new name.

    Raises:
        Invalid: the document is refused (`template.invalid`, `template.too_new`,
            `template.too_large`).
        Conflict: the caller has a template of that name (`template.name_taken`).
    """
    template = stored_template(data.document)
    row = UserTemplate(
        user_id=user.id,
        name=data.name,
        category=template.category,
        document=_named(template, data.name),
    )
    with _unique_name(session, data.name):
        session.add(row)
        session.commit()
    return row


def _stale(row: UserTemplate) -> Conflict:
    return version_conflict("template", row, UserTemplatePublic)


def _lost_race(session: Session, user: User, template_id: uuid.UUID) -> Callable[[], Conflict]:
    """What a write that lost a compare-and-set race answers: 409 with the winner's template."""
    return lambda: _stale(get_template(session, user, template_id))


def _template_at_version(
    session: Session, user: User, template_id: uuid.UUID, version: int
) -> UserTemplate:
    row = get_template(session, user, template_id)
    if row.version != version:
        raise _stale(row)
    return row


def update_template(
    session: Session, user: User, template_id: uuid.UUID, data: UserTemplateUpdate
) -> UserTemplate:
    """Rename and/or replace the document of a template still at `data.version`.

    Raises:
        Conflict: stale version (`template.version_conflict`, with `current`) or a name the
            caller already uses (`template.name_taken`).
        Invalid: the document is refused (`template.*`).
    """
    row = _template_at_version(session, user, template_id, data.version)
    document = row.document if data.document is None else data.document
    template = stored_template(document)
    name = data.name or row.name
    with (
        _unique_name(session, name),
        compare_and_set(session, _lost_race(session, user, template_id)),
    ):
        row.name = name
        row.category = template.category
        row.document = _named(template, name)
    session.refresh(row)
    return row


def delete_template(session: Session, user: User, template_id: uuid.UUID, *, version: int) -> None:
    row = _template_at_version(session, user, template_id, version)
    with compare_and_set(session, _lost_race(session, user, template_id)):
        session.delete(row)
