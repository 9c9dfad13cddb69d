"""The models behind each language version, and routes named by kind.

- ``languageversion`` gains ``models``: for each step of the route, the model's family, name,
  version and licence (a JSON list; empty on rows written before, whose models were not kept).
- ``route`` now says how the language was reached: ``bilingual``, ``multilingual`` or
  ``pivot``. Every earlier ``direct`` route was one argos package, so it becomes ``bilingual``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 20:10:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("languageversion", schema=None) as batch_op:
        batch_op.add_column(sa.Column("models", sa.JSON(), nullable=True))
    bind = op.get_bind()
    bind.execute(
        sa.text("UPDATE languageversion SET models = :models").bindparams(
            sa.bindparam("models", [], type_=sa.JSON())
        )
    )
    bind.execute(sa.text("UPDATE languageversion SET route = 'bilingual' WHERE route = 'direct'"))


def downgrade() -> None:
    bind = op.get_bind()
    bind.execute(
        sa.text(
            "UPDATE languageversion SET route = 'direct' "
            "WHERE route IN ('bilingual', 'multilingual')"
        )
    )
    with op.batch_alter_table("languageversion", schema=None) as batch_op:
        batch_op.drop_column("models")
