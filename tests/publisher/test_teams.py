"""Teams on a real server: invitations by code and link, an MCN managing a creator's account,
member roles, the organization's audit log (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid

import pytest
import requests

from publisher.client import StudioClient
from publisher.client.errors import ClientError, NotFoundError
from tests.conftest import register_user, signed_up
from tests.media_samples import image_bytes


def _refused(call, code: str, status: int | None = None) -> ClientError:
    with pytest.raises(ClientError) as caught:
        call()
    assert caught.value.code == code, caught.value
    if status is not None:
        assert caught.value.status == status
    return caught.value


def _mcn(backend, name: str = "星河MCN") -> tuple[StudioClient, uuid.UUID]:
    boss = signed_up(backend.url, "boss")
    org = boss.create_organization(name=name, kind="mcn")
    return boss, org.id


def _joined(backend, boss: StudioClient, org_id: uuid.UUID, role: str, name: str) -> StudioClient:
    invitation, _ = boss.create_invitation(org_id, role=role, note=name)
    member = signed_up(backend.url, name)
    member.accept_invitation(invitation.code)
    return member


def test_a_member_joins_with_the_code_or_the_link_and_gets_the_invited_role(backend):
    boss, org_id = _mcn(backend)
    invitation, _ = boss.create_invitation(org_id, role="editor", note="小美", max_uses=2)
    assert len(invitation.code) == 14 and invitation.link.endswith("/join/" + invitation.code)

    by_code = signed_up(backend.url, "mei")
    preview = by_code.preview_invitation(invitation.code.lower().replace("-", " "))
    assert (preview.organization_name, preview.role, preview.inviter_name) == (
        "星河MCN",
        "editor",
        "boss",
    )
    accepted, _ = by_code.accept_invitation(invitation.code.lower().replace("-", " "))
    assert accepted.role == "editor"
    by_link = signed_up(backend.url, "lan")
    by_link.accept_invitation(f"打开这个链接加入：{invitation.link}")

    members = {m.display_name: m.role for m in boss.list_members(org_id)}
    assert members == {"boss": "owner", "mei": "editor", "lan": "editor"}
    # Both uses spent: the code is gone from the pending list and refuses a third person.
    assert boss.list_invitations(org_id) == []
    _refused(
        lambda: signed_up(backend.url, "late").accept_invitation(invitation.code),
        "invitation.used_up",
    )


def test_invitation_codes_that_cannot_be_used_say_why(backend):
    boss, org_id = _mcn(backend)
    stranger = signed_up(backend.url, "stranger")
    _refused(lambda: stranger.preview_invitation("not a code"), "invitation.bad_code")
    _refused(lambda: stranger.preview_invitation("AAAA-BBBB-CCCC"), "invitation.not_found", 404)
    invitation, _ = boss.create_invitation(org_id)
    boss.revoke_invitation(invitation.id)
    _refused(lambda: stranger.accept_invitation(invitation.code), "invitation.revoked")
    assert {m.display_name for m in boss.list_members(org_id)} == {"boss"}


def test_only_owners_and_admins_invite_and_admins_cannot_make_owners(backend):
    boss, org_id = _mcn(backend)
    admin = _joined(backend, boss, org_id, "admin", "admin")
    editor = _joined(backend, boss, org_id, "editor", "editor")
    _refused(lambda: editor.create_invitation(org_id), "organization.forbidden", 403)
    _refused(
        lambda: admin.create_invitation(org_id, role="owner"), "organization.role_not_allowed", 403
    )
    admin.create_invitation(org_id, role="admin")
    outsider = signed_up(backend.url, "outsider")
    _refused(lambda: outsider.list_invitations(org_id), "organization.not_found", 404)


def test_accepting_again_or_with_a_weaker_role_spends_nothing_and_demotes_nobody(backend):
    boss, org_id = _mcn(backend)
    admin = _joined(backend, boss, org_id, "admin", "admin")
    weaker, _ = boss.create_invitation(org_id, role="viewer")
    accepted, _ = admin.accept_invitation(weaker.code)
    assert accepted.role == "admin"
    assert [i.uses for i in boss.list_invitations(org_id)] == [0]


def test_member_roles_change_and_the_last_owner_stays(backend):
    boss, org_id = _mcn(backend)
    admin = _joined(backend, boss, org_id, "admin", "admin")
    editor = _joined(backend, boss, org_id, "editor", "editor")
    ids = {m.display_name: m.user_id for m in boss.list_members(org_id)}

    admin.set_member_role(org_id, ids["editor"], "viewer")
    _refused(
        lambda: admin.set_member_role(org_id, ids["boss"], "admin"),
        "organization.role_not_allowed",
        403,
    )
    _refused(
        lambda: editor.set_member_role(org_id, ids["admin"], "viewer"),
        "organization.forbidden",
        403,
    )
    _refused(lambda: boss.remove_member(org_id, ids["boss"]), "organization.last_owner")
    _refused(lambda: boss.set_member_role(org_id, ids["boss"], "admin"), "organization.last_owner")

    editor.remove_member(org_id, ids["editor"])  # leaving needs no role
    _refused(lambda: editor.list_members(org_id), "organization.not_found", 404)
    boss.remove_member(org_id, ids["admin"])
    assert [m.display_name for m in boss.list_members(org_id)] == ["boss"]

    actions = [(e.actor, e.action, e.params.get("name")) for e in boss.organization_audit(org_id)]
    assert ("admin", "organization.member_set", "editor") in actions
    assert ("editor", "organization.member_removed", "editor") in actions
    assert ("boss", "organization.member_removed", "admin") in actions
    assert actions[0][1] == "organization.create"


class World:
    """An MCN with a member of each role, a creator whose account it manages, an outsider."""

    def __init__(self, backend) -> None:
        self.boss, self.org_id = _mcn(backend)
        self.members = {
            role: _joined(backend, self.boss, self.org_id, role, role)
            for role in ("admin", "editor", "reviewer", "viewer")
        }
        self.creator = register_user(backend, "creator")
        self.account = self.creator.list_accounts()[0]
        invitation, _ = self.boss.create_invitation(self.org_id, kind="manage", note="签约")
        preview = self.creator.preview_invitation(invitation.code)
        assert preview.kind == "manage"
        accepted, _ = self.creator.accept_invitation(invitation.code, account_ids=[self.account.id])
        self.grant = accepted.grants[0]
        self.outsider = register_user(backend, "outsider")


@pytest.fixture(scope="module")
def world(backend) -> World:
    return World(backend)


def _note(creator: StudioClient, account_id: uuid.UUID, title: str):
    note, _ = creator.create_note(account_id=account_id, title=title, body="正文")
    return note


WRITERS = ("owner", "admin", "editor", "creator")
READERS = ("reviewer", "viewer")


def _as(world: World, who: str) -> StudioClient:
    return {"owner": world.boss, "creator": world.creator, "outsider": world.outsider}.get(
        who
    ) or world.members[who]


@pytest.mark.parametrize("who", [*WRITERS, *READERS, "outsider"])
def test_the_permission_matrix_on_a_managed_accounts_notes(world, who):
    """Writers change the note, readers see it and get 403 on a change, outsiders get 404."""
    note = _note(world.creator, world.account.id, f"{who}的笔记")
    client = _as(world, who)
    calls = {
        "update": lambda: client.update_note(note.id, version=note.version, title="改"),
        "delete": lambda: client.delete_note(note.id, version=note.version),
        "create": lambda: client.create_note(account_id=world.account.id, title="新"),
    }
    if who == "outsider":
        _refused(lambda: client.get_note(note.id), "note.not_found", 404)
        assert world.account.id not in {a.id for a in client.list_accounts()}
        _refused(calls["update"], "note.not_found", 404)
        _refused(calls["create"], "account.not_found", 404)
        return
    assert client.get_note(note.id).title == note.title
    assert note.id in {n.id for n in client.list_notes(account_id=world.account.id).items}
    if who in READERS:
        _refused(calls["update"], "note.forbidden", 403)
        _refused(calls["delete"], "note.forbidden", 403)
        _refused(calls["create"], "account.forbidden", 403)
        return
    updated, _ = calls["update"]()
    assert updated.title == "改"
    created, _ = calls["create"]()
    assert created.account_id == world.account.id


def test_only_the_two_sides_managers_may_end_a_grant(world, backend):
    for who in ("editor", "viewer"):
        _refused(
            lambda who=who: _as(world, who).revoke_grant(world.grant.id), "grant.forbidden", 403
        )
    _refused(lambda: world.outsider.revoke_grant(world.grant.id), "grant.not_found", 404)
    mine = [g for g in world.creator.list_grants() if g.id == world.grant.id]
    assert mine and mine[0].may_revoke and mine[0].organization_name == "星河MCN"
    theirs = [g for g in world.members["editor"].list_grants() if g.id == world.grant.id]
    assert theirs and not theirs[0].may_revoke


def test_a_creator_who_revokes_the_grant_takes_the_account_back_at_once(backend):
    world = World(backend)
    note = _note(world.creator, world.account.id, "签约期间的笔记")
    editor = world.members["editor"]
    assert editor.get_note(note.id).id == note.id
    world.creator.revoke_grant(world.grant.id)
    _refused(lambda: editor.get_note(note.id), "note.not_found", 404)
    assert world.account.id not in {a.id for a in editor.list_accounts()}
    assert world.creator.get_note(note.id).title == "签约期间的笔记"
    kinds = {n.kind for n in world.boss.notifications().items}
    assert {"grant.created", "grant.revoked"} <= kinds
    with pytest.raises(NotFoundError):
        world.boss.revoke_grant(world.grant.id)


def test_only_an_accounts_own_managers_may_grant_it(backend):
    boss, org_id = _mcn(backend)
    creator = register_user(backend, "creator")
    account = creator.list_accounts()[0]
    invitation, _ = boss.create_invitation(org_id, kind="manage", max_uses=5)
    stranger = register_user(backend, "stranger")
    _refused(
        lambda: stranger.accept_invitation(invitation.code, account_ids=[account.id]),
        "account.not_found",
        404,
    )
    _refused(lambda: creator.accept_invitation(invitation.code), "invitation.no_accounts")
    own = boss.create_account(nickname="MCN自己的号", organization_id=str(org_id))
    _refused(
        lambda: boss.accept_invitation(invitation.code, account_ids=[own.id]), "grant.own_account"
    )
    personal = boss.list_organizations()[0]
    _refused(
        lambda: boss.create_invitation(personal.id, kind="manage"), "invitation.personal_manage"
    )


def test_the_join_page_names_the_organization_escaped(backend):
    boss, org_id = _mcn(backend, name="<script>alert(1)</script>")
    invitation, _ = boss.create_invitation(org_id)
    page = requests.get(invitation.link, timeout=10)
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text
    assert invitation.code in page.text
    gone = requests.get(invitation.link.replace(invitation.code, "AAAA-BBBB-CCCC"), timeout=10)
    assert gone.status_code == 404 and "邀请无效" in gone.text


def test_staff_see_and_reuse_the_photos_of_a_managed_accounts_notes(world, tmp_path):
    """An MCN editor opens a creator's note with its photos, and may save it with them; an
    outsider gets 404 for the same bytes."""
    photo = tmp_path / "look.jpg"
    photo.write_bytes(image_bytes(color=(30, 120, 200)))
    uploaded = world.creator.upload_media(photo)
    note, _ = world.creator.create_note(
        account_id=world.account.id, title="有图", media=[{"sha256": uploaded.sha256}]
    )
    editor = world.members["editor"]
    assert editor.media_bytes(uploaded.sha256) == photo.read_bytes()
    assert editor.thumbnail(uploaded.sha256)
    saved, _ = editor.update_note(
        note.id, version=note.version, title="有图（改）", media=[{"sha256": uploaded.sha256}]
    )
    assert [m.sha256 for m in saved.media] == [uploaded.sha256]
    _refused(lambda: world.outsider.media_bytes(uploaded.sha256), "media.not_found", 404)
