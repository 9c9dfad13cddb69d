"""Scheduled publishing: a revision's publish and expiry times, and jobs that wait for them.

- ``revision`` gains ``publish_at`` and ``expires_at`` (empty on older revisions: they had no
  schedule), reviewed with the rest of the revision.
- ``job`` gains ``run_at``: a ``scheduled`` job waits until then (empty on older jobs).
- ``withdrawal`` gains ``reason``: ``retracted`` for every older withdrawal (only staff could
  take a notice down before), ``expired`` when its expiry time took it down.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 23:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("publish_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_revision_expires_at"), ["expires_at"], unique=False)

    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("run_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_job_run_at"), ["run_at"], unique=False)

    with op.batch_alter_table("withdrawal", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("reason", sa.String(), nullable=False, server_default="retracted")
        )
    # The default only filled the existing rows; new rows get theirs from the code.
    with op.batch_alter_table("withdrawal", schema=None) as batch_op:
        batch_op.alter_column("reason", existing_type=sa.String(), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("withdrawal", schema=None) as batch_op:
        batch_op.drop_column("reason")

    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_run_at"))
        batch_op.drop_column("run_at")

    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_revision_expires_at"))
        batch_op.drop_column("expires_at")
        batch_op.drop_column("publish_at")
