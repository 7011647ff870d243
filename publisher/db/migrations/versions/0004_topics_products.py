"""composer: topics and topic groups, mentions, storefronts and products, note flags

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import publisher.db.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_STAMPS = (
    ("created_at", publisher.db.base.UTCDateTime),
    ("updated_at", publisher.db.base.UTCDateTime),
)


_NOTE = ("note_id", "notes")


def _versioned_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        *(sa.Column(name, kind(), nullable=False) for name, kind in _STAMPS),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def _ordered_link(
    table: str, owner: tuple[str, str], other: tuple[str, str], *, index_other: bool
) -> None:
    """An (owner, other) pair at a unique position per owner: note_topics, note_products …;
    `owner` and `other` are (column, referenced table)."""
    (owner_column, owner_table), (other_column, other_table) = owner, other
    op.create_table(
        table,
        sa.Column(owner_column, sa.Uuid(), nullable=False),
        sa.Column(other_column, sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            [owner_column],
            [f"{owner_table}.id"],
            name=op.f(f"fk_{table}_{owner_column}_{owner_table}"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            [other_column],
            [f"{other_table}.id"],
            name=op.f(f"fk_{table}_{other_column}_{other_table}"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(owner_column, other_column, name=op.f(f"pk_{table}")),
        sa.UniqueConstraint(owner_column, "position", name=op.f(f"uq_{table}_{owner_column}")),
    )
    if index_other:
        op.create_index(op.f(f"ix_{table}_{other_column}"), table, [other_column], unique=False)


def upgrade() -> None:
    op.create_table(
        "topics",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_topics_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topics")),
        sa.UniqueConstraint("key", name=op.f("uq_topics_key")),
    )
    op.create_table(
        "topic_groups",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        *_versioned_columns(),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_topic_groups_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic_groups")),
        sa.UniqueConstraint("user_id", "name", name=op.f("uq_topic_groups_user_id")),
    )
    op.create_table(
        "storefronts",
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        *_versioned_columns(),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_storefronts_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_storefronts")),
    )
    op.create_index(
        op.f("ix_storefronts_organization_id"), "storefronts", ["organization_id"], unique=False
    )
    op.create_table(
        "products",
        sa.Column("storefront_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("price_fen", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=False),
        sa.Column("image_sha256", sa.String(length=64), nullable=True),
        *_versioned_columns(),
        sa.ForeignKeyConstraint(
            ["image_sha256"],
            ["media_assets.sha256"],
            name=op.f("fk_products_image_sha256_media_assets"),
        ),
        sa.ForeignKeyConstraint(
            ["storefront_id"],
            ["storefronts.id"],
            name=op.f("fk_products_storefront_id_storefronts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("storefront_id", "sku", name=op.f("uq_products_storefront_id")),
    )
    _ordered_link(
        "topic_group_items", ("group_id", "topic_groups"), ("topic_id", "topics"), index_other=False
    )
    _ordered_link("note_topics", _NOTE, ("topic_id", "topics"), index_other=True)
    _ordered_link("note_mentions", _NOTE, ("account_id", "accounts"), index_other=True)
    _ordered_link("note_products", _NOTE, ("product_id", "products"), index_other=True)

    # Plain ADD COLUMN (SQLite allows it with a constant default): a batch would recreate
    # the table, and dropping the old one with foreign keys on cascades into notes.
    op.add_column(
        "accounts",
        sa.Column("can_link_products", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "notes",
        sa.Column("visibility", sa.String(length=8), nullable=False, server_default="public"),
    )
    for flag in ("original", "ai_generated", "collaboration"):
        op.add_column(
            "notes", sa.Column(flag, sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    for column in ("collaboration", "ai_generated", "original", "visibility"):
        op.drop_column("notes", column)
    op.drop_column("accounts", "can_link_products")
    for table in ("note_products", "note_mentions", "note_topics", "topic_group_items"):
        op.drop_table(table)
    for table in ("products", "storefronts", "topic_groups", "topics"):
        op.drop_table(table)
