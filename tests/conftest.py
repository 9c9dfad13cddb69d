"""Shared fixtures: an isolated Kakehashi (settings, services, app) per test.

A test marked ``@pytest.mark.postgres`` runs twice, through the ``backend`` fixture that
``settings`` reads: on SQLite with the SQLite queue (``[sqlite]``) and on a fresh PostgreSQL
database with the Redis queue (``[postgres]``); ``postgres(only=True)`` runs only the second.
Unmarked tests use the embedded defaults. See ``tests/support/backends.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from publisher.api.app import create_app
from publisher.keys import create_key
from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.settings import Settings
from publisher.workflow import Role
from tests.support.backends import (
    Backend,
    BackendName,
    PostgresServer,
    flush_redis,
    server_urls,
)

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "demo" / "bulletins"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each test marked ``postgres`` on both backends (or, with ``only=True``, on one)."""
    marker = metafunc.definition.get_closest_marker("postgres")
    if marker is None:
        return
    if "backend" not in metafunc.fixturenames:
        raise pytest.UsageError(
            f"{metafunc.definition.nodeid} is marked postgres but uses no fixture that reads "
            "`backend` (settings, services, client...): it would run on SQLite only"
        )
    names = ["postgres"] if marker.kwargs.get("only") else ["sqlite", "postgres"]
    metafunc.parametrize("backend", names, indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The PostgreSQL server of this run (only started on by the tests that need it)."""
    postgres_url, _redis_url = server_urls()
    server = PostgresServer(postgres_url)
    yield server
    server.close()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    """SQLite + the SQLite queue, unless a ``postgres`` test asks for PostgreSQL + Redis."""
    name = cast(BackendName, getattr(request, "param", "sqlite"))
    if name == "sqlite":
        yield Backend("sqlite")
        return
    _postgres_url, redis_url = server_urls()
    server: PostgresServer = request.getfixturevalue("postgres_server")
    database_url = server.new_database()
    flush_redis(redis_url)
    try:
        yield Backend("postgres", database_url, redis_url)
    finally:
        server.drop(database_url)
        flush_redis(redis_url)


@pytest.fixture
def settings(tmp_path: Path, backend: Backend) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        target_languages=("en", "pt", "vi"),
        base_url="http://testserver/",
        **backend.settings,
    )


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    created = Services.create(settings)
    yield created
    created.close()


@pytest.fixture
def queue(services: Services) -> JobQueue:
    """The real tasks on a huey that runs each task as soon as it is enqueued."""
    return JobQueue(services, make_huey(services, immediate=True))


@pytest.fixture
def client(services: Services, queue: JobQueue) -> Iterator[TestClient]:
    with TestClient(create_app(services, queue)) as test_client:
        yield test_client


@pytest.fixture
def keys(services: Services) -> dict[str, dict[str, str]]:
    """Authorization headers for one member of staff in each role."""
    headers: dict[str, dict[str, str]] = {}
    with Session(services.db) as session:
        for role in Role:
            _key, secret = create_key(session, f"{role.value}-san", role)
            headers[role.value] = {"Authorization": f"Bearer {secret}"}
        session.commit()
    return headers
