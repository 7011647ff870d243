"""What the team screens show and decide, without Qt: the user's organizations and the one
picked, who may change whose role, which accounts a manage invitation may take, and the checks
a form makes before anything is sent.

Loading functions run in workers with the thread's client; everything else is pure, so the
rules are tested without an app and the widgets only show what these functions say.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from publisher.domain.invitation_codes import read_code
from publisher.domain.roles import MANAGER_ROLES, ROLES, may_assign, rank

if TYPE_CHECKING:
    from publisher.brief_schemas import AuditPublic
    from publisher.client import StudioClient
    from publisher.schemas import AccountPublic, MemberPublic, OrganizationPublic
    from publisher.team_schemas import (
        GrantPublic,
        InvitationPreview,
        InvitationPublic,
        SessionPublic,
        SignInPublic,
    )

ROLES_STRONGEST_FIRST = tuple(reversed(ROLES))
DEFAULT_INVITED_ROLE = "editor"


def is_manager(role: str) -> bool:
    """Owners and admins: they invite, change roles, and see the organization's activity."""
    return role in MANAGER_ROLES


# -- the user's organizations ------------------------------------------------------------------


@dataclass(frozen=True)
class TeamOverview:
    """Who the user is, the organizations they belong to, and the grants they are party to."""

    user_id: uuid.UUID
    organizations: tuple[OrganizationPublic, ...]
    grants: tuple[GrantPublic, ...]

    def organization(self, organization_id: uuid.UUID | None) -> OrganizationPublic | None:
        return next((org for org in self.organizations if org.id == organization_id), None)

    def managed_by(self, organization_id: uuid.UUID) -> list[GrantPublic]:
        """Accounts other organizations put under this one's management."""
        return [grant for grant in self.grants if grant.organization_id == organization_id]

    def my_managed_accounts(self) -> list[GrantPublic]:
        """The user's own accounts (of their organizations) under another's management."""
        mine = {org.id for org in self.organizations}
        return [grant for grant in self.grants if grant.account_organization_id in mine]

    def role_in(self, organization_id: uuid.UUID) -> str | None:
        org = self.organization(organization_id)
        return org.role if org else None


def load_overview(client: StudioClient) -> TeamOverview:
    return TeamOverview(
        user_id=client.me().id,
        organizations=tuple(client.list_organizations()),
        grants=tuple(client.list_grants()),
    )


def picked_organization(
    overview: TeamOverview, wanted: uuid.UUID | None
) -> OrganizationPublic | None:
    """The organization to show: the one asked for while the user still belongs to it, else
    the first team (MCN or brand) they are in, else their personal workspace."""
    chosen = overview.organization(wanted)
    if chosen is not None:
        return chosen
    teams = [org for org in overview.organizations if org.kind != "personal"]
    return (teams or list(overview.organizations) or [None])[0]


@dataclass(frozen=True)
class OrganizationDetail:
    """One organization as its member sees it: managers also get invitations and activity."""

    organization: OrganizationPublic
    members: tuple[MemberPublic, ...]
    invitations: tuple[InvitationPublic, ...]
    activity: tuple[AuditPublic, ...]
    """Newest first."""


def load_detail(client: StudioClient, organization: OrganizationPublic) -> OrganizationDetail:
    members = tuple(client.list_members(organization.id))
    invitations: tuple[InvitationPublic, ...] = ()
    activity: tuple[AuditPublic, ...] = ()
    if is_manager(organization.role):
        invitations = tuple(client.list_invitations(organization.id))
        activity = tuple(reversed(client.organization_audit(organization.id)))
    return OrganizationDetail(organization, members, invitations, activity)


# -- members -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberChoices:
    """What the user may do on one member's row."""

    roles: tuple[str, ...]
    """The roles offered, strongest first; empty: the role is only shown."""
    may_remove: bool
    may_leave: bool


def member_choices(
    organization: OrganizationPublic, member: MemberPublic, user_id: uuid.UUID
) -> MemberChoices:
    """Owners change anyone; admins everyone below owner; a member may always leave (the
    server still keeps the last owner, and says so). A personal workspace is its owner's
    alone: nothing to change there."""
    if organization.kind == "personal":
        return MemberChoices(roles=(), may_remove=False, may_leave=False)
    actor = organization.role
    itself = member.user_id == user_id
    roles: tuple[str, ...] = ()
    if is_manager(actor) and may_assign(actor, member.role, member.role):
        roles = tuple(r for r in ROLES_STRONGEST_FIRST if may_assign(actor, member.role, r))
    return MemberChoices(
        roles=roles,
        may_remove=not itself and may_assign(actor, member.role, None),
        may_leave=itself,
    )


def sorted_members(members: tuple[MemberPublic, ...], user_id: uuid.UUID) -> list[MemberPublic]:
    """The user first, then by role (owners first), then by name."""
    return sorted(
        members,
        key=lambda m: (m.user_id != user_id, -rank(m.role), m.display_name.lower(), m.email),
    )


# -- invitations -------------------------------------------------------------------------------


def invitation_kinds(organization: OrganizationPublic) -> tuple[str, ...]:
    """`member` for every team; `manage` (creators put their accounts under it) for an MCN."""
    return ("member", "manage") if organization.kind == "mcn" else ("member",)


def invitable_roles(actor: str) -> tuple[str, ...]:
    """The roles the user may invite someone with, strongest first."""
    return tuple(r for r in ROLES_STRONGEST_FIRST if may_assign(actor, None, r))


def code_in(text: str) -> str | None:
    """The invitation code in what was typed or pasted (a code, or a message with the link)."""
    code = read_code(text)
    if code is not None:
        return code
    # A pasted message may carry the code among other words: "邀请码 ABCD-EFGH-JKMN，7天内有效".
    for candidate in re.findall(r"[0-9A-Za-z]{4}[-\s]?[0-9A-Za-z]{4}[-\s]?[0-9A-Za-z]{4}", text):
        code = read_code(candidate)
        if code is not None:
            return code
    return None


@dataclass(frozen=True)
class JoinEffect:
    """What accepting a previewed invitation would do for this user."""

    kind: str
    """`join` (a new member), `promote` (a stronger role than now), `nothing` (already a
    member with this role or a stronger one), or `manage` (put accounts under management)."""
    current_role: str | None = None


def join_effect(
    preview: InvitationPreview, organizations: tuple[OrganizationPublic, ...]
) -> JoinEffect:
    if preview.kind == "manage":
        return JoinEffect("manage")
    current = next((o.role for o in organizations if o.id == preview.organization_id), None)
    if current is None:
        return JoinEffect("join")
    if rank(current) >= rank(preview.role):
        return JoinEffect("nothing", current)
    return JoinEffect("promote", current)


@dataclass(frozen=True)
class GrantableAccount:
    account: AccountPublic
    already_managed: bool
    """Already under the inviting organization's management: nothing to choose."""


def grantable_accounts(
    accounts: list[AccountPublic],
    organizations: tuple[OrganizationPublic, ...],
    grants: tuple[GrantPublic, ...],
    organization_id: uuid.UUID,
) -> list[GrantableAccount]:
    """The accounts the user may put under `organization_id`: those of organizations they
    own or administer, other than that organization itself."""
    own = {org.id for org in organizations if is_manager(org.role)} - {organization_id}
    managed = {g.account_id for g in grants if g.organization_id == organization_id}
    return [
        GrantableAccount(account, account.id in managed)
        for account in accounts
        if account.organization_id in own
    ]


@dataclass(frozen=True)
class JoinPreview:
    """A code, what it leads to, what accepting would do, and the accounts it may take."""

    code: str
    preview: InvitationPreview
    effect: JoinEffect
    accounts: tuple[GrantableAccount, ...]


def load_join(client: StudioClient, code: str) -> JoinPreview:
    preview = client.preview_invitation(code)
    organizations = tuple(client.list_organizations())
    accounts: list[GrantableAccount] = []
    if preview.kind == "manage":
        accounts = grantable_accounts(
            client.list_accounts(),
            organizations,
            tuple(client.list_grants()),
            preview.organization_id,
        )
    return JoinPreview(code, preview, join_effect(preview, organizations), tuple(accounts))


# -- sign-in security --------------------------------------------------------------------------


def password_problem(current: str, new: str, repeat: str) -> str | None:
    """What the change-password form lacks before it is sent: `current_missing`,
    `new_missing`, `mismatch` or `unchanged`; the server judges the strength."""
    if not current:
        return "current_missing"
    if not new:
        return "new_missing"
    if new != repeat:
        return "mismatch"
    if new == current:
        return "unchanged"
    return None


@dataclass(frozen=True)
class ClientName:
    kind: str
    """`studio` (this app, any version), `browser`, or `other`."""
    detail: str


_STUDIO_AGENT = re.compile(r"ZhongcaoStudio/(\S+)")


def client_name(agent: str) -> ClientName:
    """A session's or sign-in's program, from the User-Agent it sent."""
    found = _STUDIO_AGENT.search(agent)
    if found:
        return ClientName("studio", found.group(1))
    if agent.startswith("Mozilla/"):
        return ClientName("browser", "")
    return ClientName("other", agent.strip()[:60])


def sessions_in_order(sessions: list[SessionPublic]) -> list[SessionPublic]:
    """This device first, then the newest sign-in first."""
    return sorted(sessions, key=lambda s: (not s.current, -s.created_at.timestamp()))


def failed_sign_ins(history: list[SignInPublic]) -> int:
    return sum(1 for attempt in history if not attempt.succeeded)
