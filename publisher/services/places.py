"""Places a note can be tagged with: the shipped administrative places and places users add.

Search matches the Chinese name anywhere, and full pinyin or pinyin initials from the start
(`chengdu`, `cd`); a query that names a city (or a municipality) also lists its districts.
Results rank exact before prefix before substring matches, then province before city before
district before user places. The shipped places (~3 500) are indexed once per process in
memory: a scan of precomputed lowercase keys takes a few milliseconds, far less than a
database round trip would.
"""

from __future__ import annotations

import csv
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

import resources
from publisher.db.models import Account, Note, User, UserPlace
from publisher.schemas import PlaceCreate, PlacePublic
from publisher.services.access import get_account, member_org_ids, personal_organization_id
from publisher.services.errors import NotFound
from publisher.services.like import LIKE_ESCAPE, like_escaped

SHIPPED_PREFIX = "cn:"
LEVEL_ORDER = {"province": 0, "city": 1, "district": 2, "user": 3}
EXACT, PREFIX, SUBSTRING, CHILD = range(4)
USER_CANDIDATES = 500
"""Most user places one query considers before ranking; an organization rarely has more."""
RECENT_PLACES = 10
RECENT_NOTES_SCANNED = 200
_NOT_LETTERS = re.compile(r"[^0-9a-z]+")


def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of `name`, lowercase letters and digits only."""
    # Imported on first use: its phrase dictionary costs a quarter second, and most backend
    # processes (a test's, a short-lived team worker's) never search places.
    from pypinyin import Style, lazy_pinyin

    full = "".join(lazy_pinyin(name))
    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))
    return _NOT_LETTERS.sub("", full.lower()), _NOT_LETTERS.sub("", initials.lower())


@dataclass(frozen=True)
class IndexedPlace:
    place: PlacePublic
    parent_id: str | None
    pinyin: str
    initials: str


def _match(query: str, ascii_query: str, name: str, pinyin: str, initials: str) -> int | None:
    """How `query` matches a place: EXACT, PREFIX, SUBSTRING or None."""
    if query == name or (ascii_query and ascii_query in (pinyin, initials)):
        return EXACT
    if name.startswith(query):
        return PREFIX
    if ascii_query and (pinyin.startswith(ascii_query) or initials.startswith(ascii_query)):
        return PREFIX
    if query in name:
        return SUBSTRING
    return None


class ShippedPlaces:
    """The administrative places of resources/places/cn_admin.csv, indexed for search."""

    def __init__(self, rows: list[IndexedPlace]) -> None:
        self.rows = rows
        self.by_id = {row.place.id: row for row in rows}
        self.children: dict[str, list[IndexedPlace]] = {}
        for row in rows:
            if row.parent_id and row.place.level == "district":
                self.children.setdefault(row.parent_id, []).append(row)

    def search(self, query: str, ascii_query: str) -> dict[str, tuple[int, IndexedPlace]]:
        """id → (match kind, place) of every match, districts of matched cities included."""
        found: dict[str, tuple[int, IndexedPlace]] = {}
        for row in self.rows:
            kind = _match(query, ascii_query, row.place.name, row.pinyin, row.initials)
            if kind is not None:
                found[row.place.id] = (kind, row)
        for kind, row in list(found.values()):
            if kind <= PREFIX and row.place.level != "district":
                for child in self.children.get(row.place.id, ()):
                    found.setdefault(child.place.id, (CHILD, child))
        return found


def _address(province: str, city: str, name: str) -> str:
    parts = [province] + ([city] if city and city != name else []) + [name]
    return "".join(dict.fromkeys(parts))


@lru_cache(maxsize=1)
def shipped_places() -> ShippedPlaces:
    """Loaded once per process, on first use."""
    rows = []
    with resources.path("places", "cn_admin.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            place = PlacePublic.model_validate(
                {
                    "id": SHIPPED_PREFIX + row["adcode"],
                    "name": row["name"],
                    "level": row["level"],
                    "address": _address(row["province"], row["city"], row["name"]),
                    "province": row["province"],
                    "city": row["city"],
                    "longitude": float(row["longitude"]),
                    "latitude": float(row["latitude"]),
                }
            )
            parent = SHIPPED_PREFIX + row["parent_adcode"] if row["parent_adcode"] else None
            rows.append(IndexedPlace(place, parent, row["pinyin"], row["initials"]))
    return ShippedPlaces(rows)


def _user_place_public(row: UserPlace) -> PlacePublic:
    return PlacePublic(
        id=str(row.id),
        name=row.name,
        level="user",
        address=row.address,
        longitude=row.longitude,
        latitude=row.latitude,
    )


def _user_matches(session: Session, user: User, query: str, ascii_query: str):
    pattern = f"%{like_escaped(query)}%"
    conditions: list[ColumnElement[bool]] = [UserPlace.name.like(pattern, escape=LIKE_ESCAPE)]
    if ascii_query:
        conditions += [
            UserPlace.pinyin.startswith(ascii_query),
            UserPlace.initials.startswith(ascii_query),
        ]
    rows = session.scalars(
        select(UserPlace)
        .where(UserPlace.organization_id.in_(member_org_ids(user)), or_(*conditions))
        .order_by(UserPlace.created_at.desc())
        .limit(USER_CANDIDATES)
    )
    for row in rows:
        kind = _match(query, ascii_query, row.name, row.pinyin, row.initials)
        if kind is not None:
            yield kind, _user_place_public(row)


def search_places(
    session: Session, user: User, query: str, *, offset: int, limit: int
) -> tuple[list[PlacePublic], int]:
    """Shipped and the caller's organizations' places matching `query`, best first."""
    text = query.strip()
    if not text:
        return [], 0
    lowered = text.lower()
    ascii_query = lowered if lowered.isascii() else ""
    ascii_query = _NOT_LETTERS.sub("", ascii_query)
    ranked = [
        (kind, row.place) for kind, row in shipped_places().search(text, ascii_query).values()
    ]
    ranked += list(_user_matches(session, user, text, ascii_query))
    ranked.sort(key=lambda item: (item[0], LEVEL_ORDER[item[1].level], item[1].id))
    return [place for _, place in ranked[offset : offset + limit]], len(ranked)


def add_place(session: Session, user: User, data: PlaceCreate) -> PlacePublic:
    """A place the caller's own organization can pick from now on."""
    full, initials = pinyin_keys(data.name)
    row = UserPlace(
        organization_id=personal_organization_id(session, user),
        created_by=user.id,
        name=data.name,
        address=data.address,
        longitude=data.longitude,
        latitude=data.latitude,
        pinyin=full,
        initials=initials,
    )
    session.add(row)
    session.commit()
    return _user_place_public(row)


def get_place(session: Session, user: User, place_id: str) -> PlacePublic:
    """A shipped place, or a place of one of the caller's organizations.

    Raises:
        NotFound: `place.not_found`, also for another organization's place.
    """
    if place_id.startswith(SHIPPED_PREFIX):
        row = shipped_places().by_id.get(place_id)
        if row is None:
            raise NotFound("place.not_found")
        return row.place
    try:
        key = uuid.UUID(place_id)
    except ValueError:
        raise NotFound("place.not_found") from None
    place = session.scalar(
        select(UserPlace).where(
            UserPlace.id == key, UserPlace.organization_id.in_(member_org_ids(user))
        )
    )
    if place is None:
        raise NotFound("place.not_found")
    return _user_place_public(place)


def recent_places(session: Session, user: User, account_id: uuid.UUID) -> list[PlacePublic]:
    """The places the account's most recently changed notes are tagged with, newest first."""
    account: Account = get_account(session, user, account_id)
    snapshots: Iterable[dict[str, Any] | None] = session.scalars(
        select(Note.place)
        .where(Note.account_id == account.id, Note.place_id.is_not(None))
        .order_by(Note.updated_at.desc())
        .limit(RECENT_NOTES_SCANNED)
    )
    seen: dict[str, PlacePublic] = {}
    for snapshot in snapshots:
        if snapshot and snapshot["id"] not in seen:
            seen[snapshot["id"]] = PlacePublic.model_validate(snapshot)
        if len(seen) == RECENT_PLACES:
            break
    return list(seen.values())
