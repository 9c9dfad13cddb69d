"""Workspace fixtures: one account per role (and a second approver), and signed-in browsers
as TestClients, each with its own cookies."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from publisher.api.app import create_app
from publisher.queue import JobQueue
from publisher.services import Services
from publisher.workflow import Role
from publisher.workspace.accounts import create_account

PASSWORD = "a long enough password"
PEOPLE = {
    "editor-san": Role.EDITOR,
    "approver-san": Role.APPROVER,
    "admin-san": Role.ADMIN,
}
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


@pytest.fixture
def people(services: Services) -> dict[str, Role]:
    with Session(services.db) as session:
        for name, role in PEOPLE.items():
            create_account(session, name, role, PASSWORD, by="test", one_time=False)
        session.commit()
    return PEOPLE


@pytest.fixture
def app(services: Services, queue: JobQueue) -> FastAPI:
    return create_app(services, queue)


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> TestClient:
    page = client.get("/staff/signin")
    response = client.post(
        "/staff/signin",
        data={"name": name, "password": password, "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client


@pytest.fixture
def browser(app: FastAPI, people: dict[str, Role]) -> Iterator[Callable[[str], TestClient]]:
    """``browser(name)``: a client signed in as that member of staff."""
    clients: list[TestClient] = []

    def open_as(name: str) -> TestClient:
        client = TestClient(app)
        client.__enter__()
        clients.append(client)
        return sign_in(client, name)

    yield open_as
    for client in clients:
        client.__exit__(None, None, None)


def post_form(client: TestClient, page: str, action: str, data: dict[str, object] | None = None):
    """Open ``page`` and send one of its forms to ``action`` with the page's CSRF token."""
    html = client.get(page).text
    return client.post(
        action, data={**(data or {}), "csrf_token": csrf_of(html)}, follow_redirects=False
    )
