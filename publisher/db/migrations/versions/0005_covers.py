"""covers: brand kits, user templates, the composition of a note medium

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import publisher.db.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _versioned_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "brand_kits",
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("colors", sa.JSON(), nullable=False),
        sa.Column("font", sa.String(length=16), nullable=False),
        sa.Column("logo_sha256", sa.String(length=64), nullable=True),
        *_versioned_columns(),
        sa.ForeignKeyConstraint(
            ["logo_sha256"],
            ["media_assets.sha256"],
            name=op.f("fk_brand_kits_logo_sha256_media_assets"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_brand_kits_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brand_kits")),
        sa.UniqueConstraint("organization_id", name=op.f("uq_brand_kits_organization_id")),
    )
    op.create_table(
        "user_templates",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        *_versioned_columns(),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_user_templates_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_templates")),
        sa.UniqueConstraint("user_id", "name", name=op.f("uq_user_templates_user_id")),
    )
    # Plain ADD COLUMN, as in 0004: a batch would recreate note_media.
    op.add_column("note_media", sa.Column("composition", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("note_media", "composition")
    op.drop_table("user_templates")
    op.drop_table("brand_kits")
