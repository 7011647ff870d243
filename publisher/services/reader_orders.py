"""A reader's order on a product page (a demo: recorded, no payment), and the note it counts
for: the public note the reader came from, when that note links the product."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from publisher.db.models import Product, ReaderOrder
from publisher.services import events
from publisher.services.errors import Conflict, Invalid, NotFound, TooManyRequests
from publisher.services.reader_actions import (
    Engagement,
    PublicNote,
    one_reader_at_a_time,
    public_notes,
    retry_after,
)
from publisher.stats_schemas import EventIn

ORDERS_PER_HOUR = 10
MAX_QUANTITY = 5


def _order_note(
    session: Session, note_id: uuid.UUID | None, product_id: uuid.UUID
) -> PublicNote | None:
    """The note an order is credited to: the public note the reader came from, when it links
    the product. An order from anywhere else is not any note's."""
    if note_id is None:
        return None
    note = public_notes(session, [note_id]).get(note_id)
    return note if note is not None and product_id in note.product_ids else None


def product_from_note(session: Session, product_id: uuid.UUID, note_id: uuid.UUID | None) -> bool:
    """Whether a reader who came from `note_id` to this product would have the order credited
    to that note."""
    return _order_note(session, note_id, product_id) is not None


def place_order(
    session: Session,
    reader_id: str,
    product_id: uuid.UUID,
    quantity: int,
    note_id: uuid.UUID | None,
    *,
    now: datetime,
) -> tuple[ReaderOrder, int, Engagement | None]:
    """Buy a product, committed. The stock goes down in one conditional update, so concurrent
    buyers never get more than there is, and the product's version moves, so a brand editing
    it in the studio sees the change. Returns the order, the stock left and what it teaches.

    Raises:
        Invalid: `reader_order.bad_quantity` ({min, max}); `product.off_shelf`.
        NotFound: `product.not_found`.
        Conflict: `product.sold_out` ({stock}): fewer left than asked for.
        TooManyRequests: `reader_order.rate_limited` ({retry_after}): 10 an hour per reader.
    """
    if not 1 <= quantity <= MAX_QUANTITY:
        raise Invalid("reader_order.bad_quantity", {"min": 1, "max": MAX_QUANTITY})
    one_reader_at_a_time(session, reader_id)
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
            "reader_order.rate_limited", retry_after(recent[-1] + timedelta(hours=1), now)
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
        order_event = EventIn(
            id=f"o:{order.id}", note_id=note.id, kind="order", ts=now, value=order.amount_fen
        )
        events.record(session, [order_event])
    session.commit()
    return order, int(stock), note.engagement("order") if note else None
