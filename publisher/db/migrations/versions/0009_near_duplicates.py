"""near duplicates: perceptual fingerprints of media and of note texts, kept by content

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import publisher.db.base

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "media_fingerprints",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hashes", sa.Text(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["media_assets.sha256"],
            name=op.f("fk_media_fingerprints_sha256_media_assets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_media_fingerprints")),
    )
    op.create_table(
        "text_fingerprints",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("shingles", sa.Integer(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_text_fingerprints")),
    )


def downgrade() -> None:
    op.drop_table("text_fingerprints")
    op.drop_table("media_fingerprints")
