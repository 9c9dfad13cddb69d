"""Where a test's Kakehashi keeps its data: embedded, or on PostgreSQL and Redis.

Tests marked ``postgres`` run once per backend (``tests/conftest.py`` parametrizes the
``backend`` fixture, which the ``settings`` fixture reads):

- ``sqlite``: the embedded defaults, a SQLite file and the SQLite queue in the test's folder;
- ``postgres``: a fresh PostgreSQL database per test, copied from a template database made
  once per run at the latest schema (``CREATE DATABASE ... TEMPLATE`` takes milliseconds),
  and the Redis queue on a Redis database flushed before and after the test.

The servers are named by ``KAKEHASHI_TEST_POSTGRES_URL`` (a role that may create databases,
e.g. ``postgresql+psycopg://kakehashi@127.0.0.1:5432/postgres``) and
``KAKEHASHI_TEST_REDIS_URL`` (``redis://127.0.0.1:6379/0``); ``scripts/test.sh`` starts both
and sets them. Without them the ``postgres`` variants are skipped, saying so, except in CI
(``CI=true``), where a missing server fails the test: CI must never pass by skipping them.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.pool import NullPool

POSTGRES_VARIABLE = "KAKEHASHI_TEST_POSTGRES_URL"
REDIS_VARIABLE = "KAKEHASHI_TEST_REDIS_URL"

BackendName = Literal["sqlite", "postgres"]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def server_urls() -> tuple[str, str]:
    """The PostgreSQL and Redis URLs, or skip (outside CI) or fail (in CI) saying how to get
    them."""
    found = {name: os.environ.get(name, "").strip() for name in (POSTGRES_VARIABLE, REDIS_VARIABLE)}
    missing = [name for name, value in found.items() if not value]
    if not missing:
        return found[POSTGRES_VARIABLE], redis_url_of_this_worker(found[REDIS_VARIABLE])
    reason = (
        f"{' and '.join(missing)} not set, so the PostgreSQL + Redis variant cannot run "
        "(`bash scripts/test.sh` starts both servers and sets them)"
    )
    if in_ci():
        pytest.fail(f"CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def redis_url_of_this_worker(url: str) -> str:
    """The Redis URL with a database number of this test process's own: pytest-xdist workers
    (``gw0``, ``gw1``...) run at once, and each flushes its database around every test."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.startswith("gw"):
        return url
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{base + int(worker[2:])}"))


@dataclass(frozen=True)
class Backend:
    """What a test's settings and worker processes need to use one backend."""

    name: BackendName
    database_url: str | None = None
    redis_url: str | None = None

    @property
    def settings(self) -> dict[str, Any]:
        """Keyword arguments for ``Settings`` (none: the embedded defaults)."""
        if self.name == "sqlite":
            return {}
        return {
            "database_url": self.database_url,
            "queue_backend": "redis",
            "redis_url": self.redis_url,
        }

    @property
    def env(self) -> dict[str, str]:
        """The same as ``KAKEHASHI_*`` variables, for a ``main.py`` subprocess."""
        if self.name == "sqlite":
            return {}
        assert self.database_url is not None and self.redis_url is not None
        return {
            "KAKEHASHI_DATABASE_URL": self.database_url,
            "KAKEHASHI_QUEUE_BACKEND": "redis",
            "KAKEHASHI_REDIS_URL": self.redis_url,
        }


class PostgresServer:
    """Makes and drops the databases of one test run on one PostgreSQL server."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.admin: Engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._run = f"{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self._template: str | None = None

    def _url_of(self, name: str) -> str:
        url: URL = self.admin.url.set(database=name)
        return url.render_as_string(hide_password=False)

    def _execute(self, statement: str) -> None:
        with self.admin.connect() as connection:
            connection.exec_driver_sql(statement)

    def empty_database(self) -> str:
        """A new database with nothing in it (the migration tests build their own schema)."""
        name = f"kakehashi_{self._run}_{uuid.uuid4().hex[:10]}"
        self._execute(f"CREATE DATABASE {name}")
        return self._url_of(name)

    def new_database(self) -> str:
        """A new database at the latest schema, copied from this run's template."""
        if self._template is None:
            self._template = self._make_template()
        name = f"kakehashi_{self._run}_{uuid.uuid4().hex[:10]}"
        self._execute(f"CREATE DATABASE {name} TEMPLATE {self._template}")
        return self._url_of(name)

    def _make_template(self) -> str:
        from publisher import migrations
        from publisher.database import make_engine

        url = self.empty_database()
        engine = make_engine(url)
        try:
            migrations.prepare(engine, upgrade=False, backup_dir=None)
        finally:
            engine.dispose()  # a template must have no connections when it is copied
        return str(make_url(url).database)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def close(self) -> None:
        if self._template is not None:
            self._execute(f"DROP DATABASE IF EXISTS {self._template} WITH (FORCE)")
            self._template = None
        self.admin.dispose()


def flush_redis(url: str) -> None:
    """Empty the Redis database a test uses (its number is in the URL)."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
    finally:
        client.close()
