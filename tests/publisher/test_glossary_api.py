"""The glossary API, and glossary terms enforced on published pages."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from publisher.tables import AuditRecord, SegmentTranslation
from tests.publisher.test_memory_support import App, app, fake_engine

pytestmark = pytest.mark.postgres  # on SQLite + SQLite queue, and PostgreSQL + Redis

__all__ = ["app", "fake_engine"]

TERM = {"language": "en", "source": "避難指示", "translation": "Evacuation Instruction"}


def test_create_list_update_delete(app: App) -> None:
    created = app.client.post("/api/v1/glossary", json=TERM, headers=app.keys["approver"])
    assert created.status_code == 201, created.text
    term = created.json()
    assert term["keep"] is False
    assert term["created_by"] == "approver-san"
    keep = app.client.post(
        "/api/v1/glossary",
        json={"language": "en", "source": "住民票", "keep": True},
        headers=app.keys["admin"],
    ).json()
    assert keep["translation"] is None and keep["keep"] is True

    listed = app.client.get("/api/v1/glossary?language=en", headers=app.keys["editor"]).json()
    assert [item["source"] for item in listed] == ["住民票", "避難指示"]

    changed = app.client.patch(
        f"/api/v1/glossary/{term['id']}",
        json={"translation": "Evacuation Order"},
        headers=app.keys["approver"],
    ).json()
    assert changed["translation"] == "Evacuation Order"
    gone = app.client.delete(f"/api/v1/glossary/{keep['id']}", headers=app.keys["approver"])
    assert gone.status_code == 204
    assert (
        app.client.get(f"/api/v1/glossary/{keep['id']}", headers=app.keys["editor"]).status_code
        == 404
    )
    with Session(app.services.db) as session:
        actions = [row.action for row in session.exec(select(AuditRecord)).all()]
    assert actions.count("glossary.create") == 2
    assert "glossary.update" in actions and "glossary.delete" in actions


def test_editors_read_but_do_not_write(app: App) -> None:
    response = app.client.post("/api/v1/glossary", json=TERM, headers=app.keys["editor"])
    assert response.status_code == 403
    assert app.client.get("/api/v1/glossary", headers=app.keys["editor"]).status_code == 200
    assert app.client.get("/api/v1/glossary").status_code == 401


def test_refusals(app: App) -> None:
    approver = app.keys["approver"]
    assert app.client.post("/api/v1/glossary", json=TERM, headers=approver).status_code == 201
    assert app.client.post("/api/v1/glossary", json=TERM, headers=approver).status_code == 409
    for body in (
        {**TERM, "language": "xx"},
        {**TERM, "language": "ja"},
        {**TERM, "keep": True},
        {"language": "en", "source": "避難"},
        {**TERM, "translation": "see [1]"},
        {**TERM, "source": " "},
    ):
        response = app.client.post("/api/v1/glossary", json=body, headers=approver)
        assert response.status_code == 422, (body, response.text)


def test_a_glossary_term_appears_exactly_as_required_on_the_page(app: App) -> None:
    app.client.post("/api/v1/glossary", json=TERM, headers=app.keys["approver"])
    bulletin = app.create()
    app.publish(bulletin)
    assert ("en", "大雨のため[1]を出しました。") in app.engine.texts
    assert ("pt", "大雨のため避難指示を出しました。") in app.engine.texts  # no pt entry
    page = app.page("en", bulletin)
    assert "Because of heavy rain, we issued an Evacuation Instruction." in page
    with Session(app.services.db) as session:
        row = session.exec(
            select(SegmentTranslation).where(
                SegmentTranslation.language == "en", SegmentTranslation.position == 1
            )
        ).one()
    assert row.glossary_terms == [
        {"source": "避難指示", "translation": "Evacuation Instruction", "keep": False, "index": 1}
    ]
    segment = app.translation(bulletin, "en")["segments"][1]
    assert segment["glossary_terms"] == [
        {"source": "避難指示", "translation": "Evacuation Instruction", "keep": False}
    ]


def test_changing_a_term_retranslates_the_sentences_that_use_it(app: App) -> None:
    created = app.client.post("/api/v1/glossary", json=TERM, headers=app.keys["approver"]).json()
    bulletin = app.create()
    app.publish(bulletin)
    app.client.patch(
        f"/api/v1/glossary/{created['id']}",
        json={"translation": "Evacuation Order"},
        headers=app.keys["approver"],
    )
    app.engine.texts.clear()
    response = app.client.post(
        f"/api/v1/bulletins/{bulletin}/publish", headers=app.keys["approver"]
    )
    app.job(response.json()["status_url"])
    assert app.engine.texts == [("en", "大雨のため[1]を出しました。")]
    assert "we issued an Evacuation Order." in app.page("en", bulletin)
