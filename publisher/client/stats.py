"""Typed calls of the data center: figures, events, spend and platform-export imports.
Mixed into `StudioClient`."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import TypeAdapter

from publisher.client.http import Transport, replayed
from publisher.schemas import Page
from publisher.stats_schemas import (
    AccountStatsRow,
    BestTimes,
    CampaignStats,
    EventIn,
    EventsReceipt,
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

STATS_TIMEOUT = 30.0
"""Figures come from rollups in milliseconds; an import of a large export takes longer."""


def _scope(
    start: date | None,
    end: date | None,
    account_id: uuid.UUID | None = None,
    brief_id: uuid.UUID | None = None,
    **extra: Any,
) -> dict[str, Any]:
    values = {"start": start, "end": end, "account_id": account_id, "brief_id": brief_id, **extra}
    return {key: str(value) for key, value in values.items() if value is not None}


class StatsCalls:
    transport: Transport

    def _get(self, path: str, params: dict[str, Any]) -> Any:
        return self.transport.request("GET", path, params=params, timeout=STATS_TIMEOUT).json()

    def stats_summary(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        account_id: uuid.UUID | None = None,
        brief_id: uuid.UUID | None = None,
    ) -> StatsSummary:
        data = self._get("/stats/summary", _scope(start, end, account_id, brief_id))
        return StatsSummary.model_validate(data)

    def note_stats(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        account_id: uuid.UUID | None = None,
        brief_id: uuid.UUID | None = None,
        sort: str = "views",
        descending: bool = True,
        search: str = "",
        offset: int = 0,
        limit: int = 50,
    ) -> Page[NoteStatsRow]:
        params = _scope(
            start,
            end,
            account_id,
            brief_id,
            sort=sort,
            descending="true" if descending else "false",
            search=search or None,
            offset=offset,
            limit=limit,
        )
        return Page[NoteStatsRow].model_validate(self._get("/stats/notes", params))

    def topic_stats(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        account_id: uuid.UUID | None = None,
        brief_id: uuid.UUID | None = None,
    ) -> list[TopicStatsRow]:
        data = self._get("/stats/topics", _scope(start, end, account_id, brief_id))
        return TypeAdapter(list[TopicStatsRow]).validate_python(data)

    def best_times(self, *, account_id: uuid.UUID | None = None, days: int = 90) -> BestTimes:
        data = self._get("/stats/best-times", _scope(None, None, account_id, days=days))
        return BestTimes.model_validate(data)

    def follower_growth(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        account_id: uuid.UUID | None = None,
    ) -> list[FollowerPoint]:
        data = self._get("/stats/followers", _scope(start, end, account_id))
        return TypeAdapter(list[FollowerPoint]).validate_python(data)

    def account_stats(
        self, start: date | None = None, end: date | None = None
    ) -> list[AccountStatsRow]:
        data = self._get("/stats/accounts", _scope(start, end))
        return TypeAdapter(list[AccountStatsRow]).validate_python(data)

    def campaign_stats(
        self, brief_id: uuid.UUID, start: date | None = None, end: date | None = None
    ) -> CampaignStats:
        data = self._get(f"/stats/campaigns/{brief_id}", _scope(start, end))
        return CampaignStats.model_validate(data)

    def send_events(
        self, events: Sequence[EventIn], *, idempotency_key: str | None = None
    ) -> EventsReceipt:
        """Up to 10,000 events in one call; sending the same ids again counts nothing twice."""
        body = [event.model_dump(mode="json", exclude_none=True) for event in events]
        response = self.transport.request(
            "POST", "/events", json=body, idempotency_key=idempotency_key, timeout=STATS_TIMEOUT
        )
        return EventsReceipt.model_validate(response.json())

    def record_spend(self, data: SpendCreate) -> SpendPublic:
        response = self.transport.request("POST", "/spend", json=data.model_dump(mode="json"))
        return SpendPublic.model_validate(response.json())

    def spend(
        self, *, note_id: uuid.UUID | None = None, brief_id: uuid.UUID | None = None
    ) -> list[SpendPublic]:
        params = _scope(None, None, brief_id=brief_id, note_id=note_id)
        return TypeAdapter(list[SpendPublic]).validate_python(self._get("/spend", params))

    def delete_spend(self, spend_id: uuid.UUID) -> None:
        self.transport.request("DELETE", f"/spend/{spend_id}")

    def preview_stat_import(self, data: ImportRequest) -> ImportPreview:
        response = self.transport.request(
            "POST",
            "/stats/imports/preview",
            json=data.model_dump(mode="json"),
            timeout=STATS_TIMEOUT,
        )
        return ImportPreview.model_validate(response.json())

    def import_stats(
        self, data: ImportRequest, *, idempotency_key: str
    ) -> tuple[StatImportPublic, bool]:
        """Store an export's matched rows; also whether this was answered from an earlier
        import with the same key (the key, from the file's content, makes a retry after a lost
        answer, or a second click, store nothing twice)."""
        response = self.transport.request(
            "POST",
            "/stats/imports",
            json=data.model_dump(mode="json"),
            idempotency_key=idempotency_key,
            timeout=STATS_TIMEOUT,
        )
        return StatImportPublic.model_validate(response.json()), replayed(response)

    def stat_imports(self, account_id: uuid.UUID) -> list[StatImportPublic]:
        data = self._get("/stats/imports", {"account_id": str(account_id)})
        return TypeAdapter(list[StatImportPublic]).validate_python(data)
