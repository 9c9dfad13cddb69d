"""Accounts: admins manage them in the workspace; a reset gives a one-time password."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from publisher.keys import create_key
from publisher.services import Services
from publisher.tables import AuditRecord, StaffMember
from publisher.workflow import Role
from publisher.workspace.accounts import find_account
from tests.publisher.workspace.conftest import csrf_of, post_form, sign_in

Browser = Callable[[str], TestClient]
ONE_TIME = re.compile(r'<code class="one-time">([^<]+)</code>')


def _id(services: Services, name: str) -> int:
    with Session(services.db) as session:
        person = find_account(session, name)
        assert person is not None and person.id is not None
        return person.id


def test_only_admins_see_and_use_user_management(browser: Browser) -> None:
    editor, approver = browser("editor-san"), browser("approver-san")
    for client in (editor, approver):
        assert client.get("/staff/users").status_code == 403
        assert client.get("/staff/audit").status_code == 403
        assert 'href="/staff/users"' not in client.get("/staff/").text
        response = post_form(client, "/staff/", "/staff/users", {"name": "x", "role": "admin"})
        assert response.status_code == 403


def test_an_admin_creates_an_account_with_a_one_time_password(
    browser: Browser, app: FastAPI, services: Services
) -> None:
    admin = browser("admin-san")
    response = post_form(
        admin, "/staff/users", "/staff/users", {"name": "新人 太郎", "role": "editor"}
    )
    assert response.status_code == 200
    found = ONE_TIME.search(response.text)
    assert found
    with TestClient(app) as newcomer:
        sign_in(newcomer, "新人 太郎", found.group(1))
        # Every page sends to the password page until the password is changed.
        page = newcomer.get("/staff/", follow_redirects=False)
        assert page.headers["location"] == "/staff/password"
        form = newcomer.get("/staff/password")
        changed = newcomer.post(
            "/staff/password",
            data={
                "current": found.group(1),
                "new": "my own new password",
                "repeat": "my own new password",
                "csrf_token": csrf_of(form.text),
            },
            follow_redirects=False,
        )
        assert changed.status_code == 303
        assert newcomer.get("/staff/").status_code == 200
    with Session(services.db) as session:
        person = find_account(session, "新人 太郎")
        actions = session.exec(select(AuditRecord.action)).all()
    assert person is not None and person.role == "editor" and not person.must_change_password
    assert {"staff.create", "staff.change_password"} <= set(actions)


def test_a_reset_ends_sessions_and_forces_a_new_password(
    browser: Browser, app: FastAPI, services: Services
) -> None:
    admin, editor = browser("admin-san"), browser("editor-san")
    staff_id = _id(services, "editor-san")
    response = post_form(admin, "/staff/users", f"/staff/users/{staff_id}/reset")
    found = ONE_TIME.search(response.text)
    assert found
    assert editor.get("/staff/", follow_redirects=False).status_code == 303  # signed out
    with TestClient(app) as again:
        sign_in(again, "editor-san", found.group(1))
        assert again.get("/staff/", follow_redirects=False).headers["location"] == "/staff/password"


def test_role_changes_and_disabling(browser: Browser, services: Services) -> None:
    admin, editor = browser("admin-san"), browser("editor-san")
    staff_id = _id(services, "editor-san")
    assert (
        post_form(
            admin, "/staff/users", f"/staff/users/{staff_id}/role", {"role": "approver"}
        ).status_code
        == 303
    )
    with Session(services.db) as session:
        assert session.get(StaffMember, staff_id).role == "approver"  # type: ignore[union-attr]
        _key, secret = create_key(session, "editor-san", Role.APPROVER)
        session.commit()
    assert editor.get("/staff/", follow_redirects=False).status_code == 303  # sign in again
    assert post_form(admin, "/staff/users", f"/staff/users/{staff_id}/disable").status_code == 303
    # A disabled person's API key stops working too.
    response = admin.get("/api/v1/bulletins", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 401


def test_the_last_admin_cannot_be_disabled(browser: Browser, services: Services) -> None:
    admin = browser("admin-san")
    admin.cookies.set("kakehashi_staff_lang", "en", path="/staff/")
    staff_id = _id(services, "admin-san")
    response = post_form(admin, "/staff/users", f"/staff/users/{staff_id}/disable")
    assert response.status_code == 400
    assert "last admin" in response.text


def test_the_audit_trail_filters_and_exports_json_lines(browser: Browser) -> None:
    editor, admin = browser("editor-san"), browser("admin-san")
    post_form(
        editor,
        "/staff/bulletins/new",
        "/staff/bulletins",
        {"title": "t", "body": "本文です。", "category": "water", "languages": ["en"]},
    )
    page = admin.get("/staff/audit?person=editor-san")
    assert "bulletin.create" in page.text and "staff.signin" in page.text
    assert "admin-san" not in page.text.split("<main")[1].split("</table>")[0]
    export = admin.get("/staff/audit.jsonl?person=editor-san&bulletin=")
    assert export.status_code == 200
    records = [json.loads(line) for line in export.text.splitlines()]
    assert records and {record["actor"] for record in records} == {"editor-san"}
    only_bulletin = admin.get("/staff/audit.jsonl?bulletin=1").text.splitlines()
    assert [json.loads(line)["action"] for line in only_bulletin] == ["bulletin.create"]


def test_markup_in_a_name_is_shown_as_text_on_the_audit_and_users_pages(browser: Browser) -> None:
    admin = browser("admin-san")
    hostile = '<img src=x onerror="alert(1)">'
    post_form(admin, "/staff/users", "/staff/users", {"name": hostile, "role": "editor"})
    shown = {"/staff/users": "&lt;img src=x", "/staff/audit": "\\u003cimg src=x"}
    for page, escaped in shown.items():
        html = admin.get(page).text
        assert "<img src=x" not in html
        assert escaped in html
