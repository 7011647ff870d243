"""brands: storefront details, product images and status, account criteria, briefs,
collaborations, submissions, review comments, the audit log and note protection

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import publisher.db.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("object_kind", sa.String(length=20), nullable=False),
        sa.Column("object_id", sa.Uuid(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_audit_log_user_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_object_id"), "audit_log", ["object_id"], unique=False)

    op.create_table(
        "briefs",
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("campaign", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("note_type", sa.String(length=8), nullable=False),
        sa.Column("note_count", sa.Integer(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("mentions", sa.JSON(), nullable=False),
        sa.Column("key_messages", sa.JSON(), nullable=False),
        sa.Column("forbidden_words", sa.JSON(), nullable=False),
        sa.Column("dos", sa.JSON(), nullable=False),
        sa.Column("donts", sa.JSON(), nullable=False),
        sa.Column("fee_fen", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("followers_min", sa.BigInteger(), nullable=False),
        sa.Column("followers_max", sa.BigInteger(), nullable=True),
        sa.Column("region", sa.String(length=32), nullable=False),
        sa.Column("apply_by", publisher.db.base.UTCDateTime(), nullable=True),
        sa.Column("publish_from", publisher.db.base.UTCDateTime(), nullable=True),
        sa.Column("publish_until", publisher.db.base.UTCDateTime(), nullable=True),
        sa.Column("protection_days", sa.Integer(), nullable=False),
        sa.Column("review_hours", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_briefs_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_briefs_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefs")),
    )
    op.create_index(op.f("ix_briefs_organization_id"), "briefs", ["organization_id"], unique=False)
    op.create_index(op.f("ix_briefs_status"), "briefs", ["status"], unique=False)

    op.create_table(
        "brief_products",
        sa.Column("brief_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["brief_id"],
            ["briefs.id"],
            name=op.f("fk_brief_products_brief_id_briefs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_brief_products_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("brief_id", "product_id", name=op.f("pk_brief_products")),
        sa.UniqueConstraint("brief_id", "position", name=op.f("uq_brief_products_brief_id")),
    )
    op.create_index(
        op.f("ix_brief_products_product_id"), "brief_products", ["product_id"], unique=False
    )
    op.create_table(
        "collaborations",
        sa.Column("brief_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("quote_fen", sa.BigInteger(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("note_id", sa.Uuid(), nullable=True),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("review_due_at", publisher.db.base.UTCDateTime(), nullable=True),
        sa.Column("published_at", publisher.db.base.UTCDateTime(), nullable=True),
        sa.Column("reminders", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_collaborations_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["brief_id"],
            ["briefs.id"],
            name=op.f("fk_collaborations_brief_id_briefs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["notes.id"],
            name=op.f("fk_collaborations_note_id_notes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collaborations")),
        sa.UniqueConstraint("brief_id", "account_id", name=op.f("uq_collaborations_brief_id")),
        sa.UniqueConstraint("note_id", name=op.f("uq_collaborations_note_id")),
    )
    op.create_index(
        op.f("ix_collaborations_account_id"), "collaborations", ["account_id"], unique=False
    )
    op.create_index(op.f("ix_collaborations_state"), "collaborations", ["state"], unique=False)

    op.create_table(
        "review_comments",
        sa.Column("collaboration_id", sa.Uuid(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("side", sa.String(length=8), nullable=False),
        sa.Column("target", sa.String(length=8), nullable=False),
        sa.Column("field", sa.String(length=16), nullable=True),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("region", sa.JSON(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("resolved_at", publisher.db.base.UTCDateTime(), nullable=True),
        sa.Column("resolved_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_review_comments_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["collaboration_id"],
            ["collaborations.id"],
            name=op.f("fk_review_comments_collaboration_id_collaborations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by"],
            ["users.id"],
            name=op.f("fk_review_comments_resolved_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_comments")),
    )
    op.create_index(
        op.f("ix_review_comments_collaboration_id"),
        "review_comments",
        ["collaboration_id"],
        unique=False,
    )

    op.create_table(
        "submissions",
        sa.Column("collaboration_id", sa.Uuid(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("submitted_by", sa.Uuid(), nullable=True),
        sa.Column("submitted_at", publisher.db.base.UTCDateTime(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("decided_at", publisher.db.base.UTCDateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["collaboration_id"],
            ["collaborations.id"],
            name=op.f("fk_submissions_collaboration_id_collaborations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"],
            ["users.id"],
            name=op.f("fk_submissions_decided_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by"],
            ["users.id"],
            name=op.f("fk_submissions_submitted_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submissions")),
        sa.UniqueConstraint(
            "collaboration_id", "round", name=op.f("uq_submissions_collaboration_id")
        ),
    )
    op.create_table(
        "submission_media",
        sa.Column("submission_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["media_assets.sha256"],
            name=op.f("fk_submission_media_sha256_media_assets"),
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name=op.f("fk_submission_media_submission_id_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("submission_id", "position", name=op.f("pk_submission_media")),
    )
    op.create_index(
        op.f("ix_submission_media_sha256"), "submission_media", ["sha256"], unique=False
    )
    # Plain ADD COLUMN, as in 0004 and 0006: a batch would recreate the tables.
    op.add_column(
        "accounts", sa.Column("followers", sa.BigInteger(), server_default="0", nullable=False)
    )
    op.add_column(
        "accounts", sa.Column("category", sa.String(length=32), server_default="", nullable=False)
    )
    op.add_column(
        "accounts", sa.Column("region", sa.String(length=32), server_default="", nullable=False)
    )

    op.add_column(
        "notes", sa.Column("protected_until", publisher.db.base.UTCDateTime(), nullable=True)
    )

    op.add_column("products", sa.Column("images", sa.JSON(), server_default="[]", nullable=False))
    op.add_column(
        "products",
        sa.Column("status", sa.String(length=12), server_default="on_sale", nullable=False),
    )
    op.add_column("products", sa.Column("external_url", sa.Text(), nullable=True))

    op.add_column(
        "storefronts", sa.Column("introduction", sa.Text(), server_default="", nullable=False)
    )
    op.add_column("storefronts", sa.Column("logo_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    op.drop_column("storefronts", "logo_sha256")
    op.drop_column("storefronts", "introduction")

    op.drop_column("products", "external_url")
    op.drop_column("products", "status")
    op.drop_column("products", "images")

    op.drop_column("notes", "protected_until")

    op.drop_column("accounts", "region")
    op.drop_column("accounts", "category")
    op.drop_column("accounts", "followers")

    op.drop_index(op.f("ix_submission_media_sha256"), table_name="submission_media")
    op.drop_table("submission_media")
    op.drop_table("submissions")
    op.drop_index(op.f("ix_review_comments_collaboration_id"), table_name="review_comments")

    op.drop_table("review_comments")
    op.drop_index(op.f("ix_collaborations_state"), table_name="collaborations")
    op.drop_index(op.f("ix_collaborations_account_id"), table_name="collaborations")

    op.drop_table("collaborations")
    op.drop_index(op.f("ix_briefs_status"), table_name="briefs")
    op.drop_index(op.f("ix_briefs_organization_id"), table_name="briefs")

    op.drop_index(op.f("ix_brief_products_product_id"), table_name="brief_products")
    op.drop_table("brief_products")
    op.drop_table("briefs")
    op.drop_index(op.f("ix_audit_log_object_id"), table_name="audit_log")

    op.drop_table("audit_log")
