"""Keys: admins list, create, expire and revoke them; nobody else can."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from publisher.keys import create_key
from publisher.services import Services
from publisher.workflow import Role

pytestmark = pytest.mark.postgres  # on SQLite + SQLite queue, and PostgreSQL + Redis

Headers = dict[str, dict[str, str]]


def test_admin_creates_a_key_whose_secret_is_shown_once(client: TestClient, keys: Headers) -> None:
    response = client.post(
        "/api/v1/keys", json={"name": "Suzuki", "role": "editor"}, headers=keys["admin"]
    )
    assert response.status_code == 201
    created = response.json()
    assert created["secret"].startswith("kk_")
    assert created["active"] is True
    listed = client.get("/api/v1/keys", headers=keys["admin"]).json()
    assert "Suzuki" in [key["name"] for key in listed]
    assert all("secret" not in key and "key_hash" not in key for key in listed)
    new_headers = {"Authorization": f"Bearer {created['secret']}"}
    assert client.get("/api/v1/bulletins", headers=new_headers).status_code == 200


def test_only_admins_manage_keys(client: TestClient, keys: Headers) -> None:
    for role in ("editor", "approver"):
        assert client.get("/api/v1/keys", headers=keys[role]).status_code == 403
        refused = client.post(
            "/api/v1/keys", json={"name": "x", "role": "admin"}, headers=keys[role]
        )
        assert refused.status_code == 403


def test_a_revoked_key_is_refused(client: TestClient, keys: Headers) -> None:
    created = client.post(
        "/api/v1/keys", json={"name": "Tanaka", "role": "editor"}, headers=keys["admin"]
    ).json()
    headers = {"Authorization": f"Bearer {created['secret']}"}
    revoked = client.post(f"/api/v1/keys/{created['id']}/revoke", headers=keys["admin"])
    assert revoked.json()["active"] is False
    assert client.get("/api/v1/bulletins", headers=headers).status_code == 401


def test_an_expired_key_is_refused(client: TestClient, services: Services) -> None:
    with Session(services.db) as session:
        _key, secret = create_key(
            session, "old", Role.ADMIN, expires_at=datetime.now(UTC) - timedelta(seconds=1)
        )
        session.commit()
    response = client.get("/api/v1/bulletins", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_unknown_key_id_is_404(client: TestClient, keys: Headers) -> None:
    assert client.post("/api/v1/keys/999/revoke", headers=keys["admin"]).status_code == 404
