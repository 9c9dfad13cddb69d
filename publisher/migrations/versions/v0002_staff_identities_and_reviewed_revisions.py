"""Staff identities, reviewed revisions, and job generations.

- ``staffmember``: people, whom API keys belong to. Every existing key gets an identity of its
  own (its name and role); the key's ``role`` column goes, the key acts with its person's role.
- ``revision`` gains the fields residents see beside the text (category, languages, flagged
  policy, copied from its bulletin), its author's identity (by name, where one matches) and
  when it was approved. A revision that is or was live, or is approved, counts as approved.
- ``bulletin`` loses those fields and the stored-but-unused schedule (``publish_at``,
  ``expires_at``), and gains ``generation``; a retracted bulletin has no live revision.
- ``job`` gains ``generation``; ``auditrecord`` gains ``actor_id`` (empty on older records,
  which the database keeps unchangeable).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 17:21:09.568839
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from publisher.migrations.versions.v0001_baseline import DROP_APPEND_ONLY, create_append_only

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "staffmember",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_staffmember_name", "staffmember", ["name"], unique=False)

    # One identity per existing key, with the key's name and role.
    op.add_column("apikey", sa.Column("staff_id", sa.Integer(), nullable=True))
    keys = bind.execute(sa.text("SELECT id, name, role, created_at FROM apikey ORDER BY id"))
    for key_id, name, role, created_at in keys.all():
        staff_id = bind.execute(
            sa.text(
                "INSERT INTO staffmember (name, role, active, created_at) "
                "VALUES (:name, :role, :active, :created_at) RETURNING id"
            ),
            {"name": name, "role": role, "active": True, "created_at": created_at},
        ).scalar_one()
        bind.execute(
            sa.text("UPDATE apikey SET staff_id = :staff WHERE id = :key"),
            {"staff": staff_id, "key": key_id},
        )
    with op.batch_alter_table("apikey") as batch_op:
        batch_op.alter_column("staff_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_index("ix_apikey_staff_id", ["staff_id"], unique=False)
        batch_op.create_foreign_key("fk_apikey_staff_id", "staffmember", ["staff_id"], ["id"])
        batch_op.drop_column("role")

    # Recreating the audit table on SQLite drops its triggers: they are made again below.
    for statement in DROP_APPEND_ONLY.get(bind.dialect.name, []):
        if "FUNCTION" not in statement:
            bind.exec_driver_sql(statement)
    with op.batch_alter_table("auditrecord") as batch_op:
        batch_op.add_column(sa.Column("actor_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_auditrecord_actor_id", "staffmember", ["actor_id"], ["id"])
    create_append_only(bind)

    with op.batch_alter_table("revision") as batch_op:
        batch_op.add_column(sa.Column("category", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("languages", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("flagged_policy", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("author_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("approved_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True))
    of_bulletin = "FROM bulletin WHERE bulletin.id = revision.bulletin_id"
    bind.execute(
        sa.text(
            f"UPDATE revision SET category = (SELECT category {of_bulletin}), "
            f"languages = (SELECT languages {of_bulletin}), "
            f"flagged_policy = (SELECT flagged_policy {of_bulletin}), "
            "author_id = (SELECT MIN(staffmember.id) FROM staffmember "
            "WHERE staffmember.name = revision.author)"
        )
    )
    # What was live or approved had been approved (by whom, only the audit trail says).
    bind.execute(
        sa.text(
            "UPDATE revision SET approved_at = (SELECT COALESCE(bulletin.published_at, "
            f"bulletin.updated_at) {of_bulletin}) WHERE EXISTS (SELECT 1 {of_bulletin} AND ("
            "revision.number <= bulletin.published_revision OR (revision.number = "
            "bulletin.current_revision AND bulletin.state IN ('approved', 'published'))))"
        )
    )
    with op.batch_alter_table("revision") as batch_op:
        batch_op.alter_column("category", existing_type=sa.String(), nullable=False)
        batch_op.alter_column("flagged_policy", existing_type=sa.String(), nullable=False)
        batch_op.create_foreign_key("fk_revision_author_id", "staffmember", ["author_id"], ["id"])
        batch_op.create_foreign_key(
            "fk_revision_approved_by_id", "staffmember", ["approved_by_id"], ["id"]
        )

    bind.execute(sa.text("UPDATE bulletin SET published_revision = NULL WHERE state = 'retracted'"))
    with op.batch_alter_table("bulletin") as batch_op:
        batch_op.add_column(
            sa.Column("generation", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.drop_column("expires_at")
        batch_op.drop_column("publish_at")
        batch_op.drop_column("flagged_policy")
        batch_op.drop_column("category")
        batch_op.drop_column("languages")

    with op.batch_alter_table("job") as batch_op:
        batch_op.add_column(
            sa.Column("generation", sa.Integer(), nullable=False, server_default="0")
        )
    # The default only filled the existing rows; new rows get theirs from the code.
    for table in ("bulletin", "job"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column("generation", existing_type=sa.Integer(), server_default=None)


def downgrade() -> None:
    raise NotImplementedError(
        "0002 moves data (keys to staff identities, bulletin fields into revisions) and is "
        "not reversible: restore the backup made before the upgrade instead"
    )
