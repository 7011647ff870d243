"""The data center's answers, read from the daily rollups — never from the raw events, so each
answers in milliseconds however many millions of events there are.

A **scope** is what a question is about: all accounts the caller sees, one account, or one
brief's campaign. A brief's campaign is open to its brand's members (every collaboration) and
to the creators in it (their own collaborations only). Periods are inclusive days on the
accounts' own clocks, as the rollups count them; every answer comes with the previous period
of the same length where comparing makes sense.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from publisher.db.models import (
    Account,
    AccountDailyStats,
    AccountHourlyActivity,
    Brief,
    BriefDailyStats,
    Collaboration,
    Note,
    NoteDailyStats,
    NoteMedia,
    NoteTopic,
    Organization,
    SpendRecord,
    Topic,
    User,
)
from publisher.domain.metrics import COUNTERS, COUNTING_VERSION, METRICS, change, figures
from publisher.domain.periods import MAX_PERIOD_DAYS, Period
from publisher.domain.timezones import DEFAULT_TIMEZONE, zone
from publisher.services.access import get_account, visible_account_ids
from publisher.services.briefs import get_brief, is_brand_member
from publisher.services.errors import Invalid, NotFound
from publisher.stats_schemas import (
    AccountStatsRow,
    BestTimes,
    CampaignRow,
    CampaignStats,
    DayTotals,
    FollowerPoint,
    FunnelStage,
    MetricDefinition,
    NoteStatsRow,
    StatsSummary,
    TopicStatsRow,
)

SLIPPING_DROP = 0.2
"""A key figure 20 % below the previous period marks an account as slipping…"""
SLIPPING_MIN_VIEWS = 100
"""…when the previous period had enough views for the drop to mean something."""
SLIPPING_FIGURES = ("views", "interactions", "engagement_rate", "follows")
FUNNEL = ("impressions", "views", "interactions", "product_clicks", "orders", "gmv")
SORTABLE = frozenset(METRICS) | {"published_at", "title"}
_NOTHING: dict[str, int] = dict.fromkeys(COUNTERS, 0)
"""The counters of a note, account or day without a rollup row; read, never changed."""


def period(start: date, end: date) -> Period:
    """Raises: Invalid `stats.bad_period` ({max_days}) when `Period.valid` says no."""
    span = Period(start, end)
    if not span.valid:
        raise Invalid("stats.bad_period", {"max_days": MAX_PERIOD_DAYS})
    return span


@dataclass(frozen=True)
class Scope:
    """The notes and accounts a question covers, already checked against the caller."""

    accounts: Select[Any]
    brief: Brief | None = None
    brand: bool = False
    """The caller is the brief's brand (its money, its spend records)."""
    whole_brief: bool = False
    """The brand asks about its whole campaign: the campaign's own rollup holds every figure."""

    def notes(self) -> Select[Any]:
        """Ids of the notes in scope."""
        query: Select[Any] = select(Note.id).where(Note.account_id.in_(self.accounts))
        if self.brief is not None:
            query = select(Collaboration.note_id).where(
                Collaboration.brief_id == self.brief.id,
                Collaboration.note_id.is_not(None),
                Collaboration.account_id.in_(self.accounts),
            )
        return query

    def spend(self) -> ColumnElement[bool]:
        """The spend records whose money is counted here: who paid is who sees it. A brand's
        records on its brief (on the brief itself or on one of its notes) count in its
        campaign and nowhere else; a creator's or an MCN's own boosts (no brief) count on
        their notes, also in their part of a campaign."""
        if self.brief is not None and self.brand:
            paid = SpendRecord.brief_id == self.brief.id
            return paid if self.whole_brief else paid & SpendRecord.note_id.in_(self.notes())
        return SpendRecord.brief_id.is_(None) & SpendRecord.note_id.in_(self.notes())


def scope(
    session: Session,
    user: User,
    *,
    account_id: uuid.UUID | None = None,
    brief_id: uuid.UUID | None = None,
) -> Scope:
    """What the caller asks about, or NotFound when they may not see it."""
    if brief_id is not None:
        brief = get_brief(session, user, brief_id)
        if is_brand_member(session, user, brief):
            every = select(Collaboration.account_id).where(Collaboration.brief_id == brief.id)
            narrowed = _narrowed(every, account_id)
            return Scope(narrowed, brief, brand=True, whole_brief=account_id is None)
        mine = select(Collaboration.account_id).where(
            Collaboration.brief_id == brief.id,
            Collaboration.account_id.in_(visible_account_ids(user)),
        )
        if session.scalar(mine.limit(1)) is None:
            raise NotFound("brief.not_found")
        return Scope(_narrowed(mine, account_id), brief)
    if account_id is not None:
        account = get_account(session, user, account_id)
        return Scope(select(Account.id).where(Account.id == account.id))
    return Scope(visible_account_ids(user))


def _narrowed(accounts: Select, account_id: uuid.UUID | None) -> Select:
    if account_id is None:
        return accounts
    return select(Account.id).where(Account.id == account_id, Account.id.in_(accounts))


def definitions() -> list[MetricDefinition]:
    return [
        MetricDefinition(
            key=metric.key,
            numerator=list(metric.numerator),
            denominator=list(metric.denominator),
            factor=metric.factor,
            kind=metric.kind,
            version=metric.version,
        )
        for metric in METRICS.values()
    ]


def _sums(table) -> list:
    return [func.coalesce(func.sum(getattr(table, name)), 0).label(name) for name in COUNTERS]


def _totals(row: Mapping | None) -> dict[str, int]:
    return {name: int(row[name]) if row else 0 for name in COUNTERS}


def _grouped(
    session: Session, table: Any, key: Any, where: ColumnElement[bool], span: Period
) -> dict[Any, dict[str, int]]:
    """Counter sums of a rollup table over the period, grouped by `key` (a day, a note, an
    account): the one query behind every figure."""
    rows = session.execute(
        select(key.label("key"), *_sums(table))
        .where(where, table.day.between(span.start, span.end))
        .group_by(key)
    ).mappings()
    return {row["key"]: _totals(row) for row in rows}


def _daily(session: Session, scope: Scope, span: Period) -> dict[date, dict[str, int]]:
    """Counter sums per day of the scope over the period."""
    if scope.brief is not None and scope.whole_brief:
        where = BriefDailyStats.brief_id == scope.brief.id
        return _grouped(session, BriefDailyStats, BriefDailyStats.day, where, span)
    if scope.brief is not None:
        where = NoteDailyStats.note_id.in_(scope.notes())
        return _grouped(session, NoteDailyStats, NoteDailyStats.day, where, span)
    where = AccountDailyStats.account_id.in_(scope.accounts)
    return _grouped(session, AccountDailyStats, AccountDailyStats.day, where, span)


def _add_up(days: Iterable[Mapping[str, int]]) -> dict[str, int]:
    total = dict.fromkeys(COUNTERS, 0)
    for counters in days:
        for name in COUNTERS:
            total[name] += counters[name]
    return total


def _spend(session: Session, scope: Scope, span: Period) -> int:
    """Money spent in the period that counts in this scope (`Scope.spend`)."""
    return int(
        session.scalar(
            select(func.coalesce(func.sum(SpendRecord.amount_fen), 0)).where(
                scope.spend(), SpendRecord.day.between(span.start, span.end)
            )
        )
        or 0
    )


def _with_spend(totals: Mapping[str, int], spend_fen: int) -> dict[str, int]:
    return {**totals, "spend_fen": spend_fen}


def _period_totals(
    session: Session, scope: Scope, span: Period
) -> tuple[dict[date, dict[str, int]], dict[str, int]]:
    """The scope's counters day by day, and added up with the period's spend."""
    daily = _daily(session, scope, span)
    return daily, _with_spend(_add_up(daily.values()), _spend(session, scope, span))


def summary(session: Session, scope: Scope, span: Period) -> StatsSummary:
    """KPI totals, their metrics and the daily series, beside the previous period's."""
    earlier = span.previous()
    daily, totals = _period_totals(session, scope, span)
    before, previous = _period_totals(session, scope, earlier)
    return StatsSummary(
        start=span.start,
        end=span.end,
        previous_start=earlier.start,
        previous_end=earlier.end,
        totals=totals,
        previous_totals=previous,
        figures=figures(totals),
        previous_figures=figures(previous),
        series=_series(daily, span),
        previous_series=_series(before, earlier),
        definitions=definitions(),
        counting_version=COUNTING_VERSION,
        notes_published=_published_count(session, scope, span),
    )


def _series(daily: Mapping[date, Mapping[str, int]], span: Period) -> list[DayTotals]:
    return [DayTotals(day=day, totals=dict(daily.get(day, _NOTHING))) for day in span.each_day()]


def _platform_bounds(span: Period) -> tuple[datetime, datetime]:
    """The period's instants in platform time, for filtering by when notes were published."""
    tz = zone(DEFAULT_TIMEZONE)
    start = datetime.combine(span.start, time(), tz).astimezone(UTC)
    end = datetime.combine(span.end + timedelta(days=1), time(), tz).astimezone(UTC)
    return start, end


def _published_count(session: Session, scope: Scope, span: Period) -> int:
    start, end = _platform_bounds(span)
    return (
        session.scalar(
            select(func.count()).where(
                Note.id.in_(scope.notes()),
                Note.status == "published",
                Note.published_at >= start,
                Note.published_at < end,
            )
        )
        or 0
    )


def _note_sums(session: Session, note_ids: Select, span: Period) -> dict[uuid.UUID, dict[str, int]]:
    where = NoteDailyStats.note_id.in_(note_ids)
    return _grouped(session, NoteDailyStats, NoteDailyStats.note_id, where, span)


def _note_spend(session: Session, scope: Scope, span: Period) -> dict[uuid.UUID, int]:
    """The scope's spend on each of its notes (brief-level spend has no note)."""
    rows = session.execute(
        select(SpendRecord.note_id, func.sum(SpendRecord.amount_fen))
        .where(scope.spend(), SpendRecord.day.between(span.start, span.end))
        .group_by(SpendRecord.note_id)
    ).all()
    return {note_id: int(amount) for note_id, amount in rows if note_id is not None}


def notes_table(
    session: Session,
    scope: Scope,
    span: Period,
    *,
    sort: str = "views",
    descending: bool = True,
    search: str = "",
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[NoteStatsRow], int]:
    """The scope's published notes with the period's figures, sorted by any figure.

    Notes without a single event in the period are listed too (with zeros): a note nobody
    saw is an answer to "which notes worked". Sorting happens over the whole scope (ratios
    cannot be sorted in SQL portably); only the page gets its sparkline and topics.
    """
    if sort not in SORTABLE:
        raise Invalid("stats.bad_sort", {"sort": sort})
    _, end = _platform_bounds(span)
    query = select(Note.id, Note.account_id, Note.title, Note.type, Note.published_at).where(
        Note.id.in_(scope.notes()), Note.status == "published", Note.published_at < end
    )
    if search.strip():
        query = query.where(Note.title.icontains(search.strip(), autoescape=True))
    notes = session.execute(query).all()
    sums = _note_sums(session, scope.notes(), span)
    spend = _note_spend(session, scope, span)
    rows = [
        (note, _with_spend(sums.get(note.id, _NOTHING), spend.get(note.id, 0))) for note in notes
    ]
    rows = _sorted(rows, sort, descending)
    page = rows[offset : offset + limit]
    ids = [note.id for note, _ in page]
    sparks = _sparks(session, NoteDailyStats, NoteDailyStats.note_id, ids, span)
    topics = _topics_of(session, ids)
    covers = _covers(session, ids)
    nicknames = _nicknames(session, {note.account_id for note, _ in page})
    items = [
        NoteStatsRow(
            note_id=note.id,
            account_id=note.account_id,
            account_nickname=nicknames.get(note.account_id, ""),
            title=note.title,
            type=note.type,
            published_at=note.published_at,
            cover_sha256=covers.get(note.id),
            topics=topics.get(note.id, []),
            totals=totals,
            figures=figures(totals),
            spark=sparks.get(note.id, [0] * span.days),
        )
        for note, totals in page
    ]
    return items, len(rows)


def _sorted(rows: list, sort: str, descending: bool) -> list:
    """Rows by the chosen figure, ties in a fixed order (the note's id), so pages of one list
    never repeat or skip a row; a figure with no value (nothing to divide by) comes last
    whichever way the list runs."""
    rows = sorted(rows, key=lambda row: str(row[0].id))
    if sort == "title":
        return sorted(rows, key=lambda row: row[0].title, reverse=descending)
    if sort == "published_at":
        floor = datetime.min.replace(tzinfo=UTC)
        return sorted(rows, key=lambda row: row[0].published_at or floor, reverse=descending)
    metric = METRICS[sort]
    valued = [(row, value) for row in rows if (value := metric.value(row[1])) is not None]
    valued.sort(key=lambda pair: pair[1], reverse=descending)
    return [row for row, _ in valued] + [row for row in rows if metric.value(row[1]) is None]


def _sparks(
    session: Session, table: Any, key: Any, ids: Sequence[uuid.UUID], span: Period
) -> dict[uuid.UUID, list[int]]:
    """Views per day over the period for each id (empty days are zero)."""
    if not ids:
        return {}
    index = {day: position for position, day in enumerate(span.each_day())}
    sparks: dict[uuid.UUID, list[int]] = {}
    rows: Any = session.execute(
        select(key, table.day, func.sum(table.views))
        .where(key.in_(ids), table.day.between(span.start, span.end))
        .group_by(key, table.day)
    )
    for owner, day, views in rows:
        sparks.setdefault(owner, [0] * span.days)[index[day]] = int(views)
    return sparks


def _topics_of(session: Session, note_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    topics: dict[uuid.UUID, list[str]] = defaultdict(list)
    rows = session.execute(
        select(NoteTopic.note_id, Topic.name)
        .join(Topic, Topic.id == NoteTopic.topic_id)
        .where(NoteTopic.note_id.in_(note_ids))
        .order_by(NoteTopic.note_id, NoteTopic.position)
    )
    for note_id, name in rows:
        topics[note_id].append(name)
    return topics


def _covers(session: Session, note_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    rows = session.execute(
        select(NoteMedia.note_id, func.coalesce(NoteMedia.rendered_sha256, NoteMedia.sha256)).where(
            NoteMedia.note_id.in_(note_ids), NoteMedia.position == 0
        )
    )
    return {note_id: sha256 for note_id, sha256 in rows}


def _nicknames(session: Session, account_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    rows = session.execute(
        select(Account.id, Account.nickname).where(Account.id.in_(list(account_ids)))
    )
    return {account_id: nickname for account_id, nickname in rows}


def topics_table(session: Session, scope: Scope, span: Period) -> list[TopicStatsRow]:
    """Each topic used by the scope's notes: how many notes, their figures added up.

    The notes' sums are read once and added up per topic here: joining topics to every
    note-day row in SQL made each row count three times over (a note has several topics)."""
    sums = _note_sums(session, scope.notes(), span)
    notes: dict[str, set[uuid.UUID]] = defaultdict(set)
    for note_id, name in session.execute(
        select(NoteTopic.note_id, Topic.name)
        .join(Topic, Topic.id == NoteTopic.topic_id)
        .where(NoteTopic.note_id.in_(scope.notes()))
    ):
        if note_id in sums:
            notes[name].add(note_id)
    result = []
    for name, members in notes.items():
        totals = _add_up(sums[note_id] for note_id in members)
        result.append(
            TopicStatsRow(topic=name, notes=len(members), totals=totals, figures=figures(totals))
        )
    result.sort(key=lambda row: row.totals["views"], reverse=True)
    return result


def best_times(session: Session, scope: Scope, *, today: date, days: int = 90) -> BestTimes:
    """Reader activity by weekday × hour over the last `days` days, and the best slots.

    Interactions decide the best slots (they are what posting at the right time buys); views
    break ties and stand in when there are no interactions yet."""
    start = today - timedelta(days=days - 1)
    views = [[0] * 24 for _ in range(7)]
    interactions = [[0] * 24 for _ in range(7)]
    rows = session.execute(
        select(
            AccountHourlyActivity.day,
            AccountHourlyActivity.hour,
            func.sum(AccountHourlyActivity.views),
            func.sum(AccountHourlyActivity.interactions),
        )
        .where(
            AccountHourlyActivity.account_id.in_(scope.accounts),
            AccountHourlyActivity.day.between(start, today),
        )
        .group_by(AccountHourlyActivity.day, AccountHourlyActivity.hour)
    )
    for day, hour, day_views, day_interactions in rows:
        views[day.weekday()][hour] += int(day_views)
        interactions[day.weekday()][hour] += int(day_interactions)
    slots = [(weekday, hour) for weekday in range(7) for hour in range(24)]
    ranked = sorted(
        (slot for slot in slots if views[slot[0]][slot[1]] or interactions[slot[0]][slot[1]]),
        key=lambda slot: (interactions[slot[0]][slot[1]], views[slot[0]][slot[1]]),
        reverse=True,
    )
    return BestTimes(days=days, views=views, interactions=interactions, best=ranked[:5])


def follower_growth(session: Session, scope: Scope, span: Period) -> list[FollowerPoint]:
    """Follows gained each day, and the follower count at each day's end — worked back from
    the followers the accounts record now (`Account.followers`, as the platform last showed
    them), so the line ends at that figure. Follows counted beyond what that figure holds
    would take the start below zero; the count stops at zero instead."""
    current = int(
        session.scalar(
            select(func.coalesce(func.sum(Account.followers), 0)).where(
                Account.id.in_(scope.accounts)
            )
        )
        or 0
    )
    gained = {
        day: int(follows)
        for day, follows in session.execute(
            select(AccountDailyStats.day, func.sum(AccountDailyStats.follows))
            .where(
                AccountDailyStats.account_id.in_(scope.accounts),
                AccountDailyStats.day >= span.start,
            )
            .group_by(AccountDailyStats.day)
        )
    }
    after_end = sum(count for day, count in gained.items() if day > span.end)
    followers = current - after_end
    points: list[FollowerPoint] = []
    for day in reversed(span.each_day()):
        count = max(followers, 0)
        points.append(FollowerPoint(day=day, gained=gained.get(day, 0), followers=count))
        followers -= gained.get(day, 0)
    points.reverse()
    return points


def accounts_table(session: Session, user: User, span: Period) -> list[AccountStatsRow]:
    """Every account the caller sees, this period beside the previous one, with what slipped."""
    earlier = span.previous()
    visible = visible_account_ids(user)
    accounts = session.execute(
        select(Account.id, Account.nickname, Account.followers, Organization.name)
        .join(Organization, Organization.id == Account.organization_id)
        .where(Account.id.in_(visible))
        .order_by(Account.created_at, Account.id)
    ).all()
    now_sums = _account_sums(session, visible, span)
    before_sums = _account_sums(session, visible, earlier)
    sparks = _sparks(
        session,
        AccountDailyStats,
        AccountDailyStats.account_id,
        [account.id for account in accounts],
        span,
    )
    rows = []
    for account in accounts:
        totals = now_sums.get(account.id, _NOTHING)
        previous = before_sums.get(account.id, _NOTHING)
        now_figures, before_figures = figures(totals), figures(previous)
        rows.append(
            AccountStatsRow(
                account_id=account.id,
                nickname=account.nickname,
                organization_name=account.name,
                followers=account.followers,
                totals=totals,
                previous_totals=previous,
                figures=now_figures,
                previous_figures=before_figures,
                spark=sparks.get(account.id, [0] * span.days),
                slipping=_slipping(now_figures, before_figures, previous["views"]),
            )
        )
    return rows


def _account_sums(session: Session, accounts: Select, span: Period) -> dict:
    where = AccountDailyStats.account_id.in_(accounts)
    return _grouped(session, AccountDailyStats, AccountDailyStats.account_id, where, span)


def _slipping(now: Mapping, before: Mapping, previous_views: int) -> list[str]:
    if previous_views < SLIPPING_MIN_VIEWS:
        return []
    return [
        key
        for key in SLIPPING_FIGURES
        if (delta := change(now[key], before[key])) is not None and delta <= -SLIPPING_DROP
    ]


def campaign(session: Session, scope: Scope, span: Period) -> CampaignStats:
    """A brief's funnel, spend and return, per creator and per note."""
    brief = scope.brief
    assert brief is not None
    daily, totals = _period_totals(session, scope, span)
    result = figures(totals)
    funnel = [
        FunnelStage(stage=stage, value=int(result[stage] or 0))
        if stage not in COUNTERS
        else FunnelStage(stage=stage, value=totals[stage])
        for stage in FUNNEL
    ]
    collaborations = session.execute(
        select(Collaboration.account_id, Collaboration.note_id, Account.nickname, Note.title)
        .join(Account, Account.id == Collaboration.account_id)
        .outerjoin(Note, Note.id == Collaboration.note_id)
        .where(Collaboration.brief_id == brief.id, Collaboration.account_id.in_(scope.accounts))
        .order_by(Account.nickname)
    ).all()
    sums = _note_sums(session, scope.notes(), span)
    spend = _note_spend(session, scope, span)
    notes, creators = [], []
    for row in collaborations:
        note_totals = _with_spend(sums.get(row.note_id, _NOTHING), spend.get(row.note_id, 0))
        creators.append(_campaign_row(row.account_id, row.nickname, row.nickname, note_totals))
        if row.note_id is not None:
            notes.append(_campaign_row(row.note_id, row.title or "", row.nickname, note_totals))
    return CampaignStats(
        brief_id=brief.id,
        title=brief.title,
        start=span.start,
        end=span.end,
        funnel=funnel,
        totals=totals,
        figures=result,
        creators=creators,
        notes=notes,
        series=_series(daily, span),
        definitions=definitions(),
    )


def _campaign_row(
    row_id: uuid.UUID, name: str, nickname: str, totals: dict[str, int]
) -> CampaignRow:
    return CampaignRow(
        id=row_id, name=name, account_nickname=nickname, totals=totals, figures=figures(totals)
    )
