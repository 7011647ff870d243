"""The team screens' decisions without an app: who may change whose role, which accounts a
manage invitation may take, what accepting would do, codes read out of pasted text, the checks
of the password form, and how activity entries read."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from publisher.schemas import AccountPublic, MemberPublic, OrganizationPublic
from publisher.team_schemas import GrantPublic, InvitationPreview, SessionPublic
from studio.teams.team_state import (
    TeamOverview,
    client_name,
    code_in,
    grantable_accounts,
    invitable_roles,
    invitation_kinds,
    join_effect,
    member_choices,
    password_problem,
    picked_organization,
    sessions_in_order,
    sorted_members,
)
from studio.teams.wording import audit_text, invitation_terms, invitation_title

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
ME = uuid.uuid4()


def _org(kind: str = "mcn", role: str = "owner", name: str = "星河MCN") -> OrganizationPublic:
    return OrganizationPublic(id=uuid.uuid4(), name=name, kind=kind, role=role)


def _member(role: str, user_id: uuid.UUID | None = None, name: str = "小美") -> MemberPublic:
    return MemberPublic(
        user_id=user_id or uuid.uuid4(), email=f"{name}@example.com", display_name=name, role=role
    )


def _account(org: OrganizationPublic, nickname: str) -> AccountPublic:
    return AccountPublic(
        id=uuid.uuid4(),
        organization_id=org.id,
        nickname=nickname,
        platform_user_id=None,
        timezone="Asia/Shanghai",
        version=1,
        created_at=NOW,
    )


def _grant(account: AccountPublic, to: OrganizationPublic) -> GrantPublic:
    return GrantPublic(
        id=uuid.uuid4(),
        account_id=account.id,
        account_nickname=account.nickname,
        account_organization_id=account.organization_id,
        organization_id=to.id,
        organization_name=to.name,
        granted_by_name="糖糖",
        created_at=NOW,
        may_revoke=True,
    )


@pytest.mark.parametrize(
    ("actor", "target", "roles", "removable"),
    [
        ("owner", "owner", ("owner", "admin", "editor", "reviewer", "viewer"), True),
        ("owner", "editor", ("owner", "admin", "editor", "reviewer", "viewer"), True),
        ("admin", "editor", ("admin", "editor", "reviewer", "viewer"), True),
        ("admin", "owner", (), False),
        ("editor", "viewer", (), False),
        ("viewer", "admin", (), False),
    ],
)
def test_who_may_change_whose_role(actor, target, roles, removable):
    choices = member_choices(_org(role=actor), _member(target), ME)
    assert choices.roles == roles
    assert choices.may_remove is removable
    assert not choices.may_leave


def test_anyone_may_leave_but_a_personal_workspace_has_nothing_to_change():
    assert member_choices(_org(role="viewer"), _member("viewer", ME), ME).may_leave
    itself = member_choices(_org(role="owner"), _member("owner", ME), ME)
    assert itself.may_leave and not itself.may_remove
    personal = member_choices(_org("personal"), _member("owner", ME), ME)
    assert personal == type(personal)(roles=(), may_remove=False, may_leave=False)


def test_the_user_comes_first_then_the_strongest_roles():
    members = (_member("viewer", name="a"), _member("owner", name="z"), _member("editor", ME, "me"))
    assert [m.display_name for m in sorted_members(members, ME)] == ["me", "z", "a"]


def test_invitations_offer_what_the_organization_and_role_allow():
    assert invitation_kinds(_org("mcn")) == ("member", "manage")
    assert invitation_kinds(_org("brand")) == ("member",)
    assert invitable_roles("owner")[0] == "owner"
    assert "owner" not in invitable_roles("admin")
    assert invitable_roles("editor") == ()


def test_the_picked_organization_survives_reloads_and_falls_back_to_a_team():
    personal, mcn = _org("personal", name="me"), _org("mcn")
    overview = TeamOverview(ME, (personal, mcn), ())
    assert picked_organization(overview, None) == mcn
    assert picked_organization(overview, personal.id) == personal
    assert picked_organization(overview, uuid.uuid4()) == mcn  # left it meanwhile
    assert picked_organization(TeamOverview(ME, (personal,), ()), None) == personal
    assert picked_organization(TeamOverview(ME, (), ()), None) is None


def test_grants_are_split_into_mine_and_the_ones_an_organization_manages():
    personal, mcn = _org("personal", name="me"), _org("mcn")
    other_creator = _org("personal", name="them")
    mine = _grant(_account(personal, "我的号"), mcn)
    theirs = _grant(_account(other_creator, "她的号"), mcn)
    overview = TeamOverview(ME, (personal, mcn), (mine, theirs))
    assert overview.managed_by(mcn.id) == [mine, theirs]
    assert overview.my_managed_accounts() == [mine]


def test_a_manage_invitation_may_take_only_accounts_the_user_manages():
    personal, mcn = _org("personal", name="me"), _org("mcn")
    brand_as_editor = _org("brand", role="editor", name="花知晓")
    own, managed = _account(personal, "我的号"), _account(personal, "已托管")
    not_mine, the_mcns = _account(brand_as_editor, "品牌号"), _account(mcn, "MCN自己的号")
    grants = (_grant(managed, mcn),)
    result = grantable_accounts(
        [own, managed, not_mine, the_mcns], (personal, mcn, brand_as_editor), grants, mcn.id
    )
    assert [(g.account.nickname, g.already_managed) for g in result] == [
        ("我的号", False),
        ("已托管", True),
    ]


def _preview(org: OrganizationPublic, *, kind: str = "member", role: str = "editor"):
    return InvitationPreview(
        organization_id=org.id,
        organization_name=org.name,
        organization_kind=org.kind,
        kind=kind,
        role=role,
        inviter_name="王总",
        expires_at=NOW,
        already_member=False,
    )


def test_what_accepting_would_do():
    mcn = _org(role="reviewer")
    assert join_effect(_preview(_org()), (mcn,)).kind == "join"
    assert join_effect(_preview(mcn, role="editor"), (mcn,)).kind == "promote"
    nothing = join_effect(_preview(mcn, role="viewer"), (mcn,))
    assert (nothing.kind, nothing.current_role) == ("nothing", "reviewer")
    assert join_effect(_preview(mcn, kind="manage", role=""), (mcn,)).kind == "manage"


@pytest.mark.parametrize(
    ("pasted", "code"),
    [
        ("ABCD-EFGH-JKMN", "ABCD-EFGH-JKMN"),
        ("abcd efgh jkmn", "ABCD-EFGH-JKMN"),
        ("打开这个链接加入：https://team.example.com/join/ABCD-EFGH-JKMN", "ABCD-EFGH-JKMN"),
        ("邀请码 ABCD-EFGH-JKMN，7天内有效", "ABCD-EFGH-JKMN"),
        ("HELLO", None),
        ("", None),
        ("0000-1111-IIII", None),  # letters a code never has
    ],
)
def test_the_code_is_read_out_of_what_was_pasted(pasted, code):
    assert code_in(pasted) == code


@pytest.mark.parametrize(
    ("current", "new", "repeat", "problem"),
    [
        ("", "a", "a", "current_missing"),
        ("old", "", "", "new_missing"),
        ("old", "new words here", "new words her", "mismatch"),
        ("same words", "same words", "same words", "unchanged"),
        ("old", "new words here", "new words here", None),
    ],
)
def test_the_password_form_checks_what_it_can_before_sending(current, new, repeat, problem):
    assert password_problem(current, new, repeat) == problem


def test_sessions_and_programs_read_plainly():
    older = SessionPublic(
        id=uuid.uuid4(), client="", ip="", created_at=NOW, expires_at=NOW, current=False
    )
    newer = older.model_copy(update={"id": uuid.uuid4(), "created_at": NOW + timedelta(hours=1)})
    current = older.model_copy(update={"id": uuid.uuid4(), "current": True})
    assert sessions_in_order([older, current, newer]) == [current, newer, older]
    assert client_name("ZhongcaoStudio/0.1").kind == "studio"
    assert client_name("ZhongcaoStudio/0.1").detail == "0.1"
    assert client_name("Mozilla/5.0 (Macintosh)").kind == "browser"
    assert client_name("curl/8.0").detail == "curl/8.0"


def test_activity_and_invitations_read_as_sentences():
    assert audit_text("organization.member_set", {"name": "小美", "role": "viewer"}) == (
        "added 小美 as Viewer"
    )
    changed = {"name": "小美", "role": "viewer", "before": "editor"}
    assert audit_text("organization.member_set", changed) == "changed 小美 from Editor to Viewer"
    assert audit_text("organization.member_removed", {"name": "小美"}, "小美") == (
        "left the organization"
    )
    assert audit_text("organization.member_removed", {"name": "小美"}, "王总") == "removed 小美"
    made = {"kind": "manage", "note": ""}
    assert audit_text("invitation.create", made) == (
        "created an invitation to manage creators' accounts"
    )
    assert audit_text("invitation.revoke", {"note": ""}) == "withdrew an invitation"
    assert audit_text("something.new", {}) == "something.new"
    assert (
        invitation_title(kind="member", role="editor", note="小美") == "Join as Editor · for 小美"
    )
    assert invitation_terms(max_uses=1, until="12-04") == "1 use · valid until 12-04"
    assert invitation_terms(max_uses=5, until="12-04", uses=2) == "2 of 5 used · valid until 12-04"
