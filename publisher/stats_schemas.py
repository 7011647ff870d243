"""Pydantic shapes of the data center: events in, spend, imports, and the figures out.

Figures travel as counter sums (`totals`, named as `publisher.domain.metrics.COUNTERS`, plus
`spend_fen`) and the metrics computed from them (`figures`, named as `METRICS`), so a client
can show a number, recompute it for another grouping, and show its formula from
`definitions`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from publisher.brief_schemas import Money
from publisher.schemas import _Public

EventKindName = Literal[
    "impression",
    "view",
    "like",
    "collect",
    "comment",
    "share",
    "follow",
    "product_click",
    "order",
]
MAX_EVENTS_PER_CALL = 10_000
EARLIEST_EVENT = datetime(2000, 1, 1, tzinfo=UTC)
"""Older than any note: an event before it is a wrong clock, not history."""


class EventIn(BaseModel):
    """One reader action. `value`: watch seconds of a video `view`, the amount in fen of an
    `order`; `completed`: a video view watched to the end."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    note_id: uuid.UUID
    kind: EventKindName
    ts: AwareDatetime
    value: int | None = Field(default=None, ge=0)
    completed: bool | None = None


class RejectedEvent(BaseModel):
    index: int
    """Position in the list sent."""
    id: str | None = None
    code: str
    params: dict[str, Any] = Field(default_factory=dict)


class EventsReceipt(BaseModel):
    """What became of a batch: new events counted, ids already seen, events refused (each
    with its position and why). The accepted ones count even when others are refused."""

    accepted: int
    duplicates: int
    rejected: list[RejectedEvent] = Field(default_factory=list)


SpendKind = Literal["boost", "ad", "fee"]


class SpendCreate(BaseModel):
    """Money spent on a note (a boost, 薯条) or a brief (ads, 聚光; a creator's fee)."""

    note_id: uuid.UUID | None = None
    brief_id: uuid.UUID | None = None
    kind: SpendKind
    day: date
    amount_fen: Annotated[Money, Field(gt=0)]
    memo: Annotated[str, StringConstraints(max_length=200)] = ""


class SpendPublic(_Public):
    id: uuid.UUID
    note_id: uuid.UUID | None
    brief_id: uuid.UUID | None
    kind: str
    day: date
    amount_fen: int
    currency: str
    memo: str
    created_at: datetime


class MetricDefinition(BaseModel):
    key: str
    numerator: list[str]
    denominator: list[str]
    factor: float
    kind: str
    version: int


class DayTotals(BaseModel):
    day: date
    totals: dict[str, int]


class StatsSummary(BaseModel):
    """A period's figures beside the previous period of the same length."""

    start: date
    end: date
    previous_start: date
    previous_end: date
    totals: dict[str, int]
    previous_totals: dict[str, int]
    figures: dict[str, float | None]
    previous_figures: dict[str, float | None]
    series: list[DayTotals]
    """Every day of the period, empty days included."""
    previous_series: list[DayTotals]
    definitions: list[MetricDefinition]
    counting_version: int
    notes_published: int


class NoteStatsRow(BaseModel):
    note_id: uuid.UUID
    account_id: uuid.UUID
    account_nickname: str
    title: str
    type: str
    published_at: datetime | None
    cover_sha256: str | None
    topics: list[str]
    totals: dict[str, int]
    figures: dict[str, float | None]
    spark: list[int]
    """Views per day over the period (every day, for a sparkline)."""


class TopicStatsRow(BaseModel):
    topic: str
    notes: int
    totals: dict[str, int]
    figures: dict[str, float | None]


class BestTimes(BaseModel):
    """Reader activity by weekday (0 = Monday) × hour on the accounts' own clocks."""

    days: int
    views: list[list[int]]
    interactions: list[list[int]]
    best: list[tuple[int, int]]
    """The strongest (weekday, hour) slots, best first."""


class FollowerPoint(BaseModel):
    day: date
    gained: int
    followers: int


class AccountStatsRow(BaseModel):
    account_id: uuid.UUID
    nickname: str
    organization_name: str
    followers: int
    totals: dict[str, int]
    previous_totals: dict[str, int]
    figures: dict[str, float | None]
    previous_figures: dict[str, float | None]
    spark: list[int]
    slipping: list[str]
    """Key figures down sharply against the previous period (`views`, `engagement_rate` …)."""


class FunnelStage(BaseModel):
    stage: str
    value: int


class CampaignRow(BaseModel):
    """A creator (account) or a note of a brief, with its spend and return."""

    id: uuid.UUID
    name: str
    account_nickname: str
    totals: dict[str, int]
    figures: dict[str, float | None]


class CampaignStats(BaseModel):
    brief_id: uuid.UUID
    title: str
    start: date
    end: date
    funnel: list[FunnelStage]
    totals: dict[str, int]
    figures: dict[str, float | None]
    creators: list[CampaignRow]
    notes: list[CampaignRow]
    series: list[DayTotals]
    definitions: list[MetricDefinition]


ImportFigure = Annotated[float, Field(ge=0, le=10**12, allow_inf_nan=False)]
"""A count, a ratio or seconds from an export: never negative, never NaN, never absurd."""


IMPORTED_COUNTERS = ("impressions", "views", "likes", "collects", "comments", "shares", "follows")
"""An export's columns that are counters as they stand (watch time and completion are ratios
of views, turned into counters by the server)."""
MAX_IMPORT_TITLE = 500
MAX_IMPORT_LINK = 2000


class ImportRowIn(BaseModel):
    """A row of a platform export as the client read it (`publisher.client.platform_export`)."""

    row: int
    title: Annotated[str, StringConstraints(max_length=MAX_IMPORT_TITLE)] = ""
    published_at: AwareDatetime | None = None
    link: Annotated[str, StringConstraints(max_length=MAX_IMPORT_LINK)] | None = None
    platform_note_id: Annotated[str, StringConstraints(max_length=64)] | None = None
    metrics: dict[str, ImportFigure]


class ImportRequest(BaseModel):
    account_id: uuid.UUID
    filename: Annotated[str, StringConstraints(max_length=255)] = ""
    as_of: date | None = None
    rows: list[ImportRowIn] = Field(max_length=50_000)
    assignments: dict[int, uuid.UUID | None] = Field(default_factory=dict)
    """The user's choice for rows (by row number): a note, or None to leave the row out.
    Rows not named keep the automatic match."""


class ImportMatch(BaseModel):
    row: int
    title: str
    note_id: uuid.UUID | None
    note_title: str | None
    matched_by: Literal["link", "title_date", "title", "user"] | None
    metrics: dict[str, float]


class ImportNoteChoice(_Public):
    """A published note of the account, for matching a row by hand."""

    id: uuid.UUID
    title: str
    published_at: datetime | None


class ImportPreview(BaseModel):
    rows: list[ImportMatch]
    matched: int
    unmatched: int
    notes: list[ImportNoteChoice]


class StatImportPublic(_Public):
    id: uuid.UUID
    account_id: uuid.UUID
    filename: str
    as_of: date
    matched: int
    unmatched: int
    report: dict[str, Any]
    created_at: datetime
