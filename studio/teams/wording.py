"""How the team screens and messages name roles, organization kinds and audit entries.

Words are translated under the `TeamWording` context; no widgets here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "TeamWording"

ROLE_NAMES = {
    "owner": QT_TRANSLATE_NOOP("TeamWording", "Owner"),
    "admin": QT_TRANSLATE_NOOP("TeamWording", "Admin"),
    "editor": QT_TRANSLATE_NOOP("TeamWording", "Editor"),
    "reviewer": QT_TRANSLATE_NOOP("TeamWording", "Reviewer"),
    "viewer": QT_TRANSLATE_NOOP("TeamWording", "Viewer"),
}
ROLE_HINTS = {
    "owner": QT_TRANSLATE_NOOP("TeamWording", "Everything, including who the owners are"),
    "admin": QT_TRANSLATE_NOOP("TeamWording", "Manages members, invitations and accounts"),
    "editor": QT_TRANSLATE_NOOP("TeamWording", "Writes, schedules and publishes notes"),
    "reviewer": QT_TRANSLATE_NOOP("TeamWording", "Reads everything, reviews submissions"),
    "viewer": QT_TRANSLATE_NOOP("TeamWording", "Reads everything, changes nothing"),
}
KIND_NAMES = {
    "personal": QT_TRANSLATE_NOOP("TeamWording", "Personal"),
    "mcn": QT_TRANSLATE_NOOP("TeamWording", "MCN"),
    "brand": QT_TRANSLATE_NOOP("TeamWording", "Brand"),
}
_AUDIT = {
    "organization.create": QT_TRANSLATE_NOOP("TeamWording", "created the organization"),
    "organization.member_set": QT_TRANSLATE_NOOP("TeamWording", "made {name} {role}"),
    "organization.member_removed": QT_TRANSLATE_NOOP("TeamWording", "removed {name}"),
    "organization.member_joined": QT_TRANSLATE_NOOP(
        "TeamWording", "joined as {role} with an invitation"
    ),
    "invitation.create": QT_TRANSLATE_NOOP("TeamWording", "created an invitation ({note})"),
    "invitation.revoke": QT_TRANSLATE_NOOP("TeamWording", "withdrew an invitation ({note})"),
    "grant.create": QT_TRANSLATE_NOOP("TeamWording", "put {account} under management"),
    "grant.revoke": QT_TRANSLATE_NOOP("TeamWording", "ended the management of {account}"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def role_name(role: str) -> str:
    return _tr(ROLE_NAMES[role]) if role in ROLE_NAMES else role


def role_hint(role: str) -> str:
    return _tr(ROLE_HINTS[role]) if role in ROLE_HINTS else ""


def kind_name(kind: str) -> str:
    return _tr(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def audit_text(action: str, params: dict[str, Any]) -> str:
    """One audit entry after its actor's name: "made 小美 Editor"."""
    template = _AUDIT.get(action)
    if template is None:
        return action
    values = {key: "" if value is None else value for key, value in params.items()}
    values["role"] = role_name(str(params.get("role") or ""))
    values.setdefault("note", "")
    try:
        return _tr(template).format(**values)
    except (KeyError, IndexError):
        return _tr(template)
