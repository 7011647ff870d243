"""Spacing a batch of notes across accounts: every rule holds for every slot, as many notes fit
as the period can hold (checked against a minute-by-minute reference), the rest are named,
notes spread evenly, accounts interleave, and each account keeps its own wall clock."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from publisher.domain.rules import load_rules
from publisher.domain.spacing import (
    SCHEDULE_MARGIN,
    Occupied,
    Period,
    PlannedNote,
    SpacingError,
    SpacingPlan,
    SpacingRules,
    bookable_period,
    note_offset,
    plan_slots,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 11, 2, tzinfo=SHANGHAI)
WEEK = Period(MONDAY, MONDAY + timedelta(days=7))


def notes_of(account: str, count: int, timezone: str = "Asia/Shanghai") -> list[PlannedNote]:
    return [PlannedNote(f"{account}-{index}", account, timezone) for index in range(count)]


def local(plan: SpacingPlan, account: str, timezone: str = "Asia/Shanghai") -> list[datetime]:
    return [s.at.astimezone(ZoneInfo(timezone)) for s in plan.slots if s.account_id == account]


def assert_rules_hold(
    plan: SpacingPlan,
    period: Period,
    rules: SpacingRules,
    timezones: dict[str, str],
    occupied: list[Occupied] = (),  # type: ignore[assignment]
) -> None:
    """Every slot inside the period, on a whole minute, inside the account's hours, far enough
    from every other post of the account, and no day over its count."""
    gap = timedelta(minutes=max(1, rules.min_gap_minutes))
    for account, timezone in timezones.items():
        tz = ZoneInfo(timezone)
        mine = sorted(s.at for s in plan.slots if s.account_id == account)
        theirs = [post.at for post in occupied if post.account_id == account]
        for at in mine:
            assert period.start <= at < period.end
            assert at.tzinfo is UTC and at.second == 0 and at.microsecond == 0
            assert rules.window_start <= at.astimezone(tz).time() < rules.window_end
            assert all(abs(at - other) >= gap for other in theirs)
        assert all(later - earlier >= gap for earlier, later in zip(mine, mine[1:], strict=False))
        days = Counter(at.astimezone(tz).date() for at in [*mine, *theirs])
        assert all(days[at.astimezone(tz).date()] <= rules.max_per_day for at in mine)


def reference_capacity(
    period: Period, rules: SpacingRules, timezone: str, occupied: list[datetime]
) -> int:
    """How many posts fit, found the slow way: every minute of the period in turn, taken when
    the rules allow (earliest-first packing, which places the most)."""
    tz = ZoneInfo(timezone)
    gap = timedelta(minutes=max(1, rules.min_gap_minutes))
    taken = list(occupied)
    days = Counter(at.astimezone(tz).date() for at in taken)
    count = 0
    at = period.start.astimezone(UTC).replace(second=0, microsecond=0)
    if at < period.start:
        at += timedelta(minutes=1)
    while at < period.end:
        wall = at.astimezone(tz)
        if (
            rules.window_start <= wall.time() < rules.window_end
            and days[wall.date()] < rules.max_per_day
            and all(abs(at - other) >= gap for other in taken)
        ):
            taken.append(at)
            days[wall.date()] += 1
            count += 1
        at += timedelta(minutes=1)
    return count


def test_a_week_of_one_account_follows_every_default_rule() -> None:
    rules = SpacingRules()
    plan = plan_slots(notes_of("a", 14), WEEK, rules)
    assert not plan.unplaced
    assert len(plan.slots) == 14
    assert_rules_hold(plan, WEEK, rules, {"a": "Asia/Shanghai"})
    assert Counter(at.date() for at in local(plan, "a")) == {
        (MONDAY + timedelta(days=day)).date(): 2 for day in range(7)
    }


def test_the_notes_take_their_times_in_the_order_given() -> None:
    notes = notes_of("a", 5)
    plan = plan_slots(notes, WEEK)
    assert [slot.note_id for slot in plan.slots] == [note.note_id for note in notes]


def test_notes_spread_evenly_over_the_period_not_bunched_at_its_start() -> None:
    plan = plan_slots(notes_of("a", 7), WEEK)
    assert [at.date() for at in local(plan, "a")] == [
        (MONDAY + timedelta(days=day)).date() for day in range(7)
    ]
    three = plan_slots(notes_of("a", 3), WEEK)
    first, second, third = (at for at in local(three, "a"))
    # A third of the week apart, give or take the posting hours.
    assert timedelta(days=2) <= second - first <= timedelta(days=3)
    assert timedelta(days=2) <= third - second <= timedelta(days=3)


def test_no_time_is_round_and_each_note_keeps_its_own_offset() -> None:
    notes = notes_of("a", 14)
    plan = plan_slots(notes, WEEK)
    assert all(at.minute % 5 for at in local(plan, "a"))
    assert plan == plan_slots(notes, WEEK), "the same batch plans the same way every time"
    offsets = [note_offset(note.note_id, SpacingRules()) for note in notes]
    assert set(offsets) <= {1, 2, 3, 4, 6, 7, 8, 9} and len(set(offsets)) > 1
    straight = plan_slots(notes, WEEK, SpacingRules(max_offset_minutes=0))
    assert not all(at.minute % 5 for at in local(straight, "a")), "round without offsets"


def test_a_time_pushed_to_the_start_of_the_hours_or_past_a_post_is_not_round_either() -> None:
    rules = SpacingRules(max_per_day=4)
    busy = [Occupied("a", datetime(2026, 11, 2, 10, 0, tzinfo=SHANGHAI))]
    day = Period(MONDAY, MONDAY + timedelta(days=1))
    plan = plan_slots(notes_of("a", 3), day, rules, busy)
    assert_rules_hold(plan, day, rules, {"a": "Asia/Shanghai"}, busy)
    assert all(at.minute % 5 for at in local(plan, "a"))


def test_more_notes_than_the_period_holds_names_the_last_ones_and_crams_nothing() -> None:
    rules = SpacingRules()
    notes = notes_of("a", 17)
    plan = plan_slots(notes, WEEK, rules)
    assert len(plan.slots) == 14
    assert plan.unplaced == tuple(notes[14:])
    assert_rules_hold(plan, WEEK, rules, {"a": "Asia/Shanghai"})


def test_as_many_fit_as_packing_allows_even_when_the_day_is_tight() -> None:
    # 14 posting hours at 4 hours apart hold 4 posts (08, 12, 16, 20 and a little later).
    rules = SpacingRules(max_per_day=6)
    day = Period(MONDAY, MONDAY + timedelta(days=1))
    plan = plan_slots(notes_of("a", 5), day, rules)
    assert len(plan.slots) == 4 == reference_capacity(day, rules, "Asia/Shanghai", [])
    assert [note.note_id for note in plan.unplaced] == ["a-4"]
    assert_rules_hold(plan, day, rules, {"a": "Asia/Shanghai"})


def test_posts_the_account_already_has_occupy_their_slots_and_their_day() -> None:
    rules = SpacingRules()
    tuesday = MONDAY + timedelta(days=1)
    busy = [
        Occupied("a", tuesday.replace(hour=9, minute=30)),
        Occupied("a", tuesday.replace(hour=19, minute=0)),
        Occupied("a", MONDAY.replace(hour=23, minute=30)),  # outside the hours: still a post
        Occupied("b", MONDAY.replace(hour=12)),  # another account's: no matter
    ]
    notes = notes_of("a", 12)
    plan = plan_slots(notes, WEEK, rules, busy)
    assert_rules_hold(plan, WEEK, rules, {"a": "Asia/Shanghai"}, busy)
    days = Counter(at.date() for at in local(plan, "a"))
    assert tuesday.date() not in days
    assert days[MONDAY.date()] == 1
    # Monday has room for one, Tuesday for none, the other five days for two each.
    assert len(plan.slots) == 11
    assert plan.unplaced == (notes[11],)


def test_accounts_interleave_instead_of_posting_all_at_once() -> None:
    accounts = [f"acct{index:02d}" for index in range(20)]
    notes = [note for account in accounts for note in notes_of(account, 7)]
    rules = SpacingRules()
    plan = plan_slots(notes, WEEK, rules)
    assert not plan.unplaced
    assert_rules_hold(plan, WEEK, rules, dict.fromkeys(accounts, "Asia/Shanghai"))
    firsts = [local(plan, account)[0] for account in accounts]
    assert len({at.replace(minute=0) for at in firsts}) >= 10, "first posts spread over hours"
    monday = [slot.account_id for slot in plan.slots if slot.at.astimezone(SHANGHAI).day == 2]
    assert len(monday) == 20
    assert sorted(monday) == sorted(accounts), "each account posts once on Monday"


def test_each_account_posts_in_its_own_hours() -> None:
    rules = SpacingRules()
    notes = notes_of("tokyo", 7, "Asia/Tokyo") + notes_of("paris", 14, "Europe/Paris")
    plan = plan_slots(notes, WEEK, rules)
    assert not plan.unplaced
    assert_rules_hold(plan, WEEK, rules, {"tokyo": "Asia/Tokyo", "paris": "Europe/Paris"})
    paris = local(plan, "paris", "Europe/Paris")
    assert all(time(8) <= at.time() < time(22) for at in paris)
    # Paris hours are 15:00 to 05:00 in Shanghai: a plan in Shanghai hours would not hold them.
    assert any(not time(8) <= at.astimezone(SHANGHAI).time() < time(22) for at in paris)


def test_the_period_bounds_the_plan() -> None:
    start = datetime(2026, 11, 2, 15, 20, 30, tzinfo=SHANGHAI)
    period = Period(start, start + timedelta(days=2))
    plan = plan_slots(notes_of("a", 4), period)
    assert all(period.start <= slot.at < period.end for slot in plan.slots)
    empty = plan_slots(notes_of("a", 2), Period(start, start))
    assert empty.slots == () and len(empty.unplaced) == 2


def test_random_batches_fit_the_rules_and_place_as_many_as_the_reference() -> None:
    generator = random.Random(20261102)
    zones = ["Asia/Shanghai", "Asia/Tokyo", "Asia/Kolkata"]
    for _round in range(40):
        rules = SpacingRules(
            min_gap_minutes=generator.choice([0, 30, 90, 240, 600]),
            max_per_day=generator.randint(1, 4),
            window_start=time(generator.randint(0, 10), generator.choice([0, 30])),
            window_end=time(generator.randint(12, 23), generator.choice([0, 45])),
            max_offset_minutes=generator.choice([0, 9]),
        )
        start = MONDAY + timedelta(minutes=generator.randint(0, 24 * 60))
        period = Period(start, start + timedelta(hours=generator.randint(6, 60)))
        timezones = {f"acct{index}": generator.choice(zones) for index in range(3)}
        occupied = [
            Occupied(account, start + timedelta(minutes=generator.randint(-600, 3600)))
            for account in timezones
            for _ in range(generator.randint(0, 3))
        ]
        notes = [
            note
            for account, timezone in timezones.items()
            for note in notes_of(account, generator.randint(0, 8), timezone)
        ]
        plan = plan_slots(notes, period, rules, occupied)
        assert_rules_hold(plan, period, rules, timezones, occupied)
        for account, timezone in timezones.items():
            wanted = sum(1 for note in notes if note.account_id == account)
            capacity = reference_capacity(
                period, rules, timezone, [o.at for o in occupied if o.account_id == account]
            )
            assert len(local(plan, account)) == min(wanted, capacity), (rules, period, account)


@pytest.mark.parametrize(
    ("rules", "code"),
    [
        ({"window_start": time(22), "window_end": time(8)}, "spacing.window_empty"),
        ({"window_start": time(9), "window_end": time(9)}, "spacing.window_empty"),
        ({"max_per_day": 0}, "spacing.max_per_day"),
        ({"min_gap_minutes": -5}, "spacing.negative"),
    ],
)
def test_rules_that_cannot_plan_anything_are_refused(rules: dict, code: str) -> None:
    with pytest.raises(SpacingError) as refused:
        SpacingRules(**rules)
    assert refused.value.code == code


def test_a_period_of_naive_times_is_refused() -> None:
    with pytest.raises(SpacingError):
        Period(datetime(2026, 11, 2), datetime(2026, 11, 3))


def test_the_bookable_period_is_the_platforms_schedule_window() -> None:
    rules = load_rules()
    now = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    asked = Period(now - timedelta(days=1), now + timedelta(days=30))
    bookable = bookable_period(asked, rules, now)
    assert bookable.start == now + timedelta(hours=1) + SCHEDULE_MARGIN
    assert bookable.end == now + timedelta(days=14)
    inside = Period(now + timedelta(days=2), now + timedelta(days=3))
    assert bookable_period(inside, rules, now) == inside
