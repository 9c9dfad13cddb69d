"""Translation memory through the publisher: a re-publish translates only what changed."""

from __future__ import annotations

import pytest
from sqlmodel import Session, col, select

from publisher.tables import SegmentTranslation
from tests.publisher.test_memory_support import BODY, App, app, fake_engine

pytestmark = pytest.mark.postgres  # on SQLite + SQLite queue, and PostgreSQL + Redis

__all__ = ["app", "fake_engine"]


def test_first_publish_translates_every_sentence_once_for_all_languages(app: App) -> None:
    bulletin = app.create()
    job = app.publish(bulletin)
    assert job["progress"]["en"]["status"] == "published"
    # one call per language with the 5 sentences (title + 4 body), nothing else
    assert app.engine.calls == [("ja", "en", 5), ("ja", "pt", 5)]
    page = app.page("en", bulletin)
    assert "Reception opens Saturday, December 13, 9:00&nbsp;AM." in page
    assert "053-000-0110" in page


def test_editing_one_sentence_retranslates_only_that_sentence(app: App) -> None:
    bulletin = app.create()
    app.publish(bulletin)
    app.engine.texts.clear()
    app.edit(bulletin, body=BODY.replace("川には近づかない", "川には絶対に近づかない"))
    app.publish(bulletin)
    assert app.engine.texts == [
        ("en", "川には絶対に近づかないでください。"),
        ("pt", "川には絶対に近づかないでください。"),
    ]
    assert "Never go near rivers." in app.page("en", bulletin)
    with Session(app.services.db) as session:
        rows = session.exec(
            select(SegmentTranslation)
            .where(SegmentTranslation.revision == 2, SegmentTranslation.language == "en")
            .order_by(col(SegmentTranslation.position))
        ).all()
    assert [row.reused for row in rows] == [True, True, True, True, False]
    assert all(row.source_hash and row.model_version == "fake:ja-en" for row in rows)


def test_republishing_the_same_revision_calls_no_engine(app: App) -> None:
    bulletin = app.create()
    app.publish(bulletin)
    app.engine.texts.clear()
    response = app.client.post(
        f"/api/v1/bulletins/{bulletin}/publish", headers=app.keys["approver"]
    )
    app.job(response.json()["status_url"])
    assert app.engine.texts == []
