"""Shared fixtures: an isolated Kakehashi (settings, services, app) per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from publisher.api.app import create_app
from publisher.keys import create_key
from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.settings import Settings
from publisher.workflow import Role

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "demo" / "bulletins"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        target_languages=("en", "pt", "vi"),
        base_url="http://testserver/",
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
