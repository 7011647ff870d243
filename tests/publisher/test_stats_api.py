"""The data center's answers over HTTP on both databases: a period beside the previous one, the
notes table, topics, best times, follower growth, accounts that slip, a campaign's funnel and
ROI (brand, creator, outsider), spend permissions, and platform-export imports."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

import pytest
import requests

from publisher.client import ClientError, StudioClient
from publisher.client.errors import NotFoundError
from publisher.domain.timezones import zone
from publisher.stats_schemas import EventIn, ImportRequest, ImportRowIn, SpendCreate
from tests.conftest import signed_up
from tests.publisher.brand_world import make_brief, make_world, photo_note
from tests.publisher.scheduling_helpers import publishable_note

SHANGHAI = zone("Asia/Shanghai")


def _now() -> datetime:
    """A minute ago in Shanghai: "today" events are never in the future."""
    return datetime.now(SHANGHAI) - timedelta(minutes=1)


def _today() -> date:
    return _now().date()


def _at(day: date, hour: int = 12) -> datetime:
    """Noon (or `hour`) of a past day; today's events happen a minute ago."""
    return _now() if day == _today() else datetime.combine(day, time(hour), SHANGHAI)


def _send(client: StudioClient, note_id, kind: str, count: int, at: datetime, **extra) -> None:
    client.send_events(
        [
            EventIn(id=str(uuid.uuid4()), note_id=note_id, kind=kind, ts=at, **extra)
            for _ in range(count)
        ]
    )


def _published(client: StudioClient, folder, title: str, topics: tuple[str, ...] = ()):
    note = publishable_note(client, folder, title)
    if topics:
        ids = [client.create_topic(name).id for name in topics]
        note, _ = client.update_note(note.id, version=note.version, topics=ids)
    return client.publish_note(note.id, version=note.version)[0]


def test_a_period_beside_the_previous_one_with_formulas(api, tmp_path) -> None:
    note = _published(api, tmp_path, "周末露营")
    today = _today()
    _send(api, note.id, "impression", 40, _at(today - timedelta(days=1)))
    _send(api, note.id, "view", 4, _at(today - timedelta(days=1)))
    _send(api, note.id, "like", 2, _at(today))
    _send(api, note.id, "impression", 10, _at(today - timedelta(days=9)))
    _send(api, note.id, "view", 5, _at(today - timedelta(days=9)))
    summary = api.stats_summary(today - timedelta(days=6), today, account_id=note.account_id)
    assert (summary.previous_start, summary.previous_end) == (
        today - timedelta(days=13),
        today - timedelta(days=7),
    )
    assert (summary.totals["impressions"], summary.previous_totals["impressions"]) == (40, 10)
    assert summary.figures["cover_ctr"] == pytest.approx(0.1)
    assert summary.previous_figures["cover_ctr"] == pytest.approx(0.5)
    assert summary.figures["engagement_rate"] == pytest.approx(0.5)
    assert summary.figures["roi"] is None, "no spend, no ROI"
    assert len(summary.series) == 7 and summary.series[-1].totals["likes"] == 2
    assert summary.notes_published == 1
    ctr = next(item for item in summary.definitions if item.key == "cover_ctr")
    assert (ctr.numerator, ctr.denominator, ctr.version) == (["views"], ["impressions"], 1)
    for start, end in (
        (today, today - timedelta(days=1)),
        (date(1, 1, 1), date(1, 1, 2)),
        (date(9999, 12, 1), date(9999, 12, 31)),
    ):
        with pytest.raises(ClientError) as refused:
            api.stats_summary(start, end)
        assert refused.value.code == "stats.bad_period"
    with pytest.raises(ClientError) as refused:
        api.transport.request("GET", "/stats/summary", params={"end": "0001-01-03"})
    assert refused.value.code == "stats.bad_period"


def test_the_notes_table_sorts_by_any_figure_and_lists_notes_nobody_saw(api, tmp_path) -> None:
    seen = _published(api, tmp_path, "很多人看", ("露营",))
    liked = _published(api, tmp_path, "很多人赞", ("露营", "徒步"))
    unseen = _published(api, tmp_path, "没人看")
    yesterday = _at(_today() - timedelta(days=1))
    _send(api, seen.id, "view", 30, yesterday)
    _send(api, seen.id, "like", 1, yesterday)
    _send(api, liked.id, "view", 10, yesterday)
    _send(api, liked.id, "like", 5, yesterday)
    by_views = api.note_stats(account_id=seen.account_id, sort="views")
    assert [row.title for row in by_views.items][:2] == ["很多人看", "很多人赞"]
    assert by_views.items[0].spark[-2] == 30 and len(by_views.items[0].spark) == 30
    assert "没人看" in [row.title for row in by_views.items]
    by_rate = api.note_stats(account_id=seen.account_id, sort="engagement_rate")
    assert by_rate.items[0].title == "很多人赞"
    assert by_rate.items[-1].title == "没人看", "no views: no rate, listed last"
    found = api.note_stats(account_id=seen.account_id, search="赞")
    assert [row.note_id for row in found.items] == [liked.id]
    assert found.items[0].topics == ["露营", "徒步"]
    topics = {row.topic: row for row in api.topic_stats(account_id=seen.account_id)}
    assert (topics["露营"].notes, topics["露营"].totals["views"]) == (2, 40)
    assert topics["徒步"].figures["engagement_rate"] == pytest.approx(0.5)
    assert by_views.items[-1].note_id == unseen.id and by_views.items[-1].spark == [0] * 30
    with pytest.raises(ClientError):
        api.note_stats(sort="drop table")


def test_best_times_are_the_readers_hours_on_the_accounts_clock(api, tmp_path) -> None:
    note = _published(api, tmp_path, "夜读")
    today = _today()
    wednesday = today - timedelta(days=(today.weekday() - 2) % 7 or 7)
    _send(api, note.id, "like", 6, _at(wednesday, 21))
    _send(api, note.id, "view", 9, _at(wednesday, 8))
    times = api.best_times(account_id=note.account_id)
    assert times.best[0] == (2, 21)
    assert times.views[2][8] == 9 and times.interactions[2][21] == 6


def test_follower_growth_ends_at_the_followers_the_platform_shows(backend, tmp_path) -> None:
    client = signed_up(backend.url, "follows")
    account = client.create_account(nickname="涨粉号", followers=1000)
    note = publishable_note(client, tmp_path)
    note = client.publish_note(note.id, version=note.version)[0]
    today = _today()
    _send(client, note.id, "follow", 5, _at(today - timedelta(days=3)))
    _send(client, note.id, "follow", 2, _at(today))
    points = client.follower_growth(today - timedelta(days=6), today, account_id=account.id)
    assert [point.followers for point in points] == [993] * 3 + [998] * 3 + [1000]
    assert points[3].gained == 5


def test_an_account_whose_views_fell_is_slipping(api, tmp_path) -> None:
    note = _published(api, tmp_path, "曾经很火")
    today = _today()
    _send(api, note.id, "view", 500, _at(today - timedelta(days=40)))
    _send(api, note.id, "view", 100, _at(today - timedelta(days=2)))
    rows = {row.account_id: row for row in api.account_stats()}
    row = rows[note.account_id]
    assert (row.totals["views"], row.previous_totals["views"]) == (100, 500)
    assert "views" in row.slipping


@pytest.fixture
def campaign(backend, tmp_path):
    """A brand's brief with the creator's approved note published, and the world around it."""
    world = make_world(backend.url)
    brief = make_brief(world)
    invited, _ = world.brand.invite(brief_id=brief.id, account_id=world.account.id)
    collab, _ = world.creator.act(invited.id, "accept", version=invited.version)
    collab, _ = world.creator.attach_note(collab.id, version=collab.version)
    photo_note(world.creator, collab, tmp_path, "轻薄不油腻，夏天就靠它。")
    collab = world.creator.get_collaboration(collab.id)
    collab, _ = world.creator.submit(collab.id, version=collab.version)
    world.brand.act(collab.id, "approve", version=collab.version)
    note = world.creator.get_note(collab.note_id)
    note = world.creator.publish_note(note.id, version=note.version)[0]
    return world, brief, note


def test_a_campaign_shows_its_funnel_spend_and_return_to_the_brand(campaign) -> None:
    world, brief, note = campaign
    day = _at(_today() - timedelta(days=1))
    for kind, count in (("impression", 1000), ("view", 100), ("like", 8), ("collect", 2)):
        _send(world.creator, note.id, kind, count, day)
    _send(world.creator, note.id, "product_click", 20, day)
    _send(world.creator, note.id, "order", 3, day, value=12_900)
    world.brand.record_spend(
        SpendCreate(brief_id=brief.id, kind="fee", day=day.date(), amount_fen=19_350)
    )
    world.brand.record_spend(
        SpendCreate(
            brief_id=brief.id, note_id=note.id, kind="boost", day=day.date(), amount_fen=10_000
        )
    )
    stats = world.brand.campaign_stats(brief.id)
    assert [(stage.stage, stage.value) for stage in stats.funnel] == [
        ("impressions", 1000),
        ("views", 100),
        ("interactions", 10),
        ("product_clicks", 20),
        ("orders", 3),
        ("gmv", 38_700),
    ]
    assert stats.totals["spend_fen"] == 29_350
    assert stats.figures["roi"] == pytest.approx(38_700 / 29_350)
    assert stats.figures["cpm"] == pytest.approx(29_350 / 1000 * 1000)
    [creator_row] = stats.creators
    assert creator_row.totals["spend_fen"] == 10_000, "the note's own boost; the fee is the brief's"
    assert creator_row.figures["cpe"] == pytest.approx(1000)
    assert [row.id for row in stats.notes] == [note.id]
    # The creator sees their part; others see nothing.
    assert world.creator.campaign_stats(brief.id).totals["orders"] == 3
    for outsider in (world.outsider, world.rival, world.small):
        with pytest.raises(NotFoundError):
            outsider.campaign_stats(brief.id)
    # Spend: only the brand's editors record it on the brief.
    with pytest.raises(ClientError) as refused:
        world.reviewer.record_spend(
            SpendCreate(brief_id=brief.id, kind="ad", day=day.date(), amount_fen=100)
        )
    assert refused.value.code == "brief.forbidden"
    with pytest.raises(NotFoundError):
        world.creator.record_spend(
            SpendCreate(brief_id=brief.id, kind="ad", day=day.date(), amount_fen=100)
        )
    spent = world.brand.spend(brief_id=brief.id)
    assert sorted(item.amount_fen for item in spent) == [10_000, 19_350]
    world.brand.delete_spend(spent[0].id)
    assert len(world.brand.spend(brief_id=brief.id)) == 1
    # A brand member asking about one creator of the campaign gets that creator only.
    stranger = world.brand.stats_summary(brief_id=brief.id, account_id=uuid.uuid4())
    assert stranger.totals["impressions"] == 0


def test_whoever_paid_sees_the_spend(campaign) -> None:
    world, brief, note = campaign
    day = _at(_today() - timedelta(days=1))
    _send(world.creator, note.id, "impression", 1000, day)
    world.brand.record_spend(
        SpendCreate(
            brief_id=brief.id, note_id=note.id, kind="ad", day=day.date(), amount_fen=50_000
        )
    )
    world.creator.record_spend(
        SpendCreate(note_id=note.id, kind="boost", day=day.date(), amount_fen=300, memo="自费")
    )
    assert world.brand.campaign_stats(brief.id).totals["spend_fen"] == 50_000
    creator_view = world.creator.stats_summary(account_id=note.account_id)
    assert creator_view.totals["spend_fen"] == 300
    assert [item.amount_fen for item in world.creator.spend(note_id=note.id)] == [300]
    assert [item.amount_fen for item in world.brand.spend(brief_id=brief.id)] == [50_000]
    assert world.brand.spend(note_id=note.id)[0].amount_fen == 50_000


def test_a_platform_export_is_matched_previewed_and_imported_once(api, tmp_path) -> None:
    first = _published(api, tmp_path, "秋天的第一杯奶茶🍂")
    second = _published(api, tmp_path, "通勤穿搭")
    account_id = first.account_id
    rows = [
        ImportRowIn(
            row=3,
            title="秋天的第一杯奶茶",
            published_at=first.published_at,
            metrics={"impressions": 12000, "views": 900, "likes": 80},
        ),
        ImportRowIn(row=4, title="通勤 穿搭", metrics={"impressions": 500, "views": 40}),
        ImportRowIn(row=5, title="别人的笔记", metrics={"views": 7}),
    ]
    request = ImportRequest(account_id=account_id, filename="笔记数据.xlsx", rows=rows)
    preview = api.preview_stat_import(request)
    assert [(row.note_id, row.matched_by) for row in preview.rows] == [
        (first.id, "title_date"),
        (second.id, "title"),
        (None, None),
    ]
    assert {note.id for note in preview.notes} == {first.id, second.id}
    chosen = request.model_copy(update={"assignments": {4: None, 5: second.id}})
    done, replayed = api.import_stats(chosen, idempotency_key=str(uuid.uuid4()))
    assert (done.matched, done.unmatched, replayed) == (2, 1, False)
    assert done.report["added"]["views"] == 907
    totals = api.stats_summary(account_id=account_id).totals
    assert (totals["impressions"], totals["views"], totals["likes"]) == (12000, 907, 80)
    again, _ = api.import_stats(chosen, idempotency_key=str(uuid.uuid4()))
    assert again.matched == 2 and again.report["added"]["views"] == 0
    assert api.stats_summary(account_id=account_id).totals["views"] == 907, "nothing twice"
    grown = chosen.model_copy(
        update={"rows": [rows[0].model_copy(update={"metrics": {"views": 1000}}), *rows[1:]]}
    )
    api.import_stats(grown, idempotency_key=str(uuid.uuid4()))
    assert api.stats_summary(account_id=account_id).totals["views"] == 1007
    assert [item.filename for item in api.stat_imports(account_id)] == ["笔记数据.xlsx"] * 3
    with pytest.raises(ClientError) as refused:
        api.preview_stat_import(request.model_copy(update={"assignments": {3: uuid.uuid4()}}))
    assert refused.value.code == "stat_import.unknown_note"
    for bad in ("NaN", "Infinity", "-500", "1e30"):
        body = request.model_dump_json().replace('"views":900.0', f'"views":{bad}')
        assert bad in body
        answer = requests.post(
            f"{api.base_url}/api/v1/stats/imports",
            data=body,
            headers={"Authorization": f"Bearer {api.transport.token}"},
            timeout=30,
        )
        assert answer.status_code == 422, bad
