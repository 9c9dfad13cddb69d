"""Security headers, CORS off by default, rate limits, and docs that work offline."""

from __future__ import annotations

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
