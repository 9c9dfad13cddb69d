"""Emergency notices: emergencies, their versions, each language's published text, reviews.

Four new tables; nothing that exists changes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 23:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "emergency",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("emergency", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_emergency_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_emergency_template_id"), ["template_id"], unique=False)

    op.create_table(
        "emergencyversion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("emergency_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("message_type", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("slots", sa.JSON(), nullable=True),
        sa.Column("addition", sa.String(), nullable=True),
        sa.Column("issued_by", sa.String(), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("without_second_approver", sa.Boolean(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("job_id", sa.String(), nullable=False),
        sa.Column("job_state", sa.String(), nullable=False),
        sa.Column("job_error", sa.String(), nullable=True),
        sa.Column("job_attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["approved_by_id"], ["staffmember.id"]),
        sa.ForeignKeyConstraint(["emergency_id"], ["emergency.id"]),
        sa.ForeignKeyConstraint(["issued_by_id"], ["staffmember.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("emergency_id", "number"),
    )
    with op.batch_alter_table("emergencyversion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_emergencyversion_emergency_id"), ["emergency_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_emergencyversion_job_id"), ["job_id"], unique=True)
        batch_op.create_index(
            batch_op.f("ix_emergencyversion_job_state"), ["job_state"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_emergencyversion_state"), ["state"], unique=False)

    op.create_table(
        "emergencytext",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("review", sa.String(), nullable=False),
        sa.Column("message", sa.JSON(), nullable=True),
        sa.Column("addition", sa.String(), nullable=True),
        sa.Column("addition_translation", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["emergencyversion.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("version_id", "language"),
    )
    with op.batch_alter_table("emergencytext", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_emergencytext_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "wordingreview",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("wording_hash", sa.String(), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["reviewed_by_id"], ["staffmember.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("wordingreview", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wordingreview_template_id"), ["template_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("wordingreview", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wordingreview_template_id"))
    op.drop_table("wordingreview")
    with op.batch_alter_table("emergencytext", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_emergencytext_version_id"))
    op.drop_table("emergencytext")
    with op.batch_alter_table("emergencyversion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_emergencyversion_state"))
        batch_op.drop_index(batch_op.f("ix_emergencyversion_job_state"))
        batch_op.drop_index(batch_op.f("ix_emergencyversion_job_id"))
        batch_op.drop_index(batch_op.f("ix_emergencyversion_emergency_id"))
    op.drop_table("emergencyversion")
    with op.batch_alter_table("emergency", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_emergency_template_id"))
        batch_op.drop_index(batch_op.f("ix_emergency_state"))
    op.drop_table("emergency")
