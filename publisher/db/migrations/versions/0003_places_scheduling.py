"""places and scheduled publishing: user places, a note's place, who scheduled and confirmed
it, notifications

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import publisher.db.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_places",
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("pinyin", sa.String(length=400), nullable=False),
        sa.Column("initials", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_user_places_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_user_places_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_places")),
    )
    op.create_index(
        op.f("ix_user_places_organization_id"), "user_places", ["organization_id"], unique=False
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("note_id", sa.Uuid(), nullable=True),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("read_at", publisher.db.base.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["notes.id"],
            name=op.f("fk_notifications_note_id_notes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_notifications_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    op.create_index(op.f("ix_notifications_user_id"), "notifications", ["user_id"], unique=False)
    # Plain ADD COLUMN, never a batch copy of `notes`: on SQLite the copy drops the old table,
    # and with foreign keys on that cascades into note_media and deletes every note's media.
    # SQLite cannot add a foreign key to an existing table, so the two user ids carry none.
    for column in (
        sa.Column("place_id", sa.String(length=64), nullable=True),
        sa.Column("place", sa.JSON(), nullable=True),
        sa.Column("scheduled_by", sa.Uuid(), nullable=True),
        sa.Column(
            "published_by_scheduler", sa.Boolean(), nullable=False, server_default=sa.false()
        ),
        sa.Column("published_late", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("posted_at", publisher.db.base.UTCDateTime(), nullable=True),
        sa.Column("posted_by", sa.Uuid(), nullable=True),
        sa.Column("posted_link", sa.Text(), nullable=True),
    ):
        op.add_column("notes", column)


def downgrade() -> None:
    for column in (
        "posted_link",
        "posted_by",
        "posted_at",
        "published_late",
        "published_by_scheduler",
        "scheduled_by",
        "place",
        "place_id",
    ):
        op.drop_column("notes", column)
    op.drop_index(op.f("ix_notifications_user_id"), table_name="notifications")
    op.drop_table("notifications")
    op.drop_index(op.f("ix_user_places_organization_id"), table_name="user_places")
    op.drop_table("user_places")
