"""Easy-Japanese versions: an easy text beside each revision's original, and what each
translation was made from.

- ``revision`` gains ``easy_title`` and ``easy_body`` (empty on older revisions) and
  ``translation_source`` (``original`` on every older revision: they were translated from it).
- ``sourcesnapshot`` gains ``easy_document`` (empty: no older revision had an easy text).
- ``languageversion`` gains ``translated_from``: ``original`` for every older version that
  holds a translation, empty for the source language and for languages with no translation.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 19:51:45.995917
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("languageversion", schema=None) as batch_op:
        batch_op.add_column(sa.Column("translated_from", sa.String(), nullable=True))

    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("easy_title", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("easy_body", sa.String(), nullable=True))
        batch_op.add_column(
            sa.Column("translation_source", sa.String(), nullable=False, server_default="original")
        )
    # The default only filled the existing rows; new rows get theirs from the code.
    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.alter_column("translation_source", existing_type=sa.String(), server_default=None)

    with op.batch_alter_table("sourcesnapshot", schema=None) as batch_op:
        batch_op.add_column(sa.Column("easy_document", sa.String(), nullable=True))

    op.get_bind().execute(
        sa.text(
            "UPDATE languageversion SET translated_from = 'original' "
            "WHERE translation NOT IN ('source', 'missing')"
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("sourcesnapshot", schema=None) as batch_op:
        batch_op.drop_column("easy_document")

    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.drop_column("translation_source")
        batch_op.drop_column("easy_body")
        batch_op.drop_column("easy_title")

    with op.batch_alter_table("languageversion", schema=None) as batch_op:
        batch_op.drop_column("translated_from")
