"""Typed calls of the brand side of the API: organizations and members, briefs,
collaborations, rounds, checks and comments. Mixed into `StudioClient`."""

from __future__ import annotations

import uuid
from typing import Any

from publisher.brief_schemas import (
    AuditPublic,
    BriefCheckPublic,
    BriefDefaults,
    BriefPublic,
    CollaborationPublic,
    CommentPublic,
    SubmissionPublic,
)
from publisher.client.http import Transport
from publisher.domain.changes import ChangeSet
from publisher.schemas import MemberPublic, OrganizationPublic, Page

COLLABORATIONS_CHANGED = ChangeSet(collaborations=True)
BRIEFS_CHANGED = ChangeSet(briefs=True)


def _jsonable(fields: dict[str, Any]) -> dict[str, Any]:
    """UUIDs and datetimes as JSON text, lists of them too."""

    def one(value: Any) -> Any:
        if isinstance(value, uuid.UUID):
            return str(value)
        if hasattr(value, "isoformat"):
            return value.isoformat()
        if isinstance(value, list):
            return [one(item) for item in value]
        return value

    return {name: one(value) for name, value in fields.items()}


class BrandCalls:
    transport: Transport

    # -- organizations ---------------------------------------------------------------------

    def create_organization(self, *, name: str, kind: str) -> OrganizationPublic:
        """A brand or MCN organization; the caller becomes its owner."""
        body = {"name": name, "kind": kind}
        return OrganizationPublic.model_validate(
            self.transport.request("POST", "/organizations", json=body).json()
        )

    def list_members(self, organization_id: uuid.UUID) -> list[MemberPublic]:
        data = self.transport.request("GET", f"/organizations/{organization_id}/members").json()
        return [MemberPublic.model_validate(item) for item in data]

    def set_member(self, organization_id: uuid.UUID, *, email: str, role: str) -> MemberPublic:
        """Add a registered user by email with `role`, or change a member's role."""
        body = {"email": email, "role": role}
        response = self.transport.request(
            "PUT", f"/organizations/{organization_id}/members", json=body
        )
        return MemberPublic.model_validate(response.json())

    # -- briefs ----------------------------------------------------------------------------

    def brief_defaults(self) -> BriefDefaults:
        return BriefDefaults.model_validate(
            self.transport.request("GET", "/briefs/defaults").json()
        )

    def list_briefs(
        self,
        *,
        status: str | None = None,
        organization_id: uuid.UUID | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[BriefPublic]:
        """The briefs of the caller's brands, newest first."""
        params: dict[str, Any] = {"offset": offset, "limit": limit}
        if status:
            params["status"] = status
        if organization_id:
            params["organization_id"] = str(organization_id)
        data = self.transport.request("GET", "/briefs", params=params).json()
        return Page[BriefPublic].model_validate(data)

    def marketplace(
        self, account_id: uuid.UUID, *, offset: int = 0, limit: int = 50
    ) -> Page[BriefPublic]:
        """Open recruitment briefs the account matches and has not answered."""
        params = {"account_id": str(account_id), "offset": offset, "limit": limit}
        data = self.transport.request("GET", "/briefs/marketplace", params=params).json()
        return Page[BriefPublic].model_validate(data)

    def get_brief(self, brief_id: uuid.UUID) -> BriefPublic:
        return BriefPublic.model_validate(
            self.transport.request("GET", f"/briefs/{brief_id}").json()
        )

    def create_brief(
        self, *, organization_id: uuid.UUID, title: str, **fields: Any
    ) -> tuple[BriefPublic, ChangeSet]:
        """Fields as `BriefCreate` names them; `forbidden_words` left out preloads the rules
        pack's advertising-law terms."""
        body = _jsonable({"organization_id": organization_id, "title": title, **fields})
        response = self.transport.request("POST", "/briefs", json=body)
        return BriefPublic.model_validate(response.json()), BRIEFS_CHANGED

    def update_brief(
        self, brief_id: uuid.UUID, *, version: int, **fields: Any
    ) -> tuple[BriefPublic, ChangeSet]:
        body = _jsonable({"version": version, **fields})
        response = self.transport.request("PATCH", f"/briefs/{brief_id}", json=body)
        return BriefPublic.model_validate(response.json()), BRIEFS_CHANGED

    def delete_brief(self, brief_id: uuid.UUID, *, version: int) -> ChangeSet:
        self.transport.request("DELETE", f"/briefs/{brief_id}", params={"version": version})
        return BRIEFS_CHANGED

    # -- collaborations --------------------------------------------------------------------

    def list_collaborations(
        self,
        *,
        side: str | None = None,
        brief_id: uuid.UUID | None = None,
        states: list[str] | None = None,
        account_id: uuid.UUID | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[CollaborationPublic]:
        """`side="brand"`: the review queue of the caller's briefs; `"creator"`: their
        accounts' collaborations; most recently changed first."""
        params: dict[str, Any] = {"offset": offset, "limit": limit}
        if side:
            params["side"] = side
        if brief_id:
            params["brief_id"] = str(brief_id)
        if states:
            params["state"] = states
        if account_id:
            params["account_id"] = str(account_id)
        data = self.transport.request("GET", "/collaborations", params=params).json()
        return Page[CollaborationPublic].model_validate(data)

    def _collaboration_call(
        self, method: str, path: str, body: dict[str, Any]
    ) -> tuple[CollaborationPublic, ChangeSet]:
        """A call that changes a collaboration and answers it."""
        response = self.transport.request(method, path, json=_jsonable(body))
        return CollaborationPublic.model_validate(response.json()), COLLABORATIONS_CHANGED

    def get_collaboration(self, collaboration_id: uuid.UUID) -> CollaborationPublic:
        data = self.transport.request("GET", f"/collaborations/{collaboration_id}").json()
        return CollaborationPublic.model_validate(data)

    def invite(
        self,
        *,
        brief_id: uuid.UUID,
        account_id: uuid.UUID,
        message: str = "",
        quote_fen: int | None = None,
    ) -> tuple[CollaborationPublic, ChangeSet]:
        body = {
            "brief_id": brief_id,
            "account_id": account_id,
            "message": message,
            "quote_fen": quote_fen,
        }
        return self._collaboration_call("POST", "/collaborations/invitations", body)

    def apply(
        self, *, brief_id: uuid.UUID, account_id: uuid.UUID, quote_fen: int, message: str = ""
    ) -> tuple[CollaborationPublic, ChangeSet]:
        body = {
            "brief_id": brief_id,
            "account_id": account_id,
            "quote_fen": quote_fen,
            "message": message,
        }
        return self._collaboration_call("POST", "/collaborations/applications", body)

    def act(
        self, collaboration_id: uuid.UUID, action: str, *, version: int, message: str = ""
    ) -> tuple[CollaborationPublic, ChangeSet]:
        """accept, decline, withdraw, approve, request_changes, reject, complete, cancel."""
        body = {"action": action, "version": version, "message": message}
        return self._collaboration_call("POST", f"/collaborations/{collaboration_id}/actions", body)

    def attach_note(
        self, collaboration_id: uuid.UUID, *, version: int, note_id: uuid.UUID | None = None
    ) -> tuple[CollaborationPublic, ChangeSet]:
        """Give the collaboration an existing draft, or (None) a new draft from the brief."""
        body = _jsonable({"version": version, "note_id": note_id})
        response = self.transport.request(
            "PUT", f"/collaborations/{collaboration_id}/note", json=body
        )
        return (
            CollaborationPublic.model_validate(response.json()),
            ChangeSet(collaborations=True, notes=True),
        )

    def submit(
        self, collaboration_id: uuid.UUID, *, version: int
    ) -> tuple[CollaborationPublic, ChangeSet]:
        """Freeze the note as the next round for the brand's review."""
        return self._collaboration_call(
            "POST", f"/collaborations/{collaboration_id}/submit", {"version": version}
        )

    def submissions(self, collaboration_id: uuid.UUID) -> list[SubmissionPublic]:
        data = self.transport.request(
            "GET", f"/collaborations/{collaboration_id}/submissions"
        ).json()
        return [SubmissionPublic.model_validate(item) for item in data]

    def brief_checks(
        self, collaboration_id: uuid.UUID, *, round_: int | None = None
    ) -> list[BriefCheckPublic]:
        """The brief's checklist on a round, or on the note as it is now."""
        params = {"round": round_} if round_ else None
        data = self.transport.request(
            "GET", f"/collaborations/{collaboration_id}/checks", params=params
        ).json()
        return [BriefCheckPublic.model_validate(item) for item in data]

    def comments(self, collaboration_id: uuid.UUID) -> list[CommentPublic]:
        data = self.transport.request("GET", f"/collaborations/{collaboration_id}/comments").json()
        return [CommentPublic.model_validate(item) for item in data]

    def add_comment(
        self,
        collaboration_id: uuid.UUID,
        text: str,
        *,
        target: str = "note",
        field: str | None = None,
        position: int | None = None,
        region: dict[str, float] | None = None,
    ) -> tuple[CommentPublic, ChangeSet]:
        """On the note, a `field`, the image at `position`, or a `region` (x, y, width,
        height as fractions) of it."""
        body = {
            "text": text,
            "target": target,
            "field": field,
            "position": position,
            "region": region,
        }
        response = self.transport.request(
            "POST", f"/collaborations/{collaboration_id}/comments", json=body
        )
        return CommentPublic.model_validate(response.json()), COLLABORATIONS_CHANGED

    def resolve_comment(
        self,
        collaboration_id: uuid.UUID,
        comment_id: uuid.UUID,
        *,
        version: int,
        resolved: bool = True,
    ) -> tuple[CommentPublic, ChangeSet]:
        response = self.transport.request(
            "POST",
            f"/collaborations/{collaboration_id}/comments/{comment_id}/resolve",
            json={"version": version, "resolved": resolved},
        )
        return CommentPublic.model_validate(response.json()), COLLABORATIONS_CHANGED

    def audit_log(self, collaboration_id: uuid.UUID) -> list[AuditPublic]:
        data = self.transport.request("GET", f"/collaborations/{collaboration_id}/audit").json()
        return [AuditPublic.model_validate(item) for item in data]
