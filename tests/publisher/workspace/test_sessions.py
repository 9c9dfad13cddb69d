"""Sessions: cookie flags, inactivity, sign-out (a copied cookie stops working), CSRF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from publisher.services import Services
from publisher.settings import Settings
from publisher.tables import AuditRecord, StaffSession
from publisher.workspace.sessions import COOKIE_NAME
from tests.publisher.workspace.conftest import PASSWORD, csrf_of, post_form

Browser = Callable[[str], TestClient]


def test_pages_need_a_session_and_send_to_sign_in(app: FastAPI) -> None:
    with TestClient(app) as client:
        response = client.get("/staff/users", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/signin?next=/staff/users"


def test_the_session_cookie_is_httponly_strict_and_scoped(app: FastAPI, people: object) -> None:
    with TestClient(app) as client:
        page = client.get("/staff/signin")
        response = client.post(
            "/staff/signin",
            data={"name": "editor-san", "password": PASSWORD, "csrf_token": csrf_of(page.text)},
            follow_redirects=False,
        )
    cookie = next(
        value
        for value in response.headers.get_list("set-cookie")
        if value.startswith(f"{COOKIE_NAME}=")
    )
    flags = {part.strip().lower() for part in cookie.split(";")}
    assert {"httponly", "samesite=strict", "path=/staff/"} <= flags
    assert "secure" not in flags  # development serves plain HTTP on the laptop


def test_the_cookie_is_secure_in_production(tmp_path) -> None:
    from starlette.responses import Response

    from publisher.workspace.cookies import set_cookie

    settings = Settings(
        data_dir=tmp_path, environment="production", base_url="https://city.example/"
    )
    response = Response()
    set_cookie(response, settings, COOKIE_NAME, "token")
    flags = {part.strip().lower() for part in response.headers["set-cookie"].split(";")}
    assert {"secure", "httponly", "samesite=strict", "path=/staff/"} <= flags


def test_only_a_hash_of_the_token_is_stored(browser: Browser, services: Services) -> None:
    client = browser("editor-san")
    token = client.cookies[COOKIE_NAME]
    with Session(services.db) as session:
        rows = session.exec(select(StaffSession)).all()
    assert len(rows) == 1
    assert token not in rows[0].token_hash and rows[0].token_hash != token


def test_sign_out_ends_the_session_and_a_copied_cookie_stops_working(
    browser: Browser, app: FastAPI, services: Services
) -> None:
    client = browser("editor-san")
    copied = client.cookies[COOKIE_NAME]
    assert post_form(client, "/staff/", "/staff/signout").status_code == 303
    with TestClient(app) as thief:
        thief.cookies.set(COOKIE_NAME, copied, path="/staff/")
        response = thief.get("/staff/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/staff/signin")
    with Session(services.db) as session:
        actions = session.exec(select(AuditRecord.action)).all()
    assert "staff.signout" in actions


def test_a_session_ends_after_inactivity(browser: Browser, services: Services) -> None:
    client = browser("editor-san")
    assert client.get("/staff/", follow_redirects=False).status_code == 200
    idle = timedelta(minutes=services.settings.staff_session_idle_minutes, seconds=1)
    with Session(services.db) as session:
        row = session.exec(select(StaffSession)).one()
        row.last_seen_at = row.last_seen_at - idle
        session.add(row)
        session.commit()
    response = client.get("/staff/", follow_redirects=False)
    assert response.status_code == 303
    with Session(services.db) as session:
        assert session.exec(select(StaffSession)).one().ended_at is not None


def test_activity_keeps_a_session_alive(browser: Browser, services: Services) -> None:
    client = browser("editor-san")
    almost = timedelta(minutes=services.settings.staff_session_idle_minutes - 1)
    with Session(services.db) as session:
        row = session.exec(select(StaffSession)).one()
        row.last_seen_at = row.last_seen_at - almost
        session.add(row)
        session.commit()
    assert client.get("/staff/").status_code == 200  # touched: the idle time starts again
    with Session(services.db) as session:
        row = session.exec(select(StaffSession)).one()
    assert row.ended_at is None


@pytest.mark.parametrize(
    ("token", "reason"),
    [(None, "without its security token"), ("wrong-token", "does not belong to your session")],
)
def test_a_form_without_or_with_a_wrong_csrf_token_is_refused(
    browser: Browser, token: str | None, reason: str, services: Services
) -> None:
    client = browser("editor-san")
    client.cookies.set("kakehashi_staff_lang", "en", path="/staff/")
    data = {"title": "t", "body": "b", "category": "water"}
    if token is not None:
        data["csrf_token"] = token
    response = client.post("/staff/bulletins", data=data, follow_redirects=False)
    assert response.status_code == 403
    assert reason in response.text
    # Sign-out is a form too.
    response = client.post("/staff/signout", data={}, follow_redirects=False)
    assert response.status_code == 403
    assert client.get("/staff/", follow_redirects=False).status_code == 200


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_the_sign_in_form_checks_its_csrf_token_too(
    app: FastAPI, people: object, token: str | None
) -> None:
    with TestClient(app) as client:
        client.get("/staff/signin")
        data = {"name": "editor-san", "password": PASSWORD}
        if token is not None:
            data["csrf_token"] = token
        response = client.post("/staff/signin", data=data, follow_redirects=False)
    assert response.status_code == 403
    assert COOKIE_NAME not in response.cookies


def test_workspace_pages_have_strict_security_headers(browser: Browser) -> None:
    client = browser("admin-san")
    for page in ("/staff/", "/staff/signin", "/staff/users", "/staff/audit"):
        response = client.get(page)
        policy = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        assert "script-src 'self'" in policy
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
