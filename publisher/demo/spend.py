"""What the demo world spent: boosts (薯条) on notes that took off, the brand's ads (聚光) over
each campaign, and the fee of every published collaboration — so ROI, CPE and CPM have
something to divide by.

Rows are written directly: the spend service checks a signed-in caller's rights one record at
a time, and the demo's people may do all of this anyway.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
from sqlalchemy.orm import Session

from publisher.db.models import SpendRecord
from publisher.demo.notes import Seeded
from publisher.demo.world import World
from publisher.domain.timezones import zone


def _day(moment: datetime) -> date:
    """The day on platform time, as the demo's accounts count their days."""
    return moment.astimezone(zone(None)).date()


def _yuan(rng: np.random.Generator, low: int, high: int) -> int:
    """A round amount between `low` and `high` yuan, in fen."""
    return int(rng.integers(low // 10, high // 10 + 1)) * 1_000


def seed_spend(
    session: Session, world: World, seeded: Seeded, rng: np.random.Generator, now: datetime
) -> int:
    """Write the spend rows (committed); returns the total in fen."""
    today = _day(now)
    rows: list[SpendRecord] = []
    for note in seeded.boosted:
        assert note.published_at is not None
        for offset in range(int(rng.integers(1, 4))):
            rows.append(
                SpendRecord(
                    note_id=note.id,
                    kind="boost",
                    day=min(today, _day(note.published_at) + timedelta(days=offset)),
                    amount_fen=_yuan(rng, 30, 200),
                    memo="薯条加热",
                    created_by=note.created_by,
                )
            )
    brand = world.brand_user.id
    for brief in world.briefs:
        assert brief.publish_from is not None and brief.publish_until is not None
        day, last = _day(brief.publish_from), min(today, _day(brief.publish_until))
        while day <= last:
            amount = _yuan(rng, 100, 400)
            rows.append(
                SpendRecord(
                    brief_id=brief.id,
                    kind="ad",
                    day=day,
                    amount_fen=amount,
                    memo="聚光投放",
                    created_by=brand,
                )
            )
            day += timedelta(days=int(rng.integers(3, 6)))
    for collab in seeded.collaborations:
        assert collab.published_at is not None and collab.quote_fen is not None
        rows.append(
            SpendRecord(
                brief_id=collab.brief_id,
                note_id=collab.note_id,
                kind="fee",
                day=_day(collab.published_at),
                amount_fen=collab.quote_fen,
                memo="达人合作费",
                created_by=brand,
            )
        )
    session.add_all(rows)
    session.commit()
    return sum(row.amount_fen for row in rows)
