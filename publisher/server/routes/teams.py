"""Invitations by code or link, accounts granted to an MCN, member roles and the
organization's audit log."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from publisher.brief_schemas import AuditPublic
from publisher.schemas import ErrorPublic, MemberPublic
from publisher.server.deps import CurrentUser, SessionDep
from publisher.services import grants, invitations, organizations
from publisher.team_schemas import (
    GrantPublic,
    InvitationAccept,
    InvitationAccepted,
    InvitationCreate,
    InvitationCreated,
    InvitationPreview,
    InvitationPublic,
    MemberRoleSet,
)

router = APIRouter(tags=["teams"], responses={403: {"model": ErrorPublic}})


@router.post(
    "/organizations/{organization_id}/invitations",
    status_code=status.HTTP_201_CREATED,
    response_model=InvitationCreated,
)
def create_invitation(
    organization_id: uuid.UUID,
    data: InvitationCreate,
    user: CurrentUser,
    session: SessionDep,
    request: Request,
):
    """A code and link to join (`member`, with a role) or to put accounts under the
    organization (`manage`); owners and admins only. The code is in this answer only."""
    return invitations.create_invitation(
        session, user, organization_id, data, server_url=str(request.base_url)
    )


@router.get("/organizations/{organization_id}/invitations", response_model=list[InvitationPublic])
def list_invitations(organization_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return invitations.list_invitations(session, user, organization_id)


@router.delete("/invitations/{invitation_id}", status_code=status.HTTP_204_NO_CONTENT)
def revoke_invitation(invitation_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> None:
    invitations.revoke_invitation(session, user, invitation_id)


@router.post("/invitations/preview", response_model=InvitationPreview)
def preview_invitation(data: InvitationAccept, user: CurrentUser, session: SessionDep):
    """What a code (or link) leads to; sent in the body, so it stays out of URLs and logs."""
    return invitations.preview_invitation(session, user, data.code)


@router.post("/invitations/accept", response_model=InvitationAccepted)
def accept_invitation(data: InvitationAccept, user: CurrentUser, session: SessionDep):
    return invitations.accept_invitation(session, user, data)


@router.get("/grants", response_model=list[GrantPublic])
def list_grants(user: CurrentUser, session: SessionDep):
    """Accounts of the caller's organizations under another's management, and accounts
    managed by the caller's organizations."""
    return grants.list_grants(session, user)


@router.delete("/grants/{grant_id}", status_code=status.HTTP_204_NO_CONTENT)
def revoke_grant(grant_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> None:
    grants.revoke_grant(session, user, grant_id)


@router.put("/organizations/{organization_id}/members/{user_id}", response_model=MemberPublic)
def set_member_role(
    organization_id: uuid.UUID,
    user_id: uuid.UUID,
    data: MemberRoleSet,
    user: CurrentUser,
    session: SessionDep,
):
    return organizations.set_member_role(session, user, organization_id, user_id, data.role)


@router.delete(
    "/organizations/{organization_id}/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
)
def remove_member(
    organization_id: uuid.UUID, user_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> None:
    """Remove a member (owners and admins), or leave (the caller's own id)."""
    organizations.remove_member(session, user, organization_id, user_id)


@router.get("/organizations/{organization_id}/audit", response_model=list[AuditPublic])
def organization_audit(organization_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return [
        AuditPublic(at=entry.at, actor=name, action=entry.action, params=entry.params)
        for entry, name in organizations.organization_audit(session, user, organization_id)
    ]
