"""A campaign end to end over HTTP, and who may see and do what (the permission matrix).

Two brands, three creators and an MCN on one backend, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from publisher.client.errors import (
    ConflictError,
    ForbiddenError,
    NotFoundError,
    ValidationError,
)
from tests.publisher.brand_world import World, make_brief, make_world, photo_note


@pytest.fixture(scope="module")
def world(backend) -> World:
    """One world per backend: each test writes its own brief, so their collaborations are
    apart (registering the dozen people takes seconds)."""
    return make_world(backend.url)


def test_a_campaign_from_invitation_to_protected_publication(world: World, tmp_path) -> None:
    brief = make_brief(world)
    assert "最" in brief.forbidden_words  # the advertising law's terms are preloaded
    invited, _ = world.brand.invite(brief_id=brief.id, account_id=world.account.id)
    assert invited.state == "invited" and invited.quote_fen == 200000

    collab, _ = world.creator.act(invited.id, "accept", version=invited.version)
    collab, _ = world.creator.attach_note(collab.id, version=collab.version)
    note = world.creator.get_note(collab.note_id)
    assert note.collaboration and note.product_ids == [world.product]
    assert note.collaboration_id == collab.id
    photo_note(world.creator, collab, tmp_path, "最近每天都用，效果第一！")
    collab, _ = world.creator.submit(collab.id, version=collab.version)
    assert (collab.state, collab.round) == ("submitted", 1)
    assert collab.review_due_at is not None

    checks = {c.key: c for c in world.reviewer.brief_checks(collab.id, round_=1)}
    assert not checks["forbidden_words"].ok
    assert [f["word"] for f in checks["forbidden_words"].params["found"]] == ["第一"]
    region = {"x": 0.1, "y": 0.2, "width": 0.3, "height": 0.25}
    with pytest.raises(ValidationError) as bare:
        world.reviewer.act(collab.id, "request_changes", version=collab.version)
    assert bare.value.code == "collaboration.comment_required"
    comment, _ = world.reviewer.add_comment(
        collab.id, "产品要露出正面", target="region", position=0, region=region
    )
    collab, _ = world.reviewer.act(collab.id, "request_changes", version=collab.version)
    assert collab.state == "changes_requested"

    seen = world.creator.comments(collab.id)
    assert [(c.target, c.region.x if c.region else None) for c in seen] == [("region", 0.1)]
    world.creator.resolve_comment(collab.id, comment.id, version=comment.version)
    photo_note(world.creator, collab, tmp_path, "最近每天都用，轻薄不油腻。")
    collab = world.creator.get_collaboration(collab.id)
    collab, _ = world.creator.submit(collab.id, version=collab.version)
    assert collab.round == 2
    rounds = world.brand.submissions(collab.id)
    assert [r.decision for r in rounds] == ["request_changes", None]
    assert world.brand.thumbnail(rounds[1].snapshot["media"][0]["sha256"])  # the brand sees it
    collab, _ = world.reviewer.act(collab.id, "approve", version=collab.version)

    note = world.creator.get_note(collab.note_id)
    note, _ = world.creator.publish_note(note.id, version=note.version)
    collab = world.creator.get_collaboration(collab.id)
    assert collab.state == "published"
    assert collab.protected_until is not None
    assert collab.protected_until - note.published_at == timedelta(days=60)
    note = world.creator.get_note(note.id)
    assert note.protected_until == collab.protected_until
    with pytest.raises(ValidationError) as protected:
        world.creator.delete_note(note.id, version=note.version)
    assert protected.value.code == "note.protected"
    collab, _ = world.brand.act(collab.id, "complete", version=collab.version)
    actions = [entry.action for entry in world.brand.audit_log(collab.id)]
    assert actions == [
        "collaboration.invite",
        "collaboration.accept",
        "collaboration.submit",
        "collaboration.request_changes",
        "collaboration.submit",
        "collaboration.approve",
        "collaboration.publish",
        "collaboration.complete",
    ]
    kinds = [item.kind for item in world.brand.notifications().items]
    assert "collaboration.submitted" in kinds and "collaboration.published" in kinds


def test_an_approved_note_that_changes_needs_a_new_round(world: World, tmp_path) -> None:
    brief = make_brief(world)
    collab, _ = world.brand.invite(brief_id=brief.id, account_id=world.account.id)
    collab, _ = world.creator.act(collab.id, "accept", version=collab.version)
    collab, _ = world.creator.attach_note(collab.id, version=collab.version)
    photo_note(world.creator, collab, tmp_path, "轻薄不油腻")
    note = world.creator.get_note(collab.note_id)
    with pytest.raises(ValidationError) as early:
        world.creator.schedule_note(
            note.id, at=datetime.now(UTC) + timedelta(days=2), version=note.version
        )
    assert early.value.code == "collaboration.not_approved"
    collab, _ = world.creator.submit(collab.id, version=collab.version)
    collab, _ = world.brand.act(collab.id, "approve", version=collab.version)
    note = world.creator.get_note(collab.note_id)
    note, _ = world.creator.schedule_note(
        note.id, at=datetime.now(UTC) + timedelta(days=2), version=note.version
    )
    assert world.creator.get_collaboration(collab.id).state == "scheduled"
    with pytest.raises(ValidationError) as outside:
        world.creator.reschedule_note(
            note.id, at=datetime.now(UTC) + timedelta(days=12), version=note.version
        )
    assert outside.value.code in ("collaboration.outside_window", "note.rules_violated")

    note, _ = world.creator.update_note(note.id, version=note.version, body="换了一段文字")
    assert note.status == "draft"
    collab = world.creator.get_collaboration(collab.id)
    assert collab.state == "accepted" and "submit" in collab.actions


def test_each_role_sees_and_does_only_its_part(world: World) -> None:
    brief = make_brief(world)
    collab, _ = world.brand.invite(brief_id=brief.id, account_id=world.account.id)
    mcn_collab, _ = world.brand.invite(brief_id=brief.id, account_id=world.mcn_account.id)

    # Another brand, another creator and an outsider cannot tell the collaboration exists.
    for stranger in (world.rival, world.small, world.outsider):
        with pytest.raises(NotFoundError):
            stranger.get_collaboration(collab.id)
        with pytest.raises(NotFoundError):
            stranger.get_brief(brief.id)
        assert stranger.list_collaborations(side="brand").total == 0
    assert world.rival.list_briefs().total == 0
    # The MCN's staff see (and act on) their managed account's collaboration only.
    mcn_sees = world.mcn_staff.list_collaborations(brief_id=brief.id).items
    assert [c.id for c in mcn_sees] == [mcn_collab.id]
    with pytest.raises(NotFoundError):
        world.mcn_staff.get_collaboration(collab.id)
    world.mcn_staff.act(mcn_collab.id, "accept", version=mcn_collab.version)

    # The brand's viewer reads; its reviewer decides but does not invite; a creator never decides.
    assert world.viewer.get_collaboration(collab.id).actions == []
    with pytest.raises(ForbiddenError):
        world.viewer.act(collab.id, "cancel", version=collab.version)
    with pytest.raises(ForbiddenError):
        world.reviewer.invite(brief_id=brief.id, account_id=world.small_account.id)
    with pytest.raises(ForbiddenError) as creator_cancels:
        world.creator.act(collab.id, "cancel", version=collab.version)
    assert creator_cancels.value.code == "collaboration.not_allowed"
    with pytest.raises(ForbiddenError):
        world.viewer.add_comment(collab.id, "看起来不错")
    with pytest.raises(NotFoundError):
        world.rival.create_brief(organization_id=world.brand_org, title="偷偷写")  # not a member
    with pytest.raises(ForbiddenError):
        world.viewer.create_brief(organization_id=world.brand_org, title="只读成员")
    # A creator's products search now finds the brief's product; the rival's does not.
    assert world.creator.get_product(world.product).name == "清透防晒乳"
    with pytest.raises(NotFoundError):
        world.creator.update_product(world.product, version=1, name="改名")


def test_recruitment_takes_matching_applications_only(world: World) -> None:
    brief = make_brief(world, mode="recruitment", category="美妆", followers_min=1000)
    assert brief.id in [b.id for b in world.creator.marketplace(world.account.id).items]
    assert world.small.marketplace(world.small_account.id).total == 0
    with pytest.raises(ValidationError) as few:
        world.small.apply(brief_id=brief.id, account_id=world.small_account.id, quote_fen=1)
    assert few.value.code == "collaboration.too_few_followers"
    applied, _ = world.creator.apply(
        brief_id=brief.id, account_id=world.account.id, quote_fen=150000, message="我很合适"
    )
    assert applied.state == "applied" and applied.actions == ["withdraw"]
    with pytest.raises(ConflictError):
        world.creator.apply(brief_id=brief.id, account_id=world.account.id, quote_fen=1)
    queue = world.brand.list_collaborations(side="brand", states=["applied"])
    assert [(c.account.nickname, c.quote_fen) for c in queue.items] == [("小鹿爱防晒", 150000)]
    accepted, _ = world.brand.act(applied.id, "accept", version=applied.version)
    assert accepted.state == "accepted"
    answered = world.creator.marketplace(world.account.id).items
    assert brief.id not in [b.id for b in answered]


# -- the permission matrix: each role against each object and verb ---------------------------

READ, HIDDEN, REFUSED, DONE = "read", "404", "403", "done"
MATRIX = {
    # role: (collaboration, rounds, brief, approve, comment)
    "brand": (READ, READ, READ, DONE, DONE),
    "reviewer": (READ, READ, READ, DONE, DONE),
    "viewer": (READ, READ, READ, REFUSED, REFUSED),
    "creator": (READ, READ, READ, REFUSED, DONE),
    "mcn_staff": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "rival": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "small": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "outsider": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
}


def _outcome(call) -> str:
    try:
        call()
    except NotFoundError:
        return HIDDEN
    except ForbiddenError:
        return REFUSED
    return DONE


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_the_permission_matrix(world: World, tmp_path, role: str) -> None:
    brief = make_brief(world)
    collab, _ = world.brand.invite(brief_id=brief.id, account_id=world.account.id)
    collab, _ = world.creator.act(collab.id, "accept", version=collab.version)
    collab, _ = world.creator.attach_note(collab.id, version=collab.version)
    photo_note(world.creator, collab, tmp_path, "轻薄不油腻")
    collab, _ = world.creator.submit(collab.id, version=collab.version)
    client = getattr(world, role)
    reads = [
        lambda: client.get_collaboration(collab.id),
        lambda: client.submissions(collab.id),
        lambda: client.get_brief(brief.id),
    ]
    seen = [READ if _outcome(read) == DONE else _outcome(read) for read in reads]
    approve = _outcome(lambda: client.act(collab.id, "approve", version=collab.version))
    comment = _outcome(lambda: client.add_comment(collab.id, "看到了"))
    assert (*seen, approve, comment) == MATRIX[role]
