"""Typed calls of the team side of the API: invitations, account grants, members' roles, the
organization's audit log, and the signed-in user's sessions, sign-ins and password. Mixed
into `StudioClient`."""

from __future__ import annotations

import uuid

from publisher.brief_schemas import AuditPublic
from publisher.client.http import Transport
from publisher.domain.changes import ChangeSet
from publisher.schemas import MemberPublic
from publisher.team_schemas import (
    GrantPublic,
    InvitationAccepted,
    InvitationCreated,
    InvitationPreview,
    InvitationPublic,
    SessionPublic,
    SignInPublic,
)

TEAMS_CHANGED = ChangeSet(teams=True)
ACCESS_CHANGED = ChangeSet(teams=True, accounts=True, notes=True, schedule=True)
"""Who sees which accounts changed: every list of accounts and notes may differ."""


class TeamCalls:
    transport: Transport

    # -- invitations ---------------------------------------------------------------------

    def create_invitation(
        self,
        organization_id: uuid.UUID,
        *,
        kind: str = "member",
        role: str = "editor",
        note: str = "",
        days: int = 7,
        max_uses: int = 1,
    ) -> tuple[InvitationCreated, ChangeSet]:
        """A code and link; the only time the code is ever shown."""
        body = {"kind": kind, "role": role, "note": note, "days": days, "max_uses": max_uses}
        response = self.transport.request(
            "POST", f"/organizations/{organization_id}/invitations", json=body
        )
        return InvitationCreated.model_validate(response.json()), TEAMS_CHANGED

    def list_invitations(self, organization_id: uuid.UUID) -> list[InvitationPublic]:
        data = self.transport.request("GET", f"/organizations/{organization_id}/invitations").json()
        return [InvitationPublic.model_validate(item) for item in data]

    def revoke_invitation(self, invitation_id: uuid.UUID) -> ChangeSet:
        self.transport.request("DELETE", f"/invitations/{invitation_id}")
        return TEAMS_CHANGED

    def preview_invitation(self, code: str) -> InvitationPreview:
        """What a code or link leads to, before accepting it."""
        response = self.transport.request("POST", "/invitations/preview", json={"code": code})
        return InvitationPreview.model_validate(response.json())

    def accept_invitation(
        self, code: str, *, account_ids: list[uuid.UUID] | None = None
    ) -> tuple[InvitationAccepted, ChangeSet]:
        body = {"code": code, "account_ids": [str(a) for a in account_ids or []]}
        response = self.transport.request("POST", "/invitations/accept", json=body)
        return InvitationAccepted.model_validate(response.json()), ACCESS_CHANGED

    # -- grants --------------------------------------------------------------------------

    def list_grants(self) -> list[GrantPublic]:
        return [
            GrantPublic.model_validate(item)
            for item in self.transport.request("GET", "/grants").json()
        ]

    def revoke_grant(self, grant_id: uuid.UUID) -> ChangeSet:
        self.transport.request("DELETE", f"/grants/{grant_id}")
        return ACCESS_CHANGED

    # -- members -------------------------------------------------------------------------

    def set_member_role(
        self, organization_id: uuid.UUID, user_id: uuid.UUID, role: str
    ) -> tuple[MemberPublic, ChangeSet]:
        response = self.transport.request(
            "PUT", f"/organizations/{organization_id}/members/{user_id}", json={"role": role}
        )
        return MemberPublic.model_validate(response.json()), ACCESS_CHANGED

    def remove_member(self, organization_id: uuid.UUID, user_id: uuid.UUID) -> ChangeSet:
        """Remove a member, or leave when `user_id` is the caller's."""
        self.transport.request("DELETE", f"/organizations/{organization_id}/members/{user_id}")
        return ACCESS_CHANGED

    def organization_audit(self, organization_id: uuid.UUID) -> list[AuditPublic]:
        data = self.transport.request("GET", f"/organizations/{organization_id}/audit").json()
        return [AuditPublic.model_validate(item) for item in data]

    # -- the signed-in user's security -----------------------------------------------------

    def list_sessions(self) -> list[SessionPublic]:
        data = self.transport.request("GET", "/auth/sessions").json()
        return [SessionPublic.model_validate(item) for item in data]

    def end_session(self, session_id: uuid.UUID) -> None:
        self.transport.request("DELETE", f"/auth/sessions/{session_id}")

    def end_other_sessions(self) -> None:
        self.transport.request("POST", "/auth/sessions/end-others")

    def sign_in_history(self) -> list[SignInPublic]:
        data = self.transport.request("GET", "/users/me/sign-ins").json()
        return [SignInPublic.model_validate(item) for item in data]

    def change_password(self, current: str, new: str) -> None:
        """Every other session ends; this one stays signed in."""
        body = {"current_password": current, "new_password": new}
        self.transport.request("POST", "/users/me/password", json=body)
