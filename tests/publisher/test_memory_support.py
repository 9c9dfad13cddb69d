"""Shared fixtures for the translation-publishing tests: a Kakehashi on the FakeEngine.

Audio is replaced by a "no audio" outcome here: these tests are about text (the audio path
has its own tests), and voicing every language of every publish would make them slow.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from publisher import pipeline
from publisher.api.app import create_app
from publisher.documents import LocalizedDoc
from publisher.keys import create_key
from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.settings import Settings
from publisher.statuses import LanguageStatus
from publisher.workflow import Role
from tests.support.backends import Backend
from tests.support.fake_engine import FakeEngine

Headers = dict[str, dict[str, str]]

BODY = (
    "大雨のため避難指示を出しました。\n\n"
    "問い合わせは電話 053-000-0110 へ。\n\n"
    "受付は12月13日（土曜日）午前9時からです。\n\n"
    "川には近づかないでください。"
)
SAMPLE: dict[str, Any] = {
    "title": "避難所の開設",
    "body": BODY,
    "category": "disaster",
    "languages": ["en", "pt"],
}


# What the fake model answers (for every language): well-formed output that passes the checks.
GOOD = {
    "避難所の開設": "Shelters open",
    "大雨のため避難指示を出しました。": "Because of heavy rain, we issued an evacuation order.",
    "大雨のため[1]を出しました。": "Because of heavy rain, we issued an [1].",
    "問い合わせは電話 [1] へ。": "For questions, call [1].",
    "受付は[1]からです。": "Reception opens [1].",
    "川には近づかないでください。": "Stay away from rivers.",
    "川には絶対に近づかないでください。": "Never go near rivers.",
}


class App:
    """A test client on the fake engine, with one API key per role."""

    def __init__(self, client: TestClient, engine: FakeEngine, services: Services) -> None:
        self.client = client
        self.engine = engine
        self.services = services
        self.keys: Headers = {}
        with Session(services.db) as session:
            for role in Role:
                _key, secret = create_key(session, f"{role.value}-san", role)
                self.keys[role.value] = {"Authorization": f"Bearer {secret}"}
            session.commit()

    def create(self, **changes: Any) -> int:
        response = self.client.post(
            "/api/v1/bulletins", json={**SAMPLE, **changes}, headers=self.keys["editor"]
        )
        assert response.status_code == 201, response.text
        return int(response.json()["id"])

    def publish(self, bulletin_id: int) -> dict[str, Any]:
        for step, role in (("submit", "editor"), ("approve", "approver"), ("publish", "approver")):
            response = self.client.post(
                f"/api/v1/bulletins/{bulletin_id}/{step}", headers=self.keys[role]
            )
            assert response.status_code in (200, 202), response.text
        return self.job(response.json()["status_url"])

    def job(self, status_url: str) -> dict[str, Any]:
        job: dict[str, Any] = self.client.get(status_url, headers=self.keys["editor"]).json()
        assert job["state"] == "succeeded", job
        return job

    def edit(self, bulletin_id: int, **changes: Any) -> None:
        response = self.client.patch(
            f"/api/v1/bulletins/{bulletin_id}", json=changes, headers=self.keys["editor"]
        )
        assert response.status_code == 200, response.text

    def page(self, language: str, bulletin_id: int) -> str:
        path = self.services.settings.resolved_site_dir / language / "bulletins"
        return (path / str(bulletin_id) / "index.html").read_text(encoding="utf-8")

    def translation(self, bulletin_id: int, language: str) -> dict[str, Any]:
        response = self.client.get(
            f"/api/v1/bulletins/{bulletin_id}/translations/{language}",
            headers=self.keys["editor"],
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


def _no_audio(services: Services, doc: LocalizedDoc, version: str) -> pipeline.LanguageOutcome:
    return pipeline.LanguageOutcome(version, LanguageStatus.PUBLISHED, doc.translation_status)


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine(GOOD)


@pytest.fixture
def app(
    tmp_path: Any, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch, backend: Backend
) -> Iterator[App]:
    monkeypatch.setattr(pipeline, "_voice", _no_audio)
    settings = Settings(
        data_dir=tmp_path / "data",
        target_languages=("en", "pt"),
        base_url="http://testserver/",
        **backend.settings,
    )
    services = Services.create(settings, translation_engine_factory=lambda _: fake_engine)
    queue = JobQueue(services, make_huey(services, immediate=True))
    with TestClient(create_app(services, queue)) as client:
        yield App(client, fake_engine, services)
    services.close()
