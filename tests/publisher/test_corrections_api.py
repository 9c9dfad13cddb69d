"""Staff see each sentence beside the Japanese and correct it; corrections survive edits."""

from __future__ import annotations

from typing import Any

import pytest

from tests.publisher.test_memory_support import BODY, App, app, fake_engine

pytestmark = pytest.mark.postgres  # on SQLite + SQLite queue, and PostgreSQL + Redis

__all__ = ["app", "fake_engine"]


def correct(
    app: App, bulletin: int, language: str, segment_id: str, text: str, role: str = "approver"
) -> Any:
    return app.client.put(
        f"/api/v1/bulletins/{bulletin}/translations/{language}/segments/{segment_id}",
        json={"text": text},
        headers=app.keys[role],
    )


def test_sentences_are_listed_beside_the_japanese(app: App) -> None:
    bulletin = app.create()
    app.publish(bulletin)
    view = app.translation(bulletin, "en")
    assert view["revision"] == 1 and view["status"] == "published"
    segments = view["segments"]
    assert segments[0]["segment_id"] == "title"
    date = segments[3]
    assert date["source"] == "受付は12月13日（土曜日）午前9時からです。"
    assert date["text"] == "Reception opens Saturday, December 13, 9:00\u00a0AM."
    assert date["masked_source"] == "受付は[1]からです。"
    assert date["masked_text"] == "Reception opens [1]."
    assert date["origin"] == "machine" and date["engine"] == "fake"
    assert date["model_version"] == "fake:ja-en"
    assert date["flags"] == []


def test_a_correction_is_published_and_traced(app: App) -> None:
    bulletin = app.create()
    app.publish(bulletin)
    phone = app.translation(bulletin, "en")["segments"][2]
    response = correct(app, bulletin, "en", phone["segment_id"], "Questions? Phone 053-000-0110.")
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert accepted["segment"]["masked_text"] == "Questions? Phone [1]."
    app.job(accepted["status_url"])
    page = app.page("en", bulletin)
    assert "Questions? Phone" in page and "For questions, call" not in page
    assert 'href="tel:053-000-0110"' in page
    after = app.translation(bulletin, "en")["segments"][2]
    assert after["origin"] == "human"
    assert after["corrected_by"] == "approver-san"
    assert after["machine_text"] == "For questions, call 053-000-0110."
    versions = app.client.get(f"/api/v1/bulletins/{bulletin}", headers=app.keys["editor"]).json()
    english = next(v for v in versions["versions"] if v["language"] == "en")
    assert english["translation"] == "human_corrected"
    assert versions["state"] == "published"


def test_a_correction_that_drops_the_phone_number_is_refused(app: App) -> None:
    bulletin = app.create()
    app.publish(bulletin)
    phone = app.translation(bulletin, "en")["segments"][2]
    response = correct(app, bulletin, "en", phone["segment_id"], "Please call us.")
    assert response.status_code == 422
    assert "053-000-0110" in response.text


def test_refusals(app: App) -> None:
    bulletin = app.create()
    assert correct(app, bulletin, "en", "title", "Shelters").status_code == 404  # not published
    app.publish(bulletin)
    assert correct(app, bulletin, "en", "title", "Shelters", role="editor").status_code == 403
    assert correct(app, bulletin, "en", "nope-1", "Shelters").status_code == 404
    assert correct(app, bulletin, "ja", "title", "避難所").status_code == 404
    assert correct(app, bulletin, "vi", "title", "Shelters").status_code == 404
    assert correct(app, 999, "en", "title", "Shelters").status_code == 404
    assert correct(app, bulletin, "en", "title", " ").status_code == 422


def test_a_correction_survives_a_later_edit_of_another_sentence(app: App) -> None:
    bulletin = app.create()
    app.publish(bulletin)
    title = app.translation(bulletin, "en")["segments"][0]
    app.job(
        correct(app, bulletin, "en", title["segment_id"], "Evacuation shelters are open").json()[
            "status_url"
        ]
    )
    app.engine.texts.clear()
    app.edit(bulletin, body=BODY.replace("川には近づかない", "川には絶対に近づかない"))
    app.publish(bulletin)
    assert app.engine.texts == [
        ("en", "川には絶対に近づかないでください。"),
        ("pt", "川には絶対に近づかないでください。"),
    ]
    view = app.translation(bulletin, "en")
    assert view["revision"] == 2
    assert view["segments"][0]["text"] == "Evacuation shelters are open"
    assert view["segments"][0]["origin"] == "human"
    page = app.page("en", bulletin)
    assert "Evacuation shelters are open" in page and "Never go near rivers." in page
