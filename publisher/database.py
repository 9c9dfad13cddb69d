"""Database engine creation; SQLite gets the pragmas that make it safe for a web app + worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import SQLModel, create_engine

from publisher import tables as _tables  # noqa: F401  (registers the tables on the metadata)


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite uses WAL so the API can read while the worker writes.

    ``postgresql://`` (and ``postgres://``) URLs use psycopg 3, the driver the ``postgres``
    extra installs, rather than SQLAlchemy's default, psycopg2.
    """
    if not url.startswith("sqlite"):
        return create_engine(postgres_url(url), pool_pre_ping=True)
    in_memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        poolclass=StaticPool if in_memory else None,
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def postgres_url(url: str) -> str:
    """A PostgreSQL URL without a driver named, made to use psycopg 3; any other as it is."""
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url.removeprefix(scheme)
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


_APPEND_ONLY = {
    "sqlite": [
        "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON auditrecord "
        "BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END",
        "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON auditrecord "
        "BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END",
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$",
        "DROP TRIGGER IF EXISTS audit_append_only ON auditrecord",
        "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON auditrecord "
        "FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
    ],
}


def create_schema(bind: Engine | Connection) -> None:
    """Make the current schema on a new database: the tables, and the audit table append-only.

    ``publisher.migrations`` calls this for an empty database and stamps it at the latest
    revision; ``tests/publisher/test_migrations.py`` checks that the revisions make the same.
    """
    if isinstance(bind, Engine):
        with bind.begin() as connection:
            create_schema(connection)
        return
    SQLModel.metadata.create_all(bind)
    for statement in _APPEND_ONLY.get(bind.dialect.name, []):
        bind.execute(text(statement))


def prepare_schema(engine: Engine, *, backup_dir: Path) -> None:
    """Create a new database, or make sure an existing one has the schema this code expects.

    The embedded SQLite database is upgraded in place, after a copy into ``backup_dir``; any
    other database (PostgreSQL) is upgraded on purpose: ``migrations.SchemaOutOfDateError`` then
    names the command.
    """
    from publisher.migrations import prepare

    prepare(engine, upgrade=engine.dialect.name == "sqlite", backup_dir=backup_dir)
