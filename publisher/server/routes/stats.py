"""The data center's figures (`/stats/…`), spend records and platform-export imports.

Every figure endpoint takes a period (`start`, `end`: inclusive days; the last 30 days by
default) and a scope: all the caller's accounts, one `account_id`, or a `brief_id`'s campaign.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from publisher.domain.periods import EARLIEST_DAY, Period, platform_today
from publisher.schemas import Page
from publisher.server.deps import CurrentUser, SessionDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import spend, stat_imports, stats
from publisher.stats_schemas import (
    AccountStatsRow,
    BestTimes,
    CampaignStats,
    FollowerPoint,
    ImportPreview,
    ImportRequest,
    NoteStatsRow,
    SpendCreate,
    SpendPublic,
    StatImportPublic,
    StatsSummary,
    TopicStatsRow,
)

router = APIRouter(tags=["stats"])
DEFAULT_DAYS = 30
MAX_IMPORT_BODY = 32 * 1024 * 1024
"""50,000 export rows with their figures."""


def _period(start: date | None = None, end: date | None = None) -> Period:
    last = end or platform_today()
    first = start or max(last, EARLIEST_DAY + timedelta(days=DEFAULT_DAYS)) - timedelta(
        days=DEFAULT_DAYS - 1
    )
    return stats.period(first, last)


PeriodDep = Annotated[Period, Depends(_period)]


@router.get("/stats/summary", response_model=StatsSummary)
def get_summary(
    user: CurrentUser,
    session: SessionDep,
    span: PeriodDep,
    account_id: uuid.UUID | None = None,
    brief_id: uuid.UUID | None = None,
):
    """KPI totals and daily series for the period and the one before it, with every metric's
    definition (`numerator / denominator × factor`, versioned)."""
    scope = stats.scope(session, user, account_id=account_id, brief_id=brief_id)
    return stats.summary(session, scope, span)


@router.get("/stats/notes", response_model=Page[NoteStatsRow])
def get_note_stats(
    user: CurrentUser,
    session: SessionDep,
    span: PeriodDep,
    account_id: uuid.UUID | None = None,
    brief_id: uuid.UUID | None = None,
    sort: str = "views",
    descending: bool = True,
    search: Annotated[str, Query(max_length=100)] = "",
    offset: Offset = 0,
    limit: Limit = 50,
):
    """Published notes with the period's figures and a daily-views sparkline, sorted by any
    metric (or `title`, `published_at`)."""
    scope = stats.scope(session, user, account_id=account_id, brief_id=brief_id)
    rows, total = stats.notes_table(
        session,
        scope,
        span,
        sort=sort,
        descending=descending,
        search=search,
        offset=offset,
        limit=limit,
    )
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.get("/stats/topics", response_model=list[TopicStatsRow])
def get_topic_stats(
    user: CurrentUser,
    session: SessionDep,
    span: PeriodDep,
    account_id: uuid.UUID | None = None,
    brief_id: uuid.UUID | None = None,
):
    scope = stats.scope(session, user, account_id=account_id, brief_id=brief_id)
    return stats.topics_table(session, scope, span)


@router.get("/stats/best-times", response_model=BestTimes)
def get_best_times(
    user: CurrentUser,
    session: SessionDep,
    account_id: uuid.UUID | None = None,
    days: Annotated[int, Query(ge=7, le=365)] = 90,
):
    """When the accounts' readers view and interact, weekday × hour on their own clocks."""
    scope = stats.scope(session, user, account_id=account_id)
    return stats.best_times(session, scope, today=platform_today(), days=days)


@router.get("/stats/followers", response_model=list[FollowerPoint])
def get_follower_growth(
    user: CurrentUser, session: SessionDep, span: PeriodDep, account_id: uuid.UUID | None = None
):
    scope = stats.scope(session, user, account_id=account_id)
    return stats.follower_growth(session, scope, span)


@router.get("/stats/accounts", response_model=list[AccountStatsRow])
def get_account_stats(user: CurrentUser, session: SessionDep, span: PeriodDep):
    """Every account the caller sees, the period beside the previous one; `slipping` names
    the key figures that fell sharply."""
    return stats.accounts_table(session, user, span)


@router.get("/stats/campaigns/{brief_id}", response_model=CampaignStats)
def get_campaign(brief_id: uuid.UUID, user: CurrentUser, session: SessionDep, span: PeriodDep):
    """A brief's funnel (impressions → views → interactions → product clicks → orders → GMV),
    spend and ROI, per creator and per note. The brand sees every collaboration; a creator
    only their own."""
    scope = stats.scope(session, user, brief_id=brief_id)
    return stats.campaign(session, scope, span)


@router.post("/spend", response_model=SpendPublic, status_code=201)
def post_spend(data: SpendCreate, user: CurrentUser, session: SessionDep):
    return spend.record_spend(session, user, data)


@router.get("/spend", response_model=list[SpendPublic])
def get_spend(
    user: CurrentUser,
    session: SessionDep,
    note_id: uuid.UUID | None = None,
    brief_id: uuid.UUID | None = None,
):
    return spend.list_spend(session, user, note_id=note_id, brief_id=brief_id)


@router.delete("/spend/{spend_id}", status_code=204)
def delete_spend(spend_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    spend.delete_spend(session, user, spend_id)
    return Response(status_code=204)


@router.post("/stats/imports/preview", response_model=ImportPreview)
def preview_import(data: ImportRequest, user: CurrentUser, session: SessionDep):
    """How each row of a platform export would be matched to the account's notes (by link,
    by title and date, by a title only one note has); nothing is stored."""
    return stat_imports.preview(session, user, data)


@router.post("/stats/imports", response_model=StatImportPublic, status_code=201)
def post_import(data: ImportRequest, user: CurrentUser, session: SessionDep):
    """Add what each matched note grew since its last import; `assignments` override the
    automatic match row by row."""
    return stat_imports.commit(session, user, data, now=datetime.now(UTC))


@router.get("/stats/imports", response_model=list[StatImportPublic])
def list_imports(account_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return stat_imports.list_imports(session, user, account_id)
