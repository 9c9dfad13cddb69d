"""Previews: what a publish of the revision under review would put online, per language.

A new table with the columns of a language version, and the preview job that made it; it is
filled by preview jobs from now on (revisions submitted before it have no preview until an
approver asks for one).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 23:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "previewversion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bulletin_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("translation", sa.String(), nullable=False),
        sa.Column("route", sa.String(), nullable=True),
        sa.Column("models", sa.JSON(), nullable=True),
        sa.Column("voice", sa.String(), nullable=True),
        sa.Column("voice_substitute_for", sa.String(), nullable=True),
        sa.Column("audio_file", sa.String(), nullable=True),
        sa.Column("captions_file", sa.String(), nullable=True),
        sa.Column("audio_seconds", sa.Float(), nullable=True),
        sa.Column("flags", sa.JSON(), nullable=True),
        sa.Column("detail", sa.String(), nullable=True),
        sa.Column("translated_from", sa.String(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("job_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["bulletin_id"], ["bulletin.id"]),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("bulletin_id", "language"),
    )
    with op.batch_alter_table("previewversion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_previewversion_bulletin_id"), ["bulletin_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("previewversion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_previewversion_bulletin_id"))
    op.drop_table("previewversion")
