"""Bulletin images: one row per image of each revision (kind, Japanese alt text, stored files).

A new table; existing revisions have no images, and their stored snapshots read as before.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27 23:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bulletinimage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bulletin_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("image_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("alt", sa.String(), nullable=False),
        sa.Column("renditions", sa.JSON(), nullable=True),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("original_name", sa.String(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["bulletin_id"], ["bulletin.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("bulletin_id", "revision", "image_id"),
    )
    with op.batch_alter_table("bulletinimage", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bulletinimage_bulletin_id"), ["bulletin_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("bulletinimage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bulletinimage_bulletin_id"))
    op.drop_table("bulletinimage")
