"""``/api/v1/readings``: everyone reads, approvers and admins change, each change audited and
a site build scheduled; the file stays what the build reads."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from publisher.queue import JobQueue
from publisher.services import Services
from publisher.tables import AuditRecord
from translations.furigana import load_readings

URL = "/api/v1/readings"


def _audit(services: Services) -> list[tuple[str, str, str]]:
    with Session(services.db) as session:
        records = session.exec(select(AuditRecord).order_by(AuditRecord.id)).all()  # type: ignore[arg-type]
        return [(r.action, r.target, r.actor) for r in records if r.action.startswith("reading.")]


def test_put_adds_then_replaces_and_delete_removes(
    client: TestClient, keys: dict[str, dict[str, str]], services: Services, queue: JobQueue
) -> None:
    approver = keys["approver"]
    created = client.put(f"{URL}/元城町", json={"reading": "モトシロチョウ"}, headers=approver)
    assert created.status_code == 201
    assert created.json() == {"name": "元城町", "reading": "もとしろちょう"}
    replaced = client.put(f"{URL}/元城町", json={"reading": "もとしろまち"}, headers=approver)
    assert replaced.status_code == 200
    listed = client.get(URL, headers=keys["editor"])
    assert listed.json() == [{"name": "元城町", "reading": "もとしろまち"}]
    assert load_readings(services.settings.resolved_readings_file) == {"元城町": "もとしろまち"}
    assert client.delete(f"{URL}/元城町", headers=keys["admin"]).status_code == 204
    assert client.delete(f"{URL}/元城町", headers=keys["admin"]).status_code == 404
    assert client.get(URL, headers=keys["editor"]).json() == []
    assert _audit(services) == [
        ("reading.create", "reading:元城町", "approver-san"),
        ("reading.update", "reading:元城町", "approver-san"),
        ("reading.delete", "reading:元城町", "admin-san"),
    ]
    assert sum(1 for task in queue.huey.scheduled() if task.name == "site") == 3


def test_editors_may_not_change_readings(
    client: TestClient, keys: dict[str, dict[str, str]], services: Services
) -> None:
    editor = keys["editor"]
    assert client.put(f"{URL}/元城町", json={"reading": "もと"}, headers=editor).status_code == 403
    assert client.delete(f"{URL}/元城町", headers=editor).status_code == 403
    assert client.get(URL).status_code == 401
    assert _audit(services) == []


@pytest.mark.parametrize(
    ("name", "body", "field"),
    [
        ("元城町", {"reading": "motoshiro"}, "reading"),
        ("元城町", {"reading": "もと城"}, "reading"),
        ("もとしろ", {"reading": "もとしろ"}, "name"),
        ("元城町", {"reading": ""}, "reading"),
        ("元城町", {"reading": "もと", "extra": 1}, "extra"),
    ],
)
def test_bad_readings_are_refused_with_the_field(
    client: TestClient,
    keys: dict[str, dict[str, str]],
    services: Services,
    name: str,
    body: dict[str, object],
    field: str,
) -> None:
    refused = client.put(f"{URL}/{name}", json=body, headers=keys["admin"])
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"][-1] == field
    assert not services.settings.resolved_readings_file.exists()


def test_a_broken_file_is_reported_not_overwritten(
    client: TestClient, keys: dict[str, dict[str, str]], services: Services
) -> None:
    path = services.settings.resolved_readings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[readings\n", encoding="utf-8")
    assert client.get(URL, headers=keys["admin"]).status_code == 503
    put = client.put(f"{URL}/元城町", json={"reading": "もと"}, headers=keys["admin"])
    assert put.status_code == 503
    assert path.read_text(encoding="utf-8") == "[readings\n"
