"""The API keys page: admins only, a secret shown once, revoking, CSRF, audit."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from publisher.services import Services
from publisher.tables import ApiKey, AuditRecord
from tests.publisher.workspace.conftest import csrf_of, post_form

Browser = Callable[[str], TestClient]
PAGE = "/staff/keys/"
SECRET = re.compile(r'id="new-secret"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*id="new-secret"')


def _keys(services: Services) -> list[ApiKey]:
    with Session(services.db) as session:
        return list(session.exec(select(ApiKey)).all())


def _audit(services: Services) -> list[tuple[str, str]]:
    with Session(services.db) as session:
        records = session.exec(select(AuditRecord).order_by(AuditRecord.id)).all()  # type: ignore[arg-type]
        return [(r.action, r.actor) for r in records if r.action.startswith("key.")]


def test_an_admin_creates_a_key_sees_the_secret_once_and_revokes_it(
    browser: Browser, services: Services, app: FastAPI
) -> None:
    client = TestClient(app)  # the same server: revoking forgets the key in its memory at once
    admin = browser("admin-san")
    created = post_form(
        admin, PAGE, PAGE, {"name": "import-script", "role": "editor", "expires_in_days": "30"}
    )
    assert created.status_code == 201
    found = SECRET.search(created.text)
    assert found, "the new secret is shown in a read-only field"
    secret = found.group(1) or found.group(2)
    assert "readonly" in created.text and 'id="secret-warning"' in created.text
    assert 'role="status"' in created.text
    (key,) = _keys(services)
    assert (key.name, key.created_by, key.expires_at is not None) == (
        "import-script",
        "admin-san",
        True,
    )
    works = client.get("/api/v1/glossary", headers={"Authorization": f"Bearer {secret}"})
    assert works.status_code == 200

    listing = admin.get(PAGE).text
    assert secret not in listing and key.prefix in listing and "import-script" in listing

    revoked = post_form(admin, PAGE, f"{PAGE}{key.id}/revoke")
    assert revoked.status_code == 303 and revoked.headers["location"] == f"{PAGE}?done=revoked"
    assert _keys(services)[0].revoked_at is not None
    stopped = client.get("/api/v1/glossary", headers={"Authorization": f"Bearer {secret}"})
    assert stopped.status_code == 401
    assert _audit(services) == [("key.create", "admin-san"), ("key.revoke", "admin-san")]


def test_only_admins_reach_the_page_and_crafted_posts_are_refused(
    browser: Browser, services: Services
) -> None:
    for name in ("editor-san", "approver-san"):
        person = browser(name)
        assert person.get(PAGE).status_code == 403
        assert 'href="/staff/keys/"' not in person.get("/staff/").text
        token = csrf_of(person.get("/staff/").text)
        refused = person.post(
            PAGE, data={"name": "x", "role": "admin", "csrf_token": token}, follow_redirects=False
        )
        assert refused.status_code == 403
    assert _keys(services) == []


def test_bad_input_and_missing_tokens_are_refused(browser: Browser, services: Services) -> None:
    admin = browser("admin-san")
    for data, field in [
        ({"name": "", "role": "editor"}, "name"),
        ({"name": "bot", "role": "overlord"}, "role"),
        ({"name": "bot", "role": "editor", "expires_in_days": "0"}, "expires"),
        ({"name": "bot", "role": "editor", "expires_in_days": "soon"}, "expires"),
        ({"name": "editor-san", "role": "admin"}, "name"),  # has another role already
    ]:
        refused = post_form(admin, PAGE, PAGE, data)
        assert refused.status_code == 400, data
        assert f'id="key-{field}-error"' in refused.text, data
        assert "new-secret" not in refused.text
    missing = admin.post(PAGE, data={"name": "bot", "role": "editor"}, follow_redirects=False)
    assert missing.status_code == 403
    assert _keys(services) == [] and _audit(services) == []
