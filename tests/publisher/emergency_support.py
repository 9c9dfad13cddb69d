"""A Kakehashi for emergency tests: fake translation engine (counting calls), one key per role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import etree
from sqlmodel import Session

from publisher.api.app import create_app
from publisher.keys import create_key
from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.settings import Settings
from publisher.workflow import Role
from tests.support.fake_engine import FakeEngine

CAP_SCHEMA = Path(__file__).parent / "standards" / "CAP-v1.2.xsd"
EVACUATION = {
    "template": "evacuation-order",
    "slots": {
        "areas": ["元城町", "中区"],
        "issued_at": "2026-07-01T14:30+09:00",
        "shelters": [{"name": "北部協働センター", "address": "中区元城町103-2"}],
        "phone": "053-457-2111",
    },
}


class EmergencyApp:
    def __init__(self, services: Services, engine: FakeEngine, queue: JobQueue) -> None:
        self.services = services
        self.engine = engine
        self.queue = queue
        self.client = TestClient(create_app(services, queue, serve_site=False))
        self.keys: dict[str, dict[str, str]] = {}
        with Session(services.db) as session:
            for role in Role:
                _key, secret = create_key(session, f"{role.value}-san", role)
                self.keys[role.value] = {"Authorization": f"Bearer {secret}"}
            _key, secret = create_key(session, "second-approver", Role.APPROVER)
            self.keys["second"] = {"Authorization": f"Bearer {secret}"}
            session.commit()

    def issue(self, body: dict[str, Any] | None = None, role: str = "approver") -> dict[str, Any]:
        response = self.client.post(
            "/api/v1/emergencies", json=body or EVACUATION, headers=self.keys[role]
        )
        assert response.status_code == 202, response.text
        accepted: dict[str, Any] = response.json()
        return accepted

    def get(self, emergency_id: int) -> dict[str, Any]:
        response = self.client.get(
            f"/api/v1/emergencies/{emergency_id}", headers=self.keys["editor"]
        )
        assert response.status_code == 200, response.text
        shown: dict[str, Any] = response.json()
        return shown

    @property
    def emergency_root(self) -> Path:
        site = self.services.settings.resolved_site_dir
        return site.with_name(site.name + ".emergency")


def _silent(services: Services, version_id: int) -> None:
    """Stands in for reading aloud where a test is about something else (voicing is slow)."""


def make_app(tmp_path: Path, *, audio: bool = False, **settings: Any) -> Iterator[EmergencyApp]:
    """A Kakehashi with one key per role; ``audio``: voice every emergency for real."""
    from publisher import emergency_publish

    engine = FakeEngine()
    chosen = Settings(
        data_dir=tmp_path / "data",
        target_languages=settings.pop("target_languages", ("en", "pt", "th")),
        base_url="http://testserver/",
        **settings,
    )
    services = Services.create(chosen, translation_engine_factory=lambda _: engine)
    queue = JobQueue(services, make_huey(services, immediate=True))
    app = EmergencyApp(services, engine, queue)
    real_voice = emergency_publish.voice
    if not audio:
        emergency_publish.voice = _silent
    try:
        with app.client:
            yield app
    finally:
        emergency_publish.voice = real_voice
        services.close()


@pytest.fixture
def emergency_app(tmp_path: Path) -> Iterator[EmergencyApp]:
    yield from make_app(tmp_path)


def cap_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(CAP_SCHEMA)))
