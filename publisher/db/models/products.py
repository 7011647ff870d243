"""Storefronts and their products, and the products a note links to, in order.

A storefront belongs to an organization (a brand, or a creator's own shop); its members see
and edit it. Money is an integer number of fen with a currency code.
"""

from __future__ import annotations

import uuid

from sqlalchemy import JSON, BigInteger, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from publisher.db.base import Base, IdMixin, TimestampMixin, VersionedMixin


class Storefront(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "storefronts"

    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    introduction: Mapped[str] = mapped_column(Text, default="", server_default="")
    logo_sha256: Mapped[str | None] = mapped_column(String(64))
    """No foreign key: SQLite cannot add one to an existing table; the service checks it."""


class Product(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("storefront_id", "sku"),)

    # The unique (storefront_id, sku) index also serves "this storefront's products".
    storefront_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("storefronts.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String(200))
    sku: Mapped[str] = mapped_column(String(64))
    price_fen: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    stock: Mapped[int] = mapped_column(default=0)
    image_sha256: Mapped[str | None] = mapped_column(ForeignKey("media_assets.sha256"), index=True)
    """The main image: the first of `images`."""
    images: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    status: Mapped[str] = mapped_column(String(12), default="on_sale", server_default="on_sale")
    """on_sale | off_shelf (kept, but no longer offered to notes)."""
    external_url: Mapped[str | None] = mapped_column(Text)

    storefront: Mapped[Storefront] = relationship(lazy="joined")


class NoteProduct(Base):
    __tablename__ = "note_products"
    __table_args__ = (UniqueConstraint("note_id", "position"),)

    note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True
    )
    product_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int]

    product: Mapped[Product] = relationship(lazy="joined")
    """Joined so a note carries its products' names: a reopened draft shows them."""
