"""Pydantic shapes of the team side of the API: invitations, account grants, members, sign-ins
and sessions. Same conventions as `publisher.schemas` (`XCreate`, `XPublic`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from publisher.schemas import Role, Text, _Public

InvitationKind = Literal["member", "manage"]
"""`member`: join the organization with a role; `manage`: put one's accounts under it."""

INVITATION_MAX_DAYS = 30
INVITATION_MAX_USES = 500


class InvitationCreate(BaseModel):
    kind: InvitationKind = "member"
    role: Role = "editor"
    """The role a `member` invitation gives; ignored for `manage`."""
    note: Text = Field(default="", max_length=200)
    days: int = Field(default=7, ge=1, le=INVITATION_MAX_DAYS)
    max_uses: int = Field(default=1, ge=1, le=INVITATION_MAX_USES)


class InvitationPublic(_Public):
    id: uuid.UUID
    organization_id: uuid.UUID
    kind: InvitationKind
    role: str
    note: str
    created_by_name: str
    created_at: datetime
    expires_at: datetime
    max_uses: int
    uses: int


class InvitationCreated(InvitationPublic):
    """The only answer that carries the code: the server keeps just its hash."""

    code: str
    link: str
    """`<server>/join/<code>`: a page saying how to join, and what the app accepts pasted."""


class InvitationPreview(BaseModel):
    """What a code leads to, shown before the holder accepts."""

    organization_id: uuid.UUID
    organization_name: str
    organization_kind: str
    kind: InvitationKind
    role: str
    inviter_name: str
    expires_at: datetime
    already_member: bool


class InvitationAccept(BaseModel):
    code: Text = Field(max_length=200)
    """The code, or the link it came in."""
    account_ids: list[uuid.UUID] = Field(default_factory=list, max_length=200)
    """For a `manage` invitation: the caller's accounts to put under the organization."""


class GrantPublic(_Public):
    id: uuid.UUID
    account_id: uuid.UUID
    account_nickname: str
    account_organization_id: uuid.UUID
    organization_id: uuid.UUID
    organization_name: str
    granted_by_name: str
    created_at: datetime
    may_revoke: bool
    """Whether the caller may end it: the account's owners and admins, or the managing
    organization's."""


class InvitationAccepted(BaseModel):
    organization_id: uuid.UUID
    organization_name: str
    kind: InvitationKind
    role: str | None = None
    grants: list[GrantPublic] = Field(default_factory=list)


class MemberRoleSet(BaseModel):
    role: Role


class SessionPublic(_Public):
    id: uuid.UUID
    client: str
    ip: str
    created_at: datetime
    expires_at: datetime
    current: bool


class SignInPublic(_Public):
    at: datetime
    ip: str
    client: str
    succeeded: bool


class PasswordChange(BaseModel):
    current_password: str = Field(max_length=4096)
    new_password: str = Field(max_length=4096)
    """Judged by the password policy (`auth.weak_password` with its reason)."""
