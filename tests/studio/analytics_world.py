"""A creator's data center on a running studio's backend, for the Analytics page's tests (and
screenshots of it): two accounts with published notes and topics, reader events over the last
60 days in an evening-heavy hourly pattern — one note watched as a video, one selling, one
account fading this month — and a boost's spend. It keeps what it sent, so a test adds up the
counters of any period itself."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from publisher.client import StudioClient
from publisher.domain.periods import platform_today
from publisher.domain.timezones import DEFAULT_TIMEZONE, zone
from publisher.schemas import AccountPublic, NotePublic
from publisher.stats_schemas import MAX_EVENTS_PER_CALL, EventIn, SpendCreate
from tests.media_samples import write_image

DAYS = 60
HOURS = (21, 20, 21, 12, 22, 19, 21, 8, 13, 21, 20, 9)
"""The hour (Beijing time) of a day's k-th event of a kind: evenings first, a lunch peak."""
BOOST_FEN = 5_000
ORDER_FEN = 9_900
NOTES = (
    # title, account (0: the studio's own, 1: the second), topics
    ("春日通勤妆｜5分钟搞定", 0, ("护肤", "好物分享")),
    ("上海周末citywalk路线", 0, ("周末去哪儿", "vlog")),
    ("平价护肤好物合集", 0, ("护肤",)),
    ("露营装备清单", 1, ("户外",)),
)
SELLING, WATCHED, FADING = 0, 1, 3
"""The note with a product (clicks, orders), the one watched as a video, the fading one."""


@dataclass
class World:
    accounts: list[AccountPublic]
    notes: list[NotePublic]
    today: date
    counts: dict[tuple[uuid.UUID, date], Counter[str]] = field(default_factory=dict)
    """Counters sent per note and day."""
    spend_day: date | None = None

    def totals(
        self, start: date, end: date, *, account_id: uuid.UUID | None = None
    ) -> Counter[str]:
        """The counters of the period, for one account or all."""
        owners = {note.id: note.account_id for note in self.notes}
        total: Counter[str] = Counter()
        for (note_id, day), counts in self.counts.items():
            if start <= day <= end and account_id in (None, owners[note_id]):
                total.update(counts)
        return total

    def note_totals(self, note_id: uuid.UUID, start: date, end: date) -> Counter[str]:
        total: Counter[str] = Counter()
        for (owner, day), counts in self.counts.items():
            if owner == note_id and start <= day <= end:
                total.update(counts)
        return total


def day_counts(index: int, days_ago: int) -> Counter[str]:
    """What note `index` gets on the day `days_ago` days before today."""
    impressions = 40 + 12 * index + (days_ago % 7) * 4
    if index == FADING and days_ago <= 30:
        impressions //= 3
    views = impressions // 4
    counts = Counter(
        impressions=impressions,
        views=views,
        likes=views // 5,
        collects=views // 8,
        comments=int(days_ago % 3 == 0),
        shares=int(days_ago % 5 == 0),
        follows=int(days_ago % 4 == 0),
    )
    if index == SELLING:
        counts.update(product_clicks=3)
        if days_ago % 6 == 0:
            counts.update(orders=1, gmv_fen=ORDER_FEN)
    if index == WATCHED:
        counts.update(video_views=views, watch_seconds=30 * views, completions=views // 3)
    return +counts


def _events(note_id: uuid.UUID, day: date, counts: Counter[str]) -> list[EventIn]:
    tz = zone(DEFAULT_TIMEZONE)
    events: list[EventIn] = []

    def at(position: int) -> datetime:
        hour = HOURS[position % len(HOURS)]
        return datetime.combine(day, time(hour, position % 60), tz)

    simple = {
        "impression": "impressions",
        "like": "likes",
        "collect": "collects",
        "comment": "comments",
        "share": "shares",
        "follow": "follows",
        "product_click": "product_clicks",
    }
    for kind, counter in simple.items():
        for position in range(counts[counter]):
            events.append(EventIn(id=uuid.uuid4().hex, note_id=note_id, kind=kind, ts=at(position)))
    for position in range(counts["views"]):
        watched = position < counts["video_views"]
        events.append(
            EventIn(
                id=uuid.uuid4().hex,
                note_id=note_id,
                kind="view",
                ts=at(position),
                value=30 if watched else None,
                completed=(position < counts["completions"]) if watched else None,
            )
        )
    for position in range(counts["orders"]):
        events.append(
            EventIn(
                id=uuid.uuid4().hex, note_id=note_id, kind="order", ts=at(position), value=ORDER_FEN
            )
        )
    return events


def _publish(
    client: StudioClient, account: AccountPublic, sha: str, title: str, topics
) -> NotePublic:
    topic_ids = [client.create_topic(name).id for name in topics]
    note, _ = client.create_note(
        account_id=account.id, title=title, body="正文", media=[{"sha256": sha}], topics=topic_ids
    )
    published, _ = client.publish_note(note.id, version=note.version)
    return published


def seed(client: StudioClient, folder: Path, *, days: int = DAYS) -> World:
    """Publish the notes, send their events for the last `days` days (today left empty, so
    no event is ever in the future) and a boost three days ago."""
    own = client.list_accounts()[0]
    own, _ = client.update_account(own.id, version=own.version, followers=12_800)
    second = client.create_account(nickname="周末去露营", followers=5_300)
    accounts = [own, second]
    sha = client.upload_media(write_image(folder / f"{uuid.uuid4().hex}.jpg")).sha256
    notes = [
        _publish(client, accounts[account], sha, title, topics) for title, account, topics in NOTES
    ]
    world = World(accounts, notes, platform_today())
    events: list[EventIn] = []
    for index, note in enumerate(notes):
        for days_ago in range(1, days + 1):
            day = world.today - timedelta(days=days_ago)
            counts = day_counts(index, days_ago)
            world.counts[(note.id, day)] = counts
            events.extend(_events(note.id, day, counts))
    for start in range(0, len(events), MAX_EVENTS_PER_CALL):
        receipt = client.send_events(events[start : start + MAX_EVENTS_PER_CALL])
        assert not receipt.rejected, receipt.rejected[:3]
    world.spend_day = world.today - timedelta(days=3)
    client.record_spend(
        SpendCreate(
            note_id=notes[SELLING].id, kind="boost", day=world.spend_day, amount_fen=BOOST_FEN
        )
    )
    return world
