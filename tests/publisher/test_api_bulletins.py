"""The bulletin API: every endpoint, every transition, and the refusals."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from publisher.services import Services

pytestmark = pytest.mark.postgres  # on SQLite + SQLite queue, and PostgreSQL + Redis

SAMPLE = {
    "title": "断水のお知らせ",
    "body": (
        "水道管の工事のため断水します。\n\n## 日時\n\n- 1月20日 午後10時から\n- 翌日午前5時まで"
    ),
    "category": "water",
    "contact": "水道工事課　電話 053-000-4500",
    "languages": ["en", "pt"],
}

Headers = dict[str, dict[str, str]]


def create(client: TestClient, keys: Headers, **changes: Any) -> dict[str, Any]:
    response = client.post("/api/v1/bulletins", json={**SAMPLE, **changes}, headers=keys["editor"])
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def advance(client: TestClient, keys: Headers, bulletin_id: int, *steps: str) -> None:
    roles = {"submit": "editor", "approve": "approver", "publish": "approver"}
    for step in steps:
        response = client.post(f"/api/v1/bulletins/{bulletin_id}/{step}", headers=keys[roles[step]])
        assert response.status_code in (200, 202), response.text


def test_create_returns_a_draft_with_revision_one(client: TestClient, keys: Headers) -> None:
    bulletin = create(client, keys)
    assert bulletin["state"] == "draft"
    assert bulletin["current_revision"] == 1
    assert bulletin["published_revision"] is None
    assert bulletin["title"] == SAMPLE["title"]
    assert bulletin["created_by"] == "editor-san"
    assert [v["language"] for v in bulletin["versions"]] == ["ja", "en", "pt"]
    assert {v["status"] for v in bulletin["versions"]} == {"pending"}


@pytest.mark.parametrize(
    ("headers", "reason"),
    [({}, "missing API key"), ({"Authorization": "Bearer kk_wrong"}, "invalid")],
)
def test_missing_or_invalid_key_is_401(
    client: TestClient, headers: dict[str, str], reason: str
) -> None:
    response = client.post("/api/v1/bulletins", json=SAMPLE, headers=headers)
    assert response.status_code == 401
    assert reason in response.json()["detail"]
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"unexpected": 1}, "unexpected"),
        ({"title": "   "}, "title"),
        ({"title": ""}, "title"),
        ({"title": "改行\nあり"}, "title"),
        ({"languages": ["en", "xx"]}, "languages"),
        ({"languages": ["ja"]}, "languages"),
        ({"category": "Not A Category!"}, "category"),
        ({"body": "制御文字\u0007"}, "body"),
        ({"publish_at": "2026-12-01T09:00:00"}, "publish_at"),
    ],
)
def test_invalid_bodies_are_422_with_the_field_named(
    client: TestClient, keys: Headers, changes: dict[str, Any], field: str
) -> None:
    response = client.post("/api/v1/bulletins", json={**SAMPLE, **changes}, headers=keys["editor"])
    assert response.status_code == 422
    locations = [error["loc"][-1] for error in response.json()["detail"]]
    assert field in locations or any(field in str(loc) for loc in locations), response.text


def test_non_utf8_body_is_422(client: TestClient, keys: Headers) -> None:
    raw = (
        json.dumps(SAMPLE, ensure_ascii=False)
        .encode("utf-8")
        .replace("断水".encode(), "断水".encode("shift_jis"))
    )
    response = client.post(
        "/api/v1/bulletins",
        content=raw,
        headers={**keys["editor"], "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert "UTF-8" in response.json()["detail"][0]["msg"]


def test_oversized_body_is_413(client: TestClient, keys: Headers, services: Services) -> None:
    body = "お知らせです。" * (services.settings.max_body_bytes // 21 + 10)
    response = client.post(
        "/api/v1/bulletins", json={**SAMPLE, "body": body}, headers=keys["editor"]
    )
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]


def test_oversized_request_is_413_before_parsing(
    client: TestClient, keys: Headers, services: Services
) -> None:
    raw = b'{"title": "' + b"a" * services.settings.max_request_bytes + b'"}'
    response = client.post(
        "/api/v1/bulletins",
        content=raw,
        headers={**keys["editor"], "Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_unknown_ids_are_404(client: TestClient, keys: Headers) -> None:
    assert client.get("/api/v1/bulletins/999", headers=keys["editor"]).status_code == 404
    assert (
        client.patch(
            "/api/v1/bulletins/999", json={"title": "x"}, headers=keys["editor"]
        ).status_code
        == 404
    )
    assert client.post("/api/v1/bulletins/999/submit", headers=keys["editor"]).status_code == 404
    assert client.get("/api/v1/jobs/nope", headers=keys["editor"]).status_code == 404


def test_patch_makes_a_new_revision_and_keeps_the_old(client: TestClient, keys: Headers) -> None:
    bulletin = create(client, keys)
    url = f"/api/v1/bulletins/{bulletin['id']}"
    response = client.patch(url, json={"title": "断水のお知らせ（訂正）"}, headers=keys["editor"])
    assert response.status_code == 200
    assert response.json()["current_revision"] == 2
    assert response.json()["title"] == "断水のお知らせ（訂正）"
    revisions = client.get(f"{url}/revisions", headers=keys["editor"]).json()
    assert [r["number"] for r in revisions] == [1, 2]
    assert revisions[0]["title"] == SAMPLE["title"]
    assert revisions[1]["body"] == SAMPLE["body"]


def test_empty_patch_is_422(client: TestClient, keys: Headers) -> None:
    bulletin = create(client, keys)
    response = client.patch(f"/api/v1/bulletins/{bulletin['id']}", json={}, headers=keys["editor"])
    assert response.status_code == 422


def test_editing_a_bulletin_in_review_sends_it_back_to_draft(
    client: TestClient, keys: Headers
) -> None:
    bulletin = create(client, keys)
    advance(client, keys, bulletin["id"], "submit")
    response = client.patch(
        f"/api/v1/bulletins/{bulletin['id']}",
        json={"body": "変更しました。"},
        headers=keys["editor"],
    )
    assert response.json()["state"] == "draft"


def test_editor_cannot_approve_or_publish(client: TestClient, keys: Headers) -> None:
    bulletin = create(client, keys)
    url = f"/api/v1/bulletins/{bulletin['id']}"
    assert client.post(f"{url}/submit", headers=keys["editor"]).json()["state"] == "in_review"
    refused = client.post(f"{url}/approve", headers=keys["editor"])
    assert refused.status_code == 403
    assert "approver" in refused.json()["detail"]
    client.post(f"{url}/approve", headers=keys["approver"])
    assert client.post(f"{url}/publish", headers=keys["editor"]).status_code == 403
    assert client.post(f"{url}/retract", headers=keys["editor"]).status_code == 403


def test_transitions_out_of_order_are_409(client: TestClient, keys: Headers) -> None:
    bulletin = create(client, keys)
    url = f"/api/v1/bulletins/{bulletin['id']}"
    assert client.post(f"{url}/approve", headers=keys["approver"]).status_code == 409
    assert client.post(f"{url}/publish", headers=keys["admin"]).status_code == 409
    assert client.post(f"{url}/retract", headers=keys["admin"]).status_code == 409
    advance(client, keys, bulletin["id"], "submit")
    assert client.post(f"{url}/submit", headers=keys["editor"]).status_code == 409


def test_list_bulletins_filters_by_state(client: TestClient, keys: Headers) -> None:
    first = create(client, keys)
    create(client, keys, title="二つ目")
    advance(client, keys, first["id"], "submit")
    listed = client.get("/api/v1/bulletins?state=in_review", headers=keys["editor"]).json()
    assert [b["id"] for b in listed] == [first["id"]]


def test_list_shows_each_bulletins_working_draft_newest_first(
    client: TestClient, keys: Headers
) -> None:
    first = create(client, keys)
    second = create(client, keys, title="二つ目")
    edited = client.patch(
        f"/api/v1/bulletins/{first['id']}",
        json={"title": "改訂後の題名", "category": "disaster"},
        headers=keys["editor"],
    )
    assert edited.status_code == 200, edited.text
    listed = client.get("/api/v1/bulletins", headers=keys["editor"]).json()
    assert [(b["id"], b["title"], b["current_revision"]) for b in listed] == [
        (first["id"], "改訂後の題名", 2),
        (second["id"], "二つ目", 1),
    ]
    assert listed[0]["category"] == "disaster"


@pytest.mark.slow
def test_publish_runs_a_job_and_reports_every_language(client: TestClient, keys: Headers) -> None:
    bulletin = create(client, keys)
    advance(client, keys, bulletin["id"], "submit", "approve")
    response = client.post(f"/api/v1/bulletins/{bulletin['id']}/publish", headers=keys["approver"])
    assert response.status_code == 202
    job_url = response.json()["status_url"]
    job = client.get(job_url, headers=keys["editor"]).json()
    assert job["state"] == "succeeded", job
    assert job["progress"]["ja"]["status"] == "published"
    assert job["progress"]["en"]["status"] == "missing_model"

    published = client.get(f"/api/v1/bulletins/{bulletin['id']}", headers=keys["editor"]).json()
    assert published["state"] == "published"
    versions = {v["language"]: v for v in published["versions"]}
    assert versions["ja"]["page_url"] == f"http://testserver/ja/bulletins/{bulletin['id']}/"
    assert versions["ja"]["audio_url"].endswith("/audio.mp3")
    assert versions["ja"]["translation"] == "source"
    assert versions["en"]["status"] == "missing_model"
    assert versions["en"]["page_url"] is None
    assert versions["pt"]["translation"] == "missing"

    page = client.get(f"/ja/bulletins/{bulletin['id']}/")
    assert page.status_code == 200
    assert '<html lang="ja" dir="ltr">' in page.text
    assert client.get(f"/ja/bulletins/{bulletin['id']}/audio.mp3").status_code == 200
    assert client.get(f"/en/bulletins/{bulletin['id']}/").status_code == 404


@pytest.mark.slow
def test_retract_says_so_at_the_pages_address_and_keeps_the_record(
    client: TestClient, keys: Headers
) -> None:
    bulletin = create(client, keys, languages=[])
    advance(client, keys, bulletin["id"], "submit", "approve", "publish")
    page_url = f"/ja/bulletins/{bulletin['id']}/"
    assert client.get(page_url).status_code == 200
    response = client.post(f"/api/v1/bulletins/{bulletin['id']}/retract", headers=keys["admin"])
    assert response.status_code == 202
    assert client.get(response.json()["status_url"], headers=keys["admin"]).json()["state"] == (
        "succeeded"
    )
    withdrawn = client.get(page_url).text
    assert "このお知らせは取り下げられました" in withdrawn
    assert SAMPLE["title"] in withdrawn and "<audio" not in withdrawn
    assert client.get(f"{page_url}audio.mp3").status_code == 404
    kept = client.get(f"/api/v1/bulletins/{bulletin['id']}", headers=keys["editor"]).json()
    assert kept["state"] == "retracted"
    assert kept["title"] == SAMPLE["title"]
    assert "断水" not in client.get("/ja/").text


@pytest.mark.slow
def test_html_in_markdown_never_reaches_the_page_live(client: TestClient, keys: Headers) -> None:
    body = (
        "<script>alert('x')</script> 注意してください。\n\n"
        '<img src=x onerror="alert(1)">\n\n'
        "[リンク](javascript:alert(1)) と [市のページ](https://www.example.city.lg.jp/)"
    )
    bulletin = create(client, keys, body=body, languages=[])
    advance(client, keys, bulletin["id"], "submit", "approve", "publish")
    page = client.get(f"/ja/bulletins/{bulletin['id']}/").text
    assert "<script>alert" not in page
    assert "<img" not in page
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;" in page
    assert 'href="https://www.example.city.lg.jp/"' in page


def test_health_and_openapi_need_no_key(client: TestClient) -> None:
    assert client.get("/api/v1/health").json() == {"status": "ok"}
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/bulletins/{bulletin_id}/publish" in schema["paths"]


def test_too_many_sentences_is_422_with_the_limit(
    client: TestClient, keys: Headers, services: Services
) -> None:
    limit = services.settings.max_segments
    body = "お知らせです。" * (limit + 1)
    response = client.post(
        "/api/v1/bulletins", json={**SAMPLE, "body": body}, headers=keys["editor"]
    )
    assert response.status_code == 422
    assert f"the limit is {limit}" in response.text
    just_under = "お知らせです。" * (limit - 1)
    ok = client.post(
        "/api/v1/bulletins", json={**SAMPLE, "body": just_under}, headers=keys["editor"]
    )
    assert ok.status_code == 201
