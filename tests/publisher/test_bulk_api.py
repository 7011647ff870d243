"""Bulk work through the real backend, on SQLite and PostgreSQL: a batch spaced across two
accounts and scheduled note by note (a dry run first), refusals that stop only their own note,
notes the period has no room for, and moving notes between accounts with every permission."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from publisher.bulk_schemas import BulkSchedulePublic, NoteRef, SpacingRulesIn
from publisher.client import (
    ConflictError,
    ForbiddenError,
    NotFoundError,
    StudioClient,
    ValidationError,
)
from publisher.schemas import AccountPublic, NotePublic
from tests.conftest import signed_up
from tests.media_samples import write_image
from tests.publisher.brand_world import World, make_brief, make_world

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def world(backend) -> World:
    return make_world(backend.url)


def tomorrow() -> datetime:
    today = datetime.now(SHANGHAI).date()
    return datetime.combine(today + timedelta(days=1), time(0), tzinfo=SHANGHAI)


def note_for(client: StudioClient, account: AccountPublic, folder: Path, title: str) -> NotePublic:
    """A note that may be scheduled: a title and one photo."""
    photo = write_image(folder / f"{uuid.uuid4().hex}.jpg", size=(300, 400))
    sha = client.upload_media(photo).sha256
    note, _ = client.create_note(
        account_id=account.id, title=title, body="正文", media=[{"sha256": sha}]
    )
    return note


def refs(notes: list[NotePublic]) -> list[NoteRef]:
    return [NoteRef(id=note.id, version=note.version) for note in notes]


def by_note(answer: BulkSchedulePublic) -> dict[uuid.UUID, object]:
    return {item.note_id: item for item in answer.items}


@pytest.fixture
def two_accounts(backend) -> tuple[StudioClient, AccountPublic, AccountPublic]:
    client = signed_up(backend.url, "mcn")
    shanghai = client.create_account(nickname="上海小号")
    tokyo = client.create_account(nickname="东京小号", timezone="Asia/Tokyo")
    yield client, shanghai, tokyo
    client.close()


def test_a_batch_is_spaced_across_accounts_and_scheduled(two_accounts, tmp_path) -> None:
    client, shanghai, tokyo = two_accounts
    start = tomorrow()
    busy = note_for(client, shanghai, tmp_path, "已排好的")
    busy, _ = client.schedule_note(busy.id, at=start.replace(hour=12), version=busy.version)
    batch = [note_for(client, shanghai, tmp_path, f"上海 {i}") for i in range(4)]
    batch += [note_for(client, tokyo, tmp_path, f"东京 {i}") for i in range(4)]

    preview, changes = client.schedule_in_bulk(
        refs(batch), start=start, end=start + timedelta(days=3), dry_run=True
    )
    assert not changes.notes
    assert [item.outcome for item in preview.items] == ["planned"] * 8
    assert [item.note_id for item in preview.items] == [note.id for note in batch]
    assert all(client.get_note(note.id).status == "draft" for note in batch)

    done, changes = client.schedule_in_bulk(refs(batch), start=start, end=start + timedelta(days=3))
    assert changes.schedule
    assert [item.outcome for item in done.items] == ["scheduled"] * 8
    assert [item.at for item in done.items] == [item.at for item in preview.items]
    for item, account, zone in [
        *((item, shanghai, "Asia/Shanghai") for item in done.items[:4]),
        *((item, tokyo, "Asia/Tokyo") for item in done.items[4:]),
    ]:
        stored = client.get_note(item.note_id)
        assert (stored.status, stored.scheduled_at, stored.account_id) == (
            "scheduled",
            item.at,
            account.id,
        )
        assert item.note.version == stored.version
        assert time(8) <= item.at.astimezone(ZoneInfo(zone)).time() < time(22)
    mine = sorted([busy.scheduled_at, *(item.at for item in done.items[:4])])
    assert all(b - a >= timedelta(hours=4) for a, b in zip(mine, mine[1:], strict=False))
    days = Counter(at.astimezone(SHANGHAI).date() for at in mine)
    assert max(days.values()) <= 2


def test_one_refused_note_does_not_stop_the_others(two_accounts, tmp_path, backend) -> None:
    client, shanghai, _tokyo = two_accounts
    good = note_for(client, shanghai, tmp_path, "可以排")
    empty, _ = client.create_note(account_id=shanghai.id)
    stale = note_for(client, shanghai, tmp_path, "过时的版本")
    client.update_note(stale.id, version=stale.version, body="改过了")
    stranger = signed_up(backend.url, "stranger")
    theirs = note_for(stranger, stranger.create_account(nickname="别人的"), tmp_path, "别人的")
    start = tomorrow()

    answer, _ = client.schedule_in_bulk(
        refs([empty, good, stale, theirs]), start=start, end=start + timedelta(days=2)
    )
    items = by_note(answer)
    assert items[good.id].outcome == "scheduled"
    refused = items[empty.id]
    assert (refused.outcome, refused.error.code) == ("failed", "note.rules_violated")
    assert {"title.empty", "images.too_few"} <= {v.code for v in refused.error.violations}
    assert refused.at is not None, "it had a slot; the rules refused it"
    assert (items[stale.id].outcome, items[stale.id].error.code) == (
        "failed",
        "note.version_conflict",
    )
    assert items[stale.id].at is None, "a stale note takes no slot"
    assert (items[theirs.id].error.code, items[theirs.id].account_id) == ("note.not_found", None)
    assert client.get_note(empty.id).status == "draft"
    assert stranger.get_note(theirs.id).status == "draft"


def test_notes_the_period_cannot_hold_are_named_and_stay_drafts(two_accounts, tmp_path) -> None:
    client, shanghai, _tokyo = two_accounts
    batch = [note_for(client, shanghai, tmp_path, f"第{i}篇") for i in range(4)]
    start = tomorrow()
    rules = SpacingRulesIn(max_per_day=3, min_gap_minutes=180)
    answer, _ = client.schedule_in_bulk(
        refs(batch), start=start, end=start + timedelta(days=1), rules=rules
    )
    assert [item.outcome for item in answer.items] == ["scheduled"] * 3 + ["unplaced"]
    assert answer.items[3].error.code == "spacing.no_room"
    assert client.get_note(batch[3].id).status == "draft"
    assert answer.period.start == start


def test_the_period_is_cut_to_what_may_be_scheduled(two_accounts, tmp_path) -> None:
    client, shanghai, _tokyo = two_accounts
    note = note_for(client, shanghai, tmp_path, "马上")
    now = datetime.now(UTC)
    answer, _ = client.schedule_in_bulk(
        refs([note]), start=now - timedelta(days=1), end=now + timedelta(days=20), dry_run=True
    )
    assert answer.period.start >= now + timedelta(hours=1)
    assert answer.period.end <= now + timedelta(days=14, minutes=1)
    assert answer.items[0].at >= answer.period.start
    past, _ = client.schedule_in_bulk(
        refs([note]), start=now - timedelta(days=2), end=now - timedelta(days=1), dry_run=True
    )
    assert past.period is None and past.items[0].outcome == "unplaced"


@pytest.mark.parametrize(
    "body",
    [
        {"rules": {"window_start": "22:00", "window_end": "08:00"}},
        {"rules": {"max_per_day": 0}},
        {"period": "reversed"},
        {"notes": "twice"},
    ],
)
def test_a_plan_that_makes_no_sense_is_refused(two_accounts, tmp_path, body: dict) -> None:
    client, shanghai, _tokyo = two_accounts
    note = note_for(client, shanghai, tmp_path, "一篇")
    start = tomorrow()
    period = {"start": start.isoformat(), "end": (start + timedelta(days=1)).isoformat()}
    if body.get("period") == "reversed":
        period = {"start": period["end"], "end": period["start"]}
    notes = [{"id": str(note.id), "version": note.version}]
    payload = {
        "notes": notes * 2 if body.get("notes") == "twice" else notes,
        "period": period,
        "rules": body.get("rules", {}),
    }
    with pytest.raises(ValidationError) as refused:
        client.transport.request("POST", "/notes/bulk/schedule", json=payload)
    assert refused.value.code == "request.invalid"


def test_a_viewer_cannot_schedule_in_bulk(world: World, tmp_path, backend) -> None:
    owner = signed_up(backend.url, "owner")
    org = owner.create_organization(name="看客MCN", kind="mcn")
    account = owner.create_account(nickname="看客号", organization_id=str(org.id))
    note = note_for(owner, account, tmp_path, "只能看")
    viewer = signed_up(backend.url, "viewer")
    owner.set_member(org.id, email=viewer.me().email, role="viewer")
    start = tomorrow()
    answer, _ = viewer.schedule_in_bulk(refs([note]), start=start, end=start + timedelta(days=1))
    assert (answer.items[0].outcome, answer.items[0].error.code) == ("failed", "note.forbidden")


# -- moving notes between accounts ---------------------------------------------------------


def test_a_draft_and_a_scheduled_note_move_and_the_scheduled_one_keeps_its_time(
    two_accounts, tmp_path
) -> None:
    client, shanghai, tokyo = two_accounts
    draft = note_for(client, shanghai, tmp_path, "草稿")
    moved, changes = client.move_note(draft.id, account_id=tokyo.id, version=draft.version)
    assert (moved.account_id, moved.status) == (tokyo.id, "draft")
    assert moved.version > draft.version and changes.notes

    planned = note_for(client, shanghai, tmp_path, "定时的")
    at = tomorrow().replace(hour=15, minute=7)
    planned, _ = client.schedule_note(planned.id, at=at, version=planned.version)
    moved, _ = client.move_note(planned.id, account_id=tokyo.id, version=planned.version)
    assert (moved.account_id, moved.status, moved.scheduled_at) == (tokyo.id, "scheduled", at)

    same, _ = client.move_note(moved.id, account_id=tokyo.id, version=moved.version)
    assert same.version == moved.version, "a move to its own account changes nothing"
    with pytest.raises(ConflictError) as stale:
        client.move_note(draft.id, account_id=shanghai.id, version=draft.version)
    assert stale.value.code == "note.version_conflict"


def test_a_published_note_does_not_move(two_accounts, tmp_path) -> None:
    client, shanghai, tokyo = two_accounts
    note = note_for(client, shanghai, tmp_path, "已发布")
    published, _ = client.publish_note(note.id, version=note.version)
    with pytest.raises(ValidationError) as refused:
        client.move_note(note.id, account_id=tokyo.id, version=published.version)
    assert (refused.value.code, refused.value.params) == (
        "note.not_movable",
        {"status": "published"},
    )


def test_a_collaboration_note_does_not_move(world: World) -> None:
    brief = make_brief(world)
    invited, _ = world.brand.invite(brief_id=brief.id, account_id=world.account.id)
    collab, _ = world.creator.act(invited.id, "accept", version=invited.version)
    collab, _ = world.creator.attach_note(collab.id, version=collab.version)
    other = world.creator.create_account(nickname="小鹿的另一个号")
    note = world.creator.get_note(collab.note_id)
    with pytest.raises(ValidationError) as refused:
        world.creator.move_note(note.id, account_id=other.id, version=note.version)
    assert refused.value.code == "note.collaboration_fixed"
    assert world.creator.get_note(note.id).account_id == world.account.id


def test_linked_products_go_only_to_an_account_that_may_link_them(world: World, tmp_path) -> None:
    creator = world.creator
    plain = creator.create_account(nickname="不能挂车的号")
    note = note_for(creator, world.account, tmp_path, "带商品")
    note, _ = creator.update_note(note.id, version=note.version, product_ids=[world.product])
    with pytest.raises(ValidationError) as refused:
        creator.move_note(note.id, account_id=plain.id, version=note.version)
    assert refused.value.code == "product.link_not_allowed"


def test_moving_needs_the_right_to_change_both_accounts(world: World, tmp_path, backend) -> None:
    owner = signed_up(backend.url, "boss")
    mcn = owner.create_organization(name="两个团队", kind="mcn")
    agency = owner.create_organization(name="只读团队", kind="mcn")
    editable = owner.create_account(nickname="能改的号", organization_id=str(mcn.id))
    readable = owner.create_account(nickname="只能看的号", organization_id=str(agency.id))
    staff = signed_up(backend.url, "staff")
    email = staff.me().email
    owner.set_member(mcn.id, email=email, role="editor")
    owner.set_member(agency.id, email=email, role="viewer")
    mine = note_for(owner, editable, tmp_path, "能改")
    watched = note_for(owner, readable, tmp_path, "只能看")

    with pytest.raises(ForbiddenError) as refused:
        staff.move_note(mine.id, account_id=readable.id, version=mine.version)
    assert refused.value.code == "account.forbidden"
    with pytest.raises(ForbiddenError) as refused:
        staff.move_note(watched.id, account_id=editable.id, version=watched.version)
    assert refused.value.code == "note.forbidden"
    with pytest.raises(NotFoundError) as refused:
        staff.move_note(mine.id, account_id=world.account.id, version=mine.version)
    assert refused.value.code == "account.not_found"
    assert owner.get_note(mine.id).account_id == editable.id
