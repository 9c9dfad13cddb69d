"""Schema migrations (Alembic): bring any Kakehashi database to the schema this code expects.

Every change of ``publisher/tables.py`` comes with a revision in ``versions/``; the first,
``0001``, is the schema as it was before migrations existed, audit triggers included.

- A new, empty database is made from the models (``create_all`` and the triggers) and stamped
  at the head: 12 ms a database against 24 ms for replaying the one revision there is (SQLite
  file; 9 against 20 ms in memory), and replaying grows with every revision while tests make
  hundreds of databases. ``tests/publisher/test_migrations.py`` checks both give one schema.
- A database made before migrations existed (Kakehashi's tables, no ``alembic_version``) is
  checked against the baseline, stamped ``0001``, then upgraded.
- Schema work runs in one transaction under a lock (SQLite: ``BEGIN IMMEDIATE``, PostgreSQL:
  an advisory lock), so two processes starting together never both create or upgrade, and a
  failed upgrade leaves the database as it was.

Alembic is imported on first use (the start-up check), never at import time.

A new revision: change ``publisher/tables.py``, run ``python main.py db revision -m "what"``
(the models compared with a scratch database at the head), review the file, and give it a
``Step`` in ``tests/publisher/test_migrations.py``.
"""

from __future__ import annotations

import importlib.util
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

if TYPE_CHECKING:
    from alembic.autogenerate.api import AutogenContext
    from alembic.config import Config
    from alembic.script import ScriptDirectory

HERE = Path(__file__).resolve().parent
BASELINE = "0001"
"""The schema as it was before migrations: what an unversioned database is stamped as."""
VERSION_TABLE = "alembic_version"
UPGRADE_COMMAND = "python main.py db upgrade"
_PG_LOCK_KEY = 0x4B414B45  # "KAKE": the advisory lock that serialises schema work

log = logging.getLogger(__name__)

State = Literal["empty", "unversioned", "current", "behind", "unknown"]


class SchemaError(RuntimeError):
    """The database cannot be used by this Kakehashi as it is; the message says what to do."""


class SchemaOutOfDateError(SchemaError):
    """The database is older than this Kakehashi and must be upgraded first."""


@dataclass(frozen=True)
class SchemaStatus:
    """Where a database's schema stands against this code's migrations."""

    state: State
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.state == "current"

    def describe(self) -> str:
        if self.state == "current":
            return f"database schema is at revision {self.current}, the latest: up to date"
        if self.state == "empty":
            return f"database is empty; it will be created at revision {self.head}"
        if self.state == "unversioned":
            return (
                "database schema predates migrations: run "
                f"`{UPGRADE_COMMAND}` to stamp it as the baseline {BASELINE} and bring it to "
                f"revision {self.head}"
            )
        if self.state == "behind":
            return (
                f"database schema is at revision {self.current}; this Kakehashi needs revision "
                f"{self.head}: run `{UPGRADE_COMMAND}`"
            )
        return (
            f"database schema is at revision {self.current}, which this Kakehashi does not know "
            f"(its latest is {self.head}); run the Kakehashi that upgraded it, or restore a backup"
        )


def config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, made in code: no alembic.ini, works from an installed package."""
    from alembic.config import Config

    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # start-up noise
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("file_template", "v%%(rev)s_%%(slug)s")
    cfg.set_main_option("truncate_slug_length", "40")
    cfg.attributes["connection"] = connection
    return cfg


@cache
def script_directory() -> ScriptDirectory:
    """The revisions shipped with this code (read once per process)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config())


def head() -> str:
    """The latest revision; there must be exactly one (a test checks)."""
    latest = script_directory().get_current_head()
    if latest is None:
        raise SchemaError("no migrations found")
    return latest


def status(engine: Engine) -> SchemaStatus:
    """Where the database stands, without changing it."""
    with engine.connect() as connection:
        return _status(connection)


def _status(connection: Connection) -> SchemaStatus:
    from sqlmodel import SQLModel

    from publisher import tables as _tables  # noqa: F401  (registers the tables)

    latest = head()
    names = set(inspect(connection).get_table_names())
    revisions: list[str] = []
    if VERSION_TABLE in names:
        rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))
        revisions = [row[0] for row in rows]
    if not revisions:
        ours = names & set(SQLModel.metadata.tables)
        return SchemaStatus("unversioned" if ours else "empty", None, latest)
    if len(revisions) > 1:
        return SchemaStatus("unknown", ",".join(sorted(revisions)), latest)
    (current,) = revisions
    if current == latest:
        return SchemaStatus("current", current, latest)
    return SchemaStatus("behind" if _is_known(current) else "unknown", current, latest)


def _is_known(revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return script_directory().get_revision(revision) is not None
    except CommandError:
        return False


@dataclass(frozen=True)
class Outcome:
    """What ``migrate`` did: the status before, the revision after, and the backup it made."""

    before: SchemaStatus
    after: str
    backup: Path | None = None

    @property
    def changed(self) -> bool:
        return not self.before.up_to_date and self.before.current != self.after


def prepare(engine: Engine, *, upgrade: bool, backup_dir: Path | None) -> Outcome:
    """Make a new database, or check that an existing one is up to date.

    With ``upgrade`` an out-of-date database is upgraded (a SQLite file is first backed up
    into ``backup_dir``); without it, ``SchemaOutOfDateError`` names the command to run.
    """
    found = status(engine)  # no lock for the common case: nothing to do
    if found.up_to_date:
        return Outcome(found, found.head)
    if found.state == "unknown":
        raise SchemaError(found.describe())
    if found.state != "empty" and not upgrade:
        raise SchemaOutOfDateError(found.describe())
    outcome = migrate(engine, backup_dir=backup_dir)
    if outcome.changed and outcome.before.state != "empty":
        log.warning(
            "upgraded the database schema from %s to %s%s",
            outcome.before.current or "before migrations",
            outcome.after,
            f"; the database as it was is kept at {outcome.backup}" if outcome.backup else "",
        )
    return outcome


def migrate(engine: Engine, *, backup_dir: Path | None, target: str = "head") -> Outcome:
    """Create an empty database, or stamp and upgrade an old one, under the schema lock.

    A SQLite file is copied into ``backup_dir`` before an upgrade changes it.
    """
    from alembic import command

    with schema_lock(engine) as connection:
        found = _status(connection)  # again: another process may have done it meanwhile
        if found.state == "unknown":
            raise SchemaError(found.describe())
        if found.up_to_date:
            return Outcome(found, found.head)
        cfg = config(connection)
        if found.state == "empty":
            if target == "head":
                create(connection)
            else:  # tests build a database at an old revision to upgrade it
                command.upgrade(cfg, target)
            after = _current(connection)
            log.info("created the database schema at revision %s", after)
            return Outcome(found, after)
        if target == found.current:
            return Outcome(found, target)
        if found.state == "unversioned":
            _check_baseline(connection)
        copy = backup_sqlite(engine, backup_dir, found.current or "unversioned")
        if found.state == "unversioned":
            _baseline_module().create_append_only(connection)
            command.stamp(cfg, BASELINE)
        command.upgrade(cfg, target)
        after = _current(connection)
        log.info("upgraded the database schema from %s to %s", found.current, after)
        return Outcome(found, after, copy)


def _current(connection: Connection) -> str:
    return str(connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one())


def create(connection: Connection) -> None:
    """Make the current schema on an empty database and stamp it at the head."""
    from alembic.runtime.migration import MigrationContext

    from publisher.database import create_schema

    create_schema(connection)
    MigrationContext.configure(connection).stamp(script_directory(), "head")


@contextmanager
def schema_lock(engine: Engine) -> Iterator[Connection]:
    """One connection, one transaction, and no other process changing the schema meanwhile.

    On SQLite foreign keys are off during migrations (batch mode copies tables, which would
    otherwise cascade or fail) and checked before committing, as SQLite's manual advises.
    """
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # ignored once inside BEGIN
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # pysqlite would not BEGIN for DDL
        elif connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        try:
            yield connection
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise SchemaError(f"migration left rows with broken foreign keys: {broken}")
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def backup_sqlite(engine: Engine, backup_dir: Path | None, revision: str) -> Path | None:
    """Copy a SQLite file database with the online backup API before its schema changes.

    The copy is ``<backup_dir>/<name>-<UTC time>-<old revision>.db``; nothing is copied for
    PostgreSQL (use pg_dump), in-memory databases, or when ``backup_dir`` is None.
    """
    url = engine.url
    if backup_dir is None or url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:" or not Path(url.database).is_file():
        return None
    source_path = Path(url.database)
    backup_dir.mkdir(parents=True, exist_ok=True)
    moment = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target_path = backup_dir / f"{source_path.stem}-{moment}-{revision}.db"
    number = 1
    while target_path.exists():
        number += 1
        target_path = backup_dir / f"{source_path.stem}-{moment}-{revision}-{number}.db"
    partial = target_path.with_name(target_path.name + ".partial")
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(partial)
    try:
        with target:
            source.backup(target)
    finally:
        source.close()
        target.close()
    partial.replace(target_path)
    return target_path


def _baseline_module() -> Any:
    """The baseline revision's module: what stamping an unversioned database relies on."""
    script = script_directory().get_revision(BASELINE)
    if script is None:
        raise SchemaError(f"the baseline revision {BASELINE} is missing")
    return script.module


@cache
def _baseline_columns() -> dict[str, frozenset[str]]:
    """The baseline's tables and columns, read from the baseline revision run in memory."""
    from alembic import command

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        with schema_lock(engine) as connection:
            command.upgrade(config(connection), BASELINE)
            inspector = inspect(connection)
            return {
                name: frozenset(column["name"] for column in inspector.get_columns(name))
                for name in inspector.get_table_names()
                if name != VERSION_TABLE
            }
    finally:
        engine.dispose()


def _check_baseline(connection: Connection) -> None:
    """Refuse to stamp a database that has only some of the baseline's tables or columns."""
    inspector = inspect(connection)
    present = set(inspector.get_table_names())
    missing: list[str] = []
    for table, columns in sorted(_baseline_columns().items()):
        if table not in present:
            missing.append(table)
            continue
        found = {column["name"] for column in inspector.get_columns(table)}
        missing.extend(f"{table}.{column}" for column in sorted(columns - found))
    if missing:
        raise SchemaError(
            "database has Kakehashi tables but not the schema migrations start from "
            f"(missing: {', '.join(missing)}); restore a backup or start a new database"
        )


def new_revision(message: str, *, autogenerate: bool = True) -> Path:
    """Write the next revision file: the models compared with a scratch database at the head.

    The comparison runs against an in-memory SQLite database built by the migrations, so it
    holds exactly the model changes, whatever the local database contains.
    """
    from alembic import command
    from alembic.script import ScriptDirectory

    latest = ScriptDirectory.from_config(config()).get_current_head()
    rev_id = f"{int(latest or 0) + 1:04d}"
    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        with schema_lock(engine) as connection:
            cfg = config(connection)
            if importlib.util.find_spec("ruff") is not None:
                cfg.set_section_option("post_write_hooks", "hooks", "ruff_fix, ruff_format")
                for name, options in (
                    ("ruff_fix", "check --fix REVISION_SCRIPT_FILENAME"),
                    ("ruff_format", "format REVISION_SCRIPT_FILENAME"),
                ):
                    cfg.set_section_option("post_write_hooks", f"{name}.type", "module")
                    cfg.set_section_option("post_write_hooks", f"{name}.module", "ruff")
                    cfg.set_section_option("post_write_hooks", f"{name}.options", options)
            command.upgrade(cfg, "head")
            written = command.revision(
                cfg, message=message, autogenerate=autogenerate, rev_id=rev_id
            )
    finally:
        engine.dispose()
    script_directory.cache_clear()
    scripts = written if isinstance(written, list) else [written]
    return Path(scripts[0].path) if scripts and scripts[0] is not None else HERE / "versions"


def render_item(kind: str, item: Any, _context: AutogenContext) -> str | Literal[False]:
    """Write SQLModel's column types as the plain SQLAlchemy types they create in the database.

    Revisions then never import sqlmodel, and stay valid whatever its later versions do.
    """
    from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

    if kind == "type" and isinstance(item, AutoString):
        length = getattr(item.impl, "length", None)
        return f"sa.String(length={length})" if length else "sa.String()"
    if kind == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False
