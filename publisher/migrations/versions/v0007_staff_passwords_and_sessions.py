"""Staff sign in to the workspace: a password and sign-in brakes per person, and sessions.

- ``staffmember`` gains ``password_hash`` (empty: the person has API keys only),
  ``must_change_password`` (false), ``failed_signins`` (0), ``next_signin_at`` and
  ``locked_until`` (empty).
- ``staffsession``: one row per workspace sign-in, holding only a hash of the cookie's token.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 23:05:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("staffmember", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_hash", sa.String(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.add_column(
            sa.Column("failed_signins", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("next_signin_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
    # The defaults only filled the existing rows; new rows get theirs from the code.
    with op.batch_alter_table("staffmember", schema=None) as batch_op:
        batch_op.alter_column(
            "must_change_password", existing_type=sa.Boolean(), server_default=None
        )
        batch_op.alter_column("failed_signins", existing_type=sa.Integer(), server_default=None)

    op.create_table(
        "staffsession",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(), nullable=False),
        sa.Column("csrf_token", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["staff_id"], ["staffmember.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("staffsession", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staffsession_staff_id"), ["staff_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_staffsession_token_hash"), ["token_hash"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("staffsession", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staffsession_token_hash"))
        batch_op.drop_index(batch_op.f("ix_staffsession_staff_id"))
    op.drop_table("staffsession")

    with op.batch_alter_table("staffmember", schema=None) as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("next_signin_at")
        batch_op.drop_column("failed_signins")
        batch_op.drop_column("must_change_password")
        batch_op.drop_column("password_hash")
