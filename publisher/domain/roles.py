"""The roles a member has in an organization, what each may do, and who may hand them out.

Roles are ordered: each one may do everything the ones below it may. A member reaching an
account both directly and through an MCN's grant acts with the stronger of the two roles.
"""

from __future__ import annotations

from collections.abc import Iterable

ROLES = ("viewer", "reviewer", "editor", "admin", "owner")
"""Weakest first."""

EDITOR_ROLES = frozenset({"owner", "admin", "editor"})
"""Who may change an organization's things: its accounts' notes, briefs, storefront, kit."""
REVIEWER_ROLES = EDITOR_ROLES | {"reviewer"}
"""Who may also decide on submissions to the organization's briefs."""
MANAGER_ROLES = frozenset({"owner", "admin"})
"""Who may change the membership, invite, and take accounts under management."""


def rank(role: str) -> int:
    """The role's place in `ROLES`; an unknown role ranks below every known one."""
    return ROLES.index(role) if role in ROLES else -1


def strongest(roles: Iterable[str]) -> str | None:
    return max(roles, key=rank, default=None)


def may_assign(actor: str, before: str | None, after: str | None) -> bool:
    """Whether a member with role `actor` may move someone from `before` to `after` (None:
    not a member). Owners may do anything; admins manage everyone below owner but can neither
    make nor unmake an owner; nobody else manages members."""
    if actor == "owner":
        return True
    if actor != "admin":
        return False
    return "owner" not in (before, after)
