"""reader side: reactions, follows, comments, orders, searches

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import publisher.db.base

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reader_searches",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("query", sa.String(length=64), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", "query", name=op.f("pk_reader_searches")),
    )
    op.create_table(
        "reader_follows",
        sa.Column("reader_id", sa.String(length=32), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_reader_follows_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("reader_id", "account_id", name=op.f("pk_reader_follows")),
    )
    with op.batch_alter_table("reader_follows", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reader_follows_account_id"), ["account_id"], unique=False
        )

    op.create_table(
        "reader_comments",
        sa.Column("note_id", sa.Uuid(), nullable=False),
        sa.Column("reader_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("held_reason", sa.String(length=16), nullable=True),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["notes.id"],
            name=op.f("fk_reader_comments_note_id_notes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reader_comments")),
    )
    with op.batch_alter_table("reader_comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reader_comments_note_id"), ["note_id"], unique=False)
        batch_op.create_index(
            "ix_reader_comments_reader_id_created_at", ["reader_id", "created_at"], unique=False
        )

    op.create_table(
        "reader_orders",
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("note_id", sa.Uuid(), nullable=True),
        sa.Column("reader_id", sa.String(length=32), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["notes.id"],
            name=op.f("fk_reader_orders_note_id_notes"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_reader_orders_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reader_orders")),
    )
    with op.batch_alter_table("reader_orders", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reader_orders_product_id"), ["product_id"], unique=False
        )
        batch_op.create_index(
            "ix_reader_orders_reader_id_created_at", ["reader_id", "created_at"], unique=False
        )

    op.create_table(
        "reader_reactions",
        sa.Column("reader_id", sa.String(length=32), nullable=False),
        sa.Column("note_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["notes.id"],
            name=op.f("fk_reader_reactions_note_id_notes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("reader_id", "note_id", "kind", name=op.f("pk_reader_reactions")),
    )
    with op.batch_alter_table("reader_reactions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reader_reactions_note_id"), ["note_id"], unique=False)

    # What the reader pages' media route asks: is this hash shown by a public note or product?
    with op.batch_alter_table("note_media", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_media_sha256"), ["sha256"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_note_media_rendered_sha256"), ["rendered_sha256"], unique=False
        )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_products_image_sha256"), ["image_sha256"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_image_sha256"))
    with op.batch_alter_table("note_media", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_media_rendered_sha256"))
        batch_op.drop_index(batch_op.f("ix_note_media_sha256"))
    with op.batch_alter_table("reader_reactions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reader_reactions_note_id"))

    op.drop_table("reader_reactions")
    with op.batch_alter_table("reader_orders", schema=None) as batch_op:
        batch_op.drop_index("ix_reader_orders_reader_id_created_at")
        batch_op.drop_index(batch_op.f("ix_reader_orders_product_id"))

    op.drop_table("reader_orders")
    with op.batch_alter_table("reader_comments", schema=None) as batch_op:
        batch_op.drop_index("ix_reader_comments_reader_id_created_at")
        batch_op.drop_index(batch_op.f("ix_reader_comments_note_id"))

    op.drop_table("reader_comments")
    with op.batch_alter_table("reader_follows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reader_follows_account_id"))

    op.drop_table("reader_follows")
    op.drop_table("reader_searches")
