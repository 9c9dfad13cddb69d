"""Schema migrations: the revisions make exactly the models' schema, and upgrades keep every row.

Adding a revision? Give it a ``Step`` in ``STEPS`` below: how the rows written before it read
after it (new columns and their values, moved data), and rows to write into what it adds, so
that later revisions are tested on those too. ``test_upgrades_keep_every_row`` then walks from
the baseline (and from a database made before migrations) one revision at a time.

The tests marked ``postgres`` run on SQLite and again on a new, empty PostgreSQL database
(``KAKEHASHI_TEST_POSTGRES_URL``, a role that may create databases; ``scripts/test.sh``
starts a server and sets it). See ``tests/support/backends.py``.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, insert, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, SQLModel
from sqlmodel import select as select_models

from publisher import migrations
from publisher.database import make_engine
from publisher.documents import snapshot
from publisher.migrations import BASELINE, SchemaError, SchemaOutOfDateError
from publisher.sources import encode
from tests.support.backends import Backend, PostgresServer

REPO = Path(__file__).resolve().parents[2]
SCHEMA_BEFORE_MIGRATIONS = Path(__file__).parent / "migration_data" / "schema_before_migrations.sql"

Rows = dict[str, list[dict[str, Any]]]


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 4, 1, hour, minute, 30, 123456, tzinfo=UTC)


# Every table of the baseline, with values a real Kakehashi writes: JSON lists and nested
# objects, Japanese text, NULLs, a revoked key, a human correction with the machine's text.
BASELINE_ROWS: Rows = {
    "bulletin": [
        {
            "id": 1,
            "state": "published",
            "category": "disaster",
            "languages": ["en", "pt", "vi"],
            "publish_at": None,
            "expires_at": at(23),
            "current_revision": 2,
            "published_revision": 2,
            "published_at": at(10, 5),
            "flagged_policy": "hold_for_review",
            "created_by": "editor-san",
            "created_at": at(9),
            "updated_at": at(10, 5),
        },
        {
            "id": 2,
            "state": "draft",
            "category": "event",
            "languages": None,
            "publish_at": at(12),
            "expires_at": None,
            "current_revision": 1,
            "published_revision": None,
            "published_at": None,
            "flagged_policy": "publish_with_note",
            "created_by": "editor-san",
            "created_at": at(11),
            "updated_at": at(11),
        },
    ],
    "revision": [
        {
            "id": 1,
            "bulletin_id": 1,
            "number": 1,
            "title": "避難所を開設しました",
            "body": "元城町の体育館を避難所として開設しました。\n\n電話 053-457-2111",
            "contact": "危機管理課",
            "author": "editor-san",
            "created_at": at(9),
        },
        {
            "id": 2,
            "bulletin_id": 1,
            "number": 2,
            "title": "避難所を開設しました（第二報）",
            "body": "{{浜松城公園}}も開設しました。",
            "contact": None,
            "author": "approver-san",
            "created_at": at(10),
        },
        {
            "id": 3,
            "bulletin_id": 2,
            "number": 1,
            "title": "夏祭り",
            "body": "8月1日午後6時から",
            "contact": None,
            "author": "editor-san",
            "created_at": at(11),
        },
    ],
    "job": [
        {
            "id": "3f2c9a60-0000-4000-8000-000000000001",
            "bulletin_id": 1,
            "revision": 2,
            "kind": "publish",
            "state": "succeeded",
            "progress": {"en": {"status": "published", "flags": []}, "pt": {"status": "held"}},
            "error": None,
            "requested_by": "approver-san",
            "attempts": 1,
            "created_at": at(10),
            "started_at": at(10, 1),
            "finished_at": at(10, 5),
        },
        {
            "id": "3f2c9a60-0000-4000-8000-000000000002",
            "bulletin_id": 2,
            "revision": 1,
            "kind": "retract",
            "state": "failed",
            "progress": {},
            "error": "Traceback: 失敗しました",
            "requested_by": "admin-san",
            "attempts": 3,
            "created_at": at(11),
            "started_at": None,
            "finished_at": None,
        },
    ],
    "languageversion": [
        {
            "id": 1,
            "bulletin_id": 1,
            "language": "en",
            "revision": 2,
            "status": "published",
            "translation": "human_corrected",
            "route": "direct",
            "voice": "en-us",
            "voice_substitute_for": None,
            "audio_file": "1/en/audio.mp3",
            "captions_file": "1/en/captions.vtt",
            "audio_seconds": 12.5,
            "flags": [],
            "detail": None,
            "updated_at": at(10, 5),
        },
        {
            "id": 2,
            "bulletin_id": 1,
            "language": "tl",
            "revision": 2,
            "status": "held_for_review",
            "translation": "flagged",
            "route": "pivot",
            "voice": "en",
            "voice_substitute_for": "tl",
            "audio_file": None,
            "captions_file": None,
            "audio_seconds": None,
            "flags": ["length_ratio", "untranslated"],
            "detail": "2 sentences flagged",
            "updated_at": at(10, 5),
        },
    ],
    "segmenttranslation": [
        {
            "id": 1,
            "bulletin_id": 1,
            "revision": 2,
            "language": "en",
            "segment_id": "s-0001",
            "position": 0,
            "source_text": "[1]も開設しました。",
            "text": "[1] has also opened.",
            "origin": "human",
            "engine": "argos",
            "model_version": "ja_en-1.1",
            "flags": [],
            "created_at": at(10, 2),
            "source_hash": "9b1c" * 16,
            "input_key": "ja>en:[1]も開設しました。",
            "glossary_terms": [{"source": "避難所", "translation": "Evacuation Shelter"}],
            "reused": False,
            "machine_text": "[1] was also established.",
            "corrected_by": "approver-san",
            "corrected_at": at(10, 4),
        },
        {
            "id": 2,
            "bulletin_id": 1,
            "revision": 2,
            "language": "tl",
            "segment_id": "s-0001",
            "position": 0,
            "source_text": "[1]も開設しました。",
            "text": "[1] ay nagbukas din.",
            "origin": "machine",
            "engine": "argos",
            "model_version": "en_tl-1.0",
            "flags": ["length_ratio"],
            "created_at": at(10, 2),
            "source_hash": "9b1c" * 16,
            "input_key": "en>tl:[1] was also established.",
            "glossary_terms": [],
            "reused": True,
            "machine_text": None,
            "corrected_by": None,
            "corrected_at": None,
        },
    ],
    "glossaryentry": [
        {
            "id": 1,
            "language": "en",
            "source": "避難指示",
            "translation": "Evacuation Instruction",
            "note": "内閣府の表記",
            "created_by": "approver-san",
            "created_at": at(8),
            "updated_at": at(8, 30),
        },
        {
            "id": 2,
            "language": "pt",
            "source": "浜松",
            "translation": None,
            "note": None,
            "created_by": "admin-san",
            "created_at": at(8),
            "updated_at": at(8),
        },
    ],
    "apikey": [
        {
            "id": 1,
            "name": "editor-san",
            "role": "editor",
            "key_hash": "a" * 64,
            "prefix": "kk_abcd",
            "created_at": at(7),
            "expires_at": at(23),
            "revoked_at": None,
            "created_by": "command line",
        },
        {
            "id": 2,
            "name": "former-san",
            "role": "admin",
            "key_hash": "b" * 64,
            "prefix": "kk_efgh",
            "created_at": at(7),
            "expires_at": None,
            "revoked_at": at(8),
            "created_by": None,
        },
    ],
    "auditrecord": [
        {
            "id": 1,
            "at": at(9),
            "actor": "editor-san",
            "role": "editor",
            "action": "bulletin.create",
            "target": "bulletin:1",
            "before_hash": None,
            "after_hash": "c" * 64,
            "detail": {"revision": 1, "languages": ["en", "pt"]},
        },
        {
            "id": 2,
            "at": at(10, 4),
            "actor": "approver-san",
            "role": "approver",
            "action": "translation.correct",
            "target": "bulletin:1/en/s-0001",
            "before_hash": "d" * 64,
            "after_hash": "e" * 64,
            "detail": {},
        },
    ],
}


def unchanged(rows: Rows) -> Rows:
    return rows


@dataclass(frozen=True)
class Step:
    """What one revision does to the data: how earlier rows read after it, and rows to add.

    ``expect`` gets a copy of the rows as they read before the revision and returns them as
    they must read after it (e.g. a new column with its server default on every row).
    ``add`` is written after the revision, using what it added (new tables and columns).
    """

    expect: Callable[[Rows], Rows] = unchanged
    add: Rows = field(default_factory=dict)


def with_column(table: str, column: str, value: Any) -> Callable[[Rows], Rows]:
    """Expectation for a new column: every existing row of ``table`` reads ``value`` in it."""

    def expect(rows: Rows) -> Rows:
        return {**rows, table: [{**row, column: value} for row in rows[table]]}

    return expect


def staff_and_reviewed_revisions(rows: Rows) -> Rows:
    """0002: a staff identity per key; the fields residents see move into each revision."""
    rows = {table: [dict(row) for row in found] for table, found in rows.items()}
    staff = [
        {
            "id": number,
            "name": key["name"],
            "role": key.pop("role"),
            "active": True,
            "created_at": key["created_at"],
        }
        for number, key in enumerate(rows["apikey"], start=1)
    ]
    for person, key in zip(staff, rows["apikey"], strict=True):
        key["staff_id"] = person["id"]
    moved = ("category", "languages", "flagged_policy")
    bulletins = {bulletin["id"]: bulletin for bulletin in rows["bulletin"]}
    for revision in rows["revision"]:
        bulletin = bulletins[revision["bulletin_id"]]
        revision.update({name: bulletin[name] for name in moved})
        authors = [person["id"] for person in staff if person["name"] == revision["author"]]
        revision["author_id"] = min(authors, default=None)
        revision["approved_by_id"] = None
        live = bulletin["published_revision"] or 0
        approved = revision["number"] <= live or (
            revision["number"] == bulletin["current_revision"]
            and bulletin["state"] in ("approved", "published")
        )
        moment = bulletin["published_at"] or bulletin["updated_at"]
        revision["approved_at"] = moment if approved else None
    for bulletin in rows["bulletin"]:
        for name in (*moved, "publish_at", "expires_at"):
            del bulletin[name]
        bulletin["generation"] = 0
        if bulletin["state"] == "retracted":
            bulletin["published_revision"] = None
    for job in rows["job"]:
        job["generation"] = 0
    for record in rows["auditrecord"]:
        record["actor_id"] = None
    return {**rows, "staffmember": staff}


def frozen_sources(rows: Rows) -> Rows:
    """0003: the live revision (and any with language versions) is stored segmented."""
    bulletins = {bulletin["id"]: bulletin for bulletin in rows["bulletin"]}
    versions = {(row["bulletin_id"], row["revision"]) for row in rows.get("languageversion", [])}
    frozen = []
    for revision in rows["revision"]:
        key = (revision["bulletin_id"], revision["number"])
        live = bulletins[revision["bulletin_id"]]["published_revision"] == revision["number"]
        if not live and key not in versions:
            continue
        source = snapshot(
            *key, revision["category"], revision["title"], revision["body"], revision["contact"]
        )
        frozen.append(
            {
                "id": len(frozen) + 1,
                "bulletin_id": key[0],
                "revision": key[1],
                "document": encode(source),
                "created_at": revision["created_at"],
            }
        )
    assert frozen, "the sample data must have a published revision to freeze"
    return {**rows, "sourcesnapshot": frozen}


def easy_versions(rows: Rows) -> Rows:
    """0004: no easy text yet; every older translation was made from the original."""
    rows = {table: [dict(row) for row in found] for table, found in rows.items()}
    for revision in rows["revision"]:
        revision.update(easy_title=None, easy_body=None, translation_source="original")
    for snapshot_row in rows["sourcesnapshot"]:
        snapshot_row["easy_document"] = None
    for version in rows["languageversion"]:
        translated = version["translation"] not in ("source", "missing")
        version["translated_from"] = "original" if translated else None
    return rows


def route_kinds_and_models(rows: Rows) -> Rows:
    """0005: every language version lists its models (none kept before); ``direct`` was one
    argos package, so it reads ``bilingual``."""
    versions = [
        {
            **row,
            "models": [],
            "route": "bilingual" if row["route"] == "direct" else row["route"],
        }
        for row in rows["languageversion"]
    ]
    return {**rows, "languageversion": versions}


def staff_passwords(rows: Rows) -> Rows:
    """0007: nobody has a password yet, nor a failed sign-in or a lock."""
    staff = [
        {
            **person,
            "password_hash": None,
            "must_change_password": False,
            "failed_signins": 0,
            "next_signin_at": None,
            "locked_until": None,
        }
        for person in rows["staffmember"]
    ]
    return {**rows, "staffmember": staff}


def scheduled_publishing(rows: Rows) -> Rows:
    """0008: no older revision or job had a schedule; every older withdrawal was a retract."""
    for table, column, value in (
        ("revision", "publish_at", None),
        ("revision", "expires_at", None),
        ("job", "run_at", None),
        ("withdrawal", "reason", "retracted"),
    ):
        rows = with_column(table, column, value)(rows)
    return rows


STEPS: dict[str, Step] = {
    "0002": Step(
        expect=staff_and_reviewed_revisions,
        add={
            "staffmember": [
                {
                    "id": 10,
                    "name": "承認 花子",
                    "role": "approver",
                    "active": False,
                    "created_at": at(12),
                }
            ]
        },
    ),
    "0003": Step(expect=frozen_sources),
    "0004": Step(
        expect=easy_versions,
        add={
            "languageversion": [
                {
                    "id": 3,
                    "bulletin_id": 1,
                    "language": "pt",
                    "revision": 2,
                    "status": "published",
                    "translation": "machine",
                    "route": "pivot",
                    "voice": "pt-br",
                    "voice_substitute_for": None,
                    "audio_file": None,
                    "captions_file": None,
                    "audio_seconds": None,
                    "flags": [],
                    "detail": None,
                    "translated_from": "easy",
                    "updated_at": at(13),
                }
            ]
        },
    ),
    "0005": Step(expect=route_kinds_and_models),
    "0006": Step(
        add={
            "withdrawal": [
                {
                    "id": 1,
                    "bulletin_id": 2,
                    "revision": 1,
                    "category": "event",
                    "published_at": at(11),
                    "withdrawn_at": at(12),
                    "titles": {"ja": "夏祭り", "en": "Summer festival"},
                    "voiced": ["ja"],
                }
            ]
        }
    ),
    "0007": Step(
        expect=staff_passwords,
        add={
            "staffsession": [
                {
                    "id": 1,
                    "staff_id": 10,
                    "token_hash": "0" * 64,
                    "csrf_token": "csrf-token",
                    "created_at": at(14),
                    "last_seen_at": at(15),
                    "ended_at": None,
                }
            ]
        },
    ),
    "0008": Step(
        expect=scheduled_publishing,
        add={
            "job": [
                {
                    "id": "scheduled-1",
                    "bulletin_id": 1,
                    "revision": 2,
                    "kind": "publish",
                    "state": "scheduled",
                    "generation": 3,
                    "run_at": at(18),
                    "progress": {},
                    "error": None,
                    "requested_by": "承認 花子",
                    "attempts": 0,
                    "created_at": at(14),
                    "started_at": None,
                    "finished_at": None,
                }
            ]
        },
    ),
    "0009": Step(
        add={
            "bulletinimage": [
                {
                    "id": 1,
                    "bulletin_id": 1,
                    "revision": 2,
                    "image_id": 1,
                    "position": 0,
                    "kind": "map",
                    "alt": "避難所までの地図",
                    "renditions": [
                        {"file": "images/ab/ab.jpg", "width": 1600, "height": 900},
                        {"file": "images/cd/cd.jpg", "width": 800, "height": 450},
                    ],
                    "media_type": "image/jpeg",
                    "original_name": "map.jpg",
                    "created_by": "広報 太郎",
                    "created_at": at(13),
                }
            ]
        }
    ),
    "0010": Step(
        add={
            "emergency": [
                {
                    "id": 1,
                    "template_id": "evacuation-order",
                    "state": "active",
                    "current_version": 1,
                    "created_by": "承認 花子",
                    "created_at": at(14),
                    "updated_at": at(14),
                    "lifted_at": None,
                }
            ],
            "emergencyversion": [
                {
                    "id": 1,
                    "emergency_id": 1,
                    "number": 1,
                    "message_type": "Alert",
                    "state": "in_effect",
                    "slots": {"areas": ["中区"], "issued_at": "2026-07-01T14:30:00+09:00"},
                    "addition": None,
                    "issued_by": "承認 花子",
                    "issued_by_id": None,
                    "approved_by_id": None,
                    "without_second_approver": False,
                    "sent_at": at(14),
                    "expires_at": at(15),
                    "job_id": "0" * 32,
                    "job_state": "succeeded",
                    "job_error": None,
                    "job_attempts": 1,
                    "created_at": at(14),
                    "finished_at": at(14, 1),
                }
            ],
            "emergencytext": [
                {
                    "id": 1,
                    "version_id": 1,
                    "language": "en",
                    "review": "not_reviewed",
                    "message": None,
                    "addition": None,
                    "addition_translation": None,
                    "created_at": at(14),
                }
            ],
            "wordingreview": [
                {
                    "id": 1,
                    "template_id": "evacuation-order",
                    "language": "en",
                    "wording_hash": "a" * 64,
                    "reviewer": "国際課 太郎",
                    "reviewed_by_id": None,
                    "reviewed_at": at(13),
                }
            ],
        },
    ),
    "0011": Step(
        add={
            "previewversion": [
                {
                    "id": 1,
                    "bulletin_id": 1,
                    "language": "pt",
                    "revision": 2,
                    "status": "held_for_review",
                    "translation": "flagged",
                    "route": "pivot",
                    "models": [{"family": "argos", "name": "ja-en", "version": "1.0"}],
                    "voice": "pt-br",
                    "voice_substitute_for": None,
                    "audio_file": "1/r2/pt.mp3",
                    "captions_file": "1/r2/pt.vtt",
                    "audio_seconds": 12.5,
                    "flags": ["repeated-words"],
                    "detail": "flagged sentences wait for review",
                    "translated_from": "original",
                    "updated_at": at(14),
                    "job_id": "3f2c9a60-0000-4000-8000-000000000001",
                }
            ]
        }
    ),
}


def revisions_after_baseline() -> list[str]:
    script = migrations.script_directory()
    ordered = [s.revision for s in script.walk_revisions(base="base", head="heads")]
    return list(reversed(ordered))[1:]


# --- databases ------------------------------------------------------------------------------


@pytest.fixture
def database_url(request: pytest.FixtureRequest, backend: Backend, tmp_path: Path) -> Iterator[str]:
    """A new, empty database: a SQLite file, or a PostgreSQL database made for the test."""
    if backend.name == "sqlite":
        yield f"sqlite:///{tmp_path / 'kakehashi.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.empty_database()
    try:
        yield url
    finally:
        server.drop(url)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    created = make_engine(database_url)
    yield created
    created.dispose()


def run_migrations(engine: Engine, target: str) -> None:
    """Upgrade by running the revisions themselves (never the create_all shortcut)."""
    with migrations.schema_lock(engine) as connection:
        command.upgrade(migrations.config(connection), target)


def make_database_before_migrations(engine: Engine) -> None:
    """A database as Kakehashi made it before migrations: the saved schema, no version table."""
    if engine.dialect.name == "sqlite":
        assert engine.url.database
        with sqlite3.connect(engine.url.database) as connection:
            connection.executescript(SCHEMA_BEFORE_MIGRATIONS.read_text(encoding="utf-8"))
        return
    run_migrations(engine, BASELINE)  # the same schema on PostgreSQL, as checked below
    with engine.begin() as connection:
        connection.execute(text(f"DROP TABLE {migrations.VERSION_TABLE}"))


def schema_differences(engine: Engine) -> list[Any]:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": True}
        )
        return list(compare_metadata(context, SQLModel.metadata))


def triggers(engine: Engine) -> set[tuple[str, str]]:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        else:
            query = "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal"
        return {(name, sql) for name, sql in connection.exec_driver_sql(query)}


# --- rows -----------------------------------------------------------------------------------


def write_rows(connection: Connection, rows: Rows) -> None:
    """Insert through the tables as the database has them now, not as the models say."""
    tables = MetaData()
    tables.reflect(connection)
    for table in tables.sorted_tables:  # parents before children
        if rows.get(table.name):
            connection.execute(insert(table), rows[table.name])


def read_rows(connection: Connection) -> Rows:
    """Every row of every table that has rows (a new table starts empty: nothing to expect)."""
    tables = MetaData()
    tables.reflect(connection)
    found: Rows = {}
    for table in tables.sorted_tables:
        if table.name == migrations.VERSION_TABLE:
            continue
        ordered = select(table).order_by(*table.primary_key.columns)
        rows = [
            {key: comparable(value) for key, value in row._mapping.items()}
            for row in connection.execute(ordered)
        ]
        if rows:
            found[table.name] = rows
    return found


def comparable(value: Any) -> Any:
    """Datetimes as naive UTC: SQLite gives them back without a zone, PostgreSQL with one."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def comparable_rows(rows: Rows) -> Rows:
    return {
        table: [{key: comparable(value) for key, value in row.items()} for row in table_rows]
        for table, table_rows in rows.items()
    }


def assert_audit_is_append_only(engine: Engine) -> None:
    for statement in ("UPDATE auditrecord SET actor = 'someone else'", "DELETE FROM auditrecord"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))


# --- the schema -----------------------------------------------------------------------------


def test_there_is_one_line_of_numbered_revisions() -> None:
    """Two branches that each add the next revision collide here, not in production."""
    script = migrations.script_directory()
    assert len(script.get_heads()) == 1
    chain = list(reversed(list(script.walk_revisions())))
    assert chain[0].revision == BASELINE and chain[0].down_revision is None
    for number, revision in enumerate(chain, start=1):
        assert revision.revision == f"{number:04d}"
        assert Path(revision.path).name.startswith(f"v{number:04d}_")
        if number > 1:
            assert revision.down_revision == f"{number - 1:04d}"


def test_every_revision_says_what_it_does_to_the_rows() -> None:
    assert set(STEPS) == set(revisions_after_baseline())


@pytest.mark.postgres
def test_running_the_revisions_makes_exactly_the_models_schema(engine: Engine) -> None:
    run_migrations(engine, "head")
    assert schema_differences(engine) == []


@pytest.mark.postgres
def test_the_comparison_would_notice_a_difference(engine: Engine) -> None:
    run_migrations(engine, "head")
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_segmenttranslation_source_hash"))
    differences = schema_differences(engine)
    assert [d[0] for d in differences] == ["add_index"]


@pytest.mark.postgres
def test_new_and_upgraded_databases_are_the_same(tmp_path: Path, engine: Engine) -> None:
    """A new database is made by create_all and stamped; it must equal one made by revisions."""
    outcome = migrations.prepare(engine, upgrade=False, backup_dir=tmp_path / "backups")
    assert outcome.before.state == "empty" and outcome.after == migrations.head()
    assert migrations.status(engine).up_to_date
    assert schema_differences(engine) == []
    assert not (tmp_path / "backups").exists()

    if engine.dialect.name == "sqlite":
        migrated = make_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
        run_migrations(migrated, "head")
        assert triggers(engine) == triggers(migrated)
        assert len(triggers(engine)) == 2
        migrated.dispose()
    else:
        assert {name for name, _ in triggers(engine)} == {"audit_append_only"}
    with engine.begin() as connection:
        write_rows(connection, {"auditrecord": BASELINE_ROWS["auditrecord"]})
    assert_audit_is_append_only(engine)


def test_an_in_memory_database_is_created_at_the_head() -> None:
    engine = make_engine("sqlite://")
    migrations.prepare(engine, upgrade=False, backup_dir=None)
    assert migrations.status(engine).up_to_date
    assert schema_differences(engine) == []
    engine.dispose()


def test_the_baseline_is_the_schema_made_before_migrations(tmp_path: Path) -> None:
    """On SQLite the baseline writes, statement for statement, what create_all wrote."""
    saved = make_engine(f"sqlite:///{tmp_path / 'saved.db'}")
    make_database_before_migrations(saved)
    baseline = make_engine(f"sqlite:///{tmp_path / 'baseline.db'}")
    run_migrations(baseline, BASELINE)
    query = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name != :version"
    with saved.connect() as old, baseline.connect() as new:
        version = {"version": migrations.VERSION_TABLE}
        assert set(old.execute(text(query), version)) == set(new.execute(text(query), version))
    saved.dispose()
    baseline.dispose()


@pytest.mark.postgres
def test_new_databases_made_side_by_side_are_made_once(tmp_path: Path, database_url: str) -> None:
    """Two processes starting on a new database: one creates it, the other waits and sees it."""
    engines = [make_engine(database_url) for _ in range(4)]
    errors: list[BaseException] = []

    def start(engine: Engine) -> None:
        try:
            migrations.prepare(engine, upgrade=True, backup_dir=tmp_path / "backups")
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=start, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with engines[0].connect() as connection:
        versions = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    assert versions == [(migrations.head(),)]
    for engine in engines:
        engine.dispose()


@pytest.mark.postgres
def test_a_failed_upgrade_leaves_the_database_as_it_was(engine: Engine, tmp_path: Path) -> None:
    """The whole upgrade is one transaction, on SQLite too (pysqlite would commit each DDL)."""
    migrations.prepare(engine, upgrade=False, backup_dir=None)
    latest = migrations.head()
    broken = tmp_path / "broken_versions"
    broken.mkdir()
    (broken / "v9999_broken.py").write_text(
        "from alembic import op\n"
        "import sqlalchemy as sa\n"
        f"revision = '9999'\ndown_revision = {latest!r}\n"
        "branch_labels = depends_on = None\n"
        "def upgrade():\n"
        "    op.create_table('halfway', sa.Column('id', sa.Integer(), primary_key=True))\n"
        "    op.add_column('bulletin', sa.Column('halfway', sa.String()))\n"
        "    op.execute('SELECT no_such_function()')\n",
        encoding="utf-8",
    )
    with pytest.raises(DBAPIError), migrations.schema_lock(engine) as connection:
        cfg = migrations.config(connection)
        versions = migrations.HERE / "versions"
        cfg.set_main_option("version_locations", f"{versions}{os.pathsep}{broken}")
        command.upgrade(cfg, "9999")
    assert migrations.status(engine).current == latest
    assert schema_differences(engine) == []


# --- old databases --------------------------------------------------------------------------


@pytest.mark.postgres
def test_a_database_from_before_migrations_is_stamped_then_upgraded(
    engine: Engine, tmp_path: Path
) -> None:
    make_database_before_migrations(engine)
    with engine.begin() as connection:
        write_rows(connection, BASELINE_ROWS)
    found = migrations.status(engine)
    assert (found.state, found.current) == ("unversioned", None)
    assert not found.up_to_date

    with pytest.raises(SchemaOutOfDateError, match=r"python main\.py db upgrade"):
        migrations.prepare(engine, upgrade=False, backup_dir=tmp_path / "backups")
    assert migrations.status(engine).state == "unversioned"  # refused: untouched

    outcome = migrations.prepare(engine, upgrade=True, backup_dir=tmp_path / "backups")
    assert outcome.changed and outcome.after == migrations.head()
    assert migrations.status(engine).up_to_date
    assert schema_differences(engine) == []
    if engine.dialect.name == "sqlite":
        assert outcome.backup is not None
        assert outcome.backup.parent == tmp_path / "backups"
        assert outcome.backup.name.startswith("kakehashi-")
        assert outcome.backup.name.endswith("-unversioned.db")
        with sqlite3.connect(outcome.backup) as copy:
            assert copy.execute("SELECT count(*) FROM revision").fetchone() == (3,)
            tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
            assert migrations.VERSION_TABLE not in tables
    else:
        assert outcome.backup is None  # PostgreSQL: pg_dump is the operator's job


def test_an_old_database_missing_part_of_the_baseline_is_refused(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kakehashi.db'}")
    make_database_before_migrations(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE glossaryentry"))
        connection.execute(text("ALTER TABLE segmenttranslation DROP COLUMN machine_text"))
    with pytest.raises(SchemaError, match=r"glossaryentry, segmenttranslation\.machine_text"):
        migrations.prepare(engine, upgrade=True, backup_dir=tmp_path / "backups")
    assert migrations.status(engine).state == "unversioned"
    engine.dispose()


@pytest.mark.postgres
def test_a_database_from_a_newer_kakehashi_is_refused(engine: Engine) -> None:
    migrations.prepare(engine, upgrade=False, backup_dir=None)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    found = migrations.status(engine)
    assert found.state == "unknown"
    with pytest.raises(SchemaError, match="does not know") as refused:
        migrations.prepare(engine, upgrade=True, backup_dir=None)
    assert not isinstance(refused.value, SchemaOutOfDateError)


# --- the data -------------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.parametrize("start", ["baseline", "before migrations"])
def test_upgrades_keep_every_row(start: str, engine: Engine, tmp_path: Path) -> None:
    """Fill every table at the baseline, then upgrade one revision at a time, checking rows."""
    if start == "baseline":
        run_migrations(engine, BASELINE)
    else:
        make_database_before_migrations(engine)
    with engine.begin() as connection:
        write_rows(connection, BASELINE_ROWS)
        expected = comparable_rows(BASELINE_ROWS)
        assert read_rows(connection) == expected, "the harness itself must round-trip"

    if start == "before migrations":  # checked and stamped as the baseline, as at start-up
        outcome = migrations.migrate(engine, backup_dir=tmp_path / "backups", target=BASELINE)
        assert outcome.before.state == "unversioned" and outcome.after == BASELINE
        with engine.connect() as connection:
            assert read_rows(connection) == expected
    for revision in revisions_after_baseline():
        run_migrations(engine, revision)
        step = STEPS[revision]
        expected = step.expect({table: list(rows) for table, rows in expected.items()})
        with engine.begin() as connection:
            assert read_rows(connection) == expected, f"rows changed by revision {revision}"
            write_rows(connection, step.add)
            expected = read_rows(connection)

    run_migrations(engine, "head")
    assert migrations.status(engine).up_to_date
    assert schema_differences(engine) == []
    with engine.connect() as connection:
        final = read_rows(connection)
    assert final == expected
    empty = sorted(name for name in SQLModel.metadata.tables if not final.get(name))
    assert empty == [], "every table must hold rows: give new tables rows in their Step.add"
    with Session(engine) as session:  # the models read every row written before them
        for mapper in SQLModel._sa_registry.mappers:
            loaded = session.exec(select_models(mapper.class_)).all()
            assert len(loaded) == len(final[mapper.class_.__tablename__])
    assert_audit_is_append_only(engine)


# --- the command line -----------------------------------------------------------------------


def run_cli(*args: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "KAKEHASHI_DATA_DIR": str(data_dir), **env},
        timeout=300,
    )


def test_db_commands_report_and_upgrade_an_old_database(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kakehashi.db'}")
    make_database_before_migrations(engine)
    engine.dispose()
    latest = migrations.head()

    status = run_cli("db", "status", data_dir=tmp_path)
    assert status.returncode == 1
    assert "predates migrations" in status.stdout and "python main.py db upgrade" in status.stdout
    assert run_cli("db", "current", data_dir=tmp_path).stdout.strip() == f"none (latest: {latest})"

    upgrade = run_cli("db", "upgrade", data_dir=tmp_path)
    assert upgrade.returncode == 0, upgrade.stderr
    assert f"from before migrations to {latest}" in upgrade.stdout
    (backup,) = (tmp_path / "backups").iterdir()
    assert backup.name.endswith("-unversioned.db") and str(backup) in upgrade.stdout

    assert run_cli("db", "status", data_dir=tmp_path).returncode == 0
    assert run_cli("db", "current", data_dir=tmp_path).stdout.strip() == f"{latest} (latest)"
    again = run_cli("db", "upgrade", data_dir=tmp_path)
    assert "nothing to do" in again.stdout
    assert BASELINE in run_cli("db", "history", data_dir=tmp_path).stdout


def test_build_upgrades_an_old_sqlite_database_after_backing_it_up(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kakehashi.db'}")
    make_database_before_migrations(engine)
    engine.dispose()
    result = run_cli("build", "--no-search", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "upgraded the database schema from before migrations" in result.stderr
    (backup,) = (tmp_path / "backups").iterdir()
    assert backup.name.endswith("-unversioned.db")
    assert run_cli("db", "status", data_dir=tmp_path).returncode == 0


@pytest.mark.parametrize("command_line", [("build",), ("worker",), ("serve", "--port", "8765")])
def test_start_up_refuses_a_database_it_does_not_know(
    command_line: tuple[str, ...], tmp_path: Path
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kakehashi.db'}")
    migrations.prepare(engine, upgrade=False, backup_dir=None)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    result = run_cli(*command_line, data_dir=tmp_path)
    assert result.returncode == 1
    assert "cannot start" in result.stderr and "9999" in result.stderr


@pytest.mark.postgres(only=True)
@pytest.mark.parametrize("command_line", [("build",), ("worker",), ("serve", "--port", "8765")])
def test_start_up_on_an_old_postgres_database_names_the_upgrade_command(
    command_line: tuple[str, ...], engine: Engine, database_url: str, tmp_path: Path
) -> None:
    make_database_before_migrations(engine)
    result = run_cli(*command_line, data_dir=tmp_path, KAKEHASHI_DATABASE_URL=database_url)
    assert result.returncode == 1
    assert "python main.py db upgrade" in result.stderr
    assert migrations.status(engine).state == "unversioned"


@pytest.mark.postgres(only=True)
def test_db_upgrade_brings_an_old_postgres_database_up_to_date(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    """On PostgreSQL the operator upgrades on purpose, once, with ``db upgrade``."""
    make_database_before_migrations(engine)
    with engine.begin() as connection:
        write_rows(connection, BASELINE_ROWS)
    engine.dispose()
    latest = migrations.head()
    env = {"KAKEHASHI_DATABASE_URL": database_url}

    status = run_cli("db", "status", data_dir=tmp_path, **env)
    assert status.returncode == 1 and "predates migrations" in status.stdout
    upgrade = run_cli("db", "upgrade", data_dir=tmp_path, **env)
    assert upgrade.returncode == 0, upgrade.stderr
    assert f"from before migrations to {latest}" in upgrade.stdout
    assert not (tmp_path / "backups").exists()  # PostgreSQL: pg_dump is the operator's job
    assert run_cli("db", "current", data_dir=tmp_path, **env).stdout.strip() == f"{latest} (latest)"
    assert schema_differences(engine) == []
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM revision").scalar_one() == 3
