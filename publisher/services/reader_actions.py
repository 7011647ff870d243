"""What a reader does on a note and a product — sees it, watches it, likes, collects, comments,
shares, follows its author, clicks and buys its products — and what the note and product pages
show of it.

Every action becomes an event through `events.record`, so the studio's figures move in the
same transaction. Readers have no accounts, so what a real reader could do bounds what one
cookie may count: each event id is derived from the reader, the note, the kind and a time
bucket (`reader_event_id`), so an impression counts once per reader and note in ten minutes
however often it is sent; a like, a collect and a follow count once ever, and taking one back
lowers only the count the page shows (`unlike`/`uncollect` rows), never the counted events.

Limits that must hold across server processes (a reader's comments and orders) are counted in
the database here; the faster per-process ones live in `publisher.server.rate_limits`.
"""

from __future__ import annotations

import hashlib
import math
import uuid
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from sqlalchemy import CursorResult, Executable, Table, delete, func, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from publisher.db.base import Base, utcnow
from publisher.db.models import (
    Account,
    Brief,
    Collaboration,
    MediaAsset,
    Note,
    NoteDailyStats,
    NoteMedia,
    NoteProduct,
    NoteTopic,
    Organization,
    Product,
    ReaderComment,
    ReaderFollow,
    ReaderOrder,
    ReaderReaction,
    Topic,
)
from publisher.domain import comment_moderation as moderation
from publisher.domain.metrics import MAX_WATCH_SECONDS
from publisher.domain.rules import RulesPack
from publisher.services import events
from publisher.services.errors import Conflict, Invalid, NotFound, TooLarge, TooManyRequests
from publisher.stats_schemas import EventIn, EventKindName, EventsReceipt, RejectedEvent

READER_EVENT_KINDS = frozenset({"impression", "view", "share", "product_click"})
"""What the reader door of `POST /events` takes; the other kinds come from their own
endpoints, which know whether the reader really liked, followed or bought."""
BUCKET_SECONDS = {"impression": 600, "view": 1800, "share": 86400, "product_click": 600}
"""How often one reader's event of each kind counts for one note (product clicks: per
product of the note)."""
MAX_READER_EVENTS = 200
WATCH_SLACK = 2.0
"""Seconds a player may report beyond a video's length (the last frame, rounding)."""
COMPLETION_SHARE = 0.9
"""A view is complete when at least this share of the video was watched."""
COMMENT_GAP = timedelta(seconds=15)
COMMENTS_PER_HOUR = 20
ORDERS_PER_HOUR = 10
MAX_QUANTITY = 5
NAME_CODE_POINTS = 40
"""The most a name column holds (`ReaderComment.name`): 20 characters of emoji may not fit."""
DEFAULT_NAME = "读者"
"""A comment without a name is signed 读者 and four hex digits of the reader's id."""
_TAKEN_BACK = {"like": "unlike", "collect": "uncollect"}
_SHOWN_COUNTER = {"like": "likes", "collect": "collects"}
_LOCK_SPACE = 0x7A63_7264
"""Advisory locks of one reader (PostgreSQL): this prefix and a hash of their id."""


@dataclass(frozen=True)
class Engagement:
    """What a reader's action teaches their interests (`Reader.learn`)."""

    kind: str
    topic_ids: tuple[uuid.UUID, ...]
    account_id: uuid.UUID


@dataclass(frozen=True)
class PublicNote:
    """What checking a reader's action on a note needs to know of it."""

    id: uuid.UUID
    account_id: uuid.UUID
    type: str
    topic_ids: tuple[uuid.UUID, ...]
    product_ids: frozenset[uuid.UUID]
    duration: float | None
    """The video's length in seconds (video notes)."""

    def engagement(self, kind: str) -> Engagement:
        return Engagement(kind, self.topic_ids, self.account_id)


class ReaderEventIn(BaseModel):
    """One event as a reader's page sends it: the server adds the time and the id."""

    model_config = ConfigDict(extra="forbid")

    note_id: uuid.UUID
    kind: EventKindName
    value: int | None = Field(default=None, ge=0, le=MAX_WATCH_SECONDS)
    completed: bool | None = None
    product_id: uuid.UUID | None = None


_ITEMS = TypeAdapter(list[object])
_ITEM = TypeAdapter(ReaderEventIn)


def _public(query):
    return query.where(
        Note.status == "published", Note.visibility == "public", Note.published_at.is_not(None)
    )


def public_notes(session: Session, note_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, PublicNote]:
    """The public published notes among `note_ids` (others are left out)."""
    ids = list(set(note_ids))
    rows = session.execute(
        _public(select(Note.id, Note.account_id, Note.type).where(Note.id.in_(ids)))
    ).all()
    if not rows:
        return {}
    found = [row.id for row in rows]
    topics: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for note_id, topic_id in session.execute(
        select(NoteTopic.note_id, NoteTopic.topic_id)
        .where(NoteTopic.note_id.in_(found))
        .order_by(NoteTopic.note_id, NoteTopic.position)
    ):
        topics[note_id].append(topic_id)
    products: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for note_id, product_id in session.execute(
        select(NoteProduct.note_id, NoteProduct.product_id).where(NoteProduct.note_id.in_(found))
    ):
        products[note_id].add(product_id)
    durations = dict(
        session.execute(
            select(NoteMedia.note_id, MediaAsset.duration_ms)
            .join(
                MediaAsset,
                MediaAsset.sha256 == func.coalesce(NoteMedia.rendered_sha256, NoteMedia.sha256),
            )
            .where(NoteMedia.note_id.in_(found), NoteMedia.position == 0)
        ).all()
    )
    return {
        row.id: PublicNote(
            id=row.id,
            account_id=row.account_id,
            type=row.type,
            topic_ids=tuple(topics[row.id]),
            product_ids=frozenset(products[row.id]),
            duration=(durations.get(row.id) or 0) / 1000 if row.type == "video" else None,
        )
        for row in rows
    }


def public_note(session: Session, note_id: uuid.UUID) -> PublicNote:
    """Raises: NotFound `note.not_found` unless the note is public and published."""
    note = public_notes(session, [note_id]).get(note_id)
    if note is None:
        raise NotFound("note.not_found")
    return note


# -- the reader door of POST /events ----------------------------------------------------------


def parse_reader_batch(body: bytes) -> tuple[list[tuple[int, ReaderEventIn]], list[RejectedEvent]]:
    """The events of a reader's batch with their positions, and the malformed ones.

    Raises:
        Invalid: `events.not_a_list` when the body is not a JSON list.
        TooLarge: `events.too_many` ({max}) beyond `MAX_READER_EVENTS`.
    """
    try:
        items = _ITEMS.validate_json(body)
    except ValidationError:
        raise Invalid("events.not_a_list") from None
    if len(items) > MAX_READER_EVENTS:
        raise TooLarge("events.too_many", {"max": MAX_READER_EVENTS})
    good: list[tuple[int, ReaderEventIn]] = []
    bad: list[RejectedEvent] = []
    for index, item in enumerate(items):
        try:
            good.append((index, _ITEM.validate_python(item)))
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"])
            bad.append(
                RejectedEvent(
                    index=index,
                    code="event.invalid",
                    params={"field": field, "reason": first["type"]},
                )
            )
    return good, bad


def reader_event_id(
    reader_id: str, subject: uuid.UUID, kind: str, bucket: str, extra: str = ""
) -> str:
    """The id a reader's event gets: the same reader, subject, kind and bucket give the same id,
    so the event counts once. `bucket` is a time bucket's number, or "ever"."""
    digest = hashlib.sha256(f"{reader_id}|{subject}|{kind}|{bucket}|{extra}".encode()).hexdigest()
    return "r" + digest[:40]


def _bucket(kind: str, now: datetime) -> str:
    return str(math.floor(now.timestamp() / BUCKET_SECONDS[kind]))


def _refusal(event: ReaderEventIn, note: PublicNote | None) -> tuple[str, dict[str, Any]] | None:
    """Why a reader's event cannot count, or None when it can."""
    if note is None:
        return "note.not_found", {}
    kind = event.kind
    if kind not in READER_EVENT_KINDS:
        return "event.kind_not_allowed", {"kind": kind}
    if kind == "product_click":
        if event.product_id is None:
            return "event.product_required", {}
        if event.product_id not in note.product_ids:
            return "event.product_not_linked", {"product_id": str(event.product_id)}
    elif event.product_id is not None:
        return "event.value_not_allowed", {"kind": kind, "field": "product_id"}
    if kind != "view":
        if event.value is not None or event.completed is not None:
            return "event.value_not_allowed", {"kind": kind}
        return None
    return _view_refusal(event, note)


def _view_refusal(event: ReaderEventIn, note: PublicNote) -> tuple[str, dict[str, Any]] | None:
    if event.value is None:
        return ("event.completed_without_watch_time", {}) if event.completed else None
    if note.duration is None:
        return "event.value_not_allowed", {"kind": "view"}
    if event.value > note.duration + WATCH_SLACK:
        return "event.bad_value", {"kind": "view", "max": math.ceil(note.duration)}
    if event.completed and event.value < note.duration * COMPLETION_SHARE:
        return "event.not_completed", {"share": COMPLETION_SHARE}
    return None


def record_reader_events(
    session: Session,
    reader_id: str,
    items: Sequence[tuple[int, ReaderEventIn]],
    rejected: list[RejectedEvent],
    *,
    now: datetime,
) -> tuple[EventsReceipt, list[Engagement]]:
    """Check a reader's events, stamp each with the time and its bucket's id, and record the
    good ones (committed). Returns the receipt and what the views, shares and product clicks
    teach the reader's interests."""
    notes = public_notes(session, {event.note_id for _, event in items})
    good: list[EventIn] = []
    taught: dict[tuple[uuid.UUID, str], Engagement] = {}
    for index, event in items:
        note = notes.get(event.note_id)
        refusal = _refusal(event, note)
        if refusal is not None:
            rejected.append(RejectedEvent(index=index, code=refusal[0], params=refusal[1]))
            continue
        assert note is not None
        extra = str(event.product_id or "")
        event_id = reader_event_id(reader_id, note.id, event.kind, _bucket(event.kind, now), extra)
        good.append(
            EventIn(
                id=event_id,
                note_id=note.id,
                kind=event.kind,
                ts=now,
                value=event.value,
                completed=event.completed,
            )
        )
        if event.kind != "impression":
            taught.setdefault((note.id, event.kind), note.engagement(event.kind))
    accepted, duplicates = events.record(session, good)
    session.commit()
    rejected.sort(key=lambda refusal: refusal.index)
    receipt = EventsReceipt(accepted=accepted, duplicates=duplicates, rejected=rejected)
    return receipt, list(taught.values())


# -- likes and collects ---------------------------------------------------------------------


def _insert_new(session: Session, model: type[Base], values: dict[str, Any]) -> bool:
    """Insert a row unless its key is taken (by anyone, at any moment); whether it was new
    (told by RETURNING: psycopg's rowcount of a skipped insert is not reliable)."""
    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
    key = cast(Table, model.__table__).primary_key.columns
    statement = dialect.insert(model).values(**values).on_conflict_do_nothing().returning(*key)
    return session.execute(statement).first() is not None


def _changed(session: Session, statement: Executable) -> int:
    """How many rows an UPDATE or DELETE changed."""
    return cast("CursorResult[Any]", session.execute(statement)).rowcount


def _record_once(
    session: Session, event_id: str, note_id: uuid.UUID, kind: EventKindName, now: datetime
) -> None:
    events.record(session, [EventIn(id=event_id, note_id=note_id, kind=kind, ts=now)])


def _reaction_counts(session: Session, note_id: uuid.UUID) -> dict[str, int]:
    """Likes and collects as a page shows them: counted ones less those taken back."""
    sums = session.execute(
        select(
            func.coalesce(func.sum(NoteDailyStats.likes), 0),
            func.coalesce(func.sum(NoteDailyStats.collects), 0),
        ).where(NoteDailyStats.note_id == note_id)
    ).one()
    taken_back = dict(
        session.execute(
            select(ReaderReaction.kind, func.count())
            .where(
                ReaderReaction.note_id == note_id,
                ReaderReaction.kind.in_(tuple(_TAKEN_BACK.values())),
            )
            .group_by(ReaderReaction.kind)
        ).all()
    )
    return {
        "likes": max(0, int(sums[0]) - taken_back.get("unlike", 0)),
        "collects": max(0, int(sums[1]) - taken_back.get("uncollect", 0)),
    }


def reaction_state(session: Session, reader_id: str, note_id: uuid.UUID) -> dict[str, Any]:
    """Whether the reader liked and collected the note, and its likes and collects shown."""
    kinds = set(
        session.scalars(
            select(ReaderReaction.kind).where(
                ReaderReaction.reader_id == reader_id, ReaderReaction.note_id == note_id
            )
        )
    )
    return {"liked": "like" in kinds, "collected": "collect" in kinds} | _reaction_counts(
        session, note_id
    )


def set_reaction(
    session: Session,
    reader_id: str,
    note_id: uuid.UUID,
    kind: Literal["like", "collect"],
    on: bool,
    *,
    now: datetime,
) -> tuple[dict[str, Any], Engagement | None]:
    """Like or collect a note (`on`), or take it back; committed. The event counts the first
    time only. Returns `{on, count}` (the count shown) and what it teaches, if anything.

    Raises: NotFound `note.not_found`.
    """
    note = public_note(session, note_id)
    taken_back = _TAKEN_BACK[kind]
    mine = (ReaderReaction.reader_id == reader_id, ReaderReaction.note_id == note.id)
    engagement = None
    if on:
        again = _changed(
            session,
            update(ReaderReaction)
            .where(*mine, ReaderReaction.kind == taken_back)
            .values(kind=kind, created_at=now),
        )
        new = not again and _insert_new(
            session,
            ReaderReaction,
            {"reader_id": reader_id, "note_id": note.id, "kind": kind, "created_at": now},
        )
        if new:
            _record_once(
                session, reader_event_id(reader_id, note.id, kind, "ever"), note.id, kind, now
            )
        if again or new:
            engagement = note.engagement(kind)
    else:
        session.execute(
            update(ReaderReaction).where(*mine, ReaderReaction.kind == kind).values(kind=taken_back)
        )
    session.commit()
    return {"on": on, "count": _reaction_counts(session, note.id)[_SHOWN_COUNTER[kind]]}, engagement


# -- follows ----------------------------------------------------------------------------------


def follow_state(session: Session, reader_id: str, account_id: uuid.UUID) -> tuple[bool, int]:
    """Whether the reader follows the account, and its followers shown (as the platform last
    showed them, plus readers of these pages)."""
    following = session.scalar(
        select(func.count()).where(
            ReaderFollow.reader_id == reader_id, ReaderFollow.account_id == account_id
        )
    )
    return bool(following), _followers(session, account_id)


def _followers(session: Session, account_id: uuid.UUID) -> int:
    platform = session.scalar(select(Account.followers).where(Account.id == account_id)) or 0
    readers = session.scalar(
        select(func.count()).select_from(ReaderFollow).where(ReaderFollow.account_id == account_id)
    )
    return int(platform) + int(readers or 0)


def _follow_note(
    session: Session, account_id: uuid.UUID, note_id: uuid.UUID | None
) -> PublicNote | None:
    """The note a follow is credited to: the one the reader followed from when it is the
    account's public note, else the account's latest public note."""
    if note_id is not None:
        note = public_notes(session, [note_id]).get(note_id)
        if note is not None and note.account_id == account_id:
            return note
    latest = session.scalar(
        _public(select(Note.id).where(Note.account_id == account_id))
        .order_by(Note.published_at.desc(), Note.id)
        .limit(1)
    )
    return None if latest is None else public_notes(session, [latest]).get(latest)


def set_follow(
    session: Session,
    reader_id: str,
    account_id: uuid.UUID,
    on: bool,
    note_id: uuid.UUID | None,
    *,
    now: datetime,
) -> tuple[dict[str, Any], Engagement | None]:
    """Follow an account (`on`) or stop; committed. The first follow counts a follow event on
    the note it came from (see `_follow_note`); an account without public notes gets none.

    Raises: NotFound `account.not_found`.
    """
    if session.get(Account, account_id) is None:
        raise NotFound("account.not_found")
    engagement = None
    if on:
        values = {"reader_id": reader_id, "account_id": account_id, "created_at": now}
        if _insert_new(session, ReaderFollow, values):
            note = _follow_note(session, account_id, note_id)
            if note is not None:
                event_id = reader_event_id(reader_id, account_id, "follow", "ever")
                _record_once(session, event_id, note.id, "follow", now)
            topics = note.topic_ids if note is not None else ()
            engagement = Engagement("follow", topics, account_id)
    else:
        session.execute(
            delete(ReaderFollow).where(
                ReaderFollow.reader_id == reader_id, ReaderFollow.account_id == account_id
            )
        )
    session.commit()
    return {"on": on, "count": _followers(session, account_id)}, engagement


# -- comments ---------------------------------------------------------------------------------


def _one_reader_at_a_time(session: Session, reader_id: str) -> None:
    """Serialise one reader's comments and orders across processes, so their limits hold: an
    advisory lock on PostgreSQL; SQLite's single writer does it once the transaction writes."""
    if session.get_bind().dialect.name == "postgresql":
        key = (_LOCK_SPACE << 32) | zlib.crc32(reader_id.encode())
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _retry_after(moment: datetime, now: datetime) -> dict[str, int]:
    return {"retry_after": max(1, math.ceil((moment - now).total_seconds()))}


def comment_name(name: str | None, reader_id: str) -> str:
    """The name a comment is signed with: the one given, on one line, or 读者 and four hex
    digits of the reader's id.

    Raises: Invalid `reader_comment.name_too_long` ({max}).
    """
    too_long = Invalid("reader_comment.name_too_long", {"max": moderation.MAX_NAME_CHARS})
    if name and len(name) > 8 * NAME_CODE_POINTS:  # not worth cleaning to measure
        raise too_long
    cleaned = " ".join(moderation.clean(name or "").split())
    if not cleaned:
        return DEFAULT_NAME + reader_id[:4]
    if len(cleaned) > NAME_CODE_POINTS or moderation.length(cleaned) > moderation.MAX_NAME_CHARS:
        raise too_long
    return cleaned


def comment_words(rules: RulesPack) -> tuple[list[str], list[str]]:
    """The words that hold a comment for its author, and their exemptions. A rules pack of
    its own (`serve --rules`) without a `comments` group holds comments for links only."""
    group = rules.rules.get("comments", {})
    return list(group.get("forbidden", [])), list(group.get("exempt", []))


def add_comment(
    session: Session,
    rules: RulesPack,
    reader_id: str,
    note_id: uuid.UUID,
    body: str,
    name: str | None,
    *,
    now: datetime,
) -> tuple[ReaderComment, Engagement]:
    """A reader's comment on a note, committed: shown at once, or held for the note's author
    when it carries a word of the rules pack's `comments` group or a link (then no event counts
    until the author lets it through, as "c:" + its id).

    Raises:
        NotFound: `note.not_found`.
        Invalid: `reader_comment.empty`, `reader_comment.too_long` ({max}),
            `reader_comment.name_too_long` ({max}).
        TooManyRequests: `reader_comment.rate_limited` ({retry_after}): one comment per 15 s
            and 20 an hour per reader.
    """
    note = public_note(session, note_id)
    if len(body) > 8 * moderation.MAX_BODY_CHARS:  # not worth cleaning to measure
        raise Invalid("reader_comment.too_long", {"max": moderation.MAX_BODY_CHARS})
    cleaned = moderation.clean(body)
    size = moderation.length(cleaned)
    if not size:
        raise Invalid("reader_comment.empty")
    if size > moderation.MAX_BODY_CHARS:
        raise Invalid("reader_comment.too_long", {"max": moderation.MAX_BODY_CHARS})
    signed = comment_name(name, reader_id)
    verdict = moderation.moderate(
        f"{signed}\n{cleaned}",
        *comment_words(rules),
    )
    _one_reader_at_a_time(session, reader_id)
    comment = ReaderComment(
        id=uuid.uuid4(),
        note_id=note.id,
        reader_id=reader_id,
        name=signed,
        body=cleaned,
        status=verdict.status,
        held_reason=verdict.reason,
        created_at=now,
    )
    session.add(comment)
    session.flush()  # written first: on SQLite the write lock now keeps other writers waiting
    recent = list(
        session.scalars(
            select(ReaderComment.created_at)
            .where(
                ReaderComment.reader_id == reader_id,
                ReaderComment.created_at > now - timedelta(hours=1),
                ReaderComment.id != comment.id,
            )
            .order_by(ReaderComment.created_at.desc())
        )
    )
    if recent and recent[0] > now - COMMENT_GAP:
        session.rollback()
        raise TooManyRequests(
            "reader_comment.rate_limited", _retry_after(recent[0] + COMMENT_GAP, now)
        )
    if len(recent) >= COMMENTS_PER_HOUR:
        oldest = recent[COMMENTS_PER_HOUR - 1]
        session.rollback()
        raise TooManyRequests(
            "reader_comment.rate_limited", _retry_after(oldest + timedelta(hours=1), now)
        )
    if verdict.status == moderation.VISIBLE:
        count_comment(session, comment, now=now)
    session.commit()
    return comment, note.engagement("comment")


def count_comment(session: Session, comment: ReaderComment, *, now: datetime | None = None) -> None:
    """Count a comment shown on its note (at once, or when its author lets a held one
    through), in the caller's transaction: its event id is "c:" + its id, so it counts once."""
    _record_once(session, f"c:{comment.id}", comment.note_id, "comment", now or utcnow())


def visible_comments(
    session: Session, note_id: uuid.UUID, reader_id: str, limit: int = 50
) -> list[ReaderComment]:
    """A note's comments a reader sees, newest first: the visible ones and their own held
    ones."""
    return list(
        session.scalars(
            select(ReaderComment)
            .where(
                ReaderComment.note_id == note_id,
                or_(
                    ReaderComment.status == moderation.VISIBLE,
                    (ReaderComment.status == moderation.HELD)
                    & (ReaderComment.reader_id == reader_id),
                ),
            )
            .order_by(ReaderComment.created_at.desc(), ReaderComment.id)
            .limit(limit)
        )
    )


# -- orders -----------------------------------------------------------------------------------


def _order_note(
    session: Session, note_id: uuid.UUID | None, product_id: uuid.UUID
) -> PublicNote | None:
    """The note an order is credited to: the public note the reader came from, when it links
    the product. An order from anywhere else is not any note's."""
    if note_id is None:
        return None
    note = public_notes(session, [note_id]).get(note_id)
    return note if note is not None and product_id in note.product_ids else None


def place_order(
    session: Session,
    reader_id: str,
    product_id: uuid.UUID,
    quantity: int,
    note_id: uuid.UUID | None,
    *,
    now: datetime,
) -> tuple[ReaderOrder, int, Engagement | None]:
    """Buy a product (a demo: recorded, no payment), committed. The stock goes down in one
    conditional update, so concurrent buyers never get more than there is, and the product's
    version moves, so a brand editing it in the studio sees the change. Returns the order,
    the stock left and what it teaches.

    Raises:
        Invalid: `reader_order.bad_quantity` ({min, max}); `product.off_shelf`.
        NotFound: `product.not_found`.
        Conflict: `product.sold_out` ({stock}): fewer left than asked for.
        TooManyRequests: `reader_order.rate_limited` ({retry_after}): 10 an hour per reader.
    """
    if not 1 <= quantity <= MAX_QUANTITY:
        raise Invalid("reader_order.bad_quantity", {"min": 1, "max": MAX_QUANTITY})
    _one_reader_at_a_time(session, reader_id)
    taken = session.execute(
        update(Product)
        .where(Product.id == product_id, Product.status == "on_sale", Product.stock >= quantity)
        .values(stock=Product.stock - quantity, version=Product.version + 1)
        .returning(Product.stock, Product.price_fen),
        execution_options={"synchronize_session": False},
    ).one_or_none()
    if taken is None:
        product = session.get(Product, product_id)
        session.rollback()
        if product is None:
            raise NotFound("product.not_found")
        if product.status != "on_sale":
            raise Invalid("product.off_shelf")
        raise Conflict("product.sold_out", {"stock": product.stock})
    recent = list(
        session.scalars(
            select(ReaderOrder.created_at)
            .where(
                ReaderOrder.reader_id == reader_id,
                ReaderOrder.created_at > now - timedelta(hours=1),
            )
            .order_by(ReaderOrder.created_at.desc())
            .limit(ORDERS_PER_HOUR)
        )
    )
    if len(recent) >= ORDERS_PER_HOUR:
        session.rollback()
        raise TooManyRequests(
            "reader_order.rate_limited", _retry_after(recent[-1] + timedelta(hours=1), now)
        )
    stock, price = taken
    note = _order_note(session, note_id, product_id)
    order = ReaderOrder(
        id=uuid.uuid4(),
        product_id=product_id,
        note_id=note.id if note else None,
        reader_id=reader_id,
        quantity=quantity,
        amount_fen=price * quantity,
        created_at=now,
    )
    session.add(order)
    session.flush()
    if note is not None:
        events.record(
            session,
            [
                EventIn(
                    id=f"o:{order.id}",
                    note_id=note.id,
                    kind="order",
                    ts=now,
                    value=order.amount_fen,
                )
            ],
        )
    session.commit()
    return order, int(stock), note.engagement("order") if note else None


# -- what the note and product pages show -----------------------------------------------------


@dataclass(frozen=True)
class Medium:
    """A photo or video a page shows, with its size (and a video's length in seconds)."""

    sha256: str
    width: int
    height: int
    duration: float | None = None

    @property
    def video(self) -> bool:
        return self.duration is not None


@dataclass(frozen=True)
class NotePage:
    note: Note
    author: Account
    media: list[Medium]
    topics: list[tuple[uuid.UUID, str]]
    products: list[Product]
    brand: str | None
    """The brand of the collaboration the note discloses."""
    comments: int
    shares: int


def note_page(session: Session, note_id: uuid.UUID) -> NotePage | None:
    """What a note's page shows of it, or None unless it is public and published."""
    note = session.scalar(_public(select(Note).where(Note.id == note_id)))
    if note is None:
        return None
    author = session.get(Account, note.account_id)
    assert author is not None
    media = [
        Medium(
            sha256=item.rendered_sha256 or item.sha256,
            width=(item.rendered_width or item.width) or 3,
            height=(item.rendered_height or item.height) or 4,
            duration=(item.rendered or item.asset).duration,
        )
        for item in note.media
    ]
    topics = [
        (topic_id, name)
        for topic_id, name in session.execute(
            select(Topic.id, Topic.name)
            .join(NoteTopic, NoteTopic.topic_id == Topic.id)
            .where(NoteTopic.note_id == note.id)
            .order_by(NoteTopic.position)
        )
    ]
    brand = None
    if note.collaboration:
        brand = session.scalar(
            select(Organization.name)
            .join(Brief, Brief.organization_id == Organization.id)
            .join(Collaboration, Collaboration.brief_id == Brief.id)
            .where(Collaboration.note_id == note.id)
        )
    comments, shares = session.execute(
        select(
            func.coalesce(func.sum(NoteDailyStats.comments), 0),
            func.coalesce(func.sum(NoteDailyStats.shares), 0),
        ).where(NoteDailyStats.note_id == note.id)
    ).one()
    return NotePage(
        note=note,
        author=author,
        media=media,
        topics=topics,
        products=[link.product for link in note.product_links],
        brand=brand,
        comments=int(comments),
        shares=int(shares),
    )


def product_media(session: Session, product: Product) -> list[Medium]:
    """A product's images, main one first, with their sizes."""
    shas = list(
        dict.fromkeys([*([product.image_sha256] if product.image_sha256 else []), *product.images])
    )
    sizes = {
        asset.sha256: asset
        for asset in session.scalars(select(MediaAsset).where(MediaAsset.sha256.in_(shas)))
    }
    return [
        Medium(sha, sizes[sha].width or 1, sizes[sha].height or 1) for sha in shas if sha in sizes
    ]


def product_from_note(session: Session, product_id: uuid.UUID, note_id: uuid.UUID | None) -> bool:
    """Whether a reader who came from `note_id` to this product would have the order credited
    to that note."""
    return _order_note(session, note_id, product_id) is not None
