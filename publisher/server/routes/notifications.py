"""The caller's notifications (note published, note held), read by cursor."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from publisher.schemas import NotificationPage, NotificationsRead
from publisher.server.deps import CurrentUser, SessionDep
from publisher.server.routes.paging import Limit
from publisher.services import notifications

router = APIRouter(tags=["notifications"])


@router.get("/notifications", response_model=NotificationPage)
def list_notifications(
    user: CurrentUser,
    session: SessionDep,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Limit = 100,
):
    return notifications.list_notifications(session, user, after=after, limit=limit)


@router.post("/notifications/read", response_model=dict[str, int])
def mark_read(data: NotificationsRead, user: CurrentUser, session: SessionDep):
    return {"marked": notifications.mark_read(session, user, up_to=data.up_to)}
