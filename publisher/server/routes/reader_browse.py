"""Search, topic, account and brand pages of the reader side, and their next tiles.

`/search` (tabs: notes, topics, users, products; hot searches and trending topics when the
query is empty), `/search/suggest` (JSON for the search box's dropdown), `/topic/{id}`,
`/user/{id}` and `/brand/{id}`. Lists of notes come from the cached catalog snapshot; each
page's `…/more` answers the next tiles for `search.js`'s infinite scroll.

An unknown or malformed id answers the HTML `not_found.html` page with 404 (`not_found`, for
any reader page), never a JSON error: a reader followed a link.

A search that found something counts towards the hot searches (`reader_search.HotCounter`:
known readers only, once per reader and address a day, `COUNTED_PER_ADDRESS_HOUR` an address
an hour, nothing the comment rules would hold).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy.orm import Session

from publisher.db.models import Storefront
from publisher.reader.web import (
    SECURITY_HEADERS,
    Reader,
    count,
    not_found_page,
    page,
    parse_uuid,
    remember,
)
from publisher.server.deps import SessionDep
from publisher.server.rate_limits import SlidingWindow, address_of
from publisher.server.reader_deps import CatalogDep, ReaderDep
from publisher.services import reader_reactions, reader_search
from publisher.services.reader_catalog import Catalog, NoteCard
from publisher.services.reader_comments import comment_words
from publisher.services.reader_search import AccountEntry, SearchIndex

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
MAX_OFFSET = 100_000
KINDS = ("notes", "topics", "users", "products")
LIST_LIMIT = {"topics": 40, "users": 30, "products": 60}
HOT_SHOWN = 10
TRENDING_SHOWN = 8
RELATED_TOPICS = 6
SORTS = ("hot", "new")

Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]

HOT_SEARCHES = reader_search.HotCounter(
    SlidingWindow(reader_search.COUNTED_PER_ADDRESS_HOUR, 3600.0).wait
)
"""This process's counting of the hot searches."""


def _index(catalog: Catalog, session: Session) -> SearchIndex:
    return reader_search.INDEXES.of(catalog, session)


def _more_url(path: str, **params: str) -> str:
    """Where search.js asks for the tiles after these; it appends the offset's value."""
    query = urlencode({key: value for key, value in params.items() if value})
    return f"{path}?{query + '&' if query else ''}offset="


def _followed(
    session: Session, reader: Reader, accounts: Sequence[AccountEntry]
) -> list[tuple[AccountEntry, bool, int]]:
    """Each account with whether the reader follows it and its followers shown."""
    states = reader_reactions.follow_states(session, reader.id, [a.id for a in accounts])
    return [(account, *states[account.id]) for account in accounts if account.id in states]


def _words(request: Request) -> reader_search.Words:
    """The words that would hold a comment, which keep a query from the hot searches."""
    return comment_words(request.app.state.backend.rules)


def _hot(request: Request, session: Session, index: SearchIndex) -> list[reader_search.HotSearch]:
    return reader_search.hot(session, index, HOT_SHOWN, words=_words(request))


def _notes_context(cards: Sequence[NoteCard], more: str) -> dict[str, Any]:
    return {
        "cards": cards[:PAGE_SIZE],
        "more": more,
        "next": min(PAGE_SIZE, len(cards)),
        "end": len(cards) <= PAGE_SIZE,
    }


def _more(request: Request, reader: Reader, cards: Sequence[NoteCard], offset: int) -> HTMLResponse:
    """The tiles after `offset` as a fragment (no page around them)."""
    shown = cards[offset : offset + PAGE_SIZE]
    context = {
        "cards": shown,
        "next": offset + len(shown),
        "end": offset + PAGE_SIZE >= len(cards),
    }
    return page(request, reader, "search_more.html", context)


def _kind(value: str) -> str:
    return value if value in KINDS else "notes"


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    reader: ReaderDep,
    catalog: CatalogDep,
    session: SessionDep,
    q: str = "",
    type: str = "notes",
) -> HTMLResponse:
    query = reader_search.clean(q)
    kind = _kind(type)
    index = _index(catalog, session)
    context: dict[str, Any] = {"q": query, "kind": kind, "kinds": KINDS}
    if not reader_search.normalise(query):
        context["hot"] = _hot(request, session, index)
        context["trending"] = index.trending(TRENDING_SHOWN)
        context |= _notes_context(index.popular, _more_url("/search/more"))
        return page(request, reader, "search.html", context)
    found: dict[str, Sequence[Any]] = {
        "notes": index.notes(query),
        "topics": index.topics_for(query),
        "users": index.accounts_for(query),
        "products": index.products_for(query),
    }
    context["counts"] = {name: len(items) for name, items in found.items()}
    if any(found.values()):
        known = None if reader.new else reader.id
        HOT_SEARCHES.record(session, query, known, address_of(request), _words(request))
    if kind == "notes":
        context |= _notes_context(found["notes"], _more_url("/search/more", q=query))
        context["related"] = found["topics"][:RELATED_TOPICS]
    elif kind == "users":
        context["people"] = _followed(session, reader, found["users"][: LIST_LIMIT["users"]])
    else:
        context["items"] = found[kind][: LIST_LIMIT[kind]]
    if not found[kind]:
        context["hot"] = _hot(request, session, index)
    return page(request, reader, "search.html", context)


@router.get("/search/more", response_class=HTMLResponse)
def search_more(
    request: Request,
    reader: ReaderDep,
    catalog: CatalogDep,
    session: SessionDep,
    offset: Offset,
    q: str = "",
) -> HTMLResponse:
    index = _index(catalog, session)
    return _more(
        request, reader, index.notes(q) if reader_search.normalise(q) else index.popular, offset
    )


@router.get("/search/suggest")
def suggest(
    request: Request, reader: ReaderDep, catalog: CatalogDep, session: SessionDep, q: str = ""
) -> JSONResponse:
    """The search box's dropdown: completions of what is typed, hot searches when empty."""
    index = _index(catalog, session)
    if reader_search.normalise(q):
        items = index.suggest(q)
    else:
        items = [
            reader_search.Suggestion(
                hot.text, "hot", "/search?" + urlencode({"q": hot.text}), hot.count
            )
            for hot in _hot(request, session, index)
        ]
    zh = reader.lang == "zh"
    hints = {
        "topic": lambda n: f"{count(n)}篇笔记" if zh else f"{count(n, 'en')} notes",
        "user": lambda n: f"粉丝 {count(n)}" if zh else f"{count(n, 'en')} followers",
    }
    body = {
        "items": [
            {
                "text": item.text,
                "kind": item.kind,
                "url": item.url,
                "hint": hints[item.kind](item.number) if item.kind in hints else "",
            }
            for item in items
        ]
    }
    response = JSONResponse(body, headers={**SECURITY_HEADERS, "Cache-Control": "no-store"})
    return remember(response, reader, request)


def _topic_cards(catalog: Catalog, topic_id: uuid.UUID, sort: str) -> list[NoteCard]:
    cards = list(catalog.by_topic.get(topic_id, ()))
    if sort == "hot":
        cards.sort(key=reader_search.engagement, reverse=True)
    return cards


@router.get("/topic/{topic_id}", response_class=HTMLResponse)
def topic(
    request: Request, reader: ReaderDep, catalog: CatalogDep, topic_id: str, sort: str = "hot"
) -> HTMLResponse:
    found = parse_uuid(topic_id)
    if found is None or not catalog.by_topic.get(found):
        return not_found_page(request, reader)
    sort = sort if sort in SORTS else "hot"
    cards = _topic_cards(catalog, found, sort)
    related = Counter(other for card in cards for other in card.topic_ids if other != found)
    context = {
        "topic_id": found,
        "name": catalog.topic_names[found],
        "sort": sort,
        "total": len(cards),
        "views": sum(card.views for card in cards),
        "related": [(other, catalog.topic_names[other]) for other, _ in related.most_common(8)],
        **_notes_context(cards, _more_url(f"/topic/{found}/more", sort=sort)),
    }
    return page(request, reader, "topic.html", context)


@router.get("/topic/{topic_id}/more", response_class=HTMLResponse)
def topic_more(
    request: Request,
    reader: ReaderDep,
    catalog: CatalogDep,
    topic_id: str,
    offset: Offset,
    sort: str = "hot",
) -> HTMLResponse:
    found = parse_uuid(topic_id)
    cards = _topic_cards(catalog, found, sort if sort in SORTS else "hot") if found else []
    return _more(request, reader, cards, offset)


@router.get("/user/{account_id}", response_class=HTMLResponse)
def user(
    request: Request, reader: ReaderDep, catalog: CatalogDep, session: SessionDep, account_id: str
) -> HTMLResponse:
    found = parse_uuid(account_id)
    account = reader_search.public_account(session, catalog, found) if found else None
    if account is None:
        return not_found_page(request, reader)
    states = reader_reactions.follow_states(session, reader.id, [account.id])
    following, followers = states[account.id]
    cards = catalog.by_account.get(account.id, ())
    context = {
        "account": account,
        "following": following,
        "followers": followers,
        "likes_and_collects": sum(card.likes + card.collects for card in cards),
        "shop": reader_search.storefront_of(session, account),
        **_notes_context(cards, _more_url(f"/user/{account.id}/more")),
    }
    return page(request, reader, "user.html", context)


@router.get("/user/{account_id}/more", response_class=HTMLResponse)
def user_more(
    request: Request, reader: ReaderDep, catalog: CatalogDep, account_id: str, offset: Offset
) -> HTMLResponse:
    found = parse_uuid(account_id)
    return _more(request, reader, catalog.by_account.get(found, ()) if found else (), offset)


def _featuring(catalog: Catalog, product_ids: set[uuid.UUID]) -> list[NoteCard]:
    """Notes linking any of the products, the most engaged first."""
    cards = [card for card in catalog.cards if product_ids.intersection(card.product_ids)]
    return sorted(cards, key=reader_search.engagement, reverse=True)


@router.get("/brand/{storefront_id}", response_class=HTMLResponse)
def brand(
    request: Request,
    reader: ReaderDep,
    catalog: CatalogDep,
    session: SessionDep,
    storefront_id: str,
) -> HTMLResponse:
    found = parse_uuid(storefront_id)
    shop = session.get(Storefront, found) if found else None
    if shop is None:
        return not_found_page(request, reader)
    items = reader_search.products(session, shop.id)
    accounts = reader_search.public_accounts(session, catalog, shop.organization_id)
    cards = _featuring(catalog, {item.id for item in items})
    context = {
        "shop": shop,
        "items": [item for item in items if item.on_sale],
        "people": _followed(session, reader, accounts),
        "total": len(cards),
        **_notes_context(cards, _more_url(f"/brand/{shop.id}/more")),
    }
    return page(request, reader, "brand.html", context)


@router.get("/brand/{storefront_id}/more", response_class=HTMLResponse)
def brand_more(
    request: Request,
    reader: ReaderDep,
    catalog: CatalogDep,
    session: SessionDep,
    storefront_id: str,
    offset: Offset,
) -> HTMLResponse:
    found = parse_uuid(storefront_id)
    items = reader_search.products(session, found) if found else []
    return _more(request, reader, _featuring(catalog, {item.id for item in items}), offset)
