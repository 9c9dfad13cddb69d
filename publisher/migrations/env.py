"""Alembic's environment: runs migrations on the connection ``publisher.migrations`` hands it.

There is no alembic.ini and no URL here: the caller (``python main.py db ...`` or start-up)
opens the connection, takes the lock and owns the transaction, so a failed upgrade leaves
the database as it was.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from publisher import tables as _tables  # noqa: F401  (registers the tables on the metadata)
from publisher.migrations import render_item

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run migrations through publisher.migrations (python main.py db ...)")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    compare_server_default=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
