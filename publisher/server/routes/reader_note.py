"""A note's page and a product's page, as readers see them.

`/note/{id}`: the note's photos (a carousel) or video, its text with topic links, place and
time, author with a follow button, likes, collects, comments and share, its products, the
collaboration disclosure and AI label, and more notes by the author. `/product/{id}`: the
product's images, price, stock, storefront, a buy button (an order is recorded, nothing is
paid) and the notes that feature it; `?from=<note id>` credits an order to the note the
reader came from.

A note's page shows its card from the catalog snapshot (text, topics, figures: as old as the
feed's tiles, at most `SNAPSHOT_SECONDS`) with the reader's own state read fresh
(`reader_pages.note_page`); a product's page reads the product fresh. Lists of notes come
from the snapshot. Anything missing, not public or malformed is the reader's 404 page.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from publisher.db.models import Product
from publisher.reader.web import not_found_page, page, parse_uuid
from publisher.server.deps import SessionDep, get_state
from publisher.server.reader_deps import CatalogDep, ReaderDep
from publisher.services import reader_catalog, reader_orders, reader_pages
from publisher.services.package import TOPIC_SUFFIX
from publisher.services.reader_pages import Medium
from publisher.services.topics import topic_key

router = APIRouter(include_in_schema=False)

MORE_BY_AUTHOR = 12
FEATURING = 24
RATIOS = {"r916": 16 / 9, "r34": 4 / 3, "r11": 1.0, "r43": 3 / 4, "r169": 9 / 16}
"""Frame shapes (height / width) a carousel or player takes, by CSS class: the first photo's
shape, to the nearest, as the platform frames a note."""
AI_LABEL = ("作者声明：笔记含AI合成内容", "Creator's declaration: contains AI-generated content")
"""The explicit label a reader sees on an AI-generated note, as the platform words the
creator's declaration (《人工智能生成合成内容标识办法》; the implicit one is `aigc_label`)."""


@dataclass(frozen=True)
class Segment:
    """A stretch of a note's body: plain text, or a topic linked to its page."""

    text: str
    topic_id: uuid.UUID | None = None


def body_segments(
    body: str, topics: list[tuple[uuid.UUID, str]]
) -> tuple[list[Segment], list[tuple[uuid.UUID, str]]]:
    """The body cut where it names one of the note's topics (`#旅行` or, as the platform copies
    it, `#旅行[话题]#`), and the topics it does not name (shown after it).

    Only the note's own topics are linked: any other `#word` stays text."""
    by_key = {topic_key(name): topic_id for topic_id, name in topics}
    if not by_key:
        return [Segment(body)] if body else [], []
    names = sorted({name for _, name in topics}, key=len, reverse=True)
    pattern = re.compile(
        "#(" + "|".join(map(re.escape, names)) + ")(?:" + re.escape(TOPIC_SUFFIX) + ")?",
        re.IGNORECASE,
    )
    segments: list[Segment] = []
    named: set[uuid.UUID] = set()
    last = 0
    for match in pattern.finditer(body):
        topic_id = by_key.get(topic_key(match.group(1)))
        if topic_id is None:
            continue
        if match.start() > last:
            segments.append(Segment(body[last : match.start()]))
        segments.append(Segment(match.group(1), topic_id))
        named.add(topic_id)
        last = match.end()
    if last < len(body):
        segments.append(Segment(body[last:]))
    return segments, [(topic_id, name) for topic_id, name in topics if topic_id not in named]


def frame(media: list[Medium]) -> str:
    """The CSS class of the frame the first medium's shape fits best."""
    if not media:
        return "r34"
    ratio = media[0].height / max(1, media[0].width)
    return min(RATIOS, key=lambda name: abs(RATIOS[name] - ratio))


def _published_meanwhile(sessions: sessionmaker[Session], note_id: uuid.UUID) -> bool:
    with sessions() as session:
        return reader_catalog.is_public(session, note_id)


@router.get("/note/{note_id}", response_class=HTMLResponse)
async def note(
    note_id: str, request: Request, reader: ReaderDep, catalog: CatalogDep
) -> HTMLResponse:
    """Async, with the database read in one worker thread: a sync route with a session
    dependency hops threads three times a request, which under load costs more than the
    page's four queries."""
    target = parse_uuid(note_id)
    if target is None:
        return not_found_page(request, reader)
    sessions = get_state(request).sessions
    card = catalog.by_id.get(target)
    if card is None and await run_in_threadpool(_published_meanwhile, sessions, target):
        # Published since the snapshot: the studio opens a note's page right after publishing.
        catalog = await run_in_threadpool(request.app.state.reader_catalog.newer_than, catalog)
        card = catalog.by_id.get(target)
    if card is None:
        return not_found_page(request, reader)

    def read() -> reader_pages.NotePage | None:
        with sessions() as session:
            return reader_pages.note_page(session, catalog, card, reader.id)

    shown = await run_in_threadpool(read)
    if shown is None:
        return not_found_page(request, reader)
    topics = list(zip(card.topic_ids, card.topic_names, strict=True))
    segments, trailing = body_segments(card.body, topics)
    more = [other for other in catalog.by_account.get(card.account_id, ()) if other.id != card.id]
    video = shown.media[0] if shown.media and shown.media[0].video else None
    return page(
        request,
        reader,
        "note.html",
        {
            "note": card,
            "shown": shown,
            "segments": segments,
            "plain_body": "".join(f"#{s.text}" if s.topic_id else s.text for s in segments),
            "trailing_topics": trailing,
            "video": video,
            "frame": frame(shown.media),
            "more": more[:MORE_BY_AUTHOR],
            "ai_label": AI_LABEL,
        },
    )


@router.get("/product/{product_id}", response_class=HTMLResponse)
def product(
    product_id: str,
    request: Request,
    reader: ReaderDep,
    catalog: CatalogDep,
    session: SessionDep,
) -> HTMLResponse:
    target = parse_uuid(product_id)
    item = session.get(Product, target) if target else None
    if item is None:
        return not_found_page(request, reader)
    came_from = parse_uuid(request.query_params.get("from", ""))
    if came_from and not reader_orders.product_from_note(session, item.id, came_from):
        came_from = None
    media = reader_pages.product_media(session, item)
    featuring = [card for card in catalog.cards if item.id in card.product_ids]
    return page(
        request,
        reader,
        "product.html",
        {
            "product": item,
            "storefront": item.storefront,
            "media": media,
            "frame": frame(media),
            "from_note": catalog.by_id.get(came_from) if came_from else None,
            "from_id": came_from,
            "max_quantity": min(reader_orders.MAX_QUANTITY, max(item.stock, 0)),
            "featuring": featuring[:FEATURING],
        },
    )
