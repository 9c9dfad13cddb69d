"""Security headers, CORS off by default, rate limits, and docs that work offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from publisher.api.app import create_app
from publisher.queue import JobQueue
from publisher.services import Services
from tests.publisher.test_api_bulletins import Headers


def test_site_and_api_responses_carry_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/v1/health", "/no-such-page"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_cors_is_off_unless_configured(client: TestClient) -> None:
    response = client.options(
        "/api/v1/bulletins",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in response.headers


def test_cors_allows_only_configured_origins(services: Services, queue: JobQueue) -> None:
    configured = services.settings.model_copy(
        update={"cors_origins": ("https://cms.example.city.lg.jp",)}
    )
    object.__setattr__(services, "settings", configured)
    with TestClient(create_app(services, queue)) as client:
        allowed = client.options(
            "/api/v1/bulletins",
            headers={
                "Origin": "https://cms.example.city.lg.jp",
                "Access-Control-Request-Method": "POST",
            },
        )
        assert allowed.headers["access-control-allow-origin"] == "https://cms.example.city.lg.jp"


def test_rate_limit_answers_429_with_retry_after(
    services: Services, queue: JobQueue, keys: Headers
) -> None:
    limited = services.settings.model_copy(update={"rate_limit_per_minute": 3})
    object.__setattr__(services, "settings", limited)
    with TestClient(create_app(services, queue)) as client:
        statuses = [
            client.get("/api/v1/bulletins", headers=keys["editor"]).status_code for _ in range(4)
        ]
        assert statuses == [200, 200, 200, 429]
        response = client.get("/api/v1/bulletins", headers=keys["editor"])
        assert 1 <= int(response.headers["retry-after"]) <= 60
        # Another member of staff is not slowed down by the first one.
        assert client.get("/api/v1/bulletins", headers=keys["approver"]).status_code == 200


def test_docs_are_served_from_local_files(client: TestClient) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text
    assert "<script>" not in page.text
    assert client.get("/api/v1/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/api/v1/docs/local/docs.js").status_code == 200


def test_wrong_keys_from_one_address_are_paused_with_429(
    services: Services, queue: JobQueue, keys: Headers
) -> None:
    limited = services.settings.model_copy(update={"failed_keys_per_minute": 3})
    object.__setattr__(services, "settings", limited)
    wrong = {"Authorization": "Bearer kk_not-a-key"}
    with TestClient(create_app(services, queue)) as client:
        statuses = [client.get("/api/v1/bulletins", headers=wrong).status_code for _ in range(3)]
        assert statuses == [401, 401, 401]
        paused = client.post("/api/v1/bulletins", json={}, headers=wrong)
        assert paused.status_code == 429
        assert 1 <= int(paused.headers["retry-after"]) <= 60
        assert "wrong API key" in paused.json()["detail"]
        # Guessing on is pointless: even a right key from that address waits.
        assert client.get("/api/v1/bulletins", headers=keys["editor"]).status_code == 429
    with TestClient(create_app(services, queue), client=("203.0.113.9", 5000)) as other:
        assert other.get("/api/v1/bulletins", headers=keys["editor"]).status_code == 200


def test_rate_limits_are_shared_by_every_server_process(
    services: Services, queue: JobQueue, keys: Headers
) -> None:
    """``serve --workers 2`` runs two apps on one data folder: one limit, not two."""
    limited = services.settings.model_copy(update={"rate_limit_per_minute": 3})
    object.__setattr__(services, "settings", limited)
    script = (
        "import sys\n"
        "from publisher.api.rate_limit import WindowLimiter, shared_storage\n"
        "from publisher.settings import Settings\n"
        "limiter = WindowLimiter(3, shared_storage(Settings(data_dir=sys.argv[1])), 'api-key')\n"
        "print([limiter.retry_after(sys.argv[2]) for _ in range(2)])\n"
    )
    with TestClient(create_app(services, queue)) as first:
        assert first.get("/api/v1/bulletins", headers=keys["editor"]).status_code == 200
        listed = first.get("/api/v1/keys", headers=keys["admin"]).json()
        key_id = next(str(key["id"]) for key in listed if key["name"] == "editor-san")
        other_process = subprocess.run(
            [sys.executable, "-c", script, str(services.settings.data_dir), key_id],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        assert other_process.stdout.strip() == "[None, None]"
        with TestClient(create_app(services, queue)) as second:
            response = second.get("/api/v1/bulletins", headers=keys["editor"])
            assert response.status_code == 429


def test_api_answers_are_never_stored_by_caches(client: TestClient, keys: Headers) -> None:
    created = client.post(
        "/api/v1/keys", json={"name": "cms", "role": "editor"}, headers=keys["admin"]
    )
    assert created.status_code == 201 and created.json()["secret"]
    assert created.headers["cache-control"] == "no-store"
    for response in (
        client.get("/api/v1/bulletins", headers=keys["editor"]),
        client.get("/api/v1/bulletins"),  # 401
        client.post("/api/v1/bulletins", json={}, headers=keys["editor"]),  # 422
        client.get("/api/v1/health"),
    ):
        assert response.headers["cache-control"] == "no-store", response.request.url


def test_directory_redirects_are_relative_whatever_the_host_header(client: TestClient) -> None:
    for path, location in (("/ja", "/ja/"), ("//ja", "/ja/"), ("/ja?x=1", "/ja/?x=1")):
        response = client.get(
            f"http://testserver{path}", headers={"Host": "evil.example"}, follow_redirects=False
        )
        assert response.status_code in (301, 302, 307, 308), path
        assert response.headers["location"] == location
    assert client.get("/ja", follow_redirects=True).status_code == 200
