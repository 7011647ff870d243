"""The brand issue's campaign, end to end on one server: two brands, three creators and an MCN;
an invitation and an application; two review rounds with a region comment; approval;
scheduling; the server's scheduler publishing with the disclosure; each party seeing only
their part."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from publisher.client.errors import NotFoundError
from tests.publisher.brand_world import World, make_brief, make_world, photo_note
from tests.publisher.scheduling_helpers import rules_file, start, wait_for

REGION = {"x": 0.25, "y": 0.1, "width": 0.5, "height": 0.4}


@pytest.fixture
def server(tmp_path, monkeypatch):
    """A server whose rules let a note be scheduled two seconds ahead, ticking fast."""
    monkeypatch.setenv("ZHONGCAO_SCHEDULER_INTERVAL_SECONDS", "0.2")
    rules = rules_file(tmp_path, min_lead=1, max_lead=14 * 24 * 3600)
    process = start(tmp_path / "server", flags=["--rules", str(rules)])
    yield process
    process.stop()


def test_two_brands_three_creators_and_an_mcn_run_a_campaign(server, tmp_path) -> None:
    world: World = make_world(server.url)
    custom = make_brief(world)
    rival_brief, _ = world.rival.create_brief(
        organization_id=world.rival_org, title="海边防晒招募", mode="recruitment", fee_fen=90000
    )

    # Brand A invites the creator and the MCN's account; the creator applies to brand B.
    invited, _ = world.brand.invite(brief_id=custom.id, account_id=world.account.id)
    managed, _ = world.brand.invite(brief_id=custom.id, account_id=world.mcn_account.id)
    applied, _ = world.creator.apply(
        brief_id=rival_brief.id, account_id=world.account.id, quote_fen=80000, message="海边常驻"
    )
    world.rival.act(applied.id, "accept", version=applied.version)
    world.mcn_staff.act(managed.id, "decline", version=managed.version, message="档期已满")

    # Round 1, a region comment, changes requested; round 2 approved.
    collab, _ = world.creator.act(invited.id, "accept", version=invited.version)
    collab, _ = world.creator.attach_note(collab.id, version=collab.version)
    photo_note(world.creator, collab, tmp_path, "最近每天都用。")
    collab, _ = world.creator.submit(collab.id, version=collab.version)
    comment, _ = world.reviewer.add_comment(
        collab.id, "包装请露出正面", target="region", position=0, region=REGION
    )
    collab, _ = world.reviewer.act(collab.id, "request_changes", version=collab.version)
    world.creator.resolve_comment(collab.id, comment.id, version=comment.version)
    photo_note(world.creator, collab, tmp_path, "最近每天都用，轻薄不油腻。")
    collab = world.creator.get_collaboration(collab.id)
    collab, _ = world.creator.submit(collab.id, version=collab.version)
    checks = world.reviewer.brief_checks(collab.id, round_=2)
    assert all(check.ok for check in checks), [c for c in checks if not c.ok]
    collab, _ = world.reviewer.act(collab.id, "approve", version=collab.version)

    # Scheduled two seconds ahead; the server's scheduler publishes it with the disclosure.
    note = world.creator.get_note(collab.note_id)
    world.creator.schedule_note(
        note.id, at=datetime.now(UTC) + timedelta(seconds=2), version=note.version
    )
    assert world.creator.get_collaboration(collab.id).state == "scheduled"
    wait_for(lambda: world.creator.get_collaboration(collab.id).state == "published")
    note = world.creator.get_note(note.id)
    assert note.status == "published" and note.collaboration
    assert note.protected_until - note.published_at == timedelta(days=60)
    brand_news = {item.kind for item in world.brand.notifications().items}
    assert {"collaboration.submitted", "collaboration.published"} <= brand_news

    # Each party sees only their part.
    assert {c.id for c in world.brand.list_collaborations(side="brand").items} == {
        invited.id,
        managed.id,
    }
    assert [c.id for c in world.rival.list_collaborations(side="brand").items] == [applied.id]
    assert {c.id for c in world.creator.list_collaborations(side="creator").items} == {
        invited.id,
        applied.id,
    }
    assert [c.id for c in world.mcn_staff.list_collaborations().items] == [managed.id]
    for outsider in (world.small, world.outsider, world.rival):
        with pytest.raises(NotFoundError):
            outsider.get_collaboration(invited.id)
        with pytest.raises(NotFoundError):
            outsider.get_note(note.id)
    with pytest.raises(NotFoundError):
        world.brand.get_collaboration(applied.id)
