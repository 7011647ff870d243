"""`/`: the recommended feed, and `/feed/more`: its next tiles as the reader scrolls.

Both rank the cached catalog snapshot (`publisher.domain.feed_ranking`) for the reader's
interests cookie; neither touches the database. The ranking's per-snapshot work is done once
per snapshot and process (`FeedIndexes`). A visit's seed is drawn by `/` and written into the
notes list's "more" address, so the infinite scroll the browse pages share (search.js) asks
`/feed/more` for the same order from an offset. The feed itself learns nothing about the
reader (engagements elsewhere do).

The handlers are `async`: their work is a fraction of a millisecond of CPU with nothing to
wait for, so running it on the event loop saves the hop to a worker thread, which under 32
readers at once was a quarter of the feed's throughput.
"""

from __future__ import annotations

import secrets
import threading
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from publisher.domain.feed_ranking import FeedIndex
from publisher.reader.web import page
from publisher.server.reader_deps import CatalogDep, ReaderDep
from publisher.services.reader_catalog import Catalog, NoteCard

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
MAX_PAGE_SIZE = 60
MAX_OFFSET = 100_000
SEED_LIMIT = 2**31
CHIP_TOPICS = 8


class FeedIndexes:
    """The ranking index of the newest catalog snapshot, built by one thread when the
    snapshot changes."""

    def __init__(self) -> None:
        self._last: tuple[Catalog, FeedIndex[NoteCard]] | None = None
        self._lock = threading.Lock()

    def of(self, catalog: Catalog) -> FeedIndex[NoteCard]:
        last = self._last
        if last is not None and last[0] is catalog:
            return last[1]
        with self._lock:
            last = self._last
            if last is None or last[0] is not catalog:
                last = (catalog, FeedIndex(catalog.cards))
                self._last = last
            return last[1]


INDEXES = FeedIndexes()


@router.get("/", response_class=HTMLResponse)
async def feed(request: Request, reader: ReaderDep, catalog: CatalogDep) -> HTMLResponse:
    index = INDEXES.of(catalog)
    seed = secrets.randbelow(SEED_LIMIT)
    cards = index.rank(reader.interests, datetime.now(UTC), seed, PAGE_SIZE)
    topics = [
        (topic_id, catalog.topic_names[topic_id])
        for topic_id in index.topics_for(reader.interests, CHIP_TOPICS)
    ]
    context = {
        "cards": cards,
        "topics": topics,
        "seed": seed,
        "next": len(cards),
        "end": len(cards) >= len(index),
    }
    return page(request, reader, "feed.html", context)


@router.get("/feed/more", response_class=HTMLResponse)
async def feed_more(
    request: Request,
    reader: ReaderDep,
    catalog: CatalogDep,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)],
    seed: Annotated[int, Query(ge=0, lt=SEED_LIMIT)],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = PAGE_SIZE,
) -> HTMLResponse:
    """The tiles after `offset` in the visit's order, as a fragment (no page around it)."""
    index = INDEXES.of(catalog)
    cards = index.rank(reader.interests, datetime.now(UTC), seed, offset + limit)[offset:]
    context = {
        "cards": cards,
        "next": offset + len(cards),
        "end": offset + limit >= len(index),
    }
    return page(request, reader, "search_more.html", context)
