"""The roster: every account the caller sees, a row each, with what an MCN plans a week by —
followers, posts this week, the next scheduled note, drafts, collaborations waiting on the
brand or on the creator, and the last 7 days' figures.

A page of accounts is answered in a fixed number of queries (one per kind of figure, each
grouped by account), however many accounts the page holds: an MCN's roster of dozens of
accounts must not cost a query per account.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from publisher.db.models import (
    Account,
    AccountDailyStats,
    AccountGrant,
    Collaboration,
    Note,
    Organization,
    User,
)
from publisher.domain.metrics import INTERACTION_COUNTERS
from publisher.domain.roster import (
    AWAITING_BRAND,
    AWAITING_CREATOR,
    RECENT_DAYS,
    recent_start,
    week_start,
)
from publisher.domain.timezones import zone
from publisher.roster_schemas import RosterFigures, RosterNote, RosterRow
from publisher.services.access import member_org_ids, visible_account_ids


@dataclass(frozen=True)
class _Via:
    organization_id: uuid.UUID
    name: str
    kind: str
    managed: bool


def roster(
    session: Session, user: User, *, now: datetime, offset: int, limit: int
) -> tuple[list[RosterRow], int]:
    """A page of the caller's accounts (in the order they were added) with their figures."""
    visible = Account.id.in_(visible_account_ids(user))
    total = session.scalar(select(func.count()).select_from(Account).where(visible)) or 0
    direct = Account.organization_id.in_(member_org_ids(user))
    rows = session.execute(
        select(Account, Organization.name, Organization.kind, direct)
        .join(Organization, Organization.id == Account.organization_id)
        .where(visible)
        .order_by(Account.created_at, Account.id)
        .offset(offset)
        .limit(limit)
    ).all()
    accounts = [row[0] for row in rows]
    ids = [account.id for account in accounts]
    if not ids:
        return [], total
    via = {
        account.id: _Via(account.organization_id, name, kind, managed=False)
        for account, name, kind, is_direct in rows
        if is_direct
    }
    for account_id, found in _grants(session, user, ids).items():
        via.setdefault(account_id, found)
    weeks = {account.id: week_start(now, account.timezone) for account in accounts}
    published = _published_since(session, ids, min([*weeks.values(), recent_start(now)]), now)
    drafts = _drafts(session, ids)
    upcoming = _next_scheduled(session, ids)
    brand, creator = _awaiting(session, ids)
    readers = _reader_figures(session, accounts, now)
    recent = recent_start(now)
    return [
        RosterRow(
            account_id=account.id,
            nickname=account.nickname,
            timezone=account.timezone,
            followers=account.followers,
            category=account.category,
            region=account.region,
            organization_id=via[account.id].organization_id,
            organization_name=via[account.id].name,
            organization_kind=via[account.id].kind,
            managed=via[account.id].managed,
            posts_this_week=sum(1 for at in published[account.id] if at >= weeks[account.id]),
            next_scheduled=upcoming.get(account.id),
            drafts=drafts[account.id],
            awaiting_brand=brand[account.id],
            awaiting_creator=creator[account.id],
            last_7_days=RosterFigures(
                published=sum(1 for at in published[account.id] if at >= recent),
                **readers.get(account.id, {}),
            ),
        )
        for account in accounts
    ], total


def _grants(session: Session, user: User, ids: list[uuid.UUID]) -> dict[uuid.UUID, _Via]:
    """For accounts seen through a grant: the caller's organization managing each (the
    oldest, when several of theirs do)."""
    rows = session.execute(
        select(AccountGrant.account_id, Organization.id, Organization.name, Organization.kind)
        .join(Organization, Organization.id == AccountGrant.organization_id)
        .where(
            AccountGrant.account_id.in_(ids),
            AccountGrant.revoked_at.is_(None),
            AccountGrant.organization_id.in_(member_org_ids(user)),
        )
        .order_by(Organization.created_at, Organization.id)
    ).all()
    found: dict[uuid.UUID, _Via] = {}
    for account_id, org_id, name, kind in rows:
        found.setdefault(account_id, _Via(org_id, name, kind, managed=True))
    return found


def _published_since(
    session: Session, ids: list[uuid.UUID], since: datetime, now: datetime
) -> defaultdict[uuid.UUID, list[datetime]]:
    """When each account's notes went out between `since` and `now`: few rows (a week's
    posts), counted per account against its own week in Python, since weeks start at
    different instants in different time zones."""
    times: defaultdict[uuid.UUID, list[datetime]] = defaultdict(list)
    for account_id, at in session.execute(
        select(Note.account_id, Note.published_at).where(
            Note.account_id.in_(ids), Note.published_at >= since, Note.published_at <= now
        )
    ):
        if at is not None:  # the WHERE excludes NULL; the type does not know it
            times[account_id].append(at)
    return times


def _reader_figures(
    session: Session, accounts: list[Account], now: datetime
) -> dict[uuid.UUID, dict[str, int]]:
    """Views, interactions and follows over each account's last 7 days (its own calendar),
    from the daily rollups: one query for the page, days filtered per account here."""
    starts = {
        account.id: now.astimezone(zone(account.timezone)).date() - timedelta(days=RECENT_DAYS - 1)
        for account in accounts
    }
    interactions = sum(getattr(AccountDailyStats, name) for name in INTERACTION_COUNTERS)
    figures: dict[uuid.UUID, dict[str, int]] = {}
    rows: Any = session.execute(
        select(
            AccountDailyStats.account_id,
            AccountDailyStats.day,
            func.sum(AccountDailyStats.views),
            func.sum(interactions),
            func.sum(AccountDailyStats.follows),
        )
        .where(
            AccountDailyStats.account_id.in_(list(starts)),
            AccountDailyStats.day >= min(starts.values()),
        )
        .group_by(AccountDailyStats.account_id, AccountDailyStats.day)
    )
    for account_id, day, views, interacted, follows in rows:
        if day < starts[account_id]:
            continue
        sums = figures.setdefault(account_id, {"views": 0, "interactions": 0, "follows": 0})
        sums["views"] += int(views)
        sums["interactions"] += int(interacted)
        sums["follows"] += int(follows)
    return figures


def _drafts(session: Session, ids: list[uuid.UUID]) -> Counter[uuid.UUID]:
    rows = session.execute(
        select(Note.account_id, func.count())
        .where(Note.account_id.in_(ids), Note.status == "draft")
        .group_by(Note.account_id)
    )
    return Counter({account_id: count for account_id, count in rows})


def _next_scheduled(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, RosterNote]:
    """Each account's earliest scheduled note, picked in one query by a window function."""
    rank = (
        func.row_number()
        .over(partition_by=Note.account_id, order_by=(Note.scheduled_at, Note.id))
        .label("rank")
    )
    ranked = (
        select(Note.account_id, Note.id, Note.title, Note.scheduled_at, rank)
        .where(Note.account_id.in_(ids), Note.status == "scheduled", Note.scheduled_at.is_not(None))
        .subquery()
    )
    rows = session.execute(
        select(ranked.c.account_id, ranked.c.id, ranked.c.title, ranked.c.scheduled_at).where(
            ranked.c.rank == 1
        )
    )
    return {
        row.account_id: RosterNote(id=row.id, title=row.title, at=row.scheduled_at) for row in rows
    }


def _awaiting(
    session: Session, ids: list[uuid.UUID]
) -> tuple[Counter[uuid.UUID], Counter[uuid.UUID]]:
    """Per account: collaborations waiting for the brand's review, and those waiting on the
    creator."""
    brand: Counter[uuid.UUID] = Counter()
    creator: Counter[uuid.UUID] = Counter()
    states = [state.value for state in AWAITING_BRAND | AWAITING_CREATOR]
    for account_id, state, count in session.execute(
        select(Collaboration.account_id, Collaboration.state, func.count())
        .where(Collaboration.account_id.in_(ids), Collaboration.state.in_(states))
        .group_by(Collaboration.account_id, Collaboration.state)
    ):
        (brand if state in AWAITING_BRAND else creator)[account_id] += count
    return brand, creator
