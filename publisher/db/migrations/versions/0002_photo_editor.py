"""photo editor: rendered image beside each note medium, edit presets, user LUTs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import publisher.db.base

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("note_media", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rendered_sha256", sa.String(length=64), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_note_media_rendered_sha256_media_assets"),
            "media_assets",
            ["rendered_sha256"],
            ["sha256"],
        )

    op.create_table(
        "edit_presets",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("recipe", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_edit_presets_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edit_presets")),
        sa.UniqueConstraint("user_id", "name", name=op.f("uq_edit_presets_user_id")),
    )
    op.create_table(
        "user_luts",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_luts_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "sha256", name=op.f("pk_user_luts")),
    )


def downgrade() -> None:
    op.drop_table("user_luts")
    op.drop_table("edit_presets")
    with op.batch_alter_table("note_media", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_note_media_rendered_sha256_media_assets"), type_="foreignkey"
        )
        batch_op.drop_column("rendered_sha256")
