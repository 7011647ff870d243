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
    "organization.member_added": QT_TRANSLATE_NOOP("TeamWording", "added {name} as {role}"),
    "organization.member_changed": QT_TRANSLATE_NOOP(
        "TeamWording", "changed {name} from {before} to {role}"
    ),
    "organization.member_removed": QT_TRANSLATE_NOOP("TeamWording", "removed {name}"),
    "organization.member_left": QT_TRANSLATE_NOOP("TeamWording", "left the organization"),
    "organization.member_joined": QT_TRANSLATE_NOOP(
        "TeamWording", "joined as {role} with an invitation"
    ),
    "invitation.create": QT_TRANSLATE_NOOP("TeamWording", "created an invitation ({note})"),
    "invitation.create.member": QT_TRANSLATE_NOOP(
        "TeamWording", "created an invitation to join as {role}"
    ),
    "invitation.create.member.note": QT_TRANSLATE_NOOP(
        "TeamWording", "created an invitation to join as {role} ({note})"
    ),
    "invitation.create.manage": QT_TRANSLATE_NOOP(
        "TeamWording", "created an invitation to manage creators' accounts"
    ),
    "invitation.create.manage.note": QT_TRANSLATE_NOOP(
        "TeamWording", "created an invitation to manage creators' accounts ({note})"
    ),
    "invitation.revoke": QT_TRANSLATE_NOOP("TeamWording", "withdrew an invitation ({note})"),
    "invitation.revoke.plain": QT_TRANSLATE_NOOP("TeamWording", "withdrew an invitation"),
    "grant.create": QT_TRANSLATE_NOOP("TeamWording", "put {account} under management"),
    "grant.revoke": QT_TRANSLATE_NOOP("TeamWording", "ended the management of {account}"),
}
_TERMS = {
    "join_as": QT_TRANSLATE_NOOP("TeamWording", "Join as {role}"),
    "for": QT_TRANSLATE_NOOP("TeamWording", "for {note}"),
    "one_use": QT_TRANSLATE_NOOP("TeamWording", "1 use"),
    "uses": QT_TRANSLATE_NOOP("TeamWording", "{count} uses"),
    "used": QT_TRANSLATE_NOOP("TeamWording", "{uses} of {max} used"),
    "until": QT_TRANSLATE_NOOP("TeamWording", "valid until {time}"),
}
INVITATION_KINDS = {
    "member": QT_TRANSLATE_NOOP("TeamWording", "Join the team"),
    "manage": QT_TRANSLATE_NOOP("TeamWording", "Manage creators' accounts"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def role_name(role: str) -> str:
    return _tr(ROLE_NAMES[role]) if role in ROLE_NAMES else role


def role_hint(role: str) -> str:
    return _tr(ROLE_HINTS[role]) if role in ROLE_HINTS else ""


def kind_name(kind: str) -> str:
    return _tr(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def invitation_kind_name(kind: str) -> str:
    return _tr(INVITATION_KINDS[kind]) if kind in INVITATION_KINDS else kind


def invitation_title(*, kind: str, role: str, note: str) -> str:
    """What an invitation is for, and whom: "Join as Editor · for 小美"."""
    what = (
        _tr(_TERMS["join_as"]).format(role=role_name(role))
        if kind == "member"
        else invitation_kind_name(kind)
    )
    return f"{what} · {_tr(_TERMS['for']).format(note=note)}" if note else what


def invitation_terms(*, max_uses: int, until: str, uses: int | None = None) -> str:
    """ "1 of 3 used · valid until 2026-12-04 18:30"; a new one says how many uses it has."""
    if uses is not None:
        count = _tr(_TERMS["used"]).format(uses=uses, max=max_uses)
    elif max_uses == 1:
        count = _tr(_TERMS["one_use"])
    else:
        count = _tr(_TERMS["uses"]).format(count=max_uses)
    return f"{count} · {_tr(_TERMS['until']).format(time=until)}"


def _audit_key(action: str, params: dict[str, Any], actor: str) -> str:
    """The most telling sentence for an entry: who was added, changed or left, what an
    invitation was for, whether it had a note."""
    if action == "organization.member_set":
        return (
            "organization.member_changed" if params.get("before") else "organization.member_added"
        )
    if action == "organization.member_removed" and actor and params.get("name") == actor:
        return "organization.member_left"
    if action == "invitation.create" and params.get("kind") in INVITATION_KINDS:
        return f"invitation.create.{params['kind']}" + (".note" if params.get("note") else "")
    if action == "invitation.revoke" and not params.get("note"):
        return "invitation.revoke.plain"
    return action


def audit_text(action: str, params: dict[str, Any], actor: str = "") -> str:
    """One audit entry after its actor's name: "made 小美 Editor"."""
    template = _AUDIT.get(_audit_key(action, params, actor))
    if template is None:
        return action
    values = {key: "" if value is None else value for key, value in params.items()}
    values["role"] = role_name(str(params.get("role") or ""))
    values["before"] = role_name(str(params.get("before") or ""))
    values.setdefault("note", "")
    try:
        return _tr(template).format(**values)
    except (KeyError, IndexError):
        return _tr(template)
