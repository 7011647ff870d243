"""`/`: the recommended feed, and `/feed/more`: its next tiles as the reader scrolls.

Both rank the cached catalog snapshot (`publisher.domain.feed_ranking`) for the reader's
interests cookie; neither touches the database. The ranking's per-snapshot work is done once
per snapshot and process (`FeedIndexes`). A visit's seed and clock (`at`, the rounded time
`/` ranked at) are drawn by `/` and written into the notes list's "more" address, so every
page of a visit ranks with them. The infinite scroll the browse pages share (search.js) sends
the notes already on the page as `seen` (the first `SEEN_HEX` hex digits of each id, at most
`MAX_SEEN`), and `/feed/more` answers the best notes not among them: interests learnt and
figures moved since the first page change the order of what is left, never repeat or skip a
note. Past `MAX_SEEN` notes the scroll asks by `offset` in the order of the moment. The feed
itself learns nothing about the reader (engagements elsewhere do).

The handlers are `async`: their work is a fraction of a millisecond of CPU with nothing to
wait for, so running it on the event loop saves the hop to a worker thread, which under 32
readers at once was a quarter of the feed's throughput.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from publisher.domain.feed_ranking import NOW_STEP_SECONDS, FeedIndex
from publisher.reader.web import page
from publisher.server.reader_deps import CatalogDep, ReaderDep
from publisher.services.reader_catalog import Catalog, NoteCard

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
MAX_PAGE_SIZE = 60
MAX_OFFSET = 100_000
SEED_LIMIT = 2**31
CHIP_TOPICS = 8
MAX_SEEN = 400
SEEN_HEX = 12
"""Hex digits of a note id that name it in `seen`: 48 bits, no two notes of a catalog alike."""


class FeedIndexes:
    """The ranking index of the newest catalog snapshot, and its notes by the start of their
    ids (`seen`), built by one thread when the snapshot changes."""

    def __init__(self) -> None:
        self._last: tuple[Catalog, FeedIndex[NoteCard], dict[str, uuid.UUID]] | None = None
        self._lock = threading.Lock()

    def of(self, catalog: Catalog) -> tuple[FeedIndex[NoteCard], dict[str, uuid.UUID]]:
        last = self._last
        if last is not None and last[0] is catalog:
            return last[1], last[2]
        with self._lock:
            last = self._last
            if last is None or last[0] is not catalog:
                by_prefix = {card.id.hex[:SEEN_HEX]: card.id for card in catalog.cards}
                last = (catalog, FeedIndex(catalog.cards), by_prefix)
                self._last = last
            return last[1], last[2]


INDEXES = FeedIndexes()


@router.get("/", response_class=HTMLResponse)
async def feed(request: Request, reader: ReaderDep, catalog: CatalogDep) -> HTMLResponse:
    index, _ = INDEXES.of(catalog)
    seed = secrets.randbelow(SEED_LIMIT)
    at = int(time.time()) // NOW_STEP_SECONDS * NOW_STEP_SECONDS
    cards = index.rank(reader.interests, datetime.fromtimestamp(at, UTC), seed, PAGE_SIZE)
    topics = [
        (topic_id, catalog.topic_names[topic_id])
        for topic_id in index.topics_for(reader.interests, CHIP_TOPICS)
    ]
    context = {
        "cards": cards,
        "topics": topics,
        "seed": seed,
        "at": at,
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
    at: Annotated[int | None, Query(ge=0)] = None,
    seen: Annotated[str, Query(max_length=MAX_SEEN * (SEEN_HEX + 1))] = "",
) -> HTMLResponse:
    """The next tiles of the visit as a fragment (no page around it): the best `limit` notes
    not `seen`, or without `seen` those after `offset`, ranked at the visit's clock `at`."""
    index, by_prefix = INDEXES.of(catalog)
    now = time.time() if at is None else min(at, time.time())
    moment = datetime.fromtimestamp(now, UTC)
    if seen:
        shown = {by_prefix[part] for part in seen.split(",") if part in by_prefix}
        cards = index.rank(reader.interests, moment, seed, limit, exclude=shown)
        end = len(shown) + len(cards) >= len(index)
    else:
        cards = index.rank(reader.interests, moment, seed, offset + limit)[offset:]
        end = offset + limit >= len(index)
    context = {"cards": cards, "next": offset + len(cards), "end": end}
    return page(request, reader, "search_more.html", context)
