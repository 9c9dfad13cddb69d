"""The audit trail: every change attributable, append-only, exportable."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from publisher.services import Services
from publisher.settings import Settings
from tests.publisher.test_api_bulletins import SAMPLE, Headers

pytestmark = pytest.mark.postgres  # on SQLite + SQLite queue, and PostgreSQL + Redis


def test_every_change_is_recorded_with_who_and_hashes(client: TestClient, keys: Headers) -> None:
    created = client.post("/api/v1/bulletins", json=SAMPLE, headers=keys["editor"]).json()
    url = f"/api/v1/bulletins/{created['id']}"
    client.patch(url, json={"title": "訂正"}, headers=keys["editor"])
    client.post(f"{url}/submit", headers=keys["editor"])
    client.post(f"{url}/approve", headers=keys["approver"])
    records = client.get(
        f"/api/v1/audit?target=bulletin:{created['id']}", headers=keys["admin"]
    ).json()
    assert [(r["action"], r["actor"]) for r in records] == [
        ("bulletin.create", "editor-san"),
        ("bulletin.update", "editor-san"),
        ("bulletin.submit", "editor-san"),
        ("bulletin.approve", "approver-san"),
    ]
    assert records[0]["before_hash"] is None
    assert records[1]["before_hash"] == records[0]["after_hash"]
    assert records[1]["after_hash"] != records[1]["before_hash"]
    assert records[1]["detail"] == {"fields": ["title"]}


def test_refused_actions_leave_no_record(client: TestClient, keys: Headers) -> None:
    created = client.post("/api/v1/bulletins", json=SAMPLE, headers=keys["editor"]).json()
    client.post(f"/api/v1/bulletins/{created['id']}/approve", headers=keys["editor"])
    actions = [r["action"] for r in client.get("/api/v1/audit", headers=keys["admin"]).json()]
    assert actions == ["bulletin.create"]


def test_only_admins_read_the_audit(client: TestClient, keys: Headers) -> None:
    assert client.get("/api/v1/audit", headers=keys["approver"]).status_code == 403


def test_export_is_json_lines(client: TestClient, keys: Headers) -> None:
    client.post("/api/v1/bulletins", json=SAMPLE, headers=keys["editor"])
    client.post("/api/v1/keys", json={"name": "n", "role": "editor"}, headers=keys["admin"])
    response = client.get("/api/v1/audit/export", headers=keys["admin"])
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [line["action"] for line in lines] == ["bulletin.create", "key.create"]
    assert "secret" not in response.text


def test_the_database_refuses_to_change_or_delete_audit_records(
    client: TestClient, keys: Headers, services: Services
) -> None:
    client.post("/api/v1/bulletins", json=SAMPLE, headers=keys["editor"])
    for statement in ("UPDATE auditrecord SET actor = 'someone else'", "DELETE FROM auditrecord"):
        # One transaction each: PostgreSQL refuses any statement after a failed one.
        with pytest.raises(DatabaseError, match="append-only"), services.db.begin() as connection:
            connection.execute(text(statement))
    with services.db.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM auditrecord")).scalar_one() == 1


def test_four_eyes_rule_stops_authors_approving_their_own_revision(
    settings: Settings, keys: Headers, client: TestClient, services: Services
) -> None:
    object.__setattr__(services, "settings", settings.model_copy(update={"four_eyes": True}))
    created = client.post("/api/v1/bulletins", json=SAMPLE, headers=keys["admin"]).json()
    url = f"/api/v1/bulletins/{created['id']}"
    client.post(f"{url}/submit", headers=keys["admin"])
    refused = client.post(f"{url}/approve", headers=keys["admin"])
    assert refused.status_code == 403
    assert "four-eyes" in refused.json()["detail"]
    assert client.post(f"{url}/approve", headers=keys["approver"]).status_code == 200


@pytest.mark.slow
def test_publishing_is_recorded_by_the_system_with_each_language(
    client: TestClient, keys: Headers
) -> None:
    created = client.post(
        "/api/v1/bulletins", json={**SAMPLE, "languages": ["en"]}, headers=keys["editor"]
    ).json()
    url = f"/api/v1/bulletins/{created['id']}"
    client.post(f"{url}/submit", headers=keys["editor"])
    client.post(f"{url}/approve", headers=keys["approver"])
    client.post(f"{url}/publish", headers=keys["approver"])
    records = client.get(
        f"/api/v1/audit?target=bulletin:{created['id']}", headers=keys["admin"]
    ).json()
    assert [r["action"] for r in records][-2:] == ["bulletin.publish", "bulletin.published"]
    published = records[-1]
    assert (published["actor"], published["role"]) == ("kakehashi", "system")
    assert published["detail"]["languages"] == {"ja": "published", "en": "missing_model"}
